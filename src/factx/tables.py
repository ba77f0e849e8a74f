"""The output tables: their columns, dtypes, and how they reach disk.

This module and :mod:`factx.columns` own the column lists, so the CSV, the Parquet file
and ``factx.extract`` always agree on names, order and types. Every file appears
atomically (:mod:`factx.files`): it is written under a temporary name and renamed when
complete, so a reader (or a resumed run) never sees half a table.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import regex

# The column lists and row tuples live in factx.columns and atomic writing in factx.files,
# which workers import without pandas; they are names of this module too.
from factx.columns import (  # noqa: F401
    DOCUMENTS,
    ERRORS,
    FACTS,
    MENTIONS,
    document_row,
    error_row,
    fact_row,
    mention_row,
)
from factx.files import atomic

# Dtypes whose cells the csv module writes as pandas' to_csv does: a text as it is, an integer
# by str, a float by repr (numpy's shortest form, which to_csv uses, is Python's), a missing
# value as an empty cell.
PLAIN_DTYPES = frozenset({"string", "Int64", "Float64"})
# Arrow types read back as pandas' nullable dtypes, as the tables' frames have them.
NULLABLE = {
    pa.int8(): pd.Int8Dtype(),
    pa.int16(): pd.Int16Dtype(),
    pa.int32(): pd.Int32Dtype(),
    pa.int64(): pd.Int64Dtype(),
    pa.uint8(): pd.UInt8Dtype(),
    pa.uint16(): pd.UInt16Dtype(),
    pa.uint32(): pd.UInt32Dtype(),
    pa.uint64(): pd.UInt64Dtype(),
    pa.float32(): pd.Float32Dtype(),
    pa.float64(): pd.Float64Dtype(),
    pa.bool_(): pd.BooleanDtype(),
    pa.string(): pd.StringDtype("pyarrow"),
    pa.large_string(): pd.StringDtype("pyarrow"),
}
# OWASP "CSV injection": a spreadsheet runs a cell starting with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMULA_PATTERN = "^[" + "".join(f"\\x{{{ord(c):x}}}" for c in FORMULA_START) + "]"  # RE2
# ...but "-5", "+3.5", "1,000.5" or "-12%" are values a spreadsheet reads as numbers, and an
# apostrophe would turn them into text; the whole cell must match, so "-5+cmd|..." does not.
PLAIN_NUMBER = regex.compile(r"[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")


def frame(rows: Iterable[tuple], columns: dict[str, str]) -> pd.DataFrame:
    """Row tuples as a frame of the declared dtypes."""
    return arrow_table(rows, columns).to_pandas()


def arrow_table(rows: Iterable[tuple], columns: dict[str, str]) -> pa.Table:
    """Row tuples as an Arrow table of the declared types, built a column at a time: a
    tenth of the cost of a pandas frame converted column by column, which a run pays for
    every chunk of every table."""
    schema = arrow_schema(columns)
    rows = list(rows)
    cells = list(zip(*rows, strict=True)) if rows else [()] * len(columns)
    try:
        arrays = [
            pa.array(c, type=f.type, from_pandas=True)  # from_pandas: NaN is a missing value
            for f, c in zip(schema, cells, strict=True)
        ]
        return pa.Table.from_arrays(arrays, schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # a cell not of its column's type: as pandas
        df = pd.DataFrame.from_records(rows, columns=list(columns)).astype(columns)
        return pa.Table.from_pandas(df, schema=schema, preserve_index=False)


def values(column: pd.Series) -> list:
    """The column as plain Python values, None for a missing one: a loop over the pandas
    column itself would pay for a scalar box per value."""
    return column.to_numpy(dtype=object, na_value=None).tolist()


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
        if _none_risky(df[column]):
            continue
        # Few cells start like a formula: find them vectorised, escape only those.
        risky = df[column].str.startswith(FORMULA_START).fillna(False).astype(bool)
        if risky.any():
            out = df.copy() if out is df else out
            escaped = df.loc[risky, column].map(escape_cell)
            out[column] = df[column].mask(risky, escaped).astype(df[column].dtype)
    return out


def _none_risky(column: pd.Series) -> bool:
    """Whether an Arrow-backed text column surely has no cell starting like a formula, in
    one Arrow call: most columns have none, and pandas' own test costs ten per column."""
    if getattr(column.dtype, "storage", None) != "pyarrow":
        return False
    return not _any_risky(pa.array(column))


