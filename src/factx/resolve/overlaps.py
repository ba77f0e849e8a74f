"""One reading per stretch of text when extractors disagree.

Priority is the order of extractors in the pipeline config, then the longer span, then
the earlier one: a stated, stable order, so the same input always gives the same rows.
One nesting is kept on purpose: a place inside an amount ("8,2 млрд долларов [США]",
"2 tỷ đô la [Mỹ]") names the currency's country and is a mention of its own, so it
stays beside the MONEY mention that holds it (and becomes COUNTRY when it names one).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort

from factx.model import Label, Mention

# Outer label → labels of the mentions that may sit wholly inside one.
NESTED: dict[str, frozenset[str]] = {
    Label.MONEY: frozenset({Label.LOCATION, Label.COUNTRY}),
}


def resolve_overlaps(mentions: list[Mention], order: list[str]) -> list[Mention]:
    rank = {name: i for i, name in enumerate(order)}

    def priority(m: Mention) -> tuple[int, int, int]:
        return (rank.get(m.extractor, len(rank)), -(m.end - m.start), m.start)

    kept = _disjoint(sorted(mentions, key=priority))
    holders = sorted((k for k in kept if k.label in NESTED), key=lambda h: h.start)
    starts = [h.start for h in holders]
    inside = [m for m in mentions if _nested(m, holders, starts)]
    nested = _disjoint(sorted(inside, key=priority))
    return sorted(kept + nested, key=lambda m: (m.start, m.end, str(m.label)))


def _nested(m: Mention, holders: list[Mention], starts: list[int]) -> bool:
    """Whether ``m`` may sit inside a holder. Kept mentions are disjoint, so the only one
    that can hold ``m`` is the last to start at or before it: a bisection, not a scan of
    every holder for every mention."""
    i = bisect_right(starts, m.start) - 1
    if i < 0:
        return False
    h = holders[i]
    return m is not h and m.end <= h.end and m.label in NESTED[h.label]


def _disjoint(ranked: list[Mention]) -> list[Mention]:
    """The mentions, best first, that overlap no better one already kept."""
    spans: list[tuple[int, int]] = []  # kept spans, sorted and disjoint
    kept: list[Mention] = []
    for m in ranked:
        i = bisect_left(spans, (m.start, m.end))
        clash_before = i > 0 and spans[i - 1][1] > m.start
        clash_after = i < len(spans) and spans[i][0] < m.end
        if not (clash_before or clash_after):
            insort(spans, (m.start, m.end))
            kept.append(m)
    return kept
