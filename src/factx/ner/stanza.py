"""NER for any language with stanza models on disk; nothing is ever downloaded.

stanza fetches models from its model hub, which production hosts often cannot reach, so
the pipeline is built with ``download_method=None`` and a missing model becomes an error
that says which directory was searched and how to fill it.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from typing import Any, ClassVar

import regex

from factx import pieces
from factx.model import Document, Label, Mention

# stanza's tag sets (CoNLL-03 style and OntoNotes style) → factx labels; the rest is dropped.
LABELS = {
    "PER": Label.PERSON,
    "PERSON": Label.PERSON,
    "ORG": Label.ORG,
    "LOC": Label.LOCATION,
    "GPE": Label.LOCATION,
}
# Fallback tokens for ``pretokenized=True``: words (with inner hyphens, apostrophes and
# dots) or single symbols, plus newlines, which only serve as sentence breaks.
TOKEN = regex.compile(r"\n|\w+(?:[-'’.]\w+)*|[^\w\s]")
SENTENCE_END = frozenset(".!?…")


def default_model_dir() -> str:
    """stanza's own default (``STANZA_RESOURCES_DIR`` or ~/stanza_resources); stanza and
    torch are imported only when a pipeline is built, so that `factx plugins` stays fast."""
    from stanza.resources.common import DEFAULT_MODEL_DIR

    return DEFAULT_MODEL_DIR


class StanzaModelsMissing(RuntimeError):
    """stanza has no models for the language in the directory searched."""


def pretokenize(text: str) -> list[list[tuple[int, int]]]:
    """Sentences of token spans, so offsets survive stanza's whitespace re-joining."""
    sentences: list[list[tuple[int, int]]] = [[]]
    for m in TOKEN.finditer(text):
        if m.group() != "\n":
            sentences[-1].append(m.span())
        if (m.group() == "\n" or m.group() in SENTENCE_END) and sentences[-1]:
            sentences.append([])
    return [s for s in sentences if s]


class StanzaNER:
    """stanza's BiLSTM-CRF NER, loaded once from local files.

    ``model_dir`` is a stanza resources directory (stanza's default when None). Models
    trained outside it are given as ``ner_model_path`` and ``pretrain_path`` (a stanza
    pretrain .pt). ``pretokenized`` swaps stanza's neural tokenizer, itself a model, for
    a regex (fine for space-separated scripts, useless for Chinese, Japanese or Thai);
    other keyword options go to ``stanza.Pipeline`` as they are (for example
    ``tokenize_model_path`` or ``tokenize_with_spacy``).
    """

    languages: ClassVar[tuple[str, ...]] = ("*",)
    labels: ClassVar[tuple[str, ...]] = (Label.PERSON, Label.ORG, Label.LOCATION)
    requires: ClassVar[tuple[str, ...]] = ("stanza",)

    def __init__(
        self,
        lang: str,
        model_dir: str | None = None,
        ner_model_path: str | None = None,
        pretrain_path: str | None = None,
        pretokenized: bool = False,
        use_gpu: bool = False,
        logging_level: str = "WARN",
        **stanza_options: Any,
    ) -> None:
        self.lang = lang
        import stanza

        self.model_dir = model_dir or default_model_dir()
        self.pretokenized = pretokenized
        for name, path in (("ner_model_path", ner_model_path), ("pretrain_path", pretrain_path)):
            # Checked here: stanza's own handler fails with a KeyError on a missing file.
            if path and not os.path.isfile(path):
                raise StanzaModelsMissing(
                    f"The {name} given to the 'stanza' extractor, {path}, does not exist."
                )
        options: dict[str, Any] = dict(stanza_options)
        if ner_model_path:
            options["ner_model_path"] = ner_model_path
        if pretrain_path:
            options["ner_pretrain_path"] = pretrain_path
        if pretokenized:
            options["tokenize_pretokenized"] = True
        own_resources = os.path.join(self.model_dir, "resources.json")
        with tempfile.TemporaryDirectory() as tmp:
            if ner_model_path and not os.path.exists(own_resources):
                # stanza reads a resources.json even when every path is explicit; an
                # empty one plus allow_unknown_language makes it take the paths as given.
                options["resources_filepath"] = os.path.join(tmp, "resources.json")
                options["allow_unknown_language"] = True
                with open(options["resources_filepath"], "w", encoding="utf-8") as f:
                    json.dump({}, f)
            try:
                self.nlp = stanza.Pipeline(
                    lang,
                    dir=self.model_dir,
                    processors="tokenize,ner",
                    download_method=None,
                    use_gpu=use_gpu,
                    logging_level=logging_level,
                    **options,
                )
            except FileNotFoundError as exc:
                raise StanzaModelsMissing(self._missing_message(exc)) from exc

    def _missing_message(self, exc: FileNotFoundError) -> str:
        target = "" if self.model_dir == default_model_dir() else f", model_dir={self.model_dir!r}"
        return (
            f"No stanza tokenize/ner models for language '{self.lang}' in {self.model_dir} "
            f'({exc}). Download them with: python -c "import stanza; '
            f"stanza.download('{self.lang}', processors='tokenize,ner'{target})\", or give "
            f"the 'stanza' extractor options ner_model_path and pretrain_path, plus "
            f"tokenize_model_path or pretokenized = true, in the pipeline config."
        )

    def extract(self, doc: Document) -> Iterator[Mention]:
        for kind, start, end in self._entities(doc.text):
            label = LABELS.get(kind)
            if label:
                yield Mention(label, start, end, doc.text[start:end])

    def _entities(self, text: str) -> Iterator[tuple[str, int, int]]:
        """(stanza type, start, end) with offsets into ``text``, which stanza gets in pieces
        of bounded length (one piece unless a sentence is over-long)."""
        for a, b in pieces.pieces(text):
            for kind, start, end in self._piece(pieces.model_text(text[a:b])):
                yield kind, a + start, a + end

    def _piece(self, text: str) -> Iterator[tuple[str, int, int]]:
        if not self.pretokenized:
            if text.strip():
                # The tokenizer's offsets already point into the text it was given.
                for ent in self.nlp(text).ents:
                    yield ent.type, ent.start_char, ent.end_char
            return
        spans = pretokenize(text)
        if not spans:
            return
        out = self.nlp([[text[s:e] for s, e in sent] for sent in spans])
        # Pretokenized offsets are into stanza's own space-joined text, so map each
        # token object back to the span it came from.
        where = {
            id(token): span
            for sent, sent_spans in zip(out.sentences, spans, strict=True)
            for token, span in zip(sent.tokens, sent_spans, strict=True)
        }
        for ent in out.ents:
            yield ent.type, where[id(ent.tokens[0])][0], where[id(ent.tokens[-1])][1]
