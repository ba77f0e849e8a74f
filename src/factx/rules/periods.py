"""Calendar arithmetic for dates: periods at a grain, shifts and weekdays.

A date in text names a period ("November 2025" is a month, "last week" an ISO week), so
values are kept as a grain plus the period's first day; the norm is the ISO 8601 form at
that grain and never claims more precision than the text gave.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

GRAINS = ("year", "half", "quarter", "month", "week", "day")
# What a shift of N units lands on: the grain the text gives ("two years ago" is a year,
# "three months ago" a month, "a decade ago" a year), except that weeks name the day ("a week
# ago" is that day, as Duckling reads it).
SHIFT_GRAIN = {
    "decade": "year",
    "year": "year",
    "half": "month",
    "quarter": "quarter",
    "month": "month",
    "week": "day",
    "day": "day",
}
MONTHS_IN = {"decade": 120, "year": 12, "half": 6, "quarter": 3, "month": 1}
# A date "ahead" in a future-tense sentence may have just begun: a running event.
GRACE = dt.timedelta(days=31)
# A day a few days after the document date in a past-tense sentence is a date slip (a story
# dated before its events were filed), not last year's.
SLACK = dt.timedelta(days=7)
ZERO = dt.timedelta(0)


class Invalid(ValueError):
    """The text looks like a date but names none ("31.02.2024")."""


@dataclass(frozen=True)
class Period:
    """A calendar period; ``explicit_year`` is False when the year came from the doc date."""

    grain: str
    start: dt.date
    explicit_year: bool = True

    def iso(self) -> str:
        d = self.start
        if self.grain == "year":
            return f"{d.year:04d}"
        if self.grain == "quarter":
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if self.grain == "month":
            return f"{d.year:04d}-{d.month:02d}"
        if self.grain == "week":
            year, week, _ = d.isocalendar()
            return f"{year:04d}-W{week:02d}"
        if self.grain == "half":
            last = add_months(d, 5)
            return f"{d.year:04d}-{d.month:02d}/{last.year:04d}-{last.month:02d}"
        return d.isoformat()


@dataclass(frozen=True)
class Interval:
    first: Period
    last: Period

    def iso(self) -> str:
        return f"{self.first.iso()}/{self.last.iso()}"


Value = Period | Interval


def make(year: int, month: int = 1, day: int = 1) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise Invalid(f"{year}-{month}-{day}") from exc


def floor(grain: str, d: dt.date) -> dt.date:
    if grain == "week":
        return d - dt.timedelta(days=d.weekday())
    if grain == "day":
        return d
    months = MONTHS_IN[grain]
    return dt.date(d.year, (d.month - 1) // months * months + 1, 1)


def add_months(d: dt.date, n: int) -> dt.date:
    total = d.year * 12 + d.month - 1 + n
    year, month = divmod(total, 12)
    if not 1 <= year <= 9999:
        raise Invalid(f"year {year}")
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(d.day, last))


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    """``d`` moved by ``n`` units; a month later than 31 January is the last of February."""
    try:
        if unit == "day":
            return d + dt.timedelta(days=n)
        if unit == "week":
            return d + dt.timedelta(weeks=n)
    except OverflowError as exc:
        raise Invalid(f"{n} {unit}s") from exc
    return add_months(d, n * MONTHS_IN[unit])


def period(grain: str, d: dt.date, explicit_year: bool = True) -> Period:
    return Period(grain, floor(grain, d), explicit_year)


def relative_period(ref: dt.date, unit: str, offset: int) -> Period:
    """ "прошлый месяц", "năm nay", "next quarter": the period ``offset`` units from now."""
    if unit not in GRAINS:
        raise Invalid(f"no period of a {unit}")
    return period(unit, shift(floor(unit, ref), unit, offset))


def infer_year(ref: dt.date, month: int) -> int:
    """The year of a month written without one: the document's year, except that the month
    just before the document's across New Year ("в декабре" in a January article) is last
    year's. Only that case is clear enough to override the calendar year."""
    return ref.year - 1 if month - ref.month == 11 else ref.year


