"""Corpus-level joins (factx.resolve.corpus): which names become one entity, and which never."""

from __future__ import annotations

import pandas as pd
import pytest

from factx import tables
from factx.resolve.corpus import given_name_last, loose, unify_orgs, unify_people


def frame(rows):
    df = pd.DataFrame(rows, columns=["doc_id", "lang", "label", "text", "norm"])
    for c in tables.MENTIONS:
        if c not in df:
            df[c] = None
    return df[list(tables.MENTIONS)].astype(tables.MENTIONS)


def people(*mentions):
    """(doc, lang, text, per-document norm) → the corpus-wide norms, in order."""
    df = frame([(d, lang, "PERSON", text, norm) for d, lang, text, norm in mentions])
    return list(unify_people(df))


JOINED = [
    (
        "a surname alone joins the one full name, across documents and scripts",
        [
            ("a", "ru", "Владимир Путин", "Vladimir Putin"),
            ("b", "vi", "Putin", "Putin"),
            ("c", "en", "Putin", "Putin"),
        ],
        ["Vladimir Putin"] * 3,
    ),
    (
        "a transliterated name takes the Latin spelling of the sources",
        [("a", "ru", "Дональд Трамп", "Donald Tramp"), ("b", "en", "Donald Trump", "Donald Trump")],
        ["Donald Trump"] * 2,
    ),
    (
        "a transliterated surname joins a Latin full name",
        [("a", "ru", "Шольц", "Sholts"), ("b", "en", "Olaf Scholz", "Olaf Scholz")],
        ["Olaf Scholz"] * 2,
    ),
    (
        "case aside",
        [
            ("a", "en", "MARTA KOWALCZYK", "MARTA KOWALCZYK"),
            ("b", "en", "Marta Kowalczyk", "Marta Kowalczyk"),
        ],
        ["Marta Kowalczyk"] * 2,
    ),
    (
        "a name written without diacritics joins its one accented spelling",
        [
            ("a", "en", "Trinh Van Khai", "Trinh Van Khai"),
            ("b", "vi", "Trịnh Văn Khải", "Trịnh Văn Khải"),
        ],
        ["Trịnh Văn Khải"] * 2,
    ),
    (
        "one name repeating a word in two cases writes it one way",
        [("a", "en", "Hana HANA", "Hana HANA")],
        ["HANA HANA"],
    ),
    (
        "a transliterated name alone keeps its own spelling",
        [("a", "ru", "Дональд Трамп", "Donald Tramp")],
        ["Donald Tramp"],
    ),
]

APART = [
    (
        "Vietnamese names that share consonants are different people",
        [
            ("a", "vi", "Hoàng Thị Lan", "Hoàng Thị Lan"),
            ("b", "vi", "Nghĩa Thị Lan", "Nghĩa Thị Lan"),
        ],
    ),
    (
        "a Vietnamese name is no misspelling of another",
        [("a", "vi", "Phan Trãi", "Phan Trãi"), ("b", "vi", "Phan Tro", "Phan Tro")],
    ),
    (
        "English names that share consonants are different people",
        [("a", "en", "Kenji Kamo", "Kenji Kamo"), ("b", "en", "Kenta Kim", "Kenta Kim")],
    ),
    (
        "same surname, other given name",
        [("a", "en", "Ivo Petrak", "Ivo Petrak"), ("b", "en", "Ivan Petrak", "Ivan Petrak")],
    ),
    (
        "a Vietnamese given name alone is nobody's short form across documents",
        [("a", "vi", "Lý Thị Thư", "Lý Thị Thư"), ("b", "vi", "Thư", "Thư")],
    ),
    (
        "a given name with Vietnamese marks, whatever the surname",
        [("a", "vi", "Tào Đức Thắng", "Tào Đức Thắng"), ("b", "vi", "Thắng", "Thắng")],
    ),
    (
        "two accented spellings are two names",
        [("a", "vi", "Hoa", "Hoa"), ("b", "vi", "Hòa", "Hòa")],
    ),
    (
        "a surname that ends two full names joins neither",
        [
            ("a", "en", "Anna Brill", "Anna Brill"),
            ("b", "en", "Tom Brill", "Tom Brill"),
            ("c", "en", "Brill", "Brill"),
        ],
    ),
    (
        "two Cyrillic names are compared as written, not loosely",
        [("a", "ru", "Маркус Лейн", "Markus Lehn"), ("b", "ru", "Марк", "Mark")],
    ),
]


