"""Facts scoring: recall on the expected facts, precision on every fact mention factx gives.

Per document, each expected fact takes the first mention not yet taken that matches it
(``match.fact_match``), so a fact listed twice needs two mentions. Recall counts the
expected facts found; precision counts, among all QUANTITY, MONEY, PERCENT, DATE and
DURATION mentions, those that matched one, so a gold item that lists no facts (a count,
a phone number, a model name) still scores every mention factx gives for it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from factx.evaluate.gold import FACT_LABELS, Fact
from factx.evaluate.match import Found, fact_match
from factx.evaluate.score import Case, Line, Score

Key = tuple[str, str]  # lang, label


@dataclass(frozen=True)
class Doc:
    """One gold item's outcome: what was missed and what factx gave beyond the gold."""

    doc_id: str
    lang: str
    missed: tuple[Fact, ...]
    extra: tuple[Found, ...]


@dataclass(frozen=True)
class Outcome:
    lines: tuple[Line, ...]
    docs: tuple[Doc, ...]


def score(
    golds: Sequence[tuple[str, str, Sequence[Fact]]], found: Mapping[str, Sequence[Found]]
) -> Outcome:
    """golds: (doc id, language, expected facts); found: factx's mentions per doc id."""
    counts: dict[Key, Score] = defaultdict(lambda: Score(empty=1.0))
    docs = []
    for doc_id, lang, facts in golds:
        mine = [r for r in found.get(doc_id, []) if r.label in FACT_LABELS]
        taken: set[int] = set()
        missed = []
        for want in facts:
            hit = next(
                (i for i, r in enumerate(mine) if i not in taken and fact_match(want, r)), None
            )
            counts[(lang, want.label)] += Score(1, 0, hit is not None, 0)
            if hit is None:
                missed.append(want)
            else:
                taken.add(hit)
        for i, r in enumerate(mine):
            counts[(lang, r.label)] += Score(0, 1, 0, i in taken)
        extra = tuple(r for i, r in enumerate(mine) if i not in taken)
        docs.append(Doc(doc_id, lang, tuple(missed), extra))
    return Outcome(tuple(lines(counts)), tuple(docs))


def lines(counts: Mapping[Key, Score]) -> list[Line]:
    """Each language's labels in alphabetical order, then "all" (the micro figures)."""
    out = []
    for lang in sorted({k[0] for k in counts}):
        keys = sorted(k for k in counts if k[0] == lang)
        for label in [*(k[1] for k in keys), "all"]:
            total = sum((counts[k] for k in keys if label in ("all", k[1])), Score(empty=1.0))
            out.append(Line(lang, label, (("facts", total),)))
    return out


def cases(outcome: Outcome, texts: Mapping[str, str]) -> list[Case]:
    """Every missed fact (with the gold text, which gives no span) and every extra mention
    (with its sentence)."""
    out = []
    for d in outcome.docs:
        for f in d.missed:
            out.append(
                Case(
                    d.doc_id,
                    d.lang,
                    "missed",
                    f.label,
                    "",
                    None,
                    None,
                    f.show(),
                    "",
                    texts[d.doc_id],
                )
            )
        for r in d.extra:
            out.append(
                Case(
                    d.doc_id,
                    d.lang,
                    "spurious",
                    r.label,
                    r.text,
                    r.start,
                    r.end,
                    "",
                    f"{r.label} {r.what()}",
                    r.sentence,
                )
            )
    return out
