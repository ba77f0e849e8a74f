"""Adjectives of a number and a unit: digits and a hyphen, or a numeral stem, glued to the
unit's stem and an adjective ending."""

from __future__ import annotations

import pytest

from factx.rules.compounds import Compounds

STEMS = {"метров": "m", "процентн": "%", "часов": "hour"}

CASES = [
    ("ru", "Построили 300-метровую плотину.", [("300-метровую", 300.0, "m")]),
    ("ru", "Ввели пятипроцентный налог.", [("пятипроцентный", 5.0, "%")]),
    ("ru", "Прошла полуторачасовая встреча.", [("полуторачасовая", 1.5, "hour")]),
    (
        "ru",
        "Двадцатиметровый забор и 2-часовой фильм.",
        [("Двадцатиметровый", 20.0, "m"), ("2-часовой", 2.0, "hour")],
    ),
    ("ru", "Метровый слой и часовой пояс.", []),
    ("ru", "Су-27-метровый", []),
    ("en", "a 300-metre dam", []),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_find(lang: str, text: str, expected: list[tuple[str, float, str]]) -> None:
    found = Compounds(lang, STEMS).find(text, timeout=1.0)
    assert [(text[c.start : c.end], c.value, c.unit) for c in found] == expected
