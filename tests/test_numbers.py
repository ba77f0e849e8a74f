"""Numbers as news writes them, per language: the shared base of every rule extractor."""

from __future__ import annotations

import time

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from factx.rules.numbers import (
    number_pattern,
    parse_number,
    parse_scale,
    scale_pattern,
    suffix_pattern,
)

LANGS = ("ru", "vi", "en")


def numbers_in(text: str, lang: str) -> list[tuple[str, float | None]]:
    pattern = regex.compile(number_pattern(lang))
    return [(m.group(), parse_number(m.group(), lang)) for m in pattern.finditer(text)]


CASES = {
    "ru": [
        ("12 480", 12480),
        ("12\u00a0480", 12480),
        ("1\u202f200\u202f000", 1_200_000),
        ("132,5", 132.5),
        ("3.14", 3.14),
        ("4,750,000", 4_750_000),
        ("12,500.75", 12500.75),
        ("миллиона", 1e6),
        ("0", 0),
        ("один", 1),
        ("двадцать пять", 25),
        ("тридцати три", 33),
        ("триста двенадцать", 312),
        ("пятьсот восьмидесяти пять", 585),
        ("две тысячи двадцать четыре", 2024),
        ("триста тысяч", 300_000),
        ("полтора", 1.5),
        ("полтора миллиарда", 1.5e9),
        ("один с половиной", 1.5),
        ("минус 52", -52),
        ("−18", -18),
        ("2½", 2.5),
    ],
    "vi": [
        ("98.200", 98200),
        ("1.200.000", 1_200_000),
        ("4,2", 4.2),
        ("1.250,5", 1250.5),
        ("1.5", 1.5),
        ("một", 1),
        ("mười bốn", 14),
        ("hai mươi lăm", 25),
        ("ba mươi mốt", 31),
        ("một trăm linh năm", 105),
        ("sáu trăm ba mươi mốt nghìn không trăm mười bốn", 631_014),
        ("hai trăm nghìn", 200_000),
        ("một tỉ", 1e9),
        ("nửa triệu", 500_000),
        ("hai triệu rưỡi", 2_500_000),
        ("hai phẩy 23", 2.23),
        ("2 chấm 23", 2.23),
        ("âm 2", -2),
    ],
    "en": [
        ("6-1/2", 6.5),
        ("2 3/4", 2.75),
        ("1,200,000", 1_200_000),
        ("1,027.40", 1027.4),
        ("3.2", 3.2),
        ("one", 1),
        ("twenty-five", 25),
        ("one hundred and seven", 107),
        ("six hundred thirty-one thousand and fourteen", 631_014),
        ("four million three hundred thousand", 4_300_000),
        ("a dozen", 12),
        ("a million", 1e6),
        ("half a million", 500_000),
        ("two and a half", 2.5),
        ("three point five", 3.5),
        ("3/4", 0.75),
        ("minus 1,200,000", -1_200_000),
        ("-504", -504),
    ],
}


@pytest.mark.parametrize(
    ("lang", "text", "value"), [(lang, t, v) for lang, cases in CASES.items() for t, v in cases]
)
def test_whole_number(lang: str, text: str, value: float) -> None:
    assert numbers_in(text, lang) == [(text, pytest.approx(value))]


# Digits that belong to something else: dates, phone numbers, model names, scores, ranges.
TRAPS = {
    "ru": ["21.06.2024", "Су-57", "МС-21", "3-1", "1–4"],
    "vi": ["47/2024", "Su-57", "2-1"],
    "en": ["1-800-444", "F-16", "BA117", "3-1", "4/11/2025"],
}


@pytest.mark.parametrize(("lang", "text"), [(lang, t) for lang, ts in TRAPS.items() for t in ts])
def test_trap_gives_no_number(lang: str, text: str) -> None:
    assert [n for n, _ in numbers_in(text, lang) if len(n) > 1] == [], text


@pytest.mark.parametrize(
    ("lang", "text", "found"),
    [
        ("en", "10 000 dollars", ["10"]),  # no English grouping by space, and no "000"
        ("ru", "10 000 долларов", ["10 000"]),
        ("vi", "năm 2023 500 tấn", ["năm", "2023"]),  # "năm" is five as well as year
        ("en", "five and six", ["five", "six"]),
        ("en", "the third quarter", []),
    ],
)
def test_number_boundaries(lang: str, text: str, found: list[str]) -> None:
    assert [n for n, _ in numbers_in(text, lang)] == found


@pytest.mark.parametrize(
    ("lang", "text", "factor"),
    [
        ("ru", "млн", 1e6),
        ("ru", "тыс.", 1e3),
        ("ru", "млрд", 1e9),
        ("ru", "трлн", 1e12),
        ("ru", "миллиардов", 1e9),
        ("vi", "nghìn", 1e3),
        ("vi", "ngàn tỷ", 1e12),
        ("vi", "triệu tỷ", 1e15),
        ("vi", "tỉ", 1e9),
        ("en", "billion", 1e9),
        ("en", "bn", 1e9),
        ("en", "mln", 1e6),
        ("en", "lakh", 1e5),
    ],
)
def test_scales(lang: str, text: str, factor: float) -> None:
    assert regex.fullmatch(scale_pattern(lang), text)
    assert parse_scale(text, lang) == factor


@pytest.mark.parametrize(("lang", "text"), [("en", "k"), ("en", "bn"), ("ru", "К"), ("vi", "K")])
def test_glued_suffixes(lang: str, text: str) -> None:
    assert regex.fullmatch(suffix_pattern(lang), text)


def test_unknown_language_says_what_to_add() -> None:
    with pytest.raises(ValueError, match=r"lang/xx/numbers\.toml"):
        number_pattern("xx")


@pytest.mark.parametrize("lang", LANGS)
@given(text=st.text(max_size=200))
@settings(max_examples=150, deadline=None)
def test_parse_never_raises(lang: str, text: str) -> None:
    for _, value in numbers_in(text, lang):
        assert value is None or isinstance(value, float)


ADVERSARIAL = {
    "digits": "7" * 1_000_000,
    "groups": "1 234" * 200_000,
    "dots": "1.234" * 200_000,
    "commas": "1,234," * 170_000,
    "mixed": ("0123456789 .,-/%\u00a0" * 70_000)[:1_000_000],
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", sorted(ADVERSARIAL))
def test_megabyte_of_digits_finishes(lang: str, kind: str) -> None:
    """No timing assertion (that would flake); the regex timeout fails the test on a hang."""
    pattern = regex.compile(number_pattern(lang))
    start = time.perf_counter()
    count = sum(1 for _ in pattern.finditer(ADVERSARIAL[kind], timeout=10))
    print(f"{lang} {kind}: {count} numbers in {time.perf_counter() - start:.3f}s")
