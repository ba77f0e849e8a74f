"""Engines: where ``runner.process_many`` runs — in this process, a process pool, or Dask.

Every engine runs the same function on the same batches and hands results back in input
order, so the rows are identical whatever the engine or the number of workers. Each
worker process builds its own :class:`~factx.batch.runner.Tools` once, when it starts, and keeps
it for every batch it is given: models load once per process, never per document.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import Protocol

from factx.batch.runner import Settings, Tools
from factx.batch.threads import ONE_THREAD
from factx.batch.work import WINDOW, Batch, Result, ordered, work
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


# A pool worker's tools. Per process and set once by the initializer: this is the
# "build once per process" state itself, not a cache behind the caller's back.
_worker: tuple[Tools, Settings] | None = None


def _start_worker(config: Config, settings: Settings, parent: int) -> None:
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    _worker = (Tools(Pipelines(config)), settings)


def _exit_with(parent: int) -> None:
    """End this worker when the parent dies (kill -9 gives it no chance to stop us)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _work_in_worker(batch: Batch) -> Result:
    assert _worker is not None, "the pool initializer did not run"
    return work(batch, *_worker)


class PoolEngine:
    """Worker processes on this machine, started with spawn so that none inherits the
    parent's threads or half-initialised libraries. Each runs its math on one thread,
    unless the user set those variables: the workers are the parallelism."""

    name = "pool"

    def __init__(self, config: Config, settings: Settings, workers: int) -> None:
        self.workers = workers
        self._env = [name for name in ONE_THREAD if name not in os.environ]
        os.environ.update(dict.fromkeys(self._env, "1"))  # read by workers as they spawn
        self.pool = ProcessPoolExecutor(
            workers,
            mp_context=get_context("spawn"),
            initializer=_start_worker,
            initargs=(config, settings, os.getpid()),
        )

    def map(self, batches: Iterable[Batch]) -> Iterator[Result]:
        submit = lambda b: self.pool.submit(_work_in_worker, b)  # noqa: E731
        return ordered(submit, batches, WINDOW * self.workers)

    def close(self, abort: bool = False) -> None:
        try:
            if abort:  # do not wait for batches whose results nobody will read
                for proc in list(getattr(self.pool, "_processes", {}).values()):
                    proc.terminate()
            self.pool.shutdown(wait=True, cancel_futures=True)
        finally:
            for name in self._env:
                os.environ.pop(name, None)


def open_engine(
    kind: str,
    config: Config,
    settings: Settings,
    workers: int,
    scheduler: str | None = None,
    scheduler_timeout: float = 10,
) -> Engine:
    if kind == "dask":
        from factx.batch.dask_engine import DaskEngine  # dask loads only when asked for

        return DaskEngine(config, settings, workers, scheduler, scheduler_timeout)
    if workers <= 1:
        return LocalEngine(config, settings)
    return PoolEngine(config, settings, workers)
