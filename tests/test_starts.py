"""The first tokens a pattern template can start with, read from the template."""

from __future__ import annotations

import pytest

from factx.rules.amounts import Amounts
from factx.rules.dates_grammar import rules
from factx.rules.starts import DIGITS, Starts, template_starts

PIECES = {"MONTH": Starts.of_words(["января", "янв."]), "YEAR": DIGITS, "N": DIGITS}

CASES = [
    (r"(?<mw>{MONTH})(?:{YEARPART})?", Starts(words=frozenset({"января", "янв"}))),
    (r"(?<y>{YEAR})-(?:х|е)", DIGITS),
    (r"(?:year\s+|FY\s*)(?<y>{YEAR})", Starts(prefixes=("fy", "year"))),
    (r"Q(?<q>[1-4])", Starts(prefixes=("q",))),
    (r"qu[ýí]\s+(?<q>[1-4])", Starts(prefixes=("qu",))),
    (r"(?:с|со)\s+(?<d>{DAY})", Starts(prefixes=("с", "со"))),
    (r"(?<y>(?:19|20)\d\d)", DIGITS),
    (r"(?:{MONTH}|кв\.(?=\s*{YEAR}))", Starts(frozenset({"января", "янв"}), ("кв",))),
    (r"an?\s+{N}", Starts(prefixes=("a",))),
]


@pytest.mark.parametrize(("template", "expected"), CASES)
def test_first_tokens_of_a_template(template, expected):
    assert template_starts(template, PIECES) == expected


@pytest.mark.parametrize(
    "template",
    [
        r"(?:{MONTH})?\s+(?<y>{YEAR})",  # an optional first element
        r"[A-Z]\w+",  # a character class
        r"(?-i:IV|I{1,3})",  # inline flags
        r"{UNKNOWN}\s+",  # a placeholder without words
    ],
)
def test_unreadable_templates_scan_everywhere(template):
    assert template_starts(template, PIECES) is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "В январе 2024 года, 12.03.2023, с 1 по 5 мая и в III квартале 2019 г. вчера"),
        ("vi", "Ngày 12/3/2024, tháng 5 năm ngoái, quý 3 năm 2019 và hôm qua, thập niên 1990"),
        ("en", "On May 5, 2024, Q3 2019, FY2020, last week and the 2011 protests in the 1990s"),
    ],
)
def test_each_date_rule_finds_what_a_whole_text_scan_finds(lang, text):
    scan = Amounts(lang).scan(text)
    for rule in rules(lang):
        if rule.starts is None:
            continue
        s = rule.starts
        tried = scan.matches(rule.pattern, scan.starts(s.words, s.prefixes, s.digits))
        assert [m.span() for m in tried] == [m.span() for m in rule.pattern.finditer(text)]
    assert sum(1 for rule in rules(lang) if rule.starts is not None) > len(rules(lang)) // 2


def test_templates_see_through_named_and_plain_groups():
    assert template_starts(r"(?<a>(?:(?P<b>{YEAR})))", PIECES) == DIGITS
    assert template_starts(r"(?<a>(?:(?P<b>{YEAR}))?)x", PIECES) is None
