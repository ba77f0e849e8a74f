"""Sentence spans, so every mention row can carry the sentence it stands in."""

from __future__ import annotations

from bisect import bisect_right

from razdel import sentenize


class Sentences:
    """Sentence boundaries of one text, looked up by character offset.

    razdel is rule-based and punctuation-driven, which serves Russian best but splits
    Vietnamese and English news sensibly too; one splitter keeps rows comparable across
    languages.
    """

    def __init__(self, text: str, start: int = 0) -> None:
        self.text = text
        self.spans = [(start + s.start, start + s.stop) for s in sentenize(text[start:])]
        self._starts = [s for s, _ in self.spans]

    def around(self, start: int, end: int) -> str:
        """The sentence holding [start, end); several joined if a mention crosses a break."""
        i = max(bisect_right(self._starts, start) - 1, 0)
        j = max(bisect_right(self._starts, max(end - 1, start)) - 1, i)
        if not self.spans:
            return ""
        return self.text[self.spans[i][0] : self.spans[j][1]]
