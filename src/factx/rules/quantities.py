"""QUANTITY: a number with a unit of measure, normalised to a pint symbol and scaled value.

"28,5 triệu tấn" → 28 500 000 t; "3,5 км²" → 3.5 km**2; "7 feet, 10 inches" → 94 inch.
A number counts only next to a unit from ``lang/<code>/units.toml``, so counts of things
("15 loại đất hiếm", "3 people"), years, phone and page numbers and model names never
become quantities: they simply have no unit after them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, ClassVar

import regex

from factx import lang as langdata
from factx.model import Document, Label, Mention
from factx.rules import coordination, numbers, ranges, rates
from factx.rules.amounts import Amounts, budget, followed
from factx.rules.compounds import Compounds
from factx.rules.units import Unit, UnitReader, vocabulary

if TYPE_CHECKING:
    import pint

GAP = r"[ \u00a0\u202f]*"
# A currency sign before the number makes it money ("$420m" is not 420 metres).
MONEY_SIGN = regex.compile(r"[$€£¥₽₴₹₩₫฿][ \u00a0]?$")
# A unit followed by "/unit" is a rate, unless rates.py reads what it is per ("t/d").
SLASH = regex.compile(r"[ \u00a0]?/[ \u00a0]?\w")
YEAR = regex.compile(r"(?:1[89]|20)\d\d")


@cache
def ureg() -> pint.UnitRegistry:
    """pint's registry, built on first need: it costs half a second, and only sums of two
    units ("6 ft 2 in") convert anything. tests/test_quantities.py checks that pint reads
    every unit symbol in the data files."""
    import pint

    return pint.UnitRegistry()


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    value: float
    unit: Unit
    bare: bool = False  # a unit with no number: "a litre"
    scale: float = 1.0  # "млн" in "28,5 млн тонн", lent to "от 20 до 28,5 млн тонн"
    low: float | None = None  # a range ("3–5 km"): value is the midpoint
    high: float | None = None
    per: rates.Per | None = None  # a rate: "barrels a day", "kg per person"


def same_unit(a: Found, b: Found) -> bool:
    return a.unit == b.unit and (a.per and a.per.symbol) == (b.per and b.per.symbol)


class QuantityExtractor:
    """Numbers with units of measure, in every language that has a ``units.toml``."""

    languages: ClassVar[tuple[str, ...]] = ("ru", "vi", "en")
    labels: ClassVar[tuple[str, ...]] = (Label.QUANTITY,)

    # The pipeline passes one amount scan to the extractors that share it.
    shared: ClassVar[dict[str, type]] = {"amounts": Amounts}

    def __init__(self, lang: str, amounts: Amounts | None = None) -> None:
        self.lang = lang
        self.units = vocabulary(lang)
        self.amounts = amounts or Amounts(lang)
        self.reader = UnitReader(self.units)
        self.bare_pattern = self.reader.bare
        u = self.units
        first = numbers.initials(u.words, [*u.symbols, *u.glued])
        gap = rf"{GAP}|-(?=\w)" if u.hyphen else GAP
        # Amounts a unit may follow: the first letter of one after spaces or a hyphen.
        self.follower = regex.compile(rf"{GAP}-?{first}")
        self.dash_follower = regex.compile(rf"(?:{gap}){first}")
        stems = langdata.load(lang, "units").get("adjective_stems", {})
        self.adjectives = Compounds(lang, {k: Unit(v) for k, v in stems.items()})

    def extract(self, doc: Document) -> Iterator[Mention]:
        text = doc.text
        timeout = budget(text)
        scan = self.amounts.scan(text)
        found = [f for m in followed(scan.amounts, self.follower) if (f := self.read(text, m))]
        dashed = [
            f
            for m in scan.dashes
            if self.dash_follower.match(text, m.end())
            for f in ranges.from_dash(m, self.read(text, m), self.lang)
        ]
        if dashed:  # "3–5 km": the scan never reads a number glued to another by a dash
            ends = [d.end for d in dashed]
            found = [f for f in found if not inside(dashed, ends, f.start, f.end)]
            found += dashed
        if self.bare_pattern is not None:
            # Amounts come sorted and disjoint; a bare unit inside one ("tenth of a gallon")
            # is part of it.
            ends = [f.end for f in found]
            bare = list(self.bare_pattern.finditer(text, timeout=timeout))
            found += [
                f
                for m in bare
                if not inside(found, ends, m.start(), m.end()) and (f := self.read_bare(text, m))
            ]
        # "1200-километрового", "десятиметровая": one word, which no scan above reads.
        found += [
            Found(c.start, c.end, c.value, c.unit)
            for c in self.adjectives.find(text, timeout, scan)
        ]
        found.sort(key=lambda f: f.start)
        paired = coordination.pair_up(text, self.lang, found, same_unit, lambda f: not f.bare)
        for f in self.join(text, paired):
            factor, unit, per = f.unit.factor, f.unit.symbol, f.per
            bounds = [x * factor for x in (f.low, f.high) if x is not None]
            if not numbers.finite(f.value * factor, *bounds):
                continue  # "9" * 400 "km": no float holds it
            if per is not None and per.measure:
                unit, per = rates.compound(unit, per, self.lang), None
            yield Mention(
                Label.QUANTITY,
                f.start,
                f.end,
                text[f.start : f.end],
                norm=None if f.low is None else ranges.norm(f.low * factor, f.high * factor),
                value=numbers.tidy(f.value * factor),
                unit=unit,
                per=per.symbol if per else None,
            )

    def read(self, text: str, amount: regex.Match[str]) -> Found | None:
        """The unit right after an amount; without its scale if only that way a unit follows
        ("5m" is five metres, while "0.3k miles" keeps its "k")."""
        if MONEY_SIGN.search(text, max(0, amount.start() - 2), amount.start()):
            return None
        scaled = True
        m = self.reader.at(text, amount.end())
        if m is None and (amount["scale"] or amount["suffix"]):
            scaled = False
            m = self.reader.at(text, amount.end("num"))
        if m is None:
            return None
        unit = self.units.lookup(m.unit or m.glue or "")
        if unit is None or not needs_ok(unit, text, m.end):
            return None
        if m.glue and (m.gap or closes_quote(text, m.start)):
            return None
        if unit.not_after and unit.not_after & numbers.words_before(text, amount.start()):
            return None
        if (m.unit or "") in self.units.not_after_year and YEAR.fullmatch(amount["num"]):
            return None
        value = numbers.amount_value(amount, self.lang, scaled)
        per = rates.per_after(text, m.end, self.lang) if "/" not in unit.symbol else None
        if value is None or (per is None and SLASH.match(text, m.end)):
            return None
        scale = amount["scale"] or amount["suffix"] if scaled else None
        factor = (numbers.parse_scale(scale, self.lang) or 1.0) if scale else 1.0
        end = per.end if per else m.end
        return Found(amount.start(), end, value, unit, scale=factor, per=per)

    def read_bare(self, text: str, m: regex.Match[str]) -> Found | None:
        """A unit with no number means one, unless it is a rate ("за литр", "$5 a gallon")
        or the tail of a longer name ("квадратный метр")."""
        unit = self.units.bare.get(numbers.fold(m["unit"]))
        if unit is None or not needs_ok(unit, text, m.end()):
            return None
        before = text[max(0, m.start() - 40) : m.start()].split()
        if before:
            last = before[-1].casefold()
            if (
                last.rstrip(".,") in self.units.per
                or last.endswith("/")
                or any(ch.isdigit() for ch in last)
                or any(c in last for c in "$€£¥₽₴₹%")
                or (not m["article"] and last.endswith(self.units.adjective_endings))
            ):
                return None
        return Found(m.start(), m.end(), 1.0, unit, bare=True)

    def join(self, text: str, found: list[Found]) -> Iterator[Found]:
        """One length in several units ("3 yards 2 ft 5 inches") becomes one mention, in
        the smallest unit, when each part is a smaller unit of the same kind."""
        i = 0
        while i < len(found):
            head = found[i]
            j = i
            while j + 1 < len(found) and self.continues(text, found[j], found[j + 1]):
                j += 1
            if j == i:
                yield head
            else:
                last = found[j].unit
                total = sum(convert(f, last.symbol) for f in found[i : j + 1])
                yield Found(head.start, found[j].end, total / last.factor, last)
            i = j + 1

    def continues(self, text: str, a: Found, b: Found) -> bool:
        gap = text[a.end : b.start].strip().casefold()
        if (
            gap
            and gap not in {j.casefold() for j in self.units.joiners}
            and gap not in {f", {j}".casefold() for j in self.units.joiners}
        ):
            return False
        if len(text[a.end : b.start]) > 8 or a.unit.symbol == b.unit.symbol or b.bare:
            return False
        from pint.errors import PintError

        try:
            ua, ub = ureg().Unit(a.unit.symbol), ureg().Unit(b.unit.symbol)
            return ua.dimensionality == ub.dimensionality and (1 * ua).to(ub).magnitude > 1
        except PintError:
            return False


def inside(found: list[Found], ends: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of ``found``, sorted and disjoint, ``ends`` theirs."""
    i = bisect_right(ends, start)
    return i < len(found) and found[i].start < end


def convert(f: Found, symbol: str) -> float:
    return ureg().Quantity(f.value * f.unit.factor, f.unit.symbol).to(symbol).magnitude


def closes_quote(text: str, at: int) -> bool:
    """A '"' after a number that closes a quotation ('the "Group of 7" said') is no inch;
    nor is one before punctuation ('posts 31 and 32", the agency said'), where a quotation
    opened sentences earlier ends."""
    if text[at] != '"':
        return False
    if text[at + 1 : at + 2] in (",", ".", ";", ":", "!", "?"):
        return True
    line_start = text.rfind("\n", 0, at) + 1
    return text.count('"', line_start, at) % 2 == 1


def needs_ok(unit: Unit, text: str, end: int) -> bool:
    return unit.needs is None or unit.needs.match(text, end) is not None
