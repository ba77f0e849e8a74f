"""Where long texts are cut: documents over --max-chars into windows, over-long sentences
into pieces a model can take, both in linear time and with offsets into the whole text."""

from __future__ import annotations

import itertools
import unicodedata

import pytest

from factx.pieces import MODEL_CHARS, RUN_CHARS, each, groups, model_text, pieces, windows

PARAGRAPH = "Moscow and Hanoi signed a deal. Officials in Canberra said Lynas would grow.\n\n"
# Run-on text with no sentence end, per language, and text with no space at all.
RUN_ON = {
    "ru": "в городе прошло совещание по вопросам торговли и ",
    "vi": "các bộ trưởng đã thảo luận về thương mại và ",
    "en": "the ministers talked about trade and shipping and ",
    "digits": "12,5.07-3/4;",
    "marks": "\x01\x02e\u0301\u0323\x7f",
}

# What the cuts inside each kind of run-on text fall on (the last character kept, the next).
CUT = {
    "ru": lambda last, _: last == " ",
    "vi": lambda last, _: last == " ",
    "en": lambda last, _: last == " ",
    "digits": lambda last, _: last in ",.-/;",
    "marks": lambda _, next_: not unicodedata.combining(next_),
}


def covers(spans: list[tuple[int, int]], lo: int, hi: int) -> bool:
    pairs = itertools.pairwise(spans)
    return spans[0][0] == lo and spans[-1][1] == hi and all(b == c for (_, b), (c, _) in pairs)


@pytest.mark.parametrize("limit", [1, 7, 50, 200, 10_000])
def test_windows_cover_the_text_in_order_within_the_limit(limit):
    text = PARAGRAPH * 20 + "x" * 300
    spans = windows(text, limit)
    assert covers(spans, 0, len(text))
    assert all(0 < b - a <= limit for a, b in spans)


def test_windows_cut_at_paragraph_breaks_when_there_are_some():
    text = PARAGRAPH * 10
    for a, b in windows(text, 300)[:-1]:
        assert text[a:b].endswith("\n\n")


def test_windows_of_a_range_stay_inside_it():
    text = PARAGRAPH * 10
    assert covers(windows(text, 100, 40, 700), 40, 700)


@pytest.mark.parametrize("kind", RUN_ON)
def test_an_over_long_sentence_is_cut_and_the_rest_kept_whole(kind):
    before, after = "Officials met in Hanoi. ", " The ministry declined to comment."
    run_on = RUN_ON[kind] * (3 * MODEL_CHARS // len(RUN_ON[kind]))
    text = before + run_on + "." + after
    spans = pieces(text)
    assert covers(spans, 0, len(text))
    assert all(b - a <= MODEL_CHARS for a, b in spans)
    assert spans[0] == (0, len(before)) and text[slice(*spans[-1])] == after.lstrip()
    for _, b in spans[1:-2]:  # cut at a space, else at punctuation, never inside a letter
        assert CUT[kind](text[b - 1], text[b])


def test_a_text_without_over_long_sentences_is_one_piece_up_to_a_run():
    text = PARAGRAPH * 100
    assert pieces(text) == [(0, len(text))]
    long = PARAGRAPH * (3 * RUN_CHARS // len(PARAGRAPH))
    spans = pieces(long)
    assert covers(spans, 0, len(long)) and len(spans) == 3
    assert all(b - a <= RUN_CHARS and long[a:b].endswith("\n\n") for a, b in spans)
    assert each([text, "", "Short."]) == [(0, 0, len(text)), (1, 0, 0), (2, 0, 6)]


def test_text_without_any_break_is_cut_between_letters():
    text = "e\u0301" * MODEL_CHARS * 3
    spans = pieces(text, 100)
    assert covers(spans, 0, len(text)) and all(b - a <= 100 for a, b in spans)
    assert all(text[a] == "e" for a, _ in spans)


NOISE = [
    ("Hanoi\x00\x1bMoscow\tParis\r\nRome\x85", "Hanoi  Moscow\tParis\r\nRome "),
    ("\u0301\u0302Ha\u0323\u0302 No\u0323i \x01\u0301x", "  Ha\u0323\u0302 No\u0323i   x"),
    ("Ngh\u1ec7 An, 5\u20e3 \u20e3", "Ngh\u1ec7 An, 5\u20e3  "),
]


@pytest.mark.parametrize(("text", "seen"), NOISE)
def test_a_model_reads_control_characters_and_stray_marks_as_spaces(text, seen):
    assert model_text(text) == seen and len(seen) == len(text)


def test_pieces_are_grouped_in_order_within_a_total_length():
    cut = each(["a" * 40, "b" * 30, "c" * 50, "d" * 10, "e" * 90])
    assert [[i for i, _, _ in g] for g in groups(cut, 80)] == [[0, 1], [2, 3], [4]]
    assert groups([], 80) == [] and groups(each(["", ""]), 80) == [[(0, 0, 0), (1, 0, 0)]]
