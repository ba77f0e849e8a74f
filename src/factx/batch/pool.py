"""Worker processes that can be stopped: a time budget per document, a memory ceiling per
worker.

A model cannot be interrupted — a tagger stuck in C code for an hour ignores signals and
exceptions — so the only way to end a document over its budget is to end the process
running it. Each worker is therefore a child process started with ``subprocess`` (which,
unlike multiprocessing, also works inside a daemonic Dask worker), fed batches over a
pipe, one at a time. This process keeps the clock:

- a batch gets ``doc_timeout`` seconds from the moment its worker has built the models
  for its languages (loading a model is not the document's fault). A batch over budget
  has its worker killed and replaced, and runs again a document at a time, so that only
  the document at fault becomes an errors.csv row; the others give the rows they would
  have given anyway, since a batch gives what each of its documents gives alone;
- a worker that dies (out of memory, a crash in a C extension) is treated the same way;
- a worker whose resident memory is over ``max_worker_memory`` MB after a batch is ended
  and replaced by a fresh one (caches such as spaCy's StringStore only grow).

Start-up is most of what a second worker costs, so it overlaps everything it can: the
workers can be started before the first batch is ready (:meth:`Pool.start`; then
:meth:`Pool.resize` once the job's size is known), a worker builds the pipelines of the
languages it is told of as soon as it is up, before any batch reaches it, and none
imports pandas (the tables are the parent's business). A worker told to stop leaves at
once, skipping the interpreter's teardown of its models.

Results come back in submission order, so the rows are the same as from any other engine.
One worker's process and pipes are :mod:`factx.batch.worker`; what runs inside it is
:mod:`factx.batch.serve`; this module schedules tasks over the workers and keeps the clock.
"""

from __future__ import annotations

import os
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection, wait

from factx.batch.runner import Rows, Settings, rows
from factx.batch.serve import serve
from factx.batch.work import WINDOW, Batch, EngineError, Result
from factx.batch.worker import Job, Task, Worker
from factx.model import DocError, Document
from factx.pipeline import Config

# Workers that die before finishing a single batch this many times in a row are broken
# (a missing package, a bad environment), not unlucky: the run stops instead of looping.
MAX_FAILED_STARTS = 3
# The smallest task the tail of a run is cut into (see tapered).
TAPER_MIN = 2


class WorkerError(EngineError):
    """Worker processes keep dying before they finish anything."""


def over_budget(item: Document | DocError, seconds: float) -> Rows:
    if isinstance(item, DocError):
        return rows(item)
    why = (
        f"took longer than {seconds:g} s; split it or raise --doc-timeout "
        f"(add --force to retry it in the same --out)"
    )
    return rows(DocError(item.source, why, item.id))


def died(item: Document | DocError, code: int | None) -> Rows:
    if isinstance(item, DocError):
        return rows(item)
    why = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
    return rows(DocError(item.source, f"the worker running it died ({why}; out of memory?); "
                         f"split it, or give the workers more memory", item.id))  # fmt: skip


