"""One pymorphy3 analyser per process serves the name resolver and the date tenses."""

from __future__ import annotations

import sys
from importlib.util import find_spec

import pytest

from factx import morph
from factx.resolve import names
from factx.rules.tense_morph import PAST, load
from factx.rules.timewords import time_words

needs_morph = pytest.mark.skipif(
    find_spec("pymorphy3") is None,
    reason="the ru extra (pymorphy3) is not installed: pip install factx[ru]",
)


@needs_morph
@pytest.mark.parametrize(
    ("word", "lemma", "tense"),
    [
        ("подписал", "подписать", PAST),
        ("Петровой", "петров", None),
    ],
)
def test_names_and_tenses_read_words_with_the_same_analyser(word, lemma, tense):
    shared = morph.analyzer()
    verbs = load(time_words("ru"))
    assert verbs is not None and verbs.analyzer is shared and names._morph() is shared
    assert shared.parse(word.lower())[0].normal_form == lemma
    if tense is not None:
        assert verbs.of(word) == tense


def test_without_the_ru_extra_there_is_no_analyser_and_tenses_use_endings(monkeypatch):
    monkeypatch.setitem(sys.modules, "pymorphy3", None)  # import pymorphy3 fails
    morph.analyzer.cache_clear()
    try:
        assert morph.analyzer() is None
        assert load(time_words("ru")) is None
    finally:
        morph.analyzer.cache_clear()
