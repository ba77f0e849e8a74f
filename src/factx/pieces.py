"""Where a long text may be cut: documents over ``--max-chars``, and sentences too long
for a model.

Two bounds with one way of cutting. A document over ``--max-chars`` runs in windows
(:func:`windows`). Within a document, every NER backend gets pieces of bounded length
(:func:`pieces`): scraped text can hold a "sentence" of any length (run-on text without
sentence ends, a megabyte of digits, a file of control characters), and a tagger's cost
per sentence grows faster than its length — underthesea's CRF features with its square,
spaCy's tokenizer on a run without spaces worse — so one such sentence could stall a
worker for hours. Cuts fall at a paragraph break, else a sentence end, else a space, else
punctuation, else between two characters (never before a combining mark), and each
window is searched once, so text with no space at all still costs linear time.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from itertools import chain

import regex

# The longest sentence a model is given. News sentences are far shorter, so a document
# without a longer one reaches the model whole, exactly as before.
MODEL_CHARS = 1000
# The longest run of sentences a model is given at once: spaCy's NER holds about half a
# gigabyte per 100,000 characters of short words until it returns. News articles are far
# shorter; a longer text is cut at paragraph breaks, else sentence ends.
RUN_CHARS = 50_000
# Where a long text may be cut, best first.
BREAKS = (
    regex.compile(r"\n[^\S\n]*\n\s*"),  # a paragraph break
    regex.compile(r"[.!?…。]['\"»”)]*\s+"),  # a sentence end
    regex.compile(r"\s+"),
    regex.compile(r"[\p{P}\p{S}]+"),
)
# Where a sentence ends, for finding the over-long ones.
SENTENCE_END = regex.compile(r"\n|[.!?…。]['\"»”)]*\s")
# Control characters but tab and line breaks, and combining marks on no letter or digit:
# no name is made of them.
NOISE = regex.compile(r"[^\P{Cc}\t\n\r]|(?:^|(?<=[^\p{L}\p{N}\p{M}]))\p{M}+")


def windows(text: str, limit: int, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Consecutive spans of at most ``limit`` characters covering ``text[lo:hi]``.

    Each cut falls at the last break (in the order of :data:`BREAKS`) in the second half
    of the window, so that few mentions are cut in two.
    """
    hi = len(text) if hi is None else hi
    spans, a = [], lo
    while hi - a > limit:
        b = a + limit
        for pattern in BREAKS:
            cuts = [m.end() for m in pattern.finditer(text, a + limit // 2, b) if m.end() < b]
            if cuts:
                b = cuts[-1]
                break
        else:  # no break at all: between two characters, keeping accents on their letter
            while b > a + 1 and unicodedata.combining(text[b]):
                b -= 1
        spans.append((a, b))
        a = b
    spans.append((a, hi))
    return spans


def pieces(
    text: str, limit: int = MODEL_CHARS, lo: int = 0, hi: int | None = None
) -> list[tuple[int, int]]:
    """Spans covering ``text[lo:hi]`` in order, for a model: the whole text when none of its
    sentences is longer than ``limit`` and it is within :data:`RUN_CHARS`, else the same
    with each over-long sentence cut into :func:`windows` of at most ``limit`` characters
    (the sentences around it stay together, as the model would have seen them, in runs of
    at most :data:`RUN_CHARS`)."""
    hi = len(text) if hi is None else hi
    if hi - lo <= limit:
        return [(lo, hi)]
    out: list[tuple[int, int]] = []
    run = prev = lo
    for end in chain((m.end() for m in SENTENCE_END.finditer(text, lo, hi)), (hi,)):
        if end - prev > limit:
            if prev > run:
                out.extend(windows(text, RUN_CHARS, run, prev))
            out.extend(windows(text, limit, prev, end))
            run = end
        prev = end
    if run < hi:
        out.extend(windows(text, RUN_CHARS, run, hi))
    return out


def each(texts: Iterable[str], limit: int = MODEL_CHARS) -> list[tuple[int, int, int]]:
    """The :func:`pieces` of several texts, as (index of the text, start, end)."""
    return [(i, a, b) for i, text in enumerate(texts) for a, b in pieces(text, limit)]


def groups(
    cut: list[tuple[int, int, int]], limit: int = RUN_CHARS
) -> list[list[tuple[int, int, int]]]:
    """Consecutive pieces of :func:`each` in groups of at most ``limit`` characters in all
    (or one piece), for a model that holds a whole batch in memory at once."""
    out: list[list[tuple[int, int, int]]] = []
    size = 0
    for piece in cut:
        length = piece[2] - piece[1]
        if not out or size + length > limit:
            out.append([])
            size = 0
        out[-1].append(piece)
        size += length
    return out


def model_text(text: str) -> str:
    """What a model reads: ``text`` with control characters (but tab and line breaks) and
    combining marks that belong to no letter as spaces. Every offset stays the same, and
    taggers stop making a token of each one."""
    return NOISE.sub(lambda m: " " * len(m.group()), text)
