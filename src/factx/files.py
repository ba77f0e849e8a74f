"""Files that appear whole: written under a temporary name, fsynced, then renamed.

Every output table, run.json, the journal's own files and the start-up cache's files go
through :func:`atomic`, so a reader (or a resumed run, or a worker starting beside
another) never sees half a file, even after a power cut.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


@contextmanager
def atomic(path: Path, mode: str = "w", *, private: bool = False, **open_args) -> Iterator[IO]:
    """An open file that becomes ``path`` only when the block ends without error.

    The data is fsynced before the rename, so after a power loss ``path`` holds either
    the old complete file or the new complete one. The file gets the permissions the
    umask gives, or with ``private`` only its owner's (for a file whose reader trusts it
    only if no one else could have written it).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, **open_args) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if not private:  # mkstemp makes files private; outputs are not
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
