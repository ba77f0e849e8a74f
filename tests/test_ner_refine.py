"""The language-general rule layer over a tagger's spans, one case table per language.

Each case gives a sentence, the spans a tagger might return (as label and text) and the
spans the rules must leave. No model runs here: the rules are tested on their own.
"""

from __future__ import annotations

import pytest

from factx.ner.agreement import abbreviations, agree
from factx.ner.phrases import Phrases, StemRuns
from factx.ner.refine import Refiner


def spans_of(text: str, found: list[tuple[str, str]]) -> list[tuple[str, int, int]]:
    out, pos = [], 0
    for label, name in found:
        start = text.index(name, pos if text.find(name, pos) >= 0 else 0)
        out.append((label, start, start + len(name)))
        pos = start + len(name)
    return out


def texts(text: str, spans: list[tuple[str, int, int]]) -> set[tuple[str, str]]:
    return {(label, text[s:e]) for label, s, e in spans}


@pytest.fixture(scope="module")
def refiners() -> dict[str, Refiner]:
    return {lang: Refiner(lang) for lang in ("en", "ru")}


EN = [
    # articles and possessives leave the span; a glued "+" joins it
    (
        "The European Union and South Africa's Karoo met OPEC+ officials.",
        [
            ("ORG", "The European Union"),
            ("LOC", "South Africa's"),
            ("ORG", "Karoo"),
            ("ORG", "OPEC"),
        ],
        {("ORG", "European Union"), ("LOC", "South Africa"), ("ORG", "Karoo"), ("ORG", "OPEC+")},
    ),
    # a country loses its article, even capitalised at a sentence start; "The Hague" keeps it
    (
        "The Philippines and the United States met in The Hague.",
        [("LOC", "The Philippines"), ("LOC", "the United States"), ("LOC", "The Hague")],
        {("LOC", "Philippines"), ("LOC", "United States"), ("LOC", "The Hague")},
    ),
    # club names end in club words; a city whose name ends so stays a place
    (
        "Fans of Blackburn Rovers and Bristol City met in Mexico City.",
        [("PER", "Blackburn Rovers"), ("LOC", "Bristol City"), ("LOC", "Mexico City")],
        {("ORG", "Blackburn Rovers"), ("ORG", "Bristol City"), ("LOC", "Mexico City")},
    ),
    # a country before a state body is its own location
    (
        "The US Department of Commerce and the U.S. Treasury issued rules.",
        [("ORG", "The US Department of Commerce"), ("ORG", "the U.S. Treasury")],
        {("LOC", "US"), ("ORG", "Department of Commerce"), ("LOC", "U.S."), ("ORG", "Treasury")},
    ),
    # a name right after a title is a person; a word before a title is the title's own
    (
        "UN envoy Kofi Mensah spoke after Finance Minister Rachel Osei did.",
        [("ORG", "UN"), ("ORG", "Kofi Mensah"), ("ORG", "Finance"), ("PER", "Rachel Osei")],
        {("ORG", "UN"), ("PER", "Kofi Mensah"), ("PER", "Rachel Osei")},
    ),
    # organisation words make an organisation; places are places
    (
        "Harbor Minerals and the Bank of Tanzania met Nairobi officials in Dodoma.",
        [
            ("PER", "Harbor Minerals"),
            ("LOC", "the Bank of Tanzania"),
            ("ORG", "Nairobi"),
            ("PER", "Dodoma"),
        ],
        {
            ("ORG", "Harbor Minerals"),
            ("ORG", "Bank of Tanzania"),
            ("LOC", "Nairobi"),
            ("LOC", "Dodoma"),
        },
    ),
    # a country named with a product noun is the country
    (
        "Work resumed on its Tanzania LNG project.",
        [("ORG", "Tanzania LNG")],
        {("LOC", "Tanzania")},
    ),
    # a building is a place; a score ends no name
    (
        "Fans left Vorlax Stadium after the Harbor Rovers 101-99 loss.",
        [("ORG", "Vorlax Stadium"), ("ORG", "Harbor Rovers 101-99")],
        {("LOC", "Vorlax Stadium"), ("ORG", "Harbor Rovers")},
    ),
    # no score, dangling dash or trailing lowercase word ends a place's or group's name
    (
        "Kenya 1 – 0 up, said the Vorlax news agency in Peru -",
        [("LOC", "Kenya 1"), ("ORG", "Vorlax news agency"), ("LOC", "Peru -")],
        {("LOC", "Kenya"), ("ORG", "Vorlax"), ("LOC", "Peru")},
    ),
    # layout and context: a dateline's place, a results row, a company's role
    (
        "KIGALI 2001-03-04\nHull 2 Leeds 1\nZentrix CEO Ann Lee said shares of Vorlax fell.",
        [("ORG", "Hull 2 Leeds 1"), ("PER", "Ann Lee"), ("PER", "Vorlax")],
        {
            ("LOC", "KIGALI"),
            ("ORG", "Hull"),
            ("ORG", "Leeds"),
            ("ORG", "Zentrix"),
            ("PER", "Ann Lee"),
            ("ORG", "Vorlax"),
        },
    ),
]


