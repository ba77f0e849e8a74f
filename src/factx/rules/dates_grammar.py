"""The date patterns of each language, as templates over the words in ``dates.toml``.

Word order differs between languages ("в прошлом году", "năm ngoái", "last year"), so each
language has its own templates; the words fill ``{PLACEHOLDERS}``. Every template names the
parts it captures with the same group names (``d``, ``m``, ``mw``, ``y``, ``rel``, ``unit``…)
so one resolver reads all of them, and a rule's *kind* says which resolver applies.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import regex

from factx import lang as langdata
from factx.rules.holiday_calendar import holiday_source, vocabulary
from factx.rules.timewords import TimeWords, alternation, count_source, time_words

# A date never starts inside a number or word ("Су-57", "95/2025/NĐ-CP") and never stops
# inside one or before a percent sign.
START = r"(?<![\w.,/\-–—])"
# A core that opens with a word may follow a dash ("январе–марте").
WORD_START = r"(?<!\w)"
DIGIT_LEAD = ("(?<d>", "(?<y>", "(?<m>")
END = r"(?![\w]|[.,/\-–—]\d|\s*%)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?!\d)"
MONTH_NO = r"(?:1[0-2]|0?[1-9])(?!\d)"
YEAR = r"(?:1[5-9]|20|21)\d\d(?!\d)"
YY = r"\d\d(?!\d)"
ROMAN = r"(?-i:IV|I{1,3})(?!\w)"
DASH = r"\s*[–—-]\s*"
PREFIX_WINDOW = 80

# (kind, core, prefix). A core starts with a word wherever the date has one ("18 февраля"
# is the core "февраля" with the prefix "18 "), so on text without those words the engine
# skips ahead instead of trying every digit; what comes before the word (a day, a weekday,
# "прошлый", a count) is a prefix, matched backwards from where the core starts. A prefix
# starting with "!" is required.
WEEKDAY_PREFIX = r"(?:(?:{WD}|{WDA})\s*,?\s+)?"
COUNT_PREFIX = r"!(?<n>{N})\s+"

COMMON = [
    ("date", r"(?<y>{YEAR})-(?<m>(?:0[1-9]|1[0-2]))-(?<d>(?:0[1-9]|[12]\d|3[01]))", None),
    # "Diwali 2019", "Chinese New Year in 2018"
    (
        "holiday",
        r"(?<hol>{HOL})(?:{YEARPART}|\s+(?:{HOLYEAR})\s+(?<y>{YEAR})(?:\s*(?:{YW}))?)?",
        r"(?<hrel>{REL})\s+",
    ),
    ("deictic", r"(?<dayrel>{DEICTIC})", None),
]

RU_DAY = r"(?:(?<d>{DAY}){OSUF}|(?<dw>{ORD}))\s+"
# A day listed before another of the same month: "9 или 10 июня".
LISTED_DAY = r"(?<listed>(?<d0>{DAY})\s*(?:{DJOIN})\s*)?"
RU_YEAR_END = r"(?:-(?:го|м|й))?"
RU = [
    (
        "date",
        r"(?<d>{DAY})\.(?<m>{MONTH_NO})\.(?:(?<y>{YEAR})|(?<yy>{YY}))(?:\s*(?:{YW}))?",
        WEEKDAY_PREFIX,
    ),
    ("day_month", r"(?<d>{DAY})\.(?<m>{MONTH_NO})(?<dot>\.)?", WEEKDAY_PREFIX),
    ("date", r"(?<mw>{MONTH})(?:{YEARPART})?", "!" + WEEKDAY_PREFIX + LISTED_DAY + RU_DAY),
    ("date", r"(?<mw>{MONTH})(?:{YEARPART})", None),
    ("month", r"(?<mw>{MONTHF})", None),
    (
        "weekday",
        r"(?<wd>{WD})(?:\s+(?:на\s+)?(?<rel>{REL})\s+(?<unit>{UW}))?",
        r"(?<wrel>{REL})\s+",
    ),
    ("relative", r"(?<rel>{REL})\s+(?<unit>{UPERIOD})", None),
    ("shift", r"(?<unit>{UALL})\s+(?<ago>{AGO})", r"(?<n>{N})\s+"),
    ("shift", r"(?<before>{BEFORE})\s+(?:(?<n>{N})\s+)?(?<unit>{UALL})", None),
    (
        "quarter",
        r"(?:{UQ}|кв\.(?=\s*{YEAR}))(?:{YEARPART})?",
        r"!(?:(?<q>[1-4]){OSUF}|(?<qr>{ROMAN})|(?<qw>{ORD}))\s+",
    ),
    (
        "half",
        r"(?:{UH})(?:{YEARPART})?",
        r"!(?:(?<h>[12]){OSUF}|(?<hr>{ROMAN})|(?<hw>{ORD}))\s+",
    ),
    ("half", r"(?:{HALFW})(?:{YEARPART})", r"!(?:(?<h>[12]){OSUF}|(?<hw>{ORD}))\s+"),
    ("months_of_year", r"(?:месяцев|месяца)(?:{YEARPART})", COUNT_PREFIX),
    ("year", r"(?:{YW})", r"!(?<y>{YEAR})" + RU_YEAR_END + r"\s*"),
    ("decade", r"(?<y>{YEAR})-(?:х|е|ые|ых|ми)(?:\s*(?:{YW}))?", None),
    ("year_cue", r"(?<cue>{YCUE})\s+(?<y>{YEAR})" + RU_YEAR_END, None),
    ("range", r"(?<y>{YEAR}){DASH}(?<y2>{YEAR})(?:\s*(?:{YW}))?", None),
    (
        "range",
        r"(?:{ROPEN})\s+(?<y>{YEAR})(?:\s*(?:{YW}))?\s+(?:{RJOIN})\s+(?<y2>{YEAR})"
        r"(?:\s*(?:{YW}))?",
        None,
    ),
    ("range", r"(?<mw>{MONTH})(?:{YEARPART})?", r"!(?<d>{DAY}){DASH}(?<d2>{DAY})\s+"),
    (
        "range",
        r"(?:с|со)\s+(?<d>{DAY})\s+по\s+(?<d2>{DAY})\s+(?<mw>{MONTH})(?:{YEARPART})?",
        None,
    ),
]

VI_PREFIX = r"(?:(?:{WD}|{WDA})\s*,?\s+)?(?:(?<dayw>{DAYW})\s+)?"
# "ngày 7 và 8/12": two days of one month.
VI_LISTED = VI_PREFIX + LISTED_DAY
VI = [
    (
        "date",
        # "17-3-2004", and as print spaces or mixes its dashes: "17 - 3 – 2004".
        r"(?<d>{DAY})(?:(?<sep>[/.])(?<m>{MONTH_NO})(?P=sep)|\s*[-–]\s*(?<m>{MONTH_NO})\s*[-–]\s*)"
        r"(?:(?<y>{YEAR})|(?<yy>{YY}))",
        VI_PREFIX,
    ),
    ("day_month", r"(?<d>{DAY})/(?<m>{MONTH_NO})", VI_LISTED),
    # "tối 21-3": with a dash only after a day word (see `dash_day_cues`).
    ("day_month", r"(?<d>{DAY})\s*(?<dash>[-–])\s*(?<m>{MONTH_NO})", VI_PREFIX),
    ("date", r"tháng\s+{VMONTH}(?:{YEARPART})?", "!" + VI_LISTED + r"(?<d>{DAY})\s+"),
    ("date", r"tháng\s+{VMONTH}(?:{YEARPART})", None),
    # "tháng 2 tới" (the coming February), "tháng 11 vừa qua"; "tháng 3 tới nay" is "from
    # March until now", "tháng 4 tới 10…" "April to 10…".
    ("month", r"tháng\s+{VMONTH}(?:\s+(?<mrel>{MREL})(?!\s+(?:{REL}|\d)))?", None),
    (
        "weekday",
        r"(?<wd>{WD})(?:\s+(?:của\s+)?(?:tuần|tuần\s+lễ)\s+(?<rel>{REL})|\s+(?<wrel>{REL}))?",
        None,
    ),
    ("relative", r"(?<unit>{UPERIOD})\s+(?<rel>{REL})", None),
    ("shift", r"(?<unit>{UALL})\s+(?<ago>{AGO})", COUNT_PREFIX),
    # "cách đây hơn một năm"
    ("shift", r"(?<before>{BEFORE})\s+(?:(?:{APPROX})\s+)?(?<n>{N})\s+(?<unit>{UALL})", None),
    (
        "quarter",
        r"qu[ýí]\s+(?:(?<q>[1-4])(?!\d)|(?<qr>{ROMAN})|(?:thứ\s+)?(?<qw>{ORD}))(?:{YEARPART})?",
        None,
    ),
    (
        "months_of_year",
        r"tháng\s+(?<part>đầu|cuối)\s+năm(?:{YEARPART}|\s+(?<y>{YEAR}))?",
        COUNT_PREFIX,
    ),
    ("half", r"nửa\s+(?<part>đầu|cuối)\s+năm(?:{YEARPART}|\s+(?<y>{YEAR}))?", None),
    ("year", r"năm\s+(?<y>{YEAR})", None),
    ("decade", r"(?:thập\s+(?:niên|kỷ|kỉ)|những\s+năm)\s+(?<y>{YEAR})", None),
    ("year_cue", r"(?<cue>{YCUE})\s+(?<y>{YEAR})", None),
    ("range", r"(?<y>{YEAR}){DASH}(?<y2>{YEAR})", r"năm\s+"),
    (
        "range",
        r"(?:{ROPEN})\s+(?:năm\s+)?(?<y>{YEAR})\s+(?:{RJOIN})\s+(?:năm\s+)?(?<y2>{YEAR})",
        None,
    ),
]

EN_DAY = r"!" + WEEKDAY_PREFIX + r"(?<d>{DAY}){OSUF}\s+(?:of\s+)?"
EN = [
    ("date_us", r"(?<m>{DAY})/(?<d>{DAY})/(?:(?<y>{YEAR})|(?<yy>{YY}))", WEEKDAY_PREFIX),
    (
        "date",
        # "December 7 and 8" lists two days; "December 7 and 8 people" does not.
        r"(?<mw>{MONTH})\s+(?:the\s+)?(?<d>{DAY}){OSUF}"
        r"(?<list>\s+(?:{DJOIN})\s+(?<dl>{DAY}){OSUF}(?!\s+[\p{Ll}\d]))?(?:{YEARPART})?",
        WEEKDAY_PREFIX,
    ),
    ("date", r"(?<mw>{MONTH})(?:{YEARPART})?", EN_DAY),
    ("date", r"(?<dw>{ORD})\s+(?:day\s+)?of\s+(?<mw>{MONTH})(?:{YEARPART})?", None),
    ("date", r"(?<mw>{MONTH})\s+(?:the\s+)?(?<dw>{ORD})(?:{YEARPART})?", None),
    ("date", r"(?<mw>{MONTH})(?:{YEARPART})", None),
    ("month", r"(?<mw>{MONTHF})", r"(?<mrel>{REL})\s+"),
    (
        "weekday",
        r"(?<wd>{WD})(?<after>\s+after\s+next)?(?:\s+(?:of\s+)?(?<rel>{REL})\s+week)?",
        r"(?<wrel>{REL})\s+",
    ),
    ("weekday", r"(?<rel>{REL})\s+week'?s\s+(?<wd>{WD})", None),
    ("weekday_abbr", r"(?<wd>{WDA})", None),
    ("relative", r"(?<rel>{REL})\s+(?<unit>{UPERIOD})", None),
    ("upcoming", r"upcoming\s+(?<unit>{UALL})", COUNT_PREFIX),
    ("upcoming", r"upcoming\s+(?<n>{N})\s+(?<unit>{UALL})", None),
    ("shift", r"(?<unit>{UALL})\s+(?<ago>{AGO})", r"!(?:(?<n>{N})|an?)\s+"),
    ("shift", r"(?<wd>{WD})\s+(?<ago>{AGO})", COUNT_PREFIX),
    ("quarter", r"Q(?<q>[1-4])(?:\s*'?(?:(?<y>{YEAR})|(?<yy>{YY})))?", None),
    ("quarter", r"Q(?<q>[1-4])", r"!(?<y>{YEAR})\s*-?"),
    ("quarter", r"(?:quarter|qtr)(?:{YEARPART})?", r"!(?:(?<qw>{ORD})|(?<q>[1-4]){OSUF})[\s-]+"),
    ("half", r"(?<hw>first|second)[\s-]+half(?:{YEARPART}|\s+of\s+the\s+year)?", None),
    ("half", r"(?<hr>H[12])\s*(?<y>{YEAR})", None),
    ("year", r"(?:year\s+|FY\s*)(?<y>{YEAR})", None),
    # "the 2014 protests", "a 2007 report": English prints counts from 1,000 up with a comma,
    # so a bare 19xx/20xx between a determiner and a word is a year, unless the word is a
    # unit ("the 2000 m final") or a listed count word ("a 2000 year old tradition").
    ("year_attr", r"(?<y>(?:19|20)\d\d)(?=\s+(?!(?:{NOYEAR}))[^\W\d_])", r"!(?:{YDET})\s+"),
    ("decade", r"(?<y>{YEAR})['’]?s", None),
    ("year_cue", r"(?<cue>{YCUE})(?:\s+|(?<=-))(?<y>{YEAR})", None),
    (
        "nth_weekday",
        r"(?<wd>{WD})\s+(?:of|in)\s+(?:(?<mw>{MONTH})(?:{YEARPART})?|(?<rel>{REL})\s+month)",
        r"!(?:(?<nth>{ORD})|(?<nthd>[1-5]){OSUF}|(?<nthl>last))\s+",
    ),
    (
        "last_day",
        r"last\s+day\s+of\s+(?:(?<mw>{MONTH})(?:{YEARPART})?|(?<rel>{REL})\s+month)",
        r"(?:(?<nth>{ORD})|(?<nthd>\d\d?){OSUF})\s+",
    ),
    (
        "closest_weekday",
        r"(?:closest|nearest)\s+(?<wd>{WD})\s+to\s+(?:(?<mw>{MONTH})\s+(?:the\s+)?(?<d>{DAY}){OSUF}"
        r"|(?:the\s+)?(?<d>{DAY}){OSUF}\s+(?:of\s+)?(?<mw>{MONTH}))(?:{YEARPART})?",
        None,
    ),
    ("range", r"(?<y>{YEAR}){DASH}(?:(?<y2>{YEAR})|(?<yy2>{YY}))", None),
    ("range", r"(?:{ROPEN})\s+(?<y>{YEAR})\s+(?:{RJOIN})\s+(?<y2>{YEAR})", None),
    (
        "range",
        r"(?<mw>{MONTH})\s+(?<d>{DAY})(?:{DASH}|\s+(?:{DTO})\s+)(?<d2>{DAY})(?!\s+[\p{Ll}\d])"
        r"(?:{YEARPART})?",
        None,
    ),
]

TEMPLATES = {"ru": RU, "vi": VI, "en": EN}
# How a year, or a year relative to now, follows a day or month in each language.
YEAR_PARTS = {
    "ru": r"\s+(?:(?<y>{YEAR})(?:-(?:го|м|й))?(?:\s*(?:{YW}))?|(?<yrel>{REL})\s+(?:{UY})"
    r"|(?<yrel>{YABBR}))",
    "vi": r"(?:\s*[/\-–]\s*|,?\s+năm\s+)(?<y>{YEAR})|\s+năm\s+(?<yrel>{REL})",
    "en": r",?\s+(?:of\s+)?(?<y>{YEAR})|\s+(?:of\s+)?(?<yrel>{REL})\s+year",
}
PLACEHOLDER = regex.compile(r"\{([A-Z_]+)\}")


@dataclass(frozen=True)
class Rule:
    """A core pattern, and the words that may (or, if ``required``, must) come before it."""

    kind: str
    pattern: regex.Pattern[str]
    prefix: regex.Pattern[str] | None = None
    required: bool = False

    def prefix_before(self, text: str, start: int) -> regex.Match[str] | None:
        """The prefix ending exactly at ``start``, matched right to left."""
        if self.prefix is None:
            return None
        m = self.prefix.search(text, max(0, start - PREFIX_WINDOW), start, timeout=1.0)
        return m if m is not None and m.start() < start else None


def pieces(w: TimeWords, trie: bool = True) -> dict[str, str]:
    """The placeholder values for one language; ``trie=False`` for prefixes, which are
    matched right to left (see :func:`alternation`)."""

    def alt(words: Iterable[str]) -> str:
        return alternation(words, trie)

    units = {k: alt(w.units_of(k)) for k in ("year", "quarter", "month", "week", "half")}
    # A month word that is also a unit ("tháng năm": May, or "năm" = year) must not swallow
    # the year word of "tháng 5 năm nay".
    shared = [m for m in w.months if m in w.units]
    guard = rf"(?:{alt(shared)})(?!\s+(?:{alt(w.relative)}|\d))" if shared else ""
    words = "|".join(p for p in (guard, alt(w.months)) if p)
    return {
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
        "REL": alt(w.relative),
        "DEICTIC": alt(w.deictic),
        "HOL": holiday_source(w.lang, trie),
        "UY": units["year"],
        "UQ": units["quarter"],
        "UH": units["half"],
        "UW": units["week"],
        "UPERIOD": alt(w.units_of("year", "quarter", "month", "week", "half")),
        "UALL": alt(w.units),
        "AGO": alt(w.after_count),
        "BEFORE": alt(w.before_count),
        "N": count_source(w.lang),
        "YW": alt(w.words("year_words")),
        "YCUE": alt(w.words("year_cues") + w.words("year_cues_weak")),
        "ROPEN": alt(w.words("range_open")),
        "RJOIN": alt(w.words("range_join")),
        "DAYW": alt(w.words("day_words")),
        "APPROX": alt(w.words("approximate")),
        "YABBR": alt(w.words("year_abbreviations")),
        "HALFW": alt(w.words("half_words")),
        "HOLYEAR": alt(w.words("holiday_year_cues")),
        "DJOIN": alt(w.words("day_list_join")),
        "DTO": alt(w.words("day_range_join")),
        "YDET": alt(w.words("year_determiners")),
        "MREL": alt(w.words("month_relative")),
        "NOYEAR": alt(w.words("year_not_before") + unit_words(w.lang)),
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
    compiled = []
    for kind, core, prefix in [*COMMON, *TEMPLATES.get(lang, [])]:
        if kind == "holiday" and not vocabulary(lang):
            continue
        if kind == "holiday" and w.data.get("relative_after"):
            prefix = None  # "trước tết" is "before Tết"; the last one is "Tết trước"
        required = prefix is not None and prefix.startswith("!")
        # A required prefix bounds the match on the left itself ("2018Q4" has no space);
        # where it ends in a space, the core starts a word. Cores start with a word
        # character, and a leading \b lets the engine skip to word starts: 2-4x faster.
        if required:
            start = r"\b(?<=\s)" if prefix.endswith(r"\s+") else ""
        else:
            start = START if core.startswith(DIGIT_LEAD) else r"\b" + WORD_START
        pattern = regex.compile(start + fill(core, core_values) + END, flags)
        if prefix is None:
            compiled.append(Rule(kind, pattern))
            continue
        source = rf"(?r){START}(?:{fill(prefix.lstrip('!'), prefix_values)})\Z"
        compiled.append(Rule(kind, pattern, regex.compile(source, flags), required))
    return tuple(compiled)
