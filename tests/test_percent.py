"""PERCENT per language: digits or words, "%" or a percent word, value in percent."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factx.model import Document
from factx.rules.percent import PercentExtractor
from factx.testing import check_extractor, check_robust

LANGS = ("ru", "vi", "en")


@pytest.fixture(scope="module", params=LANGS)
def extractor(request: pytest.FixtureRequest) -> PercentExtractor:
    return PercentExtractor(request.param)


def found(lang: str, text: str) -> list[tuple[str, float]]:
    mentions = check_extractor(PercentExtractor(lang), [text], lang)
    assert all(m.unit == "%" for m in mentions)
    return [(m.text, m.value) for m in mentions]


CASES = {
    "ru": [
        ("Экспорт сократился на 13,7%.", [("13,7%", 13.7)]),
        ("Рост на 65 процентов.", [("65 процентов", 65)]),
        ("На пять процентов больше.", [("пять процентов", 5)]),
        ("Выросло на 4,3 процента.", [("4,3 процента", 4.3)]),
        ("Ставка 18% годовых.", [("18%", 18)]),
        ("Продажа 35% акций.", [("35%", 35)]),
        ("Доля 15 %.", [("15 %", 15)]),
        ("После 30-процентного падения.", [("30-процентного", 30)]),
        ("Ввели десятипроцентную пошлину.", [("десятипроцентную", 10)]),
    ],
    "vi": [
        ("Tăng 17,6% so với năm 2022.", [("17,6%", 17.6)]),
        ("Giảm từ 12% xuống 9%.", [("12%", 12), ("9%", 9)]),
        ("Đạt 90 phần trăm kế hoạch.", [("90 phần trăm", 90)]),
        ("Còn 3,4 phần trăm.", [("3,4 phần trăm", 3.4)]),
        ("Tăng hai mươi phần trăm.", [("hai mươi phần trăm", 20)]),
    ],
    "en": [
        ("Duties of 15% apply.", [("15%", 15)]),
        ("Inflation slowed to 3.2 percent.", [("3.2 percent", 3.2)]),
        ("Rates fell 12 per cent.", [("12 per cent", 12)]),
        ("About ten percent above.", [("ten percent", 10)]),
        ("Revenue rose 9.4% to $6 billion.", [("9.4%", 9.4)]),
        ("Twenty-five percent of voters.", [("Twenty-five percent", 25)]),
    ],
}


@pytest.mark.parametrize(
    ("lang", "text", "expected"), [(lang, t, e) for lang, cs in CASES.items() for t, e in cs]
)
def test_percent(lang: str, text: str, expected: list[tuple[str, float]]) -> None:
    assert found(lang, text) == [(s, pytest.approx(v)) for s, v in expected]


TRAPS = {
    "ru": ["В 2024 году 15 моделей.", "Процент по вкладу вырос.", "Счёт 3:1."],
    "vi": ["Lãi suất phần trăm tăng.", "Tỷ số 2-1.", "Năm 2024 có 15 loại."],
    "en": ["A percentage of voters.", "The 3-1 win in 2024.", "Call 1-800-555-0198."],
}


@pytest.mark.parametrize(("lang", "text"), [(lang, t) for lang, ts in TRAPS.items() for t in ts])
def test_trap(lang: str, text: str) -> None:
    assert found(lang, text) == []


# An amount no float holds (it would be infinity) is no mention; the rest of the text is.
BEYOND_A_FLOAT = [
    ("en", "9" * 400 + "% and 5%.", [("5%", 5.0)]),
    ("en", "5–" + "9" * 400 + "%.", []),
    ("ru", "9" * 400 + "% и 5%.", [("5%", 5.0)]),
    ("vi", "9" * 400 + "% và 5%.", [("5%", 5.0)]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), BEYOND_A_FLOAT)
def test_amount_beyond_a_float_is_dropped(lang: str, text: str, expected: list) -> None:
    assert found(lang, text) == expected


def test_rejects_options() -> None:
    with pytest.raises(TypeError, match="unexpected keyword"):
        PercentExtractor("en", sign="%")


def test_robust(extractor: PercentExtractor) -> None:
    check_robust(extractor, extractor.lang)


@given(text=st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_any_text(text: str) -> None:
    for lang in LANGS:
        check_extractor(PercentExtractor(lang), [text], lang)


@given(text=st.text(alphabet="0123456789 .,-%процентphầntrăm", max_size=300))
@settings(max_examples=200, deadline=None)
def test_percent_like_text(text: str) -> None:
    for lang in LANGS:
        check_extractor(PercentExtractor(lang), [text], lang)


SEPARATED = ("0123456789 .,-/%$€\u00a0\u202f" * 60_000)[:1_000_000]


@pytest.mark.parametrize(
    "text",
    [SEPARATED, "7" * 1_000_000, ("1 234 567,89." * 80_000)[:1_000_000], "1,234," * 170_000],
    ids=["mixed", "digits", "groups", "commas"],
)
def test_megabyte_of_digits_finishes(extractor: PercentExtractor, text: str) -> None:
    """No timing assertion (it would flake); the regex timeout raises on a hang."""
    list(extractor.extract(Document("big", text, extractor.lang)))


def test_dense_mentions_finish(extractor: PercentExtractor) -> None:
    """100 KB that is all mentions: the per-mention work stays linear."""
    text = ("12,5% " * 20_000)[:100_000]
    list(extractor.extract(Document("dense", text, extractor.lang)))
