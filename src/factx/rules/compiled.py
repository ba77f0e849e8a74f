"""Long patterns compiled once per machine, not once per process.

The rule extractors' patterns are regexes of thousands of characters (number words, month
names, currency and unit forms in all their cases), and ``regex`` parses a pattern in
Python: compiling the same strings again cost every process about 0.4 s, a third of a
worker's start-up and first batch. A compiled ``regex`` pattern pickles together with the
code its engine runs (this is how ``regex`` sends patterns to other processes), and loading
that takes a fiftieth of the compile.

So a pattern of ``MIN_CHARS`` or more is compiled once and kept under the cache folder of
:mod:`factx.cache` (``FACTX_CACHE_DIR=off`` turns it off), in a folder named by the
versions of ``regex`` and Python and the build of ``regex``'s engine, which the engine code
depends on, in a file named by a hash of its source, flags and ``regex``'s default version.
A stored pattern is engine code that ``regex`` runs as given, so what makes it safe is who
could have written it: a file is read back only if it is a regular file (not a link or a
pipe) and it and its folder belong to this user with no one else allowed to write them
(the folder is made private). Its checksum then catches a half-written or damaged file,
its pickle may name nothing but ``regex``'s own pattern constructor, and it must give back
its own source and flags. Any other file is compiled again and rewritten.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import stat
import sys
import sysconfig
import time
from functools import cache, lru_cache
from pathlib import Path

import regex
from regex import _regex  # the compiled engine, whose build the stored code depends on

from factx.cache import folder
from factx.files import atomic

# Shorter patterns compile in well under a millisecond, less than reading a file costs.
MIN_CHARS = 500
# Bytes of SHA-256 before the pickle, over the pickle.
CHECK = 16
# Where the platform has it, open() must not follow a link planted in the folder.
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
# The one global a pickled pattern names.
CONSTRUCTOR = ("regex._regex", "compile")
# A temporary file this old was left by a process killed while writing it.
STALE_SECONDS = 3600


def pattern(source: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(source, flags)``; a long pattern comes from the disk cache."""
    if len(source) < MIN_CHARS:
        return regex.compile(source, flags)
    return _long(source, int(flags))


def forget() -> None:
    """Drop this process's memory of the patterns read or compiled (for tests)."""
    _long.cache_clear()


@lru_cache(maxsize=512)  # what regex's own cache does for the patterns it compiles
def _long(source: str, flags: int) -> regex.Pattern[str]:
    path = location(source, flags)
    if path is None:
        return regex.compile(source, flags)
    found = read(path, source, flags)
    if found is None:
        found = regex.compile(source, flags)
        write(path, found)
    return found


def location(source: str, flags: int) -> Path | None:
    """The file of this pattern, or None when the cache is off."""
    where = folder()
    if where is None:
        return None
    versions = f"regex-{regex.__version__}-{engine()}"
    key = f"{flags}:{regex.DEFAULT_VERSION}:{source}".encode("utf-8", "surrogatepass")
    return where / "patterns" / versions / f"{hashlib.sha256(key).hexdigest()[:32]}.pickle"


@cache
def engine() -> str:
    """The Python version, platform and build of ``regex``'s compiled engine."""
    major, minor = sys.version_info[:2]
    try:
        built = os.stat(_regex.__file__)
        build = f"{built.st_size}-{int(built.st_mtime)}"
    except (OSError, AttributeError, TypeError):
        build = "unknown"
    return f"py{major}.{minor}-{sysconfig.get_platform()}-{build}"


def read(path: Path, source: str, flags: int) -> regex.Pattern[str] | None:
    """The pattern stored at ``path``, or None if it is not there or not to be trusted."""
    try:
        if not private(os.lstat(path.parent), is_dir=True):
            return None
        fd = os.open(path, os.O_RDONLY | NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as fh:
            if not private(os.fstat(fh.fileno())):
                return None
            data = fh.read()
    except OSError:
        return None
    body = data[CHECK:]
    if hashlib.sha256(body).digest()[:CHECK] != data[:CHECK]:
        return None
    try:
        found = PatternUnpickler(io.BytesIO(body)).load()
    except Exception:  # another regex's format, or a global it does not name
        return None
    if (
        not isinstance(found, regex.Pattern)
        or found.pattern != source
        or found.flags & flags != flags
    ):
        return None
    return found


def private(status: os.stat_result, is_dir: bool = False) -> bool:
    """Whether it is a regular file (a folder) that only this user can have written.
    Where there are no POSIX owners and modes (Windows), the folder's ACLs decide."""
    kind = stat.S_ISDIR if is_dir else stat.S_ISREG
    if not kind(status.st_mode):
        return False
    if not hasattr(os, "geteuid"):
        return True
    return status.st_uid == os.geteuid() and not status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


class PatternUnpickler(pickle.Unpickler):
    """Unpickles a ``regex`` pattern and nothing else: the only callable a stored pattern
    names is ``regex``'s constructor; anything else is refused before it is looked up."""

    def find_class(self, module: str, name: str) -> object:
        if (module, name) != CONSTRUCTOR:
            raise pickle.UnpicklingError(f"{module}.{name} is not a regex pattern")
        return super().find_class(module, name)


def write(path: Path, found: regex.Pattern[str]) -> None:
    """Store ``found`` at ``path`` whole or not at all: workers starting together may
    write the same file while others read it. A read-only cache folder is no error."""
    body = pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        made = os.lstat(path.parent)
        ours = hasattr(os, "geteuid") and made.st_uid == os.geteuid()
        if ours and not private(made, is_dir=True):
            os.chmod(path.parent, 0o700)  # made by an older factx, or under a lax umask
        sweep(path.parent)
        with atomic(path, "wb", private=True) as fh:
            fh.write(hashlib.sha256(body).digest()[:CHECK] + body)
    except OSError:
        pass


def sweep(where: Path) -> None:
    """Remove the temporary files of writers killed mid-write (a worker over its time
    budget is killed whatever it is doing)."""
    cutoff = time.time() - STALE_SECONDS
    for tmp in where.glob(".*.tmp"):
        try:
            if tmp.stat().st_mtime < cutoff:
                tmp.unlink()
        except OSError:
            pass
