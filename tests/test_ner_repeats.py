"""Lone surnames of people the document names in full, on their own."""

from __future__ import annotations

import pytest
from nerkit import named, spans_of

from factx.ner.repeats import surnames

TITLES = {"Mr", "Dr."}
PLACES = {"Hull"}

CASES = [
    # a surname alone is the person, after a title or a sentence's end too
    (
        "Ann Voss left. Voss said Mr Voss was tired. Friday. Voss slept.",
        [("PER", "Ann Voss")],
        [("PER", "Ann Voss"), ("PER", "Voss"), ("PER", "Voss"), ("PER", "Voss")],
    ),
    # not inside another name, nor a place, nor a short word, nor a span already found
    (
        "Ann Voss, Bo Hull and Al Li met at Voss Street; Hull and Li left. Voss Inc grew.",
        [("PER", "Ann Voss"), ("PER", "Bo Hull"), ("PER", "Al Li"), ("LOC", "Voss Street")],
        [("PER", "Ann Voss"), ("PER", "Bo Hull"), ("PER", "Al Li"), ("LOC", "Voss Street")],
    ),
    # a name of one word gives nothing to look for
    ("Voss left. Voss said.", [("PER", "Voss")], [("PER", "Voss")]),
]


@pytest.mark.parametrize(("text", "found", "expected"), CASES)
def test_a_lone_surname_is_the_person(text, found, expected):
    out = surnames(text, spans_of(text, found), PLACES.__contains__, TITLES.__contains__)
    assert named(text, out) == expected


def test_a_surname_inside_any_earlier_span_stays_out_however_the_spans_nest():
    """A long span covers a later match even when a shorter span inside it starts after
    it and ends before the match: the lookup keeps the furthest end reached so far."""
    text = "Anna Lee Smith spoke at the bank of Smith in town, and Smith left."
    bank = text.index("the bank")
    spans = [
        ("PER", 0, 14),
        ("ORG", bank, text.index(",")),  # "the bank of Smith in town"
        ("ORG", bank + 4, bank + 8),  # "bank", inside it, ending before "Smith"
    ]
    found = surnames(text, spans, lambda w: False, lambda w: False)
    given = {(label, s) for label, s, _ in spans}
    assert [s for label, s, _ in found if (label, s) not in given] == [text.rindex("Smith")]
