"""The corpus-level entity table that analysts pivot on: one row per canonical name."""

from __future__ import annotations

from collections import Counter, defaultdict

import pandas as pd

from factx import tables
from factx.model import Label
from factx.resolve.corpus import unify_orgs, unify_people

COLUMNS: dict[str, str] = {
    "norm": "string",
    "label": "string",
    "mentions": "Int64",
    "documents": "Int64",
    "languages": "string",
    "forms": "string",
}
# Values, not names: these labels are facts, counted elsewhere.
FACTS = frozenset({Label.DATE, Label.DURATION, Label.QUANTITY, Label.MONEY, Label.PERCENT})


def build(mentions: pd.DataFrame) -> pd.DataFrame:
    """Group named mentions by (label, norm); a mention without a norm stands for itself.

    ``forms`` lists surface forms most frequent first (ties alphabetical), joined by "; ".
    One pass over plain values: a pandas group per entity costs a millisecond, and a
    corpus holds thousands of entities.
    """
    named = mentions[~mentions["label"].isin([str(f) for f in FACTS])]
    keys = named["norm"].fillna(named["text"])
    count: Counter[tuple[str, str]] = Counter()
    forms: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    documents: dict[tuple[str, str], set[str]] = defaultdict(set)
    languages: dict[tuple[str, str], set[str]] = defaultdict(set)
    columns = (named["label"], keys, named["text"], named["doc_id"], named["lang"])
    for label, key, text, doc, lang in zip(*map(tables.values, columns), strict=True):
        if label is None or key is None:  # as in a groupby: a missing key makes no group
            continue
        entity = (label, key)
        count[entity] += 1
        if text is not None:
            forms[entity][text] += 1
        if doc is not None:
            documents[entity].add(doc)
        if lang is not None:
            languages[entity].add(lang)
    rows = [
        (
            key,
            label,
            count[label, key],
            len(documents[label, key]),
            ";".join(sorted(languages[label, key])),
            "; ".join(f for f, _ in sorted(forms[label, key].items(), key=_by_count)),
        )
        for label, key in sorted(count)
    ]
    table = pd.DataFrame.from_records(rows, columns=list(COLUMNS)).astype(COLUMNS)
    return table.sort_values(["mentions", "norm"], ascending=[False, True], ignore_index=True)


def _by_count(form: tuple[str, int]) -> tuple[int, str]:
    """Most frequent first, ties alphabetical."""
    return -form[1], form[0]


def unify(mentions: pd.DataFrame) -> pd.DataFrame:
    """One PERSON and one ORG norm per entity across documents and scripts, joined only on
    evidence (:mod:`factx.resolve.corpus`)."""
    people = unify_people(mentions)
    orgs = unify_orgs(mentions)
    if people.empty and orgs.empty:
        return mentions
    out = mentions.copy()
    for norms in (people, orgs):
        if not norms.empty:
            out.loc[norms.index, "norm"] = norms
    return out
