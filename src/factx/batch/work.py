"""What every engine runs: one batch through ``runner.process_many``, results kept in order.

The local pool and the Dask engine both import from here, and from nothing else in this
package, so the engines never import each other.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from typing import Any

from factx.batch.runner import Rows, Settings, Tools, process_many, rows
from factx.model import DocError, Document


class EngineError(RuntimeError):
    """An engine that cannot start (a scheduler out of reach): one line for the user."""


Item = Document | DocError
Batch = list[Item]
Result = tuple[list[Rows], dict[str, Any]]
# Batches in flight per worker: enough that a slow batch at the head of the line (results
# are taken in order) leaves the other workers something to do, few enough to keep memory flat.
WINDOW = 4


def work(batch: Batch, tools: Tools, settings: Settings) -> Result:
    """One batch through ``process``: its rows in order, and the models that made them."""
    return [rows(r) for r in process_many(batch, tools, settings)], tools.models()


def ordered(
    submit: Callable[[Batch], Future], batches: Iterable[Batch], window: int
) -> Iterator[Result]:
    """Results in submission order, with at most ``window`` batches in flight, so that
    memory holds a few batches however long the input is."""
    pending: deque[Future] = deque()
    try:
        for batch in batches:
            pending.append(submit(batch))
            while len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
