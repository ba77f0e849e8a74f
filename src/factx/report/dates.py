"""DATE norms → day intervals, so the timeline can draw a year and a day on one axis.

Parsing happens here rather than in the page so that the rules are tested in Python and
the browser only draws.
"""

from __future__ import annotations

import datetime as dt
import re

Span = tuple[dt.date, dt.date, str]

YEAR = re.compile(r"^(\d{4})$")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def parse(norm: str | None) -> Span | None:
    """``(first day, last day, kind)`` for an ISO date, month, quarter, week, year or A/B.

    Kinds are day, week, month, quarter, year and range; None for anything else (an open
    interval, a time of day alone), which the report counts but does not draw.
    """
    if not norm:
        return None
    norm = norm.strip()
    if "/" in norm:
        left, _, right = norm.partition("/")
        a, b = parse(left), parse(right)
        if a is None or b is None or b[1] < a[0]:
            return None
        return a[0], b[1], "range"
    try:
        return _single(norm.split("T", 1)[0])
    except ValueError:
        return None


def _single(norm: str) -> Span | None:
    if m := DAY.match(norm):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return day, day, "day"
    if m := MONTH.match(norm):
        first = dt.date(int(m[1]), int(m[2]), 1)
        return first, _month_end(first.year, first.month), "month"
    if m := QUARTER.match(norm):
        year, q = int(m[1]), int(m[2])
        return dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q), "quarter"
    if m := WEEK.match(norm):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday, monday + dt.timedelta(days=6), "week"
    if m := YEAR.match(norm):
        year = int(m[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    return None


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)
