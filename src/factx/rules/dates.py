"""DATE mentions in ru, vi and en, normalised to ISO 8601 at the precision the text gives.

Each language's patterns (``dates_grammar``) propose candidates; checks here drop the
readings a number or word only *might* have ("1/3 dân số" is a fraction, "lần thứ hai" an
ordinal, "to 2030 tonnes" a count); the longest surviving candidate wins each stretch of
text; and two dates joined by "to/по/đến" become one ISO interval. Relative dates resolve
against ``doc.date`` and keep an empty norm without one; a weekday or a date without a year
reads its direction from its sentence's tense (``factx.rules.tense``).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, insort
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar, Protocol, TypeVar

import regex

from factx.model import Document, Label, Mention
from factx.rules import periods as p
from factx.rules.amounts import Amounts
from factx.rules.dates_grammar import Rule, rules
from factx.rules.dates_resolve import TENSED, Groups, NoReference, resolve
from factx.rules.holiday_calendar import is_inflected
from factx.rules.numbers import number_pattern
from factx.rules.periods import Interval, Invalid, Period, Value
from factx.rules.tense import OPEN, TenseCues, cues, sentence
from factx.rules.tense_morph import VerbTenses
from factx.rules.tense_morph import load as load_verbs
from factx.rules.timewords import TimeWords, alternation, key, time_words

# Backstop per pattern and document; the patterns themselves are linear (see tests).
TIMEOUT = 1.0
# Matched right to left from a candidate's start: the word before it, across one comma.
PREVIOUS_WORD = regex.compile(r"(?r)(\w+)(?<gap>[^\S\n]*,?[^\S\n]*)\Z")
NEXT_WORD = regex.compile(r"[^\S\n]*(\w+)")
NEXT_TEXT = regex.compile(r"[^\S\n]*([^\s])?")
# A match score, "1-1" or "2–0": no digit, dash or decimal point around it ("2024-25",
# "1-800-555", "3-5%" are not scores).
SCORE = r"(?<![\w.,/:–-])\d{1,2}[-–]\d{1,2}(?![\w/:%–-]|[.,]\d)"
# Kinds whose Vietnamese head word ("tháng", "quý", "năm") is a unit after a count.
COUNT_SENSITIVE = {"month", "relative", "quarter", "date"}


def quantity_sign(ch: str | None) -> bool:
    """A percent or any currency sign (Unicode Sc): a number touching one is a value."""
    return ch is not None and (ch in "%‰" or unicodedata.category(ch) == "Sc")


class Spanned(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


T = TypeVar("T", bound=Spanned)


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rank: int
    value: Value | None
    year_given: bool
    # A calendar date ("среду 12 мая") beats a longer vaguer overlap ("минувшую среду").
    strength: int = 0


def keep_disjoint(ranked: Sequence[T]) -> list[T]:
    """The items (anything with ``start``/``end``) that overlap no better-ranked kept item,
    in text order; O(n log n), so a megabyte of dates stays fast."""
    spans: list[tuple[int, int]] = []
    kept: list[T] = []
    for item in ranked:
        i = bisect_left(spans, (item.start, item.end))
        if (i > 0 and spans[i - 1][1] > item.start) or (i < len(spans) and spans[i][0] < item.end):
            continue
        insort(spans, (item.start, item.end))
        kept.append(item)
    return sorted(kept, key=lambda item: item.start)


def previous_word(text: str, start: int) -> tuple[str | None, bool]:
    """The word just before ``start`` on the same line, across at most one comma, and
    whether only spaces separate them."""
    m = PREVIOUS_WORD.search(text, max(0, start - 40), start, timeout=TIMEOUT)
    return (m[1], "," not in m["gap"]) if m else (None, False)


def next_char(text: str, end: int) -> str | None:
    m = NEXT_TEXT.match(text, end, min(len(text), end + 40))
    return m[1] if m else None


def same_month(value: Value | None, day: int) -> Period | None:
    """Another day of a listed date's month ("9 или 10 июня"); None if it has no such day."""
    if not isinstance(value, Period) or value.grain != "day":
        return None
    try:
        return Period("day", p.make(value.start.year, value.start.month, day), value.explicit_year)
    except Invalid:
        return None


