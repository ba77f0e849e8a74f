from __future__ import annotations

import pytest

from factx.model import Label, Mention
from factx.resolve.overlaps import resolve_overlaps


def m(start, end, extractor, label=Label.ORG):
    return Mention(label, start, end, "x" * (end - start), extractor=extractor)


CASES = [
    ("earlier extractor wins", [m(0, 5, "b"), m(2, 8, "a")], ["a", "b"], [(2, 8, "a")]),
    ("longer span wins within one extractor", [m(0, 3, "a"), m(0, 8, "a")], ["a"], [(0, 8, "a")]),
    (
        "disjoint spans all stay",
        [m(5, 8, "b"), m(0, 4, "a")],
        ["a", "b"],
        [(0, 4, "a"), (5, 8, "b")],
    ),
    (
        "touching spans do not overlap",
        [m(0, 4, "a"), m(4, 8, "b")],
        ["a", "b"],
        [(0, 4, "a"), (4, 8, "b")],
    ),
    ("unknown extractor ranks last", [m(0, 4, "zz"), m(1, 3, "a")], ["a"], [(1, 3, "a")]),
    (
        "a place inside an amount stays beside it",
        [m(0, 20, "money", Label.MONEY), m(17, 20, "ner", Label.LOCATION)],
        ["money", "ner"],
        [(0, 20, "money"), (17, 20, "ner")],
    ),
    (
        "an organisation inside an amount does not",
        [m(0, 20, "money", Label.MONEY), m(17, 20, "ner")],
        ["money", "ner"],
        [(0, 20, "money")],
    ),
    (
        "a place across an amount's edge does not",
        [m(0, 20, "money", Label.MONEY), m(17, 24, "ner", Label.LOCATION)],
        ["money", "ner"],
        [(0, 20, "money")],
    ),
    (
        "places inside an amount still overlap each other by priority",
        [
            m(0, 20, "money", Label.MONEY),
            m(12, 20, "ner", Label.LOCATION),
            m(15, 20, "ner", Label.LOCATION),
        ],
        ["money", "ner"],
        [(0, 20, "money"), (12, 20, "ner")],
    ),
    (
        "a place in an amount that lost is judged on its own",
        [
            m(0, 8, "dates", Label.DATE),
            m(4, 20, "money", Label.MONEY),
            m(16, 20, "ner", Label.LOCATION),
        ],
        ["dates", "money", "ner"],
        [(0, 8, "dates"), (16, 20, "ner")],
    ),
]


@pytest.mark.parametrize(
    ("case", "mentions", "order", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_overlaps(case, mentions, order, expected):
    out = resolve_overlaps(mentions, order)
    assert [(x.start, x.end, x.extractor) for x in out] == expected


def test_places_inside_amounts_are_found_in_a_long_document():
    """Thousands of amounts, each holding a place, some places outside any: each place is
    checked against the one amount that may hold it (a bisection), and the answer is the
    one checking every amount would give."""
    mentions = []
    for i in range(3000):
        at = 100 * i
        mentions.append(m(at, at + 30, "money", Label.MONEY))
        mentions.append(m(at + 20, at + 30, "ner", Label.LOCATION))  # "8 млрд долларов [США]"
        mentions.append(m(at + 40, at + 50, "ner", Label.LOCATION))  # a place of its own
        mentions.append(m(at + 5, at + 10, "ner", Label.PERSON))  # no person sits inside
    out = resolve_overlaps(mentions, ["money", "ner"])
    kinds = {(x.label, x.start % 100) for x in out}
    assert kinds == {(Label.MONEY, 0), (Label.LOCATION, 20), (Label.LOCATION, 40)}
    assert len(out) == 3 * 3000
