"""Sentence spans, so every mention row can carry the sentence it stands in — bounded.

A row's ``sentence`` cell is the sentence when it is of normal length. Scraped text can
hold "sentences" of any length (run-on text without sentence ends, a table flattened to
one line, a file of control characters), and copying one into every mention's row makes
output and memory grow as mentions × sentence length; such a cell is instead a window of
the text around the mention, cut at word boundaries and marked with "…", at most
:data:`CONTEXT_CHARS` characters long.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right

import regex
from razdel import sentenize

# The longest sentence cell: a sentence up to this length is kept whole (news sentences
# are far shorter), a longer one gives a window of this length, "…" marks included.
CONTEXT_CHARS = 1000
ELLIPSIS = "…"
SPACE = regex.compile(r"\s+")


class Sentences:
    """Sentence boundaries of one text, looked up by character offset.

    razdel is rule-based and punctuation-driven, which serves Russian best but splits
    Vietnamese and English news sensibly too; one splitter keeps rows comparable across
    languages.
    """

    def __init__(self, text: str, start: int = 0, limit: int = CONTEXT_CHARS) -> None:
        self.text = text
        self.limit = limit
        self.spans = [(start + s.start, start + s.stop) for s in sentenize(text[start:])]
        self._starts = [s for s, _ in self.spans]

    def around(self, start: int, end: int) -> str:
        """The sentence holding [start, end); several joined if a mention crosses a break;
        a window around the mention if that is longer than the limit."""
        i = max(bisect_right(self._starts, start) - 1, 0)
        j = max(bisect_right(self._starts, max(end - 1, start)) - 1, i)
        if not self.spans:
            return ""
        return window(self.text, self.spans[i][0], self.spans[j][1], start, end, self.limit)


def window(text: str, a: int, b: int, start: int, end: int, limit: int = CONTEXT_CHARS) -> str:
    """``text[a:b]`` if it has at most ``limit`` characters, else at most ``limit``
    characters of it around ``text[start:end]``, cut at spaces where there are any and
    marked "…" where cut. A mention longer than the window keeps its beginning."""
    if b - a <= limit:
        return text[a:b]
    room = max(limit - 2 * len(ELLIPSIS), 1)
    start, end = max(start, a), min(max(end, start), b)
    lo = max(a, start - max(room - (end - start), 0) // 2)
    hi = min(b, lo + room)
    lo = max(a, hi - room)
    if lo > a:  # begin at a word: after the first space before the mention
        space = SPACE.search(text, lo, start)
        lo = space.end() if space else _mark_free(text, lo, start, 1)
    if hi < b:  # end at a word: before the last space after the mention
        spaces = [m.start() for m in SPACE.finditer(text, max(end, lo + 1), hi)]
        hi = spaces[-1] if spaces else _mark_free(text, hi, lo + 1, -1)
    return ELLIPSIS * (lo > a) + text[lo:hi] + ELLIPSIS * (hi < b)


def _mark_free(text: str, at: int, stop: int, step: int) -> int:
    """``at`` moved towards ``stop`` past combining marks, so that a cut with no space to
    fall on does not part a letter from its accents; ``at`` itself if all are marks."""
    i = at
    while i != stop and unicodedata.combining(text[i]):
        i += step
    return at if i == stop else i
