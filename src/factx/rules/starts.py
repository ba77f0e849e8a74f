"""Where a pattern template can start: the first tokens a match may begin with.

A date pattern such as ``(?<mw>{MONTH})(?:{YEARPART})?`` can only match where a month
word starts. Scanning a whole text with each of twenty such patterns costs twenty passes
over every character; knowing each pattern's possible first tokens, the token index of
:mod:`factx.rules.amounts` gives the few places worth trying. This module reads a
template's first element: a ``{PLACEHOLDER}`` (its words, from the caller), digits, or a
literal word (as a prefix: "FY2020", "Q4"), through groups and alternatives. Anything else
(a character class, an optional first element) gives None: scan the whole text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from factx.rules.amounts import first_word, fold

OPENERS = ("(?:", "(?P<", "(?<")


@dataclass(frozen=True)
class Starts:
    """First tokens: folded ``words`` exactly, tokens beginning with one of ``prefixes``,
    and (``digits``) tokens beginning with a digit."""

    words: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    digits: bool = False

    @classmethod
    def of_words(cls, forms: Iterable[str]) -> Starts:
        return cls(words=frozenset(filter(None, map(first_word, forms))))

    @classmethod
    def of_prefixes(cls, forms: Iterable[str]) -> Starts:
        return cls(prefixes=tuple(sorted({p for p in map(first_word, forms) if p})))

    def __or__(self, other: Starts) -> Starts:
        return Starts(
            self.words | other.words,
            tuple(sorted({*self.prefixes, *other.prefixes})),
            self.digits or other.digits,
        )


DIGITS = Starts(digits=True)


def template_starts(template: str, pieces: dict[str, Starts]) -> Starts | None:
    """The first tokens of ``template``, given those of its placeholders; None if they
    cannot be read from it."""
    return alternatives(template, 0, pieces)[0]


def alternatives(s: str, i: int, pieces: dict[str, Starts]) -> tuple[Starts | None, int]:
    """The union of the first tokens of the alternatives from ``i`` to the ``)`` that closes
    their group (or the end), and where that is."""
    found: Starts | None = Starts()
    while True:
        head, i = element(s, i, pieces)
        found = None if head is None or found is None else found | head
        i = skip_alternative(s, i)
        if i >= len(s) or s[i] == ")":
            return found, i
        i += 1  # past "|"


def element(s: str, i: int, pieces: dict[str, Starts]) -> tuple[Starts | None, int]:
    """The first tokens of the element at ``i`` and where it ends."""
    opener = next((o for o in OPENERS if s.startswith(o, i)), None)
    if opener is not None:
        i += len(opener)
        if opener != "(?:":
            i = s.index(">", i) + 1
        head, i = alternatives(s, i, pieces)
        return (None if optional(s, i + 1) else head), i + 1
    if s.startswith("{", i):
        end = s.index("}", i)
        return (None if optional(s, end + 1) else pieces.get(s[i + 1 : end])), end + 1
    if s.startswith(r"\d", i) or s[i : i + 1].isdigit():
        return DIGITS, i + 1
    j = i
    while j < len(s) and s[j].isalpha():
        j += 1
    if optional(s, j):
        j -= 1  # "FY\s*", "an?": the last letter may be missing
    return (Starts(prefixes=(fold(s[i:j]),)) if j > i else None), j


def optional(s: str, i: int) -> bool:
    return s[i : i + 1] in ("?", "*") or s.startswith("{0", i)


def skip_alternative(s: str, i: int) -> int:
    """From inside an alternative to the ``|`` or ``)`` that ends it (or the end)."""
    depth = 0
    while i < len(s):
        ch = s[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = s.index("]", i + 2)
        elif ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return i
            depth -= 1
        elif ch == "|" and depth == 0:
            return i
        i += 1
    return i
