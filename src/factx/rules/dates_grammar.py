"""The date patterns of each language: the templates of :mod:`factx.rules.dates_templates`
filled with the words in ``dates.toml`` and compiled, each with where it can start.

Word order differs between languages ("в прошлом году", "năm ngoái", "last year"), so each
language has its own templates; the words fill ``{PLACEHOLDERS}``. Every template names the
parts it captures with the same group names (``d``, ``m``, ``mw``, ``y``, ``rel``, ``unit``…)
so one resolver reads all of them, and a rule's *kind* says which resolver applies.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from factx import lang as langdata
from factx.rules.dates_templates import COMMON, DIGIT_LEAD, TEMPLATES, YEAR_PARTS
from factx.rules.holiday_calendar import holiday_source, vocabulary
from factx.rules.lazy import LazyPattern
from factx.rules.starts import DIGITS, Starts, template_starts
from factx.rules.timewords import TimeWords, alternation, count_source, time_words

# A date never starts inside a number or word ("Су-57", "47/2024/NĐ-CP") and never stops
# inside one or before a percent sign.
START = r"(?<![\w.,/\-–—])"
# A core that opens with a word may follow a dash ("январе–марте").
WORD_START = r"(?<!\w)"
END = r"(?![\w]|[.,/\-–—]\d|\s*%)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?!\d)"
MONTH_NO = r"(?:1[0-2]|0?[1-9])(?!\d)"
YEAR = r"(?:1[5-9]|20|21)\d\d(?!\d)"
YY = r"\d\d(?!\d)"
ROMAN = r"(?-i:IV|I{1,3})(?!\w)"
DASH = r"\s*[–—-]\s*"
PREFIX_WINDOW = 80

PLACEHOLDER = regex.compile(r"\{([A-Z_]+)\}")


@dataclass(frozen=True)
class Rule:
    """A core pattern, and the words that may (or, if ``required``, must) come before it."""

    kind: str
    pattern: LazyPattern
    prefix: LazyPattern | None = None
    required: bool = False
    starts: Starts | None = None  # the tokens a match can start at; None: anywhere

    def prefix_before(self, text: str, start: int) -> regex.Match[str] | None:
        """The prefix ending exactly at ``start``, matched right to left."""
        if self.prefix is None:
            return None
        m = self.prefix.search(text, max(0, start - PREFIX_WINDOW), start, timeout=1.0)
        return m if m is not None and m.start() < start else None


def word_lists(w: TimeWords) -> dict[str, list[str]]:
    """The placeholders that are plain lists of words, for :func:`pieces` (as
    alternations) and :func:`piece_starts` (as first tokens)."""
    data = {
        "REL": w.relative,
        "DEICTIC": w.deictic,
        "UY": w.units_of("year"),
        "UQ": w.units_of("quarter"),
        "UH": w.units_of("half"),
        "UW": w.units_of("week"),
        "UPERIOD": w.units_of("year", "quarter", "month", "week", "half"),
        "UALL": w.units,
        "AGO": w.after_count,
        "BEFORE": w.before_count,
        "YCUE": w.words("year_cues") + w.words("year_cues_weak"),
        "NOYEAR": w.words("year_not_before") + unit_words(w.lang),
    }
    named = {
        "YW": "year_words",
        "ROPEN": "range_open",
        "RJOIN": "range_join",
        "DAYW": "day_words",
        "APPROX": "approximate",
        "YABBR": "year_abbreviations",
        "HALFW": "half_words",
        "HOLYEAR": "holiday_year_cues",
        "DJOIN": "day_list_join",
        "DTO": "day_range_join",
        "YDET": "year_determiners",
        "MREL": "month_relative",
    }
    return {key: list(words) for key, words in data.items()} | {
        key: w.words(name) for key, name in named.items()
    }


def pieces(w: TimeWords, trie: bool = True) -> dict[str, str]:
    """The placeholder values for one language; ``trie=False`` for prefixes, which are
    matched right to left (see :func:`alternation`)."""
    # A month word that is also a unit ("tháng năm": May, or "năm" = year) must not swallow
    # the year word of "tháng 5 năm nay".
    shared = [m for m in w.months if m in w.units]
    guard = rf"(?:{alternation(shared, trie)})(?!\s+(?:{alternation(w.relative, trie)}|\d))"
    words = "|".join(p for p in (guard if shared else "", alternation(w.months, trie)) if p)
    return {key: alternation(words, trie) for key, words in word_lists(w).items()} | {
        "YEAR": YEAR,
        "YY": YY,
        "DAY": DAY,
        "MONTH_NO": MONTH_NO,
        "ROMAN": ROMAN,
        "DASH": DASH,
        "MONTH": w.month_source(trie=trie),
        "MONTHF": w.month_source(abbreviations=False, trie=trie),
        "VMONTH": rf"(?:(?<m>{MONTH_NO})|(?<mw>{words}))",
        "WD": w.weekday_source(trie=trie),
        "WDA": w.weekday_source(abbreviations=True, trie=trie),
        "ORD": w.ordinal_source(trie),
        "OSUF": w.ordinal_suffix_source(),
        "HOL": holiday_source(w.lang, trie),
        "N": count_source(w.lang),
    }


def piece_starts(w: TimeWords) -> dict[str, Starts]:
    """The first tokens of the placeholders a core may open with (see :func:`pieces`)."""
    return {key: Starts.of_words(words) for key, words in word_lists(w).items()} | {
        **dict.fromkeys(("YEAR", "YY", "DAY", "MONTH_NO"), DIGITS),
        "MONTH": Starts.of_words([*w.months, *w.month_abbreviations]),
        "MONTHF": Starts.of_words(w.months),
        "WD": Starts.of_words(w.weekdays),
        "WDA": Starts.of_words(w.weekday_abbreviations),
        "ORD": Starts.of_words(w.ordinal_tens) | Starts.of_prefixes(w.ordinals),
        "HOL": Starts.of_prefixes(vocabulary(w.lang)),  # endings may follow: "Diwalis"
    }


def unit_words(lang: str) -> list[str]:
    """Units of measure (``lang/<code>/units.toml``): a number before one is an amount."""
    units = langdata.load(lang, "units").get("units", [])
    return [w for u in units for w in (*u.get("words", ()), *u.get("symbols", ()))]


def fill(template: str, values: dict[str, str]) -> str:
    """Expand placeholders until none is left (YEARPART holds some of its own)."""
    for _ in range(3):
        template = PLACEHOLDER.sub(lambda m: values[m[1]], template)
    return template


@cache
def rules(lang: str) -> tuple[Rule, ...]:
    w = time_words(lang)
    core_values, prefix_values = pieces(w), pieces(w, trie=False)
    for values in (core_values, prefix_values):
        values["YEARPART"] = YEAR_PARTS.get(lang, r"(?!)")
    flags = regex.IGNORECASE
    first = piece_starts(w)
    compiled = []
    for kind, core, prefix in [*COMMON, *TEMPLATES.get(lang, [])]:
        if kind == "holiday" and not vocabulary(lang):
            continue
        if kind == "holiday" and w.data.get("relative_after"):
            prefix = None  # "trước tết" is "before Tết"; the last one is "Tết trước"
        required = prefix is not None and prefix.startswith("!")
        # A required prefix bounds the match on the left itself ("2019Q4" has no space);
        # where it ends in a space, the core starts a word. Cores start with a word
        # character, and a leading \b lets the engine skip to word starts: 2-4x faster.
        if required:
            start = r"\b(?<=\s)" if prefix.endswith(r"\s+") else ""
        else:
            start = START if core.startswith(DIGIT_LEAD) else r"\b" + WORD_START
        pattern = LazyPattern(start + fill(core, core_values) + END, flags)
        # Without a boundary the core may start inside a token ("2019Q4"): scan it all.
        starts = template_starts(core, first) if start else None
        if prefix is None:
            compiled.append(Rule(kind, pattern, starts=starts))
            continue
        source = rf"(?r){START}(?:{fill(prefix.lstrip('!'), prefix_values)})\Z"
        compiled.append(Rule(kind, pattern, LazyPattern(source, flags), required, starts))
    return tuple(compiled)
