"""The output tables: their columns, dtypes, and how they reach disk.

This module owns the column lists, so the CSV, the Parquet file and ``factx.extract``
always agree on names, order and types.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from factx.model import DocError, Document, Mention

MENTIONS: dict[str, str] = {
    "doc_id": "string",
    "lang": "string",
    "doc_date": "string",
    "label": "string",
    "text": "string",
    "start": "Int64",
    "end": "Int64",
    "norm": "string",
    "value": "Float64",
    "unit": "string",
    "sentence": "string",
    "extractor": "string",
}
DOCUMENTS: dict[str, str] = {
    "doc_id": "string",
    "source": "string",
    "lang": "string",
    "doc_date": "string",
    "chars": "Int64",
    "mentions": "Int64",
}
ERRORS: dict[str, str] = {"source": "string", "doc_id": "string", "error": "string"}


def frame(rows: Iterable[tuple], columns: dict[str, str]) -> pd.DataFrame:
    df = pd.DataFrame.from_records(list(rows), columns=list(columns))
    return df.astype(columns)


def mention_row(doc: Document, m: Mention, sentence: str) -> tuple:
    date = doc.date.isoformat() if doc.date else None
    return (
        doc.id,
        doc.lang,
        date,
        str(m.label),
        m.text,
        m.start,
        m.end,
        m.norm,
        m.value,
        m.unit,
        sentence,
        m.extractor,
    )


def document_row(doc: Document, mentions: int) -> tuple:
    date = doc.date.isoformat() if doc.date else None
    return (doc.id, doc.source, doc.lang, date, len(doc.text), mentions)


def error_row(err: DocError) -> tuple:
    return (err.source, err.doc_id, err.error)


def write_csv(df: pd.DataFrame, path: Path) -> None:
    """Write through a temporary file and rename, so a half-written CSV is never seen."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            df.to_csv(fh, index=False)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
