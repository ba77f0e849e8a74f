"""A batch run — inputs to DIR — streaming, resumable and on any engine: `factx run`.

Two passes. The first streams documents from the sources in batches to the engine and
commits each batch's rows to the journal as it comes back, so memory holds a few batches
and a crash loses at most those. The second writes the output tables from the journal in
input order. Both an uninterrupted and a resumed run take their rows from the journal, so
they produce the same bytes, whatever the engine or the number of workers.
"""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from itertools import chain, islice
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from factx import entities, sources, tables
from factx.batch import runinfo
from factx.batch.engines import Batch, open_engine
from factx.batch.journal import Journal, fingerprint, item_key
from factx.batch.progress import Reporter, Silent
from factx.batch.runner import Settings, corpus
from factx.link.corpus import Renames, renames, with_corpus_norms
from factx.pipeline import Config, check, load_config

SHOWN_ERRORS = 10
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
    check(config, job.lang)  # a bad setting fails here, once, before any document is read
    summary = Summary()
    with Journal(job.out, fingerprint(config, job.settings), force=job.force) as state:
        (job.out / "run.json").unlink(missing_ok=True)  # back only once the run is complete
        for name in OUTPUTS:  # temporary files of a run killed while writing its tables
            for tmp in job.out.glob(f".{name}.*.tmp"):
                tmp.unlink()
        summary.restarted = state.restarted
        order, engine = run_documents(job, config, state, summary, progress or Silent())
        processed = time.perf_counter() - started
        merge(job, state, order, summary)
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


def run_documents(
    job: Job, config: Config, state: Journal, summary: Summary, progress: Reporter
) -> tuple[list[str], dict[str, object]]:
    """Every document not yet in the journal through an engine, committed batch by batch.

    Returns the input order (document keys) and what engine ran.
    """
    order: list[str] = []
    todo = batches(sources.read(job.inputs, job.lang), state, order, summary, progress, job)
    first = list(islice(todo, 2))
    if not first:
        return order, {"name": "none", "workers": 0}
    # A job of one batch needs one worker (this process itself when there is no
    # --doc-timeout to enforce): starting more would cost more than they save.
    workers = job.workers if len(first) > 1 or job.engine == "dask" else 1
    engine = open_engine(
        job.engine, config, job.settings, workers, job.scheduler, job.scheduler_timeout
    )
    try:
        pending: deque[list[str]] = deque()
        for rows, models in engine.map(feed(chain(first, todo), pending)):
            keys = pending.popleft()
            state.commit(list(zip(keys, rows, strict=True)), models)
            summary.processed += len(keys)
            progress.advance(len(keys))
    except BaseException:
        engine.close(abort=True)
        raise
    engine.close()
    return order, {"name": engine.name, "workers": engine.workers}


SKIP = {"seconds", "first_errors", "restarted"}


def batches(
    items: Iterable[sources.Item],
    state: Journal,
    order: list[str],
    summary: Summary,
    progress: Reporter,
    job: Job,
) -> Iterator[list[tuple[str, sources.Item]]]:
    """The documents still to do, in batches; records the input order as it goes."""
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
            yield batch
            batch = []
    if batch:
        yield batch


def feed(todo: Iterable[list[tuple[str, sources.Item]]], pending: deque) -> Iterator[Batch]:
    for batch in todo:
        pending.append([key for key, _ in batch])
        yield [item for _, item in batch]


def merge(job: Job, state: Journal, order: list[str], summary: Summary) -> None:
    """Write every table from the journal, in input order, a chunk at a time."""
    raw = state.dir / "mentions.raw.parquet"
    raw_facts = state.dir / "facts.raw.parquet"
    labels: Counter[str] = Counter()
    with (
        tables.CsvWriter(job.out / "documents.csv", bom=job.bom) as documents,
        tables.CsvWriter(job.out / "errors.csv", bom=job.bom) as errors,
        tables.ParquetWriter(raw, tables.MENTIONS) as mentions,
        tables.ParquetWriter(raw_facts, tables.FACTS) as facts_raw,
    ):
        for keys in chunks(order, max(job.chunk_size, 256)):
            docs, errs, ments, facts = [], [], [], []
            for key in keys:
                rows = state.rows(key)
                if rows.error:
                    errs.append(rows.error)
                    if len(summary.first_errors) < SHOWN_ERRORS:
                        summary.first_errors.append((rows.error[0], rows.error[2]))
                else:
                    docs.append(rows.document)
                    ments.extend(rows.mentions)
                    facts.extend(rows.facts)
                    summary.split += rows.pieces > 1
            labels.update(m[3] for m in ments)
            summary.documents += len(docs)
            summary.errors += len(errs)
            summary.mentions += len(ments)
            summary.facts += len(facts)
            documents.write(tables.frame(docs, tables.DOCUMENTS))
            errors.write(tables.frame(errs, tables.ERRORS))
            mentions.write(tables.frame(ments, tables.MENTIONS))
            facts_raw.write(tables.frame(facts, tables.FACTS))
    summary.labels = dict(sorted(labels.items()))
    try:
        names = finish_mentions(job, raw)
        finish_facts(job, raw_facts, names)
    finally:
        raw.unlink(missing_ok=True)
        raw_facts.unlink(missing_ok=True)


def finish_facts(job: Job, raw: Path, names: Renames) -> None:
    """Write facts.csv/.parquet from the raw file, with the holders' corpus norms."""
    rewrite(job, raw, "facts", tables.FACTS, lambda df: with_corpus_norms(df, names))


def finish_mentions(job: Job, raw: Path) -> Renames:
    """Apply the corpus-level steps, then write mentions.csv/.parquet and entities.csv;
    returns the norms the corpus steps changed, for the facts' holders.

    The corpus steps see every mention without its sentence (the bulk of a row); the
    sentences then stream from the raw file a row group at a time.
    """
    light = pd.read_parquet(raw, columns=[c for c in tables.MENTIONS if c != "sentence"])
    unified = corpus(light)
    tables.write_csv(entities.build(unified), job.out / "entities.csv", bom=job.bom)
    norms = unified["norm"].reset_index(drop=True)
    names = renames(light, unified)
    del light, unified
    at = 0

    def unified_norms(df: pd.DataFrame) -> pd.DataFrame:
        nonlocal at
        df["norm"] = norms.iloc[at : at + len(df)].set_axis(df.index).astype("string")
        at += len(df)
        return df

    rewrite(job, raw, "mentions", tables.MENTIONS, unified_norms)
    return names


def rewrite(
    job: Job,
    raw: Path,
    name: str,
    columns: dict[str, str],
    change: Callable[[pd.DataFrame], pd.DataFrame],
) -> None:
    """``name``.csv and ``name``.parquet from a raw Parquet file, a row group at a time,
    each group through ``change``."""
    source = pq.ParquetFile(raw)
    with (
        tables.CsvWriter(job.out / f"{name}.csv", bom=job.bom) as csv,
        tables.ParquetWriter(job.out / f"{name}.parquet", columns) as parquet,
    ):
        if source.num_row_groups == 0:
            csv.write(tables.frame([], columns))
        for group in range(source.num_row_groups):
            df = change(source.read_row_group(group).to_pandas().astype(columns))
            csv.write(df)
            parquet.write(df)


def chunks(seq: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(seq), size):
        yield seq[i : i + size]
