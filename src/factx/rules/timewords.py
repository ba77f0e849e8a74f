"""One language's words for dates and durations (``lang/<code>/dates.toml``), as lookups
and regex alternations.

Dates and durations share these words ("год" is both "в прошлом году" and "5 лет"), so they
are loaded once here and both extractors build their patterns from the same tables.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from factx import lang as langdata
from factx.rules import trie
from factx.rules.numbers import number_pattern, parse_number

SPACE = regex.compile(r"\s+")
YO = regex.compile("[её]")


def key(text: str) -> str:
    """Lookup form of a matched word: case and inner whitespace do not matter."""
    return SPACE.sub(" ", text.casefold().replace("ё", "е")).strip()


def alternation(words: Iterable[str], trie_shaped: bool = True) -> str:
    """Words as a trie-shaped regex ("январ(?:ь|я|е)…"), so the engine tests a first letter
    once instead of once per word; longer words win, any inner whitespace matches, and a
    word never ends inside a longer one.

    A pattern matched right to left (``(?r)``) takes the first alternative that fits, so
    it gets a flat list, longest first, instead of a trie (``trie_shaped=False``)."""
    words = list(words)
    if not trie_shaped:
        flat = sorted(set(words), key=lambda w: (-len(w), w))
        return "|".join(trie.emit(build([w])) for w in flat) if flat else "(?!)"
    return trie.emit(build(words)) if words else "(?!)"


def build(words: Iterable[str]) -> trie.Trie:
    return trie.build(words, tokens, lambda word: "" if word[-1:] in ".-" else r"(?!\w)")


def tokens(word: str) -> list[str]:
    out = []
    for ch in word.casefold():
        if ch.isspace():
            if out[-1:] != [r"\s+"]:
                out.append(r"\s+")
        else:
            # Russian print drops the dots of "ё" at will: "четвёртый" is "четвертый".
            out.append("[её]" if ch in "её" else trie.escaped(ch))
    return out


def table(data: dict[str, Any], name: str) -> dict[str, Any]:
    return {key(k): v for k, v in data.get(name, {}).items()}


@dataclass(frozen=True)
class TimeWords:
    """Lookups keyed by :func:`key` and the alternations built from them."""

    lang: str
    data: dict[str, Any]
    months: dict[str, int]
    month_abbreviations: dict[str, int]
    weekdays: dict[str, int]
    weekday_abbreviations: dict[str, int]
    ordinals: dict[str, int]
    ordinal_tens: dict[str, int]
    ordinal_endings: tuple[str, ...]
    units: dict[str, str]
    relative: dict[str, int]
    deictic: dict[str, int]
    after_count: dict[str, int]
    before_count: dict[str, int]

    @classmethod
    def load(cls, lang: str) -> TimeWords:
        data = langdata.load(lang, "dates")
        ordinals = data.get("ordinals", {})
        shift = data.get("shift", {})
        return cls(
            lang=lang,
            data=data,
            months=table(data, "months"),
            month_abbreviations=table(data, "month_abbreviations"),
            weekdays=table(data, "weekdays"),
            weekday_abbreviations=table(data, "weekday_abbreviations"),
            ordinals=table(ordinals, "stems"),
            ordinal_tens=table(ordinals, "tens"),
            ordinal_endings=tuple(ordinals.get("endings", ())),
            units=table(data, "units"),
            relative=table(data, "relative"),
            deictic=table(data, "deictic_days"),
            after_count=table(shift, "after_count"),
            before_count=table(shift, "before_count"),
        )

    def words(self, name: str) -> list[str]:
        return list(self.data.get(name, ()))

    def units_of(self, *kinds: str) -> list[str]:
        return [w for w, u in self.units.items() if u in kinds]

    # --- pieces of patterns ---------------------------------------------------------

    def month_source(self, abbreviations: bool = True, trie: bool = True) -> str:
        full = alternation(self.months, trie)
        if not abbreviations or not self.month_abbreviations:
            return full
        abbr = alternation(self.month_abbreviations, trie)
        return rf"{full}|(?:{abbr})\.?"

    def weekday_source(self, abbreviations: bool = False, trie: bool = True) -> str:
        if abbreviations:
            return rf"(?:{alternation(self.weekday_abbreviations, trie)})\.?"
        return alternation(self.weekdays, trie)

    def ordinal_source(self, trie: bool = True) -> str:
        """Ordinal day/quarter words: listed words, or stems plus endings (Russian), with an
        optional cardinal ten in front ("двадцать четвёртое", "twenty-first")."""
        stems = "|".join(
            YO.sub("[её]", regex.escape(s))
            for s in sorted(self.ordinals, key=lambda s: (-len(s), s))
        )
        if not stems:
            return "(?!)"
        ends = "|".join(sorted(self.ordinal_endings, key=lambda e: (-len(e), e)))
        body = rf"(?:{stems})(?:{ends})(?!\w)" if ends else rf"(?:{stems})(?!\w)"
        if self.ordinal_tens:
            # An alternation, not an optional prefix, so a regex can still skip to its
            # first letters.
            return rf"(?:(?:{alternation(self.ordinal_tens, trie)})[\s-]+{body}|{body})"
        return body

    def ordinal_suffix_source(self) -> str:
        suffixes = self.data.get("ordinals", {}).get("digit_suffixes", {}).get("suffixes", [])
        if not suffixes:
            return ""
        alt = "|".join(sorted(suffixes, key=lambda e: (-len(e), e)))
        return rf"(?:-?(?:{alt})(?!\w))?"

    # --- reading matched words ---------------------------------------------------------

    def month(self, text: str) -> int | None:
        k = key(text).rstrip(".")
        return self.months.get(k) or self.month_abbreviations.get(k)

    def weekday(self, text: str) -> int | None:
        k = key(text).rstrip(".")
        return self.weekdays.get(k) or self.weekday_abbreviations.get(k)

    def ordinal(self, text: str) -> int | None:
        """Value of an ordinal word: the ten, if any, plus the stem's value."""
        parts = regex.split(r"[\s-]+", key(text))
        ten = self.ordinal_tens.get(parts[0], 0) if len(parts) > 1 else 0
        last = parts[-1]
        for stem in sorted(self.ordinals, key=len, reverse=True):
            if last.startswith(stem):
                rest = last[len(stem) :]
                if not rest or rest in self.ordinal_endings:
                    return ten + self.ordinals[stem]
        return None

    def count(self, text: str | None) -> float | None:
        """A spelt or written count; no count at all means one ("через неделю")."""
        if text is None or not text.strip() or key(text) in ("a", "an"):
            return 1.0
        return parse_number(text, self.lang)


@cache
def time_words(lang: str) -> TimeWords:
    return TimeWords.load(lang)


def count_source(lang: str) -> str:
    """A count of units, from the shared number grammar."""
    return number_pattern(lang)
