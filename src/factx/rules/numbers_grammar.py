"""The compiled number grammar of one language, built from its ``numbers.toml``.

Split from :mod:`factx.rules.numbers` so the one job of turning a language's separators and
number words into regex sources (digits with grouping, spelt-out runs, scale words) sits
apart from reading a matched number's value (:mod:`factx.rules.numbers_parse`). Every
pattern is for the ``regex`` package and stays linear on long runs of digits and
separators: digit groups are possessive, and a number may not start inside another one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import regex

from factx import lang as langdata
from factx.rules import compiled, trie

# Word separators inside a spelt number: spaces, or a hyphen ("twenty-five").
SEP = r"(?:[ \t\u00a0\u202f]+|[ \t]*-[ \t]*)"
# A number never starts right after a word character, a separator, "letter-" ("Су-57") or
# "digit/" ("12/2025"), nor as a bare group of three after "digit space" ("10 000" in
# English): that is the tail of a number in a grouping this language does not use.
START = r"(?<![\w.,]|\w[-–/])(?<!\d[ \u00a0\u202f](?=\d{3}(?!\d)))"
# …and never stops in the middle of one ("21.06.2024", "1-800-444", "3-1", "47/2024").
END = r"(?![.,]?\d)(?![-–/]\d)"
SIGN = r"[-−](?=\d)"
SPACES = regex.compile(r"[\s\u00a0\u202f]+")
WORDS = regex.compile(r"\w+")
ENGLISH_GROUPED = r"\d{1,3}(?:(?:,\d{3}){2,}(?:\.\d+)?|,\d{3}\.\d+)"
VULGAR = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅛": 0.125}


def alternation(words: Iterable[str]) -> str:
    """Longest first, so "семьсот" is never read as "семь" + "сот"; trie-shaped, so a scan
    tests a first letter once rather than once per word."""
    return trie.pattern(words)


def word(words: Iterable[str]) -> str:
    return rf"(?:{alternation(words)})(?!\w)"


@dataclass(frozen=True)
class NumberWords:
    """One language's ``numbers.toml``: separators and the words that spell numbers."""

    lang: str
    decimal: str
    decimal_alt: str
    thousands: tuple[str, ...]
    fractions: bool
    negative: tuple[str, ...]
    decimal_words: tuple[str, ...]
    joiners: tuple[str, ...]
    half_suffix: tuple[str, ...]
    continuation_only: frozenset[str]
    articles: tuple[str, ...]
    bare_scales: tuple[str, ...]
    spaced_thousands: bool
    units: dict[str, float]
    fraction_words: dict[str, float]
    multipliers: dict[str, float]
    scales: dict[str, float]
    abbreviations: dict[str, float]
    suffixes: dict[str, float]

    @classmethod
    def load(cls, lang: str) -> NumberWords:
        data = langdata.require(lang, "numbers", "number words")

        def table(key: str) -> dict[str, float]:
            return {k.casefold(): float(v) for k, v in data.get(key, {}).items()}

        return cls(
            lang=lang,
            decimal=data.get("decimal", "."),
            decimal_alt=data.get("decimal_alt", ""),
            thousands=tuple(data.get("thousands", ())),
            fractions=bool(data.get("fractions", False)),
            negative=tuple(data.get("negative", ())),
            decimal_words=tuple(data.get("decimal_words", ())),
            joiners=tuple(data.get("joiners", ())),
            half_suffix=tuple(data.get("half_suffix", ())),
            continuation_only=frozenset(w.casefold() for w in data.get("continuation_only", ())),
            articles=tuple(data.get("articles", ())),
            bare_scales=tuple(data.get("bare_scales", ())),
            spaced_thousands=bool(data.get("spaced_thousands", False)),
            units=table("units"),
            fraction_words=table("fractions_words"),
            multipliers=table("multipliers"),
            scales=table("scales"),
            # Abbreviations are case-sensitive ("M" is a million, "m" may be a metre).
            abbreviations={k: float(v) for k, v in data.get("scale_abbreviations", {}).items()},
            suffixes={k: float(v) for k, v in data.get("scale_suffixes", {}).items()},
        )


