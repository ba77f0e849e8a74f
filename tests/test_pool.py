"""Worker processes with limits: a document over the time budget, or one that kills its
worker, becomes an errors.csv row while the run goes on, on the local and Dask engines
alike, and the other documents' rows are those of a run without it; a worker over the
memory ceiling is replaced after its batch.

The "caps" plugin (tests/batchkit.py) hangs on one marker and kills its own process on
another, so nothing here waits for more than the small budget the tests set.
"""

from __future__ import annotations

import gc
import json
import shutil
import subprocess
import sys
import time
import weakref
from collections import Counter

import batchkit
import pandas as pd
import pytest

from factx.batch import pool as pool_module
from factx.batch.pool import Pool, tapered
from factx.batch.runner import Settings, Tools
from factx.batch.serve import YOUNG, warm
from factx.batch.work import work
from factx.batch.worker import Job, Task
from factx.cli import main
from factx.model import Document
from factx.pipeline import Pipelines, load_config

STALL, CRASH = "STALLMARK", "CRASHMARK"


@pytest.fixture(scope="module")
def data(caps, seeds, tmp_path_factory):
    return batchkit.corpus(tmp_path_factory.mktemp("data"), seeds, copies=6)


@pytest.fixture(scope="module")
def mixed(data, tmp_path_factory):
    """The same documents, with a stalling and a crashing one among them."""
    root = tmp_path_factory.mktemp("mixed") / "in"
    shutil.copytree(data, root)
    (root / "copies" / "c002_stall.txt").write_text(f"Paris said {STALL} today.")
    (root / "copies" / "c004_crash.txt").write_text(f"Rome said {CRASH} today.")
    return root


@pytest.fixture(scope="module")
def toml(tmp_path_factory):
    return batchkit.pipeline(tmp_path_factory.mktemp("p") / "p.toml", hang_on=STALL, die_on=CRASH)


def run(inputs, out, toml, *extra: str) -> int:
    args = ["run", str(inputs), "--out", str(out), "--pipeline", str(toml), "--quiet"]
    return main([*args, "--lang", "en", "--chunk-size", "2", *extra])


@pytest.fixture(scope="module")
def reference(data, toml, tmp_path_factory):
    out = tmp_path_factory.mktemp("reference")
    assert run(data, out, toml, "--workers", "1", "--doc-timeout", "0") == 0
    return out


ENGINES = [("--workers", "2"), ("--engine", "dask", "--workers", "2")]


@pytest.mark.parametrize("engine", ENGINES, ids=["local", "dask"])
def test_a_stalled_or_crashing_document_becomes_an_error_row_and_the_run_goes_on(
    mixed, reference, toml, tmp_path, engine
):
    if "dask" in engine:
        pytest.importorskip("dask.distributed")
    assert run(mixed, tmp_path, toml, *engine, "--doc-timeout", "3") == 0
    errors = pd.read_csv(tmp_path / "errors.csv")
    why = dict(zip(errors["doc_id"], errors["error"], strict=True))
    assert set(why) == {"copies/c002_stall", "copies/c004_crash"}
    assert why["copies/c002_stall"].startswith(
        "took longer than 3 s; split it or raise --doc-timeout"
    )
    assert why["copies/c004_crash"].startswith("the worker running it died (signal 9")
    # every other document gives exactly the rows of a run without the bad two
    for name in ("mentions.csv", "entities.csv"):
        assert (tmp_path / name).read_bytes() == (reference / name).read_bytes()
    docs, ref = (
        pd.read_csv(out / "documents.csv").drop(columns="source") for out in (tmp_path, reference)
    )
    pd.testing.assert_frame_equal(docs, ref)  # the source paths name other folders
    # a resumed run treats them like any other error: reused, not run (and not waited for)
    before = batchkit.outputs(tmp_path)
    assert run(mixed, tmp_path, toml, *engine, "--doc-timeout", "3") == 0
    assert batchkit.outputs(tmp_path) == before
    counts = json.loads((tmp_path / "run.json").read_text())["counts"]
    assert counts["processed"] == 0 and counts["errors"] == 2


@pytest.mark.parametrize("chunk", ["2", "5"])
def test_documents_that_kill_their_workers_in_a_row_are_error_rows_without_a_budget_too(
    data, reference, toml, tmp_path, chunk
):
    """A worker that a document kills had built its models, so however many such
    documents come in a row they are error rows, not "workers keep dying" ending the
    run; with --doc-timeout 0 a task's clock never starts, which once made each look
    like a failed start. Batches of 5 are also cut smaller at the end of the input."""
    root = tmp_path / "in"
    shutil.copytree(data, root)
    crashes = [f"copies/c002_crash{i}" for i in range(5)]  # more than MAX_FAILED_STARTS
    for name in crashes:
        (root / f"{name}.txt").write_text(f"Rome said {CRASH} today.")
    out = tmp_path / "out"
    assert run(root, out, toml, "--workers", "2", "--doc-timeout", "0", "--chunk-size", chunk) == 0
    errors = pd.read_csv(out / "errors.csv")
    assert sorted(errors["doc_id"]) == crashes
    assert all(e.startswith("the worker running it died") for e in errors["error"])
    for name in ("mentions.csv", "entities.csv"):
        assert (out / name).read_bytes() == (reference / name).read_bytes()


