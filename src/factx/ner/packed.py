"""slovnet's CNN models run over many texts packed end to end, with no padding.

slovnet pads each batch of eight texts to the longest: on news, where an article runs from
a hundred words to a thousand, half of what its model computes is padding. Its encoder is
a stack of convolutions whose padded positions are set to zero after every layer, and the
embedding of its padding word is zero, so a text followed by one zero position reads
exactly as a text alone. Here (:class:`Packed`) the texts of a batch are laid end to end in
rows of about :data:`ROW` words, one padding word between two texts, and each layer is one
matrix product over a row per offset in the convolution's window (slovnet copies every
window out first). The NER tagger (:class:`PackedTagger`) cuts each text's scores out and
decodes them as slovnet's CRF does; the Russian parser (:mod:`factx.link.parse_ru`) puts
its morphology and syntax heads on the same features. The answers are slovnet's (the same
tags and trees on every Russian dev text), in under half its time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from slovnet.bio import bio_spans

from factx.ner.razdel_tokens import Tokenizer

# Words per packed row: a row's first layer holds ROW × 330 floats in and ROW × 256 out
# (10 MB), whatever the batch. A longer text gets a row of its own.
ROW = 4096
# Words whose ids are remembered per model: news's common words (most of its text), in
# some 10 MB; past that the memory starts again.
REMEMBER = 50_000


class Packed:
    """The embedding and CNN encoder of a slovnet model (``infer``: its ``Infer``, with
    ``model`` and ``encoder``) over word lists packed in rows of ``row`` words: each list's
    features, as the model's encoder gives them for the list alone."""

    def __init__(self, infer: Any, row: int = ROW) -> None:
        self.row = row
        self.encoder, self.model = infer.encoder, infer.model
        self.layers = [_Layer(layer) for layer in self.model.encoder.layers]
        # Zero positions between two texts: as many as a window reaches past its word (one
        # for slovnet's news models, whose windows are three words wide).
        self.gap = max(layer.pad for layer in self.layers)
        self.words = _Words(self.model.emb.word)
        self.known: dict[str, tuple[int, int]] = {}

    def ids(self, word: str) -> tuple[int, int]:
        """The word's id and its shape's, as slovnet's encoder gives them, remembered:
        news repeats its words, and slovnet works out a word's shape letter by letter."""
        ids = self.known.get(word)
        if ids is None:
            (word_id,), (shape_id,) = self.encoder.item([word])
            if len(self.known) >= REMEMBER:
                self.known.clear()
            ids = self.known[word] = (word_id, shape_id)
        return ids

    def features(self, texts: list[list[str]]) -> list[np.ndarray]:
        """Per list of words, one row of features per word (views into a packed row)."""
        width = self.layers[-1].shift.shape[0]
        out: list[np.ndarray] = [np.empty((0, width), np.float32)] * len(texts)
        pad = (self.encoder.words_vocab.pad_id, self.encoder.shapes_vocab.pad_id)
        for row in rows([len(words) for words in texts], self.row, self.gap):
            ids: list[tuple[int, int]] = []
            gap = []
            for i in row:
                ids += map(self.ids, texts[i])
                gap += range(len(ids), len(ids) + self.gap)
                ids += [pad] * self.gap
            word_id, shape_id = np.array(ids).T
            x = np.concatenate((self.words(word_id), self.model.emb.shape(shape_id)), axis=-1)
            x[gap] = 0
            for layer in self.layers:
                x = layer(x)
                x[gap] = 0
            at = 0
            for i in row:
                out[i] = x[at : at + len(texts[i])]
                at += len(texts[i]) + self.gap
        return out


class PackedTagger:
    """The tag spans of slovnet's NER model over texts, as its ``map`` gives them, in rows
    of ``row`` words. ``api`` is slovnet's ``NER``, as :func:`factx.ner.slovnet_load.load`
    or natasha's ``NewsNERTagger`` give it; ``tokenize``, razdel's tokens (one shared
    with the Russian parser, else its own)."""

    def __init__(self, api: Any, row: int = ROW, tokenize: Tokenizer | None = None) -> None:
        self.tokenize = tokenize or Tokenizer()
        self.packed = Packed(api.infer, row)
        self.head = api.infer.model.head
        self.tags = api.infer.decoder.tags_vocab.items
        self.transitions = self.head.crf.transitions.array

    def spans(self, texts: Sequence[str]) -> list[list[tuple[str, int, int]]]:
        """Per text, its (type, start, stop) spans, offsets into the text."""
        tokens = [self.tokenize(text) for text in texts]
        features = self.packed.features([[t.text for t in ts] for ts in tokens])
        tags = self.decode([self.head(f) for f in features])
        return [
            [(s.type, s.start, s.stop) for s in bio_spans(ts, [self.tags[k] for k in tag])]
            for ts, tag in zip(tokens, tags, strict=True)
        ]

    def decode(self, scores: list[np.ndarray]) -> list[np.ndarray]:
        """Each text's best tag sequence under slovnet's CRF, texts of similar length
        decoded together (:func:`viterbi`)."""
        out: list[np.ndarray] = [np.empty(0, dtype=np.int_)] * len(scores)
        order = sorted((k for k, s in enumerate(scores) if len(s)), key=lambda k: len(scores[k]))
        for at in range(0, len(order), 32):
            group = order[at : at + 32]
            tags = viterbi([scores[k] for k in group], self.transitions)
            for k, best in zip(group, tags, strict=True):
                out[k] = best
        return out


