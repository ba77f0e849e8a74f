"""The Dask engine: the same batches and ``runner.process_many`` on a dask.distributed cluster.

Without a scheduler address it starts a LocalCluster of single-threaded worker processes
(extractor models are not thread-safe, and the GIL would serialise them anyway). With one,
it joins that cluster; its workers need factx and the same plugins installed, since the
pipeline config travels with the job but code does not.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator

from dask.distributed import Client, LocalCluster, WorkerPlugin, get_worker

from factx.batch.pool import Pool
from factx.batch.runner import Settings, Tools
from factx.batch.work import WINDOW, Batch, EngineError, Result, ordered, work
from factx.pipeline import Config, Pipelines

PLUGIN = "factx-tools"


class ToolsPlugin(WorkerPlugin):
    """Builds a worker's Tools once, when the worker joins, and keeps them for every task.

    With a time budget the models live instead in one child process of the worker
    (:class:`factx.batch.pool.Pool`), which can be killed when a document overruns, and
    recycled when it grows past the memory ceiling, exactly as on the local engine.
    """

    def __init__(self, config: Config, settings: Settings) -> None:
        self.config = config
        self.settings = settings
        self.tools: Tools | None = None
        self.pool: Pool | None = None

    def setup(self, worker) -> None:
        self.lock = threading.Lock()  # one batch at a time, even on a worker of many threads
        if self.settings.doc_timeout > 0:
            self.pool = Pool(self.config, self.settings, 1)
        else:
            self.tools = Tools(Pipelines(self.config))

    def teardown(self, worker) -> None:
        if self.pool is not None:
            self.pool.close()


def _work_on_worker(batch: Batch) -> Result:
    plugin = get_worker().plugins[PLUGIN]
    if plugin.pool is None:
        return work(batch, plugin.tools, plugin.settings)
    with plugin.lock:
        return plugin.pool.run(batch)


def connect(scheduler: str, timeout: float) -> Client:
    """A client of a running scheduler, or one line saying it is not there: dask's own
    error is a long traceback after its 30 s default."""
    try:
        return Client(scheduler, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise EngineError(
            f"cannot reach the Dask scheduler at {scheduler} within {timeout:g} s: {reason}; "
            f"start one with `dask scheduler`, raise --scheduler-timeout, or drop --scheduler"
        ) from None


class DaskEngine:
    name = "dask"

    def __init__(
        self,
        config: Config,
        settings: Settings,
        workers: int,
        scheduler: str | None,
        timeout: float = 10,
    ) -> None:
        self.cluster = None
        if scheduler:
            self.client = connect(scheduler, timeout)
        else:
            self.cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            self.client = Client(self.cluster)
        self.client.register_plugin(ToolsPlugin(config, settings), name=PLUGIN)
        self.workers = max(sum(self.client.nthreads().values()), 1)

    def map(self, batches: Iterable[Batch]) -> Iterator[Result]:
        submit = lambda b: self.client.submit(_work_on_worker, b, pure=False)  # noqa: E731
        return ordered(submit, batches, WINDOW * self.workers)

    def close(self, abort: bool = False) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
