"""Holiday names, and their dates in a given year, for the DATE rules.

Lunar and lunisolar feasts (Diwali, Eid al-Adha, Chinese New Year, Tết, Hanukkah) move every
year by tables and astronomy that need upkeep, so their dates come from the ``holidays``
library (MIT), which keeps them per country. ``dates.toml`` says which countries' holidays a
language's news names, in which order a shared name ("Independence Day") is settled, other
common names for them (``[holiday_aliases]``: "Bakr Id"), and keeps as ``[holidays]`` the few
observances those countries lack, as Gregorian rules (a fixed day, the Nth weekday of a month,
days from Easter).

Names compare by :func:`name_key`, so case, apostrophes, hyphens, possessives and plurals do
not matter. The library is imported, and a year's index built, on first use only.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex
from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

from factx import lang as langdata
from factx.cache import stored
from factx.rules import periods as p
from factx.rules.timewords import alternation

RULE = regex.compile(
    r"(?:(?<md>\d\d-\d\d)(?:@(?<move>weekday|sun-1))?"
    r"|nth:(?<n>-?\d):(?<wd>[1-7]):(?<month>\d\d)"
    r"|(?<easter>easter|orthodox_easter))(?<days>[+-]\d+)?"
)
# A name the library gives in at least two of these years is a holiday, not a one-off
# (a coronation, a day of mourning).
NAME_YEARS = range(2001, 2036)
# How far "next Inauguration Day" or a holiday missing from a year may be looked for.
SEARCH_YEARS = 5
PAREN = regex.compile(r"\(([^()]*)\)")
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
# The library's way of naming a substituted day off ("Day off (substituted from 01/05/2013)").
DATED = regex.compile(r"\d")
ONE_DAY = dt.timedelta(days=1)


def name_key(text: str) -> str:
    """Lookup form of a holiday name: "Chinese New Years", "chinese new year's" and
    "Chinese New-Year" are one key, and so are "Presidents' Day" and "President's Day"."""
    t = unicodedata.normalize("NFC", text).casefold().translate(APOSTROPHES).replace("ё", "е")
    t = regex.sub(r"'s\b|'", "", t)
    words = regex.sub(r"[\s\-./(),:]+", " ", t).split()
    return " ".join(
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words
    )


@dataclass(frozen=True)
class Setup:
    """One language's holiday data from ``dates.toml``, keyed by :func:`name_key`."""

    locale: str
    countries: tuple[tuple[str, tuple[str, ...]], ...]
    rules: dict[str, str]
    aliases: dict[str, str]
    exclude: frozenset[str]
    heads: tuple[str, ...]
    endings: tuple[str, ...]
    generic: frozenset[str]
    alternatives: regex.Pattern[str]
    inflections: tuple[tuple[str, str], ...]  # (case form, base) of a name's first words


@cache
def setup(lang: str) -> Setup:
    data = langdata.load(lang, "dates")
    lib: dict[str, Any] = data.get("holiday_library", {})
    joins = [r"\s*/\s*", *(rf"\s+{regex.escape(w)}\s+" for w in lib.get("alternatives", ()))]
    return Setup(
        locale=lib.get("locale", lang),
        countries=tuple((cc, tuple(cats)) for cc, cats in lib.get("countries", {}).items()),
        rules={name_key(k): v for k, v in data.get("holidays", {}).items()},
        aliases={name_key(k): v for k, v in data.get("holiday_aliases", {}).items()},
        exclude=frozenset(name_key(x) for x in lib.get("exclude", ())),
        heads=tuple(h.casefold() for h in lib.get("heads", ())),
        endings=tuple(lib.get("endings", ())),
        generic=frozenset(name_key(x) for x in lib.get("generic", ())),
        alternatives=regex.compile("|".join(joins), regex.IGNORECASE),
        inflections=tuple(  # longest first: "Рождества Христова" before "Рождества"
            sorted(
                ((name_key(f), name_key(b)) for f, b in lib.get("inflections", {}).items()),
                key=lambda pair: -len(pair[0]),
            )
        ),
    )


# --- the library ----------------------------------------------------------------------


