"""What the NER rule-layer tests share: spans written as (label, text) pairs, and a
gazetteer made of two word sets."""

from __future__ import annotations

from dataclasses import dataclass

Span = tuple[str, int, int]


def spans_of(text: str, found: list[tuple[str, str]]) -> list[Span]:
    """(label, name) pairs as spans, each name looked up after the one before."""
    out, pos = [], 0
    for label, name in found:
        start = text.index(name, pos)
        out.append((label, start, start + len(name)))
        pos = start + len(name)
    return out


def named(text: str, spans: list[Span]) -> list[tuple[str, str]]:
    return [(label, text[s:e]) for label, s, e in spans]


@dataclass(frozen=True)
class Places:
    """A gazetteer that knows ``countries`` and, as places, those and ``towns``."""

    countries: frozenset[str]
    towns: frozenset[str] = frozenset()

    def is_country(self, text: str) -> bool:
        return text in self.countries

    def is_place(self, text: str) -> bool:
        return text in self.countries or text in self.towns
