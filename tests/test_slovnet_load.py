from __future__ import annotations

import pytest

pytest.importorskip("natasha", reason="the ru extra is not installed: pip install factx[ru]")

from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser
from natasha.data import NEWS_MORPH, NEWS_NER, NEWS_SYNTAX
from slovnet.const import WORD
from slovnet.exec.pack import Pack

from factx.ner.slovnet_load import NATASHA_FILES, load, natasha_file, navec_words

TEXT = "Глава компании «Северный ветер» Анна Кравец прибыла в Казань."
WORDS = ["Глава", "компании", "Анна", "Кравец", "прибыла", "в", "Казань", "."]
PACKS = {"ner": NEWS_NER, "morph": NEWS_MORPH, "syntax": NEWS_SYNTAX}


@pytest.fixture(scope="module")
def navec():
    return NewsEmbedding()


@pytest.mark.parametrize("kind", sorted(PACKS))
def test_each_pack_carries_navecs_vocabulary(navec, kind):
    """What lets the models share navec's dictionary: if a new natasha ships a pack whose
    words differ, this fails and slovnet_load must read the pack's own."""
    with Pack(PACKS[kind]) as pack:
        assert pack.load_vocab(WORD).items == navec.vocab.words


def test_factx_embedding_is_natashas(navec):
    """factx reads natasha's embedding file itself (without the similarity tables): the
    same words with the same ids, and the same quantised vectors."""
    import numpy as np

    from factx.ner.natasha import news_embedding

    ours = news_embedding()
    assert ours.vocab.words == navec.vocab.words
    assert ours.vocab.word_ids == navec.vocab.word_ids
    assert (ours.vocab.unk_id, ours.vocab.pad_id) == (navec.vocab.unk_id, navec.vocab.pad_id)
    assert np.array_equal(ours.pq.indexes, navec.pq.indexes)
    assert np.array_equal(ours.pq.codes, navec.pq.codes)
    for word in ["казань", "несуществующееслово"]:
        assert np.array_equal(ours.get(word), navec.get(word))


def test_navec_words_encode_as_slovnets(navec):
    with Pack(NEWS_NER) as pack:
        own = pack.load_vocab(WORD)
    shared = navec_words(navec)
    for word in [*WORDS, "несуществующееслово", "<pad>"]:
        assert shared.encode(word.lower()) == own.encode(word.lower())
    assert (shared.pad_id, shared.unk_id) == (own.pad_id, own.unk_id)


@pytest.mark.parametrize(
    ("kind", "natasha", "item"),
    [
        ("ner", NewsNERTagger, TEXT),
        ("morph", NewsMorphTagger, WORDS),
        ("syntax", NewsSyntaxParser, WORDS),
    ],
)
def test_loaded_models_answer_as_natashas(navec, kind, natasha, item):
    ours = next(load(kind, navec).map([item]))
    theirs = next(natasha(navec).map([item]))
    if kind == "ner":
        assert [(s.start, s.stop, s.type) for s in ours.spans] == [
            (s.start, s.stop, s.type) for s in theirs.spans
        ]
        assert ours.spans
    else:  # natasha wraps slovnet's tokens in its own records: compare their fields
        assert [t.as_json for t in ours.tokens] == [t.as_json for t in theirs.tokens]
        assert len(ours.tokens) == len(WORDS)


@pytest.mark.parametrize("kind", sorted(NATASHA_FILES))
def test_natasha_files_are_natasha_datas(kind):
    import natasha.data

    names = {"embedding": natasha.data.NEWS_EMBEDDING, **PACKS}
    assert natasha_file(kind) == names[kind]


def test_a_pack_given_by_path_reads_its_own_words(navec):
    with Pack(NEWS_NER) as pack:
        own = pack.load_vocab(WORD)
    loaded = load("ner", navec, path=NEWS_NER).infer.encoder.words_vocab
    assert loaded.items == own.items and loaded.item_ids is not navec.vocab.word_ids
    assert load("ner", navec).infer.encoder.words_vocab.item_ids is navec.vocab.word_ids
