from __future__ import annotations

import pytest

from factx.model import Document, Label

pytest.importorskip("underthesea", reason="the vi extra is not installed: pip install factx[vi]")

from factx.ner.underthesea import align, trim

# underthesea rewrites tokens ("hoà"→"hòa", spacing); alignment must find the originals.
ALIGN = [
    ("Hoà bình ở Nghệ An", ["Hòa bình", "ở", "Nghệ An"], ["Hoà bình", "ở", "Nghệ An"]),
    ("TP.  Hồ Chí Minh", ["TP.", "Hồ Chí Minh"], ["TP.", "Hồ Chí Minh"]),
    ("Thuý Kiều", ["Thúy Kiều"], ["Thuý Kiều"]),
    ("a “b” c", ["a", '"', "b", '"', "c"], ["a", None, "b", None, "c"]),
]


@pytest.mark.parametrize(("text", "tokens", "expected"), ALIGN)
def test_align_maps_rewritten_tokens_to_original_characters(text, tokens, expected):
    spans = align(text, tokens)
    assert [
        text[s:e] if s is not None else None for s, e in [(sp or (None, None)) for sp in spans]
    ] == expected


TRIM = [
    (", Nghệ An", "Nghệ An"),
    ("TP. Hồ Chí Minh", "TP. Hồ Chí Minh"),
    ("Bộ Công Thương,", "Bộ Công Thương"),
]


@pytest.mark.parametrize(("span", "expected"), TRIM)
def test_trim_drops_punctuation_at_entity_edges(span, expected):
    s, e = trim(span, 0, len(span))
    assert span[s:e] == expected


def test_trim_closes_an_opened_bracket():
    text = "Diễn đàn Kinh tế Phương Đông (EEF) tháng trước"
    s, e = trim(text, 0, text.index(")"))
    assert text[s:e] == "Diễn đàn Kinh tế Phương Đông (EEF)"


CASES = [
    ("Thủ tướng Phạm Minh Chính thăm Hoa Kỳ và Trung Quốc.", {"Hoa Kỳ", "Trung Quốc"}),
    ("Hoà bình ở Hà Nội, ông Nguyễn Văn An nói.", {"Hà Nội", "Nguyễn Văn An"}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_underthesea_offsets_point_at_the_original_text(underthesea_ner, text, expected):
    found = list(underthesea_ner.extract(Document("d", text, "vi")))
    assert expected <= {m.text for m in found}
    assert all(text[m.start : m.end] == m.text for m in found)
    assert {m.label for m in found} <= {Label.PERSON, Label.ORG, Label.LOCATION}


# Tags factx has no label for: the CRF's MISC, or a kind a later release may add.
ODD_TAGS = [
    [
        ("lễ hội", "N", "B-NP", "O"),
        ("Sen Vàng", "Np", "B-NP", "B-MISC"),
        ("ở", "E", "O", "O"),
        ("Hà Nội", "Np", "B-NP", "B-LOC"),
    ],
    [
        ("lễ hội", "N", "B-NP", "O"),
        ("Sen", "Np", "B-NP", "B-EVENT"),
        ("Vàng", "Np", "B-NP", "I-EVENT"),
        ("ở", "E", "O", "O"),
        ("Hà Nội", "Np", "B-NP", "B-LOC"),
    ],
    [
        ("lễ hội", "N", "B-NP", "X"),
        ("Sen Vàng", "Np", "B-NP", "I-MISC"),
        ("ở", "E", "O", "O"),
        ("Hà Nội", "Np", "B-NP", "B-LOC"),
    ],
]


@pytest.mark.parametrize("tagged", ODD_TAGS)
@pytest.mark.parametrize("rules", [True, False])
def test_unknown_crf_tags_are_dropped_not_raised(underthesea_ner, monkeypatch, tagged, rules):
    import factx.ner.underthesea as backend

    text = " ".join(t[0] for t in tagged)
    monkeypatch.setattr(backend, "ner", lambda line: tagged)
    extractor = underthesea_ner if rules else backend.UndertheseaNER("vi", rules=False)
    found = list(extractor.extract(Document("d", text, "vi")))
    assert [(m.label, m.text) for m in found] == [(Label.LOCATION, "Hà Nội")]
    assert found[0].start == text.rindex("Hà Nội")
