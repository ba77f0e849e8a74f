"""DURATION mentions in ru, vi and en, normalised to ISO 8601 durations.

A duration is a count and a unit of time ("один месяц", "hai tuần", "three months"), a
fraction of one ("полчаса", "half an hour", "три четверти часа"), or several joined ("an
hour and 45 minutes", "1 час 55 минут"). The norm keeps the text's units ("90 minutes" is
PT90M, not PT1H30M; "1 hour 55 minutes" is PT1H55M); a fractional count moves down to the
next unit that makes it whole ("полтора года" is P18M, "hai giờ rưỡi" PT150M). ``value`` is the
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
from factx.rules.compounds import Compounds
from factx.rules.dates import keep_disjoint
from factx.rules.dates_resolve import Groups
from factx.rules.duration_units import SECONDS, iso_compound
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
        self.adjectives = Compounds(lang, data.get("adjective_stems", {}))
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
                "final_followers",
                "later_followers",
                "ago_cues",
                "clock_after",
                "event_words",
            )
        }
        ago = self.sets["ago_cues"]
        # "cách đây hơn một năm": a cue, perhaps one word such as "more than", then the count.
        self.ago = regex.compile(rf"(?<!\w)(?:{alternation(ago)})(?:\s+\w+)?\Z") if ago else None
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
        units = alternation(self.units, False)
        # "1 hour 55 minutes": a count and a unit right after a unit start a compound.
        self.next_part = regex.compile(rf"[^\S\n]+{number}[^\S\n]+(?<unit>{units})(?!\w)", regex.I)
        # A count and a unit right before: "8 часов" (a clock time) owns the "30 минут"
        # after it, and "tám" in "một tháng tám ngày" is a count, not August.
        self.part_before = regex.compile(
            rf"(?r)(?<!\w){number}[^\S\n]+(?:{units})[^\S\n]+\Z", regex.I
        )

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
                if isinstance(part, list):
                    parts.extend(part)
                elif part is not None:
                    parts.append(part)
        # "полуторачасовую", "10-дневный": one word.
        parts += [
            Part(c.start, c.end, c.value, c.unit) for c in self.adjectives.find(text, TIMEOUT)
        ]
        for group in self.compounds(text, self.select(parts)):
            if self.clock_time(text, group):
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
                    self.cued(text, start, end)
                    or sentence_start(text, start)
                    or self.followed(text, end, "later_followers")
                )
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
            if self.followed(text, end, "relative_followers"):
                return None  # "полгода назад": a date
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
        if self.lang == "vi" and after and after[1].isdigit() and unit in ("day", "month", "year"):
            return False  # "12 tháng 10", "999 ngày 26 - 2": a date
        if text[end : end + 2].strip().startswith("/"):
            return False
        if unit == "year" and amount == int(amount) and 1000 <= amount < 3000:
            return False  # "2024 года", "1704 год": a year, not a count
        unit_word = key(g["unit"] or "")
        if unit_word in self.sets["date_forms"]:
            return False
        if self.followed(text, end, "relative_followers"):
            return False  # "two years ago", "два года назад": a date
        if self.followed(text, end, "final_followers", final=True):
            return False  # "hai ngày trước." is a date, "hai ngày trước tết" a length
        before = text[max(0, start - 30) : start].casefold().rstrip()
        if self.ago is not None and self.ago.search(before):
            return False  # "cách đây (hơn) một năm": a date
        if unit == "year" and text[start - 1 : start] == "(" and text[end : end + 1] == ")":
            return False  # "Иванов (15 лет)": an age
        prev = PREVIOUS.search(text, max(0, start - 30), start)
        if (
            prev
            and key(prev[1]) in self.sets["age_cues"]
            and not self.part_before.search(text, max(0, start - 40), start)
        ):
            return False  # "не моложе 23 лет", "tháng Mười"; not "một tháng tám ngày"
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
            if (
                after
                and after[1].isdigit()
                and not text[end : after.start(1)].strip()
                and not self.smaller_part_follows(text, end, unit)
            ):
                return False  # "19 giờ 20", while "1 giờ 30 phút" is a compound
            if self.sets["duration_cues"]:
                before = text[max(0, start - 30) : start].casefold().rstrip()
                return any(before.endswith(c) for c in self.sets["duration_cues"])
        return True

    def followed(self, text: str, end: int, name: str, final: bool = False) -> bool:
        """Whether one of the words of list ``name`` comes right after ``end`` (and, with
        ``final``, ends the phrase there)."""
        tail = key(text[end : end + 16])
        for f in self.sets[name]:
            rest = tail[len(f) : len(f) + 2]
            ends = not rest.strip() or not rest.strip()[0].isalnum()
            if tail.startswith(f) and not rest[:1].isalnum() and (not final or ends):
                return True
        return False

    def smaller_part_follows(self, text: str, end: int, unit: str) -> bool:
        m = self.next_part.match(text, end)
        nxt = self.units.get(key(m["unit"])) if m else None
        order = list(SECONDS)
        return nxt in order and unit in order and order.index(nxt) < order.index(unit)

    def clock_time(self, text: str, group: list[Part]) -> bool:
        """ "13 часов 30 минут по московскому времени", or minutes after an hour count that
        was read as a clock time ("lúc 7 giờ 30 phút"): a time of day, no length."""
        first, last = group[0], group[-1]
        if first.unit in ("minute", "second") and self.part_before.search(
            text, max(0, first.start - 40), first.start
        ):
            return True
        if not any(p.unit == "hour" for p in group) or len(group) < 2:
            return False
        after = key(text[last.end : last.end + 40]).lstrip(" ()—–-,")
        return any(after.startswith(w) for w in self.sets["clock_after"])

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
