"""Names in text laid out the way news wires lay it out, not in sentences: datelines,
results and standings tables, and their column heads.

A tagger trained on running text reads "Leeds 0 Liverpool 1" as one name, or its cities as
places, and "P W D L F A Pts" as a person. The layout says more than the words:

- a dateline ("KIGALI 2001-03-04", "AL-AIN , United Arab Emirates 2001-03-04") opens with
  the place the story was filed from, and the region or country after its comma is one too;
- in a results row ("A 2 B 1", "A 2-1 B") or a league table's row (a name and six numbers
  or more) each name is a team; in another standings row (three numbers or more: a
  golfer's rounds) a name the tagger took for a place is a team.
  A team named by its country is a location (the convention of CoNLL-2003 and of factx's
  gold data), any other team an organisation ("Leeds", named after its city);
- a span made of one-letter column heads ("W D L") is no name;
- a headline in capitals names what its story names: "LEEDS' BOWYER FINED" over a story
  about "Lee Bowyer" of "Leeds" gives those words the story's labels.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

import regex

from factx.ner.descriptors import Span

_CAP = r"\p{Lu}[\p{Lu}\p{M}.'’-]*"
_NAME = r"\p{Lu}[\p{L}\p{M}.'’-]*"
DATELINE = regex.compile(
    rf"(?m)^[ \t]*(?P<place>{_CAP}(?:[ ]{_CAP})*)"
    rf"(?:[ ]*,[ ]*(?P<region>{_NAME}(?:[ ]{_NAME})*))?"
    r"[ ]+\d{4}-\d{2}-\d{2}[ \t]*$"
)
LINE = regex.compile(r"[^\n]+")
TOKEN = regex.compile(r"\S+")
SCORE = regex.compile(r"^\d{1,3}(?:[-:]\d{1,3})?$")
NUMBER = regex.compile(r"^[\d.,:/-]*\d[\d.,:/-]*$")
# Words a row's names may hold besides capitalised ones ("Pakistan 244 for 6", "v").
ROW_WORD = regex.compile(r"^(?:\p{Lu}.*|\p{Ll}{1,3}|[^\p{L}\d]+)$")
PROSE = regex.compile(r"(?<!\S)\p{Ll}{4}")
PUNCT = regex.compile(r"^[^\p{L}\d]+$")
# Standings: a team and at least this many numbers (played, won, drawn, ...).
STANDINGS = 3
# A league table's row (played, won, drawn, lost, for, against, points) has this many
# numbers or more, more than a golfer's rounds and total: its name is a team.
LEAGUE_TABLE = 6
# A line is a headline or a table row in capitals when this share of its letters is.
CAPS_SHARE = 0.8
# A word alone in capitals inside a lowercase line is kept as it is ("NATO", "US").
MIN_CAPS_WORDS = 2
CAPS_DATELINE = regex.compile(r"^\p{Lu}[\p{Lu}\s.,'’-]*\d{4}-\d{2}-\d{2}")
CAPS_PAIR = regex.compile(r"\p{Lu}{2}")
DIGIT = regex.compile(r"\d")
CAPS_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’.-]*")
# A name the story gives, echoed in a headline, has at least this many letters.
MIN_ECHO = 3
# What may lie between two names a tagger ran together in a headline: "LEEDS' BOWYER".
BETWEEN_NAMES = regex.compile(r"['’]?[sS]?\s+")
# A column head: a one-letter word with no dot ("W", "D", "L"); two make a span junk.
HEAD = regex.compile(r"^\p{Lu}$")


def in_capitals(line: str) -> bool:
    """Whether ``line`` is written in capitals: a headline, a dateline or a table row."""
    if not CAPS_PAIR.search(line):
        return False  # most lines: no word in capitals at all
    upper = sum(map(str.isupper, line))
    if upper < CAPS_SHARE * (upper + sum(map(str.islower, line))):
        return False
    caps = [w for w in CAPS_WORD.findall(line) if len(w) > 1 and w.isupper()]
    return len(caps) >= MIN_CAPS_WORDS or bool(CAPS_DATELINE.match(line))


def datelines(text: str, spans: list[Span]) -> list[Span]:
    """Spans with each dateline's place (and region) as locations, replacing what the
    tagger found there."""
    found: list[Span] = []
    for m in DATELINE.finditer(text):
        if not m.group("place").isupper():
            continue
        found.append(("LOC", m.start("place"), m.end("place")))
        if m.group("region"):
            found.append(("LOC", m.start("region"), m.end("region")))
    if not found:
        return spans
    kept = [sp for sp in spans if not any(sp[1] < e and s < sp[2] for _, s, e in found)]
    return sorted(kept + found, key=lambda sp: sp[1])


def table_rows(
    text: str, spans: list[Span], is_country: Callable[[str], bool], is_place: Callable[[str], bool]
) -> list[Span]:
    """Spans with the names of results and standings rows as teams (see the module)."""
    out = list(spans)
    for line in LINE.finditer(text):
        if not DIGIT.search(line.group()):
            continue
        runs = _row(text, line.start(), line.end())
        if not runs:
            continue
        names, sure = runs
        inside = [sp for sp in out if line.start() <= sp[1] < line.end()]
        rest = [sp for sp in out if sp not in inside]
        teams: list[Span] = []
        for s, e in names:
            tagged = [sp for sp in inside if sp[1] < e and s < sp[2]]
            if not tagged and not (sure or is_place(text[s:e])):
                continue
            was = tagged[0][0] if tagged else ""
            if is_country(text[s:e]):
                label = "LOC"
            elif was == "PER" and not sure and not is_place(text[s:e]):
                label = "PER"
            elif was or sure or is_place(text[s:e]):
                label = "ORG"
            teams.append((label, s, e))
        kept = [sp for sp in inside if not any(sp[1] < e and s < sp[2] for _, s, e in teams)]
        out = sorted(rest + kept + teams, key=lambda sp: sp[1])
    return out


def _row(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], bool] | None:
    """The name runs of a results or standings row, and whether each is a team for sure (a
    result or a league table's row); else None."""
    if PROSE.search(text, start, end):
        return None  # a lowercase word of four letters: running text
    tokens = list(TOKEN.finditer(text, start, end))
    if not tokens or not tokens[0].group()[:1].isupper():
        return None
    if not all(NUMBER.match(t.group()) or ROW_WORD.match(t.group()) for t in tokens):
        return None
    names: list[tuple[int, int]] = []
    numbers_after: list[int] = []
    open_run = False
    for t in tokens:
        word = t.group()
        if NUMBER.match(word):
            if names:
                numbers_after[-1] += 1
            open_run = False
        elif PUNCT.match(word):
            open_run = False  # "Ann Lee ( Kenya )": brackets part two names
        elif open_run and numbers_after[-1] == 0:
            names[-1] = (names[-1][0], t.end())
        else:
            names.append((t.start(), t.end()))
            numbers_after.append(0)
            open_run = True
    if not names or not all(regex.search(r"\p{Lu}", text[s:e]) for s, e in names):
        return None
    scores = [t.group() for t in tokens if NUMBER.match(t.group())]
    result = (
        len(names) == 2
        and (numbers_after == [1, 1] or (numbers_after == [1, 0] and not scores[0].isdigit()))
        and all(SCORE.match(x) for x in scores)
    )
    standings = len(names) == 1 and numbers_after[0] >= STANDINGS
    if not (result or standings):
        return None
    return names, result or numbers_after[0] >= LEAGUE_TABLE


def column_heads(text: str, spans: list[Span]) -> list[Span]:
    """Spans without the ones made of column heads ("W D L F A Pts")."""
    return [sp for sp in spans if sum(bool(HEAD.match(w)) for w in text[sp[1] : sp[2]].split()) < 2]


def echoes(text: str, spans: list[Span]) -> list[Span]:
    """Spans with the names of lines in capitals labelled as the rest of the text labels
    them, and found there where the tagger missed them."""
    caps = [m.span() for m in LINE.finditer(text) if in_capitals(m.group())]
    if not caps or len(caps) == len(LINE.findall(text)):
        return spans
    inside = lambda s: any(a <= s < b for a, b in caps)  # noqa: E731
    known: dict[str, str] = {}
    for label, s, e in spans:
        if inside(s):
            continue
        words = text[s:e].split()
        names = [text[s:e]] + ([words[-1]] if label == "PER" and len(words) > 1 else [])
        for name in names:
            if len(name) >= MIN_ECHO:
                known.setdefault(name.casefold(), label)
    if not known:
        return spans
    pattern = regex.compile(
        r"(?<![\w'’-])(?:"
        + "|".join(map(regex.escape, sorted(known, key=len, reverse=True)))
        + r")(?![\w-])",
        regex.IGNORECASE,
    )
    out: list[Span] = []
    for label, s, e in spans:
        if not inside(s):
            out.append((label, s, e))
        elif text[s:e].casefold() in known:
            out.append((known[text[s:e].casefold()], s, e))
        else:
            out.extend(_known_parts(text, (label, s, e), pattern, known))
    for a, b in caps:
        for m in pattern.finditer(text, a, b):
            if not any(s < m.end() and m.start() < e for _, s, e in out):
                out.append((known[m.group().casefold()], m.start(), m.end()))
    return sorted(out, key=lambda sp: sp[1])


def _known_parts(
    text: str, span: Span, pattern: regex.Pattern, known: dict[str, str]
) -> list[Span]:
    """A headline span the tagger ran over several names ("LEEDS' BOWYER") or over a word
    after one ("NEWCREST SHARES") as the story's names it holds; else the span as it is.
    Only possessives and spaces may lie between the names, and one word after them."""
    _, s, e = span
    found = list(pattern.finditer(text, s, e))
    if not found or found[0].start() != s:
        return [span]
    gaps = [text[a.end() : b.start()] for a, b in pairwise(found)]
    tail = text[found[-1].end() : e].split()
    if any(BETWEEN_NAMES.fullmatch(g) is None for g in gaps) or len(tail) > 1:
        return [span]
    return [(known[m.group().casefold()], m.start(), m.end()) for m in found]
