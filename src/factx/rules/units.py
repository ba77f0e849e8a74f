"""Units of measure of one language (``lang/<code>/units.toml``), and the unit written
right after an amount.

Quantities read a unit only where an amount ends, so the few thousand forms ("тонн",
"km²", "square miles") are a character trie (:class:`factx.rules.forms.Forms`) walked from
there, not a regex alternation compiled in every process; the few signs glued to digits
("6'2\\"", "41.3C") stay a small pattern.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from factx import lang as langdata
from factx.rules import numbers
from factx.rules.forms import Forms

GAP = regex.compile(r"[ \u00a0\u202f]*")
WORD = regex.compile(r"\w")
# A unit followed by "/unit" or "per" is a rate ("40 ц/га", "5 kg/m2"), not an amount.
RATE = r"(?![ \u00a0]?/[ \u00a0]?\w)"


@dataclass(frozen=True)
class Unit:
    symbol: str
    factor: float = 1.0
    needs: regex.Pattern[str] | None = None
    not_after: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Units:
    """One language's ``units.toml``: forms → unit, plus the rules around bare units."""

    words: dict[str, Unit]
    symbols: dict[str, Unit]
    glued: dict[str, Unit]
    bare: dict[str, Unit]
    per: tuple[str, ...]
    articles: tuple[str, ...]
    joiners: tuple[str, ...]
    hyphen: bool
    not_after_year: frozenset[str]
    adjective_endings: tuple[str, ...]

    @classmethod
    def load(cls, lang: str) -> Units:
        data = langdata.require(lang, "units", "units", key="units")
        words: dict[str, Unit] = {}
        symbols: dict[str, Unit] = {}
        glued: dict[str, Unit] = {}
        bare: dict[str, Unit] = {}
        for entry in data["units"]:
            unit = Unit(
                entry["unit"],
                float(entry.get("factor", 1.0)),
                compile_needs(entry),
                frozenset(numbers.fold(w) for w in entry.get("not_after", ())),
            )
            for form in entry.get("words", ()):
                words.setdefault(numbers.fold(form), unit)
            for form in entry.get("symbols", ()):
                symbols.setdefault(form, unit)
            for form in entry.get("glued", ()):
                glued[form] = unit
            for form in entry.get("bare", ()):
                bare[numbers.fold(form)] = unit
        return cls(
            words=words,
            symbols=symbols,
            glued=glued,
            bare=bare,
            per=tuple(data.get("per", ())),
            articles=tuple(data.get("articles", ())),
            joiners=tuple(data.get("joiners", ())),
            hyphen=bool(data.get("hyphen", False)),
            not_after_year=frozenset(data.get("not_after_year", ())),
            adjective_endings=tuple(data.get("adjective_endings", ())),
        )

    def lookup(self, form: str) -> Unit | None:
        return self.symbols.get(form) or self.words.get(numbers.fold(form)) or self.glued.get(form)


def compile_needs(entry: dict[str, Any]) -> regex.Pattern[str] | None:
    return regex.compile(entry["needs"]) if entry.get("needs") else None


@dataclass(frozen=True)
class Hit:
    """A unit after an amount: the form as written (``unit`` for a word or symbol,
    ``glue`` for a sign glued to the digits), the gap before it, where it starts and ends."""

    unit: str | None
    glue: str | None
    gap: str
    start: int
    end: int


class UnitReader:
    """The unit right after an amount, and bare units ("a litre") anywhere."""

    def __init__(self, units: Units) -> None:
        self.units = units
        self.forms = Forms(units.words, units.symbols)
        # A glued sign may touch what follows ("6'2\""); a glued letter ("41.3C") may not.
        glued = rf"(?:{numbers.alternation(units.glued)})(?!(?<=\w)\w)" if units.glued else None
        self.glued = regex.compile(glued) if glued else None
        self.bare = bare_pattern(units)

    def at(self, text: str, end: int) -> Hit | None:
        """The unit after an amount ending at ``end``: after spaces, or after a hyphen
        where the language writes one ("5-km")."""
        start = GAP.match(text, end).end()
        hit = self.one(text, end, start)
        hyphen = self.units.hyphen and text[end : end + 1] == "-" and WORD.match(text, end + 1)
        return self.one(text, end, end + 1) if hit is None and hyphen else hit

    def one(self, text: str, end: int, start: int) -> Hit | None:
        gap = text[end:start]
        form = self.forms.match(text, start)
        if form is not None:
            return Hit(text[start : form[1]], None, gap, start, form[1])
        glue = self.glued.match(text, start) if self.glued else None
        return Hit(None, glue[0], gap, start, glue.end()) if glue else None


def bare_pattern(units: Units) -> regex.Pattern[str] | None:
    """Units with no number ("a litre", "за литр"); after an article as written, so "a Cup
    final" is no cup."""
    if not units.bare:
        return None
    if units.articles:
        article = numbers.forms_pattern(units.articles)
        bare = numbers.forms_pattern((), units.bare)
        return regex.compile(rf"(?<!\w)(?P<article>{article})[ \u00a0]+(?P<unit>{bare}){RATE}")
    bare = numbers.forms_pattern(units.bare)
    return regex.compile(rf"(?<!\w)(?P<article>)(?P<unit>{bare}){RATE}")


@cache
def vocabulary(lang: str) -> Units:
    return Units.load(lang)
