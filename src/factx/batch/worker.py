"""The parent's handle on one worker process of :mod:`factx.batch.pool`, and the tasks
it hands out.

Split from the pool so that the pipes and process of one worker (start, tell to leave,
stop or kill) sit apart from the scheduling of many: the pool decides which task goes
where and when a worker is over budget; a :class:`Worker` only owns its process.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from factx.batch.runner import Rows, Settings
from factx.batch.work import Batch
from factx.pipeline import Config


@dataclass
class Job:
    """One submitted batch: its rows, filled in as its tasks come back."""

    rows: list[Rows | None]
    models: dict[str, Any] = field(default_factory=dict)
    pending: int = 1


@dataclass(frozen=True)
class Task:
    job: Job
    offset: int  # of its first document in the job's batch
    items: Batch


class Worker:
    """One child process running :func:`factx.batch.serve.serve`, and the task it is on."""

    def __init__(self, config: Config, settings: Settings, langs: tuple[str, ...] = ()) -> None:
        down_r, down_w = os.pipe()
        up_r, up_w = os.pipe()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "factx.batch.pool", str(down_r), str(up_w)],
            pass_fds=(down_r, up_w),  # the environment is inherited: see batch/threads.py
            start_new_session=True,  # Ctrl-C is the parent's to handle, even during imports
        )
        os.close(down_r)
        os.close(up_w)
        self.down = Connection(down_w, readable=False)
        self.up = Connection(up_r, writable=False)
        self.task: Task | None = None
        self.deadline = float("inf")
        self.started = False  # has its task begun (its models built)?
        self.leaving = False
        self.down.send((config, settings, os.getpid(), langs))

    def leave(self) -> None:
        """Tell the worker to exit once its batch is done, without waiting for it."""
        if not self.leaving:
            self.leaving = True
            with contextlib.suppress(OSError):
                self.down.send(None)

    def stop(self, kill: bool = False) -> int | None:
        if kill:
            self.proc.kill()
        else:
            self.leave()
        try:
            code = self.proc.wait(timeout=None if kill else 10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = self.proc.wait()
        self.down.close()
        self.up.close()
        return code
