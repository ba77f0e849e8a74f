"""One document through its pipeline, and many documents into the three tables.

``process`` is the per-document function every engine shares: it never raises on a bad
document, it returns a DocError instead, so one broken article never stops a batch.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from factx import tables
from factx.entities import unify
from factx.langid import LanguageIdentifier
from factx.model import DocError, Document, Mention
from factx.pipeline import PipelineError, Pipelines
from factx.segment import Sentences


@dataclass(frozen=True)
class Processed:
    doc: Document
    mentions: list[tuple[Mention, str]]


class Tools:
    """The models a process needs: pipelines per language and the language identifier.

    Built once per process and passed along; the identifier loads on first need only.
    """

    def __init__(self, pipelines: Pipelines) -> None:
        self.pipelines = pipelines
        self._identifier: LanguageIdentifier | None = None

    def identify(self, text: str) -> str | None:
        if self._identifier is None:
            self._identifier = LanguageIdentifier(self.pipelines.languages)
        return self._identifier.detect(text)


def process(item: Document | DocError, tools: Tools) -> Processed | DocError:
    if isinstance(item, DocError):
        return item
    doc = item
    try:
        if doc.lang is None:
            lang = tools.identify(doc.text[doc.body_start :])
            if lang is None:
                return DocError(doc.source, "could not identify the language; pass --lang", doc.id)
            doc = dataclasses.replace(doc, lang=lang)
        mentions = tools.pipelines.get(doc.lang).run(doc)
        sentences = Sentences(doc.text, doc.body_start)
        return Processed(doc, [(m, sentences.around(m.start, m.end)) for m in mentions])
    except PipelineError as exc:
        return DocError(doc.source, str(exc), doc.id)
    except Exception as exc:  # an extractor failing on one document must not end the batch
        return DocError(doc.source, f"{type(exc).__name__} while extracting: {exc}", doc.id)


@dataclass(frozen=True)
class Tables:
    mentions: pd.DataFrame
    documents: pd.DataFrame
    errors: pd.DataFrame


def collect(results: Iterable[Processed | DocError]) -> Tables:
    mentions, documents, errors = [], [], []
    for result in results:
        if isinstance(result, DocError):
            errors.append(tables.error_row(result))
            continue
        documents.append(tables.document_row(result.doc, len(result.mentions)))
        mentions.extend(tables.mention_row(result.doc, m, s) for m, s in result.mentions)
    return Tables(
        unify(tables.frame(mentions, tables.MENTIONS)),
        tables.frame(documents, tables.DOCUMENTS),
        tables.frame(errors, tables.ERRORS),
    )


def run(items: Iterable[Document | DocError], tools: Tools) -> Tables:
    return collect(process(item, tools) for item in items)
