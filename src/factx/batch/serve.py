"""The child side of :mod:`factx.batch.pool`: what runs inside one worker process.

Split from the pool because the two sides never share a process: this module builds the
tools once, warms the pipelines of the languages it is told of (so a batch's clock starts
after model loading), runs each batch sent over the pipe and reports its resident memory,
and ends itself when the parent dies. It imports no pandas. The worker is still started
as ``python -m factx.batch.pool``, which calls :func:`serve`.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import resource
import threading
import time
from collections.abc import Iterable
from multiprocessing.connection import Connection

from factx.batch.runner import Tools
from factx.batch.work import work
from factx.model import Document
from factx.pipeline import Pipelines

# Allocations between two collections of the youngest generation in a worker (see warm).
YOUNG = 50_000


def resident_bytes() -> int:
    """This process's resident memory now (Linux), else its peak."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def warm(langs: Iterable[str | None], tools: Tools) -> None:
    """Build the pipelines of these languages, before a batch's clock starts.

    A pipeline is some hundred thousand objects that live as long as the worker (models,
    word tables, compiled patterns). Python's cyclic collector would look through them
    all again at every full collection, which the regex compiles and the documents' small
    objects set off: a fifth of a second of a worker's first batches. So the collector is
    off while they are built, and what was built is then frozen (``gc.freeze``: left out
    of every later collection), as long-lived servers do after start-up. A batch then
    allocates its objects by the hundred thousand, nearly all freed by reference counting
    alone, so the youngest generation is collected once YOUNG more objects are tracked
    than freed rather than 700, which halves what the collector still costs a batch
    (0.09 s to 0.04 s CPU over 122 FactRuEval articles); the same objects are freed.
    """
    new = [lang for lang in dict.fromkeys(langs) if lang and not tools.built(lang)]
    if not new:
        return
    enabled = gc.isenabled()
    gc.disable()
    try:
        for lang in new:
            with contextlib.suppress(Exception):  # reported per document by process()
                tools.pipeline(lang)
    finally:
        # Only what was built is frozen: a language that failed (no pipeline for it) is
        # tried again with each batch, and would freeze that batch's garbage for good.
        if any(tools.built(lang) for lang in new):
            gc.freeze()
            young, middle, oldest = gc.get_threshold()
            gc.set_threshold(max(YOUNG, young), middle, oldest)
        if enabled:
            gc.enable()


def serve(down: Connection, up: Connection) -> None:
    """A worker: build the tools once (the languages it is told of right away), then run
    each batch sent until told to stop."""
    config, settings, parent, langs = down.recv()
    threading.Thread(target=exit_with, args=(parent,), daemon=True).start()
    tools = Tools(Pipelines(config))
    warm(langs, tools)
    while (batch := down.recv()) is not None:
        warm((item.lang for item in batch if isinstance(item, Document)), tools)
        up.send(("start",))
        try:
            result = work(batch, tools, settings)
        except Exception as exc:  # a setting (BuildError), not a document: ends the run
            up.send(("raise", portable(exc)))
            continue
        up.send(("done", result, resident_bytes()))


def portable(exc: Exception) -> Exception:
    """``exc`` if it survives pickling, else a RuntimeError saying what it was."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


def exit_with(parent: int) -> None:
    """End this worker when the parent dies (kill -9 gives it no chance to stop us)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)