def library_days(
    cc: str, categories: tuple[str, ...], locale: str, years: Iterable[int]
) -> Iterator[tuple[dt.date, str]]:
    """(day, name) of a country's holidays in every library language of ``locale``
    ("en" reads en_US and en_IN, whose names differ: "Mahavir Jayanti"), or in en_US; the
    observed days off after a weekend holiday are not the holiday."""
    import holidays  # ~100 ms of country modules: only when a holiday is first needed

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Requested Holidays are available only from…"
        probe = holidays.country_holidays(cc)
        langs = [
            code
            for code in probe.supported_languages
            if code == locale or code.startswith(locale + "_")
        ] or ["en_US"]
        # No categories listed (an alias's "@CC") reads all of them.
        cats = tuple(c for c in categories if c in probe.supported_categories) or tuple(
            probe.supported_categories
        )
        for code in langs:
            found = holidays.country_holidays(
                cc, years=list(years), language=code, categories=cats, observed=False
            )
            for day, label in found.items():
                for name in label.split("; "):
                    yield day, name


def forms(name: str, s: Setup) -> Iterator[tuple[str, int]]:
    """The names one library label gives, ranked: 0 the label itself, 1 the label without
    its brackets ("Chinese New Year (Spring Festival)"), both names a text may use; 2 names
    that only answer lookups: with the bracket read in ("Dussehra Saptami", for an alias),
    the bracket alone ("Chhath Puja"), or without a generic last word ("Eid al-Adha
    Holiday"). A dated label ("Day off (substituted from 01/05/2013)") gives none."""
    if DATED.search(name):
        return
    for part in s.alternatives.split(name):
        bare = " ".join(PAREN.sub(" ", part).split())
        yield bare, 0 if bare == part else 1
        words = bare.split()
        if len(words) > 1 and name_key(words[-1]) in s.generic:
            yield " ".join(words[:-1]), 2
        if bare != part:
            yield PAREN.sub(r"\1", part), 2
            yield from ((inner, 2) for inner in PAREN.findall(part))


@cache
def country_index(lang: str, cc: str, categories: tuple[str, ...], year: int) -> dict[str, dt.date]:
    """Key → the first day of the holiday that starts in ``year``, from its best-ranked form:
    "Dussehra" is the feast's own day, not "Dussehra (Saptami)" three days before it, and
    Hanukkah 2025 starts on 15 December, not on the 1 January that ends Hanukkah 2024."""
    s = setup(lang)
    days: dict[str, dict[int, set[dt.date]]] = {}
    for day, name in library_days(cc, categories, s.locale, [year - 1, year]):
        for text, rank in forms(name, s):
            days.setdefault(name_key(text), {}).setdefault(rank, set()).add(day)
    index: dict[str, dt.date] = {}
    for k, ranked in days.items():
        for rank in sorted(ranked):
            run = ranked[rank]
            starts = [d for d in run if d.year == year and d - ONE_DAY not in run]
            if starts:
                index[k] = min(starts)
                break
    return index


@cache
def year_index(lang: str, year: int) -> dict[str, dt.date]:
    """Key → date in ``year`` over the language's countries; the first country wins."""
    s = setup(lang)
    index: dict[str, dt.date] = {}
    for cc, cats in s.countries:
        for k, day in country_index(lang, cc, cats, year).items():
            index.setdefault(k, day)
    return index


@cache
def vocabulary(lang: str) -> tuple[str, ...]:
    """Every holiday name a text may use, lower-cased with "'" for any apostrophe: the
    library's recurring names, also with a head word before them ("dịp Tết Nguyên Đán") and
    without an inner possessive ("Guru Gobind Singh Jayanti"), and the names of rules and
    aliases as written. Apostrophes and hyphens may always be left out.

    Reading the library's calendars takes a quarter of a second, so the list is kept on
    disk (factx.cache) until the library, this file or the language's data change."""
    sources = (__file__, langdata.path(lang, "dates"))
    return tuple(stored(f"holidays-{lang}", lambda: read_vocabulary(lang), sources, ("holidays",)))


def read_vocabulary(lang: str) -> list[str]:
    s = setup(lang)
    seen: dict[str, set[int]] = {}
    for cc, cats in s.countries:
        for day, name in library_days(cc, cats, s.locale, NAME_YEARS):
            for text, rank in forms(name, s):
                if rank < 2:
                    seen.setdefault(plain(text), set()).add(day.year)
    names = {n for n, years in seen.items() if len(years) > 1}
    names |= {regex.sub(r"'s(?= )", "", n) for n in names}
    names |= {f"{h} {n}" for n in names for h in s.heads if not n.startswith(s.heads)}
    data = langdata.load(lang, "dates")
    names |= {plain(n) for n in (*data.get("holidays", {}), *data.get("holiday_aliases", {}))}
    names = inflected(s, {n for n in names if name_key(n) not in s.exclude})
    names |= {n.replace("'", "") for n in names}
    return sorted(names | {n.replace("-", " ") for n in names})


