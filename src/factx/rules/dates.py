"""DATE mentions in ru, vi and en, normalised to ISO 8601 at the precision the text gives.

Each language's patterns (``dates_grammar``) propose candidates; checks (``dates_checks``) drop the
readings a number or word only *might* have ("1/3 dân số" is a fraction, "lần thứ hai" an
ordinal, "to 2030 tonnes" a count); the longest surviving candidate wins each stretch of
text; and two dates joined by "to/по/đến" become one ISO interval. Relative dates resolve
against ``doc.date`` and keep an empty norm without one; a weekday or a date without a year
reads its direction from its sentence's tense (``factx.rules.tense``).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar, Protocol, TypeVar

import regex

from factx.model import Document, Label, Mention
from factx.resources import Resources
from factx.rules import periods as p
from factx.rules.amounts import Amounts
from factx.rules.dates_checks import DateChecks
from factx.rules.dates_grammar import Rule, rules
from factx.rules.dates_groups import Groups, NoReference
from factx.rules.dates_resolve import TENSED, resolve
from factx.rules.periods import Interval, Invalid, Period, Value
from factx.rules.tense import OPEN, TenseCues, cues
from factx.rules.tense_morph import VerbTenses
from factx.rules.tense_morph import load as load_verbs
from factx.rules.timewords import TimeWords, alternation, time_words

# Backstop per pattern and document; the patterns themselves are linear (see tests).
TIMEOUT = 1.0


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
        self,
        lang: str,
        verbs: VerbTenses | bool | None = None,
        amounts: Amounts | None = None,
        resources: Resources | None = None,
    ) -> None:
        """``verbs``: the language's verb analyser (:mod:`factx.rules.tense_morph`) to share
        one; None reads with the morphological analyser ``resources`` keeps (else its own)
        where the language has one, False uses the ending rules only. ``amounts``: the
        token index to share."""
        self.lang = lang
        self.amounts = amounts or Amounts(lang)
        self.words: TimeWords = time_words(lang)
        self.rules: tuple[Rule, ...] = rules(lang)
        if verbs is None or verbs is True:
            verbs = load_verbs(self.words, resources)
        self.tense: TenseCues = TenseCues.of(self.words, verbs) if verbs else cues(lang)
        w = self.words
        self.checks = DateChecks(lang, w)
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
                    start = m.start("y")  # "in 2023", "the 2011 protests": the cue is context
                if not self.checks.plausible(rule.kind, g, start, end, text):
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