@dataclass(frozen=True)
class Grammar:
    """The compiled patterns of one language, built once and shared (see :func:`grammar`)."""

    words: NumberWords
    digits: str
    spelt: str
    number: str
    scale: str
    suffix: str
    token: regex.Pattern[str]
    digit_run: regex.Pattern[str]
    spaced: str  # "350 . 000" in tokenised text, for amounts only; "(?!)" if not read

    @classmethod
    def build(cls, lang: str) -> Grammar:
        w = NumberWords.load(lang)
        digits = digits_source(w)
        spelt = spelt_source(w)
        negative = rf"(?:(?i:{word(w.negative)})[ \u00a0]?|{SIGN})?" if w.negative else f"{SIGN}?"
        vulgar = alternation(VULGAR)
        with_vulgar = rf"(?:{digits})(?:[ \u00a0]?(?:{vulgar}))?"
        number = rf"{START}{negative}(?:{with_vulgar}|(?:{vulgar})|(?:{spelt}))"
        scale_words = {**w.scales, **w.abbreviations}
        one_scale = rf"(?:(?i:{word(w.scales)})|{abbreviation_source(w.abbreviations)})"
        scale = rf"{one_scale}(?:[ \u00a0]+{one_scale})*" if scale_words else r"(?!)"
        suffix = abbreviation_source(w.suffixes) if w.suffixes else r"(?!)"
        every = [
            *w.units,
            *w.fraction_words,
            *w.multipliers,
            *w.scales,
            *w.negative,
            *w.decimal_words,
            *w.articles,
        ]
        token = compiled.pattern(rf"(?i:{word(every)})|\d+(?:[.,]\d+)?|[{''.join(VULGAR)}]")
        spaced = "(?!)"
        if w.spaced_thousands and w.thousands:
            sep = "[" + "".join(regex.escape(s) for s in w.thousands if s.strip()) + "]"
            spaced = rf"\d{{1,3}}(?:[ ]{sep}[ ]\d{{3}})++(?![ ]?[.,]?[ ]?\d)"
        return cls(w, digits, spelt, number, scale, suffix, token, regex.compile(digits), spaced)


def digits_source(w: NumberWords) -> str:
    """Digits with this language's grouping: a group needs exactly three digits after a
    separator, so "1.250" is 1250 in Vietnamese while "1.5" stays one and a half."""
    decimals = regex.escape(w.decimal + w.decimal_alt)
    body = r"\d++"
    if w.thousands:
        sep = "[" + "".join(regex.escape(s) for s in w.thousands) + "]"
        body = rf"(?:\d{{1,3}}(?:{sep}\d{{3}})++(?!\d)|\d++)"
    source = rf"{body}(?:[{decimals}]\d++)?"
    if w.decimal == "," and "," not in w.thousands:
        # "1,250,000" or "10,000.50" in a language with a decimal comma: an English-grouped
        # number, which its own form gives away.
        source = rf"(?:{ENGLISH_GROUPED}(?![.,]?\d)|{source})"
    if w.decimal_words:
        source += rf"(?:[ \u00a0]+(?i:{word(w.decimal_words)})[ \u00a0]+\d++)?"
    if w.fractions:
        # "8-1/2", "2 3/4": a whole number and a proper fraction.
        mixed = r"\d{1,3}(?:-|[ \u00a0])\d/\d{1,2}(?![/\d])"
        source = rf"(?:{mixed}|\d{{1,4}}/\d{{1,4}}(?!/)|{source})"
    return source + END


def spelt_source(w: NumberWords) -> str:
    """A run of number words: a first word that can open a number, then any number words
    joined by spaces or hyphens ("six hundred thirty-one thousand and fourteen")."""
    starters = [u for u in w.units if u not in w.continuation_only]
    cont = word([*w.units, *w.multipliers, *w.scales])
    big = [*w.multipliers, *w.scales]
    parts = [rf"{SEP}{cont}"]
    if w.joiners and big:
        # "and" only after hundred/thousand…: "one hundred and two", never "five and six".
        parts.append(rf"(?<=(?i:{alternation(big)}))[ \t]+(?i:{word(w.joiners)})[ \t]+{cont}")
    first = [rf"(?i:{word(starters)})"]
    if w.bare_scales:
        # "более триллиона долларов": a scale word on its own is one of it.
        first.append(rf"(?i:{word(w.bare_scales)})")
    if w.articles and big:
        first.append(rf"(?i:{word(w.articles)})[ \t]+(?i:{word(big)})")
    if w.fraction_words:
        # "half a million", "a third of a tonne", "quarter-litre": a fraction needs "of"/"a"
        # or a hyphen after it, so "the third quarter" is no number.
        frac = rf"(?:(?:a|one)[ \t-]+)?{word(w.fraction_words)}"
        first.append(
            rf"(?i:{frac}(?:(?:[ \t]+of)?[ \t]+an?(?!\w)|[ \t]+of(?!\w)|(?=-\w)|(?=[ \t]+{cont})))"
        )
    source = rf"(?:{'|'.join(first)})(?i:{'|'.join(parts)})*"
    if w.decimal_words:
        source += rf"(?:[ \t]+(?i:{word(w.decimal_words)})[ \t]+(?:\d++|(?i:{word(w.units)})))?"
    if w.half_suffix:
        source += rf"(?:[ \t]+(?i:{word(w.half_suffix)}))?"
    return source


def abbreviation_source(table: dict[str, float]) -> str:
    """Case-sensitive abbreviations ("млн", "тыс.", "bn"), never the start of a longer word."""
    return rf"(?:{alternation(table)})(?!\w)"


@cache
def grammar(lang: str) -> Grammar:
    return Grammar.build(lang)
