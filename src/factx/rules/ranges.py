"""Two amounts that share the unit written after the second: a range or a pair.

"3–5 km", "3 to 5 km", "between 44 and 50 mg", "от 10 до 15 тонн", "từ 3 đến 5 tấn" are
ranges: one mention whose value is the midpoint (as quantulum3 reports ranges) and whose
norm is "low/high". "from 3 to 5 t" (a change), "45 and 50 mg" and "3 или 4 км" are pairs:
the first amount is a mention of its own, in the second's unit. The words are the
``range_*``, ``change_openers`` and ``list_joiners`` lists of ``lang/<code>/numbers.toml``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, Protocol, TypeVar

import regex

from factx import lang as langdata
from factx.rules import numbers

# "3-5", "3 – 5", "3.5–4.0": digits, a dash, digits.
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
    return regex.compile(
        rf"(?r){opener}(?P<num>{numbers.number_pattern(lang)})"
        rf"(?:{GAP}(?P<scale>{numbers.scale_pattern(lang)}))?"
        # "8- to 16-meter": the first amount may keep the hyphen of its compound.
        rf"-?[ \u00a0]+(?P<join>(?i:{numbers.word(joins)})){modifier(w)}[ \u00a0]+\Z"
    )


def modifier(w: RangeWords) -> str:
    """ "từ 385 tỷ lên hơn 800 tỷ": a word such as "more than" before the second amount."""
    return rf"(?:[ \u00a0]+(?i:{numbers.word(w.modifiers)}))?" if w.modifiers else ""


@cache
def comma_pattern(lang: str) -> regex.Pattern[str]:
    """ "по 100, 200 и 500 рублей": an amount and a comma before a list's next amount."""
    return regex.compile(
        rf"(?r)(?P<num>{numbers.number_pattern(lang)})"
        rf"(?:{GAP}(?P<scale>{numbers.scale_pattern(lang)}))?,[ \u00a0]+\Z"
    )


@cache
def after_pattern(lang: str) -> regex.Pattern[str] | None:
    """A joiner and a bare amount after an amount with its unit, where the phrase ends or a
    word that cannot be a noun follows: "2.83 million tonnes and 1.9 million in 2019"."""
    w = words(lang)
    if not w.lists:
        return None
    follow = rf"|(?i:{numbers.word(w.followers)})" if w.followers else ""
    return regex.compile(
        rf"[ \u00a0]*,?[ \u00a0]+(?i:{numbers.word(w.lists)}){modifier(w)}[ \u00a0]+"
        rf"(?P<num>{numbers.number_pattern(lang)})"
        rf"(?:{GAP}(?P<scale>{numbers.scale_pattern(lang)}))?"
        rf"(?=[ \u00a0]*(?:[.,;:!?)\]\n]|\Z{follow}))"
    )


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
    """How two amounts that both carry the unit are joined ("44 mg to 50 mg", "between
    44 mg and 50 mg"), and where the range starts (at its opener, if any)."""
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


def adjacent(text: str, end: int, start: int, lang: str) -> bool:
    """Whether only a joiner ("to", "и", "lên", a dash, a comma) stands between two amounts."""
    between = text[end:start]
    if len(between) > 16:
        return False
    w = words(lang)
    joiner = numbers.fold(between.strip(" \u00a0,"))
    return (
        not joiner or bool(regex.fullmatch(DASH, between)) or joiner in w.joiners | w.ands | w.lists
    )


def norm(low: float, high: float) -> str:
    return f"{plain(low)}/{plain(high)}"


def plain(x: float) -> str:
    x = numbers.tidy(x)
    return str(int(x)) if x.is_integer() and abs(x) < 1e15 else repr(x)


