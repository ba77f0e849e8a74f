"""Long patterns on disk: compiled once, then read back as the same pattern; a damaged or
foreign file is compiled again, and a cache that is off or cannot be written is never in the way."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import subprocess
import sys
import time

import pytest
import regex

from factx import cache
from factx.rules import compiled

WORDS = "|".join(f"слово{i}|word{i}" for i in range(80))
# (source, flags, text): long enough to be cached, with the features the rules use: named
# groups, scoped and global case folding, look-behind, reverse search, Unicode classes.
CASES = [
    (rf"(?<!\w)(?P<w>{WORDS})(?!\w)", 0, "Было слово17 и WORD3, word42."),
    (rf"(?i:(?P<w>{WORDS}))\s+(?P<n>\d+)", 0, "СЛОВО5 12 и word7 3"),
    (rf"(?<![\p{{L}}\d])(?:{WORDS})", regex.IGNORECASE, "xword1 Word12 сЛоВо79"),
    (rf"(?r)(?P<w>{WORDS})\s*\Z", 0, "в конце слово64"),
]


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    compiled.forget()  # this process's memory of earlier tests' patterns
    yield tmp_path / "cache"
    compiled.forget()


def stored_files(folder):
    return sorted(folder.glob("patterns/*/*.pickle"))


def found(pattern, text):
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.mark.parametrize(("source", "flags", "text"), CASES)
def test_a_stored_pattern_matches_as_a_fresh_one(folder, source, flags, text, monkeypatch):
    first = compiled.pattern(source, flags)
    assert len(stored_files(folder)) == 1
    compiled.forget()

    def no_compile(*args, **kwargs):
        raise AssertionError("compiled again instead of read")

    monkeypatch.setattr(regex, "compile", no_compile)
    again = compiled.pattern(source, flags)
    monkeypatch.undo()
    fresh = regex.compile(source, flags)
    assert again is not first
    assert found(again, text) == found(fresh, text) == found(first, text)
    assert found(fresh, text)  # the case tests something
    assert (again.pattern, again.flags, again.groupindex) == (
        fresh.pattern,
        fresh.flags,
        fresh.groupindex,
    )


def test_short_patterns_are_not_stored(folder):
    assert compiled.pattern(r"\d+").match("12")
    assert stored_files(folder) == []


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # a half-written file
        lambda data: data[:40] + bytes([data[40] ^ 1]) + data[41:],  # a flipped bit
        lambda data: b"",
    ],
)
def test_a_damaged_file_is_compiled_again_and_rewritten(folder, damage):
    source, flags, text = CASES[0]
    compiled.pattern(source, flags)
    (path,) = stored_files(folder)
    good = path.read_bytes()
    path.write_bytes(damage(good))
    compiled.forget()
    assert found(compiled.pattern(source, flags), text) == found(regex.compile(source), text)
    assert path.read_bytes() == good


def test_a_file_holding_another_pattern_is_not_used(folder):
    one, other = CASES[0][0], CASES[1][0]
    compiled.pattern(one)
    (path,) = stored_files(folder)
    good = path.read_bytes()
    compiled.pattern(other)
    (wrong,) = set(stored_files(folder)) - {path}
    path.write_bytes(wrong.read_bytes())  # a well-formed file, of the other pattern
    compiled.forget()
    assert compiled.pattern(one).pattern == one
    assert path.read_bytes() == good


def test_off_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    compiled.forget()
    source, flags, text = CASES[0]
    assert found(compiled.pattern(source, flags), text)
    assert list(tmp_path.iterdir()) == []
    compiled.forget()


def test_a_folder_that_cannot_be_made_is_no_error(folder):
    folder.parent.mkdir(exist_ok=True)
    folder.write_text("a file where the folder should be")
    source, flags, text = CASES[1]
    assert found(compiled.pattern(source, flags), text)


class Hostile:
    """A pickle that would make a folder if it were ever loaded."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (os.mkdir, (self.marker,))


def stored_as(path, payload: bytes) -> None:
    path.write_bytes(hashlib.sha256(payload).digest()[: compiled.CHECK] + payload)


def test_a_well_formed_pickle_of_anything_else_is_never_run(folder, tmp_path):
    source, flags, text = CASES[0]
    compiled.pattern(source, flags)
    (path,) = stored_files(folder)
    marker = tmp_path / "ran"
    stored_as(path, pickle.dumps(Hostile(marker)))
    compiled.forget()
    assert found(compiled.pattern(source, flags), text) == found(regex.compile(source), text)
    assert not marker.exists()