def viterbi(scores: list[np.ndarray], transitions: np.ndarray) -> list[np.ndarray]:
    """slovnet's CRF decoding (``CRF.decode``: the same sums in the same order, the first
    best tag on a tie) over sequences of scores, with each step's best scores taken by
    ``max`` instead of gathered by index, and the path traced back for all at once. The
    sequences go longest first, so that each step works on those still running only."""
    order = sorted(range(len(scores)), key=lambda b: -len(scores[b]))
    lengths = np.array([len(scores[b]) for b in order])
    longest, tags = int(lengths[0]), transitions.shape[0]
    emissions = np.zeros((longest, len(scores), tags), np.float32)
    for b, k in enumerate(order):
        emissions[: lengths[b], b] = scores[k]
    score = emissions[0].copy()
    history = np.zeros((longest, len(scores), tags), dtype=np.intp)
    running = len(scores)
    for t in range(1, longest):
        while lengths[running - 1] <= t:
            running -= 1  # that sequence has ended: its score stays as it was
        step = score[:running, :, None] + transitions + emissions[t, :running, None, :]
        history[t, :running] = step.argmax(1)
        score[:running] = step.max(1)
    best = score.argmax(-1)  # each sequence's last tag: its score stopped changing there
    path = np.zeros((len(scores), longest), dtype=np.intp)
    rows = np.arange(len(scores))
    for t in range(longest - 1, -1, -1):
        path[:, t] = best
        if t:
            best = np.where(t < lengths, history[t][rows, best], best)
    out: list[np.ndarray] = [np.empty(0, dtype=np.intp)] * len(scores)
    for b, k in enumerate(order):
        out[k] = path[b, : lengths[b]]
    return out


class _Words:
    """navec's quantised word vectors, each built from its codes with one ``take`` over
    the flattened code book (slovnet gathers them by a two-array index, twice as slow)."""

    def __init__(self, embedding: Any) -> None:
        dims, centroids, chunk = embedding.codes.shape
        self.book = embedding.codes.array.reshape(dims * centroids, chunk)
        self.offsets = np.arange(dims) * centroids
        self.indexes = embedding.indexes.array
        self.dim = dims * chunk

    def __call__(self, ids: np.ndarray) -> np.ndarray:
        at = self.indexes[ids].astype(np.intp) + self.offsets
        return self.book.take(at, axis=0).reshape(len(ids), self.dim)


class _Layer:
    """One convolution, ReLU and batch norm of slovnet's encoder, on a (words, channels)
    array rather than slovnet's (batch, channels, words), so that every step reads
    contiguous memory."""

    def __init__(self, layer: Any) -> None:
        conv, norm = layer.conv, layer.norm
        self.pad = conv.padding
        if conv.weight.shape[2] != 2 * self.pad + 1:
            raise ValueError(
                f"a packed row needs convolutions that keep its length (a window of 2p + 1 "
                f"words, p of padding on each side), not {conv.weight.shape[2]} words with "
                f"padding {self.pad}: run this model with slovnet's own map"
            )
        # slovnet's weight is (filter, channel, offset): one (channel, filter) matrix per
        # offset in the window, each multiplied with the words shifted by that offset.
        self.weights = [np.ascontiguousarray(w.T) for w in np.moveaxis(conv.weight.array, 2, 0)]
        self.bias = conv.bias.array
        # (x - mean) / std * weight + bias, as one multiply and one add
        self.scale = (norm.weight.array / norm.std.array).astype(np.float32)
        self.shift = (norm.bias.array - norm.mean.array * self.scale).astype(np.float32)

    def __call__(self, x: np.ndarray) -> np.ndarray:
        n = len(x)
        x = np.pad(x, ((self.pad, self.pad), (0, 0)))
        out = x[:n] @ self.weights[0]
        for k, weight in enumerate(self.weights[1:], 1):
            out += x[k : k + n] @ weight
        out += self.bias
        np.maximum(out, 0, out=out)
        out *= self.scale
        out += self.shift
        return out


def rows(lengths: Sequence[int], size: int = ROW, gap: int = 1) -> list[list[int]]:
    """The texts' indices in rows of at most ``size`` words with the ``gap`` after each (a
    longer text alone), in order; texts without words in none."""
    out: list[list[int]] = []
    used = size
    for i, n in enumerate(lengths):
        if not n:
            continue
        if used + n + gap > size:
            out.append([])
            used = 0
        out[-1].append(i)
        used += n + gap
    return out
