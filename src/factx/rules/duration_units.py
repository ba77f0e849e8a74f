"""Arithmetic of ISO 8601 durations: which unit a fraction moves down to, and lengths in
seconds with Duckling's conventions (a month is 30 days, a year 365), so that durations
written in different units compare."""

from __future__ import annotations

# The next smaller unit and how many of it make one: a fraction moves down this chain.
DOWN = {
    "century": ("year", 100),
    "decade": ("year", 10),
    "year": ("month", 12),
    "half": ("month", 6),
    "quarter": ("month", 3),
    "month": ("day", 30),
    "fortnight": ("week", 2),
    "week": ("day", 7),
    "day": ("hour", 24),
    "hour": ("minute", 60),
    "minute": ("second", 60),
}
SECONDS = {
    "second": 1,
    "minute": 60,
    "hour": 3600,
    "day": 86400,
    "week": 7 * 86400,
    "month": 30 * 86400,
    "year": 365 * 86400,
}
ISO = {
    "year": "Y",
    "month": "M",
    "week": "W",
    "day": "D",
    "hour": "H",
    "minute": "M",
    "second": "S",
}
# Units ISO 8601 has no letter for are written in the unit below them.
NATIVE = set(ISO)


def smallest(units: list[str]) -> str:
    order = list(SECONDS)
    return min(units, key=lambda u: order.index(u) if u in order else 99)


def convert(amount: float, unit: str, target: str) -> float:
    while unit != target:
        unit, factor = DOWN[unit]
        amount *= factor
    return amount


def iso_duration(amount: float, unit: str) -> tuple[str, float]:
    """ISO 8601 form and length in seconds of ``amount`` ``unit``s."""
    while unit in DOWN and (unit not in NATIVE or amount != int(amount)):
        unit, factor = DOWN[unit]
        amount = round(amount * factor, 9)
    number = f"{int(amount)}" if amount == int(amount) else f"{amount:g}"
    prefix = "PT" if unit in ("hour", "minute", "second") else "P"
    return f"{prefix}{number}{ISO[unit]}", amount * SECONDS[unit]
