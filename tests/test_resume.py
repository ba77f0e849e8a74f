"""Resume: the same command after a crash continues, and ends with the bytes of an
uninterrupted run; edited documents are done again; --force starts over."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import batchkit
import pandas as pd
import pytest

from factx.batch.journal import STATE, Journal, StateError
from factx.batch.runner import Rows
from factx.cli import main
from factx.tables import CsvWriter


@pytest.fixture(scope="module")
def uninterrupted(caps, corpus, tmp_path_factory):
    folder = tmp_path_factory.mktemp("uninterrupted")
    toml = batchkit.pipeline(folder / "caps.toml")
    out = folder / "out"
    assert main(["run", str(corpus), "--out", str(out), "--pipeline", str(toml),
                 "--quiet", "--workers", "1"]) == 0  # fmt: skip
    return out


def journal_lines(out) -> int:
    path = out / STATE / "journal.jsonl"
    return path.read_text().count("\n") if path.exists() else 0


def ends(pid: int, within: float = 30) -> bool:
    """Whether process ``pid`` ends (a zombie counts: only its parent could reap it)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
        except OSError:
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.1)
    return False


def test_a_run_killed_with_sigkill_resumes_to_the_uninterrupted_result(
    caps, corpus, uninterrupted, tmp_path
):
    pids = tmp_path / "pids.txt"
    # 0.15 s a document keeps the run going for seconds: time to kill it in the middle
    toml = batchkit.pipeline(tmp_path / "slow.toml", delay=0.15, pidfile=str(pids))
    out = tmp_path / "out"
    command = [sys.executable, "-m", "factx.cli", "run", str(corpus), "--out", str(out),
               "--pipeline", str(toml), "--workers", "2", "--chunk-size", "2"]  # fmt: skip
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while journal_lines(out) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be killed; slow it down"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done = journal_lines(out)
    assert 3 <= done < 16, "killed in the middle: some batches committed, not all"
    assert not (out / "mentions.csv").exists() and not (out / "run.json").exists()

    # the orphaned workers notice their parent is gone and end
    workers = {int(line.split()[0]) for line in pids.read_text().splitlines()}
    assert len(workers) == 2
    assert all(ends(pid) for pid in workers)

    again = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert "32 documents (" in again.stdout and " reused" in again.stdout
    assert batchkit.outputs(out) == batchkit.outputs(uninterrupted)
    counts = json.loads((out / "run.json").read_text())["counts"]
    assert counts["reused"] >= 2 * done and counts["processed"] + counts["reused"] == 32
    assert not list(out.glob(".*.tmp")), "no temporary file is left behind"


def test_an_edited_document_is_processed_again_and_the_rest_reused(caps, seeds, tmp_path):
    data = batchkit.corpus(tmp_path / "in", seeds, copies=4)
    toml = batchkit.pipeline(tmp_path / "caps.toml")
    out = tmp_path / "out"
    args = ["run", str(data), "--out", str(out), "--pipeline", str(toml), "--quiet"]
    assert main(args) == 0
    edited = data / "copies" / "c001.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + " Added Sentence.", encoding="utf-8")
    assert main(args) == 0
    counts = json.loads((out / "run.json").read_text())["counts"]
    assert (counts["processed"], counts["reused"]) == (1, 7)
    mentions = pd.read_csv(out / "mentions.csv")
    assert {"Added", "Sentence"} <= set(mentions.loc[mentions["doc_id"] == "copies/c001", "text"])
    assert mentions.duplicated().sum() == 0
    # the old part of the edited document is pruned once nothing refers to it
    assert main(args) == 0
    assert json.loads((out / "run.json").read_text())["counts"]["processed"] == 0


def test_force_starts_over_and_a_changed_pipeline_does_too(caps, seeds, tmp_path, capsys):
    data = batchkit.corpus(tmp_path / "in", seeds, copies=2)
    toml = batchkit.pipeline(tmp_path / "caps.toml")
    out = tmp_path / "out"
    args = ["run", str(data), "--out", str(out), "--pipeline", str(toml), "--quiet"]
    assert main(args) == 0
    assert main([*args, "--force"]) == 0
    assert json.loads((out / "run.json").read_text())["counts"]["reused"] == 0
    batchkit.pipeline(toml, fail_on="never there")
    capsys.readouterr()
    assert main(args) == 0
    assert "settings changed: started over" in capsys.readouterr().out
    assert json.loads((out / "run.json").read_text())["counts"]["reused"] == 0


def test_one_output_folder_takes_one_run_at_a_time(tmp_path):
    with Journal(tmp_path, "run-a"), pytest.raises(StateError, match="another factx run"):
        Journal(tmp_path, "run-a")
    with Journal(tmp_path, "run-a"):  # released once closed
        pass


def test_a_journal_line_torn_by_a_crash_is_dropped(tmp_path):
    with Journal(tmp_path, "r") as state:
        state.commit([("k1", Rows(("d",), None, (("d", "m"),)))], {})
    with open(tmp_path / STATE / "journal.jsonl", "a") as fh:
        fh.write('{"part": "part-000009.jsonl", "keys": ["k2"')  # power cut mid-write
    with Journal(tmp_path, "r") as state:
        assert "k1" in state and "k2" not in state
        assert state.rows("k1") == Rows(("d",), None, (("d", "m"),))
        state.commit([("k3", Rows(None, ("s", "k3", "bad")))], {})
    with Journal(tmp_path, "r") as state:
        assert "k3" in state and len(state) == 2


def test_rows_read_back_after_reopening_and_pruning_keeps_only_live_batches(tmp_path):
    batches = [
        [(f"k{b}{i}", Rows((f"d{b}{i}", "ru", 3), None, ((f"d{b}{i}", "m\tab"),))) for i in "ab"]
        for b in range(5)
    ]
    with Journal(tmp_path, "r") as state:
        for batch in batches:
            state.commit(batch, {"caps": {"v": 1}})
    with Journal(tmp_path, "r") as state:
        assert len(state) == 10 and state.models == {"caps": {"v": 1}}
        assert [state.rows(k) for b in batches for k, _ in b] == [r for b in batches for _, r in b]
        state.prune({"k1a", "k4b"})
        assert state.rows("k4b") == batches[4][1][1] and "k2a" not in state
    with Journal(tmp_path, "r") as state:
        assert sorted(state.index) == ["k1a", "k1b", "k4a", "k4b"]
        assert state.rows("k1b") == batches[1][1][1]
        assert state.models == {"caps": {"v": 1}}, "named by a dropped line, still known"
    assert journal_lines(tmp_path) == 2


def test_a_failed_write_leaves_the_previous_table_whole(tmp_path):
    path = tmp_path / "mentions.csv"
    path.write_text("old,complete\n", encoding="utf-8")
    frame = pd.DataFrame({"a": ["x"]})
    with pytest.raises(RuntimeError), CsvWriter(path) as out:
        out.write(frame)
        raise RuntimeError("crash mid-table")
    assert path.read_text(encoding="utf-8") == "old,complete\n"
    assert os.listdir(tmp_path) == ["mentions.csv"]
