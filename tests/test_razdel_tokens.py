from __future__ import annotations

import random

import pytest
from razdel import tokenize

from factx.ner.razdel_tokens import Tokenizer

# Where razdel's rules look across a space: a dash, underscore, point, comma or slash at
# the edge of a stretch reads the kind of the atom beyond it.
CASES = [
    "что-то и кто -то, или где- то",
    "северо- восточный и северо -восточный",
    "в 2024 г. рост 3,5 % против 2,1% и 5, 6 или 5 ,6 и 1/2 и 3 / 4",
    "a_b, a _b, a_ b, snake_case_name",
    "Ура!!! Что?! ... :-) ;) --- ***",
    "ΔP и Δσ, mβж",
    "Yahoo! и yahoo !",
    "«Газпром» (ПАО) — 1 200 руб./т",
    "  пробелы\tи\nстроки  ",
    "",
    "е\u0301сли ударе\u0301ние",
]


@pytest.mark.parametrize("text", CASES)
def test_the_same_tokens_as_razdel(text):
    tokenizer = Tokenizer()
    expected = [(t.start, t.stop, t.text) for t in tokenize(text)]
    for _ in range(2):  # the second time from memory
        assert [tuple(t) for t in tokenizer(text)] == expected


def test_a_remembered_stretch_reads_its_new_neighbours():
    """ "-то" after a word joins the word's token in razdel; after a comma it does not."""
    tokenizer = Tokenizer()
    for text in ["кто -то", "кто, -то", ", -то", "-то", "5 ,6", "x ,6", "5 ,"]:
        assert [t.text for t in tokenizer(text)] == [t.text for t in tokenize(text)]


def test_random_texts_of_edge_characters():
    """Many short texts from the characters razdel's rules care about, through one
    tokenizer, so that most stretches come from memory with other neighbours."""
    pick = random.Random(13)
    alphabet = [*"аБёzQ09-–—_.,/\\:;!?()«»\"'Δσ%№… ", " ", "\n", "\u0301"]
    tokenizer = Tokenizer()
    for _ in range(3000):
        text = "".join(pick.choice(alphabet) for _ in range(pick.randint(1, 20)))
        expected = [(t.start, t.stop, t.text) for t in tokenize(text)]
        assert [tuple(t) for t in tokenizer(text)] == expected, text


def test_memory_is_bounded():
    tokenizer = Tokenizer(remember=10)
    for n in range(100):
        tokenizer(f"слово{n}, и")
    assert len(tokenizer.known) <= 10
    long = "а," * 100
    tokenizer(long)
    assert long not in {key[0] for key in tokenizer.known}
