"""Amounts that share a unit across a list or a change, each its own mention.

"35 and 40 mg", "по 100, 200 и 500 рублей", "từ 385 tỷ lên hơn 800 tỷ đồng" and "2.83
million tonnes and 1.9 million" give every amount a mention in the unit (and currency,
and scale) written once; ranges ("3–5 km", "between 35 and 40 mg") are made one mention
by :mod:`factx.rules.ranges`. The words are the ``list_joiners``, ``amount_modifiers``
and ``shared_followers`` lists of ``lang/<code>/numbers.toml``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import cache
from typing import Any

import regex

from factx.rules import compiled, numbers
from factx.rules.ranges import (
    DASH,
    GAP,
    YEAR,
    A,
    as_range,
    first_before,
    joined,
    modifier,
    opener_pattern,
    words,
)


@cache
def comma_pattern(lang: str) -> regex.Pattern[str]:
    """ "по 100, 200 и 500 рублей": an amount and a comma before a list's next amount."""
    return compiled.pattern(
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
    return compiled.pattern(
        rf"[ \u00a0]*,?[ \u00a0]+(?i:{numbers.word(w.lists)}){modifier(w)}[ \u00a0]+"
        rf"(?P<num>{numbers.number_pattern(lang)})"
        rf"(?:{GAP}(?P<scale>{numbers.scale_pattern(lang)}))?"
        rf"(?=[ \u00a0]*(?:[.,;:!?)\]\n]|\Z{follow}))"
    )


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