def tapered(queue: Iterable[Task], workers: int, running: int = 0) -> list[Task]:
    """The tasks still queued once the input is all read, cut smaller towards the end;
    ``running``: how many tasks the workers are on.

    A worker that takes the last whole batch runs on alone while the others have nothing
    left to do: on two workers, half a batch of idle core at the end of every run. Cut
    as in guided self-scheduling (a task at most the queued documents left over twice
    the workers), the last tasks are small and the workers finish close together; the
    earlier ones keep their size, since each task costs a round trip and a batch runs
    its model faster than its documents one by one. A task never spans two submitted
    batches, and no piece is cut off under TAPER_MIN documents (a shorter rest stays
    with the piece before it). A queue that idle workers take in one go is left whole.
    A task's rows are those of its documents alone, so the cut changes no row."""
    tasks = list(queue)
    if workers < 2 or len(tasks) + running <= workers:
        return tasks
    left = sum(len(task.items) for task in tasks)
    out = []
    for task in tasks:
        at = 0
        while at < len(task.items):
            size = max(TAPER_MIN, -(-left // (2 * workers)))
            if len(task.items) - (at + size) < TAPER_MIN:
                size = len(task.items) - at
            out.append(Task(task.job, task.offset + at, task.items[at : at + size]))
            at += size
            left -= size
            task.job.pending += 1
        task.job.pending -= 1
    return out


class Pool:
    """Up to ``size`` workers; batches in, results out in submission order. Each worker
    builds the pipelines of ``langs`` (the run's --lang) as soon as it starts."""

    def __init__(
        self, config: Config, settings: Settings, size: int, langs: tuple[str, ...] = ()
    ) -> None:
        self.config, self.settings, self.size, self.langs = config, settings, size, langs
        self.workers: list[Worker] = []
        self.queue: deque[Task] = deque()
        self.failed_starts = 0

    def start(self) -> None:
        """Start every worker now, rather than when the first batches are handed out, so
        that their imports and models load while this process is still busy."""
        while len(self.workers) < self.size:
            self.workers.append(Worker(self.config, self.settings, self.langs))

    def resize(self, size: int) -> None:
        """``size`` workers from now on: idle ones beyond it are killed (they hold
        nothing but models), missing ones start."""
        self.size = size
        extra = max(len(self.workers) - size, 0)
        for worker in [w for w in self.workers if w.task is None][:extra]:
            self.workers.remove(worker)
            worker.stop(kill=True)
        self.start()

    def map(self, batches: Iterable[Batch], window: int | None = None) -> Iterator[Result]:
        """The result of each batch, in order, with at most ``window`` batches in flight."""
        window = window or WINDOW * self.size
        jobs: deque[Job] = deque()
        todo = iter(batches)
        more = True
        while True:
            while more and len(jobs) < window:
                batch = next(todo, None)
                if batch is None:
                    more = False
                    running = sum(w.task is not None for w in self.workers)
                    self.queue = deque(tapered(self.queue, self.size, running))
                    break
                jobs.append(Job([None] * len(batch)))
                self.queue.append(Task(jobs[-1], 0, batch))
            if not jobs:
                return
            while jobs and jobs[0].pending == 0:
                job = jobs.popleft()
                yield [r for r in job.rows if r is not None], job.models
            if jobs:
                self.step()

    def run(self, batch: Batch) -> Result:
        return next(iter(self.map([batch], 1)))

    def step(self) -> None:
        """Hand out queued tasks, then wait for one message or deadline and deal with it,
        and hand out tasks again: a worker that has just sent its rows gets its next task
        at once, not after this process has committed them and written its tables (a
        twentieth of a second when a chunk of the tables is due)."""
        if not self._hand_out():
            return
        busy = [w for w in self.workers if w.task is not None]
        if not busy:
            return
        now = time.monotonic()
        timeout = max(min(w.deadline for w in busy) - now, 0)
        ready = wait([w.up for w in busy], timeout=None if timeout == float("inf") else timeout)
        for worker in [w for w in busy if w.up in ready]:
            try:
                message = worker.up.recv()
            except (EOFError, OSError):
                self._lost(worker, killed=False)
                continue
            self._receive(worker, message)
        now = time.monotonic()
        for worker in [w for w in busy if w.task is not None and w.deadline <= now]:
            self._lost(worker, killed=True)
        self._hand_out()

    def _hand_out(self) -> bool:
        """A queued task to each idle worker; False if one of them turned out dead."""
        while self.queue and (idle := self._idle()) is not None:
            idle.task, idle.deadline = self.queue.popleft(), float("inf")
            idle.started = False
            try:
                idle.down.send(idle.task.items)
            except OSError:
                self._lost(idle, killed=False)
                return False
        return True

    def _idle(self) -> Worker | None:
        for worker in self.workers:
            if worker.task is None:
                return worker
        if len(self.workers) < self.size:
            self.workers.append(Worker(self.config, self.settings, self.langs))
            return self.workers[-1]
        return None

    def _receive(self, worker: Worker, message: tuple) -> None:
        task = worker.task
        assert task is not None
        if message[0] == "raise":  # not a document's fault (those are rows): the run's
            raise message[1]
        if message[0] == "start":  # models built: the document's own time begins
            worker.started = True
            worker.deadline = time.monotonic() + self.settings.doc_timeout
            if self.settings.doc_timeout <= 0:
                worker.deadline = float("inf")
            return
        _, (found, models), rss = message
        task.job.rows[task.offset : task.offset + len(found)] = found
        task.job.models.update(models)
        task.job.pending -= 1
        worker.task = None
        self.failed_starts = 0
        if rss > self.settings.max_worker_memory * 2**20:
            self.workers.remove(worker)
            worker.stop()

    def _lost(self, worker: Worker, killed: bool) -> None:
        """A worker over its budget (``killed``) or dead: replace it, and split its task."""
        task, worker.task = worker.task, None
        assert task is not None
        self.workers.remove(worker)
        code = worker.stop(kill=killed)
        # Only a worker that dies before its task begins is a failed start: one that a
        # document kills (with or without a time budget) has built its models fine.
        if not killed and not worker.started:
            self.failed_starts += 1
            if self.failed_starts >= MAX_FAILED_STARTS:
                raise WorkerError(
                    f"worker processes keep dying (exit code {code}) before finishing a "
                    f"batch; see the messages above, or run with --workers 1 --doc-timeout 0"
                )
        if len(task.items) > 1:  # again, a document at a time, ahead of the rest
            task.job.pending += len(task.items) - 1
            self.queue.extendleft(
                Task(task.job, task.offset + i, [item])
                for i, item in reversed(list(enumerate(task.items)))
            )
            return
        (item,) = task.items
        budget = self.settings.doc_timeout
        task.job.rows[task.offset] = over_budget(item, budget) if killed else died(item, code)
        task.job.pending -= 1

    def leave(self) -> None:
        """Tell every worker to exit, without waiting: a process holding its models takes
        a tenth of a second or more to go, which they then spend together, while this
        process does something else (writes the tables)."""
        for worker in self.workers:
            worker.leave()

    def close(self, abort: bool = False) -> None:
        if not abort:
            self.leave()
        for worker in self.workers:
            worker.stop(kill=abort)
        self.workers.clear()


if __name__ == "__main__":
    serve(
        Connection(int(sys.argv[1]), writable=False), Connection(int(sys.argv[2]), readable=False)
    )
    # Nothing is left to save, and tearing down the models' objects one by one takes a
    # fifth of a second that the parent, waiting for this exit, would add to the run.
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:  # a parent started with >&- or 2>&- passes none
            stream.flush()
    os._exit(0)
