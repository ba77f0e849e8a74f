"""The built-in linker: parse the sentences that hold an amount, then apply the rules.

Registered as ``syntax`` under ``factx.linkers``. Per language it takes the parser that
language has (natasha for ru, spaCy for en, underthesea's tagger for vi), maps its output
to UD, and runs the one rule set of :mod:`factx.link.rules` over it; only sentences with
an amount are parsed, which keeps linking cheap beside NER.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, ClassVar, Protocol

from factx.link.attach import fact_for
from factx.link.context import Context
from factx.link.fact import AMOUNTS, Fact
from factx.link.rules import Rules
from factx.link.tree import Tree
from factx.link.words import LinkWords
from factx.model import Document, Mention
from factx.resources import Resources, shared
from factx.segment import Sentences

# Longer "sentences" are tables or lists of figures, not prose a parser reads well, and
# parsing costs grow with the square of their length: their amounts get bare facts.
MAX_SENTENCE = 1_000


class Parser(Protocol):
    def parse(
        self, text: str, spans: Sequence[tuple[int, int]], amounts: Sequence[tuple[int, int]]
    ) -> list[Tree]: ...


def make_parser(
    lang: str, options: dict[str, Any], words: LinkWords, resources: Resources | None = None
) -> Parser:
    """The parser adapter of ``lang``; imported here so a language's library loads only
    when a pipeline links that language. The Russian one reads natasha's embedding and
    razdel's remembered tokens from ``resources``, shared with the NER extractor, and the
    English one the spaCy pipeline that the spacy extractor runs."""
    if lang == "ru":
        from factx.link.parse_ru import RussianParser
        from factx.ner.natasha import news_embedding
        from factx.ner.razdel_tokens import Tokenizer

        embedding, tokenize = shared(resources, news_embedding), shared(resources, Tokenizer)
        return RussianParser(embedding, tokenize, **options)
    if lang == "vi":
        from factx.link.chunk_vi import Grammar
        from factx.link.parse_vi import VietnameseParser

        return VietnameseParser(Grammar.load(words), **options)
    from factx.link.parse_en import EnglishParser

    return EnglishParser(**options, resources=resources)


class SyntaxLinker:
    """Facts by dependency syntax. ``options`` go to the language's parser (``model`` for
    the spaCy one, as for the spacy extractor)."""

    languages: ClassVar[tuple[str, ...]] = ("ru", "vi", "en")

    def __init__(self, lang: str, resources: Resources | None = None, **options: Any) -> None:
        self.lang = lang
        words = LinkWords.load(lang)
        self.parser = make_parser(lang, options, words, resources)
        self.rules = Rules(words)
        self.model_name = getattr(self.parser, "model_name", None)

    def link(self, doc: Document, mentions: Sequence[Mention]) -> list[Fact]:
        amounts = sorted((m for m in mentions if str(m.label) in AMOUNTS), key=lambda m: m.start)
        if not amounts:
            return []
        sentences = joined(Sentences(doc.text, doc.body_start).spans, mentions)
        wanted = sorted(
            {
                s
                for m in amounts
                for s in sentences
                if s[0] <= m.start < s[1] and s[1] - s[0] <= MAX_SENTENCE
            }
        )
        if not wanted:
            return []
        trees = self.parser.parse(doc.text, wanted, [(m.start, m.end) for m in amounts])
        facts = []
        for (a, b), tree in zip(wanted, trees, strict=True):
            ctx = Context(
                doc.text, a, b, tree, [m for m in mentions if a <= m.start < b], self.rules
            )
            found = [fact_for(ctx, m) for m in amounts if a <= m.start < b and tree.tokens]
            facts.extend(share(found))
        return facts


def joined(spans: list[tuple[int, int]], mentions: Sequence[Mention]) -> list[tuple[int, int]]:
    """Sentences joined where a mention runs across their border: a tokenised "20 . 000
    m3" ends a sentence for the splitter, and the parser needs it whole."""
    starts = [a for a, _ in spans]
    crossed = set()  # sentences a mention runs into from the one before
    for m in mentions:
        k = bisect_right(starts, m.start)
        while k < len(starts) and starts[k] < m.end:
            crossed.add(k)
            k += 1
    out: list[tuple[int, int]] = []
    for k, (a, b) in enumerate(spans):
        if out and k in crossed:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def share(facts: list[Fact]) -> list[Fact]:
    """Amounts of one predicate share what it links: in "купила 1,5% акций за 97,5 млн
    долларов" the money buys what the percentage measures, and has the same buyer."""
    out = []
    for fact in facts:
        if fact.predicate is not None and (fact.measured is None or fact.holder is None):
            for other in facts:
                if other is fact or other.predicate != fact.predicate:
                    continue
                if fact.measured is None and other.measured is not None:
                    fact = replace(fact, measured=other.measured, score=fact.score + 0.15)
                if fact.holder is None and other.holder is not None:
                    fact = replace(
                        fact,
                        holder=other.holder,
                        holder_label=other.holder_label,
                        holder_norm=other.holder_norm,
                        score=fact.score + 0.15,
                    )
        out.append(replace(fact, score=min(fact.score, 1.0)))
    return out
