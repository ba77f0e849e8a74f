"""The corpus-level entity table that analysts pivot on: one row per canonical name."""

from __future__ import annotations

from collections import Counter, defaultdict

import pandas as pd
import regex

from factx.model import Label
from factx.resolve.names import CYRILLIC, fold

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


VOWELS = regex.compile(r"[aeiouyhw]+")
REPEATS = regex.compile(r"(.)\1+")


def skeleton(word: str) -> str:
    """Consonants of a folded word: the part that survives transliteration (Трамп ~ Trump)."""
    return REPEATS.sub(r"\1", VOWELS.sub("", fold(word))) or fold(word)


def unify(mentions: pd.DataFrame) -> pd.DataFrame:
    """One PERSON norm across documents and scripts.

    Norms whose words reduce to the same consonant skeletons are one person; each word is
    spelt as most often written in the Latin script by the sources themselves (so "Trump"
    beats the transliterated "Tramp"), and a one-word norm ("Putin") joins the one longer
    norm in the corpus that ends with it.
    """
    people = mentions["label"] == str(Label.PERSON)
    norms = mentions.loc[people, "norm"].dropna()
    if norms.empty:
        return mentions
    native = ~mentions.loc[norms.index, "text"].str.contains(CYRILLIC.pattern, regex=True)
    spelling: dict[str, Counter] = defaultdict(Counter)
    for norm, is_native in zip(norms, native, strict=True):
        for word in norm.split(" "):
            spelling[skeleton(word)][word] += 1 + 1000 * bool(is_native)
    keys = {n: tuple(skeleton(w) for w in n.split(" ")) for n in norms.unique()}
    tails: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for key in keys.values():
        if len(key) > 1:
            tails[key[-1]].add(key)
    canonical = {}
    for norm, key in keys.items():
        if len(key) == 1 and len(tails.get(key[0], ())) == 1:
            key = next(iter(tails[key[0]]))
        canonical[norm] = " ".join(
            max(spelling[k].items(), key=lambda kv: (kv[1], kv[0]))[0] for k in key
        )
    out = mentions.copy()
    out.loc[norms.index, "norm"] = norms.map(canonical)
    return out
