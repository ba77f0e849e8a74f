from __future__ import annotations

import numpy as np
import pytest

from factx.ner import packed

SENTENCES = [
    "Президент России Владимир Путин прибыл в Пекин.",
    "Министерство финансов России и Сбербанк подписали соглашение в Москве.",
    "Глава компании «Северный ветер» Анна Кравец заявила, что выручка выросла.",
    "В Казани прошёл форум, организованный ООН и правительством Татарстана.",
    "Дождь.",
]


def texts() -> list[str]:
    """Texts of one word to some hundreds, and ones with no word at all."""
    out = ["", "   ", "Путин", *SENTENCES]
    out += [" ".join(SENTENCES[k % 5] for k in range(n)) for n in (3, 17, 40)]
    return out


@pytest.fixture(scope="module")
def tagger(natasha_ner):
    return natasha_ner.packed


def slovnet(api, text: str) -> list[tuple[str, int, int]]:
    """slovnet's own answer, the text alone, as natasha gives it."""
    if not text.strip():
        return []
    return [(s.type, s.start, s.stop) for s in next(api.map([text])).spans]


@pytest.mark.parametrize("row", [packed.ROW, 64, 9])
def test_packed_texts_get_slovnets_spans(natasha_ner, row):
    """Whatever the rows' size (one text per row, several, a text longer than a row),
    each text's spans are what slovnet gives it alone."""
    batch = texts()
    expected = [slovnet(natasha_ner.tagger, text) for text in batch]
    assert packed.PackedTagger(natasha_ner.tagger, row).spans(batch) == expected
    assert any(expected)


def test_a_text_reads_the_same_whatever_its_neighbours(tagger):
    alone = tagger.spans([SENTENCES[2]])[0]
    assert alone
    for neighbours in ([SENTENCES[0]], [SENTENCES[4]] * 30, texts()):
        assert tagger.spans([*neighbours, SENTENCES[2], *neighbours])[len(neighbours)] == alone


@pytest.mark.parametrize(
    ("lengths", "size", "expected"),
    [
        ([3, 3, 3], 8, [[0, 1], [2]]),  # each text with its gap: 4 + 4 fills a row of 8
        ([3, 0, 3], 8, [[0, 2]]),  # a text of no word in no row
        ([20, 2], 8, [[0], [1]]),  # longer than a row: a row of its own
        ([2, 20, 2], 8, [[0], [1], [2]]),
        ([], 8, []),
        ([0, 0], 8, []),
        ([7], 8, [[0]]),
        ([1] * 5, 4, [[0, 1], [2, 3], [4]]),
    ],
)
def test_rows(lengths, size, expected):
    assert packed.rows(lengths, size) == expected


@pytest.mark.parametrize(("seed", "values"), [(1, None), (2, None), (3, 3), (4, 2)])
def test_viterbi_is_slovnets_crf(seed, values):
    """Random scores for sequences of different lengths; small whole numbers (``values``)
    make ties, where both take the first best tag."""
    from slovnet.exec.model import CRF, Weight

    pick = np.random.default_rng(seed)

    def draw(*shape: int) -> np.ndarray:
        if values:
            return pick.integers(0, values, shape).astype(np.float32)
        return pick.standard_normal(shape).astype(np.float32)

    transitions = draw(5, 5)
    lengths = [1, 7, 3, 12, 12, 2]
    scores = [draw(n, 5) for n in lengths]
    batch = np.zeros((len(lengths), max(lengths), 5), np.float32)
    mask = np.zeros(batch.shape[:2], dtype=bool)
    for b, s in enumerate(scores):
        batch[b, : len(s)], mask[b, : len(s)] = s, True
    crf = CRF(Weight(transitions.shape, "float32", transitions))
    expected = crf.decode(batch, mask)
    got = packed.viterbi(scores, transitions)
    assert [list(g) for g in got] == [list(e) for e in expected]


@pytest.mark.parametrize(
    ("lengths", "size", "gap", "expected"),
    [
        ([3, 3], 10, 2, [[0, 1]]),  # 3 + 2 + 3 + 2 fills a row of 10
        ([3, 3], 9, 2, [[0], [1]]),
        ([4, 1, 1], 8, 1, [[0, 1], [2]]),
    ],
)
def test_rows_with_wider_gaps(lengths, size, gap, expected):
    assert packed.rows(lengths, size, gap) == expected


def test_a_convolution_that_changes_a_rows_length_is_refused(natasha_ner):
    from dataclasses import dataclass

    @dataclass
    class Conv:
        weight: object
        bias: object
        padding: int

    real = natasha_ner.packed.packed.model.encoder.layers[0]
    layer = type(
        "Layer", (), {"conv": Conv(real.conv.weight, real.conv.bias, 0), "norm": real.norm}
    )
    with pytest.raises(ValueError, match="keep its length"):
        packed._Layer(layer)


@pytest.fixture(scope="module")
def parser(natasha_ner):
    from factx.link.parse_ru import RussianParser

    return RussianParser()


@pytest.mark.parametrize("kind", ["morph", "syntax"])
def test_the_parsers_packed_features_are_its_encoders(parser, kind):
    """The Russian parser's morph tagger and syntax parser read packed features: the same
    numbers, up to float rounding, as slovnet's encoder gives each sentence alone."""
    model = getattr(parser, kind)
    words = [s.split() for s in SENTENCES]
    feats = packed.Packed(model.infer).features(words)
    for sentence, got in zip(words, feats, strict=True):
        batch = next(model.infer.encoder([sentence]))
        x = model.infer.model.emb(batch.word_id, batch.shape_id)
        expected = model.infer.model.encoder(x, batch.pad_mask)[0]
        assert np.allclose(got, expected, atol=1e-4)


def test_the_parsers_morph_tags_are_slovnets(parser):
    words = [s.split() for s in SENTENCES]
    ours = parser.tags(words)
    for sentence, tags in zip(words, ours, strict=True):
        theirs = next(parser.morph.map([sentence])).tokens
        assert [(t.text, t.pos, t.feats) for t in tags] == [
            (t.text, t.pos, t.feats) for t in theirs
        ]
