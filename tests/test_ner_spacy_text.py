from __future__ import annotations

import pytest
import regex

from factx.model import Document, Label
from factx.ner.spacy_text import pieces

STOPS = {"in", "for", "of", "the", "on", "us", "v", "and"}

# text → what the model reads, line by line
PLACES = {"Leeds"}
WORDS = {"fraud", "case", "sues", "win", "beat", "rival", "end"}
PIECES = [
    ("   Gold rose.\n\nIt fell.", ["Gold rose.", "It fell."]),
    ("Gold  rose\tagain.", ["Gold rose again."]),
    # a headline takes the case its story uses, function words and known words go lower
    # case; the first word, a known place, a word opening a sentence and a word the model
    # does not know keep a capital
    (
        "OSLO BANK FINED IN FRAUD CASE\nOslo Bank was fined on Monday.",
        ["Oslo Bank fined in fraud case", "Oslo Bank was fined on Monday."],
    ),
    (
        "RIVAL SUES LEEDS AND ZORBAS\nZorbas denied it.",
        ["Rival sues Leeds and Zorbas", "Zorbas denied it."],
    ),
    # an acronym the story writes in capitals stays so
    ("NATO TALKS END\nThe NATO talks ended.", ["NATO talks end", "The NATO talks ended."]),
    # with no story to go by, the same rules
    ("KIGALI 2001-03-04", ["Kigali 2001-03-04"]),
    ("RIVAL BEAT ZORBAS", ["Rival beat Zorbas"]),
    # a wire headline's topic names nothing
    ("RUGBY - HULL WIN\nHull won.", ["Hull win", "Hull won."]),
    # "v" is versus; "US" stays as the story writes it, though "us" is a function word
    ("HULL V LEEDS IN US\nThe US side won.", ["Hull v Leeds in US", "The US side won."]),
    ("\n \n", []),
]


@pytest.mark.parametrize(("text", "expected"), PIECES)
def test_pieces_are_lines_in_ordinary_case(text, expected):
    found = pieces(text, STOPS, PLACES.__contains__, WORDS.__contains__)
    assert [p.text for p in found] == expected


@pytest.mark.parametrize("text", [t for t, _ in PIECES])
def test_pieces_map_every_word_back_to_the_document(text):
    for p in pieces(text, STOPS):
        for m in regex.finditer(r"\S+", p.text):
            start, end = p.offset(m.start()), p.offset(m.end())
            assert text[start:end].casefold() == m.group().casefold()


def test_a_blanked_header_does_not_hide_the_first_name(spacy_ner):
    # the .txt header ` date YYYY-MM-DD ` is blanked to spaces before the NER reads it
    body = "Saudi Aramco will cut the price of its crude for buyers in Asia, it said on Sunday."
    header = " date 2026-12-07 "
    doc = Document("d", header + body, "en", body_start=len(header))
    found = {(m.text, m.label) for m in spacy_ner.extract(doc.body_view())}
    plain = {(m.text, m.label) for m in spacy_ner.extract(Document("d", body, "en"))}
    assert ("Saudi Aramco", Label.ORG) in found
    assert found == plain


def test_an_all_caps_dateline_gives_its_place(spacy_ner):
    text = "CAIRO 2003-11-09\nEgypt's parliament met on Sunday."
    found = {(m.text, m.label) for m in spacy_ner.extract(Document("d", text, "en"))}
    assert ("CAIRO", Label.LOCATION) in found
