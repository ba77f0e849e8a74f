"""Vietnamese NER with underthesea's CRF tagger, whose model ships inside its wheel.

underthesea normalises its tokens (tone-mark placement "hoà"→"hòa", quotes, spacing), so
its words are not substrings of the input. Each token is aligned back to the original
characters by comparing both sides without diacritics and case before a Mention is made.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import ClassVar

import regex

from factx import pieces
from factx.model import Document, Label, Mention
from factx.ner.agreement import agree
from factx.ner.vi_spans import VietnameseNames

LABELS = {"PER": Label.PERSON, "ORG": Label.ORG, "LOC": Label.LOCATION}
LINE = regex.compile(r"[^\n]+")
# The CRF's feature extraction costs the square of a sentence's length: longer ones are cut.
MAX_CHARS = 400
LEADING = regex.compile(r"[\p{P}\p{S}\s]+")
TRAILING = regex.compile(r"[\p{Ps}\p{Pi}\p{Po}\s]+$")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop the punctuation the tagger glues to entity edges (", Nghệ An").

    A dot stays, since abbreviations such as "TP." keep theirs, and an opened bracket is
    closed: "Diễn đàn Kinh tế Phương Đông (EEF)".
    """
    lead = LEADING.match(text, start, end)
    if lead:
        start = lead.end()
    trail = TRAILING.search(text, start, end)
    if trail and not text[trail.start() : trail.end()].startswith("."):
        end = trail.start()
    span = text[start:end]
    if span.count("(") > span.count(")") and text[end : end + 1] == ")":
        end += 1  # the tagger split "(EEF)" and kept only "(EEF"
    return start, end


def _fold(text: str) -> tuple[str, list[int]]:
    """Text without combining marks, case-folded, with each folded char's source index."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        for part in unicodedata.normalize("NFD", ch):
            if not unicodedata.combining(part):
                for c in part.casefold():
                    out.append(c)
                    index.append(i)
    return "".join(out), index


def align(text: str, tokens: list[str]) -> list[tuple[int, int] | None]:
    """Character span in ``text`` of each token, or None where a token cannot be found."""
    folded, index = _fold(text)
    spans: list[tuple[int, int] | None] = []
    pos = 0
    for token in tokens:
        key, _ = _fold(token)
        key = key.strip()
        at = folded.find(key, pos) if key else -1
        if at < 0:
            spans.append(None)
            continue
        end = at + len(key)
        spans.append((index[at], index[end - 1] + 1))
        pos = end
    return spans


def ner(line: str) -> list[tuple[str, ...]]:
    """underthesea's CRF tags for one line; imported on first use, so that listing plugins
    (`factx plugins`) does not load it."""
    from underthesea import ner as crf

    return crf(line)


def known_tags(tagged: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """``tagged`` with every tag outside PER/ORG/LOC read as O.

    The CRF emits MISC on some sentences, and a later release may add kinds: a kind factx has
    no label for is dropped here, so one odd tag never loses the sentence or the document.
    """
    return [
        t if t[-1] == "O" or (t[-1][:2] in ("B-", "I-") and t[-1][2:] in LABELS) else (*t[:-1], "O")
        for t in tagged
    ]


def entities(text: str, tagged: list[tuple[str, ...]]) -> Iterator[tuple[str, int, int]]:
    """BIO tags over aligned tokens → (tag, start, end) in ``text``."""
    spans = align(text, [t[0] for t in tagged])
    current: list = []
    for (_, *_, tag), span in zip(tagged, spans, strict=True):
        kind = tag[2:] if tag[:2] in ("B-", "I-") else None
        if current and (tag.startswith("B-") or kind != current[0] or span is None):
            yield tuple(current)
            current = []
        if kind and span is not None:
            if current:
                current[2] = span[1]
            else:
                current = [kind, span[0], span[1]]
    if current:
        yield tuple(current)


class UndertheseaNER:
    """underthesea's CRF NER, run line by line, mapped back to the original characters.

    With ``rules`` (the default) the CRF's words, POS and tags feed the Vietnamese name rules
    of :mod:`factx.ner.vi_spans`, then the document-level agreement of :mod:`factx.ner.refine`;
    ``rules=False`` gives the CRF alone, for comparison.
    """

    languages: ClassVar[tuple[str, ...]] = ("vi",)
    labels: ClassVar[tuple[str, ...]] = (Label.PERSON, Label.ORG, Label.LOCATION)
    requires: ClassVar[tuple[str, ...]] = ("underthesea",)

    def __init__(self, lang: str = "vi", rules: bool = True) -> None:
        ner("Hà Nội")  # underthesea loads its CRF model on first use: do it now, once.
        self.names = VietnameseNames() if rules else None

    def extract(self, doc: Document) -> Iterator[Mention]:
        found = list(self._spans(doc.text))
        if self.names:
            found = agree(doc.text, found, self.names.gaz)
        for kind, s, e in found:
            text = doc.text[s:e]
            bare = self.names.bare(text) if self.names and kind == "LOC" else text
            yield Mention(LABELS[kind], s, e, text, norm=bare if bare != text else None)

    def _spans(self, text: str) -> Iterator[tuple[str, int, int]]:
        """Line by line, each line in pieces of at most :data:`MAX_CHARS` characters."""
        cut = (
            p for line in LINE.finditer(text) for p in pieces.pieces(text, MAX_CHARS, *line.span())
        )
        for at, stop in cut:
            piece = pieces.model_text(text[at:stop])
            if not piece.strip():
                continue
            tagged = known_tags(ner(piece))
            if self.names:
                aligned = align(piece, [t[0] for t in tagged])
                for kind, start, end in self.names.spans(piece, tagged, aligned):
                    yield kind, at + start, at + end
                continue
            for kind, start, end in entities(piece, tagged):
                s, e = trim(text, at + start, at + end)
                if kind in LABELS and s < e:
                    yield kind, s, e
