"""Which way a sentence points in time, for dates that leave the direction open.

News reports what happened: "said on Thursday" is the Thursday just past and "raised in
April" in a December story is this year's April, while "will meet on Monday" is the next
Monday and "is due in January" next January. The cues are each language's words in the
``[tense]`` table of ``dates.toml``: future markers ("will", "будет", "sẽ"), past markers
("was", "đã") and, where the language inflects, verb forms: English past "-ed" (but not
after a determiner: "a planned strike" is an adjective, and "the planned" a future cue),
and Russian verbs told from nouns by their grammar (:mod:`factx.rules.tense_morph`), or,
without the analyser, by the few endings no common noun has ("-лся", "-ются"). The cue
nearest the date inside its sentence wins; a sentence with neither leaves the tense open
(0), and the date keeps the reading it has without context.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

import regex

from factx.rules import compiled
from factx.rules.tense_morph import FUTURE, OPEN, PAST, VerbTenses
from factx.rules.timewords import TimeWords, alternation, key, time_words

__all__ = ["FUTURE", "OPEN", "PAST", "TenseCues", "cues", "sentence"]
# How far a sentence may reach on either side of a date; news sentences are shorter.
REACH = 400
# A sentence ends at . ! ? followed by space, or at a line break ("3.5" does not end one,
# "U.S. " may); ; and : do not, since "said on Monday: ..." keeps its verb.
BOUNDARY = regex.compile(r"[.!?…][\"»”')]*\s|\n")
BOUNDARY_BACK = regex.compile(r"(?r)[.!?…][\"»”')]*\s|\n")
WORD_BEFORE = regex.compile(r"(?r)(\w+)\s+\Z")
WORD = regex.compile(r"\p{L}+")


@dataclass(frozen=True)
class TenseCues:
    """One language's future and past cues as patterns over a sentence."""

    future: regex.Pattern[str] | None
    past: regex.Pattern[str] | None
    # Words after which a past form is a participle or an adjective, not a tense: "is to be
    # held", "a planned strike".
    not_after: frozenset[str]
    # The language's verbs by their grammar; when set, it replaces the endings.
    verbs: VerbTenses | None = None

    @classmethod
    def of(cls, words: TimeWords, verbs: VerbTenses | None = None) -> TenseCues:
        data = words.data.get("tense", {})
        stem = int(data.get("stem", 3))
        lowercase = bool(data.get("lowercase_forms"))
        determiners = data.get("determiners", ())
        # "the planned vote", "its proposed merger": an event still ahead.
        attributes = [f"{d} {a}" for d in determiners for a in data.get("future_attributes", ())]
        listed = {
            "past": list(data.get("past", ())),
            "future": [*data.get("future", ()), *attributes],
        }
        past, future = (
            cue_pattern(
                listed[name],
                () if verbs else data.get(f"{name}_endings", ()),
                stem,
                lowercase,
                data.get(f"{name}_exceptions", ()),
            )
            for name in ("past", "future")
        )
        not_after = frozenset(key(w) for w in (*data.get("past_not_after", ()), *determiners))
        return cls(future, past, not_after, verbs)

    def around(self, text: str, start: int, end: int) -> int:
        """PAST, FUTURE or OPEN for the date at ``text[start:end]``."""
        if self.future is None and self.past is None and self.verbs is None:
            return OPEN
        lo, hi = sentence(text, start, end)
        best: tuple[int, int] | None = None
        for m, tense in self.cues(text, lo, hi):
            if start <= m.start() < end:
                continue  # the date's own words ("tuần qua") are not the verb's tense
            if tense == PAST and self.participle(text, lo, m.start()):
                continue
            gap = start - m.end() if m.end() <= start else m.start() - end
            # On a tie the past wins: "said on Monday it would…" reports a past Monday.
            if best is None or (gap, tense) < best:
                best = (gap, tense)
        return best[1] if best else OPEN

    def cues(self, text: str, lo: int, hi: int) -> Iterator[tuple[regex.Match[str], int]]:
        """Every listed cue, verb form or ending in ``text[lo:hi]`` with its tense."""
        for pattern, tense in ((self.future, FUTURE), (self.past, PAST)):
            if pattern is not None:
                for m in pattern.finditer(text, lo, hi, timeout=1.0):
                    yield m, tense
        if self.verbs is not None:
            for m in WORD.finditer(text, lo, hi):
                tense = self.verbs.of(m[0].lower())
                if tense != OPEN:
                    yield m, tense

    def participle(self, text: str, lo: int, at: int) -> bool:
        if not self.not_after:
            return False
        before = WORD_BEFORE.search(text, max(lo, at - 30), at)
        return before is not None and key(before[1]) in self.not_after


def cue_pattern(
    words: Sequence[str],
    endings: Sequence[str],
    stem: int,
    lowercase: bool,
    exceptions: Sequence[str] = (),
) -> regex.Pattern[str] | None:
    """Listed words, or words of at least ``stem`` letters with one of ``endings`` ("-ed",
    "-лся"), lower case only if ``lowercase`` (names: "Ahmed", "Mohamed"), never an
    exception ("hundred", "или")."""
    parts = [f"(?:{alternation(words)})"] if words else []
    if endings:
        ends = "|".join(sorted(endings, key=lambda e: (-len(e), e)))
        first = r"(?-i:\p{Ll})" if lowercase else r"\w"
        parts.append(rf"{first}\w{{{stem - 1},}}(?:{ends})(?!\w)")
    if not parts:
        return None
    skip = f"(?!{alternation(exceptions)})" if exceptions else ""
    return compiled.pattern(rf"(?<!\w){skip}(?:{'|'.join(parts)})", regex.IGNORECASE)


def sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence holding ``text[start:end]``, at most REACH either side."""
    back = BOUNDARY_BACK.search(text, max(0, start - REACH), start)
    ahead = BOUNDARY.search(text, end, min(len(text), end + REACH))
    lo = back.end() if back else max(0, start - REACH)
    hi = ahead.start() if ahead else min(len(text), end + REACH)
    return lo, hi


@cache
def cues(lang: str) -> TenseCues:
    return TenseCues.of(time_words(lang))