def tensed_year(ref: dt.date, month: int, day: int | None, tense: int, months: int = 1) -> int:
    """The year of a yearless month or day in a sentence whose tense points back (< 0) or
    ahead (> 0): the latest that has begun by ``ref`` (a day up to SLACK after it counts),
    or the earliest that has not ended more than GRACE before it (an event "is to run from
    January 19" in a story of the 24th is this January's). ``months`` is the period's
    length (3 for a quarter). An open tense (0) falls back to :func:`infer_year`."""
    if not tense:
        return infer_year(ref, month)
    years = (ref.year, ref.year - 1) if tense < 0 else (ref.year, ref.year + 1)
    for year in years:
        try:
            first = dt.date(year, month, day or 1)
        except ValueError:
            continue  # 29 February
        last = first if day else add_months(first, months) - dt.timedelta(days=1)
        if (first <= ref + (SLACK if day else ZERO)) if tense < 0 else (last >= ref - GRACE):
            return year
    return years[-1]


def with_year(value: Period, year: int) -> Period:
    """The same period in another year, for "1 июля – 15 августа 2025"."""
    try:
        return Period(value.grain, value.start.replace(year=year), True)
    except ValueError as exc:
        raise Invalid(str(exc)) from exc


def weekday_from(ref: dt.date, weekday: int, index: int) -> dt.date:
    """The ``index``-th weekday strictly after ``ref`` (index ≥ 0), or strictly before it
    (index < 0: -1 is the last one before). ``weekday`` is 1 for Monday … 7 for Sunday."""
    if index >= 0:
        ahead = (weekday - 1 - ref.weekday()) % 7 or 7
        return ref + dt.timedelta(days=ahead + 7 * index)
    behind = (ref.weekday() - (weekday - 1)) % 7 or 7
    return ref - dt.timedelta(days=behind + 7 * (-index - 1))


def weekday_on_or_before(ref: dt.date, weekday: int) -> dt.date:
    """The latest such weekday on or before ``ref``: "said on Thursday" in news."""
    return ref - dt.timedelta(days=(ref.weekday() - (weekday - 1)) % 7)


def weekday_in_week(ref: dt.date, weekday: int, weeks: int) -> dt.date:
    """That weekday in the ISO week ``weeks`` from ``ref``'s ("thứ tư tuần tới")."""
    monday = floor("week", ref) + dt.timedelta(weeks=weeks)
    return monday + dt.timedelta(days=weekday - 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th given weekday of a month, or the last one for ``n == -1``."""
    if n < 0:
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        return last - dt.timedelta(days=(last.weekday() - (weekday - 1)) % 7)
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(weekday - 1 - first.weekday()) % 7 + 7 * (n - 1))
    if day.month != month:
        raise Invalid(f"no {n}th weekday {weekday} in {year}-{month}")
    return day


def two_digit_year(yy: int, ref: dt.date | None) -> int:
    """ "31.10.74" is 1974 and "3/3/17" 2017: up to ten years past the document's year
    counts as this century."""
    pivot = (ref.year % 100 + 10) if ref else 50
    return 2000 + yy if yy <= pivot else 1900 + yy


def quarter_start(year: int, quarter: int) -> dt.date:
    if not 1 <= quarter <= 4:
        raise Invalid(f"quarter {quarter}")
    return dt.date(year, 3 * quarter - 2, 1)


def months_of_year(year: int, first: int, last: int) -> Interval:
    if not 1 <= first <= last <= 12:
        raise Invalid(f"months {first}..{last}")
    return Interval(Period("month", make(year, first)), Period("month", make(year, last)))


def retarget(value: Value, year: int) -> Value:
    if isinstance(value, Interval):
        return value
    return value if value.explicit_year else with_year(value, year)
