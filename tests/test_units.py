"""The unit right after an amount, per language: forms, glued signs, gaps and hyphens."""

from __future__ import annotations

import pytest

from factx.rules.units import UnitReader, vocabulary

CASES = [
    ("ru", "добыли 12 500 тонн нефти", 13, "тонн", None, " "),
    ("ru", "площадь 3,5 км² земли", 11, "км²", None, " "),
    ("ru", "прошли 5 человек", 8, None, None, None),
    ("vi", "sản lượng 28,5 triệu tấn gạo", 20, "tấn", None, " "),
    ("en", "a 5-km race", 3, "km", None, "-"),
    ("en", "he is 6'2\" tall", 7, None, "'", ""),
    ("en", "rose 3 percent", 6, None, None, None),
    ("en", "weighed 20\u00a0pounds", 10, "pounds", None, "\u00a0"),
]


@pytest.mark.parametrize(("lang", "text", "end", "unit", "glue", "gap"), CASES)
def test_unit_after_an_amount(lang, text, end, unit, glue, gap):
    hit = UnitReader(vocabulary(lang)).at(text, end)
    if unit is None and glue is None:
        assert hit is None
    else:
        assert (hit.unit, hit.glue, hit.gap) == (unit, glue, gap)
        assert text[hit.start : hit.end] == (unit or glue)


@pytest.mark.parametrize("lang", ["ru", "vi", "en"])
def test_every_form_reads_back_as_its_unit(lang):
    units = vocabulary(lang)
    reader = UnitReader(units)
    for form in [*units.words, *units.symbols]:
        hit = reader.at(f"5 {form} ", 1)
        assert hit is not None and units.lookup(hit.unit) is not None, form
