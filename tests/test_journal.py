"""The journal (factx.batch.journal): rows come back from disk exactly as committed."""

from __future__ import annotations

import pytest

from factx.batch.journal import STATE, Journal
from factx.batch.runner import Rows

# (case, rows): each must read back equal, after the journal is closed and opened again.
ROUND_TRIPS = [
    ("Cyrillic", Rows(("a", "ru"), None, (("a", "Москва", 0, 6, "Moskva", None),))),
    ("Vietnamese", Rows(("b", "vi"), None, (("b", "Hà Nội", 3, 9, 1.5, "đồng"),))),
    ("tab and newline in a sentence", Rows(("c",), None, (("c", "x\ty\nz\r", 0),))),
    ("quotes and backslashes", Rows(("d",), None, (("d", 'say "\\n" \\', -2.25),))),
    ("outside the BMP", Rows(("e",), None, (("e", "𝔘 😀", 10**15),))),
    ("an unpaired surrogate in a path", Rows(None, ("/in/\udcff.txt", "f", "not UTF-8"))),
    ("no mentions", Rows(("g", "en", None, 0), None)),
]


@pytest.mark.parametrize(("case", "rows"), ROUND_TRIPS, ids=[c for c, _ in ROUND_TRIPS])
def test_rows_read_back_as_committed(tmp_path, case, rows):
    with Journal(tmp_path, "r") as state:
        state.commit([("k", rows), ("other", Rows(("o",), None))], {"m": {"é": 1}})
        assert state.rows("k") == rows
    with Journal(tmp_path, "r") as state:
        assert state.rows("k") == rows and state.models == {"m": {"é": 1}}


def test_text_is_stored_as_utf8_not_escapes(tmp_path):
    with Journal(tmp_path, "r") as state:
        state.commit([("k", ROUND_TRIPS[0][1])], {})
    raw = (tmp_path / STATE / "journal.jsonl").read_bytes()
    assert "Москва".encode() in raw and b"\\u041c" not in raw
    assert raw.count(b"\n") == 1 and raw.count(b"\t") == 1  # one line, one separator
