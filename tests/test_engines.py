"""Engines: the same rows from one process, a pool of workers, or a Dask cluster.

These tests run the fast "caps" plugin from tests/batchkit.py, since what they check is
how documents are spread, ordered and written, not what NER finds.
"""

from __future__ import annotations

import json
import os
from collections import Counter

import batchkit
import pandas as pd
import pytest

from factx.batch.engines import PoolEngine
from factx.batch.runner import Settings
from factx.cli import main
from factx.model import Document
from factx.pipeline import load_config


@pytest.fixture(scope="module")
def caps_toml(tmp_path_factory):
    return batchkit.pipeline(tmp_path_factory.mktemp("pipeline") / "caps.toml")


def run(corpus, out, toml, *extra: str) -> int:
    args = ["run", str(corpus), "--out", str(out), "--pipeline", str(toml), "--quiet"]
    return main([*args, "--chunk-size", "4", *extra])


@pytest.fixture(scope="module")
def reference(caps, corpus, caps_toml, tmp_path_factory):
    """The corpus run in this process, one worker: what every other engine must match."""
    out = tmp_path_factory.mktemp("reference")
    assert run(corpus, out, caps_toml, "--workers", "1") == 0
    return out


def test_reference_run_writes_every_table(reference):
    docs = pd.read_csv(reference / "documents.csv")
    assert len(docs) == 32 and docs["doc_id"].is_unique
    # input order: files sorted by path, the JSONL's lines in order
    assert list(docs["doc_id"][:3]) == [
        "000_2937e06c744ea3c2",
        "003_11e9db3739fcbb72",
        "copies/c000",
    ]
    assert list(docs["doc_id"][-2:]) == ["j8", "j9"]
    assert len(pd.read_csv(reference / "mentions.csv")) == docs["mentions"].sum()
    assert not pd.read_csv(reference / "entities.csv").empty


@pytest.mark.parametrize("workers", [2, 3])
def test_rows_are_byte_identical_whatever_the_number_of_workers(
    reference, corpus, caps_toml, tmp_path, workers
):
    assert run(corpus, tmp_path, caps_toml, "--workers", str(workers)) == 0
    assert batchkit.outputs(tmp_path) == batchkit.outputs(reference)
    info = json.loads((tmp_path / "run.json").read_text())
    assert info["engine"] == {"name": "pool", "workers": workers, "scheduler": None}
    pd.testing.assert_frame_equal(
        pd.read_parquet(tmp_path / "mentions.parquet"),
        pd.read_parquet(reference / "mentions.parquet"),
    )


def test_each_worker_process_loads_its_models_once(caps, corpus, tmp_path):
    pids = tmp_path / "pids.txt"
    toml = batchkit.pipeline(tmp_path / "p.toml", pidfile=str(pids), rendezvous=2)
    out = tmp_path / "out"
    preset = "OPENBLAS_NUM_THREADS" in os.environ
    assert main(["run", str(corpus), "--out", str(out), "--pipeline", str(toml), "--quiet",
                 "--workers", "2", "--chunk-size", "2"]) == 0  # fmt: skip
    lines = [line.split() for line in pids.read_text().splitlines()]
    built = Counter((pid, lang) for pid, lang, _ in lines)
    # 16 batches over 2 processes (the plugin's rendezvous keeps the first worker waiting
    # until the second has a batch), yet each (process, language) built its extractor once
    assert set(built.values()) == {1}
    assert len({pid for pid, _ in built}) == 2
    assert {lang for _, lang in built} == {"ru", "vi", "en"}
    # each worker's BLAS on one thread (2 workers × all cores would oversubscribe), and the
    # variable is not left behind in this process
    assert ("OPENBLAS_NUM_THREADS" in os.environ) == preset
    if not preset:
        assert {threads for *_, threads in lines} == {"1"}


@pytest.mark.parametrize(
    ("budget", "engine"),
    [
        ((), {"name": "pool", "workers": 1}),
        (("--doc-timeout", "0"), {"name": "local", "workers": 1}),
    ],
)
def test_a_job_of_one_batch_runs_in_one_worker_or_without_a_budget_here(
    reference, corpus, caps_toml, tmp_path, budget, engine
):
    # a time budget needs a process that can be killed; without one, this process will do
    assert run(corpus, tmp_path, caps_toml, "--workers", "2", "--chunk-size", "100", *budget) == 0
    assert json.loads((tmp_path / "run.json").read_text())["engine"] == {
        **engine,
        "scheduler": None,
    }
    assert batchkit.outputs(tmp_path) == batchkit.outputs(reference)


