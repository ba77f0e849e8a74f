"""The corpus-level entity table that analysts pivot on: one row per canonical name."""

from __future__ import annotations

import pandas as pd

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
    """
    named = mentions[~mentions["label"].isin([str(f) for f in FACTS])]
    if named.empty:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in COLUMNS.items()})
    named = named.assign(key=named["norm"].fillna(named["text"]))
    rows = []
    for (label, key), group in named.groupby(["label", "key"], sort=True):
        counts = group["text"].value_counts()
        forms = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        rows.append(
            {
                "norm": key,
                "label": label,
                "mentions": len(group),
                "documents": group["doc_id"].nunique(),
                "languages": ";".join(sorted(group["lang"].dropna().unique())),
                "forms": "; ".join(f for f, _ in forms),
            }
        )
    table = pd.DataFrame(rows, columns=list(COLUMNS)).astype(COLUMNS)
    return table.sort_values(["mentions", "norm"], ascending=[False, True], ignore_index=True)


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
