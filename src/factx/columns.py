"""The output tables' columns, and one row of each as a plain tuple.

What a worker process builds and the journal stores is these tuples, so this module
imports neither pandas nor pyarrow (a quarter of a second a worker would pay for nothing);
:mod:`factx.tables` turns them into typed frames and files.
"""

from __future__ import annotations

from factx.link.fact import Fact, Phrase
from factx.model import DocError, Document, Mention

MENTIONS: dict[str, str] = {
    "doc_id": "string",
    "lang": "string",
    "doc_date": "string",
    "label": "string",
    "text": "string",
    "start": "Int64",
    "end": "Int64",
    "norm": "string",
    "value": "Float64",
    "unit": "string",
    "per": "string",
    "sentence": "string",
    "extractor": "string",
}
DOCUMENTS: dict[str, str] = {
    "doc_id": "string",
    "source": "string",
    "lang": "string",
    "doc_date": "string",
    "chars": "Int64",
    "mentions": "Int64",
}
ERRORS: dict[str, str] = {"source": "string", "doc_id": "string", "error": "string"}
# One row per MONEY, QUANTITY or PERCENT mention: the amount and what a linker joined to it.
FACTS: dict[str, str] = {
    "doc_id": "string",
    "fact_id": "Int64",
    "label": "string",
    "amount": "string",
    "start": "Int64",
    "end": "Int64",
    "value": "Float64",
    "unit": "string",
    "norm": "string",
    "measured": "string",
    "measured_start": "Int64",
    "measured_end": "Int64",
    "holder": "string",
    "holder_label": "string",
    "holder_norm": "string",
    "predicate": "string",
    "change": "string",
    "date": "string",
    "source": "string",
    "sentence": "string",
    "score": "Float64",
    "lang": "string",
    "linker": "string",
}


def mention_row(doc: Document, m: Mention, sentence: str) -> tuple:
    date = doc.date.isoformat() if doc.date else None
    return (
        doc.id,
        doc.lang,
        date,
        str(m.label),
        m.text,
        m.start,
        m.end,
        m.norm,
        m.value,
        m.unit,
        m.per,
        sentence,
        m.extractor,
    )


def fact_row(doc: Document, number: int, fact: Fact, sentence: str) -> tuple:
    """A fact as a row of FACTS; ``number`` counts the document's facts from 1."""
    m = fact.amount

    def text(phrase: Phrase | None) -> str | None:
        return phrase.text if phrase else None

    measured = fact.measured
    return (
        doc.id,
        number,
        str(m.label),
        m.text,
        m.start,
        m.end,
        m.value,
        m.unit,
        m.norm,
        text(measured),
        measured.start if measured else None,
        measured.end if measured else None,
        text(fact.holder),
        fact.holder_label,
        fact.holder_norm,
        text(fact.predicate),
        str(fact.change),
        fact.date,
        text(fact.source),
        sentence,
        round(fact.score, 3),
        doc.lang,
        fact.linker,
    )


def document_row(doc: Document, mentions: int) -> tuple:
    date = doc.date.isoformat() if doc.date else None
    return (doc.id, doc.source, doc.lang, date, len(doc.text), mentions)


def error_row(err: DocError) -> tuple:
    return (err.source, err.doc_id, err.error)
