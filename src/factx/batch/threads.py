"""One BLAS thread per process in a batch run: the workers are the parallelism.

numpy's OpenBLAS (under natasha and spaCy) starts a thread per core in every process and
reads these variables once, when numpy loads. N workers would each want every core, and
even a run of one worker loses: on 480 Russian articles its idle BLAS threads spinning
after each model call cost a third of the run's CPU time, for no gain in wall time on a
busy machine (benchmarks/throughput.py shows raw natasha both ways). A variable the user
has set is left as it is.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

ONE_THREAD = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """The block, and every process it starts, with each variable the user has not set at 1;
    unset again after. This process's own BLAS follows only if numpy loads in the block."""
    added = [name for name in ONE_THREAD if name not in os.environ]
    os.environ.update(dict.fromkeys(added, "1"))
    try:
        yield
    finally:
        for name in added:
            os.environ.pop(name, None)