def pair_up(
    text: str,
    lang: str,
    found: list[A],
    same_unit: Callable[[A, A], bool],
    eligible: Callable[[A], bool] = lambda a: True,
    to_value: Callable[[float, A], float] = lambda v, a: v,
) -> list[A]:
    """Sorted, disjoint amounts with ranges made one and the first of a pair added.

    ``to_value`` turns a first amount ("3" in "3 to 5 t", its scale applied) into the
    second's value space (a currency's subunit factor, say)."""
    out: list[A] = []
    for f in found:
        prev = out[-1] if out else None
        if not eligible(f) or f.low is not None:
            out.append(f)
            continue
        if prev and eligible(prev) and prev.low is None and same_unit(prev, f):
            how = joined(text, prev.start, prev.end, f.start, lang)
            if how and how[0] == "range" and prev.value < f.value:
                out[-1] = as_range(f, how[1], prev.value)
                continue
        first = first_before(text, f.start, lang, f.scale)
        if first and (prev is None or prev.end <= first.start):
            value = to_value(first.value, f)
            if first.kind == "range" and value < f.value:
                f = as_range(f, first.start, value)
            elif first.kind == "pair":
                change: dict[str, Any] = {"low": None, "high": None}
                listed = listed_before(text, first.amount_start, lang, f.scale)
                floor = prev.end if prev else 0
                for start, end, v in [x for x in listed if x[0] >= floor]:
                    out.append(dataclasses.replace(
                        f, start=start, end=end, value=to_value(v, f), **change
                    ))  # fmt: skip
                out.append(dataclasses.replace(
                    f, start=first.amount_start, end=first.end, value=value, **change
                ))  # fmt: skip
        out.append(f)
    return sorted(out + shared(text, lang, out, eligible, to_value), key=lambda f: f.start)


def shared(
    text: str,
    lang: str,
    found: list[A],
    eligible: Callable[[A], bool],
    to_value: Callable[[float, A], float],
) -> list[A]:
    """The bare amounts after "and"/"or" that borrow a found amount's unit, where no other
    amount starts: "2.83 million tonnes and 1.9 million." """
    starts = sorted(f.start for f in found)
    out: list[A] = []
    opener = opener_pattern(lang)
    for f in found:
        after = shared_after(text, f.end, lang, f.scale) if eligible(f) else None
        if after is None or any(after[0] <= s < after[1] for s in starts):
            continue
        if opener and opener.search(text, max(0, f.start - 30), f.start):
            continue  # "between $5 and 10" is one range, told by the opener
        change: dict[str, Any] = {"low": None, "high": None}
        out.append(dataclasses.replace(
            f, start=after[0], end=after[1], value=to_value(after[2], f), **change
        ))  # fmt: skip
    return out


def as_range(high: A, start: int, low: float) -> A:
    """``high`` widened to start at ``start``: valued at the midpoint, with its bounds."""
    mid = (low + high.value) / 2
    return dataclasses.replace(high, start=start, value=mid, low=low, high=high.value)


def listed_before(text: str, at: int, lang: str, scale: float) -> list[tuple[int, int, float]]:
    """The amounts of a comma list before the one starting at ``at`` ("100, 200" before
    "и 500"), nearest last: (start, end, value with its own scale or ``scale``)."""
    out: list[tuple[int, int, float]] = []
    while m := comma_pattern(lang).search(text, max(0, at - 60), at):
        value = numbers.parse_number(m["num"], lang)
        own = numbers.parse_scale(m["scale"], lang) if m["scale"] else None
        if value is None or YEAR.fullmatch(m["num"]) or (m["scale"] and own is None):
            break
        out.insert(
            0,
            (
                m.start("num"),
                m.end("scale") if m["scale"] else m.end("num"),
                value * (own or scale),
            ),
        )
        at = m.start("num")
    return out


def shared_after(text: str, end: int, lang: str, scale: float) -> tuple[int, int, float] | None:
    """A bare amount after "and"/"or" that borrows the unit of the amount ending at ``end``;
    it needs a scale word when that amount had one ("and 1.9 million", never "and 3")."""
    pattern = after_pattern(lang)
    m = pattern.match(text, end) if pattern else None
    if m is None or (scale != 1.0 and not m["scale"]) or YEAR.fullmatch(m["num"]):
        return None
    value = numbers.parse_number(m["num"], lang)
    own = numbers.parse_scale(m["scale"], lang) if m["scale"] else 1.0
    if value is None or own is None:
        return None
    return m.start("num"), m.end("scale") if m["scale"] else m.end("num"), value * own
