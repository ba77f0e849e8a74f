"""Russian NER with natasha's slovnet NewsNERTagger, whose model ships inside its wheel."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

from factx.model import Document, Label, Mention

# slovnet's tag set → factx labels. LOC becomes COUNTRY later, in the country resolver.
LABELS = {"PER": Label.PERSON, "ORG": Label.ORG, "LOC": Label.LOCATION}


class NatashaNER:
    """slovnet NER over razdel tokens; spans already point into the original text."""

    languages: ClassVar[tuple[str, ...]] = ("ru",)
    labels: ClassVar[tuple[str, ...]] = (Label.PERSON, Label.ORG, Label.LOCATION)

    def __init__(self, lang: str = "ru") -> None:
        self.segmenter = Segmenter()
        self.tagger = NewsNERTagger(NewsEmbedding())

    def extract(self, doc: Document) -> Iterator[Mention]:
        nat = Doc(doc.text)
        nat.segment(self.segmenter)
        nat.tag_ner(self.tagger)
        for span in nat.spans:
            label = LABELS.get(span.type)
            if label:
                yield Mention(label, span.start, span.stop, doc.text[span.start : span.stop])
