"""Numbers as people write them in news: "12 480", "132,5", "98.200", "twenty-five", "hai mươi".

Every rule extractor that needs a number (quantities, money, percentages, durations, dates)
builds on :func:`number_pattern` and :func:`parse_number`, so a separator or a number word
added to ``lang/<code>/numbers.toml`` helps all of them at once. Scale words ("млн",
"triệu", "bn") are separate (:func:`scale_pattern`), because whether "m" after a number is
"million" or "metre" depends on what the caller is looking for.

All patterns are for the ``regex`` package and stay linear on long runs of digits and
separators: digit groups are possessive, and a number may not start inside another one.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import regex

from factx import lang as langdata
from factx.rules import trie

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
        token = regex.compile(rf"(?i:{word(every)})|\d+(?:[.,]\d+)?|[{''.join(VULGAR)}]")
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


def initials(words: Iterable[str], symbols: Iterable[str] = ()) -> str:
    """A lookahead for the first letters of some forms: a cheap test before an alternation."""
    chars = {c for w in words for c in (w[:1].lower(), w[:1].upper())} | {s[:1] for s in symbols}
    chars.discard("")
    return "(?=[" + "".join(regex.escape(c) for c in sorted(chars)) + "])" if chars else "(?!)"


def scale_pattern(lang: str) -> str:
    """Regex source for scale words after a number: "млн", "nghìn tỷ", "billion", "bn"."""
    return grammar(lang).scale


def suffix_pattern(lang: str) -> str:
    """Regex source for one-letter scales glued to digits ("$10k", "£48m"): money only."""
    return grammar(lang).suffix


def parse_scale(text: str, lang: str) -> float | None:
    """The factor of a scale run ("nghìn tỷ" → 1e12), or None if a word is unknown."""
    w = grammar(lang).words
    factor = 1.0
    for part in SPACES.split(text.strip()):
        value = w.abbreviations.get(part) or w.suffixes.get(part) or w.scales.get(part.casefold())
        if value is None:
            value = w.abbreviations.get(part.casefold()) or w.abbreviations.get(part + ".")
        if value is None:
            return None
        factor *= value
    return factor


def parse_number(text: str, lang: str) -> float | None:
    """The value of a string matched by :func:`number_pattern`, or None if it is not one."""
    g = grammar(lang)
    text = text.strip()
    if not text:
        return None
    if g.spaced != "(?!)" and regex.fullmatch(g.spaced, text):
        text = SPACES.sub("", text)  # "350 . 000" as tokenised text writes 350.000
    sign = 1.0
    if text[0] in "-−":
        sign, text = -1.0, text[1:].lstrip()
    lowered = text.casefold()
    for neg in g.words.negative:
        if lowered.startswith(neg.casefold()):
            sign, text = -1.0, text[len(neg) :].lstrip()
            break
    value = parse_digits(text, g) if text[:1].isdigit() else None
    if value is None:
        value = parse_words(text, g)
    return None if value is None else sign * value


def parse_digits(text: str, g: Grammar) -> float | None:
    w = g.words
    fraction = 0.0
    if text[-1] in VULGAR:
        fraction = VULGAR[text[-1]]
        text = text[:-1].rstrip()
    if not text:
        return fraction
    match = g.digit_run.fullmatch(text)
    if match is None:
        return None
    if w.decimal == "," and "," not in w.thousands and regex.fullmatch(ENGLISH_GROUPED, text):
        return float(text.replace(",", "")) + fraction
    if "/" in text:
        head, den = text.split("/")
        whole, _, num = head.replace("-", " ").replace("\u00a0", " ").rpartition(" ")
        if whole and not float(num) < float(den):
            return None  # "8-5/4" is no mixed number
        return float(whole or 0) + float(num) / float(den) if float(den) else None
    lowered = text.casefold()
    for dec_word in w.decimal_words:
        if f" {dec_word.casefold()} " in SPACES.sub(" ", lowered):
            whole, _, part = SPACES.sub(" ", lowered).partition(f" {dec_word.casefold()} ")
            base = parse_digits(whole, g)
            return None if base is None else base + float("0." + part)
    for sep in w.thousands:
        # A separator that is also a decimal mark ("." in Vietnamese) groups thousands only
        # where every group after it has three digits, which the pattern already checked.
        if sep in (w.decimal, w.decimal_alt) and not grouped(text, sep):
            continue
        text = text.replace(sep, "")
    text = text.replace(w.decimal, ".")
    if w.decimal_alt:
        text = text.replace(w.decimal_alt, ".")
    try:
        return float(text) + fraction
    except ValueError:
        return None


def grouped(text: str, sep: str) -> bool:
    head, *groups = text.split(sep)
    return bool(groups) and 1 <= len(head) <= 3 and all(len(gr[:3]) == 3 for gr in groups)


def parse_words(text: str, g: Grammar) -> float | None:
    """Numbers spelt out, read left to right: additive words add to the current group,
    multipliers ("hundred", "mươi") multiply the last word, scales close the group."""
    w = g.words
    lowered = SPACES.sub(" ", text.casefold())
    half = next((h for h in w.half_suffix if lowered.endswith(" " + h.casefold())), None)
    if half:
        lowered = lowered[: -len(half) - 1]
    total, current, last, top_scale = 0.0, 0.0, None, 0.0
    seen = False
    tokens = [t.casefold() for t in g.token.findall(lowered)]
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        i += 1
        if tok in VULGAR:
            current += VULGAR[tok]
            seen = True
        elif tok in w.fraction_words:
            current += w.fraction_words[tok]
            last, seen = None, True
        elif tok in (a.casefold() for a in w.articles):
            last = None
        elif tok in (d.casefold() for d in w.decimal_words) and i < len(tokens):
            nxt = tokens[i]
            i += 1
            digits = nxt if nxt.isdigit() else str(int(w.units.get(nxt, 0)))
            current += float("0." + digits)
        elif tok in w.units:
            current += w.units[tok]
            last, seen = w.units[tok], True
        elif tok in w.multipliers:
            factor = w.multipliers[tok]
            base = 1.0 if last is None else last
            current = current - (last or 0.0) + base * factor
            last, seen = base * factor, True
        elif tok in w.scales:
            factor = w.scales[tok]
            group = current if seen and current else 1.0
            if factor > top_scale:
                total, top_scale = (total + group) * factor, factor
            else:
                total += group * factor
            current, last, seen = 0.0, None, True
        elif tok[:1].isdigit():
            current += float(tok.replace(",", "."))
            last, seen = None, True
    if not seen:
        return None
    value = total + current
    return value + 0.5 * (top_scale or 1.0) if half else value


def forms_pattern(words: Iterable[str], symbols: Iterable[str] = ()) -> str:
    """One alternation of vocabulary forms, longest first across both kinds: written-out
    words match in any case, symbols ("MW", "т", "$") only as written."""
    kinds = {s: False for s in symbols} | {w: True for w in words}
    parts = []
    for form in sorted(kinds, key=lambda f: (-len(f), f)):
        escaped = regex.escape(form).replace(r"\ ", r"[ \u00a0]+")
        parts.append(f"(?i:{escaped})" if kinds[form] else escaped)
    if not parts:
        return r"(?!)"
    return f"(?:{'|'.join(parts)})(?!\\w)"


def finite(*values: float | None) -> bool:
    """Whether every given amount is a real number: 400 nines overflow a float to
    infinity, which no table or comparison can use, so such an amount is no mention."""
    return all(v is None or math.isfinite(v) for v in values)


def tidy(value: float) -> float:
    """Drop binary noise from scaling: 8.2 × 1e9 is 8200000000, not 8199999999.999999."""
    return float(f"{value:.12g}")


def words_before(text: str, start: int, count: int = 3) -> set[str]:
    """The last ``count`` words before ``start``, folded: the context a unit or currency
    form may rule out ("weighed 20 pounds")."""
    return {fold(w) for w in WORDS.findall(text, max(0, start - 60), start)[-count:]}


def fold(form: str) -> str:
    """The key a matched form is looked up by: case and spacing as in the data file."""
    return SPACES.sub(" ", form).casefold()
