"""What every date resolver shares: a match's named groups, and reading a year, a small
number or a count out of them.

Split from :mod:`factx.rules.dates_resolve` because these helpers are the common ground of
all resolvers (and :class:`Groups` is read by the duration and date-check modules too), while
each resolver is about one kind of date. A date that needs the document date to mean
anything raises :class:`NoReference` when there is none.
"""

from __future__ import annotations

import datetime as dt

import regex

from factx.rules import periods as p
from factx.rules.periods import Invalid
from factx.rules.timewords import TimeWords, key

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# Vietnamese "đầu/cuối năm": the first or the last months of a year.
PARTS = {"đầu": 1, "cuối": 2}


class NoReference(LookupError):
    """The date is relative and the document has no date."""


class Groups(dict[str | int, str | None]):
    """A match's named groups; a group the rule's template lacks reads as None."""

    def __missing__(self, name: str | int) -> None:
        return None

    @classmethod
    def of(cls, m: regex.Match[str]) -> Groups:
        g = cls(m.groupdict())
        g[0] = m[0]
        return g


def need(ref: dt.date | None) -> dt.date:
    if ref is None:
        raise NoReference
    return ref


def offset(w: TimeWords, word: str) -> int:
    return int(w.relative[key(word)])


def year_of(m: Groups, w: TimeWords, ref: dt.date | None) -> int | None:
    """The year the text gives, absolutely or relative to now; None if it gives none."""
    if m["y"]:
        return int(m["y"])
    if m["yy"]:
        return p.two_digit_year(int(m["yy"]), ref)
    if m["yrel"]:
        return need(ref).year + offset(w, m["yrel"])
    return None


def number(text: str | None, w: TimeWords) -> int | None:
    """A small number written as digits, a Roman numeral or an ordinal word."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    return ROMAN.get(text.casefold()) or w.ordinal(text)


def count(m: Groups, w: TimeWords) -> int:
    n = w.count(m["n"])
    if n is None or n != int(n) or not 0 < n < 10_000:
        raise Invalid(m[0])
    return int(n)
