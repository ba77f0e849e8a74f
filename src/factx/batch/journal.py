"""Resume state under DIR/.factx: which documents are done, and their rows.

Work is committed batch by batch: one line per batch, naming its documents and holding
their rows, is appended to the journal and fsynced (one write and one fsync a batch: the
cost of durability is paid once). A crash at any moment (Ctrl-C, kill -9, power loss)
therefore loses at most the batches in flight, and never leaves a half-recorded one: a
line torn by a crash is cut off when the journal is next opened. Every run, interrupted or not,
takes its output rows from these parts, so a resumed run writes the same bytes as an
uninterrupted one.

A document is known by a content hash of everything its rows depend on (id, source,
language, date, text) under the run's fingerprint (factx version, pipeline file,
settings), so an edited file is processed again and an untouched one is reused. Rows
are JSON, not pickle: an output folder someone hands you cannot run code.

A line is ``{"keys": [...], "models": {...}}``, a tab, then the rows as a JSON list (JSON
escapes every tab inside it), so opening the journal decodes only the small head of each
line, and a document's rows are read back on demand, a few lines at a time, by offset.
The rows are written as UTF-8, not ``\\u`` escapes: a Cyrillic or Vietnamese text takes
half the bytes to write, fsync and parse.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from factx import columns, files, registry
from factx.batch.runner import Rows, Settings
from factx.link import GROUP as LINKERS
from factx.model import DocError, Document
from factx.pipeline import Config

STATE = ".factx"
JOURNAL = "journal.jsonl"
META = "meta.json"
CACHED_LINES = 4
# The layout of the files under .factx; state written in another layout is started over.
FORMAT = 3  # 3: each row carries its facts


class StateError(RuntimeError):
    """The resume state cannot be used; the message says what to do."""


def fingerprint(config: Config, settings: Settings) -> str:
    """What, besides a document itself, its rows depend on."""
    from factx import __version__  # here: factx/__init__ imports modules that import this

    names = {spec.name for specs in config.languages.values() for spec in specs}
    eps = registry.installed()
    linkers = {spec.name for specs in config.linkers.values() for spec in specs}
    names |= linkers
    eps |= {n: ep for n, ep in registry.installed(LINKERS).items() if n in linkers}
    # One read of each distribution's metadata: ``dist.name`` and ``dist.version`` parse
    # the whole file on every call, and every built-in plugin names the same distribution.
    packages: dict[int, str] = {}
    for ep in (eps[n] for n in names if n in eps):
        if ep.dist is not None and id(ep.dist) not in packages:
            meta = ep.dist.metadata
            packages[id(ep.dist)] = f"{meta['Name']} {meta['Version']}"
    plugins = {
        n: packages[id(eps[n].dist)] if n in eps and eps[n].dist else None for n in sorted(names)
    }
    data = {
        "factx": __version__,
        "pipeline": config.path.read_text(encoding="utf-8"),
        "settings": [settings.max_chars, settings.too_long],
        "plugins": plugins,
        "state": FORMAT,
        "columns": list(columns.MENTIONS),  # rows written with other columns don't fit
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:32]


def item_key(item: Document | DocError, run: str) -> str:
    h = hashlib.blake2b(run.encode(), digest_size=16)
    if isinstance(item, DocError):
        h.update(json.dumps(["error", item.source, item.doc_id, item.error]).encode())
    else:
        date = item.date.isoformat() if item.date else None
        meta = ["doc", item.id, item.source, item.lang, date, item.body_start, len(item.text)]
        h.update(json.dumps(meta).encode())
        h.update(item.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


class Journal:
    """The done documents of one output folder. Only one run may hold it at a time."""

    def __init__(self, out: Path, run: str, *, force: bool = False) -> None:
        self.dir = out / STATE
        self.run = run
        self.restarted = False
        self.dir.mkdir(parents=True, exist_ok=True)
        self._lock = open(self.dir / "lock", "a")  # noqa: SIM115 (held until close)
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.close()
            raise StateError(
                f"another factx run is writing to {out}; wait for it, or pick another --out"
            ) from None
        meta = self.dir / META
        if force:
            self._clear()
        elif meta.exists() and self._stored_run(meta) != run:
            self._clear()
            self.restarted = True
        with files.atomic(meta) as fh:
            json.dump({"run": run}, fh)
        # key → (offset, length) of the journal line that holds its rows.
        self.index: dict[str, tuple[int, int]] = {}
        self.models: dict[str, Any] = {}
        self._load()
        self._journal = open(self.dir / JOURNAL, "ab")  # noqa: SIM115 (held until close)
        self._cache: OrderedDict[int, dict[str, Rows]] = OrderedDict()

    def __contains__(self, key: str) -> bool:
        return key in self.index

    def __len__(self) -> int:
        return len(self.index)

    def commit(self, batch: list[tuple[str, Rows]], models: dict[str, Any]) -> None:
        """Make ``batch`` durable: one journal line with its keys and rows, fsynced."""
        new = {k: v for k, v in models.items() if k not in self.models}
        head = json.dumps({"keys": [k for k, _ in batch], "models": new})
        body = json.dumps(
            [[k, r.document, r.error, r.mentions, r.pieces, r.facts] for k, r in batch],
            ensure_ascii=False,
        )
        # surrogatepass: json.loads reads it back so, and a path may hold one (os.fsdecode)
        line = b"%s\t%s\n" % (head.encode(), body.encode("utf-8", "surrogatepass"))
        offset = self._journal.tell()
        self._journal.write(line)
        self._journal.flush()
        os.fsync(self._journal.fileno())
        self.models.update(new)
        self.index.update((k, (offset, len(line))) for k, _ in batch)

    def rows(self, key: str) -> Rows:
        """The stored rows of a done document (lines are read a few at a time, on demand)."""
        offset, length = self.index[key]
        if offset not in self._cache:
            if len(self._cache) >= CACHED_LINES:
                self._cache.popitem(last=False)
            try:
                self._cache[offset] = self._read_line(offset, length)
            except (OSError, ValueError, TypeError) as exc:
                raise StateError(
                    f"the resume state in {self.dir} is damaged ({JOURNAL} at byte {offset}: "
                    f"{exc}); run again with --force to start over"
                ) from exc
        self._cache.move_to_end(offset)
        return self._cache[offset][key]

    def prune(self, live: set[str]) -> None:
        """Forget the lines no current document uses, so state does not grow run after run."""
        lines = list(self._lines())
        keep = [(offset, n) for offset, n, head in lines if live.intersection(head["keys"])]
        if len(keep) == len(lines):
            return
        self._journal.close()
        with open(self.dir / JOURNAL, "rb") as old, files.atomic(self.dir / JOURNAL, "wb") as fh:
            for i, (offset, length) in enumerate(keep):
                old.seek(offset)
                raw = old.read(length)
                if i == 0:  # the models named by dropped lines, for a later run's run.json
                    tab = raw.index(b"\t")
                    head = {**json.loads(raw[:tab]), "models": self.models}
                    raw = json.dumps(head).encode() + raw[tab:]
                fh.write(raw)
        self._journal = open(self.dir / JOURNAL, "ab")  # noqa: SIM115 (held until close)
        self.index = {}  # the kept lines moved; the models seen stay known for run.json
        self._load()
        self._cache.clear()

    def close(self) -> None:
        self._journal.close()
        self._lock.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @staticmethod
    def _stored_run(meta: Path) -> str | None:
        try:
            return json.loads(meta.read_text(encoding="utf-8")).get("run")
        except (OSError, ValueError, AttributeError):
            return None  # unreadable: treated as another run's state

    def _lines(self) -> Iterator[tuple[int, int, dict[str, Any]]]:
        """Offset, length and decoded head of each whole line, a line at a time (the journal
        holds every row of the run); a line torn by a crash is cut off."""
        path = self.dir / JOURNAL
        if not path.exists():
            return
        offset = 0
        with open(path, "rb") as fh:
            for raw in fh:
                if not raw.endswith(b"\n"):  # torn by a crash: drop it
                    os.truncate(path, offset)
                    return
                head = None
                with contextlib.suppress(ValueError):  # not a line of this layout: skipped
                    head = json.loads(raw[: raw.index(b"\t")])
                keys = head.get("keys") if isinstance(head, dict) else None
                if isinstance(keys, list) and all(isinstance(k, str) for k in keys):
                    yield offset, len(raw), head
                offset += len(raw)

    def _load(self) -> None:
        for offset, length, head in self._lines():
            self.index.update(dict.fromkeys(head["keys"], (offset, length)))
            if isinstance(head.get("models"), dict):
                self.models.update(head["models"])

    def _read_line(self, offset: int, length: int) -> dict[str, Rows]:
        with open(self.dir / JOURNAL, "rb") as fh:
            fh.seek(offset)
            raw = fh.read(length)
        out = {}
        for key, document, error, mentions, pieces, facts in json.loads(
            raw[raw.index(b"\t") + 1 :]
        ):
            out[key] = Rows(
                tuple(document) if document else None,
                tuple(error) if error else None,
                tuple(map(tuple, mentions)),
                pieces,
                tuple(map(tuple, facts)),
            )
        return out

    def _clear(self) -> None:
        """Everything but the lock, which this run holds."""
        for path in self.dir.iterdir():
            if path.name != "lock":
                shutil.rmtree(path) if path.is_dir() else path.unlink()
