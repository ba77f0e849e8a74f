"""Small helpers around numbers that the fact extractors share: vocabulary alternations,
lookahead initials, the folding of matched forms and sanity checks on amounts.

Split from :mod:`factx.rules.numbers` because none of these read or build a number: they
help the unit, currency and rate extractors match the words around one.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import regex

from factx.rules.numbers_grammar import SPACES, WORDS


def initials(words: Iterable[str], symbols: Iterable[str] = ()) -> str:
    """A lookahead for the first letters of some forms: a cheap test before an alternation."""
    chars = {c for w in words for c in (w[:1].lower(), w[:1].upper())} | {s[:1] for s in symbols}
    chars.discard("")
    return "(?=[" + "".join(regex.escape(c) for c in sorted(chars)) + "])" if chars else "(?!)"


def forms_pattern(words: Iterable[str], symbols: Iterable[str] = ()) -> str:
    """One alternation of vocabulary forms, longest first across both kinds: written-out
    words match in any case, symbols ("MW", "т", "$") only as written."""
    kinds = {s: False for s in symbols} | {w: True for w in words}
    parts = []
    for form in sorted(kinds, key=lambda f: (-len(f), f)):
        escaped = regex.escape(form).replace(r"\ ", r"[ \u00a0]+")
        parts.append(f"(?i:{escaped})" if kinds[form] else escaped)
    if not parts:
        return r"(?!)"
    return f"(?:{'|'.join(parts)})(?!\\w)"


def finite(*values: float | None) -> bool:
    """Whether every given amount is a real number: 400 nines overflow a float to
    infinity, which no table or comparison can use, so such an amount is no mention."""
    return all(v is None or math.isfinite(v) for v in values)


def tidy(value: float) -> float:
    """Drop binary noise from scaling: 8.2 × 1e9 is 8200000000, not 8199999999.999999."""
    return float(f"{value:.12g}")


def words_before(text: str, start: int, count: int = 3) -> set[str]:
    """The last ``count`` words before ``start``, folded: the context a unit or currency
    form may rule out ("weighed 20 pounds")."""
    return {fold(w) for w in WORDS.findall(text, max(0, start - 60), start)[-count:]}


def fold(form: str) -> str:
    """The key a matched form is looked up by: case and spacing as in the data file."""
    return SPACES.sub(" ", form).casefold()
