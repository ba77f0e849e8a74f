"""Resolvers for dates of a year's parts and longer: quarters, halves, the first or last
N months, years and decades.

Split from :mod:`factx.rules.dates_resolve` because these read whole periods ("Q3",
"6 tháng đầu năm", "the 1990s") rather than days and months, from the same shared groups.
"""

from __future__ import annotations

import datetime as dt

from factx.rules import periods as p
from factx.rules.dates_groups import PARTS, Groups, count, need, number, year_of
from factx.rules.periods import Interval, Invalid, Period, Value
from factx.rules.timewords import TimeWords, key


def quarter(m: Groups, w: TimeWords, ref: dt.date | None, tense: int = 0) -> Value:
    q = number(m["q"] or m["qr"] or m["qw"], w)
    if q is None:
        raise Invalid(m[0])
    year = year_of(m, w, ref)
    if year is None and tense and 1 <= q <= 4:
        year = p.tensed_year(need(ref), 3 * q - 2, None, tense, months=3)
    if year is None:
        ref = need(ref)
        # Q4 named in the first quarter is last year's, as December is in January.
        year = ref.year - 1 if q - ((ref.month - 1) // 3 + 1) == 3 else ref.year
    return Period("quarter", p.quarter_start(year, q))


def half(m: Groups, w: TimeWords, ref: dt.date | None, tense: int = 0) -> Value:
    h = PARTS.get(key(m["part"] or "")) or number(m["h"] or m["hr"] or m["hw"], w)
    if m["hr"] and m["hr"][:1] in "Hh":
        h = int(m["hr"][1:])
    if h not in (1, 2):
        raise Invalid(m[0])
    year = year_of(m, w, ref)
    if year is None:
        ref = need(ref)
        year = p.tensed_year(ref, 6 * h - 5, None, tense, months=6) if tense else ref.year
    return Period("half", p.make(year, 6 * h - 5))


def months_of_year(m: Groups, w: TimeWords, ref: dt.date | None) -> Value:
    """ "9 месяцев 2025 года", "6 tháng đầu năm": January to month N (or the last N)."""
    n = count(m, w)
    year = year_of(m, w, ref) or need(ref).year
    if PARTS.get(key(m["part"] or "")) == 2:
        return p.months_of_year(year, 13 - n, 12)
    return p.months_of_year(year, 1, n)


def year(m: Groups, w: TimeWords, ref: dt.date | None) -> Value:
    return Period("year", p.make(int(m["y"])))


def decade(m: Groups, w: TimeWords, ref: dt.date | None) -> Value:
    """ "в 2020-х годах", "the 1990s", "thập niên 1990": ten years from a round year."""
    start = int(m["y"] or 0)
    if start % 10:
        raise Invalid(m[0])
    return Interval(Period("year", p.make(start)), Period("year", p.make(start + 9)))
