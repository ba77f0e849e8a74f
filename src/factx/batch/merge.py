"""The second pass of a run: the journal's rows, in input order, into the output tables.

Separate from :mod:`factx.batch.job` because it is what needs pandas and pyarrow (a
quarter of a second to import): the job imports it once its workers are starting, so the
import overlaps their model loading instead of delaying them or following the last batch.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from factx import entities, tables
from factx.batch.journal import Journal
from factx.batch.runner import corpus
from factx.link.corpus import Renames, renames, with_corpus_norms

if TYPE_CHECKING:
    from factx.batch.job import Job, Summary

SHOWN_ERRORS = 10


def merge(job: Job, state: Journal, order: list[str], summary: Summary) -> None:
    """Write every table from the journal, in input order, a chunk at a time."""
    with Merger(job, state, summary) as merger:
        merger.upto(order, len(order), last=True)
    merger.finish()


class Merger:
    """The tables, written while the documents are still running: as soon as the rows of
    a stretch of the input order are all committed, documents.csv, errors.csv and the raw
    mentions and facts grow by them, a chunk at a time, so the tables wait for little
    after the last batch. A context manager: leaving the block normally publishes those
    files, an exception discards them; :meth:`finish` then applies the corpus-wide step
    and writes mentions.csv/.parquet, entities.csv and facts.csv/.parquet.

    Rows come from the journal even when they were just computed, and the chunks are
    the same however the run was cut, so a resumed run writes the same bytes.
    """

    def __init__(self, job: Job, state: Journal, summary: Summary) -> None:
        self.job, self.state, self.summary = job, state, summary
        self.raw = state.dir / "mentions.raw.parquet"
        self.raw_facts = state.dir / "facts.raw.parquet"
        self.labels: Counter[str] = Counter()
        self.done = 0  # keys of the input order written so far
        self.size = max(job.chunk_size, 256)
        self._files = ExitStack()

    def __enter__(self) -> Merger:
        job, files = self.job, self._files
        self.documents = files.enter_context(
            tables.CsvWriter(job.out / "documents.csv", bom=job.bom)
        )
        self.errors = files.enter_context(tables.CsvWriter(job.out / "errors.csv", bom=job.bom))
        self.mentions = files.enter_context(tables.ParquetWriter(self.raw, tables.MENTIONS))
        self.facts = files.enter_context(tables.ParquetWriter(self.raw_facts, tables.FACTS))
        return self

    def __exit__(self, *exc: object) -> bool | None:
        return self._files.__exit__(*exc)

    def upto(self, order: list[str], end: int, last: bool = False) -> None:
        """``order[:end]`` is committed: write every whole chunk of it not yet written,
        and with ``last`` (the whole order) the shorter chunk that ends it."""
        while self.done + self.size <= end or (last and self.done < end):
            self._write(order[self.done : min(self.done + self.size, end)])

    def _write(self, keys: list[str]) -> None:
        summary = self.summary
        docs, errs, ments, facts = [], [], [], []
        for key in keys:
            rows = self.state.rows(key)
            if rows.error:
                errs.append(rows.error)
                if len(summary.first_errors) < SHOWN_ERRORS:
                    summary.first_errors.append((rows.error[0], rows.error[2]))
            else:
                docs.append(rows.document)
                ments.extend(rows.mentions)
                facts.extend(rows.facts)
                summary.split += rows.pieces > 1
        self.labels.update(m[3] for m in ments)
        summary.documents += len(docs)
        summary.errors += len(errs)
        summary.mentions += len(ments)
        summary.facts += len(facts)
        self.documents.write(tables.arrow_table(docs, tables.DOCUMENTS))
        self.errors.write(tables.arrow_table(errs, tables.ERRORS))
        self.mentions.write(tables.arrow_table(ments, tables.MENTIONS))
        self.facts.write(tables.arrow_table(facts, tables.FACTS))
        self.done += len(keys)

    def finish(self) -> None:
        """The corpus-wide step, mentions.csv/.parquet and entities.csv, then the facts
        with their holders' corpus norms."""
        self.summary.labels = dict(sorted(self.labels.items()))
        try:
            names = finish_mentions(self.job, self.raw)
            finish_facts(self.job, self.raw_facts, names)
        finally:
            self.raw.unlink(missing_ok=True)
            self.raw_facts.unlink(missing_ok=True)


def finish_facts(job: Job, raw: Path, names: Renames) -> None:
    """Write facts.csv/.parquet from the raw file, with the holders' corpus norms."""

    def holders(table: pa.Table) -> pa.Table:  # a few facts per article: pandas will do
        df = with_corpus_norms(table.to_pandas().astype(tables.FACTS), names)
        return pa.Table.from_pandas(df, schema=table.schema, preserve_index=False)

    rewrite(job, raw, "facts", tables.FACTS, holders)


def finish_mentions(job: Job, raw: Path) -> Renames:
    """Apply the corpus-level steps, then write mentions.csv/.parquet and entities.csv;
    returns the norms the corpus steps changed, for the facts' holders.

    The corpus steps see every mention without its sentence (the bulk of a row); the
    sentences then stream from the raw file a row group at a time, in Arrow, with only
    the norm column replaced.
    """
    light = pd.read_parquet(raw, columns=[c for c in tables.MENTIONS if c != "sentence"])
    unified = corpus(light)
    tables.write_csv(entities.build(unified), job.out / "entities.csv", bom=job.bom)
    # Arrow, not Python strings: sliced per row group below without a copy.
    kind = tables.arrow_schema(tables.MENTIONS).field("norm").type
    norms = pa.array(unified["norm"], type=kind, from_pandas=True)
    names = renames(light, unified)
    del light, unified
    at = 0

    def unified_norms(table: pa.Table) -> pa.Table:
        nonlocal at
        i = table.schema.get_field_index("norm")
        column = norms.slice(at, len(table))
        at += len(table)
        return table.set_column(i, table.schema.field(i), column)

    rewrite(job, raw, "mentions", tables.MENTIONS, unified_norms)
    return names


def rewrite(
    job: Job,
    raw: Path,
    name: str,
    columns: dict[str, str],
    change: Callable[[pa.Table], pa.Table],
) -> None:
    """``name``.csv and ``name``.parquet from a raw Parquet file, a row group at a time,
    each group through ``change``."""
    source = pq.ParquetFile(raw)
    with (
        tables.CsvWriter(job.out / f"{name}.csv", bom=job.bom) as csv,
        tables.ParquetWriter(job.out / f"{name}.parquet", columns) as parquet,
    ):
        if source.num_row_groups == 0:
            csv.write(tables.arrow_table([], columns))
        for group in range(source.num_row_groups):
            table = change(source.read_row_group(group))
            csv.write(table)
            parquet.write(table)