@pytest.mark.parametrize(("case", "mentions", "norms"), JOINED, ids=[c[0] for c in JOINED])
def test_names_join_on_evidence(case, mentions, norms):
    assert people(*mentions) == norms


@pytest.mark.parametrize(("case", "mentions"), APART, ids=[c[0] for c in APART])
def test_names_without_evidence_stay_apart(case, mentions):
    assert people(*mentions) == [norm for *_, norm in mentions]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Tramp", "Trump", True),
        ("Shoygu", "Shoigu", True),
        ("Makron", "Macron", True),
        ("Sholts", "Scholz", True),
        ("Putin", "Petrov", False),
        ("Lavrov", "Lebedev", False),
    ],
)
def test_loose_spelling_aside_transliteration_variants(a, b, same):
    assert (loose(a) == loose(b)) is same


@pytest.mark.parametrize(
    ("name", "last"),
    [
        ("Nguyễn Văn An", True),
        ("Kim Jong Un", True),
        ("Tào Đức Thắng", True),
        ("Vladimir Putin", False),
        ("François Hollande", False),
        ("Recep Tayyip Erdoğan", False),
    ],
)
def test_names_whose_last_word_is_a_given_name(name, last):
    assert given_name_last(name.split(" ")) is last


ORGS = [
    (
        "a legal form aside, one company across documents",
        [("a", "en", "Microsoft"), ("b", "en", "microsoft")],
        ["Microsoft", "Microsoft"],
    ),
    (
        "an abbreviation joins the one full name it spells",
        [("a", "en", "Northern Water Authority"), ("b", "en", "NWA")],
        ["Northern Water Authority"] * 2,
    ),
    (
        "an abbreviation that spells two full names joins neither",
        [
            ("a", "en", "Northern Water Authority"),
            ("b", "en", "National Wine Academy"),
            ("c", "en", "NWA"),
        ],
        ["Northern Water Authority", "National Wine Academy", "NWA"],
    ),
    (
        "abbreviations are read in their own language",
        [
            ("a", "ru", "Министерство обороны"),
            ("b", "ru", "Минобороны"),
            ("c", "en", "Minerals Oversight"),
        ],
        ["Министерство обороны", "Министерство обороны", "Minerals Oversight"],
    ),
]


@pytest.mark.parametrize(("case", "mentions", "norms"), ORGS, ids=[c[0] for c in ORGS])
def test_organisations_join_across_documents(case, mentions, norms):
    df = frame([(d, lang, "ORG", norm, norm) for d, lang, norm in mentions])
    assert list(unify_orgs(df)) == norms


@pytest.mark.parametrize("dtype", ["string[python]", "object", "string[pyarrow]"])
def test_people_join_whatever_stores_the_strings(dtype):
    """pandas 2.x stores strings in Python objects unless pyarrow is asked for, and only
    pyarrow's RE2 reads ``\\p{Cyrillic}`` in ``str.contains``: the test runs per value."""
    if "pyarrow" in dtype:
        pytest.importorskip("pyarrow")
    rows = [
        ("a", "ru", "PERSON", "Дональд Трамп", "Donald Tramp"),
        ("b", "en", "PERSON", "Donald Trump", "Donald Trump"),
        ("c", "en", "PERSON", "Putin", "Putin"),
        ("d", "ru", "PERSON", "Владимир Путин", "Vladimir Putin"),
    ]
    df = frame(rows)
    df["text"] = df["text"].astype(dtype)
    assert list(unify_people(df)) == ["Donald Trump"] * 2 + ["Vladimir Putin"] * 2
