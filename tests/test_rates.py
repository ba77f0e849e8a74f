"""What an amount is per: the marker, then a unit or a per-word of the language's units.toml."""

from __future__ import annotations

import pytest

from factx.rules import rates

# (lang, text after the amount's unit, per symbol or None, measure)
CASES = [
    ("en", " a day", "d", True),
    ("en", " per tonne", "t", True),
    ("en", " an hour", "h", True),
    ("en", " of crude a day", "d", True),
    ("en", " per share", "share", False),
    ("en", " a lot", None, None),
    ("en", " and a day", None, None),
    ("ru", " в сутки", "d", True),
    ("ru", " за баррель", "bbl", True),
    ("ru", " газа в год", "year", True),
    ("ru", " на человека", "person", False),
    ("ru", " на север", None, None),
    ("vi", " / người", "person", False),
    ("vi", "/lít", "L", True),
    ("vi", " mỗi ngày", "d", True),
    ("vi", " cho dân", None, None),
]


@pytest.mark.parametrize(("lang", "tail", "symbol", "measure"), CASES)
def test_per_after(lang: str, tail: str, symbol: str | None, measure: bool | None) -> None:
    per = rates.per_after("5" + tail, 1, lang)
    if symbol is None:
        assert per is None
    else:
        assert per is not None and (per.symbol, per.measure, per.end) == (
            symbol,
            measure,
            len(tail) + 1,
        )


@pytest.mark.parametrize(
    ("lang", "unit", "tail", "expected"),
    [
        ("en", "barrel", " a day", "bbl/d"),
        ("ru", "km", " в час", "km/h"),
        ("vi", "t", " mỗi năm", "t/year"),
    ],
)
def test_compound_unit(lang: str, unit: str, tail: str, expected: str) -> None:
    per = rates.per_after("5" + tail, 1, lang)
    assert per is not None and rates.compound(unit, per, lang) == expected
