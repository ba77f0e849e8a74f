"""Whether a count and a unit of time is a length: the context checks of durations.py.

A count is no length where it is a date ("14 tháng 9", "два года назад", "cách đây một
năm"), a clock time ("lúc 18 giờ 40", "14 часов 20 минут по московскому времени"), an age
("не моложе 27 лет", "(15 лет)", "ему было 42 года") or a name ("tháng Mười"). The words
are the cue lists of ``lang/<code>/durations.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from factx.rules.dates_groups import Groups
from factx.rules.duration_units import SECONDS
from factx.rules.lazy import LazyPattern
from factx.rules.numbers import number_pattern
from factx.rules.timewords import alternation, key

PREVIOUS = regex.compile(r"(?r)(\w+)[^\S\n]*\Z")
NEXT = regex.compile(r"[^\S\n]*(\w+)")


def sentence_start(text: str, start: int) -> bool:
    """ "An hour and 35 minutes." opens a sentence; a bare "месяц" there is too risky."""
    before = text[max(0, start - 10) : start].rstrip()
    return not before or before[-1] in ".!?;:\n"


@dataclass(frozen=True)
class Part:
    start: int
    end: int
    amount: float
    unit: str


class Context:
    """One language's cue words and the patterns that look around a count."""

    def __init__(self, lang: str, data: dict[str, Any], units: dict[str, str]) -> None:
        self.lang = lang
        self.data = data
        self.units = units
        number = number_pattern(lang)
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
        names = alternation(self.units, False)
        # "1 hour 55 minutes": a count and a unit right after a unit start a compound.
        self.next_part = LazyPattern(rf"[^\S\n]+{number}[^\S\n]+(?<unit>{names})(?!\w)", regex.I)
        # A count and a unit right before: "8 часов" (a clock time) owns the "30 минут"
        # after it, and "tám" in "một tháng tám ngày" is a count, not August.
        self.part_before = LazyPattern(
            rf"(?r)(?<!\w){number}[^\S\n]+(?:{names})[^\S\n]+\Z", regex.I
        )

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
            return False  # "14 tháng 9", "812 ngày 23 - 2": a date
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
            return False  # "не моложе 27 лет", "tháng Mười"; not "một tháng tám ngày"
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
                return False  # "18 giờ 40", while "1 giờ 30 phút" is a compound
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
        """ "14 часов 20 минут по московскому времени", or minutes after an hour count that
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
