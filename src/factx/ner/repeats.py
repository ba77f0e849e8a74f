"""A person named in full once is named by surname after: find those later mentions.

News names a person in full at first ("Lee Bowyer") and by surname after ("Bowyer said").
A tagger reads each mention on its own and misses some of the short ones; the document has
already said who they are. A capitalised word equal to the last word of a person's full
name found elsewhere in the text, outside every span, is that person — unless the
gazetteer knows it as a place, or a capitalised word next to it makes it part of another
name ("Bowyer Street"); a title before it does not ("Mr Bowyer").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from itertools import accumulate

import regex

from factx.ner.descriptors import Span

# A surname this short is too often a word or an initial.
MIN_LETTERS = 3
NEXT_CAPITAL = regex.compile(r"[ \t]+\p{Lu}")
PREV_CAPITAL = regex.compile(r"(?<![\w.'’-])(\p{Lu}[\p{L}.'’-]*)[ \t]+$")


def surnames(
    text: str,
    spans: list[Span],
    is_place: Callable[[str], bool],
    is_title: Callable[[str], bool],
) -> list[Span]:
    """``spans`` with the lone surnames of the document's people added as PER."""
    names = {
        words[-1]
        for label, s, e in spans
        if label == "PER"
        and len(words := text[s:e].split()) > 1
        and len(words[-1]) >= MIN_LETTERS
        and words[-1][:1].isupper()
        and words[-1].isalpha()
    }
    names = {n for n in names if not is_place(n)}
    if not names:
        return spans
    pattern = regex.compile(
        r"(?<![\w'’.-])(?:" + "|".join(map(regex.escape, sorted(names))) + r")(?![\w-])"
    )
    # The spans by start, with the furthest end reached so far: a match overlaps a span
    # iff some span starting before its end reaches past its start (a lookup, not a scan
    # of every span, so a long text's many matches cost little each).
    busy = sorted((s, e) for _, s, e in spans)
    starts = [s for s, _ in busy]
    reach = list(accumulate((e for _, e in busy), max))
    found: list[Span] = []
    for m in pattern.finditer(text):
        k = bisect_left(starts, m.end()) - 1
        if k >= 0 and reach[k] > m.start():
            continue
        before = PREV_CAPITAL.search(text, max(0, m.start() - 40), m.start())
        # "Mr Bowyer" and "Friday. Bowyer" stay; "Street Bowyer" is some other name
        word = before.group(1) if before else ""
        if NEXT_CAPITAL.match(text, m.end()) or (
            word and not is_title(word) and not word.endswith(".")
        ):
            continue
        found.append(("PER", m.start(), m.end()))
    return sorted([*spans, *found], key=lambda sp: sp[1]) if found else spans
