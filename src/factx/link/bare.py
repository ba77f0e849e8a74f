"""One fact per amount, whatever the linkers returned."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from factx.link.fact import AMOUNTS, Fact
from factx.model import Mention


def complete(mentions: Sequence[Mention], found: Iterable[Fact]) -> list[Fact]:
    """A fact for every MONEY, QUANTITY and PERCENT mention, in text order.

    facts.csv promises one row per amount, so an amount no linker spoke for (no linker
    configured, a sentence it could not parse) still gets its row, with nothing attached
    and score 0. Where two linkers speak for one amount the first wins; a fact for a span
    that is not one of the amounts is dropped, so a linker cannot invent rows.
    """
    by_span: dict[tuple[int, int], Fact] = {}
    for fact in found:
        by_span.setdefault((fact.amount.start, fact.amount.end), fact)
    amounts = sorted(
        (m for m in mentions if str(m.label) in AMOUNTS), key=lambda m: (m.start, m.end)
    )
    out = []
    for m in amounts:
        fact = by_span.get((m.start, m.end))
        out.append(dataclasses.replace(fact, amount=m) if fact else Fact(m))
    return out
