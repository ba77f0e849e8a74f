"""Russian NER with natasha's slovnet NewsNERTagger, whose model ships inside its wheel."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

from factx.model import Document, Label, Mention
from factx.ner.refine import Refiner

# slovnet's tag set → factx labels. LOC becomes COUNTRY later, in the country resolver.
LABELS = {"PER": Label.PERSON, "ORG": Label.ORG, "LOC": Label.LOCATION}


class NatashaNER:
    """slovnet NER over razdel tokens; spans already point into the original text.

    With ``rules`` (the default) its spans pass through :class:`factx.ner.refine.Refiner`;
    ``rules=False`` gives the model alone, for comparison.
    """

    languages: ClassVar[tuple[str, ...]] = ("ru",)
    labels: ClassVar[tuple[str, ...]] = (Label.PERSON, Label.ORG, Label.LOCATION)

    def __init__(self, lang: str = "ru", rules: bool = True) -> None:
        self.segmenter = Segmenter()
        self.tagger = NewsNERTagger(NewsEmbedding())
        self.refine = Refiner(lang) if rules else None

    def extract(self, doc: Document) -> Iterator[Mention]:
        nat = Doc(doc.text)
        nat.segment(self.segmenter)
        nat.tag_ner(self.tagger)
        spans = [(s.type, s.start, s.stop) for s in nat.spans if s.type in LABELS]
        if self.refine:
            spans = self.refine(doc.text, spans)
        for kind, start, end in spans:
            yield Mention(LABELS[kind], start, end, doc.text[start:end])
