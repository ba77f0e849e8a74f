"""Clauses of chunked Vietnamese sentences (factx.link.join_vi): which word hangs from which,
on hand-tagged made-up words, so the cases hold whatever underthesea's tagger does."""

from __future__ import annotations

import pytest
from test_chunk_vi import tagged

from factx.link.chunk_vi import Grammar
from factx.link.parse_vi import build
from factx.link.words import LinkWords


@pytest.fixture(scope="module")
def grammar() -> Grammar:
    return Grammar.load(LinkWords.load("vi"))


# spec, then (dependent, relation, head) triples that must hold
CASES = [
    # a time phrase is a circumstance of the verb; the subject comes after the comma
    ("Năm/NOUN 2024/NUM ,/PUNCT Việt_Nam/PROPN xuất_khẩu/VERB 8/NUM* tấn/NOUN* gạo/NOUN",
     [("Năm", "obl:tmod", "xuất khẩu"), ("Việt Nam", "nsubj", "xuất khẩu"),
      ("tấn", "obj", "xuất khẩu"), ("gạo", "nmod", "tấn")]),
    # the recipient of a verb of giving is its indirect object
    ("Công_ty/NOUN tặng/VERB người_dân/NOUN 3/NUM* triệu/NUM* đồng/NOUN*",
     [("người dân", "iobj", "tặng"), ("đồng", "obj", "tặng")]),
    # a verb after another's object shares its subject; after a causing verb, the object acts
    ("Ngân_hàng/NOUN cho/VERB nông_dân/NOUN vay/VERB 5/NUM* tỷ/NUM* đồng/NOUN*",
     [("vay", "advcl", "cho")]),
    ("Lũ/NOUN khiến/VERB tỉnh/NOUN thiệt_hại/VERB 5/NUM* tỷ/NUM* đồng/NOUN*",
     [("thiệt hại", "xcomp", "khiến")]),
    # a clause opening with a verb and its object is the subject of a verb of level
    ("xuất_khẩu/VERB gạo/NOUN đạt/VERB 4/NUM* triệu/NUM* tấn/NOUN*",
     [("xuất khẩu", "nsubj", "đạt"), ("gạo", "compound", "xuất khẩu")]),
    # after a verb of saying, a new subject
    ("Công_ty/NOUN cho/VERB biết/VERB lợi_nhuận/NOUN tăng/VERB 5/NUM* %/NOUN*",
     [("lợi nhuận", "nsubj", "tăng"), ("tăng", "ccomp", "cho")]),
    # a relative clause ends at the verb of level, whose subject is the noun it modified
    ("Số/NOUN tiền/NOUN mà/CCONJ ông/NOUN Tâm/PROPN chiếm_đoạt/VERB lên/VERB 4/NUM* tỷ/NUM*",
     [("tiền", "nsubj", "lên"), ("chiếm đoạt", "acl:relcl", "tiền")]),
    # "thì" opens a clause; a bare number is no subject
    ("Lãi/NOUN là/VERB 3/NUM* tỷ/NUM* thì/CCONJ 2022/NUM chỉ/ADV có/VERB 1/NUM* tỷ/NUM*",
     [("có", "conj", "là"), ("2022", "obl:tmod", "có")]),
    # "của" names the owner of the noun before it, whose bare nouns are then compounds
    ("lợi_nhuận/NOUN sau/NOUN thuế/NOUN của/ADP tập_đoàn/NOUN đạt/VERB 9/NUM* tỷ/NUM*",
     [("tập đoàn", "nmod", "lợi nhuận"), ("sau", "compound", "lợi nhuận")]),
    # a rate after an amount is not what it measures
    ("Giá/NOUN giảm/VERB 2/NUM* đồng/NOUN* mỗi/DET tấn/NOUN",
     [("tấn", "obl", "giảm")]),
]  # fmt: skip


@pytest.mark.parametrize(("spec", "expected"), CASES)
def test_clauses(grammar, spec, expected):
    words, amounts = tagged(spec)
    tree = build(words, amounts, grammar)
    by_text = {t.text: t for t in tree.tokens}
    for dependent, rel, head in expected:
        t = by_text[dependent]
        assert (t.deprel, tree.tokens[t.head].text) == (rel, head), (dependent, tree.tokens)


def test_odd_tags_still_give_a_tree(grammar):
    """A relative clause on a bare number that waits for that clause's verb made a loop,
    and the rules climb heads."""
    words, amounts = tagged("biết/NUM mà/ADV tỷ/VERB ông/ADJ III/NUM ,/PUNCT")
    tree = build(words, amounts, grammar)
    for t in tree.tokens:
        path, x = [], t.i
        while x != -1:
            assert x not in path, [(u.text, u.head) for u in tree.tokens]
            path.append(x)
            x = tree.tokens[x].head