def test_dask_engine_on_a_local_cluster_gives_the_local_rows(
    reference, corpus, caps_toml, tmp_path
):
    pytest.importorskip("dask.distributed")
    assert run(corpus, tmp_path, caps_toml, "--engine", "dask", "--workers", "2") == 0
    assert batchkit.outputs(tmp_path) == batchkit.outputs(reference)
    engine = json.loads((tmp_path / "run.json").read_text())["engine"]
    assert engine == {"name": "dask", "workers": 2, "scheduler": None}


def test_dask_engine_joins_a_running_scheduler(reference, corpus, caps_toml, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        address = cluster.scheduler_address
        assert run(corpus, tmp_path, caps_toml, "--engine", "dask", "--scheduler", address) == 0
    assert batchkit.outputs(tmp_path) == batchkit.outputs(reference)
    assert json.loads((tmp_path / "run.json").read_text())["engine"]["scheduler"] == address


def test_scheduler_without_dask_engine_says_what_to_add(corpus, tmp_path, capsys):
    assert main(["run", str(corpus), "--out", str(tmp_path), "--scheduler", "tcp://x:1"]) == 2
    assert "--engine dask" in capsys.readouterr().err


def test_run_json_records_versions_pipeline_models_counts_and_timings(reference, caps_toml):
    import factx

    info = json.loads((reference / "run.json").read_text(encoding="utf-8"))
    assert info["factx"] == factx.__version__
    assert info["pipeline"]["text"] == caps_toml.read_text(encoding="utf-8")
    assert info["pipeline"]["languages"]["en"] == [{"name": "caps", "options": {}}]
    assert info["models"]["caps"]["class"] == "factx_caps.Caps"
    assert info["models"]["caps"]["package"] == "factx-caps 0.1"
    assert "regex" in info["models"]["caps"]["libraries"]
    docs = pd.read_csv(reference / "documents.csv")
    counts = info["counts"]
    assert counts["documents"] == len(docs) and counts["errors"] == 0
    assert counts["mentions"] == docs["mentions"].sum() == sum(counts["labels"].values())
    assert counts["processed"] == 32 and counts["reused"] == 0
    timings = info["timings"]
    assert timings["seconds"] >= timings["process_seconds"] >= 0
    assert timings["started"] <= timings["finished"]


def test_mentions_parquet_is_typed_and_keeps_the_raw_text(reference):
    df = pd.read_parquet(reference / "mentions.parquet")
    assert {c: str(t) for c, t in df.dtypes.items()} == {
        "doc_id": "string", "lang": "string", "doc_date": "string", "label": "string",
        "text": "string", "start": "Int64", "end": "Int64", "norm": "string",
        "value": "Float64", "unit": "string", "per": "string", "sentence": "string",
        "extractor": "string",
    }  # fmt: skip
    csv = pd.read_csv(reference / "mentions.csv", dtype=str, keep_default_na=False)
    assert len(csv) == len(df)
    j1 = df[(df["doc_id"] == "j1") & (df["label"] == "FORMULA")]
    assert list(j1["text"]) == ["-1", "=SUM(A1)."] and j1["value"].iloc[0] == -1.0
    j1csv = csv[(csv["doc_id"] == "j1") & (csv["label"] == "FORMULA")]
    # a formula is defused in the CSV; a plain number is left as the number it is
    assert list(j1csv["text"]) == ["-1", "'=SUM(A1)."] and list(j1csv["value"]) == ["-1.0", ""]


def test_a_batch_of_bad_files_goes_on_in_every_worker(caps, seeds, tmp_path):
    data = tmp_path / "in"
    batchkit.corpus(data, seeds, copies=6)
    (data / "bin.txt").write_bytes(b"\x00\x01binary")
    (data / "cp1251.txt").write_bytes("Привет, Москва".encode("cp1251"))
    (data / "empty.txt").write_bytes(b"")
    (data / "header_only.txt").write_text(" date 2025-11-05 ", encoding="utf-8")
    (data / "scan.pdf").write_bytes(b"%PDF-1.4")
    (data / "boom.txt").write_text("Moscow said BOOM today.", encoding="utf-8")
    (data / "bad.jsonl").write_text(
        '{"id": "ok", "text": "Hanoi and Moscow.", "lang": "vi"}\n{oops\n[1]\n'
        '{"id": "d", "text": "x", "date": "2025-13-45"}\n'
        '{"id": "s", "text": "half a pair: \\ud800", "lang": "en"}\n',
        encoding="utf-8",
    )
    (data / os.fsdecode(b"caf\xe9.txt")).write_text("Paris, a name not in UTF-8.")
    toml = batchkit.pipeline(tmp_path / "p.toml", fail_on="BOOM")
    out = tmp_path / "out"
    args = ["run", str(data), "--out", str(out), "--pipeline", str(toml), "--quiet"]
    assert main([*args, "--workers", "2", "--chunk-size", "2"]) == 0
    errors = pd.read_csv(out / "errors.csv")
    why = dict(zip(errors["source"].str.rsplit("/", n=1).str[-1], errors["error"], strict=True))
    assert set(why) == {
        "bin.txt", "cp1251.txt", "empty.txt", "header_only.txt", "scan.pdf", "boom.txt",
        "bad.jsonl:2", "bad.jsonl:3", "bad.jsonl:4", "bad.jsonl:5", "caf\\udce9.txt",
    }  # fmt: skip
    assert "RuntimeError" in why["boom.txt"] and "BOOM" in why["boom.txt"]
    assert "iconv" in why["cp1251.txt"] and "YYYY-MM-DD" in why["bad.jsonl:4"]
    assert "unpaired surrogate (U+D800)" in why["bad.jsonl:5"]
    docs = pd.read_csv(out / "documents.csv")
    assert len(docs) == 2 + 6 + 3 + 1 and "ok" in set(docs["doc_id"])


def test_too_many_bad_files_are_summarised_on_stderr(caps, tmp_path, capsys):
    data = tmp_path / "in"
    data.mkdir()
    for i in range(13):
        (data / f"e{i:02d}.txt").write_bytes(b"")
    (data / "good.txt").write_text("Hello Paris.", encoding="utf-8")
    toml = batchkit.pipeline(tmp_path / "p.toml")
    out = tmp_path / "out"
    assert main(["run", str(data), "--out", str(out), "--pipeline", str(toml)]) == 0
    captured = capsys.readouterr()
    assert "13 errors" in captured.out
    assert captured.err.count("  error: ") == 10 and "… and 3 more" in captured.err


def test_pool_workers_leave_once_every_batch_is_back(caps, caps_toml):
    # they exit by themselves while the run writes its tables; close() then only reaps them
    engine = PoolEngine(load_config(caps_toml), Settings(), 2)
    batches = [[Document(f"d{i}", f"Paris and Rome, {i}.", "en")] for i in range(6)]
    try:
        results = list(engine.map(batches))
        assert [rows[0].mentions[0][4] for rows, _ in results] == ["Paris"] * 6
        assert [w.proc.wait(timeout=60) for w in engine.pool.workers] == [0, 0]
    finally:
        engine.close()


@pytest.mark.parametrize("inputs", ["corpus", "missing"])
def test_a_run_that_stops_early_leaves_no_worker_behind(caps, corpus, tmp_path, inputs):
    # the first worker starts before the pipeline is checked: a bad option (exit 2) and a
    # run with nothing to read both end it
    psutil = pytest.importorskip("psutil")
    bad = tmp_path / "bad.toml"
    bad.write_text('[[lang.en.extractors]]\nname = "caps"\noptions = { colour = "red" }\n')
    folder = corpus if inputs == "corpus" else tmp_path / "empty"
    folder.mkdir(exist_ok=True)
    toml = bad if inputs == "corpus" else batchkit.pipeline(tmp_path / "caps.toml")
    code = main(["run", str(folder), "--out", str(tmp_path / "out"), "--pipeline", str(toml),
                 "--lang", "en", "--quiet"])  # fmt: skip
    assert code == (2 if inputs == "corpus" else 1)
    workers = [p for p in psutil.Process().children(recursive=True)
               if "factx.batch.pool" in " ".join(p.cmdline())]  # fmt: skip
    assert workers == []
