"""The output tables: their columns, dtypes, and how they reach disk.

This module owns the column lists, so the CSV, the Parquet file and ``factx.extract``
always agree on names, order and types. Every file appears atomically: it is written
under a temporary name and renamed when complete, so a reader (or a resumed run) never
sees half a table.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import regex

from factx.link.fact import Fact, Phrase
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
    "per": "string",
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
# One row per MONEY, QUANTITY or PERCENT mention: the amount and what a linker joined to it.
FACTS: dict[str, str] = {
    "doc_id": "string",
    "fact_id": "Int64",
    "label": "string",
    "amount": "string",
    "start": "Int64",
    "end": "Int64",
    "value": "Float64",
    "unit": "string",
    "norm": "string",
    "measured": "string",
    "measured_start": "Int64",
    "measured_end": "Int64",
    "holder": "string",
    "holder_label": "string",
    "holder_norm": "string",
    "predicate": "string",
    "change": "string",
    "date": "string",
    "source": "string",
    "sentence": "string",
    "score": "Float64",
    "lang": "string",
    "linker": "string",
}

# OWASP "CSV injection": a spreadsheet runs a cell starting with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# ...but "-5", "+3.5", "1,000.5" or "-12%" are values a spreadsheet reads as numbers, and an
# apostrophe would turn them into text; the whole cell must match, so "-5+cmd|..." does not.
PLAIN_NUMBER = regex.compile(r"[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")


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
        m.per,
        sentence,
        m.extractor,
    )


def fact_row(doc: Document, number: int, fact: Fact, sentence: str) -> tuple:
    """A fact as a row of FACTS; ``number`` counts the document's facts from 1."""
    m = fact.amount

    def text(phrase: Phrase | None) -> str | None:
        return phrase.text if phrase else None

    measured = fact.measured
    return (
        doc.id,
        number,
        str(m.label),
        m.text,
        m.start,
        m.end,
        m.value,
        m.unit,
        m.norm,
        text(measured),
        measured.start if measured else None,
        measured.end if measured else None,
        text(fact.holder),
        fact.holder_label,
        fact.holder_norm,
        text(fact.predicate),
        str(fact.change),
        fact.date,
        text(fact.source),
        sentence,
        round(fact.score, 3),
        doc.lang,
        fact.linker,
    )


def document_row(doc: Document, mentions: int) -> tuple:
    date = doc.date.isoformat() if doc.date else None
    return (doc.id, doc.source, doc.lang, date, len(doc.text), mentions)


def error_row(err: DocError) -> tuple:
    return (err.source, err.doc_id, err.error)


def escape_cell(value: object) -> object:
    """The cell as a spreadsheet will show it, never run it: OWASP's leading apostrophe.

    Only the CSV is escaped; Parquet and ``factx.extract`` keep the text as it was.
    """
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_START)
        and not PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def unescape_cell(value: object) -> object:
    """The text :func:`escape_cell` was given, for code reading our CSVs back (better:
    read mentions.parquet, which is never escaped). Only a text that itself began with an
    apostrophe before a formula character reads back wrong."""
    if isinstance(value, str) and value[:1] == "'" and escape_cell(value[1:]) != value[1:]:
        return value[1:]
    return value


def spreadsheet_safe(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with every text cell passed through :func:`escape_cell`; numbers untouched."""
    out = df
    for column in df.columns:
        if not (df[column].dtype == "string" or df[column].dtype == object):
            continue
        # Few cells start like a formula: find them vectorised, escape only those.
        risky = df[column].str.startswith(FORMULA_START).fillna(False).astype(bool)
        if risky.any():
            out = df.copy() if out is df else out
            escaped = df.loc[risky, column].map(escape_cell)
            out[column] = df[column].mask(risky, escaped).astype(df[column].dtype)
    return out


def arrow_schema(columns: dict[str, str]) -> pa.Schema:
    """Arrow types for the declared dtypes, with the pandas metadata that lets
    ``pd.read_parquet`` give back the same string/Int64/Float64 columns."""
    return pa.Schema.from_pandas(frame([], columns), preserve_index=False)


@contextmanager
def atomic(path: Path, mode: str = "w", **open_args) -> Iterator[IO]:
    """An open file that becomes ``path`` only when the block ends without error.

    The data is fsynced before the rename, so after a power loss ``path`` holds either
    the old complete file or the new complete one.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, **open_args) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes files private; outputs are not
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_csv(df: pd.DataFrame, path: Path, *, bom: bool = False) -> None:
    """The whole table as one spreadsheet-safe UTF-8 CSV, written atomically."""
    with CsvWriter(path, bom=bom) as out:
        out.write(df)


class CsvWriter:
    """A CSV written chunk by chunk, visible under its name only once complete.

    Used as a context manager: leaving the block normally publishes the file, an
    exception discards it. ``bom`` writes UTF-8 with a byte-order mark, which Excel needs
    to read UTF-8 instead of the local code page.
    """

    def __init__(self, path: Path, *, bom: bool = False) -> None:
        self._context = atomic(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="")
        self._header = True

    def __enter__(self) -> CsvWriter:
        self._fh = self._context.__enter__()
        return self

    def write(self, df: pd.DataFrame) -> None:
        spreadsheet_safe(df).to_csv(self._fh, index=False, header=self._header)
        self._header = False

    def __exit__(self, *exc) -> bool | None:
        return self._context.__exit__(*exc)


class ParquetWriter:
    """A Parquet file with the table's declared types, one row group per chunk, atomic."""

    def __init__(self, path: Path, columns: dict[str, str]) -> None:
        self._context = atomic(path, "wb")
        self._columns = columns
        self._schema = arrow_schema(columns)

    def __enter__(self) -> ParquetWriter:
        self._writer = pq.ParquetWriter(self._context.__enter__(), self._schema)
        return self

    def write(self, df: pd.DataFrame) -> None:
        if len(df):
            table = pa.Table.from_pandas(df, schema=self._schema, preserve_index=False)
            self._writer.write_table(table)

    def __exit__(self, *exc) -> bool | None:
        self._writer.close()
        return self._context.__exit__(*exc)
