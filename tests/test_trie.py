"""Trie-shaped alternations match exactly what the flat, longest-first alternation matches."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from factx.rules import trie

CASES = [
    (["семь", "семьсот", "семьдесят"], "семьсот рублей", "семьсот"),
    (["семь", "семьсот", "семьдесят"], "семьдесят", "семьдесят"),
    (["семь", "семьсот"], "семьс", "семь"),
    (["m", "mm", "m.", "m/s"], "m/s", "m/s"),
    (["tỷ", "tỉ", "nghìn tỷ"], "nghìn tỷ đồng", "nghìn tỷ"),
    (["a+b", "a"], "a+b", "a+b"),
]


@pytest.mark.parametrize(("words", "text", "expected"), CASES)
def test_longest_word_wins(words, text, expected):
    assert regex.match(trie.pattern(words), text)[0] == expected


def test_no_words_match_only_the_empty_string():
    assert regex.match(trie.pattern([]), "abc")[0] == ""


WORDS = st.lists(st.text(alphabet="abc.+ ", min_size=1, max_size=5), min_size=1, max_size=12)


@given(WORDS, st.text(alphabet="abc.+ x", max_size=12))
def test_same_matches_as_a_flat_alternation(words, text):
    flat = "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
    for pos in range(len(text) + 1):
        a = regex.compile(f"(?:{flat})").match(text, pos)
        b = regex.compile(f"(?:{trie.pattern(words)})").match(text, pos)
        assert (a and a.span()) == (b and b.span())
