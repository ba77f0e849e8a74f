"""natasha's news models (NER, morphology, syntax) loaded over one navec embedding.

Each of slovnet's packs carries its own copy of the word vocabulary, and slovnet builds a
dictionary of its 250,000 words for each model it loads: about a tenth of a second per
model in every worker. The packs natasha ships all carry navec's vocabulary, word for word
(a test checks it), and the embedding has built that dictionary already, so the models here
read navec's. Otherwise this is slovnet's own ``load`` followed by natasha's ``navec``.

The files are found in natasha's package without importing it (:func:`natasha_file`):
``import natasha`` loads pymorphy2, yargy and every extractor natasha has, a tenth of a
second in each worker for nothing factx reads.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING, Any

from slovnet.api import NER, Morph, Syntax
from slovnet.const import REL, SHAPE, TAG, WORD
from slovnet.exec.encoders import SyntaxEncoder, TagEncoder
from slovnet.exec.infer import MorphInfer, NERInfer, SyntaxDecoder, SyntaxInfer, TagDecoder
from slovnet.exec.model import NER as NERModel
from slovnet.exec.model import Morph as MorphModel
from slovnet.exec.model import Syntax as SyntaxModel
from slovnet.exec.pack import Pack
from slovnet.vocab import Vocab

if TYPE_CHECKING:
    from navec import Navec

# natasha.data's files, by what they hold.
NATASHA_FILES = {
    "embedding": "emb/navec_news_v1_1B_250K_300d_100q.tar",
    "ner": "model/slovnet_ner_news_v1.tar",
    "morph": "model/slovnet_morph_news_v1.tar",
    "syntax": "model/slovnet_syntax_news_v1.tar",
}
# The model's kind → slovnet's API, model, encoder, label vocabulary, decoder and inference.
KINDS: dict[str, tuple[Any, ...]] = {
    "ner": (NER, NERModel, TagEncoder, TAG, TagDecoder, NERInfer),
    "morph": (Morph, MorphModel, TagEncoder, TAG, TagDecoder, MorphInfer),
    "syntax": (Syntax, SyntaxModel, SyntaxEncoder, REL, SyntaxDecoder, SyntaxInfer),
}


def natasha_file(kind: str) -> str:
    """The path of natasha's file of ``kind`` (a key of :data:`NATASHA_FILES`)."""
    spec = importlib.util.find_spec("natasha")  # finds the package without running it
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("natasha is not installed: pip install 'factx[ru]'")
    return str(Path(next(iter(spec.submodule_search_locations)), "data", NATASHA_FILES[kind]))


def load(kind: str, navec: Navec, path: str | None = None, batch_size: int = 8) -> Any:
    """The slovnet model of ``kind`` in the pack at ``path`` (natasha's news model of that
    kind by default), over ``navec``."""
    api, model_type, encoder, labels, decoder, infer = KINDS[kind]
    with Pack(path or natasha_file(kind)) as pack:
        pack.load_meta().check_protocol()
        model = pack.load_model(model_type)
        arrays = dict(pack.load_arrays(model.weights))
        shapes, names = pack.load_vocab(SHAPE), pack.load_vocab(labels)
        # Only natasha's own packs are known to carry navec's words (tests check them);
        # slovnet checks a pack's navec by name, not its words, so another reads its own.
        words = navec_words(navec) if path is None else pack.load_vocab(WORD)
    model = model.inject_arrays(arrays).inject_navec(navec)
    return api(infer(model, encoder(words, shapes, batch_size), decoder(names)), batch_size)


def navec_words(navec: Navec) -> Vocab:
    """navec's vocabulary as a slovnet ``Vocab``, over the dictionary navec built."""
    vocab = Vocab.__new__(Vocab)  # Vocab() would build the dictionary again
    vocab.items = navec.vocab.words
    vocab.item_ids = navec.vocab.word_ids
    vocab.unk_id, vocab.pad_id = navec.vocab.unk_id, navec.vocab.pad_id
    return vocab
