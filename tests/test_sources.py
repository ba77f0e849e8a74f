from __future__ import annotations

import datetime as dt
import json

import pytest

from factx.model import DocError, Document
from factx.sources import make_document, read


def test_seeds_give_ids_dates_and_header_offsets(seeds):
    docs = list(read([seeds]))
    assert [d.id for d in docs] == ["000_2937e06c744ea3c2", "003_11e9db3739fcbb72"]
    assert [d.date for d in docs] == [dt.date(2025, 11, 13), dt.date(2025, 11, 5)]
    for d in docs:
        assert d.text.startswith(" date ")
        assert d.text[d.body_start] not in " \n"
        assert d.text == (seeds / f"{d.id}.txt").read_text(encoding="utf-8")


HEADERS = [
    (" date 2025-11-05 Body", dt.date(2025, 11, 5), "Body"),
    ("date 2024-02-29\nBody", dt.date(2024, 2, 29), "Body"),
    ("Body without header", None, "Body without header"),
    ("updated 2025-11-05 Body", None, "updated 2025-11-05 Body"),
]


@pytest.mark.parametrize(("text", "date", "body"), HEADERS)
def test_header_date(text, date, body):
    doc = make_document("d", text, "s")
    assert isinstance(doc, Document)
    assert (doc.date, doc.text[doc.body_start :]) == (date, body)


def test_folder_is_read_recursively_with_relative_ids(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text("Hello there.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("skip me", encoding="utf-8")
    assert [d.id for d in read([tmp_path])] == ["a/b/x"]


def test_bom_is_not_part_of_the_text(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeff date 2025-01-02 Привет".encode())
    (doc,) = read([tmp_path])
    assert doc.text.startswith(" date") and doc.date == dt.date(2025, 1, 2)


BAD = [
    ("binary.txt", b"\x00\x01\x02PNG", "binary"),
    ("cp1251.txt", "Привет мир".encode("cp1251"), "not valid UTF-8"),
    ("empty.txt", b"", "empty"),
    ("header-only.txt", b" date 2025-11-05 ", "empty"),
    ("bad-date.txt", b" date 2025-13-45 Text", "not a YYYY-MM-DD date"),
    ("scan.pdf", b"%PDF-1.4", "unsupported file type"),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD)
def test_bad_files_become_errors_naming_the_file(tmp_path, name, data, message):
    (tmp_path / name).write_bytes(data)
    (err,) = read([tmp_path])
    assert isinstance(err, DocError)
    assert message in err.error and name in err.source


def test_missing_path_is_an_error():
    (err,) = read(["/no/such/place"])
    assert isinstance(err, DocError) and "no such file" in err.error


def test_jsonl_lines_are_documents_and_bad_lines_errors(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "Tổng thống Putin", "lang": "vi", "date": "2025-11-05"}),
        "{not json",
        json.dumps({"id": "c"}),
        "",
        json.dumps({"text": "No id here"}),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines), encoding="utf-8")
    items = list(read([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Document", "DocError", "DocError", "Document"]
    assert items[0].lang == "vi" and items[0].date == dt.date(2025, 11, 5)
    assert "malformed JSON" in items[1].error and items[1].source.endswith("batch.jsonl:2")
    assert '"text"' in items[2].error
    assert items[3].id == "batch#5"


def test_a_repeated_id_is_an_error_and_the_first_document_is_kept(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "First."}),
        json.dumps({"id": "b", "text": "Other."}),
        json.dumps({"id": "a", "text": "Second."}),
        json.dumps({"id": 0, "text": "Zero is an id."}),
        json.dumps({"id": "", "text": "Empty is none."}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "a.txt").write_text("A file whose id repeats the line's.", encoding="utf-8")
    items = list(read([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Document", "DocError", "Document",
                                                 "DocError", "Document", "Document"]  # fmt: skip
    ids = [i.id if isinstance(i, Document) else i.doc_id for i in items]
    assert ids == ["a", "a", "b", "a", "0", "feed#5"]
    assert items[0].source.endswith("a.txt") and items[0].text.startswith("A file")
    for repeat, line in ((items[1], 1), (items[3], 3)):
        assert repeat.source.endswith(f"feed.jsonl:{line}")
        assert repeat.error.startswith("id 'a' was already used by") and "a.txt" in repeat.error
