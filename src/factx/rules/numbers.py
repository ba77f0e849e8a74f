"""Numbers as people write them in news: "12 480", "132,5", "98.200", "twenty-five", "hai mươi".

Every rule extractor that needs a number (quantities, money, percentages, durations, dates)
builds on :func:`number_pattern` and :func:`parse_number`, so a separator or a number word
added to ``lang/<code>/numbers.toml`` helps all of them at once. Scale words ("млн",
"triệu", "bn") are separate (:func:`scale_pattern`), because whether "m" after a number is
"million" or "metre" depends on what the caller is looking for.

All patterns are for the ``regex`` package and stay linear on long runs of digits and
separators: digit groups are possessive, and a number may not start inside another one.

The grammar lives in :mod:`factx.rules.numbers_grammar`, value parsing in
:mod:`factx.rules.numbers_parse` and shared form helpers in
:mod:`factx.rules.numbers_forms`; this module composes them into the patterns callers use
and re-exports their public names, so ``numbers.X`` keeps working for every caller.
"""

from __future__ import annotations

import regex

from factx.rules.numbers_forms import finite, fold, forms_pattern, initials, tidy, words_before
from factx.rules.numbers_grammar import (
    END,
    ENGLISH_GROUPED,
    SEP,
    SIGN,
    SPACES,
    START,
    VULGAR,
    WORDS,
    Grammar,
    NumberWords,
    abbreviation_source,
    alternation,
    digits_source,
    grammar,
    spelt_source,
    word,
)
from factx.rules.numbers_parse import grouped, parse_digits, parse_number, parse_scale, parse_words

__all__ = [
    "END",
    "ENGLISH_GROUPED",
    "SEP",
    "SIGN",
    "SPACES",
    "START",
    "VULGAR",
    "WORDS",
    "Grammar",
    "NumberWords",
    "abbreviation_source",
    "alternation",
    "amount_pattern",
    "amount_value",
    "digits_source",
    "finite",
    "fold",
    "forms_pattern",
    "grammar",
    "grouped",
    "initials",
    "number_pattern",
    "parse_digits",
    "parse_number",
    "parse_scale",
    "parse_words",
    "scale_pattern",
    "spelt_source",
    "suffix_pattern",
    "tidy",
    "word",
    "words_before",
]


def number_pattern(lang: str, glued: bool = False) -> str:
    """Regex source matching one number in ``lang``: digits or number words, with sign.

    Use with the ``regex`` package; scale words after the number are not included (see
    :func:`scale_pattern`). ``glued=True`` lets the number touch a word before it, for
    callers that put a currency code there themselves ("RM42", "USD1,23").
    """
    number = grammar(lang).number
    return number.removeprefix(START) if glued else number


def amount_pattern(lang: str, glued: bool = False) -> str:
    """Regex source for a number with the scale after it, if any: groups ``num``, ``scale``
    ("28,5 млн") and ``suffix`` (glued, "$10k"). ``glued`` as in :func:`number_pattern`."""
    g = grammar(lang)
    gap = r"[ \u00a0\u202f]*"
    number = number_pattern(lang, glued)
    if g.spaced != "(?!)":
        number = rf"(?:{'' if glued else START}{g.spaced}|{number})"
    return rf"(?P<num>{number})(?:(?P<suffix>{g.suffix})|{gap}(?P<scale>{g.scale}))?"


def amount_value(m: regex.Match[str], lang: str, scaled: bool = True) -> float | None:
    """The value of an :func:`amount_regex` match, with its scale unless ``scaled=False``."""
    value = parse_number(m["num"], lang)
    scale = (m["scale"] or m["suffix"]) if scaled else None
    if value is None or not scale:
        return value
    return value * (parse_scale(scale, lang) or 1.0)


def scale_pattern(lang: str) -> str:
    """Regex source for scale words after a number: "млн", "nghìn tỷ", "billion", "bn"."""
    return grammar(lang).scale


def suffix_pattern(lang: str) -> str:
    """Regex source for one-letter scales glued to digits ("$10k", "£48m"): money only."""
    return grammar(lang).suffix