def _any_risky(column: pa.Array | pa.ChunkedArray) -> bool:
    return bool(pc.any(pc.match_substring_regex(column, FORMULA_PATTERN)).as_py())


def safe_cells(table: pa.Table) -> list[list] | None:
    """The columns of ``table`` as Python values for the csv module, text cells passed
    through :func:`escape_cell`, as :meth:`CsvWriter.write` writes a frame of the tables'
    own dtypes (an Arrow string, int64 or double is the value pandas' string, Int64 or
    Float64 gives; a null is None). None for a table with a column of another type."""
    cells = []
    for column in table.columns:
        kind = column.type
        text = pa.types.is_string(kind) or pa.types.is_large_string(kind)
        if not (text or pa.types.is_int64(kind) or pa.types.is_float64(kind)):
            return None
        values = column.to_pylist()
        if text and _any_risky(column):
            values = [escape_cell(v) for v in values]
        elif pa.types.is_float64(kind) and pc.any(pc.is_nan(column)).as_py():
            values = [None if v != v else v for v in values]  # NaN: missing, as in Float64
        cells.append(values)
    return cells


def as_frame(table: pa.Table) -> pd.DataFrame:
    """``table`` as a frame of pandas' nullable dtypes: a column of integers or booleans
    with a missing value stays integers or booleans, as a frame of the tables' dtypes
    has them, instead of floats or objects."""
    return table.to_pandas(types_mapper=NULLABLE.get)


def arrow_schema(columns: dict[str, str]) -> pa.Schema:
    """Arrow types for the declared dtypes, with the pandas metadata that lets
    ``pd.read_parquet`` give back the same string/Int64/Float64 columns."""
    return _schema(tuple(columns.items()))


@cache
def _schema(columns: tuple[tuple[str, str], ...]) -> pa.Schema:
    """Made once per table, from empty typed arrays (half the cost of converting an empty
    frame's columns)."""
    empty = pd.DataFrame({c: pd.array([], dtype=t) for c, t in columns})
    return pa.Schema.from_pandas(empty, preserve_index=False)


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
        # pandas' own settings for to_csv, so both paths of write() give the same bytes
        self._csv = csv.writer(self._fh, lineterminator=os.linesep)
        return self

    def write(self, df: pd.DataFrame | pa.Table) -> None:
        """The rows of ``df`` (with the header, the first time). The tables' own dtypes go
        straight to the csv module, which is what to_csv ends in, without pandas' formatting
        pass (a third of the cost); any other frame goes through to_csv. An Arrow table
        (:func:`arrow_table`) gives the same bytes without becoming a frame at all."""
        cells: list[list] | None = None
        if isinstance(df, pa.Table):
            names, cells = df.column_names, safe_cells(df)
            if cells is None:  # a column of another type: as the frame pandas reads it
                df = as_frame(df)
        if isinstance(df, pd.DataFrame):
            safe = spreadsheet_safe(df)
            names = list(safe.columns)
            if len(safe.columns) and all(str(t) in PLAIN_DTYPES for t in safe.dtypes):
                cells = [values(column) for _, column in safe.items()]
        if cells is None:
            safe.to_csv(self._fh, index=False, header=self._header)
        else:
            if self._header:
                self._csv.writerow(names)
            self._csv.writerows(zip(*cells, strict=True))
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

    def write(self, df: pd.DataFrame | pa.Table) -> None:
        """A row group; an Arrow table (:func:`arrow_table`) goes as it is, with no
        round trip through pandas."""
        if len(df):
            if isinstance(df, pd.DataFrame):
                df = pa.Table.from_pandas(df, schema=self._schema, preserve_index=False)
            self._writer.write_table(df)

    def __exit__(self, *exc) -> bool | None:
        self._writer.close()
        return self._context.__exit__(*exc)
