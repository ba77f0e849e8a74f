from __future__ import annotations

import pytest

from factx.segment import Sentences

CASES = [
    ("Путин прибыл. Трамп уехал.", "Трамп", "Трамп уехал."),
    ("Ông Putin nói. Bà Nga đáp lại.", "Putin", "Ông Putin nói."),
    ("Mr. Smith left. Then he came back.", "Smith", "Mr. Smith left."),
]


@pytest.mark.parametrize(("text", "word", "sentence"), CASES)
def test_sentence_around_a_mention(text, word, sentence):
    start = text.index(word)
    assert Sentences(text).around(start, start + len(word)) == sentence


def test_header_is_never_part_of_a_sentence():
    text = " date 2025-11-05 Hello there. Bye."
    sents = Sentences(text, start=17)
    assert sents.around(17, 22) == "Hello there."


def test_a_mention_across_a_break_gets_both_sentences():
    text = "One. Two."
    assert Sentences(text).around(0, 8) == "One. Two."
