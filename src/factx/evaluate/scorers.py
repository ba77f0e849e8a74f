"""One scorer per gold format: the gold and the run's tables in, scored lines and cases out.

This is the hook for new formats: a scorer for "triples" (what an amount measures and
who holds it) goes into ``SCORERS`` once factx links amounts to their holders; until
then such a file gets a message saying so instead of figures.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from factx.batch.runner import Tables
from factx.evaluate import facts, ner
from factx.evaluate.gold import Gold
from factx.evaluate.match import found_by_doc
from factx.evaluate.score import Case, Line
from factx.segment import Sentences


@dataclass(frozen=True)
class Scored:
    lines: tuple[Line, ...]
    cases: tuple[Case, ...]


Scorer = Callable[[Gold, Tables, Mapping[str, str]], Scored]
# Why a format cannot be scored yet, for the formats without a scorer.
NOT_YET = {
    "triples": "triple scoring (what an amount measures, who holds it) is not available yet; "
    'to score the amounts alone, write them as facts: {"id", "text", "expected": '
    '[{"label", "value", "unit"}]}',
}


def score_ner(gold: Gold, run: Tables, langs: Mapping[str, str]) -> Scored:
    """Exact and partial figures per language, from factx's PERSON, ORG, COUNTRY and
    LOCATION mentions."""
    spans = {(i.id, e.start, e.end, e.label) for i in gold.items for e in i.entities}
    df = run.mentions[run.mentions["label"].isin(list(ner.GOLD_LABEL))]
    found = {
        (str(r.doc_id), int(r.start), int(r.end), ner.GOLD_LABEL[r.label]) for r in df.itertuples()
    }
    lines: list[Line] = []
    for lang in sorted(set(langs.values())):
        ids = {d for d, lg in langs.items() if lg == lang}
        lines += ner.lines(
            {s for s in spans if s[0] in ids}, {s for s in found if s[0] in ids}, lang
        )
    sentences = {i.id: Sentences(i.text) for i in gold.items}
    return Scored(tuple(lines), in_gold_order(gold, ner.cases(spans, found, langs, sentences)))


def score_facts(gold: Gold, run: Tables, langs: Mapping[str, str]) -> Scored:
    """Recall and precision per language and label, with the facts benchmark's rules."""
    outcome = facts.score(
        [(i.id, langs[i.id], i.facts) for i in gold.items], found_by_doc(run.mentions)
    )
    cases = facts.cases(outcome, {i.id: i.text for i in gold.items})
    return Scored(outcome.lines, in_gold_order(gold, cases))


def in_gold_order(gold: Gold, cases: list[Case]) -> tuple[Case, ...]:
    """Cases by item as the gold file lists them, then by position, so a reader can follow
    the file."""
    order = {item.id: n for n, item in enumerate(gold.items)}
    return tuple(sorted(cases, key=lambda c: (order[c.doc_id], c.start or 0, c.kind)))


SCORERS: dict[str, Scorer] = {"ner": score_ner, "facts": score_facts}
