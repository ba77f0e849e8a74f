"""A batch run — inputs to DIR — streaming, resumable and on any engine: `factx run`.

Two passes. The first streams documents from the sources in batches to the engine and
commits each batch's rows to the journal as it comes back, so memory holds a few batches
and a crash loses at most those. The second writes the output tables from the journal in
input order. Both an uninterrupted and a resumed run take their rows from the journal, so
they produce the same bytes, whatever the engine or the number of workers.
"""

from __future__ import annotations

import gc
import time
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING

from factx import sources
from factx.batch import runinfo
from factx.batch.engines import (
    Batch,
    Engine,
    PoolEngine,
    killed_on_error,
    open_engine,
    start_first,
)
from factx.batch.journal import Journal, fingerprint, item_key
from factx.batch.progress import Reporter, Silent
from factx.batch.runner import Settings
from factx.batch.serve import YOUNG
from factx.model import Document
from factx.pipeline import Config, check, load_config

if TYPE_CHECKING:  # imported by run_documents, once the workers are starting
    from factx.batch.merge import Merger

# A batch of (key, document), and how long the input order was when it was cut.
Chunk = tuple[list[tuple[str, sources.Item]], int]
OUTPUTS = (
    "mentions.csv",
    "mentions.parquet",
    "documents.csv",
    "errors.csv",
    "entities.csv",
    "facts.csv",
    "facts.parquet",
    "run.json",
)


@dataclass(frozen=True)
class Job:
    inputs: tuple[Path, ...]
    out: Path
    lang: str | None = None
    pipeline: str | Path = "news"
    engine: str = "local"
    workers: int = 1
    scheduler: str | None = None
    scheduler_timeout: float = 10
    settings: Settings = field(default_factory=Settings)
    chunk_size: int = 16
    bom: bool = False
    force: bool = False


@dataclass
class Summary:
    """What a finished run did; its counts are also written to run.json."""

    documents: int = 0
    mentions: int = 0
    labels: dict[str, int] = field(default_factory=dict)
    facts: int = 0
    errors: int = 0
    processed: int = 0
    reused: int = 0
    split: int = 0
    seconds: float = 0.0
    restarted: bool = False
    first_errors: list[tuple[str, str]] = field(default_factory=list)


def run(job: Job, progress: Reporter | None = None) -> Summary:
    started, started_at = time.perf_counter(), runinfo.now()
    config = load_config(job.pipeline)
    # With a time budget the documents run in worker processes whatever the job's size,
    # so they start now: their imports and models load while this process checks the
    # pipeline, opens the journal and reads the first documents.
    early = start_first(job.engine, config, job.settings, job.workers, job.lang)
    with killed_on_error(early):
        check(config, job.lang)  # a bad setting fails here, once, before any document is read
    summary = Summary()
    with (
        killed_on_error(early),
        paced_collector(),
        Journal(job.out, fingerprint(config, job.settings), force=job.force) as state,
    ):
        (job.out / "run.json").unlink(missing_ok=True)  # back only once the run is complete
        for name in OUTPUTS:  # temporary files of a run killed while writing its tables
            for tmp in job.out.glob(f".{name}.*.tmp"):
                tmp.unlink()
        summary.restarted = state.restarted
        order, engine, merger = run_documents(
            job, config, state, summary, progress or Silent(), early
        )
        processed = time.perf_counter() - started
        merger.finish()
        state.prune(set(order))
        summary.seconds = time.perf_counter() - started
        timings = {
            "started": started_at,
            "finished": runinfo.now(),
            "seconds": round(summary.seconds, 3),
            "process_seconds": round(processed, 3),
            "write_seconds": round(summary.seconds - processed, 3),
            "docs_per_second": round(len(order) / max(summary.seconds, 1e-9), 2),
        }
        runinfo.write(
            job.out / "run.json",
            {
                "inputs": [str(p) for p in job.inputs],
                "lang": job.lang,
                "engine": {**engine, "scheduler": job.scheduler},
                "settings": {**asdict(job.settings), "chunk_size": job.chunk_size},
                "csv": {"encoding": "utf-8-sig" if job.bom else "utf-8", "escaped": True},
                "pipeline": runinfo.pipeline(config),
                "models": state.models,
                "counts": {k: v for k, v in asdict(summary).items() if k not in SKIP},
                "timings": timings,
            },
        )
    return summary


