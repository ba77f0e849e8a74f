"""Documents over --max-chars: run in pieces with offsets into the whole text, or reported;
never silently truncated."""

from __future__ import annotations

import batchkit
import pandas as pd
import pytest

from factx.api import load
from factx.batch.runner import Settings, process
from factx.cli import main
from factx.model import DocError, Document

PARAGRAPH = "Moscow and Hanoi signed a deal. Officials in Canberra said Lynas would grow.\n\n"


@pytest.fixture(scope="module")
def caps_tools(tmp_path_factory):
    site = batchkit.install(tmp_path_factory.mktemp("site"))
    with batchkit.plugin_on_path(site):
        yield load(batchkit.pipeline(tmp_path_factory.mktemp("p") / "caps.toml"))


def test_a_long_document_in_pieces_gives_the_mentions_of_the_whole(caps_tools):
    doc = Document("long", " date 2025-11-05 " + PARAGRAPH * 30, "en")
    whole = process(doc, caps_tools)
    pieces = process(doc, caps_tools, Settings(max_chars=250))
    assert pieces.pieces > 5 and whole.pieces == 1
    assert [m for m, _ in pieces.mentions] == [m for m, _ in whole.mentions]
    for m, sentence in pieces.mentions:
        assert doc.text[m.start : m.end] == m.text and m.text in sentence


def test_a_long_document_is_reported_when_asked(caps_tools):
    doc = Document("long", PARAGRAPH * 30, "en", source="long.txt")
    result = process(doc, caps_tools, Settings(max_chars=250, too_long="error"))
    assert isinstance(result, DocError)
    assert "over --max-chars 250" in result.error and "--too-long split" in result.error


def test_cli_splits_by_default_and_says_so(caps_tools, tmp_path, capsys):
    (tmp_path / "long.txt").write_text(PARAGRAPH * 30, encoding="utf-8")
    toml = tmp_path / "p.toml"
    batchkit.pipeline(toml)
    out = tmp_path / "out"
    base = ["run", str(tmp_path / "long.txt"), "--pipeline", str(toml), "--max-chars", "500"]
    assert main([*base, "--out", str(out)]) == 0
    assert "1 split" in capsys.readouterr().out
    docs = pd.read_csv(out / "documents.csv")
    assert docs["chars"].tolist() == [len(PARAGRAPH) * 30]
    assert main([*base, "--out", str(tmp_path / "err"), "--too-long", "error"]) == 1
    errors = pd.read_csv(tmp_path / "err" / "errors.csv")
    assert "--max-chars" in errors["error"].iloc[0]
