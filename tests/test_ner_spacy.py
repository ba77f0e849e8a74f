from __future__ import annotations

import overlong
import pytest

from factx.model import Document, Label
from factx.pieces import MODEL_CHARS

CASES = [
    (
        "President Donald Trump met Chinese officials in Washington on Monday.",
        {("Donald Trump", Label.PERSON), ("Washington", Label.LOCATION)},
    ),
    (
        "Apple Inc. said sales in China rose.",
        {("Apple Inc.", Label.ORG), ("China", Label.LOCATION)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_spacy_maps_labels_and_offsets(spacy_ner, text, expected):
    found = list(spacy_ner.extract(Document("d", text, "en")))
    assert expected <= {(m.text, m.label) for m in found}
    assert all(text[m.start : m.end] == m.text for m in found)


def test_spacy_runs_only_the_ner_component(spacy_ner, monkeypatch):
    """The pipeline is loaded whole (the syntax linker parses with it), but the extractor's
    documents get entities only: no tags, no parse."""
    parsed, pipe = [], spacy_ner.nlp.pipe

    def watched(texts, **kwargs):
        for doc in pipe(texts, **kwargs):
            parsed.append(doc)
            yield doc

    monkeypatch.setattr(spacy_ner.nlp, "pipe", watched)
    spacy_ner.extract(Document("d", "Angela Merkel met Emmanuel Macron in Paris.", "en"))
    assert parsed and all(doc.ents for doc in parsed)
    assert not any(doc.has_annotation("TAG") or doc.has_annotation("DEP") for doc in parsed)


def test_a_known_word_is_the_model_s_not_what_was_read_before(spacy_ner):
    """Whether a word of a headline in capitals is known (and so written in lower case)
    must not depend on the documents a worker happened to read before."""
    made_up = "zorblaxine"
    assert not spacy_ner._known_word(made_up)
    spacy_ner.extract(Document("d", f"The {made_up} plant opened in Ohio.", "en"))
    assert made_up in spacy_ner.nlp.vocab.strings  # spaCy's own store has grown
    assert not spacy_ner._known_word(made_up)


def test_spacy_names_the_fix_when_no_pipeline_is_installed():
    pytest.importorskip("spacy", reason="the en extra is not installed")
    from factx.ner.spacy import SpacyNER

    with pytest.raises(RuntimeError, match=r"pip install 'factx\[en\]'"):
        SpacyNER("en", model="no_such_pipeline_xx")


def test_spacy_falls_back_to_the_installed_pipeline(spacy_ner):
    from factx.ner.spacy import find_model

    assert find_model(("no_such_pipeline_xx", spacy_ner.model_name)) == spacy_ner.model_name


RULES = [
    # articles and possessives stay outside; a country before a state body is its own place
    (
        "The US Department of Energy said Kenya's Mombara Telecom would join the project.",
        {("US", Label.LOCATION), ("Department of Energy", Label.ORG), ("Kenya", Label.LOCATION)},
    ),
    # an organisation before a role and a person, which the model misses
    (
        "Apple CEO Tim Cook met Pakistan coach Imran Khan.",
        {("Apple", Label.ORG), ("Tim Cook", Label.PERSON), ("Pakistan", Label.LOCATION)},
    ),
    # a parenthesised abbreviation takes the full name's label
    (
        "The International Labour Organization (ILO) warned on Tuesday.",
        {("International Labour Organization", Label.ORG), ("ILO", Label.ORG)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), RULES)
def test_spacy_rules_clean_and_relabel_spans(spacy_ner, text, expected):
    found = {(m.text, m.label) for m in spacy_ner.extract(Document("d", text, "en"))}
    assert expected <= found
    assert not any(t.startswith(("The ", "the ")) or t.endswith("'s") for t, _ in found)


def test_spacy_rules_off_gives_the_model_alone(spacy_ner):
    from factx.ner.spacy import SpacyNER

    raw = SpacyNER("en", model=spacy_ner.model_name, rules=False)
    assert raw.refine is None and spacy_ner.refine is not None


def test_spacy_gets_an_over_long_sentence_in_pieces(spacy_ner, monkeypatch):
    lengths: list[int] = []
    monkeypatch.setattr(spacy_ner.nlp, "pipe", overlong.recording(spacy_ner.nlp.pipe, lengths))
    sentence = "President Donald Trump met Chinese officials in Washington on Monday."
    filler = "the ministers talked about trade and shipping with many officials and "
    overlong.check(spacy_ner.extract, "en", sentence, filler, 5000, lengths, MODEL_CHARS)