@pytest.mark.parametrize(("memory", "processes"), [((), 1), (("--max-worker-memory", "1"), 6)])
def test_a_worker_over_the_memory_ceiling_is_replaced_after_its_batch(
    data, reference, tmp_path, memory, processes
):
    pids = tmp_path / "pids.txt"
    toml = batchkit.pipeline(tmp_path / "p.toml", pidfile=str(pids))
    out = tmp_path / "out"
    # 11 documents in batches of 2, one worker: over a 1 MB ceiling, a fresh one per batch
    assert run(data, out, toml, "--workers", "1", *memory) == 0
    built = Counter(line.split()[0] for line in pids.read_text().splitlines())
    assert len(built) == processes and set(built.values()) == {1}
    assert batchkit.outputs(out) == batchkit.outputs(reference)


def wait_for_lines(path, deadline: float = 120.0) -> list[str]:
    """The lines of ``path`` once it has any; the deadline only keeps a broken worker from
    hanging the suite."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if path.exists() and (lines := path.read_text().splitlines()):
            return lines
        time.sleep(0.05)
    raise AssertionError(f"nothing written to {path} in {deadline:g} s")


def test_a_worker_builds_the_languages_it_is_told_of_before_any_batch(caps, tmp_path):
    pids = tmp_path / "pids.txt"
    config = load_config(batchkit.pipeline(tmp_path / "p.toml", pidfile=str(pids)))
    pool = Pool(config, Settings(), 1, langs=("vi",))
    pool.start()
    try:
        # no batch was sent: the worker built the vi pipeline on its own, and only that one
        lines = wait_for_lines(pids)
        assert [line.split()[1] for line in lines] == ["vi"]
        assert [w.proc.pid for w in pool.workers] == [int(lines[0].split()[0])]
    finally:
        pool.close()


class Cycle:
    me: object


@pytest.mark.parametrize("collecting", [True, False])
def test_a_worker_freezes_the_pipelines_it_builds_and_leaves_the_collector_as_it_was(
    caps, tmp_path, collecting
):
    tools = Tools(Pipelines(load_config(batchkit.pipeline(tmp_path / "p.toml"))))
    was, threshold = gc.isenabled(), gc.get_threshold()
    (gc.enable if collecting else gc.disable)()
    try:
        warm([None, "en", "en"], tools)
        frozen = gc.get_freeze_count()
        pipeline = tools.pipeline("en")
        # built once, and out of the collector's way: no later collection walks it
        assert tools.built("en") and frozen > 0
        assert not any(o is pipeline for o in gc.get_objects())
        assert gc.isenabled() is collecting
        assert gc.get_threshold() == (YOUNG, *threshold[1:])
        # Counts only go down from here as other code drops what it held before the
        # freeze (pytest's own objects are frozen too): what must not happen is a rise.
        warm(["en"], tools)  # nothing new to build: nothing more to freeze
        assert gc.get_freeze_count() <= frozen
        garbage = Cycle()
        garbage.me = garbage  # a cycle only the collector frees
        gone = weakref.ref(garbage)
        del garbage
        warm(["xx"], tools)  # no pipeline for it: built never, so nothing frozen
        assert gc.get_freeze_count() <= frozen and not tools.built("xx")
        gc.collect()
        assert gone() is None  # collected: the failed build froze it not
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
        (gc.enable if was else gc.disable)()


def test_a_worker_runs_documents_without_pandas(caps, tmp_path):
    # what serve() imports and runs for a batch, in a fresh interpreter like a worker's
    toml = batchkit.pipeline(tmp_path / "p.toml")
    code = f"""
import sys
from factx.batch.serve import serve, warm
from factx.batch.runner import Settings, Tools
from factx.batch.work import work
from factx.model import Document
from factx.pipeline import Pipelines, load_config
tools = Tools(Pipelines(load_config({str(toml)!r})))
warm(["en"], tools)
rows, models = work([Document("d", "Paris and Rome.", "en")], tools, Settings())
assert rows[0].mentions and "caps" in models, (rows, models)
print(" ".join(m for m in ("pandas", "pyarrow") if m in sys.modules) or "none")
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["none"]


