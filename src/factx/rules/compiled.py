"""Long patterns compiled once per machine, not once per process.

The rule extractors' patterns are regexes of thousands of characters (number words, month
names, currency and unit forms in all their cases), and ``regex`` parses a pattern in
Python: compiling the same strings again cost every process about 0.4 s, a third of a
worker's start-up and first batch. A compiled ``regex`` pattern pickles together with the
code its engine runs (this is how ``regex`` sends patterns to other processes), and loading
that takes a fiftieth of the compile.

So a pattern of ``MIN_CHARS`` or more is compiled once and kept under the cache folder of
:mod:`factx.cache` (``FACTX_CACHE_DIR=off`` turns it off), in a folder named by the
versions of ``regex`` and Python, which the engine code depends on, in a file named by a
hash of its source and flags. The file starts with a checksum of the pickle after it; a file
that is missing, damaged, or that does not give back its own source and flags is compiled
again and rewritten. Like pip's and numba's caches, the files are trusted because they sit
in the user's own cache folder.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

import regex

from factx.cache import folder

# Shorter patterns compile in well under a millisecond, less than reading a file costs.
MIN_CHARS = 500
# Bytes of SHA-256 before the pickle, over the pickle.
CHECK = 16


def compile(source: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(source, flags)``; a long pattern comes from the disk cache."""
    if len(source) < MIN_CHARS:
        return regex.compile(source, flags)
    return _long(source, int(flags))


@lru_cache(maxsize=512)  # what regex's own cache does for the patterns it compiles
def _long(source: str, flags: int) -> regex.Pattern[str]:
    path = location(source, flags)
    if path is None:
        return regex.compile(source, flags)
    pattern = read(path, source, flags)
    if pattern is None:
        pattern = regex.compile(source, flags)
        write(path, pattern)
    return pattern


def location(source: str, flags: int) -> Path | None:
    """The file of this pattern, or None when the cache is off."""
    where = folder()
    if where is None:
        return None
    major, minor = sys.version_info[:2]
    versions = f"regex-{regex.__version__}-py{major}.{minor}"
    name = hashlib.sha256(f"{flags}:{source}".encode("utf-8", "surrogatepass")).hexdigest()
    return where / "patterns" / versions / f"{name[:32]}.pickle"


def read(path: Path, source: str, flags: int) -> regex.Pattern[str] | None:
    """The pattern stored at ``path``, or None if it is not there or not this one."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    body = data[CHECK:]
    if hashlib.sha256(body).digest()[:CHECK] != data[:CHECK]:
        return None
    try:
        pattern = pickle.loads(body)
    except Exception:  # written by an incompatible version: compile it again
        return None
    if (
        not isinstance(pattern, regex.Pattern)
        or pattern.pattern != source
        or pattern.flags & flags != flags
    ):
        return None
    return pattern


def write(path: Path, pattern: regex.Pattern[str]) -> None:
    """Store ``pattern`` at ``path`` whole or not at all: workers starting together may
    write the same file while others read it. A read-only cache folder is no error."""
    body = pickle.dumps(pattern, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(hashlib.sha256(body).digest()[:CHECK] + body)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
