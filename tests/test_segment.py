from __future__ import annotations

import unicodedata

import pytest

from factx.segment import CONTEXT_CHARS, ELLIPSIS, Sentences, window

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


# Run-on text with no sentence end, as scraped pages and broken files give: a sentence
# cell holds a window around the mention instead of the whole "sentence".
RUN_ON = [
    ("ru", "в городе прошло совещание по вопросам торговли и ", "Путин"),
    ("vi", "các bộ trưởng đã thảo luận về thương mại và ", "Hà Nội"),
    ("en", "the ministers talked about trade and shipping and ", "Jakarta"),
]


@pytest.mark.parametrize(("lang", "filler", "word"), RUN_ON)
@pytest.mark.parametrize("where", [0.0, 0.5, 1.0])
def test_a_run_on_sentence_gives_a_window_cut_at_words(lang, filler, word, where):
    body = filler * 200
    at = int(len(body) * where)
    at = body.rfind(" ", 0, at) + 1 if at else 0
    text = body[:at] + word + " " + body[at:] + "."
    start = text.index(word)
    cell = Sentences(text).around(start, start + len(word))
    assert len(cell) <= CONTEXT_CHARS and word in cell
    inner = cell.removeprefix(ELLIPSIS).removesuffix(ELLIPSIS)
    lo = text.index(inner)
    assert text[lo : lo + len(inner)] == inner  # a piece of the text, offsets intact
    assert lo <= start and start + len(word) <= lo + len(inner)
    assert cell.startswith(ELLIPSIS) == (lo > 0)
    assert cell.endswith(ELLIPSIS) == (lo + len(inner) < len(text))
    # cut at word boundaries: a space (or the text's edge) on each side of the window
    assert lo == 0 or text[lo - 1] == " "
    assert lo + len(inner) == len(text) or text[lo + len(inner)] == " "


def test_a_sentence_of_normal_length_is_kept_whole():
    sentence = "The ministers talked about trade. " * 20
    text = sentence.strip()
    cell = Sentences(text).around(4, 13)
    assert cell == "The ministers talked about trade."
    assert window(text, 0, len(text), 4, 13, limit=len(text)) == text


def test_text_without_spaces_is_cut_between_letters_not_inside_one():
    text = "xe\u0301" * 3000  # letters with combining accents, no space anywhere
    cell = window(text, 0, len(text), 4500, 4503, limit=100)
    assert len(cell) <= 100
    inner = cell.strip(ELLIPSIS)
    assert not unicodedata.combining(inner[0]) and inner[-1] == "\u0301"
    assert inner in text


def test_a_mention_longer_than_the_window_keeps_its_beginning():
    text = "a " * 100 + "9" * 5000 + " b" * 100
    cell = window(text, 0, len(text), 200, 5200, limit=300)
    assert len(cell) <= 300 and cell.startswith(ELLIPSIS + "9") and cell.endswith(ELLIPSIS)
