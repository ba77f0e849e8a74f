"""Amounts that share a unit across a list or a change: each its own mention, in the unit,
currency and scale written once."""

from __future__ import annotations

import pytest

from factx.model import Document
from factx.rules import coordination
from factx.rules.money import MoneyExtractor
from factx.rules.quantities import QuantityExtractor

# (lang, text, [(mention text, value, unit, norm)])
QUANTITY = [
    (
        "en",
        "Exports hit 4.1 million tonnes and 3.2 million in 2020.",
        [("4.1 million tonnes", 4.1e6, "t", None), ("3.2 million", 3.2e6, "t", None)],
    ),
    (
        "en",
        "It sold 4.1 million tonnes and 3.2 million cars.",
        [("4.1 million tonnes", 4.1e6, "t", None)],
    ),
    (
        "ru",
        "Грузовики по 5, 10 и 20 тонн.",
        [("5", 5.0, "t", None), ("10", 10.0, "t", None), ("20 тонн", 20.0, "t", None)],
    ),
    ("vi", "Sản lượng giảm từ 9 xuống 7 tấn.", [("9", 9.0, "t", None), ("7 tấn", 7.0, "t", None)]),
    ("ru", "Партии по 5 или 7 тонн.", [("5", 5.0, "t", None), ("7 тонн", 7.0, "t", None)]),
]
MONEY = [
    (
        "ru",
        "Выпустили купюры по 50, 100 и 1000 рублей.",
        [("50", 50, "RUB", None), ("100", 100, "RUB", None), ("1000 рублей", 1000, "RUB", None)],
    ),
    (
        "vi",
        "Vốn tăng từ 120 tỷ lên hơn 300 tỷ đồng.",
        [("120 tỷ", 120e9, "VND", None), ("300 tỷ đồng", 300e9, "VND", None)],
    ),
    (
        "en",
        "It paid 7 million euros and 2 million a year later.",
        [("7 million euros", 7e6, "EUR", None), ("2 million", 2e6, "EUR", None)],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), QUANTITY)
def test_quantities_share_the_unit(lang, text, expected):
    found = QuantityExtractor(lang).extract(Document("d", text, lang))
    assert [(m.text, m.value, m.unit, m.norm) for m in found] == expected


@pytest.mark.parametrize(("lang", "text", "expected"), MONEY)
def test_money_shares_the_currency_and_scale(lang, text, expected):
    found = MoneyExtractor(lang).extract(Document("d", text, lang))
    assert [(m.text, m.value, m.unit, m.norm) for m in found] == expected


@pytest.mark.parametrize(
    ("lang", "text", "joined"),
    [
        ("en", "$3 to $5", True),
        ("ru", "5 и 7", True),
        ("vi", "120 lên 300", True),
        ("en", "$3 in fees while $5", False),
    ],
)
def test_only_a_joiner_between_makes_two_amounts_adjacent(lang, text, joined):
    first, second = text.split()[0], text.split()[-1]
    end, start = text.index(first) + len(first), text.rindex(second)
    assert coordination.adjacent(text, end, start, lang) is joined
