"""Files that appear whole: written under a temporary name, fsynced, then renamed.

Every output table, run.json and the journal's own files go through :func:`atomic`, so a
reader (or a resumed run) never sees half a file, even after a power cut.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


@contextmanager
def atomic(path: Path, mode: str = "w", **open_args) -> Iterator[IO]:
    """An open file that becomes ``path`` only when the block ends without error.

    The data is fsynced before the rename, so after a power loss ``path`` holds either
    the old complete file or the new complete one.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, **open_args) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes files private; outputs are not
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