def test_a_pool_started_before_the_job_s_size_is_known_ends_the_workers_it_does_not_need(
    caps, tmp_path
):
    pool = Pool(load_config(batchkit.pipeline(tmp_path / "p.toml")), Settings(), 2)
    pool.start()
    try:
        started = [w.proc for w in pool.workers]
        pool.resize(1)  # a job of one batch
        assert len(pool.workers) == 1
        assert sorted(p.poll() is None for p in started) == [False, True]
        rows, _ = pool.run([Document("d", "Paris and Rome.", "en")])
        assert [m[4] for m in rows[0].mentions] == ["Paris", "Rome"]
    finally:
        pool.close()


# Documents per queued task once the input is all read, the workers, the tasks they are
# on, and how many tasks each queued one's batch still has out (in flight, or split
# after a crash) → sizes of the tasks handed out.
TAPER_CASES = [
    ([16] * 6, 2, 2, [1] * 6, [16, 16, 16, 12, 4, 8, 6, 2, 4, 3, 3, 2, 2, 2]),
    ([16, 16], 2, 1, [1, 1], [8, 6, 2, 4, 3, 3, 2, 2, 2]),
    ([16, 16], 2, 0, [1, 1], [16, 16]),  # two idle workers take both at once
    ([16], 2, 1, [1], [16]),  # the idle worker takes it at once
    ([5, 5], 2, 1, [1, 1], [3, 2, 2, 3]),  # no piece under TAPER_MIN is cut off
    ([2, 2, 2], 2, 2, [1, 1, 1], [2, 2, 2]),
    ([1, 1, 6], 2, 2, [3, 2, 1], [1, 1, 2, 2, 2]),  # singles re-queued after a crash
    # four workers: a quarter as much left per task, so the cutting starts earlier
    ([16] * 6, 4, 4, [1] * 6, [12, 4, 10, 6, 8, 8, 6, 6, 4, 4, 4, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2]),
    ([16] * 6, 1, 1, [1] * 6, [16] * 6),  # one worker: nothing to even out
    ([], 2, 2, [], []),
]


@pytest.mark.parametrize(("queued", "workers", "running", "pending", "sizes"), TAPER_CASES)
def test_the_tasks_left_at_the_end_are_cut_smaller_within_their_batches(
    queued, workers, running, pending, sizes
):
    jobs = [Job([None] * n, pending=p) for n, p in zip(queued, pending, strict=True)]
    queue = [Task(job, 0, [f"{i}.{d}" for d in range(n)])
             for i, (job, n) in enumerate(zip(jobs, queued, strict=True))]  # fmt: skip
    tasks = tapered(queue, workers, running)
    assert [len(t.items) for t in tasks] == sizes
    for i, job in enumerate(jobs):  # each batch's documents, once each, at their offsets
        mine = [t for t in tasks if t.job is job]
        assert job.pending == pending[i] - 1 + len(mine)
        assert [d for t in mine for d in t.items] == [f"{i}.{d}" for d in range(queued[i])]
        assert all(t.items[0] == f"{i}.{t.offset}" for t in mine)


def test_a_tapered_tail_gives_the_rows_of_whole_batches(caps, tmp_path, monkeypatch):
    """Two workers on batches cut smaller at the end: every row in its place, as one
    worker running the whole batches gives them."""
    config = load_config(batchkit.pipeline(tmp_path / "p.toml"))
    texts = ["Paris and Rome.", "Berlin.", "Rome, then Paris.", "Madrid and Lisbon.", "Oslo."]
    batches = [[Document(f"d{b}{i}", t, "en") for i, t in enumerate(texts)] for b in range(3)]
    tools = Tools(Pipelines(config))
    expected = [work(batch, tools, Settings())[0] for batch in batches]
    cut: list[list[int]] = []

    def seen(*args):
        tasks = tapered(*args)
        cut.append([len(t.items) for t in tasks])
        return tasks

    monkeypatch.setattr(pool_module, "tapered", seen)
    pool = Pool(config, Settings(), 2)
    try:
        got = [rows for rows, _ in pool.map(batches)]
    finally:
        pool.close()
    assert got == expected
    assert cut == [[5, 3, 2, 2, 3]]  # all three batches were queued, none running


def test_a_worker_gets_its_next_task_in_the_step_that_takes_its_rows(caps, tmp_path):
    """Not after the caller has committed the rows and written its tables: the worker
    would sit idle meanwhile."""
    pool = Pool(load_config(batchkit.pipeline(tmp_path / "p.toml")), Settings(), 1)
    first, second = Job([None]), Job([None])
    pool.queue.extend([Task(first, 0, [Document("a", "Paris.", "en")]),
                       Task(second, 0, [Document("b", "Rome.", "en")])])  # fmt: skip
    try:
        while first.pending:
            pool.step()
        (worker,) = pool.workers
        assert worker.task is not None and worker.task.job is second
        while second.pending:
            pool.step()
        assert [m[4] for m in second.rows[0].mentions] == ["Rome"]
    finally:
        pool.close()
