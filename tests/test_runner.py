"""A batch of documents gives what each document gives alone; a failure stays with the
document that caused it."""

from __future__ import annotations

import batchkit
import pytest

from factx.api import load
from factx.batch.runner import Processed, Settings, process, process_many
from factx.model import DocError, Document

BODY = "Officials in Canberra said Lynas would grow. Moscow and Hanoi signed a deal."


@pytest.fixture(scope="module")
def failing_tools(caps, tmp_path_factory):
    """The caps plugin, failing on any document that contains "BOOM"."""
    return load(batchkit.pipeline(tmp_path_factory.mktemp("p") / "p.toml", fail_on="BOOM"))


def mixed_batch() -> list[Document | DocError]:
    return [
        Document("ru", " date 2025-11-05 Путин прибыл в Пекин 5 ноября.", "ru", body_start=17),
        Document("en", f"{BODY} Prices rose 4 percent.", "en"),
        Document("vi", "Thủ tướng Phạm Minh Chính thăm Nhật Bản ngày 4/11.", "vi"),
        DocError("broken.txt", "not UTF-8; save it as UTF-8"),
        Document("surrogate", "Moscow \ud800", "en"),
        Document("unknown-lang", "Hà Nội và Thành phố Hồ Chí Minh đón khách quốc tế.", None),
        Document("long", BODY * 40, "en"),
        Document("empty", "", "en"),
    ]


def test_a_batch_equals_its_documents_one_by_one(all_languages):
    items = mixed_batch()
    settings = Settings(max_chars=1_000)  # "long" goes through the windows path
    together = process_many(items, all_languages, settings)
    alone = [process(item, all_languages, settings) for item in items]
    assert together == alone
    assert [type(r) for r in together] == [Processed] * 3 + [DocError] * 2 + [Processed] * 3
    assert together[6].pieces > 1


def test_a_failing_document_fails_alone(failing_tools):
    items = [
        Document("a", f"{BODY} One.", "en"),
        Document("b", f"{BODY} BOOM.", "en"),
        Document("c", f"{BODY} Three.", "ru"),
    ]
    results = process_many(items, failing_tools)
    assert isinstance(results[1], DocError)
    assert "RuntimeError while extracting: found BOOM" in results[1].error
    assert [m.text for m, _ in results[0].mentions] == ["Officials", "Canberra", "Lynas",
                                                        "Moscow", "Hanoi", "One"]  # fmt: skip
    assert isinstance(results[2], Processed) and results[2].mentions


def test_an_empty_batch_is_fine(failing_tools):
    assert process_many([], failing_tools) == []


def test_an_error_cell_is_bounded_however_long_the_message():
    from factx.batch.runner import rows
    from factx.segment import CONTEXT_CHARS

    error = rows(DocError("x.txt", "KeyError: " + "z" * 100_000, "x")).error
    assert len(error[2]) <= CONTEXT_CHARS and error[2].startswith("KeyError: zzz")