@pytest.mark.parametrize(("text", "found", "expected"), EN)
def test_english_rules(refiners, text, found, expected):
    assert texts(text, refiners["en"](text, spans_of(text, found))) == expected


RU = [
    # organisation words in any case form, but not a country that has one
    (
        "Представители Европейского союза встретились с делегацией Российской Федерации.",
        [("LOC", "Европейского союза"), ("LOC", "Российской Федерации")],
        {("ORG", "Европейского союза"), ("LOC", "Российской Федерации")},
    ),
    # international bodies known by their abbreviation alone
    (
        "Решение ЕС поддержали в ООН.",
        [("LOC", "ЕС"), ("ORG", "ООН")],
        {("ORG", "ЕС"), ("ORG", "ООН")},
    ),
    # a name with its abbreviation or original spelling glued on is two names
    (
        "«Сибирская угольная компания» (СУЭК) наняла Джона Смита (John Smith).",
        [("ORG", "Сибирская угольная компания» (СУЭК)"), ("PER", "Джона Смита (John Smith)")],
        {
            ("ORG", "Сибирская угольная компания"),
            ("ORG", "СУЭК"),
            ("PER", "Джона Смита"),
            ("PER", "John Smith"),
        },
    ),
    # list bullets split a span; a bracket the name never opened leaves it
    (
        "Страны: Чили • Перу • Боливия. Автор (В.Н.) ответил.",
        [("LOC", "Чили • Перу • Боливия"), ("PER", "В.Н.)")],
        {("LOC", "Чили"), ("LOC", "Перу"), ("LOC", "Боливия"), ("PER", "В.Н.")},
    ),
    # a place named like a party stays a place; the kind of place leaves its name
    (
        "Жители Партизанского района и Советского Союза.",
        [("LOC", "Партизанского района"), ("LOC", "Советского Союза")],
        {("LOC", "Партизанского"), ("LOC", "Советского Союза")},
    ),
    # a legal form or kind of organisation before a quoted or Latin name leaves it
    (
        "ЗАО «Полярная звезда», концерн «Ладога» и ИА Nordpress подписали договор.",
        [("ORG", "ЗАО «Полярная звезда»"), ("ORG", "концерн «Ладога»"), ("ORG", "ИА Nordpress")],
        {("ORG", "Полярная звезда"), ("ORG", "Ладога"), ("ORG", "Nordpress")},
    ),
    # a name before a quoted name is a second name; a quoted title of a work is none
    (
        "Он сказал Северной службе «Радио Озёр», как писал в статье «Долгая зима».",
        [("ORG", "Северной службе «Радио Озёр"), ("ORG", "Долгая зима")],
        {("ORG", "Северной службе"), ("ORG", "Радио Озёр")},
    ),
    # an adjective of place or state joins an organisation word or a quoted name ...
    (
        "Глава финского МИДа и солист тверского «Рассвета» посетили областной Комиссии"
        " по делам молодёжи.",
        [("ORG", "МИДа"), ("ORG", "Рассвета"), ("ORG", "Комиссии по делам молодёжи")],
        {
            ("ORG", "финского МИДа"),
            ("ORG", "тверского «Рассвета»"),
            ("ORG", "областной Комиссии по делам молодёжи"),
        },
    ),
    # ... but not a company's name, and not a qualitative adjective
    (
        "Индийская Tata и новая Партия зелёных.",
        [("ORG", "Tata"), ("ORG", "Партия зелёных")],
        {("ORG", "Tata"), ("ORG", "Партия зелёных")},
    ),
    # an organisation word alone mid-sentence starts a name that a place or person ends
    (
        "Он учился в Университете Лимы и в Музее им. Петра Серова, а Правительства РФ не ждал.",
        [
            ("ORG", "Университете"),
            ("LOC", "Лимы"),
            ("ORG", "Музее им."),
            ("PER", "Петра Серова"),
            ("ORG", "Правительства"),
            ("LOC", "РФ"),
        ],
        {
            ("ORG", "Университете Лимы"),
            ("ORG", "Музее им. Петра Серова"),
            ("ORG", "Правительства"),
            ("LOC", "РФ"),
        },
    ),
    # persons split at commas, never hold digits, and are not abbreviated by a country
    (
        "Голы: Орлов (Жуков, Зайцев) и Лебедев (США), пилот Формулы-1 и зона .РФ.",
        [
            ("PER", "Орлов"),
            ("PER", "Жуков, Зайцев"),
            ("PER", "Лебедев"),
            ("LOC", "США"),
            ("PER", "Формулы-1"),
            ("LOC", "РФ"),
        ],
        {
            ("PER", "Орлов"),
            ("PER", "Жуков"),
            ("PER", "Зайцев"),
            ("PER", "Лебедев"),
            ("LOC", "США"),
        },
    ),
    # a bracket or quote opened after a name leaves it
    (
        "Делегаты ЮНЕСКО (Организации) приехали.",
        [("ORG", "ЮНЕСКО (")],
        {("ORG", "ЮНЕСКО")},
    ),
]


