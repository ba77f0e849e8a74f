"""Derived word lists on disk: built once, rebuilt when what made them changes or the file
is damaged, and never in the way when the cache cannot be written."""

from __future__ import annotations

from pathlib import Path

import pytest

from factx import cache


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


class Builder:
    def __init__(self, value):
        self.value, self.calls = value, 0

    def __call__(self):
        self.calls += 1
        return self.value


def test_built_once_then_read(folder, tmp_path):
    source = tmp_path / "code.py"
    source.write_text("x = 1")
    build = Builder(["Москва", "Hà Nội"])
    assert cache.stored("cities", build, (source,)) == ["Москва", "Hà Nội"]
    assert cache.stored("cities", build, (source,)) == ["Москва", "Hà Nội"]
    assert build.calls == 1
    assert [p.name.split("-")[0] for p in folder.iterdir()] == ["cities"]


def test_a_changed_source_or_package_version_builds_again(folder, tmp_path):
    source = tmp_path / "data.toml"
    source.write_text("a = 1")
    build = Builder({"россии": "росс"})
    cache.stored("stems", build, (source,))
    source.write_text("a = 2")
    cache.fingerprint.cache_clear()  # a new process reads the file again
    cache.stored("stems", build, (source,))
    cache.stored("stems", build, (source,), ("regex",))
    assert build.calls == 3
    assert len(list(folder.glob("stems-*.json"))) == 3


@pytest.mark.parametrize("damage", ["", "{not json", '["ok", 3]', '{"a": [1]}', "null"])
def test_a_damaged_file_is_rebuilt(folder, tmp_path, damage):
    source = tmp_path / "code.py"
    source.write_text(f"# {damage}")
    build = Builder(["x"])
    cache.stored("words", build, (source,))
    (path,) = folder.glob("words-*.json")
    path.write_text(damage, encoding="utf-8")
    assert cache.stored("words", build, (source,)) == ["x"]
    assert build.calls == 2
    assert path.read_text(encoding="utf-8") == '["x"]'


def test_off_means_off(monkeypatch, tmp_path):
    monkeypatch.setenv(cache.ENV, "off")
    build = Builder(["x"])
    cache.stored("words", build, (tmp_path / "missing.py",))
    cache.stored("words", build, (tmp_path / "missing.py",))
    assert build.calls == 2


def test_an_unwritable_place_still_gives_the_list(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv(cache.ENV, str(blocker / "cache"))
    assert cache.stored("words", Builder(["x"]), (tmp_path / "a.py",)) == ["x"]


def test_default_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv(cache.ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.folder() == tmp_path / "factx"


def test_no_home_means_no_cache(monkeypatch, tmp_path):
    """A container's user may have neither HOME nor a home in passwd: factx runs uncached."""

    def nowhere() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv(cache.ENV, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", staticmethod(nowhere))
    assert cache.folder() is None
    assert cache.stored("words", Builder(["x"]), (tmp_path / "a.py",)) == ["x"]
