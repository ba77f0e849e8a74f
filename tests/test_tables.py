from __future__ import annotations

import datetime as dt

import pandas as pd
import pyarrow as pa
import pytest

from factx import tables
from factx.model import Document, Label, Mention


def test_mention_frame_has_the_documented_columns_and_dtypes():
    doc = Document("a", "Путин", "ru", dt.date(2025, 11, 5), "a.txt")
    m = Mention(Label.PERSON, 0, 5, "Путин", extractor="natasha")
    df = tables.frame([tables.mention_row(doc, m, "Путин")], tables.MENTIONS)
    assert list(df.columns[:13]) == [
        "doc_id",
        "lang",
        "doc_date",
        "label",
        "text",
        "start",
        "end",
        "norm",
        "value",
        "unit",
        "per",
        "sentence",
        "extractor",
    ]
    assert str(df["start"].dtype) == "Int64" and str(df["value"].dtype) == "Float64"
    assert df.loc[0, "doc_date"] == "2025-11-05" and df.loc[0, "label"] == "PERSON"


def test_empty_frames_keep_their_columns():
    df = tables.frame([], tables.ERRORS)
    assert list(df.columns) == ["source", "doc_id", "error"] and df.empty


def test_write_csv_is_atomic_and_leaves_no_temp_file(tmp_path):
    df = pd.DataFrame({"a": [1, 2]})
    tables.write_csv(df, tmp_path / "out" / "t.csv")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["t.csv"]
    assert (tmp_path / "out" / "t.csv").read_text(encoding="utf-8") == "a\n1\n2\n"


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+cmd", "'+cmd"),
        ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
        ("-5+cmd|' /C calc'!A0", "'-5+cmd|' /C calc'!A0"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-5", "-5"),
        ("+3.5", "+3.5"),
        ("-1,000.25", "-1,000.25"),
        ("-12%", "-12%"),
        ("-1e5", "-1e5"),
        ("a=b", "a=b"),
        ("", ""),
        ("Путин", "Путин"),
    ],
)
def test_cells_a_spreadsheet_would_run_get_an_apostrophe(cell, shown):
    assert tables.escape_cell(cell) == shown
    assert tables.unescape_cell(shown) == cell


def test_csv_escapes_text_cells_and_leaves_number_columns_alone(tmp_path):
    df = pd.DataFrame({"text": ["=cmd", "-5", None, "ok"], "value": [-5.0, 1.5, None, 2.0]}).astype(
        {"text": "string", "value": "Float64"}
    )
    tables.write_csv(df, tmp_path / "t.csv")
    assert (tmp_path / "t.csv").read_text(encoding="utf-8") == (
        "text,value\n'=cmd,-5.0\n-5,1.5\n,\nok,2.0\n"
    )
    assert df["text"].iloc[0] == "=cmd"  # the frame itself is not touched


def test_bom_option_writes_utf8_with_a_byte_order_mark(tmp_path):
    df = pd.DataFrame({"text": ["Hà Nội"]})
    tables.write_csv(df, tmp_path / "bom.csv", bom=True)
    tables.write_csv(df, tmp_path / "plain.csv")
    assert (tmp_path / "bom.csv").read_bytes() == b"\xef\xbb\xbf" + (
        tmp_path / "plain.csv"
    ).read_bytes()
    assert pd.read_csv(tmp_path / "bom.csv", encoding="utf-8-sig").equals(df)


def test_parquet_keeps_the_declared_types_even_when_empty(tmp_path):
    doc = Document("a", "=Путин", "ru", None, "a.txt")
    m = Mention(Label.PERSON, 0, 6, "=Путин", value=-5.0, extractor="x")
    df = tables.frame([tables.mention_row(doc, m, "=Путин")], tables.MENTIONS)
    with tables.ParquetWriter(tmp_path / "m.parquet", tables.MENTIONS) as out:
        out.write(df)
        out.write(df)
    back = pd.read_parquet(tmp_path / "m.parquet")
    pd.testing.assert_frame_equal(back, pd.concat([df, df], ignore_index=True))
    with tables.ParquetWriter(tmp_path / "e.parquet", tables.MENTIONS):
        pass
    empty = pd.read_parquet(tmp_path / "e.parquet")
    assert empty.empty and dict(empty.dtypes) == dict(df.dtypes)


# (dtype, cells): the CSV writer's own path must give the bytes pandas' to_csv gives.
CSV_CELLS = [
    ("string", ["plain", "a,b", 'say "hi"', "two\nlines", "cr\rhere", " lead", "", None]),
    ("string", ["Hà Nội", "Москва", "𝔘😀", "tab\tin", "=cmd", "-5", "@x", "\\back"]),
    ("string", ["\tlead", "\rlead", "+1 ok?", "-", None]),
    ("string", [None, None]),
    ("Int64", [0, -1, 2**53 + 1, None, 12]),
    ("Float64", [0.1, 1e-05, 1e16, 123456789.125, -0.0, 1 / 3, 2.0, None]),
    ("Float64", [float("inf"), -float("inf"), 1e300, 5e-324, 0.30000000000000004]),
]


@pytest.mark.parametrize(("dtype", "cells"), CSV_CELLS)
def test_csv_writes_what_pandas_to_csv_writes(tmp_path, dtype, cells):
    df = pd.DataFrame({"a": cells, "b": cells[::-1]}).astype(dtype)
    with tables.CsvWriter(tmp_path / "t.csv") as out:
        out.write(df)
        out.write(df)
    safe = tables.spreadsheet_safe(df)
    expected = safe.to_csv(index=False) + safe.to_csv(index=False, header=False)
    assert (tmp_path / "t.csv").read_bytes().decode() == expected  # bytes: "\r" stays


