"""DURATION mentions in ru, vi and en, normalised to ISO 8601 durations.

A duration is a count and a unit of time ("один месяц", "hai tuần", "three months"), a
fraction of one ("полчаса", "half an hour", "три четверти часа"), or several joined ("an
hour and 45 minutes", "1 час 55 минут"). The norm keeps the text's units ("90 minutes" is
PT90M, not PT1H30M; "1 hour 55 minutes" is PT1H55M); a fractional count moves down to the
next unit that makes it whole ("полтора года" is P18M, "hai giờ rưỡi" PT150M). ``value``
is the length in seconds (a month counting 30 days, a year 365), ``unit`` is "s".

A count before "tháng"/"năm" is a duration only if no date follows ("3 năm qua", not "12
tháng 10"), hour counts that read as clock times ("с 9 до 18 часов", "lúc 19 giờ 20") are
left out, and rates ("twice a year", "раз в месяц") are not durations: the checks of
:mod:`factx.rules.duration_context`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

import regex

from factx import lang as langdata
from factx.model import Document, Label, Mention
from factx.rules.amounts import Amounts, first_word, fold
from factx.rules.compounds import Compounds
from factx.rules.dates import keep_disjoint
from factx.rules.dates_groups import Groups
from factx.rules.duration_context import Context, Part, sentence_start
from factx.rules.duration_units import SECONDS, iso_compound
from factx.rules.lazy import LazyPattern
from factx.rules.numbers import number_pattern, parse_number
from factx.rules.timewords import alternation, key, table, time_words

TIMEOUT = 1.0

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


class DurationExtractor:
    """Lengths of time: counts of units, fractions of units and compounds of both."""

    languages: ClassVar[tuple[str, ...]] = ("ru", "vi", "en")
    labels: ClassVar[tuple[str, ...]] = (Label.DURATION,)
    # The pipeline passes one token index and amount scan to the extractors that share it.
    shared: ClassVar[dict[str, type]] = {"amounts": Amounts}

    def __init__(self, lang: str, amounts: Amounts | None = None) -> None:
        self.lang = lang
        self.amounts = amounts or Amounts(lang)
        self.parse = lambda text: parse_number(text, lang)
        self.dates = time_words(lang)
        data = langdata.load(lang, "durations")
        self.data = data
        self.units = {k: v for k, v in self.dates.units.items() if v != "half"}
        self.units.update(table(data, "units"))
        self.adjectives = Compounds(lang, data.get("adjective_stems", {}))
        self.fractions = table(data, "fractions")
        self.articles = {key(a) for a in data.get("articles", ())}
        self.article_units = {key(u) for u in data.get("article_units", ())}
        self.patterns: dict[str, tuple[LazyPattern, LazyPattern | None, bool]] = {}
        # Where each kind's core can start: a unit, a fraction, a bare unit or "пол-".
        words = {
            "part": self.units,
            "fraction": self.fractions,
            "bare": data.get("bare", ()),
        }
        self.firsts = {kind: frozenset(map(first_word, w)) for kind, w in words.items()}
        self.prefixes = tuple(fold(p) for p in data.get("half_prefix", ()))
        for kind, (core, prefix) in TEMPLATES.items():
            if not data.get(NEEDS.get(kind, ""), True):
                continue  # a language without "полчаса"-style words skips that scan
            required = bool(prefix and prefix.startswith("!"))
            # A required count bounds the match itself ("20-year" has no space).
            start = "" if required else START
            core_source = start + self.fill(core, data, trie=True) + r"(?!\w)"
            compiled = LazyPattern(core_source, regex.IGNORECASE)
            back = None
            if prefix:
                source = rf"(?r){START}(?:{self.fill(prefix.lstrip('!'), data, False)})\Z"
                back = LazyPattern(source, regex.IGNORECASE)
            self.patterns[kind] = (compiled, back, required)
        number = number_pattern(lang)
        self.minutes_tail = LazyPattern(rf"\s+(?<n>{number})(?![^\S\n]*\w)", regex.I)
        self.context = Context(lang, data, self.units)
        self.sets = self.context.sets

    def fill(self, template: str, data: dict[str, Any], trie: bool) -> str:
        """The template with this language's words; flat alternations for ``(?r)``."""
        # "a 20-year-old man" is an age, "the one-day series" a kind of event.
        age = [*data.get("age_words", ()), *data.get("event_words", ())]
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
        scan = self.amounts.scan(text)
        parts: list[Part] = []
        for kind, (pattern, back, required) in self.patterns.items():
            if kind == "prefix":
                starts = scan.starts(prefixes=self.prefixes)
            else:
                starts = scan.starts(self.firsts[kind])
            # Matches are collected first: the timeout bounds the regex, not our own work.
            for m in scan.matches(pattern, starts):
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
                if isinstance(part, list):
                    parts.extend(part)
                elif part is not None:
                    parts.append(part)
        # "полуторачасовую", "10-дневный": one word.
        parts += [
            Part(c.start, c.end, c.value, c.unit) for c in self.adjectives.find(text, TIMEOUT, scan)
        ]
        for group in self.compounds(text, self.select(parts)):
            if self.context.clock_time(text, group):
                continue
            norm, seconds = iso_compound([(p.amount, p.unit) for p in group])
            start, end = group[0].start, group[-1].end
            yield Mention(Label.DURATION, start, end, text[start:end], norm, float(seconds), "s")

    def read(
        self, kind: str, g: Groups, start: int, end: int, text: str
    ) -> Part | list[Part] | None:
        unit_word = key(g["unit"] or "")
        unit = self.units.get(unit_word)
        if unit is None:
            return None
        if kind == "part":
            amount = 1.0 if g["art"] else self.parse(g["n"])
            if g["art"] and (
                unit_word not in self.article_units
                or not (
                    self.context.cued(text, start, end)
                    or sentence_start(text, start)
                    or self.context.followed(text, end, "later_followers")
                )
            ):
                return None
            if (
                amount is None
                or amount <= 0
                or not self.context.plausible(g, start, end, text, unit, amount)
            ):
                return None
            amount += 0.5 if g["half"] else 0.0
            if unit == "hour" and (tail := self.minutes_tail.match(text, end)):
                minutes = self.parse(tail["n"])
                if minutes is not None and 0 < minutes < 60 and minutes == int(minutes):
                    # "2 giờ 30": the minutes go unnamed; compounds() joins the two parts.
                    minute = Part(end, tail.end(), minutes, "minute")
                    return [Part(start, end, amount, unit), minute]
        elif kind == "fraction":
            whole = 1.0 if g["art"] else (self.parse(g["n"]) if g["n"] else 0.0)
            qn = g["qn"]
            share = 1.0 if not qn or key(qn) in self.articles else self.parse(qn)
            if whole is None or share is None:
                return None
            amount = whole + share * self.fractions[key(g["frac"])]
        elif kind == "prefix":
            if self.context.followed(text, end, "relative_followers"):
                return None  # "полгода назад": a date
            amount = 0.5
        else:
            if not self.context.cued(text, start, end):
                return None
            amount = 1.0
        return Part(start, end, amount, unit)

    @staticmethod
    def select(parts: list[Part]) -> list[Part]:
        return keep_disjoint(sorted(parts, key=lambda p: (p.start - p.end, p.start)))

    def compounds(self, text: str, parts: list[Part]) -> list[list[Part]]:
        """ "an hour and 35 minutes", "2 года и 3 месяца": a larger unit, a joiner, a smaller."""
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
