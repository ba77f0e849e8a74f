"""The tables pass: written from the journal while the batches still come back, it gives
the same files, byte for byte, whether the input order arrives at once or in stretches."""

from __future__ import annotations

import pytest

from factx.batch.job import Job, Summary
from factx.batch.journal import Journal
from factx.batch.merge import Merger, merge
from factx.batch.runner import located, rows
from factx.model import DocError, Document, Mention

DOCS = 600  # over two whole chunks of 256 keys, and a shorter one
FILES = ("documents.csv", "errors.csv", "mentions.csv", "mentions.parquet", "entities.csv",
         "facts.csv", "facts.parquet")  # fmt: skip


def committed(out) -> tuple[Journal, list[str]]:
    """A journal holding DOCS documents' rows (every tenth an error), in batches of 16."""
    state = Journal(out, "test", force=True)
    order = []
    for start in range(0, DOCS, 16):
        batch = []
        for i in range(start, min(start + 16, DOCS)):
            key = f"k{i:04d}"
            if i % 10 == 9:
                batch.append((key, rows(DocError(f"in/{i}.txt", "not UTF-8", f"d{i}"))))
                continue
            text = f"Report {i} from Paris, where Anna Berg spoke."
            doc = Document(f"d{i}", text, "en", source=f"in/{i}.txt")
            found = [
                Mention(label, text.index(name), text.index(name) + len(name), name)
                for label, name in (("LOCATION", "Paris"), ("PERSON", "Anna Berg"))
            ]
            batch.append((key, rows(located(doc, found))))
        state.commit(batch, {})
        order += [key for key, _ in batch]
    return state, order


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    out = tmp_path_factory.mktemp("reference")
    state, order = committed(out)
    summary = Summary()
    with state:
        merge(Job((out,), out), state, order, summary)
    return out, summary


@pytest.mark.parametrize("stretches", [(600,), (1, 255, 256, 257, 599), (300, 300), (512,)])
def test_the_tables_do_not_depend_on_how_the_order_arrives(reference, tmp_path, stretches):
    state, order = committed(tmp_path)
    summary = Summary()
    with state, Merger(Job((tmp_path,), tmp_path), state, summary) as merger:
        for end in stretches:
            merger.upto(order, end)
        merger.upto(order, len(order), last=True)
    merger.finish()
    out, expected = reference
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name
    assert (summary.documents, summary.errors, summary.mentions) == (540, 60, 1080)
    assert summary == expected


def test_a_failed_run_publishes_no_table(tmp_path):
    state, order = committed(tmp_path)
    job = Job((tmp_path,), tmp_path)
    with pytest.raises(KeyboardInterrupt), state, Merger(job, state, Summary()) as merger:
        merger.upto(order, 300)
        raise KeyboardInterrupt
    assert not [p.name for p in tmp_path.iterdir() if p.name != ".factx"]
