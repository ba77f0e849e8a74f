"""Resume state under DIR/.factx: which documents are done, and their rows.

Work is committed batch by batch: a batch's rows go to one part file, written atomically,
and only then is a line naming the part and its documents appended to the journal and
fsynced. A crash at any moment (Ctrl-C, kill -9, power loss) therefore loses at most the
batches in flight, and never leaves a half-recorded one. Every run, interrupted or not,
takes its output rows from these parts, so a resumed run writes the same bytes as an
uninterrupted one.

A document is known by a content hash of everything its rows depend on (id, source,
language, date, text) under the run's fingerprint (factx version, pipeline file,
settings), so an edited file is processed again and an untouched one is reused. Parts
are JSON, not pickle: an output folder someone hands you cannot run code.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
from collections import OrderedDict
from pathlib import Path
from typing import Any

from factx import registry, tables
from factx.batch.runner import Rows, Settings
from factx.link import GROUP as LINKERS
from factx.model import DocError, Document
from factx.pipeline import Config

STATE = ".factx"
JOURNAL = "journal.jsonl"
META = "meta.json"
CACHED_PARTS = 4


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
    plugins = {
        n: f"{eps[n].dist.name} {eps[n].dist.version}" if n in eps and eps[n].dist else None
        for n in sorted(names)
    }
    data = {
        "factx": __version__,
        "pipeline": config.path.read_text(encoding="utf-8"),
        "settings": [settings.max_chars, settings.too_long],
        "plugins": plugins,
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
        with tables.atomic(meta) as fh:
            json.dump({"run": run}, fh)
        self.index: dict[str, str] = {}
        self.models: dict[str, Any] = {}
        self._load()
        self._journal = open(self.dir / JOURNAL, "a", encoding="utf-8")  # noqa: SIM115
        self._next = 1 + max((int(p.stem[5:]) for p in self._parts()), default=0)
        self._cache: OrderedDict[str, dict[str, Rows]] = OrderedDict()

    def __contains__(self, key: str) -> bool:
        return key in self.index

    def __len__(self) -> int:
        return len(self.index)

    def commit(self, batch: list[tuple[str, Rows]], models: dict[str, Any]) -> None:
        """Make ``batch`` durable: its part first, then the journal line that names it."""
        name = f"part-{self._next:06d}.jsonl"
        self._next += 1
        with tables.atomic(self.dir / name, "w", encoding="utf-8") as fh:
            for key, r in batch:
                row = [key, r.document, r.error, r.mentions, r.pieces, r.facts]
                fh.write(json.dumps(row) + "\n")
        new = {k: v for k, v in models.items() if k not in self.models}
        line = {"part": name, "keys": [k for k, _ in batch], "models": new}
        self._journal.write(json.dumps(line) + "\n")
        self._journal.flush()
        os.fsync(self._journal.fileno())
        self.models.update(new)
        self.index.update((k, name) for k, _ in batch)

    def rows(self, key: str) -> Rows:
        """The stored rows of a done document (parts are read a few at a time, on demand)."""
        name = self.index[key]
        if name not in self._cache:
            if len(self._cache) >= CACHED_PARTS:
                self._cache.popitem(last=False)
            try:
                self._cache[name] = self._read_part(name)
            except (OSError, ValueError, TypeError) as exc:
                raise StateError(
                    f"the resume state in {self.dir} is damaged ({name}: {exc}); "
                    f"run again with --force to start over"
                ) from exc
        self._cache.move_to_end(name)
        return self._cache[name][key]

    def prune(self, live: set[str]) -> None:
        """Forget the parts no current document uses, so state does not grow run after run."""
        lines = self._lines()
        keep = [line for line in lines if live.intersection(line["keys"])]
        if len(keep) < len(lines):
            self._journal.close()
            with tables.atomic(self.dir / JOURNAL, "w", encoding="utf-8") as fh:
                fh.writelines(json.dumps(line) + "\n" for line in keep)
            self._journal = open(self.dir / JOURNAL, "a", encoding="utf-8")  # noqa: SIM115
        named = {line["part"] for line in keep}
        for part in self._parts():
            if part.name not in named:
                part.unlink()
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

    def _parts(self) -> list[Path]:
        return sorted(self.dir.glob("part-*.jsonl"))

    def _lines(self) -> list[dict[str, Any]]:
        path = self.dir / JOURNAL
        if not path.exists():
            return []
        data = path.read_bytes()
        if data and not data.endswith(b"\n"):  # a line torn by a crash: drop it
            data = data[: data.rfind(b"\n") + 1]
            with tables.atomic(path, "wb") as fh:
                fh.write(data)
        lines = []
        for raw in data.splitlines():
            with contextlib.suppress(ValueError, KeyError, TypeError):
                line = json.loads(raw)
                if (self.dir / line["part"]).is_file():
                    lines.append(line)
        return lines

    def _load(self) -> None:
        for line in self._lines():
            self.index.update(dict.fromkeys(line["keys"], line["part"]))
            self.models.update(line.get("models", {}))

    def _read_part(self, name: str) -> dict[str, Rows]:
        out = {}
        with open(self.dir / name, encoding="utf-8") as fh:
            for raw in fh:
                key, document, error, mentions, pieces, facts = json.loads(raw)
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
