from __future__ import annotations

import os

import pytest

from factx.batch.threads import ONE_THREAD, one_blas_thread


@pytest.mark.parametrize(
    ("preset", "inside"),
    [
        ({}, dict.fromkeys(ONE_THREAD, "1")),
        ({"OMP_NUM_THREADS": "4"}, {**dict.fromkeys(ONE_THREAD, "1"), "OMP_NUM_THREADS": "4"}),
        (dict.fromkeys(ONE_THREAD, "2"), dict.fromkeys(ONE_THREAD, "2")),
    ],
)
def test_unset_variables_are_one_inside_and_the_users_stay(monkeypatch, preset, inside):
    for name in ONE_THREAD:
        monkeypatch.delenv(name, raising=False)
    for name, value in preset.items():
        monkeypatch.setenv(name, value)
    with one_blas_thread():
        assert {name: os.environ.get(name) for name in ONE_THREAD} == inside
    assert {name: os.environ.get(name) for name in ONE_THREAD if name in os.environ} == preset


def test_variables_are_unset_again_when_the_block_fails(monkeypatch):
    for name in ONE_THREAD:
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(RuntimeError), one_blas_thread():
        raise RuntimeError("stopped")
    assert not any(name in os.environ for name in ONE_THREAD)
