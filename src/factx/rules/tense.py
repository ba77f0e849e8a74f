"""Which way a sentence points in time, for dates that leave the direction open.

News reports what happened: "said on Thursday" is the Thursday just past and "raised in
April" in a December story is this year's April, while "will meet on Monday" is the next
Monday and "is due in January" next January. The cues are each language's words in the
``[tense]`` table of ``dates.toml``: future markers ("will", "будет", "sẽ"), past markers
("was", "đã") and, where the language inflects, past endings ("-ed", "-ла"). The cue
nearest the date inside its sentence wins; a sentence with neither leaves the tense open
(0), and the date keeps the reading it has without context.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from factx.rules.timewords import TimeWords, alternation, key, time_words

PAST, OPEN, FUTURE = -1, 0, 1
# How far a sentence may reach on either side of a date; news sentences are shorter.
REACH = 400
# A sentence ends at . ! ? or a line break followed by space (so "3.5" and "U.S." mostly
# do not end one); ; and : do not end it, since "said on Monday: ..." keeps its verb.
BOUNDARY = regex.compile(r"[.!?…][\"»”')]*\s|\n")
BOUNDARY_BACK = regex.compile(r"(?r)[.!?…][\"»”')]*\s|\n")
WORD_BEFORE = regex.compile(r"(?r)(\w+)\s+\Z")


@dataclass(frozen=True)
class TenseCues:
    """One language's future and past cues as patterns over a sentence."""

    future: regex.Pattern[str] | None
    past: regex.Pattern[str] | None
    # Words after which a past form is a participle, not a tense: "is to be held".
    not_after: frozenset[str]

    @classmethod
    def of(cls, words: TimeWords) -> TenseCues:
        data = words.data.get("tense", {})
        future = [*data.get("future", ())]
        past_words = [*data.get("past", ())]
        endings = data.get("past_endings", [])
        stem = int(data.get("past_stem", 3))
        exceptions = {key(w) for w in data.get("past_exceptions", ())}
        parts = []
        if past_words:
            parts.append(rf"(?:{alternation(past_words)})")
        if endings:
            ends = "|".join(sorted(endings, key=lambda e: (-len(e), e)))
            lower = r"(?-i:\p{Ll})" if data.get("past_lowercase") else r"\w"
            parts.append(rf"{lower}\w{{{stem - 1},}}(?:{ends})(?!\w)")
        past = None
        if parts:
            # A listed exception ("hundred", "indeed") is no past form.
            skip = rf"(?!(?:{alternation(exceptions)})(?!\w))" if exceptions else ""
            past = regex.compile(rf"(?<!\w){skip}(?:{'|'.join(parts)})", regex.IGNORECASE)
        fut = regex.compile(rf"(?<!\w)(?:{alternation(future)})", regex.I) if future else None
        return cls(fut, past, frozenset(key(w) for w in data.get("past_not_after", ())))

    def around(self, text: str, start: int, end: int) -> int:
        """PAST, FUTURE or OPEN for the date at ``text[start:end]``."""
        if self.future is None and self.past is None:
            return OPEN
        lo, hi = sentence(text, start, end)
        best: tuple[int, int] | None = None
        for pattern, tense in ((self.future, FUTURE), (self.past, PAST)):
            if pattern is None:
                continue
            for m in pattern.finditer(text, lo, hi, timeout=1.0):
                if start <= m.start() < end:
                    continue  # the date's own words ("tuần qua") are not the verb's tense
                if tense == PAST and self.participle(text, lo, m.start()):
                    continue
                gap = start - m.end() if m.end() <= start else m.start() - end
                if best is None or gap < best[0]:
                    best = (gap, tense)
        return best[1] if best else OPEN

    def participle(self, text: str, lo: int, at: int) -> bool:
        if not self.not_after:
            return False
        before = WORD_BEFORE.search(text, max(lo, at - 30), at)
        return before is not None and key(before[1]) in self.not_after


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