@pytest.mark.parametrize(("text", "found", "expected"), RU)
def test_russian_rules(refiners, text, found, expected):
    assert texts(text, refiners["ru"](text, spans_of(text, found))) == expected


AGREE = [
    # the majority label wins for one string
    (
        "Acme rose. Acme fell. Acme said so.",
        [("ORG", "Acme"), ("PER", "Acme"), ("ORG", "Acme")],
        [("ORG", "Acme")] * 3,
    ),
    # a word of a full name alone is the person
    (
        "Erik Lund scored. Lund was happy.",
        [("PER", "Erik Lund"), ("ORG", "Lund")],
        [("PER", "Erik Lund"), ("PER", "Lund")],
    ),
]


@pytest.mark.parametrize(("text", "found", "expected"), AGREE)
def test_document_agreement(text, found, expected):
    out = agree(text, spans_of(text, found))
    assert [(label, text[s:e]) for label, s, e in out] == expected


def test_a_place_keeps_its_label_when_a_person_shares_the_word():
    from factx.ner.gazetteer import Gazetteer

    text = "Lương Quang Đức sang Đức."
    spans = spans_of(text, [("PER", "Lương Quang Đức"), ("LOC", "Đức")])
    out = agree(text, spans, Gazetteer("vi"))
    assert texts(text, out) == {("PER", "Lương Quang Đức"), ("LOC", "Đức")}


def test_an_abbreviation_defined_once_labels_its_later_mentions():
    text = "The Harbor Authority (HBA) met. Later HBA voted."
    spans = spans_of(text, [("ORG", "Harbor Authority")])
    out = abbreviations(text, spans)
    assert [(label, text[s:e]) for label, s, e in out] == [
        ("ORG", "Harbor Authority"),
        ("ORG", "HBA"),
        ("ORG", "HBA"),
    ]


PHRASES = [
    (["Prime Minister", "Minister"], ["prime", "minister", "Lee"], 0, 2),
    (["Prime Minister", "Minister"], ["Minister", "Lee"], 0, 1),
    (["Bộ"], ["Bộ", "Y", "tế"], 1, 0),
]


@pytest.mark.parametrize(("phrases", "words", "at", "length"), PHRASES)
def test_phrases_match_the_longest_phrase_ignoring_case(phrases, words, at, length):
    assert Phrases(phrases).match(words, at) == length


STEM_RUNS = [
    (["министерств", "европейск союз"], ["Министерством", "финансов"], True),
    (["министерств", "европейск союз"], ["Европейского", "союза"], True),
    (["министерств", "европейск союз"], ["Европейского", "банка"], False),
    (["министерств"], ["Минсельхоза"], False),
    ([], ["Министерство"], False),
]


@pytest.mark.parametrize(("runs", "words", "found"), STEM_RUNS)
def test_stem_runs_match_consecutive_words_by_their_start(runs, words, found):
    assert StemRuns(runs).found(words) is found
