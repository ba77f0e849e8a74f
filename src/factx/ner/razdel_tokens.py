"""razdel's tokens, each stretch between spaces tokenised once and then remembered.

Every slovnet model reads razdel's tokens, and razdel spends about a millisecond on an
article in Python: it splits a text into atoms (runs of letters or digits, single marks)
and asks its rules, at each boundary between two atoms with no space between, whether to
join them. A space always splits, and the rules read only the two atoms beside the
boundary and, for a dash, underscore, point, comma or slash, one atom further, which can
lie across a space but only its kind matters (punctuation, a number, or other). So the
tokens of a stretch without spaces depend on the stretch and on the kinds of the atoms
just before and just after it, and news repeats its stretches ("в", "года,", "России.")
all the time.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from razdel import tokenize
from razdel.segmenters.tokenize import ATOM

SPACE_FREE = re.compile(r"\S+")  # razdel's atoms are \S, split at every \s
ONE_ATOM = re.compile(r"[а-яё]+|[a-z]+|\d+", re.I | re.U)  # as razdel's ATOM reads them
# Stretches remembered per tokenizer: news's common ones (most of its text), in some 25 MB;
# past that the memory starts again.
REMEMBER = 50_000
LONGEST = 64  # longer stretches (a URL, a run of digits) are not remembered


class Token(NamedTuple):
    start: int
    stop: int
    text: str


class Tokenizer:
    """``razdel.tokenize`` with a memory; the same tokens, as (start, stop, text)."""

    def __init__(self, remember: int = REMEMBER) -> None:
        self.remember = remember
        self.known: dict[tuple[str, str | None, str | None], list[tuple[int, int]]] = {}
        self.kinds: dict[str, str] = {}

    def __call__(self, text: str) -> list[Token]:
        stretches = [(m.start(), m.group()) for m in SPACE_FREE.finditer(text)]
        found: list[list[tuple[int, int]] | None] = []
        misses: dict[int, tuple[str, str | None, str | None]] = {}
        for k, (_, stretch) in enumerate(stretches):
            if ONE_ATOM.fullmatch(stretch):  # one atom: one token, whatever is around
                found.append([(0, len(stretch))])
                continue
            key = self.key(stretches, k)
            spans = self.known.get(key)
            if spans is None:
                misses[k] = key
            found.append(spans)
        if misses:
            if len(misses) > len(stretches) // 16:  # razdel once over the text: cheaper
                learnt = by_stretch(text, stretches)
            else:  # razdel over each new stretch, between its neighbours' edge atoms
                learnt = {k: learn(*context(stretches, k)) for k in misses}
            for k, key in misses.items():
                found[k] = learnt[k]
                self.keep(key, learnt[k])
        return [
            Token(at + a, at + b, stretch[a:b])
            for (at, stretch), spans in zip(stretches, found, strict=True)
            for a, b in spans or ()
        ]

    def key(self, stretches: list[tuple[int, str]], k: int) -> tuple[str, str | None, str | None]:
        before = self.kind(stretches[k - 1][1][-1]) if k else None
        after = self.kind(stretches[k + 1][1][0]) if k + 1 < len(stretches) else None
        return stretches[k][1], before, after

    def keep(self, key: tuple[str, str | None, str | None], spans: list[tuple[int, int]]) -> None:
        if len(key[0]) <= LONGEST:
            if len(self.known) >= self.remember:
                self.known.clear()
            self.known[key] = spans

    def kind(self, char: str) -> str:
        """razdel's kind of the atom this character ends or starts."""
        kind = self.kinds.get(char)
        if kind is None:
            match = ATOM.match(char)
            kind = self.kinds[char] = match.lastgroup if match else "OTHER"
        return kind


def context(stretches: list[tuple[int, str]], k: int) -> tuple[str, str, str]:
    """Stretch ``k`` with the stretches before and after it ("" at the text's ends)."""
    previous = stretches[k - 1][1] if k else ""
    following = stretches[k + 1][1] if k + 1 < len(stretches) else ""
    return stretches[k][1], previous, following


def by_stretch(text: str, stretches: list[tuple[int, str]]) -> dict[int, list[tuple[int, int]]]:
    """razdel's tokens of the whole text, as offsets into the stretch each lies in."""
    out: dict[int, list[tuple[int, int]]] = {k: [] for k in range(len(stretches))}
    k = 0
    for t in tokenize(text):
        while stretches[k][0] + len(stretches[k][1]) <= t.start:
            k += 1
        at = stretches[k][0]
        out[k].append((t.start - at, t.stop - at))
    return out


def learn(stretch: str, previous: str, following: str) -> list[tuple[int, int]]:
    """razdel's tokens of ``stretch`` (as offsets into it), read between the last atom of
    the stretch before it and the first atom of the one after."""
    head = "".join([m.group() for m in ATOM.finditer(previous)][-1:])
    tail = ATOM.match(following)
    context = f"{head} {stretch} {tail.group() if tail else ''}"
    at = len(head) + 1
    return [
        (t.start - at, t.stop - at) for t in tokenize(context) if at <= t.start < at + len(stretch)
    ]
