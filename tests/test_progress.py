from __future__ import annotations

import io
import sys

from rich.console import Console

from factx.batch import progress


def test_quiet_or_not_a_terminal_gives_no_bar(tmp_path, monkeypatch):
    assert isinstance(progress.reporter([tmp_path], quiet=True), progress.Silent)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert isinstance(progress.reporter([tmp_path], quiet=False), progress.Silent)


def test_on_a_terminal_the_bar_shows_documents_rate_and_eta(tmp_path, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert isinstance(progress.reporter([tmp_path], quiet=False), progress.Bar)
    screen = io.StringIO()
    bar = progress.Bar(10, Console(file=screen, force_terminal=True, width=120))
    bar.advance(3)
    bar.progress.refresh()
    bar.close()
    shown = screen.getvalue()
    assert "3/10" in shown and "docs/s" in shown and "ETA" in shown


def test_count_gives_the_documents_read_will_yield(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n{oops\n')
    (tmp_path / "c.pdf").write_bytes(b"%PDF")  # an error row is a row too
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "d.txt").write_text("x")
    assert progress.count([tmp_path]) == 1 + 3 + 1
    assert progress.count([tmp_path / "a.txt", tmp_path / "missing"]) == 2
