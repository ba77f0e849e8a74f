"""Scoring facts against triple gold, as NewsQuant does; shared by the benchmark and
``factx evaluate``.

Gold items are ``{"id", "lang", "text", "triples": [{"amount", "measured", "holder",
"predicate", "change", "date", ...}]}`` with ``amount``, ``measured``, ``holder`` and
``predicate`` exact substrings of ``text`` (or null). Facts are the rows of facts.csv whose
``doc_id`` is the item's id. A gold amount is matched to the fact whose amount overlaps it
most; an amount factx did not find counts as wrong on every field.

- measured partial / complete: over triples with a measured phrase, any / every word of it
  among the words of factx's measured and holder columns (NewsQuant's rule).
- holder: right when both are null, or factx's holder overlaps the gold one in the text, or
  its norm equals the norm of an entity mention overlapping the gold holder.
- predicate: both null, or overlapping. change and date: equal.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any

import pandas as pd
import regex

WORD = regex.compile(r"\w+")


@dataclass
class TripleScores:
    """Counts for one language; ``row`` gives the shares."""

    amounts: int = 0
    found: int = 0
    with_measured: int = 0
    measured_partial: int = 0
    measured_complete: int = 0
    holder: int = 0
    predicate: int = 0
    change: int = 0
    date: int = 0

    def row(self) -> dict[str, float | int]:
        n, m = max(self.amounts, 1), max(self.with_measured, 1)
        return {
            "amounts": self.amounts,
            "found": round(self.found / n, 3),
            "measured partial": round(self.measured_partial / m, 3),
            "measured complete": round(self.measured_complete / m, 3),
            "holder": round(self.holder / n, 3),
            "predicate": round(self.predicate / n, 3),
            "change": round(self.change / n, 3),
            "date": round(self.date / n, 3),
        }

    def add(self, other: TripleScores) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


def words(text: object) -> set[str]:
    return {w.lower() for w in WORD.findall(text)} if isinstance(text, str) else set()


def locate(text: str, phrase: str | None, near: int = 0) -> tuple[int, int] | None:
    """The span of ``phrase`` in ``text``, the occurrence nearest to ``near``."""
    if not phrase:
        return None
    hits = [m.start() for m in regex.finditer(regex.escape(phrase), text)]
    if not hits:
        return None
    at = min(hits, key=lambda h: abs(h - near))
    return at, at + len(phrase)


def overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def score_triples(
    gold: Iterable[dict[str, Any]],
    facts: pd.DataFrame,
    mentions: pd.DataFrame | None = None,
) -> dict[str, TripleScores]:
    """Per language (and "all"), the counts of :class:`TripleScores`."""
    by_doc = {k: g for k, g in facts.groupby("doc_id")} if len(facts) else {}
    ents = {k: g for k, g in mentions.groupby("doc_id")} if mentions is not None else {}
    out: dict[str, TripleScores] = defaultdict(TripleScores)
    for item in gold:
        scores = score_item(item, by_doc.get(item["id"]), ents.get(item["id"]))
        out[item["lang"]].add(scores)
        out["all"].add(scores)
    return dict(out)


def score_item(item: dict[str, Any], facts: pd.DataFrame | None, mentions: Any) -> TripleScores:
    text, s = item["text"], TripleScores()
    cursor = 0
    for triple in item["triples"]:
        span = locate(text[cursor:], triple["amount"])
        span = (span[0] + cursor, span[1] + cursor) if span else (0, 0)
        cursor = span[0]
        s.amounts += 1
        fact = best(facts, span)
        gold_measured = triple.get("measured")
        s.with_measured += gold_measured is not None
        if fact is None:
            continue
        s.found += 1
        if gold_measured is not None:
            have = words(fact["measured"]) | words(fact["holder"])
            want = words(gold_measured)
            s.measured_partial += bool(want & have)
            s.measured_complete += bool(want) and want <= have
        s.holder += holder_right(text, triple.get("holder"), fact, mentions, span[0])
        s.predicate += phrase_right(text, triple.get("predicate"), fact, "predicate", span[0])
        s.change += (fact["change"] if isinstance(fact["change"], str) else "none") == (
            triple.get("change") or "none"
        )
        ours = fact["date"] if isinstance(fact["date"], str) else None
        s.date += ours == triple.get("date")
    return s


def best(facts: pd.DataFrame | None, span: tuple[int, int]) -> pd.Series | None:
    if facts is None:
        return None
    top, most = None, 0
    for _, row in facts.iterrows():
        overlap = min(int(row["end"]), span[1]) - max(int(row["start"]), span[0])
        if overlap > most:
            top, most = row, overlap
    return top


def fact_span(text: str, fact: pd.Series, column: str, near: int) -> tuple[int, int] | None:
    value = fact[column]
    if not isinstance(value, str) or not value:
        return None
    if column == "measured" and not pd.isna(fact["measured_start"]):
        return int(fact["measured_start"]), int(fact["measured_end"])
    return locate(text, value, near)


def phrase_right(text: str, gold: str | None, fact: pd.Series, column: str, near: int) -> bool:
    ours = fact_span(text, fact, column, near)
    if gold is None:
        return ours is None
    return overlaps(ours, locate(text, gold, near))


def holder_right(text: str, gold: str | None, fact: pd.Series, mentions: Any, near: int) -> bool:
    if phrase_right(text, gold, fact, "holder", near):
        return True
    norm = fact["holder_norm"]
    if gold is None or mentions is None or not isinstance(norm, str):
        return False
    where = locate(text, gold, near)
    return any(
        overlaps(where, (int(m["start"]), int(m["end"]))) and m["norm"] == norm
        for _, m in mentions.iterrows()
    )
