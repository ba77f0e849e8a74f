"""One pymorphy3 analyser per pipeline serves the name resolver and the date tenses."""

from __future__ import annotations

import sys
from importlib.util import find_spec

import pytest

from factx.morph import analyzer
from factx.pipeline import Pipelines, load_config
from factx.resolve.names import NameResolver
from factx.resources import Resources
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
    resources = Resources()
    verbs = load(time_words("ru"), resources)
    names = NameResolver("ru", resources)
    shared = resources.get(analyzer)
    assert verbs is not None and verbs.analyzer is shared and names.lemmas.morph is shared
    assert shared.parse(word.lower())[0].normal_form == lemma
    if tense is not None:
        assert verbs.of(word) == tense


@needs_morph
def test_the_russian_pipeline_loads_one_analyser(monkeypatch):
    from factx import morph

    made = []

    def counted():
        made.append(1)
        return analyzer()

    monkeypatch.setattr(morph, "analyzer", counted)
    monkeypatch.setattr("factx.resolve.names.analyzer", counted)
    monkeypatch.setattr("factx.rules.tense_morph.analyzer", counted)
    pipeline = Pipelines(load_config("news")).get("ru")
    assert pipeline.names.lemmas.morph is not None
    assert len(made) == 1


def test_other_languages_read_no_morphology():
    assert NameResolver("en", Resources()).lemmas.morph is None


def test_without_the_ru_extra_there_is_no_analyser_and_tenses_use_endings(monkeypatch):
    monkeypatch.setitem(sys.modules, "pymorphy3", None)  # import pymorphy3 fails
    assert analyzer() is None
    assert load(time_words("ru"), Resources()) is None