def plain(text: str) -> str:
    """A name as the regex spells it: NFC, lower case, one space, "'" for any apostrophe."""
    folded = unicodedata.normalize("NFC", text).casefold().translate(APOSTROPHES)
    return " ".join(folded.split())


def holiday_source(lang: str, trie: bool = True) -> str:
    """The names as one regex: an apostrophe may be typographic, and the language's endings
    may follow ("Diwali's", "Chinese New Years")."""
    s = setup(lang)
    names = vocabulary(lang)
    if not names:
        return "(?!)"
    source = alternation(names, trie).replace("'", "['’]")
    if s.endings:
        tail = "|".join(regex.escape(e).replace("'", "['’]") for e in s.endings)
        source = source.replace(r"(?!\w)", rf"(?:{tail})?(?!\w)")
    return source


# --- dates ------------------------------------------------------------------------------


def rule_date(rule: str, year: int) -> dt.date:
    """The date of a ``[holidays]`` rule from ``dates.toml`` in a given year."""
    m = RULE.fullmatch(rule)
    if m is None:
        raise ValueError(f"bad holiday rule {rule!r} in dates.toml")
    if m["md"]:
        month, day = (int(x) for x in m["md"].split("-"))
        d = p.make(year, month, day)
        if m["move"] == "weekday" and d.weekday() >= 5:
            d += dt.timedelta(days=-1 if d.weekday() == 5 else 1)
        elif m["move"] == "sun-1" and d.weekday() == 6:
            d -= dt.timedelta(days=1)
    elif m["n"]:
        d = p.nth_weekday(year, int(m["month"]), int(m["wd"]), int(m["n"]))
    else:
        method = EASTER_ORTHODOX if m["easter"] == "orthodox_easter" else EASTER_WESTERN
        d = easter(year, method)
    return d + dt.timedelta(days=int(m["days"] or 0))


def base_key(s: Setup, name: str) -> str:
    """The key of a name with its first words back in the case the calendars use: "Дню
    Победы" → "день победы", "к Новому году" matched as "Новому году" → "новый год"."""
    k = name_key(name)
    for form, base in s.inflections:
        if k == form or k.startswith(form + " "):
            return base + k[len(form) :]
    return k


def is_inflected(lang: str, name: str) -> bool:
    """Whether a matched name starts with a case form rather than the calendars' own."""
    return base_key(setup(lang), name) != name_key(name)


def inflected(s: Setup, names: set[str]) -> set[str]:
    """Each name also with its first words in every listed case form."""
    out = set(names)
    for form, base in s.inflections:
        out |= {form + n[len(base) :] for n in names if n == base or n.startswith(base + " ")}
    return out


def date_in(lang: str, name: str, year: int) -> dt.date | None:
    """The holiday's date in ``year``; None when its calendar has none that year. Rules
    come first, then aliases ("Name@CC" reads that country), then the library's names."""
    s = setup(lang)
    k = base_key(s, name)
    if k in s.rules:
        return rule_date(s.rules[k], year)
    target = s.aliases.get(k)
    if target is None:
        return year_index(lang, year).get(k)
    text, _, cc = target.partition("@")
    k = name_key(text)
    if cc:
        return country_index(lang, cc.strip(), (), year).get(k)
    if k in s.rules:
        return rule_date(s.rules[k], year)
    return year_index(lang, year).get(k)


def date_near(lang: str, name: str, ref: dt.date, offset: int) -> dt.date | None:
    """The holiday's next date on or after ``ref`` (offset ≥ 0: "next Diwali" is the coming
    one), or its last date before ``ref`` (offset < 0: "last Chinese New Year")."""
    step = -1 if offset < 0 else 1
    for year in range(ref.year, ref.year + step * SEARCH_YEARS, step):
        d = date_in(lang, name, year)
        if d is not None and (d < ref if offset < 0 else d >= ref):
            return d
    return None
