"""Shared fixtures: each model loads once per test session, and skips only without its extra."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factx import cache
from factx.api import load
from factx.batch.runner import Tools

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session", autouse=True)
def own_cache(tmp_path_factory):
    """A start-up cache of the session's own (word lists, compiled patterns), which the
    processes tests start inherit: the suite runs the same on a machine whose cache is
    warm, cold or damaged, and leaves the user's alone."""
    before = os.environ.get(cache.ENV)
    os.environ[cache.ENV] = str(tmp_path_factory.mktemp("factx-cache"))
    yield
    if before is None:
        os.environ.pop(cache.ENV, None)
    else:
        os.environ[cache.ENV] = before


@pytest.fixture(scope="session")
def seeds() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def tools() -> Tools:
    """The default pipeline; each language's models load the first time a test needs them."""
    return load("news")


@pytest.fixture(scope="session")
def natasha_ner():
    pytest.importorskip("natasha", reason="the ru extra is not installed: pip install factx[ru]")
    from factx.ner.natasha import NatashaNER

    return NatashaNER("ru")


@pytest.fixture(scope="session")
def underthesea_ner():
    pytest.importorskip(
        "underthesea", reason="the vi extra is not installed: pip install factx[vi]"
    )
    from factx.ner.underthesea import UndertheseaNER

    return UndertheseaNER("vi")


@pytest.fixture(scope="session")
def spacy_ner():
    pytest.importorskip("spacy", reason="the en extra is not installed: pip install factx[en]")
    from factx.ner.spacy import SpacyNER

    return SpacyNER("en")


@pytest.fixture(scope="session")
def all_languages(natasha_ner, underthesea_ner, spacy_ner, tools) -> Tools:
    """The default pipeline, skipped unless every NER extra is installed."""
    return tools


@pytest.fixture(scope="module")
def caps(tmp_path_factory):
    """The fast "caps" plugin (tests/batchkit.py) on the path, for tests of how documents
    flow through batches, engines and resumes rather than of what NER finds."""
    import batchkit

    with batchkit.plugin_on_path(batchkit.install(tmp_path_factory.mktemp("site"))):
        yield


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, seeds):
    """Copies of the seeds, as a corpus large enough to fill several batches."""
    import batchkit

    return batchkit.corpus(tmp_path_factory.mktemp("corpus"), seeds)
