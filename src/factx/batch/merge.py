"""The second pass of a run: the journal's rows, in input order, into the output tables.

Separate from :mod:`factx.batch.job` because it is what needs pandas and pyarrow (a
quarter of a second to import): the job imports it once its workers are starting, so the
import overlaps their model loading instead of delaying them or following the last batch.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import pyarrow.parquet as pq

from factx import entities, tables
from factx.batch.journal import Journal
from factx.batch.runner import corpus

if TYPE_CHECKING:
    from factx.batch.job import Job, Summary

SHOWN_ERRORS = 10


def merge(job: Job, state: Journal, order: list[str], summary: Summary) -> None:
    """Write every table from the journal, in input order, a chunk at a time."""
    raw = state.dir / "mentions.raw.parquet"
    labels: Counter[str] = Counter()
    with (
        tables.CsvWriter(job.out / "documents.csv", bom=job.bom) as documents,
        tables.CsvWriter(job.out / "errors.csv", bom=job.bom) as errors,
        tables.ParquetWriter(raw, tables.MENTIONS) as mentions,
        tables.CsvWriter(job.out / "facts.csv", bom=job.bom) as facts_csv,
        tables.ParquetWriter(job.out / "facts.parquet", tables.FACTS) as facts_parquet,
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
            facts_table = tables.frame(facts, tables.FACTS)
            facts_csv.write(facts_table)
            facts_parquet.write(facts_table)
    summary.labels = dict(sorted(labels.items()))
    try:
        finish_mentions(job, raw)
    finally:
        raw.unlink(missing_ok=True)


def finish_mentions(job: Job, raw: Path) -> None:
    """Apply the corpus-level steps, then write mentions.csv/.parquet and entities.csv.

    The corpus steps see every mention without its sentence (the bulk of a row); the
    sentences then stream from the raw file a row group at a time.
    """
    light = pd.read_parquet(raw, columns=[c for c in tables.MENTIONS if c != "sentence"])
    unified = corpus(light)
    tables.write_csv(entities.build(unified), job.out / "entities.csv", bom=job.bom)
    norms = unified["norm"].reset_index(drop=True)
    del light, unified
    source = pq.ParquetFile(raw)
    at = 0
    with (
        tables.CsvWriter(job.out / "mentions.csv", bom=job.bom) as csv,
        tables.ParquetWriter(job.out / "mentions.parquet", tables.MENTIONS) as parquet,
    ):
        if source.num_row_groups == 0:
            csv.write(tables.frame([], tables.MENTIONS))
        for group in range(source.num_row_groups):
            df = source.read_row_group(group).to_pandas()
            df["norm"] = norms.iloc[at : at + len(df)].set_axis(df.index).astype("string")
            at += len(df)
            csv.write(df)
            parquet.write(df)


def chunks(seq: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(seq), size):
        yield seq[i : i + size]
