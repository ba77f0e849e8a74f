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
DATE_UNITS = ("year", "month", "week", "day")
TIME_UNITS = ("hour", "minute", "second")


def smallest(units: list[str]) -> str:
    order = list(SECONDS)
    return min(units, key=lambda u: order.index(u) if u in order else 99)


def convert(amount: float, unit: str, target: str) -> float:
    while unit != target:
        unit, factor = DOWN[unit]
        amount *= factor
    return amount


def whole(amount: float, unit: str) -> tuple[float, str]:
    """``amount`` ``unit``s in the first unit down the chain that ISO 8601 writes and that
    makes the count whole: 1.5 years is 18 months, a decade 10 years."""
    while unit in DOWN and (unit not in NATIVE or amount != int(amount)):
        unit, factor = DOWN[unit]
        amount = round(amount * factor, 9)
    return amount, unit


def iso_duration(amount: float, unit: str) -> tuple[str, float]:
    """ISO 8601 form and length in seconds of ``amount`` ``unit``s."""
    return iso_compound([(amount, unit)])


def iso_compound(parts: list[tuple[float, str]]) -> tuple[str, float]:
    """ISO 8601 form and length in seconds of a compound ("1 hour 55 minutes" is PT1H55M,
    "một tháng tám ngày" P1M8D): each part keeps its own unit, as the text gives it."""
    counts: dict[str, float] = {}
    for amount, unit in parts:
        amount, unit = whole(amount, unit)
        counts[unit] = round(counts.get(unit, 0.0) + amount, 9)
    date = "".join(f"{number(counts[u])}{ISO[u]}" for u in DATE_UNITS if u in counts)
    time = "".join(f"{number(counts[u])}{ISO[u]}" for u in TIME_UNITS if u in counts)
    seconds = sum(n * SECONDS[u] for u, n in counts.items())
    return "P" + date + (f"T{time}" if time else ""), seconds


def number(amount: float) -> str:
    return f"{int(amount)}" if amount == int(amount) else f"{amount:g}"
