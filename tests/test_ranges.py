"""Two amounts before one unit: a range is one mention at its midpoint with norm
"low/high"; a change or a list gives each amount its own mention in the shared unit."""

from __future__ import annotations

import pytest

from factx.model import Document
from factx.rules import ranges
from factx.rules.money import MoneyExtractor
from factx.rules.percent import PercentExtractor
from factx.rules.quantities import QuantityExtractor

# (lang, text, [(mention text, value, unit, norm)])
CASES = [
    ("en", "The road is 3-5 km long.", [("3-5 km", 4.0, "km", "3/5")]),
    ("en", "Plates of 2.5–3.0 mm were used.", [("2.5–3.0 mm", 2.75, "mm", "2.5/3")]),
    ("en", "Pour 2 to 3 L of water.", [("2 to 3 L", 2.5, "L", "2/3")]),
    ("en", "Each weighs between 44 and 50 kg.", [("between 44 and 50 kg", 47.0, "kg", "44/50")]),
    ("en", "Doses of 10 mg to 20 mg.", [("10 mg to 20 mg", 15.0, "mg", "10/20")]),
    (
        "en",
        "Ships of 3 to 5 million tonnes.",
        [("3 to 5 million tonnes", 4e6, "t", "3000000/5000000")],
    ),
    ("en", "They took 35 and 40 mg.", [("35", 35.0, "mg", None), ("40 mg", 40.0, "mg", None)]),
    (
        "en",
        "Output rose from 3 to 5 tonnes.",
        [("3", 3.0, "t", None), ("5 tonnes", 5.0, "t", None)],
    ),
    ("en", "It opened in 2019 and 5 km of track followed.", [("5 km", 5.0, "km", None)]),
    ("en", "Section 5-3 km marker", []),
    ("en", "Poles of 6- to 9-meter height.", [("6- to 9-meter", 7.5, "m", "6/9")]),
    ("en", "Rods of 1.5/2.5 mm.", [("1.5", 1.5, "mm", None), ("2.5 mm", 2.5, "mm", None)]),
    ("ru", "Глубина от 10 до 15 метров.", [("от 10 до 15 метров", 12.5, "m", "10/15")]),
    ("ru", "Запасы 10–15 млн тонн.", [("10–15 млн тонн", 12.5e6, "t", "10000000/15000000")]),
    ("ru", "Трасса между 3 и 5 км.", [("между 3 и 5 км", 4.0, "km", "3/5")]),
    ("ru", "Добыча выросла с 7 до 9 тонн.", [("7", 7.0, "t", None), ("9 тонн", 9.0, "t", None)]),
    ("ru", "Партии по 5 или 7 тонн.", [("5", 5.0, "t", None), ("7 тонн", 7.0, "t", None)]),
    ("ru", "Истребитель Су-57 летит.", []),
    ("vi", "Mỗi ngày từ 3 đến 5 tấn.", [("từ 3 đến 5 tấn", 4.0, "t", "3/5")]),
    ("vi", "Đoạn đường 10-12 km.", [("10-12 km", 11.0, "km", "10/12")]),
    ("vi", "Lô hàng 3 và 5 tấn.", [("3", 3.0, "t", None), ("5 tấn", 5.0, "t", None)]),
    ("vi", "Từ 1.200 đến 1.500 tấn.", [("Từ 1.200 đến 1.500 tấn", 1350.0, "t", "1200/1500")]),
    (
        "vi",
        "Chở 20 . 000 - 30 . 000 m3 .",
        [("20 . 000 - 30 . 000 m3", 25e3, "m**3", "20000/30000")],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_two_amounts_before_one_unit(lang, text, expected):
    found = QuantityExtractor(lang).extract(Document("d", text, lang))
    assert [(m.text, m.value, m.unit, m.norm) for m in found] == expected


MONEY = [
    ("en", "Costs of $3-5 million.", [("$3-5 million", 4e6, "USD", "3000000/5000000")]),
    (
        "en",
        "Some US$ 1.5–2 billion.",
        [("US$ 1.5–2 billion", 1.75e9, "USD", "1500000000/2000000000")],
    ),
    ("en", "Tickets cost $20-$30.", [("$20-$30", 25.0, "USD", "20/30")]),
    (
        "ru",
        "Вложат 3–5 млрд долларов.",
        [("3–5 млрд долларов", 4e9, "USD", "3000000000/5000000000")],
    ),
    ("ru", "Цена от 3 до 5 млн рублей.", [("от 3 до 5 млн рублей", 4e6, "RUB", "3000000/5000000")]),
    (
        "ru",
        "Цена выросла с 3 до 5 млн рублей.",
        [("3", 3e6, "RUB", None), ("5 млн рублей", 5e6, "RUB", None)],
    ),
    (
        "en",
        "It costs between $3 million and $5 million.",
        [("between $3 million and $5 million", 4e6, "USD", "3000000/5000000")],
    ),
    (
        "en",
        "It costs between 30 and 50 cents.",
        [("between 30 and 50 cents", 0.4, "USD", "0.3/0.5")],
    ),
    (
        "vi",
        "Giá từ 3 đến 5 tỷ đồng.",
        [("từ 3 đến 5 tỷ đồng", 4e9, "VND", "3000000000/5000000000")],
    ),
]
PERCENT = [
    ("en", "Prices rose 3-5% this year.", [("3-5%", 4.0, "%", "3/5")]),
    ("en", "Prices rose 3 to 5 percent.", [("3 to 5 percent", 4.0, "%", "3/5")]),
    ("en", "Rates fell from 7% to 5%.", [("7%", 7.0, "%", None), ("5%", 5.0, "%", None)]),
    ("ru", "Рост на 3–5%.", [("3–5%", 4.0, "%", "3/5")]),
    ("ru", "Рост от 10 до 15 процентов.", [("от 10 до 15 процентов", 12.5, "%", "10/15")]),
    ("vi", "Tăng từ 3 đến 5%.", [("từ 3 đến 5%", 4.0, "%", "3/5")]),
    (
        "en",
        "Quotes of 4.10/4.35 percent.",
        [("4.10", 4.1, "%", None), ("4.35 percent", 4.35, "%", None)],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), MONEY)
def test_money_ranges(lang, text, expected):
    found = MoneyExtractor(lang).extract(Document("d", text, lang))
    assert [(m.text, m.value, m.unit, m.norm) for m in found] == expected


@pytest.mark.parametrize(("lang", "text", "expected"), PERCENT)
def test_percent_ranges(lang, text, expected):
    found = PercentExtractor(lang).extract(Document("d", text, lang))
    assert [(m.text, m.value, m.unit, m.norm) for m in found] == expected


@pytest.mark.parametrize(
    ("lang", "opener", "joiner", "kind"),
    [
        ("en", None, "to", "range"),
        ("en", "from", "to", "pair"),
        ("en", "between", "and", "range"),
        ("en", None, "and", "pair"),
        ("en", None, "or", "pair"),
        ("en", None, "with", None),
        ("ru", "от", "до", "range"),
        ("ru", "с", "до", "pair"),
        ("ru", "Между", "И", "range"),
        ("vi", "từ", "đến", "range"),
        ("vi", None, "và", "pair"),
    ],
)
def test_what_the_words_make(lang, opener, joiner, kind):
    assert ranges.words(lang).kind(opener, joiner) == kind


@pytest.mark.parametrize(
    ("low", "high", "norm"), [(3, 5, "3/5"), (2.5, 3.0, "2.5/3"), (1e16, 2e16, "1e+16/2e+16")]
)
def test_norm_is_low_slash_high(low, high, norm):
    assert ranges.norm(low, high) == norm
