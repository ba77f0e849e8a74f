"""Datelines, results tables and column heads, on their own: the tagger's spans are given."""

from __future__ import annotations

import pytest
from nerkit import named, spans_of

from factx.ner.layout import column_heads, datelines, echoes, in_capitals, table_rows

COUNTRIES = {"Kenya", "Peru", "United Arab Emirates"}
PLACES = COUNTRIES | {"Leeds", "Hull", "Kigali"}

DATELINES = [
    ("KIGALI 2001-03-04\nRain fell.", [], [("LOC", "KIGALI")]),
    (
        "AL-AIN , United Arab Emirates 2001-03-04\nRain fell.",
        [("ORG", "AL-AIN , United")],
        [("LOC", "AL-AIN"), ("LOC", "United Arab Emirates")],
    ),
    ("NEW YORK 2001-03-04", [("PER", "NEW YORK 2001-03-04")], [("LOC", "NEW YORK")]),
    # a sentence that mentions a date is no dateline
    ("Talks ended 2001-03-04", [], []),
    ("Prices in Lima 2001-03-04", [("LOC", "Lima")], [("LOC", "Lima")]),
]


@pytest.mark.parametrize(("text", "found", "expected"), DATELINES)
def test_a_dateline_opens_with_its_place(text, found, expected):
    assert named(text, datelines(text, spans_of(text, found))) == expected


ROWS = [
    # a results row: each name is a team, a city's club an organisation
    (
        "Leeds 2 Hull 1",
        [("ORG", "Leeds 2 Hull 1")],
        [("ORG", "Leeds"), ("ORG", "Hull")],
    ),
    ("Leeds 2 Hull 1", [("LOC", "Leeds")], [("ORG", "Leeds"), ("ORG", "Hull")]),
    # in a result both names are teams, whatever the tagger took them for
    ("Zorbas Town 2 Hull 1", [("PER", "Zorbas Town")], [("ORG", "Zorbas Town"), ("ORG", "Hull")]),
    # a team named by its country is a place; an unknown name in a result is a team
    ("Kenya 3-1 Zorbas", [], [("LOC", "Kenya"), ("ORG", "Zorbas")]),
    ("Kenya 3 Zorbas 1", [("LOC", "Kenya")], [("LOC", "Kenya"), ("ORG", "Zorbas")]),
    # standings: a place the tagger found is a team, a person stays a person
    ("Leeds 16 10 2 4 30 17 32", [("LOC", "Leeds")], [("ORG", "Leeds")]),
    ("Ann Lee 70 68 72 210", [("PER", "Ann Lee")], [("PER", "Ann Lee")]),
    # a league table's row has a team, whatever the tagger took it for
    ("Zorbas 16 10 2 4 30 17 32", [("PER", "Zorbas")], [("ORG", "Zorbas")]),
    ("Zorbas Town 16 10 2 4 30 17 32", [], [("ORG", "Zorbas Town")]),
    # brackets part two names; no row shape, no change
    (
        "Ann Lee ( Kenya ) 70 68",
        [("PER", "Ann Lee"), ("LOC", "Kenya")],
        [("PER", "Ann Lee"), ("LOC", "Kenya")],
    ),
    # running text with numbers is no table
    ("Leeds won 2 of 3 games in Hull", [("LOC", "Leeds")], [("LOC", "Leeds")]),
    ("Weather in Peru 12 15", [("LOC", "Peru")], [("LOC", "Peru")]),
]


@pytest.mark.parametrize(("text", "found", "expected"), ROWS)
def test_the_names_of_a_results_row_are_teams(text, found, expected):
    out = table_rows(text, spans_of(text, found), COUNTRIES.__contains__, PLACES.__contains__)
    assert named(text, out) == expected


HEADS = [
    ("Played W D L F A Pts", [("PER", "Played W D L F A Pts")], []),
    ("W L T GF GA", [("ORG", "W L T GF GA")], []),
    ("J. R. Ewing", [("PER", "J. R. Ewing")], [("PER", "J. R. Ewing")]),
    ("Group H", [("ORG", "Group H")], [("ORG", "Group H")]),
]


@pytest.mark.parametrize(("text", "found", "expected"), HEADS)
def test_column_heads_are_no_names(text, found, expected):
    assert named(text, column_heads(text, spans_of(text, found))) == expected


CAPITALS = [
    ("SOCCER - CLUB WINS CUP .", True),
    ("TUNIS 1997-05-02", True),
    ("Talks with NATO and the UN went on.", False),
    ("US", False),
    ("1996-12-07", False),
]


@pytest.mark.parametrize(("line", "expected"), CAPITALS)
def test_capital_lines_are_headlines_datelines_and_rows(line, expected):
    assert in_capitals(line) is expected


ECHOES = [
    # a headline's words take the story's labels, found or relabelled
    (
        "SOCCER - HULL' ROSS FINED\nHull striker Bo Ross was fined.",
        [("ORG", "Hull"), ("PER", "Bo Ross")],
        [("ORG", "HULL"), ("PER", "ROSS"), ("ORG", "Hull"), ("PER", "Bo Ross")],
    ),
    (
        "VORLAX SHARES FALL\nShares of Vorlax fell.",
        [("LOC", "VORLAX"), ("ORG", "Vorlax")],
        [("ORG", "VORLAX"), ("ORG", "Vorlax")],
    ),
    # names the tagger ran together in a headline, or with a word after them, come apart
    (
        "HULL' ROSS AND VORLAX SHARES\nHull striker Bo Ross praised Vorlax.",
        [
            ("PER", "HULL' ROSS"),
            ("ORG", "VORLAX SHARES"),
            ("ORG", "Hull"),
            ("PER", "Bo Ross"),
            ("ORG", "Vorlax"),
        ],
        [
            ("ORG", "HULL"),
            ("PER", "ROSS"),
            ("ORG", "VORLAX"),
            ("ORG", "Hull"),
            ("PER", "Bo Ross"),
            ("ORG", "Vorlax"),
        ],
    ),
    # but not a name with unknown words before or between its known ones
    (
        "BANK OF HULL WINS\nHull won.",
        [("ORG", "BANK OF HULL"), ("ORG", "Hull")],
        [("ORG", "BANK OF HULL"), ("ORG", "Hull")],
    ),
    # a text all in capitals has no story to echo; a lowercase line is left alone
    ("HULL WIN\nHULL FANS CHEER", [("ORG", "HULL")], [("ORG", "HULL")]),
    ("Hull won.\nRoss said Hull fans cheer.", [("ORG", "Hull")], [("ORG", "Hull")]),
]


@pytest.mark.parametrize(("text", "found", "expected"), ECHOES)
def test_a_headline_names_what_its_story_names(text, found, expected):
    assert named(text, echoes(text, spans_of(text, found))) == expected