@pytest.mark.parametrize(("dtype", "cells"), CSV_CELLS)
def test_csv_from_an_arrow_table_is_the_csv_of_its_frame(tmp_path, dtype, cells):
    columns = {"a": dtype, "b": dtype}
    rows = list(zip(cells, cells[::-1], strict=True))
    for name, chunk in (
        ("frame", tables.frame(rows, columns)),
        ("arrow", tables.arrow_table(rows, columns)),
    ):
        with tables.CsvWriter(tmp_path / f"{name}.csv") as out:
            out.write(chunk)
            out.write(chunk[:0] if name == "frame" else chunk.slice(0, 0))
            out.write(chunk)
    assert (tmp_path / "arrow.csv").read_bytes() == (tmp_path / "frame.csv").read_bytes()


# (case, Arrow table, the frame whose CSV it must give): tables not made by arrow_table.
ARROW_TABLES = [
    ("NaN is a missing value, as in a Float64 frame",
     pa.table({"f": pa.array([float("nan"), 1.5, None])}),
     pd.DataFrame({"f": [None, 1.5, None]}, dtype="Float64")),
    ("integers stay integers beside a column of another type",
     pa.table({"n": pa.array([1, None], pa.int64()), "b": pa.array([True, False])}),
     pd.DataFrame({"n": pd.array([1, None], dtype="Int64"), "b": [True, False]})),
    ("narrow integers with a missing value stay integers",
     pa.table({"n": pa.array([1, None], pa.int32())}),
     pd.DataFrame({"n": pd.array([1, None], dtype="Int32")})),
    ("booleans with a missing value stay booleans",
     pa.table({"b": pa.array([True, None]), "f": pa.array([1.5, None], pa.float32())}),
     pd.DataFrame({"b": pd.array([True, None], dtype="boolean"),
                   "f": pd.array([1.5, None], dtype="Float32")})),
]  # fmt: skip


@pytest.mark.parametrize(("case", "table", "df"), ARROW_TABLES, ids=[c for c, *_ in ARROW_TABLES])
def test_an_arrow_table_gives_the_csv_of_its_frame(tmp_path, case, table, df):
    tables.write_csv(table, tmp_path / "arrow.csv")
    tables.write_csv(df, tmp_path / "frame.csv")
    assert (tmp_path / "arrow.csv").read_bytes() == (tmp_path / "frame.csv").read_bytes()


def test_an_arrow_table_of_other_types_goes_through_pandas(tmp_path):
    when = pa.array([86_400, None], pa.timestamp("s"))
    table = pa.table({"n": pa.array([1, 2], pa.int32()), "when": when})
    tables.write_csv(table, tmp_path / "t.csv")
    expected = table.to_pandas().to_csv(index=False)
    assert (tmp_path / "t.csv").read_text(encoding="utf-8") == expected


def test_csv_of_other_dtypes_goes_through_pandas(tmp_path):
    dates = pd.to_datetime(["2025-01-02", None])
    df = pd.DataFrame({"n": [1.5, None], "o": [["x"], "y"], "d": dates})
    tables.write_csv(df, tmp_path / "t.csv")
    assert (tmp_path / "t.csv").read_text(encoding="utf-8") == df.to_csv(index=False)


# (case, rows): frame() must equal pandas' own conversion of the same tuples.
FRAME_ROWS = [
    ("plain", [("a", 1, 1.5), (None, None, None)]),
    ("NaN is a missing value", [("a", 1, float("nan"))]),
    ("an integer in a float column", [("a", 1, 3)]),
    ("a float in an integer column", [("a", 2.0, 1.0)]),
    ("a number in a text column", [(5, 1, 1.0)]),
    ("no rows", []),
]


@pytest.mark.parametrize(("case", "rows"), FRAME_ROWS, ids=[c for c, _ in FRAME_ROWS])
def test_frame_converts_as_pandas_does(case, rows):
    columns = {"s": "string", "i": "Int64", "f": "Float64"}
    expected = pd.DataFrame.from_records(rows, columns=list(columns)).astype(columns)
    pd.testing.assert_frame_equal(tables.frame(rows, columns), expected)


def test_parquet_from_an_arrow_table_is_the_file_a_frame_makes(tmp_path):
    doc = Document("a", "Путин", "ru", dt.date(2025, 11, 5), "a.txt")
    rows = [tables.mention_row(doc, Mention(Label.PERSON, 0, 5, "Путин", value=1.5), "Путин")]
    for name, chunk in (
        ("frame", tables.frame(rows, tables.MENTIONS)),
        ("arrow", tables.arrow_table(rows, tables.MENTIONS)),
    ):
        with tables.ParquetWriter(tmp_path / f"{name}.parquet", tables.MENTIONS) as out:
            out.write(chunk)
    assert (tmp_path / "frame.parquet").read_bytes() == (tmp_path / "arrow.parquet").read_bytes()


@pytest.mark.parametrize("dtype", ["string[pyarrow]", "string[python]", "object"])
@pytest.mark.parametrize("cells", [c for t, c in CSV_CELLS if t == "string"])
def test_spreadsheet_safe_escapes_each_cell_as_escape_cell_does(dtype, cells):
    df = pd.DataFrame({"a": cells}).astype(dtype)
    safe = tables.spreadsheet_safe(df)
    expected = [None if pd.isna(c) else tables.escape_cell(c) for c in cells]
    assert [None if pd.isna(c) else c for c in safe["a"]] == expected
    assert safe["a"].dtype == df["a"].dtype
