"""DURATION mentions in ru, vi and en, normalised to ISO 8601 durations.

A duration is a count and a unit of time ("один месяц", "hai tuần", "three months"), a
fraction of one ("полчаса", "half an hour", "три четверти часа"), or several joined ("an
hour and 45 minutes"). The norm keeps the text's unit ("90 minutes" is PT90M, not PT1H30M);
a fractional count moves down to the next unit that makes it whole ("полтора года" is
P18M), and a compound is summed in its smallest unit, as Duckling does. ``value`` is the
length in seconds (a month counting 30 days, a year 365), ``unit`` is "s".

A count before "tháng"/"năm" is a duration only if no date follows ("3 năm qua", not "12
tháng 10"), hour counts that read as clock times ("с 9 до 18 часов", "lúc 19 giờ 20") are
left out, and rates ("twice a year", "раз в месяц") are not durations.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

import regex

from factx import lang as langdata
from factx.model import Document, Label, Mention
from factx.rules.dates import keep_disjoint
from factx.rules.dates_resolve import Groups
from factx.rules.duration_units import SECONDS, convert, iso_duration, smallest
from factx.rules.numbers import number_pattern, parse_number
from factx.rules.timewords import alternation, key, table, time_words

TIMEOUT = 1.0
PREVIOUS = regex.compile(r"(?r)(\w+)[^\S\n]*\Z")
NEXT = regex.compile(r"[^\S\n]*(\w+)")

# (core, prefix): the core starts at the unit word, so text without one is skipped fast;
# the count before it is a prefix matched right to left. "!" marks a required prefix.
TEMPLATES = {
    "part": (
        r"(?<unit>{UNIT})(?<half>\s+(?:{HALF}))?{AGE}",
        r"!(?:(?<n>{N})|(?<art>{ARTICLE}))(?:\s*-\s*|\s+)(?:(?:{MOD})\s+)?",
    ),
    "fraction": (
        r"(?<frac>{FRAC})\s+(?:of\s+)?(?:(?:{ARTICLE})\s+)?(?<unit>{UNIT})",
        r"(?:(?:(?<n>{N})|(?<art>{ARTICLE}))\s+and\s+)?(?:(?<qn>{N}|{ARTICLE})\s+)?",
    ),
    "prefix": (r"(?<pol>{HALF_PREFIX})\s?(?<unit>{HALF_UNITS})", None),
    "bare": (r"(?<unit>{BARE})", None),
}
START = r"(?<![\w.,/\-–—])"
# The data a template cannot do without.
NEEDS = {"fraction": "fractions", "prefix": "half_prefix", "bare": "bare"}
PREFIX_WINDOW = 80


def sentence_start(text: str, start: int) -> bool:
    """ "An hour and 45 minutes." opens a sentence; a bare "месяц" there is too risky."""
    before = text[max(0, start - 10) : start].rstrip()
    return not before or before[-1] in ".!?;:\n"


@dataclass(frozen=True)
class Part:
    start: int
    end: int
    amount: float
    unit: str


class DurationExtractor:
    """Lengths of time: counts of units, fractions of units and compounds of both."""

    languages: ClassVar[tuple[str, ...]] = ("ru", "vi", "en")
    labels: ClassVar[tuple[str, ...]] = (Label.DURATION,)

    def __init__(self, lang: str, **options: Any) -> None:
        self.lang = lang
        self.parse = lambda text: parse_number(text, lang)
        self.dates = time_words(lang)
        data = langdata.load(lang, "durations")
        self.data = data
        self.units = {k: v for k, v in self.dates.units.items() if v != "half"}
        self.units.update(table(data, "units"))
        self.fractions = table(data, "fractions")
        self.articles = {key(a) for a in data.get("articles", ())}
        self.article_units = {key(u) for u in data.get("article_units", ())}
        self.sets = {
            name: {key(w) for w in data.get(name, ())}
            for name in (
                "bare_cues",
                "clock_cues",
                "clock_followers",
                "duration_cues",
                "rate_cues",
                "ambiguous_units",
                "ambiguous_followers",
                "joiners",
                "clock_units",
                "age_cues",
                "date_forms",
                "relative_followers",
            )
        }
        self.patterns: dict[str, tuple[regex.Pattern[str], regex.Pattern[str] | None, bool]] = {}
        for kind, (core, prefix) in TEMPLATES.items():
            if not data.get(NEEDS.get(kind, ""), True):
                continue  # a language without "полчаса"-style words skips that scan
            required = bool(prefix and prefix.startswith("!"))
            # A required count bounds the match itself ("20-year" has no space).
            start = "" if required else START
            core_source = start + self.fill(core, data, trie=True) + r"(?!\w)"
            compiled = regex.compile(core_source, regex.IGNORECASE)
            back = None
            if prefix:
                source = rf"(?r){START}(?:{self.fill(prefix.lstrip('!'), data, False)})\Z"
                back = regex.compile(source, regex.IGNORECASE)
            self.patterns[kind] = (compiled, back, required)
        number = number_pattern(lang)
        self.minutes_tail = regex.compile(rf"\s+(?<n>{number})(?![^\S\n]*\w)", regex.I)

    def fill(self, template: str, data: dict[str, Any], trie: bool) -> str:
        """The template with this language's words; flat alternations for ``(?r)``."""
        age = data.get("age_words", ())
        values = {
            "N": number_pattern(self.lang),
            "ARTICLE": alternation(self.articles, trie),
            "MOD": alternation(data.get("modifiers", ()), trie),
            "UNIT": alternation(self.units, trie),
            "HALF": alternation(data.get("half_after", ()), trie),
            "FRAC": alternation(self.fractions, trie),
            # Glued to the unit ("полгода"), so no word boundary after it.
            "HALF_PREFIX": "|".join(map(regex.escape, data.get("half_prefix", ()))) or "(?!)",
            "HALF_UNITS": alternation(data.get("half_units", ()), trie),
            "BARE": alternation(data.get("bare", ()), trie),
            "AGE": rf"(?![\s-]+(?:{alternation(age)}))" if age else "",
        }
        return regex.sub(r"\{([A-Z_]+)\}", lambda m: values[m[1]], template)

    def extract(self, doc: Document) -> Iterator[Mention]:
        text = doc.text
        parts: list[Part] = []
        for kind, (pattern, back, required) in self.patterns.items():
            # Matches are collected first: the timeout bounds the regex, not our own work.
            for m in list(pattern.finditer(text, timeout=TIMEOUT)):
                g = Groups.of(m)
                start = m.start()
                if back is not None:
                    before = back.search(text, max(0, start - PREFIX_WINDOW), start)
                    if before is not None and before.start() < start:
                        g.update({k: v for k, v in before.groupdict().items() if v})
                        start = before.start()
                    elif required:
                        continue
                part = self.read(kind, g, start, m.end(), text)
                if part is not None:
                    parts.append(part)
        for group in self.compounds(text, self.select(parts)):
            unit = smallest([p.unit for p in group])
            total = sum(convert(p.amount, p.unit, unit) for p in group)
            norm, seconds = iso_duration(total, unit)
            start, end = group[0].start, group[-1].end
            yield Mention(Label.DURATION, start, end, text[start:end], norm, float(seconds), "s")

    def read(self, kind: str, g: Groups, start: int, end: int, text: str) -> Part | None:
        unit_word = key(g["unit"] or "")
        unit = self.units.get(unit_word)
        if unit is None:
            return None
        if kind == "part":
            amount = 1.0 if g["art"] else self.parse(g["n"])
            if g["art"] and (
                unit_word not in self.article_units
                or not (self.cued(text, start, end) or sentence_start(text, start))
            ):
                return None
            if (
                amount is None
                or amount <= 0
                or not self.plausible(g, start, end, text, unit, amount)
            ):
                return None
            amount += 0.5 if g["half"] else 0.0
            if unit == "hour" and (tail := self.minutes_tail.match(text, end)):
                minutes = self.parse(tail["n"])
                if minutes is not None and 0 < minutes < 60 and minutes == int(minutes):
                    return Part(start, tail.end(), amount * 60 + minutes, "minute")
        elif kind == "fraction":
            whole = 1.0 if g["art"] else (self.parse(g["n"]) if g["n"] else 0.0)
            qn = g["qn"]
            share = 1.0 if not qn or key(qn) in self.articles else self.parse(qn)
            if whole is None or share is None:
                return None
            amount = whole + share * self.fractions[key(g["frac"])]
        elif kind == "prefix":
            amount = 0.5
        else:
            if not self.cued(text, start, end):
                return None
            amount = 1.0
        return Part(start, end, amount, unit)

    def cued(self, text: str, start: int, end: int) -> bool:
        """A unit without a count ("на месяц", "for a year") needs a word that asks for a
        length before it, unless it is all the text there is."""
        if not text[:start].strip() and not text[end:].strip():
            return True
        before = text[max(0, start - 40) : start].casefold().rstrip()
        return bool(before) and any(
            before.endswith(cue)
            and (len(before) == len(cue) or not before[-len(cue) - 1].isalnum())
            for cue in self.sets["bare_cues"]
        )

    def plausible(
        self, g: Groups, start: int, end: int, text: str, unit: str, amount: float
    ) -> bool:
        """Rules out counts that are dates, clock times and years."""
        after = NEXT.match(text, end)
        next_word = key(after[1]) if after else None
        if self.lang == "vi" and after and after[1].isdigit() and unit in ("month", "year"):
            return False  # "12 tháng 10", a date
        if text[end : end + 2].strip().startswith("/"):
            return False
        if unit == "year" and amount == int(amount) and 1000 <= amount < 3000:
            return False  # "2024 года", "1704 год": a year, not a count
        unit_word = key(g["unit"] or "")
        if unit_word in self.sets["date_forms"]:
            return False
        tail = key(text[end : end + 12])
        if any(
            tail.startswith(f) and not tail[len(f) : len(f) + 1].isalnum()
            for f in self.sets["relative_followers"]
        ):
            return False  # "a year earlier", "два года назад"
        prev = PREVIOUS.search(text, max(0, start - 30), start)
        if prev and key(prev[1]) in self.sets["age_cues"]:
            return False  # "не моложе 23 лет", "tháng Mười"
        unit_word = key(g["unit"] or "")
        if unit_word in self.sets["ambiguous_units"]:
            followers = {key(f) for f in self.data.get("ambiguous_followers", ())}
            nxt = next_word if after and not text[end : after.start(1)].strip() else None
            if nxt is not None and not any(f.split()[0] == nxt for f in followers):
                return False
        clock_units = self.sets["clock_units"]
        if unit == "hour" and amount <= 24 and (not clock_units or unit_word in clock_units):
            prev_word = key(prev[1]) if prev else None
            if prev_word in self.sets["clock_cues"] or next_word in self.sets["clock_followers"]:
                return False
            if after and after[1].isdigit() and not text[end : after.start(1)].strip():
                return False  # "19 giờ 20"
            if self.sets["duration_cues"]:
                before = text[max(0, start - 30) : start].casefold().rstrip()
                return any(before.endswith(c) for c in self.sets["duration_cues"])
        return True

    @staticmethod
    def select(parts: list[Part]) -> list[Part]:
        return keep_disjoint(sorted(parts, key=lambda p: (p.start - p.end, p.start)))

    def compounds(self, text: str, parts: list[Part]) -> list[list[Part]]:
        """ "an hour and 45 minutes", "2 года и 3 месяца": a larger unit, a joiner, a smaller."""
        order = list(SECONDS)
        groups: list[list[Part]] = []
        for p in parts:
            last = groups[-1][-1] if groups else None
            between = key(text[last.end : p.start]) if last else None
            if (
                last is not None
                and (between in self.sets["joiners"] or between == "")
                and p.unit in order
                and last.unit in order
                and order.index(p.unit) < order.index(last.unit)
            ):
                groups[-1].append(p)
            else:
                groups.append([p])
        return groups
