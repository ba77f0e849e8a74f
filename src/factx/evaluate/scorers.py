"""One scorer per gold format: the gold and the run's tables in, scored lines and cases out.

This is the hook for new formats: a format's scorer goes into ``SCORERS``. Triples (what
an amount measures and who holds it) are scored by ``factx.link.scoring``, which the
triples benchmark uses too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from factx.batch.runner import Tables
from factx.evaluate import facts, ner
from factx.evaluate.gold import Gold
from factx.evaluate.match import found_by_doc
from factx.evaluate.score import Case, Line, Score
from factx.link import scoring as triples
from factx.segment import Sentences


@dataclass(frozen=True)
class Scored:
    lines: tuple[Line, ...]
    cases: tuple[Case, ...]


Scorer = Callable[[Gold, Tables, Mapping[str, str]], Scored]
# Why a format cannot be scored yet, for the formats without a scorer.
NOT_YET: dict[str, str] = {}


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


def score_triples(gold: Gold, run: Tables, langs: Mapping[str, str]) -> Scored:
    """NewsQuant-style shares per language: each row's gold is the amounts it is counted
    over (those with a measured phrase, for the measured rows) and its hits the right ones,
    so P, R and F1 all read as that share."""
    items = [
        {"id": i.id, "lang": langs[i.id], "text": i.text, "triples": list(i.triples)}
        for i in gold.items
    ]
    per_lang = triples.score_triples(items, run.facts, run.mentions)
    lines: list[Line] = []
    for lang in sorted(k for k in per_lang if k != "all"):
        c = per_lang[lang]
        shares = {
            "amount found": (c.amounts, c.found),
            "measured partial": (c.with_measured, c.measured_partial),
            "measured complete": (c.with_measured, c.measured_complete),
            "holder": (c.amounts, c.holder),
            "predicate": (c.amounts, c.predicate),
            "change": (c.amounts, c.change),
            "date": (c.amounts, c.date),
        }
        for label, (n, hit) in shares.items():
            lines.append(Line(lang, label, (("share", Score(n, n, hit, hit, 1.0)),)))
    return Scored(tuple(lines), ())


SCORERS: dict[str, Scorer] = {"ner": score_ner, "facts": score_facts, "triples": score_triples}
