"""One scan for amounts per text, shared by the money, percent, quantity and duration
extractors.

Each of them needs the same thing first: every number in the text, with the scale word
after it if any ("28,5 млн", "$10k", "hai mươi"), and every dashed pair ("3–5 млн"); then
each reads its own currency, percent sign or unit after them. Separate regex scans of the
whole text for one answer cost several times what one does, and a regex that may start a
word from a list ("двадцать", "một", "часов") tests every position of the text. So one
:class:`Amounts` per language (the pipeline builds one and passes it to every extractor
that declares it, see ``shared`` in :mod:`factx.registry`) reads each text once: its words,
numbers and signs as tokens, indexed by their folded form, from which each pattern is tried
only where it can start (a digit, or a word of its list, looked up in the index), and the
amounts found there by the anchored amount pattern of :mod:`factx.rules.numbers`. The
matches are those of a ``finditer`` over the whole text. Scans are kept for the last few
texts, since the extractors run one after another on the same documents.
"""

from __future__ import annotations

import dataclasses
import time
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

import regex

from factx.rules import compiled, numbers, ranges

TIMEOUT = 1.0  # seconds per 200 000 characters: a backstop, the patterns are linear
# A match starts at a token: a sign before a digit, a vulgar fraction, or a word (digits
# included); currency signs are tokens too ("$350bn").
TOKEN = regex.compile(rf"[-−](?=\d)|[{''.join(numbers.VULGAR)}]|\p{{Sc}}|\w+")
# Tokens an amount may start with besides digits and number words: a sign, a fraction.
SIGNS = tuple("-−" + "".join(numbers.VULGAR))
# Texts whose scans are kept: a batch's documents (16 by default) go through each
# extractor in turn, so the last batch is enough; a budget in characters bounds memory.
KEEP_TEXTS = 64
KEEP_CHARS = 2_000_000
# What a regex costs, in nanoseconds: an anchored call costs about a microsecond plus 0.75
# per character of the whole text (the engine prepares the string each time), a scan about
# 20-140 per character depending on the pattern.
CALL_NS, CALL_NS_PER_CHAR, SCAN_NS_PER_CHAR = 1000, 0.75, 40


class Pattern(Protocol):
    """A compiled regex, or one compiled when first used (:class:`factx.rules.lazy.LazyPattern`)."""

    def match(self, text: str, *args: Any, **kwargs: Any) -> regex.Match[str] | None: ...

    def finditer(self, text: str, *args: Any, **kwargs: Any) -> Iterator[regex.Match[str]]: ...


def budget(text: str) -> float:
    """The regex time budget for a text: linear patterns take time in proportion to its
    length."""
    return TIMEOUT * max(1.0, len(text) / 200_000)


def fold(word: str) -> str:
    """The key of a token or word: case folded, "ё" as "е" (Russian print drops its dots),
    so a lookup finds every place a case-insensitive pattern might match, and more."""
    return word.casefold().replace("ё", "е")


def first_word(form: str) -> str:
    """The folded first token of a form ("đô la" → "đô", "мин." → "мин")."""
    m = TOKEN.match(fold(form).lstrip())
    return m[0] if m else ""


@dataclass(frozen=True)
class Scan:
    """One text read once: where each folded token starts (``index``), its amounts (groups
    ``num``, ``scale``, ``suffix`` of :func:`numbers.amount_pattern`) and its dashed ranges
    (``lo``, ``dash`` and the same groups for the second amount, :func:`ranges.dash_source`),
    in text order."""

    text: str
    index: dict[str, list[int]]
    by_initial: dict[str, list[str]]  # the tokens by first character, for prefix lookups
    amounts: tuple[regex.Match[str], ...] = ()
    dashes: tuple[regex.Match[str], ...] = ()

    def starts(
        self, words: Iterable[str] = (), prefixes: tuple[str, ...] = (), digits: bool = False
    ) -> list[int]:
        """Where a token starts that is one of ``words`` (folded, see :func:`first_word`),
        begins with one of ``prefixes`` (folded), or (``digits``) begins with a digit."""
        index, by_initial = self.index, self.by_initial
        keys = [w for w in words if w in index]
        for initial in {p[:1] for p in prefixes}:
            keys += [k for k in by_initial.get(initial, ()) if k.startswith(prefixes)]
        if digits:
            keys += [k for d in "0123456789" for k in by_initial.get(d, ())]
        return sorted({at for k in keys for at in index[k]})

    def matches(self, pattern: Pattern, starts: list[int]) -> tuple[regex.Match[str], ...]:
        """What ``pattern.finditer(text)`` finds, given every place a match may start. Where
        they are many (a table of figures, a long text) the regex engine's own scan is
        faster than a call per place."""
        text = self.text
        n = len(text)
        if not starts:
            return ()  # a lazy pattern stays uncompiled
        if len(starts) * (CALL_NS + CALL_NS_PER_CHAR * n) > SCAN_NS_PER_CHAR * n:
            return tuple(pattern.finditer(text, timeout=budget(text)))
        return tuple(tried_at(pattern, text, starts, time.perf_counter() + budget(text)))


class Amounts:
    """The token index and amount scan of one language, with those of its last few texts."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.amount = compiled.pattern(numbers.amount_pattern(lang))
        self.dash = compiled.pattern(ranges.dash_source(lang))
        self.openers = opening_words(numbers.grammar(lang).words)
        self.kept: OrderedDict[str, Scan] = OrderedDict()
        self.kept_chars = 0

    def scan(self, text: str) -> Scan:
        """``text`` read once; a regex running past the text's time budget raises
        TimeoutError, as the patterns' own timeout does."""
        found = self.kept.get(text)
        if found is not None:
            self.kept.move_to_end(text)
            return found
        tokens = Scan(text, *token_index(text))
        starts = tokens.starts(self.openers, SIGNS, digits=True)
        digits = [at for at in starts if text[at].isdigit()]
        found = dataclasses.replace(
            tokens,
            amounts=tokens.matches(self.amount, starts),
            dashes=tokens.matches(self.dash, digits),
        )
        self.kept[text] = found
        self.kept_chars += len(text)
        while len(self.kept) > KEEP_TEXTS or self.kept_chars > KEEP_CHARS:
            old, _ = self.kept.popitem(last=False)
            self.kept_chars -= len(old)
        return found


def token_index(text: str) -> tuple[dict[str, list[int]], dict[str, list[str]]]:
    """Where each folded token starts, and the tokens by first character. Folding the whole
    text at once is much faster than token by token, and keeps offsets wherever it keeps
    the length."""
    index: dict[str, list[int]] = {}
    folded = fold(text)
    if len(folded) == len(text):
        for t in TOKEN.finditer(folded):
            index.setdefault(t[0], []).append(t.start())
    else:
        for t in TOKEN.finditer(text):
            index.setdefault(fold(t[0]), []).append(t.start())
    by_initial: dict[str, list[str]] = {}
    for k in index:
        by_initial.setdefault(k[0], []).append(k)
    return index, by_initial


def tried_at(
    pattern: Pattern, text: str, starts: list[int], deadline: float
) -> Iterator[regex.Match[str]]:
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
    return frozenset(filter(None, map(first_word, forms)))
