from __future__ import annotations

from pathlib import Path

import pytest

from factx import registry

BUILT_INS = [
    "natasha",
    "underthesea",
    "spacy",
    "stanza",
    "dates",
    "durations",
    "quantities",
    "money",
    "percent",
]


@pytest.mark.parametrize("name", BUILT_INS)
def test_built_ins_register_through_the_entry_point_group(name):
    assert name in registry.installed()


def test_unknown_name_lists_what_is_installed():
    with pytest.raises(registry.PluginError) as info:
        registry.load("no-such-extractor")
    message = str(info.value)
    assert "Could not find extractor 'no-such-extractor'" in message
    assert "natasha" in message and "factx.extractors" in message


def test_loaded_class_satisfies_the_protocol():
    pytest.importorskip("natasha", reason="the ru extra is not installed")
    cls = registry.load("natasha")
    assert cls.languages == ("ru",) and "PERSON" in cls.labels


def test_describe_gives_a_row_per_plugin():
    rows = {r["name"]: r for r in registry.describe()}
    assert set(BUILT_INS) <= set(rows)
    assert rows["natasha"]["package"].startswith("factx ")


class NeedsAbsentLibrary:
    """An extractor that imports its library in the constructor, as the NER backends do."""

    languages = ("en",)
    labels = ("PERSON",)
    requires = ("factx_no_such_library",)


def test_a_missing_required_library_is_reported_without_importing_it(monkeypatch):
    ep = registry.installed()["dates"]
    fake = type(ep)("absent", "test_registry:NeedsAbsentLibrary", registry.GROUP)
    monkeypatch.setattr(registry, "installed", lambda group=registry.GROUP: {"absent": fake})
    monkeypatch.syspath_prepend(str(Path(__file__).parent))
    with pytest.raises(registry.PluginError, match="factx_no_such_library"):
        registry.load("absent")
    assert registry.describe()[0]["labels"] == "(not importable: factx_no_such_library)"
