"""English (or any spaCy language) sentences to UD trees with an installed spaCy pipeline.

spaCy's English pipelines label dependencies in the ClearNLP scheme; this adapter maps them
onto UD, chiefly by making a preposition's object the argument ("accounted *for* 70 percent"
→ percent is an oblique of accounted, for its case marker), as UD does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from factx.link.tree import Token, Tree
from factx.ner.spacy import DEFAULT_MODELS, find_model, load_pipeline
from factx.resources import shared

if TYPE_CHECKING:
    from factx.resources import Resources

# ClearNLP labels → UD relations; those not listed keep their name.
UD = {
    "dobj": "obj",
    "dative": "iobj",
    "attr": "obj",
    "oprd": "xcomp",
    "acomp": "xcomp",
    "nsubjpass": "nsubj:pass",
    "csubjpass": "csubj:pass",
    "auxpass": "aux:pass",
    "poss": "nmod:poss",
    "relcl": "acl:relcl",
    "npadvmod": "obl:npmod",
    "quantmod": "advmod",
    "neg": "advmod",
    "prt": "compound:prt",
    "predet": "det",
    "preconj": "cc",
    "intj": "discourse",
    "ROOT": "root",
    "agent": "case",
    "prep": "case",
    "pcomp": "ccomp",
}


class EnglishParser:
    """The tagger, parser and lemmatizer of the first installed pipeline in ``model``.

    The pipeline is loaded whole into the pipeline's Resources, and its NER component is
    left out of every run here: the spacy extractor, built after the linkers, runs that
    component on the same copy (one load per process, not two).
    """

    def __init__(
        self, model: str | list[str] = DEFAULT_MODELS, resources: Resources | None = None
    ) -> None:
        names = (model,) if isinstance(model, str) else tuple(model)
        self.model_name = find_model(names)
        self.nlp = shared(resources, load_pipeline, self.model_name)
        self.ner = [name for name in self.nlp.pipe_names if name == "ner"]

    def parse(
        self, text: str, spans: Sequence[tuple[int, int]], amounts: Sequence[tuple[int, int]]
    ) -> list[Tree]:
        return [
            convert(doc, a)
            for doc, (a, _) in zip(
                self.nlp.pipe((text[a:b] for a, b in spans), disable=self.ner),
                spans,
                strict=True,
            )
        ]


def convert(doc: object, offset: int) -> Tree:
    """A spaCy Doc as a UD tree, offsets shifted into the document text."""
    heads = [t.head.i if t.head.i != t.i else -1 for t in doc]  # type: ignore[attr-defined]
    rels = [UD.get(t.dep_, t.dep_) for t in doc]  # type: ignore[attr-defined]
    for t in doc:  # type: ignore[attr-defined]
        if t.dep_ == "pobj" and t.head.dep_ in ("prep", "agent") and t.head.i != t.i:
            prep = t.head
            grand = prep.head
            if (
                grand.dep_ == "prep"
                and grand.head.i != grand.i
                and not any(k.dep_ == "pobj" for k in grand.children)
            ):
                # "compared with $3 billion", "according to Reuters": a two-word
                # preposition; its object is an argument of what the first word hangs from
                heads[grand.i], rels[grand.i] = t.i, "case"
                grand = grand.head
            heads[t.i] = grand.i if grand.i != prep.i else -1
            rels[t.i] = "obl" if grand.pos_ in ("VERB", "AUX", "ADJ") else "nmod"
            if prep.dep_ == "agent":
                rels[t.i] = "obl:agent"  # "bought *by Acme*": UD's passive agent
            heads[prep.i] = t.i
            rels[prep.i] = "case"
    for t in doc:  # type: ignore[attr-defined]
        prep = t.head
        if t.dep_ == "pobj" and prep.dep_ == "conj" and prep.head.dep_ in ("prep", "agent"):
            first = [k for k in prep.head.children if k.dep_ == "pobj"]
            if first:  # "by 12 percent or by 8 percent": the objects are the conjuncts
                heads[t.i], rels[t.i] = first[0].i, "conj"
                heads[prep.i], rels[prep.i] = t.i, "case"
    for t in doc:  # type: ignore[attr-defined]
        if rels[t.i] == "pobj":
            rels[t.i] = "nmod"
        nxt = doc[t.i + 2] if t.i + 2 < len(doc) else None  # type: ignore[arg-type,index]
        if (
            t.lower_ == "up"
            and nxt is not None
            and doc[t.i + 1].lower_ == "to"  # type: ignore[index]
            and (nxt.like_num or nxt.is_currency)
        ):
            # "brought *up to* 30 cm": an approximator, not the verb's particle nor a rise
            heads[t.i], rels[t.i] = nxt.i, "advmod"
    tokens = tuple(
        Token(
            t.i,
            offset + t.idx,
            offset + t.idx + len(t.text),
            t.text,
            t.pos_,
            heads[t.i],
            rels[t.i],
            t.lemma_.lower(),
        )
        for t in doc  # type: ignore[attr-defined]
    )
    return Tree(tokens)
