"""The shared amount scan: the same matches as a regex scan of the whole text, found once
per text for money, percentages and quantities."""

from __future__ import annotations

import pytest
import regex

from factx.model import Document
from factx.rules import numbers, ranges
from factx.rules.amounts import Amounts, first_word
from factx.rules.durations import DurationExtractor
from factx.rules.money import MoneyExtractor
from factx.rules.percent import PercentExtractor
from factx.rules.quantities import QuantityExtractor

# Made-up sentences with digits, signs, fractions, spelt numbers and dashed ranges.
CASES = [
    ("ru", "Выручка выросла на 12,5% до 2,3 трлн рублей, минус 5 тонн и 3–5 млн баррелей."),
    ("ru", "Двадцать пять тысяч человек, полтора миллиона рублей, триллиона долларов, Су-57."),
    ("ru", "В 2024 году 10 000 тонн, 1,250,000 долларов и ½ литра; 29.08.2024, 3-1."),
    ("vi", "Giá tăng 28,5 triệu tấn, hai mươi lăm nghìn đồng và 500 . 000 đ, từ 3 đến 5%."),
    ("vi", "Một trăm hai mươi người, 1.250 tỷ đồng, ngày 12/2025 và 3-5 km."),
    ("en", "Sales rose 3.2 percent to $350bn, twenty-five thousand tonnes and 8-1/2 years."),
    ("en", "Half a million litres, a third of a tonne, 2 3/4 miles, -5 degrees, 1-800-444."),
    ("en", "One hundred and seven people paid 1,250,000 dollars for 22.00/22.75 percent."),
]


@pytest.mark.parametrize(("lang", "text"), CASES)
def test_scan_finds_what_a_whole_text_regex_scan_finds(lang, text):
    scan = Amounts(lang).scan(text)
    amount = regex.compile(numbers.amount_pattern(lang))
    dash = regex.compile(ranges.dash_source(lang))
    assert [m.span() for m in scan.amounts] == [m.span() for m in amount.finditer(text)]
    assert [m.span() for m in scan.dashes] == [m.span() for m in dash.finditer(text)]
    assert scan.amounts  # every case has amounts to find


@pytest.mark.parametrize(
    ("lang", "text", "amounts"),
    [
        ("ru", "Цена 12,5 млн рублей и двадцать пять тонн.", ["12,5 млн", "двадцать пять"]),
        ("vi", "Giá 3.200 tỷ đồng và hai mươi lăm tấn.", ["3.200 tỷ", "hai mươi lăm"]),
        ("en", "It cost $10k, half a million and -5 more.", ["10k", "half a million", "-5"]),
    ],
)
def test_scan_reads_numbers_with_their_scales(lang, text, amounts):
    assert [m[0] for m in Amounts(lang).scan(text).amounts] == amounts


def test_a_text_is_scanned_once_for_every_extractor_sharing_the_scan(monkeypatch):
    from factx.rules import amounts as module

    amounts = Amounts("en")
    calls = []
    index = module.token_index
    monkeypatch.setattr(module, "token_index", lambda text: calls.append(text) or index(text))
    doc = Document("d", "For two years oil rose 5% to $80 a barrel, 2 million barrels a day.", "en")
    found = [
        list(cls("en", amounts=amounts).extract(doc))
        for cls in (DurationExtractor, MoneyExtractor, PercentExtractor, QuantityExtractor)
    ]
    assert len(calls) == 1
    assert [len(f) for f in found] == [1, 1, 1, 1]


@pytest.mark.parametrize(
    ("lang", "text", "words", "prefixes", "expected"),
    [
        ("ru", "Полгода назад ЧЕТЫРЁХ тонн, 5 лет", ["четырех"], (), ["ЧЕТЫРЁХ"]),
        ("ru", "Полгода назад ЧЕТЫРЁХ тонн, 5 лет", [], ("пол",), ["Полгода"]),
        ("en", "US$ 5 and $6, 7th", [first_word("US$")], (), ["US"]),
        ("en", "US$ 5 and $6, 7th", [first_word("$")], (), ["$", "$"]),
        ("vi", "Đô la tăng 5 lần", [first_word("đô la")], (), ["Đô"]),
    ],
)
def test_token_starts_by_folded_word_or_prefix(lang, text, words, prefixes, expected):
    scan = Amounts(lang).scan(text)
    starts = scan.starts(words, prefixes)
    assert [text[at : at + len(e)] for at, e in zip(starts, expected, strict=True)] == expected


def test_digit_token_starts():
    scan = Amounts("en").scan("In 2024, 7th and x9 and 12")
    assert scan.starts(digits=True) == [3, 9, 24]


def test_kept_scans_are_bounded():
    amounts = Amounts("en")
    for i in range(200):
        amounts.scan(f"{i} tonnes")
    assert 0 < len(amounts.kept) <= 64


def test_a_scan_past_its_budget_raises_timeout(monkeypatch):
    from factx.rules import amounts as module

    monkeypatch.setattr(module, "budget", lambda text: -1.0)
    with pytest.raises(TimeoutError):
        Amounts("en").scan("The crate weighed 5 tonnes, as the shipping report said.")
