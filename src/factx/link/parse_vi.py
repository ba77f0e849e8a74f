"""Vietnamese sentences to UD-shaped trees from underthesea's POS tagger.

underthesea ships a tagger but no dependency parser, so the tree is built by rule from the
tags, which works because Vietnamese news prose is head-initial and SVO: a noun phrase is
its head noun followed by its modifiers; a numeral and a unit noun (M, Nu) head an amount,
and the noun phrase right after it is what it counts ("658 triệu tấn *kim loại hiếm*");
an amount right after a noun phrase qualifies it ("chiều dài 8 m"); the noun phrase before
a verb group is its subject, the one after its object, one after a preposition an oblique;
a clause after a comma joins the previous verb as a conjunct, sharing its subject.

Chunking (:mod:`factx.link.chunk_vi`) finds the phrases, with the word classes of
links.toml's ``[parser]`` table: time phrases, which are circumstances and never subjects;
dimension adjectives that head an amount ("cầu *dài* 2 km"); verbs that modify a noun of
sums ("số tiền *đầu tư*"). :mod:`factx.link.join_vi` joins them into clauses.
"""

from __future__ import annotations

from collections.abc import Sequence

from underthesea import pos_tag

from factx.link.chunk_vi import UPOS, Grammar, Word, chunk
from factx.link.join_vi import Joiner
from factx.link.tree import Token, Tree
from factx.ner.underthesea import align


class VietnameseParser:
    """underthesea's bundled CRF POS tagger, and the attachment rules above, with the word
    classes of ``grammar`` (from links.toml)."""

    def __init__(self, grammar: Grammar) -> None:
        self.grammar = grammar

    def parse(
        self, text: str, spans: Sequence[tuple[int, int]], amounts: Sequence[tuple[int, int]]
    ) -> list[Tree]:
        return [self.sentence(text, a, b, amounts) for a, b in spans]

    def sentence(self, text: str, a: int, b: int, amounts: Sequence[tuple[int, int]]) -> Tree:
        tagged = pos_tag(text[a:b])
        where = align(text[a:b], [w for w, _ in tagged])
        words = [
            (a + s, a + e, text[a + s : a + e], self.upos(text[a + s : a + e], tag))
            for (_, tag), se in zip(tagged, where, strict=True)
            if se
            for s, e in [se]
        ]
        return build(words, amounts, self.grammar)

    def upos(self, word: str, tag: str) -> str:
        return "ADV" if self.grammar.has("approximators", word) else UPOS.get(tag, "X")


def build(words: list[Word], amounts: Sequence[tuple[int, int]], grammar: Grammar) -> Tree:
    """Heads and relations for tagged words (start, end, text, upos)."""
    chunks, words = chunk(words, amounts, grammar)
    heads, rels = Joiner(words, chunks, grammar).join()
    tokens = tuple(
        Token(k, s, e, w, u, heads[k], rels[k], w.lower()) for k, (s, e, w, u) in enumerate(words)
    )
    return Tree(tokens)
