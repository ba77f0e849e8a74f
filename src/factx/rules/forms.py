"""Vocabulary forms (currency names, units of measure) matched where a reader already is.

After an amount, money and quantities ask one question: which of a few thousand forms
("đô la", "рублей", "km²", "$") starts right here? As one regex alternation that costs
tens of milliseconds to compile per language and process, and the answer is needed only at
the few places an amount ends. A character trie answers it by walking the text from there,
and builds in about a millisecond. It matches exactly what :func:`numbers.forms_pattern`
matches: written-out words in any case, symbols only as written, a space in a form for any
run of spaces and no-break spaces, never the start of a longer word; where several forms
fit, the one a longest-first alternation tries first (the longest form, then the first in
sort order).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import regex

SPACES = " \u00a0"
END = ""  # the key under which a node keeps the forms that end there
WORD = regex.compile(r"\w")


class Forms:
    """A set of forms, looked up by position in a text."""

    def __init__(self, words: Iterable[str] = (), symbols: Iterable[str] = ()) -> None:
        # As forms_pattern: a form given both ways is a word.
        words = set(words)
        self.words = trie(words, str.lower)
        self.symbols = trie((s for s in symbols if s not in words), str)

    def __bool__(self) -> bool:
        return bool(self.words or self.symbols)

    def match(self, text: str, at: int) -> tuple[str, int] | None:
        """The form that starts at ``at`` and where it ends, or None."""
        found: list[tuple[str, int]] = []
        walk(self.words, text, at, str.lower, found)
        walk(self.symbols, text, at, str, found)
        return min(found, key=lambda f: (-len(f[0]), f[0])) if found else None


def trie(forms: Iterable[str], fold: Any) -> dict[str, Any]:
    root: dict[str, Any] = {}
    for form in forms:
        node = root
        for ch in form:
            node = node.setdefault(fold(ch), {})
        node.setdefault(END, []).append(form)
    return root


def walk(node: dict[str, Any], text: str, i: int, fold: Any, found: list[tuple[str, int]]) -> None:
    """Down the trie along ``text`` from ``i``: a space in a form takes a run of spaces."""
    n = len(text)
    while node:
        if END in node and not WORD.match(text, i):
            found.extend((form, i) for form in node[END])
        if i >= n:
            return
        ch = text[i]
        if " " in node and ch in SPACES:
            j = i + 1
            while j < n and text[j] in SPACES:
                j += 1
            walk(node[" "], text, j, fold, found)
        node = node.get(fold(ch))
        i += 1
