"""Russian NER with natasha's news NER model (slovnet), which ships inside its wheel."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, ClassVar

from factx import pieces
from factx.model import Document, Label, Mention
from factx.resources import Resources, shared

if TYPE_CHECKING:
    from navec import Navec

# slovnet's tag set → factx labels. LOC becomes COUNTRY later, in the country resolver.
LABELS = {"PER": Label.PERSON, "ORG": Label.ORG, "LOC": Label.LOCATION}


class NatashaNER:
    """slovnet NER; spans already point into the original text.

    With ``rules`` (the default) its spans pass through :class:`factx.ner.refine.Refiner`;
    ``rules=False`` gives the model alone, for comparison. Its word embedding
    (:func:`news_embedding`) and its tokenizer come from the pipeline's ``resources``,
    which the Russian syntax linker reads too.
    """

    languages: ClassVar[tuple[str, ...]] = ("ru",)
    labels: ClassVar[tuple[str, ...]] = (Label.PERSON, Label.ORG, Label.LOCATION)
    requires: ClassVar[tuple[str, ...]] = ("natasha",)

    def __init__(
        self, lang: str = "ru", rules: bool = True, resources: Resources | None = None
    ) -> None:
        # Imported here: `factx plugins` and the parent's check of a config stay fast.
        from factx.ner.packed import PackedTagger
        from factx.ner.razdel_tokens import Tokenizer
        from factx.ner.refine import Refiner
        from factx.ner.slovnet_load import load

        self.tagger = load("ner", shared(resources, news_embedding))
        self.packed = PackedTagger(self.tagger, tokenize=shared(resources, Tokenizer))
        self.refine = Refiner(lang) if rules else None

    def extract(self, doc: Document) -> Iterator[Mention]:
        return iter(self.extract_many([doc])[0])

    def extract_many(self, docs: Sequence[Document]) -> list[list[Mention]]:
        """slovnet tokenises the text itself, so natasha's ``Doc.segment`` (razdel tokens
        and sentences, a third of ``Doc.tag_ner``'s time) is skipped: the spans are the
        same. The texts run packed end to end (:class:`factx.ner.packed.PackedTagger`),
        with the tags slovnet's ``map`` gives, in about half its time."""
        # Each text in pieces of bounded length (one piece unless a sentence is over-long).
        cut = pieces.each(doc.text for doc in docs)
        texts = [pieces.model_text(docs[i].text[a:b]) for i, a, b in cut]
        found: list[list[tuple[str, int, int]]] = [[] for _ in docs]
        for (i, a, _), spans in zip(cut, self.packed.spans(texts), strict=True):
            found[i] += [(kind, a + start, a + stop) for kind, start, stop in spans]
        out = []
        for i, doc in enumerate(docs):
            spans = sorted((s for s in found[i] if s[0] in LABELS), key=lambda s: s[1:])
            if self.refine:
                spans = self.refine(doc.text, spans)
            out.append([Mention(LABELS[k], a, b, doc.text[a:b]) for k, a, b in spans])
        return out


def news_embedding() -> Navec:
    """natasha's ``NewsEmbedding`` (the same file, vocabulary and quantised vectors), read
    without the tables navec precomputes for similarity queries (every vector's norm and
    the centroids' dot products): no slovnet model asks one, and they cost each process
    a tenth of a second and 30 MB."""
    import numpy as np
    from navec import Navec
    from navec.meta import Meta
    from navec.pq import PQ
    from navec.tar import Tar
    from navec.vocab import Vocab

    from factx.ner.slovnet_load import natasha_file

    class TaggerPQ(PQ):
        def precompute(self) -> None:
            self.qdims = np.arange(self.qdim)  # what PQ.__getitem__ needs

    with Tar(natasha_file("embedding")) as tar:
        meta = Meta.from_file(tar.load("meta.json"))
        Meta.check_protocol(meta.protocol)
        vocab = Vocab.from_file(tar.load("vocab.bin"))
        pq = TaggerPQ.from_file(tar.load("pq.bin"))
    return Navec(meta, vocab, pq)
