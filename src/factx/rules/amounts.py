"""One scan for amounts per text, shared by the money, percent and quantity extractors.

Each of the three needs the same thing first: every number in the text, with the scale
word after it if any ("28,5 млн", "$10k", "hai mươi"), and every dashed pair ("3–5 млн");
then each reads its own currency, percent sign or unit after them. Three regex scans of
the whole text for one answer cost three times what one does, and a regex that may start
a spelt number at any word ("двадцать", "một") tests every position of the text. So one
:class:`Amounts` per language (the pipeline builds one and passes it to every extractor
that declares it, see ``shared`` in :mod:`factx.registry`) finds the amounts once per
text: a token scan proposes the places a number can start (a digit, a sign, a fraction
sign, or a word that opens a spelt number, looked up in a set) and the anchored amount
pattern of :mod:`factx.rules.numbers` is tried only there. The matches are those of a
``finditer`` over the whole text, and are kept for the last few texts, since the
extractors run one after another on the same documents.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from factx.rules import numbers, ranges

TIMEOUT = 1.0  # seconds per 200 000 characters: a backstop, the patterns are linear
# Where an amount may start: a sign before a digit, a vulgar fraction, or a word (digits
# included) whose folded form can open a number.
TOKEN = regex.compile(rf"[-−](?=\d)|[{''.join(numbers.VULGAR)}]|\w+")
# Texts whose scans are kept: a batch's documents (16 by default) go through each
# extractor in turn, so the last batch is enough; a budget in characters bounds memory.
KEEP_TEXTS = 64
KEEP_CHARS = 2_000_000
# A call per place costs what the regex engine's scan of about this many characters does.
DENSE = 16


def budget(text: str) -> float:
    """The regex time budget for a text: linear patterns take time in proportion to its
    length."""
    return TIMEOUT * max(1.0, len(text) / 200_000)


@dataclass(frozen=True)
class Scan:
    """The amounts of one text (groups ``num``, ``scale``, ``suffix`` of
    :func:`numbers.amount_pattern`) and its dashed ranges (``lo``, ``dash`` and the same
    groups for the second amount, :func:`ranges.dash_source`), in text order."""

    amounts: tuple[regex.Match[str], ...]
    dashes: tuple[regex.Match[str], ...]


class Amounts:
    """The amount scan of one language, with the scans of its last few texts."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.amount = regex.compile(numbers.amount_pattern(lang))
        self.dash = regex.compile(ranges.dash_source(lang))
        self.openers = opening_words(numbers.grammar(lang).words)
        self.kept: OrderedDict[str, Scan] = OrderedDict()
        self.kept_chars = 0

    def scan(self, text: str) -> Scan:
        """The amounts and dashed ranges of ``text``; a regex running past the text's time
        budget raises TimeoutError, as the patterns' own timeout does."""
        found = self.kept.get(text)
        if found is not None:
            self.kept.move_to_end(text)
            return found
        starts = self.starts(text)
        digits = [s for s in starts if text[s].isdigit()]
        found = Scan(scan(self.amount, text, starts), scan(self.dash, text, digits))
        self.kept[text] = found
        self.kept_chars += len(text)
        while len(self.kept) > KEEP_TEXTS or self.kept_chars > KEEP_CHARS:
            old, _ = self.kept.popitem(last=False)
            self.kept_chars -= len(old)
        return found

    def starts(self, text: str) -> list[int]:
        """Every place a number may start, and some where none does: the anchored patterns
        decide."""
        openers = self.openers
        return [
            t.start()
            for t in TOKEN.finditer(text)
            if not t[0][0].isalpha() or t[0].casefold() in openers
        ]


def scan(pattern: regex.Pattern[str], text: str, starts: list[int]) -> tuple[regex.Match[str], ...]:
    """What ``pattern.finditer(text)`` finds, given every place a match may start. Where
    they are many (a table of figures, a megabyte of digits) the regex engine's own scan is
    faster than a call per place."""
    if len(starts) * DENSE > len(text):
        return tuple(pattern.finditer(text, timeout=budget(text)))
    return tuple(matches(pattern, text, starts, time.perf_counter() + budget(text)))


def matches(
    pattern: regex.Pattern[str], text: str, starts: list[int], deadline: float
) -> Iterable[regex.Match[str]]:
    """The matches of ``pattern`` tried at ``starts`` only, each ending where the next may
    begin, as ``finditer`` would give them."""
    end = 0
    for at in starts:
        if at < end:
            continue
        left = deadline - time.perf_counter()
        if left <= 0:
            raise TimeoutError("regex timed out")
        m = pattern.match(text, at, timeout=left)
        if m is not None and m.end() > m.start():
            end = m.end()
            yield m


def followed(
    found: Iterable[regex.Match[str]], follower: regex.Pattern[str]
) -> list[regex.Match[str]]:
    """The amounts an extractor reads: those ending in a word (a scale or a spelt number,
    which the extractor judges itself) and those ``follower`` matches right after (its
    first letters of a currency, sign or unit)."""
    return [m for m in found if ends_in_word(m[0]) or follower.match(m.string, m.end())]


def ends_in_word(amount: str) -> bool:
    return amount[-1] == "." or amount[-1].isalpha()


def opening_words(w: numbers.NumberWords) -> frozenset[str]:
    """The folded first word of every form that can open a spelt number or a negative
    one: number words, scales written alone, articles ("a million"), fractions ("a third",
    "one half")."""
    forms = [
        *w.units,
        *w.negative,
        *w.scales,
        *w.bare_scales,
        *w.articles,
        *w.fraction_words,
        "a",
        "one",
    ]
    firsts = (regex.match(r"\w+", form.casefold()) for form in forms)
    return frozenset(m[0] for m in firsts if m)
