"""From a matched date pattern to a calendar value, one resolver per kind of rule.

Resolvers read the named groups the templates share (``d``, ``mw``, ``y``, ``rel``…), so a
new template in any language needs no new code as long as it reuses those names. A date
that needs the document date to mean anything raises :class:`NoReference` when there is
none: it stays a mention, with an empty norm, rather than a guess.

The groups and helpers all resolvers share are :mod:`factx.rules.dates_groups`; quarters,
halves, years and decades are :mod:`factx.rules.dates_years`; days, months, weekdays and
ranges stay here, with the table that picks a resolver by rule kind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from factx.rules import holiday_calendar
from factx.rules import periods as p
from factx.rules.dates_groups import (
    Groups,
    NoReference,
    count,
    need,
    number,
    offset,
    year_of,
)
from factx.rules.dates_years import decade, half, months_of_year, quarter, year
from factx.rules.periods import Interval, Invalid, Period, Value
from factx.rules.timewords import TimeWords, key


def date(m: Groups, w: TimeWords, ref: dt.date | None, tense: int = 0) -> Value:
    month = int(m["m"]) if m["m"] else w.month(m["mw"])
    day = int(m["d"]) if m["d"] else number(m["dw"], w)
    if month is None:
        raise Invalid(m[0])
    year = year_of(m, w, ref)
    explicit = year is not None
    if year is None:
        year = p.tensed_year(need(ref), month, day, tense)
    if day is None:
        return Period("month", p.make(year, month), explicit)
    return Period("day", p.make(year, month, day), explicit)


def date_us(m: Groups, w: TimeWords, ref: dt.date | None) -> Value:
    """US order, month first, unless the first number cannot be a month ("15/12/2025")."""
    first, second = int(m["m"]), int(m["d"])
    month, day = (second, first) if first > 12 else (first, second)
    year = year_of(m, w, ref) or 0
    return Period("day", p.make(year, month, day))


def month(m: Groups, w: TimeWords, ref: dt.date | None, tense: int = 0) -> Value:
    number = w.month(m["mw"]) if m["mw"] else int(m["m"])
    if number is None:
        raise Invalid(m[0])
    ref = need(ref)
    if m["mrel"]:
        # "next March" is the first March after this month, "last March" the last before.
        step = offset(w, m["mrel"])
        year = ref.year
        if step > 0 and number <= ref.month:
            year += 1
        elif step < 0 and number >= ref.month:
            year -= 1
        return Period("month", p.make(year, number))
    return Period("month", p.make(p.tensed_year(ref, number, None, tense), number), False)


def weekday(m: Groups, w: TimeWords, ref: dt.date | None, tense: int = 0) -> Value:
    """A bare weekday in a past-tense sentence is the latest on or before the document date
    ("said on Thursday"); otherwise the next one after it, as Duckling reads one: "вторник"
    on a Tuesday is next week's, "last tuesday" the one before, "thứ tư tuần tới" Wednesday
    of next week."""
    ref = need(ref)
    wd = w.weekday(m["wd"])
    if wd is None:
        raise Invalid(m[0])
    if m["rel"]:
        return Period("day", p.weekday_in_week(ref, wd, offset(w, m["rel"])))
    step = offset(w, m["wrel"]) if m["wrel"] else 0
    if step < 0:
        return Period("day", p.weekday_from(ref, wd, -1))
    if m["wrel"] and step == 0 and wd - 1 == ref.weekday():
        return Period("day", ref)
    if tense < 0 and not m["wrel"] and not m["after"]:
        return Period("day", p.weekday_on_or_before(ref, wd))
    return Period("day", p.weekday_from(ref, wd, 1 if m["after"] else 0))


def relative(m: Groups, w: TimeWords, ref: dt.date | None) -> Value:
    unit = w.units[key(m["unit"])]
    return p.relative_period(need(ref), unit, offset(w, m["rel"]))


def deictic(m: Groups, w: TimeWords, ref: dt.date | None) -> Value:
    return Period("day", need(ref) + dt.timedelta(days=w.deictic[key(m["dayrel"])]))


def shift(m: Groups, w: TimeWords, ref: dt.date | None) -> Value:
    """ "две недели назад", "через неделю", "3 fridays from now"."""
    ref = need(ref)
    n = count(m, w)
    sign = w.after_count[key(m["ago"])] if m["ago"] else w.before_count[key(m["before"])]
    if m["wd"]:
        wd = w.weekday(m["wd"]) or 0
        return Period("day", p.weekday_from(ref, wd, n - 1 if sign > 0 else -n))
    unit = w.units[key(m["unit"])]
    return p.period(p.SHIFT_GRAIN[unit], p.shift(ref, unit, sign * n))


def upcoming(m: Groups, w: TimeWords, ref: dt.date | None) -> Value:
    unit = w.units[key(m["unit"])]
    return p.relative_period(need(ref), unit, count(m, w))


def year_range(m: Groups, w: TimeWords, ref: dt.date | None, tense: int = 0) -> Value:
    if m["d2"]:
        first = date(m, w, ref, tense)
        assert isinstance(first, Period)
        last = Period("day", first.start.replace(day=1) + dt.timedelta(days=int(m["d2"]) - 1))
        if last.start.month != first.start.month or last.start <= first.start:
            raise Invalid(m[0])
        return Interval(first, last)
    start = int(m["y"])
    end = int(m["y2"]) if m["y2"] else start // 100 * 100 + int(m["yy2"])
    if not start < end <= start + 100:
        raise Invalid(m[0])
    return Interval(Period("year", p.make(start)), Period("year", p.make(end)))


def holiday(m: Groups, w: TimeWords, ref: dt.date | None, tense: int = 0) -> Value:
    """ "Diwali 2019", "last Chinese New Year"; without a year, the next one, or the last one
    in a past-tense sentence. A holiday its calendar does not date that year (a lunar
    table's end) keeps an empty norm, like a date without a reference."""
    year = year_of(m, w, ref)
    if year is not None:
        day = holiday_calendar.date_in(w.lang, m["hol"], year)
    else:
        step = offset(w, m["hrel"]) if m["hrel"] else min(tense, 0)
        day = holiday_calendar.date_near(w.lang, m["hol"], need(ref), step)
    if day is None:
        raise NoReference(m["hol"])
    return Period("day", day)


def month_named(m: Groups, w: TimeWords, ref: dt.date | None) -> dt.date:
    """The first day of "october 2014", "october" (this year's) or "next month"."""
    if m["rel"]:
        return p.relative_period(need(ref), "month", offset(w, m["rel"])).start
    month_no = w.month(m["mw"]) or 0
    return p.make(year_of(m, w, ref) or p.infer_year(need(ref), month_no), month_no)


def nth_weekday(m: Groups, w: TimeWords, ref: dt.date | None) -> Value:
    """ "second thursday of october 2014", "last friday in october"."""
    n = -1 if m["nthl"] else number(m["nth"] or m["nthd"], w)
    wd = w.weekday(m["wd"])
    if n is None or wd is None:
        raise Invalid(m[0])
    first = month_named(m, w, ref)
    return Period("day", p.nth_weekday(first.year, first.month, wd, n))


def last_day(m: Groups, w: TimeWords, ref: dt.date | None) -> Value:
    """ "the last day of May", "the 3rd last day of June": counted back from the month's end."""
    n = number(m["nth"] or m["nthd"], w) or 1
    first = month_named(m, w, ref)
    day = p.add_months(first, 1) - dt.timedelta(days=n)
    if day < first:
        raise Invalid(m[0])
    return Period("day", day)


def closest_weekday(m: Groups, w: TimeWords, ref: dt.date | None) -> Value:
    """ "the closest Friday to Oct 12th": that weekday at most three days from the date."""
    target = date(m, w, ref)
    wd = w.weekday(m["wd"])
    if wd is None or not isinstance(target, Period) or target.grain != "day":
        raise Invalid(m[0])
    ahead = (wd - 1 - target.start.weekday()) % 7
    return Period("day", target.start + dt.timedelta(days=ahead if ahead <= 3 else ahead - 7))


# The resolvers whose reading depends on the sentence's tense (see factx.rules.tense).
TENSED = {
    *("date", "day_month", "month", "weekday", "weekday_abbr", "holiday", "quarter", "half"),
    "range",
}
RESOLVERS: dict[str, Callable[..., Value]] = {
    "date": date,
    "day_month": date,
    "date_us": date_us,
    "month": month,
    "weekday": weekday,
    "weekday_abbr": weekday,
    "relative": relative,
    "deictic": deictic,
    "shift": shift,
    "upcoming": upcoming,
    "quarter": quarter,
    "half": half,
    "months_of_year": months_of_year,
    "year": year,
    "year_cue": year,
    "year_attr": year,
    "range": year_range,
    "decade": decade,
    "holiday": holiday,
    "nth_weekday": nth_weekday,
    "last_day": last_day,
    "closest_weekday": closest_weekday,
}


def resolve(kind: str, m: Groups, w: TimeWords, ref: dt.date | None, tense: int = 0) -> Value:
    if kind in TENSED:
        return RESOLVERS[kind](m, w, ref, tense)
    return RESOLVERS[kind](m, w, ref)
