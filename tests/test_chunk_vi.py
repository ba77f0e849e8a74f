"""Chunks of tagged Vietnamese sentences (factx.link.chunk_vi), on hand-tagged made-up words,
so the cases hold whatever underthesea's tagger does."""

from __future__ import annotations

import pytest

from factx.link.chunk_vi import Grammar, Word, chunk
from factx.link.words import LinkWords


@pytest.fixture(scope="module")
def grammar() -> Grammar:
    return Grammar.load(LinkWords.load("vi"))


def tagged(spec: str) -> tuple[list[Word], list[tuple[int, int]]]:
    """Words from "word/UPOS" items joined by spaces ("_" inside a word); consecutive items
    marked "*" form an amount."""
    words: list[Word] = []
    spans: list[tuple[int, int]] = []
    at, last = 0, False
    for item in spec.split():
        text, upos = item.rsplit("/", 1)
        star = upos.endswith("*")
        text = text.replace("_", " ")
        words.append((at, at + len(text), text, upos.rstrip("*")))
        if star and last:
            spans[-1] = (spans[-1][0], at + len(text))
        elif star:
            spans.append((at, at + len(text)))
        at, last = at + len(text) + 1, star
    return words, spans


def kinds(spec: str, grammar: Grammar) -> list[tuple[str, str]]:
    words, amounts = tagged(spec)
    chunks, words = chunk(words, amounts, grammar)
    return [(c.kind, " ".join(words[k][2] for k in c.idx)) for c in chunks]


CASES = [
    # a fronted time phrase is its own chunk, with its date and its tail
    ("Năm/NOUN 2024/NUM ,/PUNCT Việt_Nam/PROPN xuất_khẩu/VERB 8/NUM* triệu/NUM* tấn/NOUN*",
     [("TIME", "Năm 2024"), ("PUNCT", ","), ("NP", "Việt Nam"), ("VP", "xuất khẩu"),
      ("AMT", "8 triệu tấn")]),
    ("Tháng/NOUN trước/NOUN ,/PUNCT giá/NOUN xăng/NOUN tăng/VERB 5/NUM* %/NOUN*",
     [("TIME", "Tháng trước"), ("PUNCT", ","), ("NP", "giá xăng"), ("VP", "tăng"),
      ("AMT", "5 %")]),
    # a time noun ends the noun phrase before it
    ("Giá/NOUN vàng/NOUN hôm_nay/NOUN giảm/VERB 2/NUM* %/NOUN*",
     [("NP", "Giá vàng"), ("TIME", "hôm nay"), ("VP", "giảm"), ("AMT", "2 %")]),
    # a verb after a noun of sums modifies it, one of change does not
    ("Số/NOUN tiền/NOUN đầu_tư/VERB là/VERB 5/NUM* tỷ/NUM* đồng/NOUN*",
     [("NP", "Số tiền đầu tư"), ("VP", "là"), ("AMT", "5 tỷ đồng")]),
    ("Vốn/NOUN tăng/VERB 5/NUM* %/NOUN*", [("NP", "Vốn"), ("VP", "tăng"), ("AMT", "5 %")]),
    # a noun that can act keeps a passive marker as its predicate
    ("Dự_án/NOUN được/VERB tỉnh/NOUN duyệt/VERB",
     [("NP", "Dự án"), ("VP", "được"), ("NP", "tỉnh"), ("VP", "duyệt")]),
    # a dimension adjective after a noun heads the amount
    ("Cây/NOUN cầu/NOUN dài/ADJ 2/NUM* km/NOUN*",
     [("NP", "Cây cầu"), ("DIM", "dài"), ("AMT", "2 km")]),
    # a verb group ends before a verb of level that states the amount
    ("Số/NOUN tiền/NOUN mà/CCONJ ông/NOUN Tâm/PROPN chiếm_đoạt/VERB lên/VERB 4/NUM* tỷ/NUM*",
     [("NP", "Số tiền"), ("OTHER", "mà"), ("NP", "ông Tâm"), ("VP", "chiếm đoạt"),
      ("VP", "lên"), ("AMT", "4 tỷ")]),
]  # fmt: skip


@pytest.mark.parametrize(("spec", "expected"), CASES)
def test_phrases(grammar, spec, expected):
    assert kinds(spec, grammar) == expected


@pytest.mark.parametrize(
    ("spec", "word", "upos"),
    [
        ("Cháu/NOUN biếu/VERB bà/NOUN 5/NUM* đồng/NOUN*", "bà", "PRON"),  # a kinship pronoun
        ("ông/NOUN Tâm/PROPN gửi/VERB 5/NUM* đồng/NOUN*", "ông", "NOUN"),  # a title before a name
        ("Việt_Nam/PROPN chi/PRON 2/NUM* tỷ/NUM*", "chi", "VERB"),  # a verb before its amount
        ("bán/VERB 35/NUM* %/NOUN* cổ_phần/VERB", "cổ phần", "NOUN"),  # a noun after its amount
        ("nằm/VERB cách/VERB thị_trấn/NOUN 15/NUM* km/NOUN*", "cách", "ADP"),  # where from
        ("Xã/NOUN cách/VERB thị_trấn/NOUN 15/NUM* km/NOUN*", "cách", "VERB"),  # the predicate
    ],
)
def test_parts_of_speech_the_chunks_fix(grammar, spec, word, upos):
    words, amounts = tagged(spec)
    _, words = chunk(words, amounts, grammar)
    assert next(u for _, _, w, u in words if w == word) == upos
