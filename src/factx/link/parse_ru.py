"""Russian sentences to UD trees with natasha's slovnet syntax parser and morph tagger.

Both models ship inside natasha's wheel (extra ``ru``) and already speak UD: relations and
universal POS tags come out as the rules expect. slovnet's own decoder takes each word's best
head on its own, which on long sentences gives cycles and several roots; the heads here are
the best tree over the same scores (:mod:`factx.link.mst`), with a small cost for long arcs,
and the relations are labelled for those heads.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from navec import Navec
from slovnet.conll import parse_conll_tag
from slovnet.markup import MorphToken

from factx.link.mst import best_tree
from factx.link.tree import Token, Tree
from factx.ner.packed import Packed
from factx.ner.razdel_tokens import Tokenizer
from factx.ner.slovnet_load import load

# Sentences whose head scores are taken at once (padded to the longest of them).
BATCH = 8

# slovnet scores heads from a word's neighbourhood only, blind to where in the sentence a
# head stands: a repeated context ("что в 2009 году …, что в 2010 году …") scores both
# verbs almost alike, and the far one wins as often as the near one. A mild cost per
# doubling of the arc length settles such near-ties for the nearer head, as a
# position-aware parser would; it moves only arcs the scores leave in doubt (the best head
# of a word leads the next by several points on average, the cost of a 20-word arc is 1.5).
DISTANCE_COST = 0.5
ACC = "Acc"


@lru_cache(maxsize=64)
def distance_cost(n: int) -> np.ndarray:
    """``cost[d, h]`` for word ``d`` (0-based) under head ``h`` (0 = root, none for it)."""
    dependent = np.arange(1, n + 1)[:, None]
    head = np.arange(0, n + 1)[None, :]
    cost = DISTANCE_COST * np.log(np.maximum(np.abs(dependent - head), 1))
    cost[:, 0] = 0.0
    cost.setflags(write=False)
    return cost


class RussianParser:
    """natasha's news syntax parser and morph tagger, loaded once per linker, over the
    ``embedding`` given (the one natasha's NER tagger reads), else their own."""

    def __init__(self, embedding: Navec | None = None, tokenize: Tokenizer | None = None) -> None:
        if embedding is None:
            from factx.ner.natasha import news_embedding

            embedding = news_embedding()
        self.syntax = load("syntax", embedding)
        self.morph = load("morph", embedding)
        self.tokenize = tokenize or Tokenizer()
        self.packed_syntax = Packed(self.syntax.infer)
        self.packed_morph = Packed(self.morph.infer)
        self.readings: dict[int, tuple[str, dict[str, str]]] = {}  # a tag's POS and features

    def parse(
        self, text: str, spans: Sequence[tuple[int, int]], amounts: Sequence[tuple[int, int]]
    ) -> list[Tree]:
        """One tree per sentence span; both models take all the sentences in one batch."""
        pieces = [
            [(a + t.start, a + t.stop, t.text) for t in self.tokenize(text[a:b])] for a, b in spans
        ]
        words = [[w for _, _, w in piece] for piece in pieces]
        if not any(words):
            return [Tree(()) for _ in spans]
        keep = [i for i, w in enumerate(words) if w]
        syntax = dict(zip(keep, self.trees([words[i] for i in keep]), strict=True))
        morph = dict(zip(keep, self.tags([words[i] for i in keep]), strict=True))
        trees = []
        for i, piece in enumerate(pieces):
            if i not in syntax:
                trees.append(Tree(()))
                continue
            feats = [m.feats for m in morph[i]]
            rels = agents(syntax[i], feats)
            tokens = []
            for k, ((a, b, w), (head, _), m, rel) in enumerate(
                zip(piece, syntax[i], morph[i], rels, strict=True)
            ):
                lemma = w.lower()
                if rel == "case" and 0 < head <= len(feats) and feats[head - 1].get("Case") == ACC:
                    lemma += ":acc"  # "в Китай" (into) is not "в Китае" (in): see links.toml
                tokens.append(Token(k, a, b, w, m.pos, head - 1, rel, lemma))
            trees.append(Tree(tuple(tokens)))
        return trees

    def trees(self, sentences: list[list[str]]) -> list[list[tuple[int, str]]]:
        """Per word, its head (1-based, 0 for the root) and relation: slovnet's scores,
        decoded as one tree per sentence."""
        infer = self.syntax.infer
        model, rels = infer.model, infer.decoder.rels_vocab
        out: list[list[tuple[int, str]]] = []
        features = self.packed_syntax.features(sentences)
        for at in range(0, len(sentences), BATCH):
            group = features[at : at + BATCH]
            lengths = [len(f) for f in group]
            x = np.zeros((len(group), max(lengths), group[0].shape[1]), np.float32)
            mask = np.zeros(x.shape[:2], dtype=bool)
            for b, f in enumerate(group):
                x[b, : len(f)], mask[b, : len(f)] = f, True
            scores = model.head(x)
            heads = np.zeros(mask.shape, dtype=np.int_)
            for b, n in enumerate(lengths):
                heads[b, :n] = best_tree(scores[b, :n, : n + 1] - distance_cost(n))
            labels = model.rel.decode(model.rel(x, heads), mask)
            for b, n in enumerate(lengths):
                pairs = zip(heads[b, :n], labels[b, :n], strict=True)
                out.append([(int(h), rels.decode(int(r))) for h, r in pairs])
        return out

    def read(self, k: int, tag: str) -> tuple[str, dict[str, str]]:
        """A morph tag's part of speech and features ("NOUN|Case=Nom|…"), parsed once: the
        tag set is a few hundred strings."""
        self.readings[k] = parse_conll_tag(tag)
        return self.readings[k]

    def tags(self, sentences: list[list[str]]) -> list[list[MorphToken]]:
        """Per word, slovnet's part of speech and features."""
        infer = self.morph.infer
        features = self.packed_morph.features(sentences)
        ids = infer.model.head(np.concatenate(features)).argmax(-1)
        decode = infer.decoder.tags_vocab.decode
        tags = [self.readings.get(k) or self.read(k, decode(k)) for k in ids.tolist()]
        out, at = [], 0
        for words in sentences:
            out.append(
                [
                    MorphToken(w, *tag)
                    for w, tag in zip(words, tags[at : at + len(words)], strict=True)
                ]
            )
            at += len(words)
        return out


def agents(arcs: list[tuple[int, str]], feats: list[dict[str, str]]) -> list[str]:
    """The relations, with a passive's agent marked ``obl:agent``: slovnet often calls the
    bare instrumental of "кредит был выдан *Сбербанком*" a plain oblique, and then the
    one who acts is lost among the circumstances."""
    rels = [rel for _, rel in arcs]
    with_case = {head - 1 for head, rel in arcs if rel == "case"}
    passive = {head - 1 for head, rel in arcs if rel in ("nsubj:pass", "aux:pass")}
    passive |= {k for k, f in enumerate(feats) if f.get("Voice") == "Pass"}
    for k, (head, rel) in enumerate(arcs):
        if (
            rel == "obl"
            and head - 1 in passive
            and k not in with_case
            and feats[k].get("Case") == "Ins"
        ):
            rels[k] = "obl:agent"
    return rels
