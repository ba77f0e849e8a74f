"""Two amounts that share the unit written after the second: a range or a pair.

"3–5 km", "3 to 5 km", "between 35 and 40 mg", "от 10 до 15 тонн", "từ 3 đến 5 tấn" are
ranges: one mention whose value is the midpoint (as quantulum3 reports ranges) and whose
norm is "low/high". "from 3 to 5 t" (a change), "35 and 40 mg" and "3 или 4 км" are pairs:
the first amount is a mention of its own, in the second's unit; :mod:`factx.rules.coordination`
makes the mentions of pairs and lists. The words are the ``range_*``, ``change_openers``
and ``list_joiners`` lists of ``lang/<code>/numbers.toml``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Literal, Protocol, TypeVar

import regex

from factx import lang as langdata
from factx.rules import compiled, numbers

# "3-5", "3 – 5", "2.5–3.0": digits, a dash, digits.
DASH = r"[ \u00a0]?[-–—][ \u00a0]?"
GAP = r"[ \u00a0]*"
# "in 2019 and 5 km": a year before "and" is a date, never the first of a pair.
YEAR = regex.compile(r"(?:1[89]|20)\d\d")
DECIMAL = regex.compile(r"\d+[.,]\d")


class Amount(Protocol):
    """What an extractor found: a frozen dataclass with at least these fields."""

    start: int
    end: int
    value: float
    scale: float  # the scale word's factor ("млн"), lent to a first amount without one
    low: float | None
    high: float | None


A = TypeVar("A", bound=Amount)


@dataclass(frozen=True)
class RangeWords:
    joiners: frozenset[str]  # "to", "до": a range, unless a change opener came first
    openers: frozenset[str]  # "between", "от": make "and" a range joiner
    change: frozenset[str]  # "from", "с": "from 3 to 5" is a change, two amounts
    ands: frozenset[str]  # "and": a range after a range opener, else a pair
    lists: frozenset[str]  # "and", "or", "lên": a pair
    modifiers: frozenset[str]  # "more than", "hơn": between a joiner and the second amount
    followers: frozenset[str]  # "in", "last": may follow an amount that borrows the unit

    @classmethod
    def load(cls, lang: str) -> RangeWords:
        data = langdata.load(lang, "numbers")
        get = lambda key: frozenset(numbers.fold(w) for w in data.get(key, ()))  # noqa: E731
        return cls(
            get("range_joiners"),
            get("range_openers"),
            get("change_openers"),
            get("range_and"),
            get("list_joiners"),
            get("amount_modifiers"),
            get("shared_followers"),
        )

    def kind(self, opener: str | None, joiner: str) -> Literal["range", "pair"] | None:
        opener, joiner = numbers.fold(opener or ""), numbers.fold(joiner)
        if joiner in self.joiners:
            return "pair" if opener in self.change else "range"
        if joiner in self.ands and opener in self.openers:
            return "range"
        return "pair" if joiner in self.lists else None


@dataclass(frozen=True)
class First:
    """The first of two amounts, found by looking left from the second."""

    start: int  # of the opener, if any, else of the amount
    end: int  # of the amount
    amount_start: int
    value: float  # with its own scale, else the second amount's ("3 to 5 million t")
    kind: Literal["range", "pair"]


@cache
def words(lang: str) -> RangeWords:
    return RangeWords.load(lang)


@cache
def before_pattern(lang: str) -> regex.Pattern[str] | None:
    """An amount and a joiner right before the second amount, matched right to left."""
    w = words(lang)
    joins = w.joiners | w.ands | w.lists
    if not joins:
        return None
    opener = rf"(?:(?P<open>(?i:{numbers.word(w.openers | w.change)}))[ \u00a0]+)?"
    if not (w.openers | w.change):
        opener = "(?P<open>)"
    return compiled.pattern(
        rf"(?r){opener}(?P<num>{numbers.number_pattern(lang)})"
        rf"(?:{GAP}(?P<scale>{numbers.scale_pattern(lang)}))?"
        # "8- to 16-meter": the first amount may keep the hyphen of its compound.
        rf"-?[ \u00a0]+(?P<join>(?i:{numbers.word(joins)})){modifier(w)}[ \u00a0]+\Z"
    )


def modifier(w: RangeWords) -> str:
    """ "từ 385 tỷ lên hơn 800 tỷ": a word such as "more than" before the second amount."""
    return rf"(?:[ \u00a0]+(?i:{numbers.word(w.modifiers)}))?" if w.modifiers else ""


def first_before(text: str, at: int, lang: str, scale: float) -> First | None:
    """The amount joined to the one starting at ``at``, if any; ``scale`` is the second
    amount's scale factor, lent to a first amount that has none."""
    pattern = before_pattern(lang)
    m = pattern.search(text, max(0, at - 120), at) if pattern else None
    if m is None:
        return None
    kind = words(lang).kind(m["open"], m["join"])
    value = numbers.parse_number(m["num"], lang)
    if kind is None or value is None or (kind == "pair" and YEAR.fullmatch(m["num"])):
        return None
    own = numbers.parse_scale(m["scale"], lang) if m["scale"] else None
    if m["scale"] and own is None:
        return None
    start = m.start("open") if m["open"] else m.start("num")
    end = m.end("scale") if m["scale"] else m.end("num")
    return First(start, end, m.start("num"), value * (own or scale), kind)


