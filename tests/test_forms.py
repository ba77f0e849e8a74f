"""Forms looked up by position: what a longest-first regex alternation of them matches."""

from __future__ import annotations

import pytest
import regex

from factx.rules import numbers
from factx.rules.forms import Forms

WORDS = ["đô la", "đô", "рубль", "рублей", "dollars", "dollar", "square miles", "mile"]
SYMBOLS = ["$", "US$", "т", "km", "km²", "M"]

CASES = [
    ("5 рублей и", 2, "рублей"),
    ("5 РУБЛЕЙ", 2, "РУБЛЕЙ"),  # words in any case
    ("350 tỷ đô la Mỹ", 7, "đô la"),  # the longest form wins
    ("350 tỷ đô\u00a0\u00a0la", 7, "đô\u00a0\u00a0la"),  # any run of spaces in a form
    ("3 square  miles", 2, "square  miles"),
    ("7 dollarsworth", 2, None),  # never the start of a longer word
    ("12 т нефти", 3, "т"),
    ("12 Т", 3, None),  # symbols only as written
    ("5 km² of", 2, "km²"),
    ("5 km/h", 2, "km"),
    ("5 M", 2, "M"),
    ("5 m", 2, None),
    ("US$ 5", 0, "US$"),
    ("", 0, None),
]


@pytest.mark.parametrize(("text", "at", "expected"), CASES)
def test_form_at_a_position(text, at, expected):
    hit = Forms(WORDS, SYMBOLS).match(text, at)
    assert (text[at : hit[1]] if hit else None) == expected


@pytest.mark.parametrize(("text", "at", "expected"), CASES)
def test_same_as_the_regex_alternation(text, at, expected):
    m = regex.compile(numbers.forms_pattern(WORDS, SYMBOLS)).match(text, at)
    hit = Forms(WORDS, SYMBOLS).match(text, at)
    assert (m.end() if m else None) == (hit[1] if hit else None)


def test_a_form_given_as_word_and_symbol_is_a_word():
    assert Forms(["Kt"], ["Kt"]).match("5 KT", 2) == ("Kt", 4)
    assert not Forms() and Forms(["a"])
