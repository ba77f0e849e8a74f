"""The ISO 8601 forms gold norms are written in: dates at factx's precisions, durations
and their length in seconds."""

from __future__ import annotations

import regex

# Year, month, day, quarter or week, and A/B spans of them ("2004/2009").
DATE_NORM = regex.compile(r"(\d{4}(?:-\d{2}(?:-\d{2})?|-Q[1-4]|-W\d{2})?)(?:/(?1))?")
DURATION = regex.compile(
    r"P(?:(?P<Y>[\d.]+)Y)?(?:(?P<M>[\d.]+)M)?(?:(?P<W>[\d.]+)W)?(?:(?P<D>[\d.]+)D)?"
    r"(?:T(?:(?P<H>[\d.]+)H)?(?:(?P<TM>[\d.]+)M)?(?:(?P<S>[\d.]+)S)?)?"
)
SECONDS = {"Y": 365 * 86400, "M": 30 * 86400, "W": 7 * 86400, "D": 86400, "H": 3600, "TM": 60}
SECONDS["S"] = 1


def seconds(norm: str | None) -> float | None:
    """An ISO 8601 duration in seconds, a month counting 30 days and a year 365; None when
    ``norm`` is not one."""
    if not isinstance(norm, str):
        return None
    m = DURATION.fullmatch(norm)
    if not m or norm in ("P", "PT"):
        return None
    try:
        return sum(float(v) * SECONDS[k] for k, v in m.groupdict().items() if v)
    except ValueError:  # "P1..5D"
        return None
