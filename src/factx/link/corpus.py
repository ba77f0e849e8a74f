"""Facts after the corpus-level steps: a holder's norm as entities.csv has it.

A linker names the holder with the norm its mention had in the document ("Yury Petrov"
from "Юрию Петрову"); the corpus step then joins PERSON and ORG norms across documents and
scripts ("Yuri Petrov"). facts.csv must carry the joined norm, or a fact would not join
the entity table it points to.
"""

from __future__ import annotations

import pandas as pd

Renames = dict[tuple[str, str], str]


def renames(before: pd.DataFrame, after: pd.DataFrame) -> Renames:
    """(label, document norm) → corpus norm, for the norms the corpus step changed.

    ``before`` and ``after`` are the mentions table before and after that step, row for
    row; the step maps norms, never single mentions, so a pair has one corpus norm."""
    old, new = before["norm"], after["norm"].set_axis(before.index)
    changed = old.notna() & new.notna() & (old != new)
    rows = before.loc[changed, ["label", "norm"]].assign(new=new[changed])
    return {(str(a), str(b)): str(c) for a, b, c in rows.itertuples(index=False)}


def with_corpus_norms(facts: pd.DataFrame, names: Renames) -> pd.DataFrame:
    """``facts`` with each holder's norm replaced by its corpus norm."""
    if not names or facts.empty:
        return facts
    keys = zip(facts["holder_label"], facts["holder_norm"], strict=True)
    norms = [names.get((str(a), str(b)), b) if pd.notna(b) else b for a, b in keys]
    return facts.assign(holder_norm=pd.array(norms, dtype="string"))
