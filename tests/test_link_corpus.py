"""A fact's holder norm after the corpus step: the norm entities.csv has for its mention."""

from __future__ import annotations

import pandas as pd
import pytest

from factx.link.corpus import renames, with_corpus_norms


def mentions(*rows: tuple[str, str | None]) -> pd.DataFrame:
    labels, norms = zip(*rows, strict=True) if rows else ((), ())
    return pd.DataFrame({"label": list(labels), "norm": pd.array(norms, dtype="string")})


BEFORE = mentions(("PERSON", "Potanin"), ("PERSON", "Vladimir Potanin"), ("ORG", "ВТБ"),
                  ("MONEY", None), ("COUNTRY", "RU"))  # fmt: skip
AFTER = mentions(("PERSON", "Vladimir Potanin"), ("PERSON", "Vladimir Potanin"),
                 ("ORG", "Банк ВТБ"), ("MONEY", None), ("COUNTRY", "RU"))  # fmt: skip

# holder label, holder norm in the document → holder norm in facts.csv
CASES = [
    ("PERSON", "Potanin", "Vladimir Potanin"),  # a surname joined to the full name
    ("ORG", "ВТБ", "Банк ВТБ"),  # an abbreviation joined to its full name
    ("COUNTRY", "RU", "RU"),  # untouched by the corpus step
    ("ORG", "Potanin", "Potanin"),  # a rename is per label
    (None, None, None),  # no holder
]


@pytest.mark.parametrize(("label", "norm", "expected"), CASES)
def test_holders_take_the_corpus_norm(label, norm, expected):
    facts = pd.DataFrame(
        {
            "holder_label": pd.array([label], dtype="string"),
            "holder_norm": pd.array([norm], dtype="string"),
        }
    )
    out = with_corpus_norms(facts, renames(BEFORE, AFTER))
    got = out["holder_norm"].iloc[0]
    assert (None if pd.isna(got) else got) == expected
    assert str(out["holder_norm"].dtype) == "string"


def test_nothing_renamed_leaves_the_facts_alone():
    facts = pd.DataFrame({"holder_label": ["PERSON"], "holder_norm": ["Potanin"]})
    assert renames(BEFORE, BEFORE) == {}
    assert with_corpus_norms(facts, {}) is facts
