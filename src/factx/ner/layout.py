"""Names in text laid out the way news wires lay it out, not in sentences: datelines,
results and standings tables, and their column heads.

A tagger trained on running text reads "Leeds 0 Liverpool 1" as one name, or its cities as
places, and "P W D L F A Pts" as a person. The layout says more than the words:

- a dateline ("KIGALI 2001-03-04", "AL-AIN , United Arab Emirates 2001-03-04") opens with
  the place the story was filed from, and the region or country after its comma is one too;
- in a results row ("A 2 B 1", "A 2-1 B") each name is a team; in a standings row
  (name and three or more small numbers) a name the tagger took for a place is a team.
  A team named by its country is a location (the convention of CoNLL-2003 and of factx's
  gold data), any other team an organisation ("Leeds", named after its city);
- a span made of one-letter column heads ("W D L") is no name.
"""

from __future__ import annotations

from collections.abc import Callable

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
PUNCT = regex.compile(r"^[^\p{L}\d]+$")
# Standings: a team and at least this many numbers (played, won, drawn, ...).
STANDINGS = 3
# A column head: a one-letter word with no dot ("W", "D", "L"); two make a span junk.
HEAD = regex.compile(r"^\p{Lu}$")


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
        if not any(c.isdigit() for c in line.group()):
            continue
        runs = _row(text, line.start(), line.end())
        if not runs:
            continue
        names, result = runs
        inside = [sp for sp in out if line.start() <= sp[1] < line.end()]
        rest = [sp for sp in out if sp not in inside]
        teams: list[Span] = []
        for s, e in names:
            tagged = [sp for sp in inside if sp[1] < e and s < sp[2]]
            if not tagged and not (result or is_place(text[s:e])):
                continue
            was = tagged[0][0] if tagged else ""
            if is_country(text[s:e]):
                label = "LOC"
            elif was == "PER" and not is_place(text[s:e]):
                label = "PER"
            elif was or result or is_place(text[s:e]):
                label = "ORG"
            teams.append((label, s, e))
        kept = [sp for sp in inside if not any(sp[1] < e and s < sp[2] for _, s, e in teams)]
        out = sorted(rest + kept + teams, key=lambda sp: sp[1])
    return out


def _row(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], bool] | None:
    """The name runs of a results or standings row, and whether it is a result; else None."""
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
    return names, result


def column_heads(text: str, spans: list[Span]) -> list[Span]:
    """Spans without the ones made of column heads ("W D L F A Pts")."""
    return [sp for sp in spans if sum(bool(HEAD.match(w)) for w in text[sp[1] : sp[2]].split()) < 2]
