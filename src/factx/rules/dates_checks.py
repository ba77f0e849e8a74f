"""Readings a date pattern allows but the context rules out: "1/3 dân số" is a fraction,
"lần thứ hai" an ordinal, "to 2030 tonnes" a count, "every Sunday" no date, "the first
half ended 1-1" a period of a match. The words come from ``dates.toml``.
"""

from __future__ import annotations

import unicodedata

import regex

from factx.rules.dates_groups import Groups
from factx.rules.holiday_calendar import is_inflected
from factx.rules.lazy import LazyPattern
from factx.rules.numbers import number_pattern
from factx.rules.tense import sentence
from factx.rules.timewords import TimeWords, alternation, key

TIMEOUT = 1.0
# Matched right to left from a candidate's start: the word before it, across one comma.
PREVIOUS_WORD = regex.compile(r"(?r)(\w+)(?<gap>[^\S\n]*,?[^\S\n]*)\Z")
NEXT_WORD = regex.compile(r"[^\S\n]*(\w+)")
NEXT_TEXT = regex.compile(r"[^\S\n]*([^\s])?")
# A match score, "1-1" or "2–0": no digit, dash or decimal point around it ("2024-25",
# "1-800-444", "3-5%" are not scores).
SCORE = r"(?<![\w.,/:–-])\d{1,2}[-–]\d{1,2}(?![\w/:%–-]|[.,]\d)"
# Kinds whose Vietnamese head word ("tháng", "quý", "năm") is a unit after a count.
COUNT_SENSITIVE = {"month", "relative", "quarter", "date"}


def quantity_sign(ch: str | None) -> bool:
    """A percent or any currency sign (Unicode Sc): a number touching one is a value."""
    return ch is not None and (ch in "%‰" or unicodedata.category(ch) == "Sc")


def previous_word(text: str, start: int) -> tuple[str | None, bool]:
    """The word just before ``start`` on the same line, across at most one comma, and
    whether only spaces separate them."""
    m = PREVIOUS_WORD.search(text, max(0, start - 40), start, timeout=TIMEOUT)
    return (m[1], "," not in m["gap"]) if m else (None, False)


def next_char(text: str, end: int) -> str | None:
    m = NEXT_TEXT.match(text, end, min(len(text), end + 40))
    return m[1] if m else None


class DateChecks:
    """One language's checks of a date candidate against the words around it."""

    def __init__(self, lang: str, w: TimeWords) -> None:
        self.lang = lang
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
        # Compiled when first asked, which only Vietnamese does: a number grammar costs a
        # worker ~12 ms to compile.
        self.count = LazyPattern(rf"(?r)(?:{number_pattern(lang)})\s+\Z", regex.IGNORECASE)

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
            # "Олег Вторник": a capitalised weekday inside a sentence is a name.
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
                return prev in self.dash_cues  # "tối 24-3", but "từ 3-5 ngày" is a range
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
            # "3 tháng trước", "ba năm qua": a count makes the word a unit (but "công văn 812
            # ngày 23-2" is a document's number before a day).
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
        """ "несколько дней назад" has no count to shift by; "через 40 лет после войны" and
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
