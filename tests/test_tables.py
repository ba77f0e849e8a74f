from __future__ import annotations

import datetime as dt

import pandas as pd

from factx import tables
from factx.model import Document, Label, Mention


def test_mention_frame_has_the_documented_columns_and_dtypes():
    doc = Document("a", "Путин", "ru", dt.date(2025, 11, 5), "a.txt")
    m = Mention(Label.PERSON, 0, 5, "Путин", extractor="natasha")
    df = tables.frame([tables.mention_row(doc, m, "Путин")], tables.MENTIONS)
    assert list(df.columns[:12]) == [
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
