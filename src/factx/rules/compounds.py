"""Adjectives made of a number and a unit: "50-процентной", "1200-километрового",
"десятиметровая", "полуторачасовую".

Russian writes an amount that qualifies a noun as one word: digits, a hyphen and the
unit's adjective stem, or a numeral stem glued to it ("десяти" + "метров" + "ая"). The
numeral stems and endings are in ``lang/<code>/numbers.toml`` (``compound_numerals``,
``compound_endings``); each extractor passes the unit stems it knows (``adjective_stems``
of units.toml and durations.toml, ``percent_stems`` of numbers.toml). A language without
them finds nothing here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import regex

from factx import lang as langdata
from factx.rules import numbers
from factx.rules.amounts import Scan, fold
from factx.rules.lazy import LazyPattern

T = TypeVar("T")


@dataclass(frozen=True)
class Compound(Generic[T]):
    start: int
    end: int
    value: float
    unit: T


class Compounds(Generic[T]):
    """A scanner for one language and one table of unit stems → units."""

    def __init__(self, lang: str, stems: Mapping[str, T]) -> None:
        data: dict[str, Any] = langdata.load(lang, "numbers")
        self.lang = lang
        self.numerals = {
            k.casefold(): float(v) for k, v in data.get("compound_numerals", {}).items()
        }
        self.stems = {k.casefold(): v for k, v in stems.items()}
        endings = data.get("compound_endings", ())
        self.pattern: LazyPattern | None = None
        self.prefixes = tuple(fold(n) for n in self.numerals)
        if self.stems and endings:
            digits = numbers.grammar(lang).digits
            numeral = numbers.alternation(self.numerals) if self.numerals else "(?!)"
            self.pattern = LazyPattern(
                rf"(?<![\w.,-])(?:(?P<num>{digits})-|(?P<word>{numeral}))"
                rf"(?P<stem>{numbers.alternation(self.stems)})(?:{numbers.alternation(endings)})"
                r"(?![\w-])",
                regex.IGNORECASE,
            )

    def find(self, text: str, timeout: float, scan: Scan | None = None) -> Iterator[Compound[T]]:
        """The adjectives of ``text``; tried only at digits and numerals given the text's
        token index (``scan``)."""
        if self.pattern is None:
            return
        if scan is not None:
            found = scan.matches(self.pattern, scan.starts(prefixes=self.prefixes, digits=True))
        else:
            found = tuple(self.pattern.finditer(text, timeout=timeout))
        for m in found:
            if m["num"]:
                value = numbers.parse_number(m["num"], self.lang)
            else:
                value = self.numerals.get(m["word"].casefold())
            unit = self.stems.get(m["stem"].casefold())
            if value is not None and unit is not None:
                yield Compound(m.start(), m.end(), value, unit)
