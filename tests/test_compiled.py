"""Long patterns on disk: compiled once, then read back as the same pattern; a damaged or
foreign file is compiled again, and a cache that is off or cannot be written is never in the way."""

from __future__ import annotations

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
    compiled._long.cache_clear()  # this process's memory of earlier tests' patterns
    yield tmp_path / "cache"
    compiled._long.cache_clear()


def stored_files(folder):
    return sorted(folder.glob("patterns/*/*.pickle"))


def found(pattern, text):
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.mark.parametrize(("source", "flags", "text"), CASES)
def test_a_stored_pattern_matches_as_a_fresh_one(folder, source, flags, text, monkeypatch):
    first = compiled.compile(source, flags)
    assert len(stored_files(folder)) == 1
    compiled._long.cache_clear()

    def no_compile(*args, **kwargs):
        raise AssertionError("compiled again instead of read")

    monkeypatch.setattr(regex, "compile", no_compile)
    again = compiled.compile(source, flags)
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
    assert compiled.compile(r"\d+").match("12")
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
    compiled.compile(source, flags)
    (path,) = stored_files(folder)
    good = path.read_bytes()
    path.write_bytes(damage(good))
    compiled._long.cache_clear()
    assert found(compiled.compile(source, flags), text) == found(regex.compile(source), text)
    assert path.read_bytes() == good


def test_a_file_holding_another_pattern_is_not_used(folder):
    one, other = CASES[0][0], CASES[1][0]
    compiled.compile(one)
    (path,) = stored_files(folder)
    good = path.read_bytes()
    compiled.compile(other)
    (wrong,) = set(stored_files(folder)) - {path}
    path.write_bytes(wrong.read_bytes())  # a well-formed file, of the other pattern
    compiled._long.cache_clear()
    assert compiled.compile(one).pattern == one
    assert path.read_bytes() == good


def test_off_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    compiled._long.cache_clear()
    source, flags, text = CASES[0]
    assert found(compiled.compile(source, flags), text)
    assert list(tmp_path.iterdir()) == []
    compiled._long.cache_clear()


def test_a_folder_that_cannot_be_made_is_no_error(folder):
    folder.parent.mkdir(exist_ok=True)
    folder.write_text("a file where the folder should be")
    source, flags, text = CASES[1]
    assert found(compiled.compile(source, flags), text)
