"""One reading per stretch of text when extractors disagree.

Priority is the order of extractors in the pipeline config, then the longer span, then
the earlier one: a stated, stable order, so the same input always gives the same rows.
"""

from __future__ import annotations

from bisect import bisect_left, insort

from factx.model import Mention


def resolve_overlaps(mentions: list[Mention], order: list[str]) -> list[Mention]:
    rank = {name: i for i, name in enumerate(order)}

    def priority(m: Mention) -> tuple[int, int, int]:
        return (rank.get(m.extractor, len(rank)), -(m.end - m.start), m.start)

    spans: list[tuple[int, int]] = []  # kept spans, sorted and disjoint
    kept: list[Mention] = []
    for m in sorted(mentions, key=priority):
        i = bisect_left(spans, (m.start, m.end))
        clash_before = i > 0 and spans[i - 1][1] > m.start
        clash_after = i < len(spans) and spans[i][0] < m.end
        if not (clash_before or clash_after):
            insort(spans, (m.start, m.end))
            kept.append(m)
    return sorted(kept, key=lambda m: (m.start, m.end, str(m.label)))