@pytest.mark.parametrize("shared", ["file", "folder"])
def test_a_file_others_may_write_is_not_read(folder, shared, monkeypatch):
    source, flags, _ = CASES[1]
    compiled.pattern(source, flags)
    (path,) = stored_files(folder)
    (path if shared == "file" else path.parent).chmod(0o666 if shared == "file" else 0o777)
    compiled.forget()
    compiles = []
    real = regex.compile
    monkeypatch.setattr(regex, "compile", lambda *a: compiles.append(a) or real(*a))
    assert compiled.pattern(source, flags).pattern == source
    assert len(compiles) == 1


@pytest.mark.parametrize("planted", ["a pipe", "a link"])
def test_what_is_not_a_file_is_not_opened(folder, tmp_path, planted):
    """A pipe would block the reader for ever, a link could point anywhere."""
    source, flags, text = CASES[0]
    compiled.pattern(source, flags)
    (path,) = stored_files(folder)
    elsewhere = tmp_path / "elsewhere.pickle"
    elsewhere.write_bytes(path.read_bytes())
    path.unlink()
    if planted == "a pipe":
        os.mkfifo(path)
    else:
        path.symlink_to(elsewhere)
    compiled.forget()
    assert found(compiled.pattern(source, flags), text) == found(regex.compile(source), text)
    assert path.is_file() and not path.is_symlink()  # replaced by a stored pattern


def test_a_folder_left_open_by_an_older_factx_is_made_private(folder, monkeypatch):
    source, flags, _ = CASES[0]
    compiled.pattern(source, flags)
    (path,) = stored_files(folder)
    path.parent.chmod(0o775)  # the mode a umask of 002 gave the folder before
    compiled.forget()
    compiled.pattern(source, flags)  # not read: compiled, written, and the folder closed
    assert path.parent.stat().st_mode & 0o777 == 0o700
    compiled.forget()
    monkeypatch.setattr(regex, "compile", lambda *a: pytest.fail("compiled again"))
    assert compiled.pattern(source, flags).pattern == source


def test_a_writer_killed_mid_write_leaves_nothing_for_long(folder):
    source, flags, _ = CASES[0]
    compiled.pattern(source, flags)
    (path,) = stored_files(folder)
    old, new = path.parent / ".old.tmp", path.parent / ".new.tmp"
    for tmp in (old, new):
        tmp.write_bytes(b"half a pickle")
    stale = time.time() - compiled.STALE_SECONDS - 60
    os.utime(old, (stale, stale))
    compiled.pattern(CASES[1][0], CASES[1][1])  # another write sweeps the folder
    assert not old.exists() and new.exists()


# Made-up sentences with the rule extractors' amounts, dates and durations.
TEXTS = {
    "ru": [
        "15 марта 2024 года компания продала 28,5 млн тонн зерна за 3,2 млрд рублей.",
        "Через два года цены выросли на 12% по сравнению с прошлым годом.",
    ],
    "vi": [
        "Ngày 5 tháng 11 năm 2025, sản lượng đạt 28,5 triệu tấn, tăng 7% so với tháng trước.",
        "Dự án kéo dài ba năm với tổng vốn 1.200 tỷ đồng.",
    ],
    "en": [
        "On March 3, 2024 the firm sold 2.5 million tonnes for $1.2 billion, up 4% on the year.",
        "Two weeks later prices fell 3.5 percent to 40 cents a pound.",
    ],
}
RULES = ("dates", "durations", "money", "percent", "quantities")
EXTRACT = """
import json, sys
from pathlib import Path
from factx.model import Document
from factx.pipeline import Pipelines, load_config
texts = json.loads(sys.argv[2])
pipelines = Pipelines(load_config(Path(sys.argv[1])))
print(json.dumps({
    lang: [[(str(m.label), m.start, m.end, m.norm, m.value, m.unit)
            for m in pipelines.get(lang).run(Document(f"{lang}{i}", text, lang))]
           for i, text in enumerate(given)]
    for lang, given in texts.items()
}))
"""


def test_the_rule_extractors_find_the_same_from_the_cache_as_compiled(tmp_path):
    """Each rule extractor's real patterns, read back from the cache in a new process,
    find what they find freshly compiled (the cache off, then empty, then full)."""
    config = tmp_path / "rules.toml"
    tables = [f'[[lang.{lang}.extractors]]\nname = "{name}"\n' for lang in TEXTS for name in RULES]
    config.write_text("\n".join(tables), encoding="utf-8")
    where = tmp_path / "cache"
    runs = {}
    for name, setting in (("off", "off"), ("cold", str(where)), ("warm", str(where))):
        done = subprocess.run(
            [sys.executable, "-c", EXTRACT, str(config), json.dumps(TEXTS)],
            env={**os.environ, cache.ENV: setting},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        runs[name] = json.loads(done.stdout)
        if name == "cold":
            assert list(where.glob("patterns/*/*.pickle"))
    assert runs["off"] == runs["cold"] == runs["warm"]
    assert all(all(found for found in runs["off"][lang]) for lang in TEXTS)
