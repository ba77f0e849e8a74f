"""NewsQuant-style scoring of facts against triple gold: partial when any gold word of the
measured phrase is among factx's measured and holder words, complete when all are."""

from __future__ import annotations

import pandas as pd
import pytest

from factx import tables
from factx.link.scoring import score_triples

TEXT = "Acme bought 40 percent of the copper mine for $2 billion in 2020."
GOLD = [{
    "id": "g1", "lang": "en", "text": TEXT,
    "triples": [
        {"amount": "40 percent", "measured": "copper mine", "holder": "Acme",
         "predicate": "bought", "change": "none", "date": "2020"},
        {"amount": "$2 billion", "measured": "copper mine", "holder": "Acme",
         "predicate": "bought", "change": "none", "date": "2020"},
    ],
}]  # fmt: skip


def fact(amount: str, measured: str | None, holder: str | None, **extra) -> tuple:
    start = TEXT.index(amount)
    row = dict.fromkeys(tables.FACTS)
    row |= {"doc_id": "g1", "amount": amount, "start": start, "end": start + len(amount),
            "measured": measured, "holder": holder, "change": "none"}  # fmt: skip
    if measured:
        row["measured_start"] = TEXT.index(measured)
        row["measured_end"] = row["measured_start"] + len(measured)
    row |= extra
    return tuple(row.values())


@pytest.mark.parametrize(
    ("rows", "partial", "complete", "holder", "found"),
    [
        # both amounts linked in full
        ([fact("40 percent", "copper mine", "Acme", predicate="bought", date="2020"),
          fact("$2 billion", "mine", "Acme", predicate="bought", date="2020")], 1.0, 0.5, 1.0, 1.0),
        # a measured word found only in the holder column still counts, as in NewsQuant
        ([fact("40 percent", None, "copper mine"), fact("$2 billion", None, None)],
         0.5, 0.5, 0.0, 1.0),
        # an amount factx did not find is wrong on every field
        ([fact("40 percent", "copper mine", "Acme")], 0.5, 0.5, 0.5, 0.5),
    ],
)  # fmt: skip
def test_scores_per_language(rows, partial, complete, holder, found):
    facts = tables.frame(rows, tables.FACTS)
    scores = score_triples(GOLD, facts)
    row = scores["en"].row()
    assert (row["measured partial"], row["measured complete"]) == (partial, complete)
    assert (row["holder"], row["found"]) == (holder, found)
    assert scores["all"].amounts == 2


def test_null_gold_holder_is_right_only_when_factx_gives_none():
    gold = [{**GOLD[0], "triples": [{**GOLD[0]["triples"][0], "holder": None}]}]
    empty = tables.frame([fact("40 percent", "copper mine", None)], tables.FACTS)
    guessed = tables.frame([fact("40 percent", "copper mine", "Acme")], tables.FACTS)
    assert score_triples(gold, empty)["en"].holder == 1
    assert score_triples(gold, guessed)["en"].holder == 0


def test_no_facts_at_all_scores_zero():
    scores = score_triples(GOLD, tables.frame([], tables.FACTS))
    assert scores["en"].row()["found"] == 0 and scores["en"].amounts == 2


def test_holder_norm_matches_the_entity_at_the_gold_holder():
    mentions = pd.DataFrame([{"doc_id": "g1", "start": 0, "end": 4, "norm": "Acme Inc"}])
    other = tables.frame([fact("40 percent", "copper mine", "Acme Incorporated",
                               holder_norm="Acme Inc")], tables.FACTS)  # fmt: skip
    assert score_triples(GOLD, other, mentions)["en"].holder == 1
