from __future__ import annotations

import pytest

import factx
from factx.model import Document
from factx.tables import MENTIONS


def test_extract_returns_the_mentions_table(all_languages):
    df = factx.extract(
        ["Владимир Путин прибыл в Китай.", "The US and China met."], pipeline=all_languages
    )
    assert list(df.columns) == list(MENTIONS)
    assert set(df["lang"]) == {"ru", "en"}
    assert ("Китай", "COUNTRY", "CN") in set(zip(df.text, df.label, df.norm, strict=True))


def test_extract_takes_documents_and_keeps_their_ids(all_languages):
    doc = Document("mine", "Tổng thống Mỹ thăm Trung Quốc.", "vi")
    df = factx.extract(doc, pipeline=all_languages)
    assert set(df["doc_id"]) == {"mine"} and "CN" in set(df["norm"].dropna())


def test_extract_raises_on_empty_text(all_languages):
    with pytest.raises(ValueError, match="empty document"):
        factx.extract("   ", pipeline=all_languages)


def test_the_readme_names_resolve_in_a_fresh_interpreter():
    """The README's snippet calls ``factx.api.load`` after a bare ``import factx``, which
    imports api lazily (pandas stays out of the quick commands)."""
    import subprocess
    import sys

    code = "import factx; assert callable(factx.api.load) and callable(factx.extract)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
