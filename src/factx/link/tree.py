"""A sentence as a Universal Dependencies tree, whatever parser made it.

The rules in :mod:`factx.link.rules` read only this shape, so one set of rules serves every
language: each parser adapter (natasha for ru, spaCy for en, underthesea's tagger for vi)
maps its own output onto UD relations and universal POS tags.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X", "SYM"})
# Relations that only decorate a word: they never carry a measured thing or a holder.
FUNCTION = frozenset({"case", "det", "punct", "cc", "aux", "aux:pass", "cop", "mark", "advmod"})


@dataclass(frozen=True, slots=True)
class Token:
    """One word: offsets into the document text, UD part of speech, head and relation.

    ``head`` is the index of the governing token in the same tree, -1 for the root.
    ``lemma`` is the parser's lemma where it has one, else the lower-cased word.
    """

    i: int
    start: int
    end: int
    text: str
    upos: str
    head: int
    deprel: str
    lemma: str = ""

    @property
    def rel(self) -> str:
        """The relation without its subtype ("nsubj:pass" → "nsubj")."""
        return self.deprel.partition(":")[0]

    @property
    def word(self) -> str:
        return self.lemma or self.text.lower()


@dataclass(frozen=True)
class Tree:
    """One parsed sentence."""

    tokens: tuple[Token, ...]

    @cached_property
    def _children(self) -> tuple[tuple[int, ...], ...]:
        kids: list[list[int]] = [[] for _ in self.tokens]
        for t in self.tokens:
            if 0 <= t.head < len(self.tokens) and t.head != t.i:
                kids[t.head].append(t.i)
        return tuple(tuple(k) for k in kids)

    def children(self, i: int, *rels: str) -> list[Token]:
        """The dependents of token ``i``, only those with one of ``rels`` if given."""
        kids = [self.tokens[k] for k in self._children[i]]
        return [k for k in kids if not rels or k.rel in rels or k.deprel in rels]

    def head(self, t: Token) -> Token | None:
        if 0 <= t.head < len(self.tokens) and t.head != t.i:
            return self.tokens[t.head]
        return None

    def ancestors(self, t: Token) -> Iterator[Token]:
        seen = {t.i}
        while (h := self.head(t)) is not None and h.i not in seen:
            seen.add(h.i)
            yield h
            t = h

    def subtree(self, i: int) -> list[Token]:
        out, todo = [], [i]
        while todo:
            k = todo.pop()
            out.append(self.tokens[k])
            todo.extend(self._children[k])
        return sorted(out, key=lambda t: t.i)

    def covering(self, start: int, end: int) -> list[Token]:
        """Tokens overlapping the character span [start, end)."""
        return [t for t in self.tokens if t.start < end and start < t.end]

    def top(self, tokens: list[Token]) -> Token | None:
        """The token of ``tokens`` whose head lies outside them (the phrase's head)."""
        inside = {t.i for t in tokens}
        for t in tokens:
            if t.head not in inside or t.head == t.i:
                return t
        return tokens[-1] if tokens else None
