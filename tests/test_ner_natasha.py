from __future__ import annotations

import overlong
import pytest

from factx.model import Document, Label
from factx.pieces import MODEL_CHARS

CASES = [
    (
        "Президент России Владимир Путин поручил правительству подготовить карту.",
        {("Владимир Путин", Label.PERSON), ("России", Label.LOCATION)},
    ),
    (
        "Министерство финансов России и Сбербанк подписали соглашение в Москве.",
        {("Москве", Label.LOCATION)},
    ),
    (
        "Дональд Трамп заявил, что США и Китай договорились.",
        {("Дональд Трамп", Label.PERSON), ("США", Label.LOCATION), ("Китай", Label.LOCATION)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_natasha_finds_entities_with_exact_offsets(natasha_ner, text, expected):
    doc = Document("d", text, "ru")
    found = list(natasha_ner.extract(doc))
    assert expected <= {(m.text, m.label) for m in found}
    assert all(text[m.start : m.end] == m.text for m in found)


def test_natasha_reads_past_a_blanked_header(natasha_ner):
    text = " date 2025-11-13 Владимир Путин прибыл в Пекин."
    doc = Document("d", text, "ru", body_start=17).body_view()
    found = list(natasha_ner.extract(doc))
    assert ("Владимир Путин", 17) in {(m.text, m.start) for m in found}


RULES = [
    # organisation words in any case form make an organisation; a country stays a place
    (
        "Представители Европейского союза и Российской Федерации встретились в Брюсселе.",
        {("Европейского союза", Label.ORG), ("Российской Федерации", Label.LOCATION)},
    ),
    # a name with its original spelling in brackets is two mentions
    (
        "Глава компании Джон Смит (John Smith) прибыл в Москву.",
        {("Джон Смит", Label.PERSON), ("John Smith", Label.PERSON)},
    ),
    # a legal form before a quoted name leaves it; an adjective of place joins a ministry
    (
        "Глава ОАО «Северсталь» встретился с представителями финского МИДа.",
        {("Северсталь", Label.ORG), ("финского МИДа", Label.ORG)},
    ),
    # the kind of place leaves a street's name; a title of an event is no organisation
    (
        "Митинг на Садовой улице прошёл после форума «Россия — Африка».",
        {("Садовой", Label.LOCATION)},
    ),
    # a Latin name keeps its abbreviation
    (
        "Как сообщил телеканал NBC News, прогноз повышен.",
        {("NBC News", Label.ORG)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), RULES)
def test_natasha_rules_relabel_and_split_spans(natasha_ner, text, expected):
    found = list(natasha_ner.extract(Document("d", text, "ru")))
    assert expected <= {(m.text, m.label) for m in found}
    assert not any("«" in m.text and m.label == Label.ORG for m in found)
    assert all(text[m.start : m.end] == m.text for m in found)


def test_natasha_batch_gives_the_spans_of_natasha_doc_api(seeds):
    """factx calls slovnet on many texts at once and skips ``Doc.segment``; the spans must
    be those of natasha's documented one-document API."""
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    from factx.ner.natasha import LABELS, NatashaNER

    raw = NatashaNER("ru", rules=False)
    articles = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    texts = [*(s for s, _ in CASES), *(s for s, _ in RULES), *articles, "", "12 345"]
    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())
    expected = []
    for text in texts:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
        expected.append([(s.start, s.stop, LABELS[s.type]) for s in doc.spans])
    found = raw.extract_many([Document(str(i), t, "ru") for i, t in enumerate(texts)])
    assert [[(m.start, m.end, m.label) for m in ms] for ms in found] == expected
    assert any(expected)


def test_natasha_gets_an_over_long_sentence_in_pieces(natasha_ner, monkeypatch):
    lengths: list[int] = []
    packed = natasha_ner.packed
    monkeypatch.setattr(packed, "spans", overlong.recording(packed.spans, lengths))
    sentence = "Президент России Владимир Путин прибыл в Пекин."
    filler = "в городе прошло совещание по вопросам торговли и "
    overlong.check(natasha_ner.extract, "ru", sentence, filler, 5000, lengths, MODEL_CHARS)


@pytest.mark.parametrize(
    "text", ["   ", "\x01\u0301\x02\u0302" * 600, "Путин прибыл. \x01\x02 \u0301"]
)
def test_natasha_takes_text_with_pieces_of_no_word(natasha_ner, text):
    found = list(natasha_ner.extract(Document("d", text, "ru")))
    assert all(text[m.start : m.end] == m.text for m in found)
