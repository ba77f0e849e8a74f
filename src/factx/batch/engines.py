"""Engines: where ``runner.process_many`` runs — in this process, a process pool, or Dask.

Every engine runs the same function on the same batches and hands results back in input
order, so the rows are identical whatever the engine or the number of workers. Each
worker process builds its own :class:`~factx.batch.runner.Tools` once, when it starts, and keeps
it for every batch it is given: models load once per process, never per document.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Protocol

from factx.batch.pool import Pool
from factx.batch.runner import Settings, Tools
from factx.batch.work import Batch, Result, work
from factx.pipeline import Config, Pipelines


class Engine(Protocol):
    name: str
    workers: int

    def map(self, batches: Iterable[Batch]) -> Iterator[Result]: ...

    def close(self, abort: bool = False) -> None: ...


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class LocalEngine:
    """This process: no start-up cost, the right choice for one worker or a small job."""

    name = "local"
    workers = 1

    def __init__(self, config: Config, settings: Settings) -> None:
        self.tools = Tools(Pipelines(config))
        self.settings = settings

    def map(self, batches: Iterable[Batch]) -> Iterator[Result]:
        for batch in batches:
            yield work(batch, self.tools, self.settings)

    def close(self, abort: bool = False) -> None:
        pass


class PoolEngine:
    """Worker processes on this machine (:mod:`factx.batch.pool`), which a time budget can
    kill: one even for a single worker. They start at once, and build the pipelines of
    ``langs`` (the run's --lang) before the first batch reaches them."""

    name = "pool"

    def __init__(
        self, config: Config, settings: Settings, workers: int, langs: tuple[str, ...] = ()
    ) -> None:
        self.workers = workers
        self.pool = Pool(config, settings, workers, langs)
        self.pool.start()

    def resize(self, workers: int, langs: tuple[str, ...] = ()) -> None:
        """``workers`` workers: those missing start now, those too many (started before
        the job's size was known) are ended; every worker started from here on builds
        ``langs`` too."""
        self.workers = workers
        self.pool.langs = tuple(sorted({*self.pool.langs, *langs}))
        self.pool.resize(workers)

    def map(self, batches: Iterable[Batch]) -> Iterator[Result]:
        yield from self.pool.map(batches)
        # Every batch is done: the workers exit while the caller commits and writes.
        self.pool.leave()

    def close(self, abort: bool = False) -> None:
        self.pool.close(abort)


def start_first(
    kind: str, config: Config, settings: Settings, workers: int, lang: str | None
) -> PoolEngine | None:
    """A pool whose workers are starting, for a run that needs worker processes whatever
    its size (the local engine with a time budget), before the inputs are even read; a
    job that turns out to fit in one batch ends the others (:meth:`PoolEngine.resize`).
    None when the engine itself depends on the job's size: :func:`open_engine` decides."""
    if kind != "local" or settings.doc_timeout <= 0:
        return None
    return PoolEngine(config, settings, workers, (lang,) if lang else ())


@contextmanager
def killed_on_error(engine: Engine | None) -> Iterator[None]:
    """The block; if it raises (a bad setting, a locked folder, Ctrl-C), ``engine``'s
    workers are killed on the way out."""
    try:
        yield
    except BaseException:
        if engine is not None:
            engine.close(abort=True)
        raise


def open_engine(
    kind: str,
    config: Config,
    settings: Settings,
    workers: int,
    scheduler: str | None = None,
    scheduler_timeout: float = 10,
    langs: tuple[str, ...] = (),
) -> Engine:
    """The engine for ``kind``; its workers (on this machine) start loading their models,
    those of ``langs`` included, before it returns."""
    if kind == "dask":
        from factx.batch.dask_engine import DaskEngine  # dask loads only when asked for

        return DaskEngine(config, settings, workers, scheduler, scheduler_timeout)
    if workers <= 1 and settings.doc_timeout <= 0:
        return LocalEngine(config, settings)
    return PoolEngine(config, settings, workers, langs)
