"""Word lists matched against a token sequence: the longest listed phrase at a position.

Rule layers ask "does a title, an organisation head or a place word start here?" many times
per sentence; a set per phrase length keeps each question a few hash look-ups, so the rules
stay linear in the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    return word.casefold().replace("’", "'")


class Phrases:
    """Phrases of whitespace-separated words, compared case-insensitively."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.by_len: dict[int, set[tuple[str, ...]]] = {}
        for phrase in phrases:
            words = tuple(fold(w) for w in phrase.split())
            if words:
                self.by_len.setdefault(len(words), set()).add(words)
        self.lengths = sorted(self.by_len, reverse=True)
        self.firsts = frozenset(p[0] for ps in self.by_len.values() for p in ps)
        self.lasts = frozenset(p[-1] for ps in self.by_len.values() for p in ps)

    def match(self, words: Sequence[str], i: int, limit: int | None = None) -> int:
        """Length in words of the longest phrase starting at ``words[i]``, or 0."""
        stop = len(words) if limit is None else min(limit, len(words))
        if i >= stop or fold(words[i]) not in self.firsts:
            return 0
        for n in self.lengths:
            if i + n <= stop and tuple(fold(w) for w in words[i : i + n]) in self.by_len[n]:
                return n
        return 0

    def ends_at(self, words: Sequence[str], j: int, start: int = 0) -> int:
        """Length of the longest phrase ending just before ``words[j]``, or 0."""
        if j <= start or j > len(words) or fold(words[j - 1]) not in self.lasts:
            return 0
        for n in self.lengths:
            if j - n >= start and tuple(fold(w) for w in words[j - n : j]) in self.by_len[n]:
                return n
        return 0

    def __contains__(self, text: str) -> bool:
        words = tuple(fold(w) for w in text.split())
        return words in self.by_len.get(len(words), ())


class StemRuns:
    """Runs of word stems ("европейск союз"): do consecutive words start with one run's stems?

    Inflected languages list organisation words as stems; a first-stem tuple lets
    ``str.startswith`` turn away most words in one call, so the check stays cheap per span.
    """

    def __init__(self, runs: Iterable[str]) -> None:
        self.runs = tuple(tuple(fold(w).split()) for w in runs if w.split())
        self.firsts = tuple({run[0] for run in self.runs})

    def found(self, words: Sequence[str]) -> bool:
        if not self.runs:
            return False
        folded = [fold(w) for w in words]
        for i, word in enumerate(folded):
            if not word.startswith(self.firsts):
                continue
            for run in self.runs:
                if len(run) <= len(folded) - i and all(
                    folded[i + k].startswith(p) for k, p in enumerate(run)
                ):
                    return True
        return False
