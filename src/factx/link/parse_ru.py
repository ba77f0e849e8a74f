"""Russian sentences to UD trees with natasha's slovnet syntax parser and morph tagger.

Both models ship inside natasha's wheel (extra ``ru``) and already speak UD: relations and
universal POS tags come out as the rules expect.
"""

from __future__ import annotations

from collections.abc import Sequence

from natasha import NewsEmbedding, NewsMorphTagger, NewsSyntaxParser
from navec import Navec
from razdel import tokenize

from factx.link.tree import Token, Tree


class RussianParser:
    """slovnet's NewsSyntaxParser and NewsMorphTagger, loaded once per linker, over the
    ``embedding`` given (the one natasha's NER tagger reads), else their own."""

    def __init__(self, embedding: Navec | None = None) -> None:
        embedding = embedding or NewsEmbedding()
        self.syntax = NewsSyntaxParser(embedding)
        self.morph = NewsMorphTagger(embedding)

    def parse(
        self, text: str, spans: Sequence[tuple[int, int]], amounts: Sequence[tuple[int, int]]
    ) -> list[Tree]:
        """One tree per sentence span; both models take all the sentences in one batch."""
        pieces = [
            [(a + t.start, a + t.stop, t.text) for t in tokenize(text[a:b])] for a, b in spans
        ]
        words = [[w for _, _, w in piece] for piece in pieces]
        if not any(words):
            return [Tree(()) for _ in spans]
        keep = [i for i, w in enumerate(words) if w]
        syntax = dict(zip(keep, self.syntax.map([words[i] for i in keep]), strict=True))
        morph = dict(zip(keep, self.morph.map([words[i] for i in keep]), strict=True))
        trees = []
        for i, piece in enumerate(pieces):
            if i not in syntax:
                trees.append(Tree(()))
                continue
            tokens = []
            for k, ((a, b, w), s, m) in enumerate(
                zip(piece, syntax[i].tokens, morph[i].tokens, strict=True)
            ):
                head = int(s.head_id) - 1 if s.head_id.isdigit() else -1
                tokens.append(Token(k, a, b, w, m.pos, head, s.rel, w.lower()))
            trees.append(Tree(tuple(tokens)))
        return trees
