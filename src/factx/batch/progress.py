"""Progress on a terminal: documents done, docs/s and ETA; nothing when not a TTY.

The bar goes to stderr, so stdout keeps only the one-line summary that scripts parse.
The total is counted up front from file names and JSONL line counts, without decoding
any text, so the ETA is known from the first batch.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from rich.console import Console


class Reporter(Protocol):
    def advance(self, done: int) -> None: ...

    def close(self) -> None: ...


class Silent:
    def advance(self, done: int) -> None:
        pass

    def close(self) -> None:
        pass


class Bar:
    """A rich progress bar over the documents of a run."""

    def __init__(self, total: int | None, console: Console | None = None) -> None:
        # rich loads here, only when a bar is shown: batch jobs off a terminal skip it.
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            ProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.text import Text

        class RateColumn(ProgressColumn):
            def render(self, task) -> Text:
                speed = task.finished_speed or task.speed
                shown = f"{speed:,.1f} docs/s" if speed else "– docs/s"
                return Text(shown, style="progress.data.speed")

        self.progress = Progress(
            TextColumn("factx"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("docs"),
            RateColumn(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=console or Console(stderr=True),
            transient=True,
        )
        self.task = self.progress.add_task("run", total=total)
        self.progress.start()

    def advance(self, done: int) -> None:
        self.progress.advance(self.task, done)

    def close(self) -> None:
        self.progress.stop()


def reporter(paths: Iterable[Path], quiet: bool) -> Reporter:
    """A bar when stderr is a terminal and not ``quiet``, else nothing at all (also when
    there is no stderr at all)."""
    if quiet or sys.stderr is None or not sys.stderr.isatty():  # None: started with 2>&-
        return Silent()
    return Bar(count(paths))


def count(paths: Iterable[Path]) -> int:
    """How many documents (and bad files) ``sources.read`` will yield, approximately."""
    total = 0
    for root in map(Path, paths):
        files = [root] if not root.is_dir() else (p for p in root.rglob("*") if p.is_file())
        for path in files:
            if root.is_dir() and any(p.startswith(".") for p in path.relative_to(root).parts):
                continue
            total += _lines(path) if path.suffix.lower() == ".jsonl" else 1
    return total


def _lines(path: Path) -> int:
    try:
        with open(path, "rb") as fh:
            return sum(1 for line in fh if line.strip())
    except OSError:
        return 1
