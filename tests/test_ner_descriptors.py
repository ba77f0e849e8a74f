"""Descriptor words around names, on their own: the words are data, so each case gives them."""

from __future__ import annotations

import pytest

from factx.ner.descriptors import Descriptors, Stems
from factx.ner.refine import Refiner

RU = {
    "org_descriptors": ["компани", "агентств"],
    "work_descriptors": ["стать", "форум"],
    "place_descriptors": ["площад"],
    "quoted_place_descriptors": ["аэропорт"],
    "org_stems": ["министерств", "мид", "европейск союз"],
    "relational_suffixes": ["ск"],
    "relational_adjectives": ["государственн"],
    "adjective_endings": ["ий", "ого", "ой", "ом", "ая"],
    "name_joiners": ["им."],
}

STEMS = [
    # (stems, word, a form of one?)
    (["компани"], "Компанией", True),
    (["компани"], "компаниями", True),  # three letters of ending at most
    (["площад"], "площадка", True),
    (["площад"], "площадками", False),
    (["мид"], "Мидлсбро", False),
    ([], "компания", False),
]


@pytest.mark.parametrize(("stems", "word", "found"), STEMS)
def test_stems_take_a_case_ending_and_no_more(stems, word, found):
    assert (word in Stems(stems)) is found


SPLIT = [
    # (text, span as label and text, names left)
    ("Компания «Заря» растёт.", ("ORG", "Компания «Заря»"), [("ORG", "Заря")]),
    ("Акции ОАО «Заря» растут.", ("ORG", "ОАО «Заря»"), [("ORG", "Заря")]),
    ("Агентство Nordpress пишет.", ("ORG", "Агентство Nordpress"), [("ORG", "Nordpress")]),
    # a Latin abbreviation is part of a Latin name, no descriptor
    ("Канал KTV News пишет.", ("ORG", "KTV News"), [("ORG", "KTV News")]),
    (
        "Он сказал Русской редакции «Заря» всё.",
        ("ORG", "Русской редакции «Заря»"),
        [("ORG", "Русской редакции"), ("ORG", "Заря")],
    ),
    ("В статье «Заря» нет имён.", ("ORG", "статье «Заря»"), []),
    ("На форуме «Заря» был он.", ("ORG", "Заря"), []),
    ("Сел в аэропорту «Заря».", ("ORG", "Заря"), [("LOC", "Заря")]),
    ("На Красной площади тихо.", ("LOC", "Красной площади"), [("LOC", "Красной")]),
    ("Красная площадь", ("ORG", "Красная площадь"), [("ORG", "Красная площадь")]),
]


@pytest.mark.parametrize(("text", "span", "expected"), SPLIT)
def test_descriptors_leave_the_name(text, span, expected):
    label, name = span
    start = text.index(name)
    out = Descriptors(RU).split(text, (label, start, start + len(name)))
    assert [(k, text[s:e]) for k, s, e in out] == expected


EXTEND = [
    # (text, spans as label and text, spans after)
    ("Глава чешского МИДа сказал.", [("ORG", "МИДа")], [("ORG", "чешского МИДа")]),
    ("Глава нового МИДа сказал.", [("ORG", "МИДа")], [("ORG", "МИДа")]),
    # an adjective joins only an organisation word: "Компании" is none in these words
    ("Глава государственной Компании.", [("ORG", "Компании")], [("ORG", "Компании")]),
    ("Солист тверского «Рассвета».", [("ORG", "Рассвета")], [("ORG", "тверского «Рассвета»")]),
    (
        "Театр им. Ивана Серова открыт.",
        [("ORG", "Театр"), ("PER", "Ивана Серова")],
        [("ORG", "Театр им. Ивана Серова")],
    ),
    (
        "Он в Министерстве Лимы.",
        [("ORG", "Министерстве"), ("LOC", "Лимы")],
        [("ORG", "Министерстве Лимы")],
    ),
    (
        "Министерство Лимы открыто.",  # a capital at a sentence's start says nothing
        [("ORG", "Министерство"), ("LOC", "Лимы")],
        [("ORG", "Министерство"), ("LOC", "Лимы")],
    ),
    (
        "Он в Министерстве Перу.",  # a country after a state body is its own
        [("ORG", "Министерстве"), ("LOC", "Перу")],
        [("ORG", "Министерстве"), ("LOC", "Перу")],
    ),
    # a country's abbreviation after a state body is its own too ("[МИД] [РФ]")
    ("Глава МИДа ПР сказал.", [("ORG", "МИДа"), ("LOC", "ПР")], [("ORG", "МИДа"), ("LOC", "ПР")]),
]


@pytest.mark.parametrize(("text", "found", "expected"), EXTEND)
def test_organisations_take_their_adjective_and_the_name_after(text, found, expected):
    spans, pos = [], 0
    for label, name in found:
        start = text.index(name, pos)
        spans.append((label, start, start + len(name)))
        pos = start + len(name)
    out = Descriptors(RU).extend(text, spans, lambda name: name in ("Перу", "ПР"))
    assert [(k, text[s:e]) for k, s, e in out] == expected


def test_a_language_without_descriptor_words_keeps_its_spans():
    text = "Acme «Star» grew on Main Street."
    spans = [("ORG", 0, 11), ("LOC", 20, 31)]
    assert Refiner("en")(text, spans) == spans