@contextmanager
def paced_collector() -> Iterator[None]:
    """Python's cyclic collector paced for a run, as in a worker (:func:`serve.warm`):
    what this process holds already (modules, settings) is frozen out of its collections,
    and the youngest generation is collected once YOUNG more objects are tracked than
    freed instead of 700. The journal and the tables make rows by the hundred thousand,
    nearly all freed by reference counting alone, and the collector cost a tenth of this
    process's CPU time. Both are undone afterwards, for a caller that goes on (a test, a
    library user); a caller that froze objects itself keeps them frozen, and its own
    freeze is left to it (gc has no partial unfreeze), so then nothing is frozen here."""
    threshold = gc.get_threshold()
    ours = gc.get_freeze_count() == 0
    if ours:
        gc.freeze()
    gc.set_threshold(max(YOUNG, threshold[0]), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        if ours:
            gc.unfreeze()


def run_documents(
    job: Job,
    config: Config,
    state: Journal,
    summary: Summary,
    progress: Reporter,
    early: PoolEngine | None = None,
) -> tuple[list[str], dict[str, object], Merger]:
    """Every document not yet in the journal through an engine (``early``, whose workers
    are already starting, if given), committed batch by batch, and the tables but
    mentions and entities written from the journal as the batches come back.

    Returns the input order (document keys), what engine ran, and the tables' merger,
    ready to finish.
    """
    order: list[str] = []
    todo = batches(sources.read(job.inputs, job.lang), state, order, summary, progress, job)
    first = list(islice(todo, 2))
    engine: Engine | None = early
    if not first and early is not None:  # nothing to do: no need to wait for its models
        early.close(abort=True)
        engine = None
    elif first:
        # A job of one batch needs one worker (this process itself when there is no
        # --doc-timeout to enforce): starting more would cost more than they save.
        workers = job.workers if len(first) > 1 or job.engine == "dask" else 1
        # The languages the first batches name (--lang, a JSONL "lang"): the workers build
        # those pipelines as soon as they are up, before the first batch reaches them.
        langs = tuple(
            sorted({i.lang for b, _ in first for _, i in b if isinstance(i, Document) and i.lang})
        )
        if early is not None:
            early.resize(workers, langs)
        else:
            engine = open_engine(
                job.engine, config, job.settings, workers, job.scheduler, job.scheduler_timeout,
                langs,
            )  # fmt: skip
    # Imported now, while the workers import and load their models: pandas and pyarrow,
    # which the tables need, would otherwise load after the last batch.
    from factx.batch.merge import Merger

    with killed_on_error(engine), Merger(job, state, summary) as merger:
        if engine is not None:
            pending: deque[tuple[list[str], int]] = deque()
            for rows, models in engine.map(feed(chain(first, todo), pending)):
                keys, end = pending.popleft()
                state.commit(list(zip(keys, rows, strict=True)), models)
                summary.processed += len(keys)
                progress.advance(len(keys))
                merger.upto(order, end)
        merger.upto(order, len(order), last=True)  # while the workers exit
        if engine is not None:
            engine.close()
    if engine is None:
        return order, {"name": "none", "workers": 0}, merger
    return order, {"name": engine.name, "workers": engine.workers}, merger


SKIP = {"seconds", "first_errors", "restarted"}


def batches(
    items: Iterable[sources.Item],
    state: Journal,
    order: list[str],
    summary: Summary,
    progress: Reporter,
    job: Job,
) -> Iterator[Chunk]:
    """The documents still to do, in batches, each with the length of the input order
    when it was cut (every key before that is in it, in an earlier batch or reused);
    records the input order as it goes."""
    queued: set[str] = set()
    batch: list[tuple[str, sources.Item]] = []
    for item in items:
        key = item_key(item, state.run)
        order.append(key)
        if key in state or key in queued:
            summary.reused += 1
            progress.advance(1)
            continue
        queued.add(key)
        batch.append((key, item))
        if len(batch) >= job.chunk_size:
            yield batch, len(order)
            batch = []
    if batch:
        yield batch, len(order)


def feed(todo: Iterable[Chunk], pending: deque[tuple[list[str], int]]) -> Iterator[Batch]:
    for batch, end in todo:
        pending.append(([key for key, _ in batch], end))
        yield [item for _, item in batch]