class DateExtractor:
    """Dates, months, quarters, years, relative dates and year ranges."""

    languages: ClassVar[tuple[str, ...]] = ("ru", "vi", "en")
    labels: ClassVar[tuple[str, ...]] = (Label.DATE,)

    # The pipeline passes one token index to the extractors that share it.
    shared: ClassVar[dict[str, type]] = {"amounts": Amounts}

    def __init__(
        self, lang: str, verbs: VerbTenses | bool | None = None, amounts: Amounts | None = None
    ) -> None:
        """``verbs``: the language's verb analyser (:mod:`factx.rules.tense_morph`) to share
        one; None loads one for this instance where the language has one, False uses the
        ending rules only. ``amounts``: the token index to share."""
        self.lang = lang
        self.amounts = amounts or Amounts(lang)
        self.words: TimeWords = time_words(lang)
        self.rules: tuple[Rule, ...] = rules(lang)
        if verbs is None or verbs is True:
            verbs = load_verbs(self.words)
        self.tense: TenseCues = TenseCues.of(self.words, verbs) if verbs else cues(lang)
        w = self.words
        self.day_cues = {key(c) for c in w.words("day_cues")}
        self.dash_cues = {key(c) for c in w.words("dash_day_cues")}
        self.weak_cues = {key(c) for c in w.words("year_cues_weak")}
        self.followers = {key(c) for c in w.words("year_followers")}
        self.ambiguous = {key(c) for c in w.words("ambiguous")}
        self.standalone_cues = {key(c) for c in w.words("standalone_cues")}
        self.count_forms = {key(c) for c in w.words("count_forms")}
        self.vague = {key(c) for c in w.words("vague_counts")}
        self.padded_months = bool(w.data.get("day_month_padded"))
        self.blockers = {key(c) for c in w.words("shift_blockers")}
        self.holiday_blockers = {key(c) for c in w.words("holiday_blockers")}
        self.lowercase_names = bool(w.data.get("lowercase_names"))
        self.habitual = {key(c) for c in w.words("habitual")}
        self.habitual_forms = {key(c) for c in w.words("habitual_forms")}
        self.habitual_after = tuple(key(c) for c in w.words("habitual_after"))
        sports = [rf"(?<!\w)(?:{alternation(w.words('sports_words'))})"]
        sports += [SCORE] if w.data.get("sports_scores") else []
        self.sports = regex.compile("|".join(sports), regex.I) if w.words("sports_words") else None
        # Which kinds need a look at their context in this language.
        self.checked = {"day_month", "weekday_abbr", "month"}
        self.checked |= COUNT_SENSITIVE | {"weekday"} if lang == "vi" else set()
        self.count = regex.compile(rf"(?r)(?:{number_pattern(lang)})\s+\Z", regex.IGNORECASE)
        self.join = regex.compile(rf"\s*(?:{alternation(w.words('range_join'))})\s*")
        self.open = regex.compile(rf"(?:{alternation(w.words('range_open'))})\s+$", regex.I)

    def extract(self, doc: Document) -> Iterator[Mention]:
        text = doc.text
        scan = self.amounts.scan(text)
        found: list[Candidate] = []
        for rank, rule in enumerate(self.rules):
            # Matches are collected first: the timeout bounds the regex, not our own work.
            if rule.starts is None:
                matches = tuple(rule.pattern.finditer(text, timeout=TIMEOUT))
            else:
                s = rule.starts
                matches = scan.matches(rule.pattern, scan.starts(s.words, s.prefixes, s.digits))
            for m in matches:
                g = Groups.of(m)
                start, end = m.span()
                listed: list[tuple[int, int, str]] = []  # other days of a list: (start, end, day)
                if g["dl"]:  # "December 7 and 8": the first date ends before the join
                    listed.append((m.start("dl"), end, m["dl"]))
                    end = m.start("list")
                if rule.prefix is not None:
                    before = rule.prefix_before(text, start)
                    if before is None and rule.required:
                        continue
                    if before is not None:
                        g.update({k: v for k, v in before.groupdict().items() if v})
                        start = before.start()
                        if before.groupdict().get("d0"):  # "9 или 10 июня": the first day
                            listed.append((*before.span("d0"), before["d0"]))
                            start = before.end("listed")
                if rule.kind in ("year_cue", "year_attr"):
                    start = m.start("y")  # "in 2023", "the 2014 protests": the cue is context
                if not self.plausible(rule.kind, g, start, end, text):
                    continue
                given = bool(g["y"] or g["yy"] or g["yrel"])
                tense = OPEN
                if rule.kind in TENSED and not given and doc.date is not None:
                    tense = self.tense.around(text, start, end)
                try:
                    value: Value | None = resolve(rule.kind, g, self.words, doc.date, tense)
                except NoReference:
                    value = None
                except Invalid:
                    continue
                strong = int(bool(g["d"] or g["dw"]) and bool(g["m"] or g["mw"]))
                found.append(Candidate(start, end, rank, value, given, strong))
                for a, b, day in listed:
                    other = same_month(value, int(day))
                    if other is not None or value is None:
                        found.append(Candidate(a, b, rank, other, given, strong))
        for c in self.join_ranges(text, self.select(found)):
            norm = c.value.iso() if c.value is not None else None
            yield Mention(Label.DATE, c.start, c.end, text[c.start : c.end], norm)

    # --- choosing among candidates ---------------------------------------------------

    @staticmethod
    def select(found: list[Candidate]) -> list[Candidate]:
        """Longest first, then the earlier rule; no two kept candidates overlap."""
        ranked = sorted(found, key=lambda c: (-c.strength, c.start - c.end, c.rank, c.start))
        return keep_disjoint(ranked)

    def join_ranges(self, text: str, kept: list[Candidate]) -> list[Candidate]:
        """ "с 1 июля по 15 августа 2025 года", "from January to March 2025": one interval.
        The first date borrows the second's year when it has none of its own."""
        out: list[Candidate] = []
        for c in kept:
            prev = out[-1] if out else None
            if (
                prev is not None
                and isinstance(prev.value, Period)
                and isinstance(c.value, Period)
                and self.join.fullmatch(text, prev.end, c.start)
                and (
                    self.open.search(text, max(0, prev.start - 30), prev.start)
                    or not text[prev.end : c.start].strip().isalpha()
                )
            ):
                first = prev.value
                if not prev.year_given and c.year_given:
                    first = p.with_year(first, c.value.start.year)
                if first.start < c.value.start:
                    out[-1] = Candidate(
                        prev.start, c.end, prev.rank, Interval(first, c.value), True
                    )
                    continue
            out.append(c)
        return out

    # --- readings a pattern allows but the context rules out -------------------------

    def plausible(self, kind: str, g: Groups, start: int, end: int, text: str) -> bool:
        if kind == "year_cue":
            return self.year_follows(g, end, text)
        if kind in ("quarter", "half") and not (g["y"] or g["yy"] or g["yrel"]) and self.sports:
            lo, hi = sentence(text, start, end)
            if self.sports.search(text, lo, hi):
                return False  # "the first half ended 1-1": a period of a match
        if kind in ("quarter", "half") and (g["q"] or g["h"]) and not (g["y"] or g["yrel"]):
            # "3 квартала" counts quarters; "3-й квартал", "3 квартале" name one.
            unit = text[start:end].split()[-1]
            if key(unit) in self.count_forms and text[start + 1 : start + 2].isspace():
                return False
        if kind == "shift":
            return self.shift_is_dated(g, start, end, text)
        if kind == "holiday" and g["hol"][:1].islower() and is_inflected(self.lang, g["hol"]):
            return False  # "в начале нового года" is any new year; "Нового года" the holiday
        if kind == "holiday" and self.holiday_blockers:
            nxt = NEXT_WORD.match(text, end)
            return not (nxt and key(nxt[1]) in self.holiday_blockers)
        if kind in ("weekday", "weekday_abbr") and self.habitual_weekday(g, start, end, text):
            return False
        if self.lowercase_names and kind in ("weekday", "month") and text[start].isupper():
            # "Виктор Понедельник": a capitalised weekday inside a sentence is a name.
            before = text[max(0, start - 3) : start].rstrip()
            if before and before[-1] not in '.!?:;«"\n(—–-':
                return False
        if kind not in self.checked:
            return True
        before, adjacent = previous_word(text, start)
        prev = key(before) if before else None
        after = next_char(text, end)
        if kind == "day_month":
            # "ngày 4/11", "до 15.02" and a lone "7/3" are dates; "1/3 dân số", "tỷ lệ 3/4"
            # and "в 1.5 раза" are not. A cue needs a two-digit month where the separator
            # is also a decimal point.
            if g["dayw"]:
                return True
            if g["dash"]:
                return prev in self.dash_cues  # "tối 21-3", but "từ 3-5 ngày" is a range
            if prev in self.day_cues:
                return not self.padded_months or len(g["m"] or "") == 2
            sign_before = quantity_sign(text[start - 1] if start else None)
            return (
                before is None
                and not sign_before
                and not (after and (after.isalnum() or quantity_sign(after)))
            )
        vi_count = self.lang == "vi" and kind in COUNT_SENSITIVE and before and adjacent
        if vi_count and not g["d"] and self.count.search(text, max(0, start - 40), start):
            # "3 tháng trước", "ba năm qua": a count makes the word a unit (but "công văn 999
            # ngày 26-2" is a document's number before a day).
            return False
        if self.lang == "vi" and kind == "weekday":
            # "thứ hai" is Monday, but "lần thứ hai" is "the second time".
            return before is None or prev in self.day_cues or not adjacent
        if kind in ("month", "weekday_abbr"):
            return self.standalone(g, prev, after)
        return True

    def habitual_weekday(self, g: Groups, start: int, end: int, text: str) -> bool:
        """ "every Sunday", "по пятницам", "thứ hai hằng tuần": a weekday that recurs names
        no date."""
        if g["rel"] or g["wrel"] or not g["wd"]:
            return False
        if key(g["wd"]) in self.habitual_forms:
            return True
        before, _ = previous_word(text, start)
        if before and key(before) in self.habitual:
            return True
        after = text[end : end + 30]
        return any(key(after).startswith(w) for w in self.habitual_after)

    def shift_is_dated(self, g: Groups, start: int, end: int, text: str) -> bool:
        """ "несколько дней назад" has no count to shift by; "через 65 лет после войны" and
        "hai ngày trước tết" count from an event, not from the document date."""
        if not g["n"] and not g["art"]:
            before, adjacent = previous_word(text, start)
            if before and adjacent and key(before) in self.vague:
                return False
        nxt = NEXT_WORD.match(text, end)
        return not (nxt and key(nxt[1]) in self.blockers)

    def year_follows(self, g: Groups, end: int, text: str) -> bool:
        if key(g["cue"] or "") not in self.weak_cues:
            return True
        nxt = NEXT_WORD.match(text, end)
        if nxt is None or text[end : nxt.start(1)].strip():
            after = next_char(text, end)
            return not quantity_sign(after)
        word = nxt[1]
        return key(word) in self.followers or (self.lang == "en" and word[:1].isupper())

    def standalone(self, g: Groups, prev: str | None, after: str | None) -> bool:
        """A month or weekday word with no day or year: fine in Russian; in English it
        must be capitalised and unambiguous ("January") or follow a cue ("in May")."""
        if self.lang != "en" or g["mrel"]:
            return True
        word = g["mw"] or g["wd"] or ""
        if key(word).rstrip(".") in self.ambiguous:
            # "in May" and "Sun." alone on a line are dates; "the sun", "may be" are not.
            alone = prev is None and (after is None or not after.isalnum())
            return alone or (word[:1].isupper() and prev in self.standalone_cues)
        return word[:1].isupper() or prev in self.standalone_cues or g["wd"] is not None
