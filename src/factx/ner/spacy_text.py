"""The text spaCy's model reads: one line at a time, whitespace runs as one space, and
all-caps lines in ordinary case, with a map back to the document's offsets.

spaCy turns a run of whitespace ("\\n\\n", or the blanked ` date YYYY-MM-DD ` header of a
.txt file) into a token of its own, and its NER reads the tokens around a word: "Saudi
Aramco" right after such a token came out as nothing or as a nationality. Lines are read
one by one (a headline without a full stop does not run into the story), with each run of
whitespace inside a line read as one space.

The model learnt case: on "SOCCER - LEEDS' BOWYER FINED" or a dateline "RANGOON 1996-12-07"
it finds little. A line written mostly in capitals is read with each all-caps word in the
case the same document writes it elsewhere ("Leeds", "NATO"), else capitalised, and
function words (spaCy's stop words for the language) in lower case; a wire headline's
topic ("SOCCER - "), which the model would glue to the next name, is left out. Every change keeps
the length, so offsets map back one to one.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from factx.ner.layout import in_capitals

LINE = regex.compile(r"[^\n]+")
# Any whitespace but a single plain space splits a line into segments read with one space.
GAP = regex.compile(r"\s{2,}|[^\S ]")
WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’.-]*")
# A wire headline's topic ("SOCCER - ..."), which names nothing.
SLUG = regex.compile(r"^\p{L}+(?= - )")


@dataclass(frozen=True, slots=True)
class Piece:
    """One line as the model reads it; ``starts[k]`` in ``text`` is ``origins[k]`` in the
    document, and the characters between two starts map one to one."""

    text: str
    starts: tuple[int, ...]
    origins: tuple[int, ...]

    def offset(self, i: int) -> int:
        """The document offset of ``text``'s offset ``i`` (a start, or an end after a
        character)."""
        k = bisect_right(self.starts, i) - 1
        return self.origins[k] + (i - self.starts[k])


def pieces(text: str, stop_words: Iterable[str] = ()) -> list[Piece]:
    """The lines of ``text`` with letters, as the model should read them."""
    stops = frozenset(stop_words)
    forms: dict[str, str] | None = None
    out = []
    for line in LINE.finditer(text):
        caps = in_capitals(line.group())
        slug = SLUG.match(line.group()) if caps else None
        starts, origins, parts, pos = [], [], [], 0
        at = line.start() + (slug.end() + len(" - ") if slug else 0)
        for gap in (*GAP.finditer(text, line.start(), line.end()), None):
            end = gap.start() if gap else line.end()
            if end > at:
                starts.append(pos)
                origins.append(at)
                parts.append(text[at:end])
                pos += end - at + 1
            at = max(at, gap.end() if gap else end)
        read = " ".join(parts)
        if not read.strip():
            continue
        if caps:
            if forms is None:
                forms = case_forms(text)
            read = restore_case(read, forms, stops)
        out.append(Piece(read, tuple(starts), tuple(origins)))
    return out


def case_forms(text: str) -> dict[str, str]:
    """How the document writes its words outside capital lines, for restoring their case:
    the most frequent form of each (case-folded) word where it is not a sentence's first."""
    forms: Counter[str] = Counter()
    for line in LINE.finditer(text):
        if in_capitals(line.group()):
            continue
        for m in WORD.finditer(line.group()):
            before = line.group()[: m.start()].rstrip()
            if before and before[-1] not in '.!?:"“«(-':
                forms[m.group()] += 1
    best: dict[str, str] = {}
    for form, _ in forms.most_common():
        best.setdefault(form.casefold(), form)
    return best


def restore_case(line: str, forms: dict[str, str], stop_words: frozenset[str]) -> str:
    """``line`` with its all-caps words in the case the document uses, of equal length."""

    def word(m: regex.Match) -> str:
        w = m.group()
        if not w.isupper():
            return w
        seen = forms.get(w.casefold())
        if seen and len(seen) == len(w):
            return seen
        if w.lower() in stop_words and m.start() > 0:
            return w.lower()
        if len(w) == 1:
            return w
        restored = w[0] + w[1:].lower()
        return restored if len(restored) == len(w) else w

    return WORD.sub(word, line)
