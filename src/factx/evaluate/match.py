"""When a mention factx gives counts as an expected fact: the matching rules of the facts
benchmark, shared by ``factx evaluate`` and ``benchmarks/facts.py``.

Amounts compare by value, not by spelling: a quantity in its SI base unit through pint
("28.5 Mt" equals "28500000 t"), money by value and ISO 4217 code, a percentage by value,
a duration in seconds ("P2W" equals "P14D"; a month counts 30 days and a year 365, as
factx's own durations do), and a date by its ISO norm, since "2024" and "2024-05" are
different answers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import pandas as pd
import pint

from factx.evaluate.gold import Fact
from factx.evaluate.iso import SECONDS, seconds

# Calendar units as factx counts them (pint's month and year are astronomical averages).
UNIT_SECONDS = {"year": SECONDS["Y"], "month": SECONDS["M"], "yr": SECONDS["Y"], "mo": SECONDS["M"]}
# Names for units that pint spells differently (quantulum3's, among others).
UNIT_ALIASES = {"km2": "km**2", "km3": "km**3", "cm3": "cm**3", "yr": "year", "mo": "month"}


@dataclass(frozen=True)
class Found:
    """One mention factx gave, as scoring reads it (a row of the mentions table)."""

    doc_id: str
    label: str
    text: str
    value: float | None = None
    unit: str | None = None
    norm: str | None = None
    start: int = 0
    end: int = 0
    sentence: str = ""

    def what(self) -> str:
        """The value as a gold line would give it: the norm, else the amount and unit."""
        return self.norm if self.value is None else f"{self.value:g} {self.unit or ''}".strip()

    def show(self) -> str:
        return f"{self.label}:{self.text!r}={self.what()}"


def found_by_doc(df: pd.DataFrame) -> dict[str, list[Found]]:
    """The mentions table, per document, in table order."""
    out: dict[str, list[Found]] = {}
    for r in df.itertuples():
        out.setdefault(str(r.doc_id), []).append(
            Found(
                str(r.doc_id),
                str(r.label),
                str(r.text),
                None if pd.isna(r.value) else float(r.value),
                None if pd.isna(r.unit) else str(r.unit),
                None if pd.isna(r.norm) else str(r.norm),
                int(r.start),
                int(r.end),
                "" if pd.isna(r.sentence) else str(r.sentence),
            )
        )
    return out


@cache
def ureg() -> pint.UnitRegistry:
    return pint.UnitRegistry()


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None or (isinstance(a, float) and math.isnan(a)):
        return False
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def to_unit(value: float, unit: str | None, target: str) -> float | None:
    """value in ``unit`` expressed in ``target``, or None when pint cannot relate them."""
    if not unit:
        return None
    try:
        return ureg().Quantity(value, UNIT_ALIASES.get(unit, unit)).to(target).magnitude
    except (pint.errors.PintError, ValueError, AttributeError, TypeError):
        return None


def base(value: float, unit: str | None) -> tuple[float, str] | None:
    """value and unit in SI base units, or None when pint does not know the unit."""
    if not unit:
        return None
    try:
        q = ureg().Quantity(value, UNIT_ALIASES.get(unit, unit)).to_base_units()
    except (pint.errors.PintError, ValueError, AttributeError, TypeError):
        return None
    return q.magnitude, str(q.units)


def same_amount(want: tuple[float, str | None], got: tuple[float | None, str | None]) -> bool:
    """Equal in SI base units (pint), e.g. 28.5 Mt and 28500000 t."""
    a, b = base(want[0], want[1]), base(got[0] or 0.0, got[1])
    return a is not None and b is not None and a[1] == b[1] and close(b[0], a[0])


def unit_seconds(value: float, unit: str | None) -> float | None:
    """A duration given as value and unit, in seconds, with factx's calendar units."""
    if unit in UNIT_SECONDS:
        return value * UNIT_SECONDS[unit]
    return to_unit(value, unit, "second")


def fact_match(want: Fact, got: Found) -> bool:
    """Whether the mention ``got`` is the expected fact ``want``."""
    if got.label != want.label:
        return False
    if want.label == "DURATION":
        if want.norm is not None and got.norm == want.norm:
            return True
        want_s = seconds(want.norm) if want.value is None else unit_seconds(want.value, want.unit)
        return close(seconds(got.norm), want_s)
    if want.norm is not None:
        return got.norm == want.norm
    assert want.value is not None  # gold.fact gives a Fact a norm or a value
    if want.label == "PERCENT":
        return close(got.value, want.value)
    if want.label == "MONEY":
        return got.unit == want.unit and close(got.value, want.value)
    if got.unit == want.unit:
        return close(got.value, want.value)
    return same_amount((want.value, want.unit), (got.value, got.unit))
