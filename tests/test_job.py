"""factx.batch.job: the run's own process settings, undone when the run ends."""

from __future__ import annotations

import contextlib
import gc

import pytest

from factx.batch.job import paced_collector
from factx.batch.serve import YOUNG


class Boom(Exception):
    pass


@pytest.mark.parametrize("fails", [False, True], ids=["run ends", "run raises"])
def test_the_collector_is_paced_during_a_run_and_restored_after(fails):
    gc.unfreeze()  # whatever an earlier test left frozen: this run freezes from nothing
    before, frozen = gc.get_threshold(), gc.get_freeze_count()
    held = [[i] for i in range(100)]  # objects that exist before the run: frozen
    with contextlib.suppress(Boom), paced_collector():
        during = gc.get_threshold(), gc.get_freeze_count()
        if fails:
            raise Boom
    assert during[0] == (max(YOUNG, before[0]), *before[1:])
    assert during[1] >= frozen + len(held)
    assert gc.get_threshold() == before and gc.get_freeze_count() == frozen


def test_a_freeze_made_before_the_run_is_left_as_it_was():
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with paced_collector():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
