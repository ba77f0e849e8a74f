"""The date templates of each language: regex sources over ``{PLACEHOLDERS}`` that
:mod:`factx.rules.dates_grammar` fills with the words of ``dates.toml``.

Word order differs between languages ("в прошлом году", "năm ngoái", "last year"), so each
language has its own list; every template names the parts it captures with the same group
names (``d``, ``m``, ``mw``, ``y``, ``rel``, ``unit``…) so one resolver reads all of them.
"""

from __future__ import annotations

# Cores that start with a number (the others start with a word).
DIGIT_LEAD = ("(?<d>", "(?<y>", "(?<m>")

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
        # "19-4-2004", and as print spaces or mixes its dashes: "19 - 4 – 2004".
        r"(?<d>{DAY})(?:(?<sep>[/.])(?<m>{MONTH_NO})(?P=sep)|\s*[-–]\s*(?<m>{MONTH_NO})\s*[-–]\s*)"
        r"(?:(?<y>{YEAR})|(?<yy>{YY}))",
        VI_PREFIX,
    ),
    ("day_month", r"(?<d>{DAY})/(?<m>{MONTH_NO})", VI_LISTED),
    # "tối 24-3": with a dash only after a day word (see `dash_day_cues`).
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
    # "the 2011 protests", "a 2007 report": English prints counts from 1,000 up with a comma,
    # so a bare 19xx/20xx between a determiner and a word is a year, unless the word is a
    # unit ("the 2000 m final") or a listed count word ("a 1900 year old custom").
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
