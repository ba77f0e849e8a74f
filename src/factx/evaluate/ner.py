"""NER scoring: exact and partial (overlap) precision, recall and F1 per label and micro.

A span is (doc id, start, end, label). Exact: the same offsets and label. Partial: gold
and found spans of one label are paired one to one where they overlap (exact pairs
first, then the largest overlaps), and each pair counts as a hit on both sides, so a
found span that runs two names together finds only one of them. Both figures are needed
because gold conventions differ on descriptors ("huyện Tân Lạc" or "Tân Lạc"); the
gap between them shows how much is a border dispute.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from factx.evaluate.gold import NER_LABELS
from factx.evaluate.score import Case, Line, Score
from factx.segment import Sentences

Span = tuple[str, int, int, str]  # doc id, start, end, label
# factx's labels as the gold counts them: countries and other places are both LOC.
GOLD_LABEL = {"PERSON": "PER", "ORG": "ORG", "COUNTRY": "LOC", "LOCATION": "LOC"}


def by_doc_label(spans: Iterable[Span]) -> dict[tuple[str, str], list[tuple[int, int]]]:
    out: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for doc, start, end, label in spans:
        out[(doc, label)].append((start, end))
    return out


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def paired(gold: list[tuple[int, int]], found: list[tuple[int, int]]) -> int:
    """How many one-to-one pairs of overlapping spans: exact ones first, then the largest
    overlaps (ties in offset order, so the count never depends on set order)."""
    exact = set(gold) & set(found)
    pairs = sorted(
        (-overlap(g, f), g, f)
        for g in gold
        for f in found
        if g not in exact and f not in exact and overlap(g, f) > 0
    )
    used_g: set[tuple[int, int]] = set()
    used_f: set[tuple[int, int]] = set()
    for _, g, f in pairs:
        if g not in used_g and f not in used_f:
            used_g.add(g)
            used_f.add(f)
    return len(exact) + len(used_g)


def score(gold: set[Span], found: set[Span], label: str | None, partial: bool) -> Score:
    """One label's figures (None: all labels, the micro average)."""
    g = {s for s in gold if label in (None, s[3])}
    f = {s for s in found if label in (None, s[3])}
    if not partial:
        hits = len(g & f)
    else:
        gi, fi = by_doc_label(g), by_doc_label(f)
        hits = sum(paired(spans, fi.get(key, [])) for key, spans in gi.items())
    return Score(len(g), len(f), hits, hits)


def lines(gold: set[Span], found: set[Span], lang: str) -> list[Line]:
    """PER, ORG, LOC and micro, exact and partial, for spans of one language."""
    return [
        Line(
            lang,
            label or "micro",
            (
                ("exact", score(gold, found, label, False)),
                ("partial", score(gold, found, label, True)),
            ),
        )
        for label in (*NER_LABELS, None)
    ]


def cases(
    gold: set[Span], found: set[Span], langs: Mapping[str, str], sentences: Mapping[str, Sentences]
) -> list[Case]:
    """Every gold span not found exactly, and every found span not in the gold, each with
    the span of the other side that overlaps it (a border dispute) when there is one."""
    gi, fi = by_doc_label(gold), by_doc_label(found)
    out = []
    for kind, spans, other in (("missed", gold - found, fi), ("spurious", found - gold, gi)):
        for doc, start, end, label in sorted(spans):
            text = sentences[doc].text
            near = [text[s:e] for s, e in other.get((doc, label), ()) if s < end and start < e]
            mine, theirs = text[start:end], " | ".join(near)
            out.append(
                Case(
                    doc,
                    langs[doc],
                    kind,
                    label,
                    mine,
                    start,
                    end,
                    mine if kind == "missed" else theirs,
                    theirs if kind == "missed" else mine,
                    sentences[doc].around(start, end),
                )
            )
    return out
