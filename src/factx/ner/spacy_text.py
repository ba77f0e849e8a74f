"""The text spaCy's model reads: one line at a time, whitespace runs as one space, and
all-caps lines in ordinary case, with a map back to the document's offsets.

spaCy turns a run of whitespace ("\\n\\n", or the blanked ` date YYYY-MM-DD ` header of a
.txt file) into a token of its own, and its NER reads the tokens around a word: "Saudi
Aramco" right after such a token came out as nothing or as a nationality. Lines are read
one by one (a headline without a full stop does not run into the story), with each run of
whitespace inside a line read as one space.

The model learnt case: on "SOCCER - LEEDS' BOWYER FINED" or a dateline "RANGOON 1996-12-07"
it finds little. A line written mostly in capitals is read with each all-caps word in the
case the same document writes it elsewhere ("Leeds", "NATO", "fined"), by the rules of
:meth:`Casing.restore`; a wire headline's topic ("SOCCER - "), which the model would glue
to the next name, is left out. Every change keeps the length, so offsets map back one to
one.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import regex

from factx.ner.layout import in_capitals

LINE = regex.compile(r"[^\n]+")
# Any whitespace but a single plain space splits a line into segments read with one space.
GAP = regex.compile(r"\s{2,}|[^\S ]")
WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’.-]*")
# A wire headline's topic ("SOCCER - ..."), which names nothing.
# What a sentence's first word follows: its capital says nothing about the word.
SENTENCE_START = '.!?:"“«(-'
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


def pieces(
    text: str,
    stop_words: Iterable[str] = (),
    is_name: Callable[[str], bool] | None = None,
    is_word: Callable[[str], bool] | None = None,
) -> list[Piece]:
    """The lines of ``text`` with letters, as the model should read them; ``is_name`` tells
    a known name (a place), ``is_word`` a word known in lower case (see ``Casing``)."""
    casing: Casing | None = None
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
            if casing is None:
                casing = Casing.of(text, stop_words, is_name or _never, is_word or _never)
            read = casing.restore(read)
        out.append(Piece(read, tuple(starts), tuple(origins)))
    return out


def _never(word: str) -> bool:
    return False


@dataclass(frozen=True, slots=True)
class Casing:
    """How one document writes its words outside lines in capitals, to read those lines."""

    forms: dict[str, str]  # case-folded word → its most frequent form inside a sentence
    initial: frozenset[str]  # case-folded words seen capitalised at a sentence's start
    stop_words: frozenset[str]
    is_name: Callable[[str], bool]  # a known name (a place) keeps its capital
    is_word: Callable[[str], bool]  # a word the model knows in lower case

    @classmethod
    def of(
        cls,
        text: str,
        stop_words: Iterable[str],
        is_name: Callable[[str], bool],
        is_word: Callable[[str], bool],
    ) -> Casing:
        forms: Counter[str] = Counter()
        initial: set[str] = set()
        for line in LINE.finditer(text):
            if in_capitals(line.group()):
                continue
            for m in WORD.finditer(line.group()):
                before = line.group()[: m.start()].rstrip()
                if before and before[-1] not in SENTENCE_START:
                    forms[m.group()] += 1
                elif m.group()[:1].isupper():
                    initial.add(m.group().casefold())
        best: dict[str, str] = {}
        for form, _ in forms.most_common():
            best.setdefault(form.casefold(), form)
        return cls(best, frozenset(initial), frozenset(stop_words), is_name, is_word)

    def restore(self, line: str) -> str:
        """``line`` with its all-caps words in the case the document uses, of equal
        length: a word's form inside the story's sentences; lower case for a function
        word; capitalised for the line's first word, a word that opens one of the story's
        sentences, a known name, and a word the model does not know in lower case (a
        rare name: "BOWYER"); lower case for the rest ("LUCKY WIN")."""

        def word(m: regex.Match) -> str:
            w = m.group()
            if not w.isupper():
                return w
            folded = w.casefold()
            seen = self.forms.get(folded)
            if seen and len(seen) == len(w):
                return seen
            if folded in self.stop_words and m.start() > 0:
                return w.lower()
            if len(w) == 1:
                return w
            capital = w[0] + w[1:].lower()
            if len(capital) != len(w):
                return w
            if (
                m.start() == 0
                or folded in self.initial
                or self.is_name(capital.rstrip(".'’"))
                or not self.is_word(w.lower())
            ):
                return capital
            return w.lower()

        return WORD.sub(word, line)