def from_dash(
    m: regex.Match[str],
    second: A | None,
    lang: str,
    to_value: Callable[[float, A], float] = lambda v, a: v,
) -> list[A]:
    """The range of a :func:`dash_source` match whose second amount reads as ``second``;
    the first number takes the second's scale ("3–5 млн"). Two decimals joined by a slash
    ("22.00/22.75 percent", a bid and an offer) are a pair: two mentions."""
    low = numbers.parse_number(m["lo"], lang) if second is not None else None
    if second is None or low is None or second.low is not None:
        return []
    low = to_value(low * second.scale, second)
    if m["dash"] == "/":
        if not (DECIMAL.search(m["lo"]) and DECIMAL.match(m.string, m.end("dash"))):
            return []
        first = dataclasses.replace(second, start=m.start(), end=m.end("lo"), value=low)
        return [first, dataclasses.replace(second, start=m.end("dash"))]
    return [as_range(second, m.start(), low)] if low < second.value else []


def dash_source(lang: str, glued: bool = False) -> str:
    """Regex source of "3–5" before a unit: groups ``lo`` and the amount groups of
    :func:`numbers.amount_pattern` for the second number. ``glued``: the first number may
    touch what is before it (a currency sign or code: "$3-5 million", "RM3-5")."""
    g = numbers.grammar(lang)
    lo = rf"(?:{g.spaced}|{g.digits.removesuffix(numbers.END)}(?![.,]?\d))"
    second = numbers.amount_pattern(lang, glued=True)
    dash = rf"(?P<dash>{DASH}|/)"
    return rf"{'' if glued else numbers.START}(?P<lo>{lo}){dash}(?>{second})"


@cache
def opener_pattern(lang: str) -> regex.Pattern[str] | None:
    w = words(lang)
    if not (w.openers | w.change):
        return None
    return regex.compile(
        rf"(?r)(?<!\w)(?P<open>(?i:{numbers.word(w.openers | w.change)}))[ \u00a0]+\Z"
    )


def joined(
    text: str, a_start: int, a_end: int, b_start: int, lang: str
) -> tuple[Literal["range", "pair"], int] | None:
    """How two amounts that both carry the unit are joined ("35 mg to 40 mg", "between
    35 mg and 40 mg"), and where the range starts (at its opener, if any)."""
    between = text[a_end:b_start]
    if regex.fullmatch(DASH, between):
        return "range", a_start
    joiner = between.strip()
    if not joiner or len(between) > 12 or not between[:1].isspace():
        return None
    pattern = opener_pattern(lang)
    m = pattern.search(text, max(0, a_start - 30), a_start) if pattern else None
    kind = words(lang).kind(m["open"] if m else None, joiner)
    if kind is None:
        return None
    return kind, m.start() if m and kind == "range" else a_start


def norm(low: float, high: float) -> str:
    return f"{plain(low)}/{plain(high)}"


def plain(x: float) -> str:
    x = numbers.tidy(x)
    return str(int(x)) if x.is_integer() and abs(x) < 1e15 else repr(x)


def as_range(high: A, start: int, low: float) -> A:
    """``high`` widened to start at ``start``: valued at the midpoint, with its bounds."""
    mid = (low + high.value) / 2
    return dataclasses.replace(high, start=start, value=mid, low=low, high=high.value)
