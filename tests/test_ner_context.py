"""Organisations told by their context, on their own: the phrases are given as data."""

from __future__ import annotations

import pytest
from nerkit import Places, named, spans_of

from factx.ner.context import Context

WORDS = {
    "company_before": ["shares of", "stake in"],
    "company_after": ["shares", "said its profit"],
    "org_roles": ["CEO", "chief executive", "spokesman", "President"],
    "team_roles": ["striker", "coach"],
    "role_modifiers": ["Former", "The", "Vice"],
    "determiners": ["the"],
    "team_before": ["beat", "draw with"],
    "team_after": ["beat"],
}
PLACES = Places(frozenset({"Kenya"}), frozenset({"Hull", "Obama", "Oslo"}))


CASES = [
    # business phrases make a company of what the tagger took for a person or place
    ("Shares of Vorlax rose.", [("PER", "Vorlax")], [], [("ORG", "Vorlax")]),
    ("Vorlax's shares rose.", [("LOC", "Vorlax")], [], [("ORG", "Vorlax")]),
    ("Vorlax said its profit fell.", [("PER", "Vorlax")], [], [("ORG", "Vorlax")]),
    # a person's full name stays a person, and "shares the" is a verb's
    ("Ann Vorlax shares rose.", [("PER", "Ann Vorlax")], [], [("PER", "Ann Vorlax")]),
    ("Vorlax shares the lead.", [("PER", "Vorlax")], [], [("PER", "Vorlax")]),
    # a known place stays one ("Oslo shares")
    ("Oslo shares fell.", [("LOC", "Oslo")], [], [("LOC", "Oslo")]),
    # the name before "<role> <Person>" is the organisation's, found where the tagger missed it
    (
        "Zentrix CEO Ann Lee spoke.",
        [("PER", "Ann Lee")],
        [],
        [("ORG", "Zentrix"), ("PER", "Ann Lee")],
    ),
    # the name starts after the sentence before
    (
        "It rained on Monday. Zentrix CEO Ann Lee spoke.",
        [("PER", "Ann Lee")],
        [],
        [("ORG", "Zentrix"), ("PER", "Ann Lee")],
    ),
    # a country's is its state or team, a town before a team role its club
    (
        "Kenya coach Ann Lee and Hull' striker Bo Kim met.",
        [("LOC", "Kenya"), ("PER", "Ann Lee"), ("PER", "Hull"), ("PER", "Bo Kim")],
        [],
        [("LOC", "Kenya"), ("PER", "Ann Lee"), ("ORG", "Hull"), ("PER", "Bo Kim")],
    ),
    # a person's aide, a nationality and a role modifier name no organisation
    (
        "Obama spokesman Bo Kim said.",
        [("PER", "Obama"), ("PER", "Bo Kim")],
        [],
        [("PER", "Obama"), ("PER", "Bo Kim")],
    ),
    ("Dutch President Bo Kim said.", [("PER", "Bo Kim")], [("MISC", "Dutch")], [("PER", "Bo Kim")]),
    ("Former CEO Bo Kim said.", [("PER", "Bo Kim")], [], [("PER", "Bo Kim")]),
    # a capitalised title's own word names nothing, unless the tagger found a name there
    ("Sales President Bo Kim said.", [("PER", "Bo Kim")], [], [("PER", "Bo Kim")]),
    ("ZBX President Bo Kim said.", [("PER", "Bo Kim")], [], [("ORG", "ZBX"), ("PER", "Bo Kim")]),
    (
        "Zentrix President Bo Kim said.",
        [("ORG", "Zentrix"), ("PER", "Bo Kim")],
        [],
        [("ORG", "Zentrix"), ("PER", "Bo Kim")],
    ),
    ("The Vice President Bo Kim said.", [("PER", "Bo Kim")], [], [("PER", "Bo Kim")]),
    # towns next to a sports phrase or a score are clubs, found where the tagger missed them
    (
        "On Monday Hull beat Oslo Town 2-1 after a draw with Kenya.",
        [],
        [],
        [("ORG", "Hull"), ("ORG", "Oslo Town"), ("LOC", "Kenya")],
    ),
    ("Hull beat Vorlax.", [("LOC", "Hull")], [], [("ORG", "Hull")]),
    # people and unknown names stay as they are; a country stays a place
    ("Ann Lee beat Bo Kim 6-3.", [], [], []),
    ("Kenya beat Peru.", [("LOC", "Kenya")], [], [("LOC", "Kenya")]),
    # a longer organisation the tagger found is kept whole
    (
        "The Union of Oslo Miners President Bo Kim said.",
        [("ORG", "Union of Oslo Miners"), ("PER", "Bo Kim")],
        [],
        [("ORG", "Union of Oslo Miners"), ("PER", "Bo Kim")],
    ),
]


@pytest.mark.parametrize(("text", "found", "misc", "expected"), CASES)
def test_context_makes_organisations(text, found, misc, expected):
    rules = Context(WORDS)
    out = rules(text, spans_of(text, found), spans_of(text, misc), PLACES)
    assert named(text, out) == expected


def test_a_language_without_context_words_keeps_its_spans():
    text = "Shares of Vorlax rose."
    spans = [("PER", 10, 16)]
    assert Context({})(text, spans, [], PLACES) == spans
