"""Documents through their pipelines, and many documents into the three tables.

``process_many`` is the per-batch function every engine shares (``process`` is the same
for one document): it never raises on a bad document, it returns a DocError instead, so
one broken article never stops a batch. The in-process, process-pool and Dask engines all
call it, which is why their rows agree.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any, Literal

from factx import columns
from factx.batch import runinfo
from factx.langid import LanguageIdentifier
from factx.link import GROUP as LINKERS
from factx.link import Fact
from factx.model import DocError, Document, Mention
from factx.pieces import windows
from factx.pipeline import BuildError, Pipeline, PipelineError, Pipelines
from factx.segment import CONTEXT_CHARS, ELLIPSIS, Sentences

if TYPE_CHECKING:  # pandas is for the tables at the end: worker processes never import it
    import pandas as pd

# spaCy refuses texts over 1,000,000 characters by default; windows this size fit every
# backend while being far longer than any news article.
DEFAULT_MAX_CHARS = 1_000_000
# A news article takes a fraction of a second; two minutes is a stall, not a long article.
DEFAULT_DOC_TIMEOUT = 120.0
# Every model of the news pipeline fits in well under a gigabyte: more is growth.
DEFAULT_WORKER_MEMORY = 2048


@dataclass(frozen=True)
class Settings:
    """How each document is run. ``max_chars`` and ``too_long`` are part of a run's
    fingerprint: change them and a resumed run starts over, since old results were made
    under other rules. The limits are not (see :mod:`factx.batch.pool`): a document over
    the time budget is an error row, reused on resume like any other error."""

    max_chars: int = DEFAULT_MAX_CHARS
    too_long: Literal["split", "error"] = "split"
    doc_timeout: float = DEFAULT_DOC_TIMEOUT  # seconds a batch may take; 0: no budget
    max_worker_memory: int = DEFAULT_WORKER_MEMORY  # MB resident, checked after each batch


@dataclass(frozen=True)
class Processed:
    doc: Document
    mentions: list[tuple[Mention, str]]
    pieces: int = 1
    facts: list[tuple[Fact, str]] = dataclasses.field(default_factory=list)


@dataclass(frozen=True)
class Rows:
    """One document's rows in every table: what engines send back and the journal keeps.

    Plain tuples of str/int/float/None, so they cross process boundaries cheaply and
    store as JSON.
    """

    document: tuple | None
    error: tuple | None
    mentions: tuple[tuple, ...] = ()
    pieces: int = 1
    facts: tuple[tuple, ...] = ()


class Tools:
    """The models a process needs: pipelines per language and the language identifier.

    Built once per process and passed along; the identifier loads on first need only.
    """

    def __init__(self, pipelines: Pipelines) -> None:
        self.pipelines = pipelines
        self._identifier: LanguageIdentifier | None = None
        self._used: dict[str, Pipeline] = {}
        self._described: dict[str, dict[str, dict[str, Any]]] = {}

    def identify(self, text: str) -> str | None:
        if self._identifier is None:
            self._identifier = LanguageIdentifier(self.pipelines.languages)
        return self._identifier.detect(text)

    def built(self, lang: str) -> bool:
        """Whether this process has built ``lang``'s pipeline already."""
        return lang in self._used

    def pipeline(self, lang: str) -> Pipeline:
        if lang not in self._used:
            self._used[lang] = self.pipelines.get(lang)
        return self._used[lang]

    def models(self) -> dict[str, dict[str, Any]]:
        """Each extractor this process has run, described for run.json (once per language)."""
        for lang, pipeline in self._used.items():
            if lang not in self._described:
                self._described[lang] = {
                    name: runinfo.describe(name, extractor)
                    for name, extractor in pipeline.extractors
                } | {
                    f"linker {name}": runinfo.describe(name, linker, LINKERS)
                    for name, linker in pipeline.linkers
                }
        return {k: v for described in self._described.values() for k, v in described.items()}


def prepare(item: Document | DocError, tools: Tools) -> Document | DocError:
    """The document with its language known, or the error that stops it."""
    if isinstance(item, DocError):
        return item
    if bad := not_unicode(item):
        return bad
    if item.lang is not None:
        return item
    try:
        lang = tools.identify(item.text[item.body_start :])
    except Exception as exc:
        return DocError(item.source, f"{type(exc).__name__} while identifying the language: "
                        f"{exc}; pass --lang", item.id)  # fmt: skip
    if lang is None:
        return DocError(item.source, "could not identify the language; pass --lang", item.id)
    return dataclasses.replace(item, lang=lang)


def process(
    item: Document | DocError, tools: Tools, settings: Settings = Settings()
) -> Processed | DocError:
    doc = prepare(item, tools)
    if isinstance(doc, DocError):
        return doc
    try:
        pipeline = tools.pipeline(doc.lang or "")
        spans = [(0, len(doc.text))]
        if len(doc.text) > settings.max_chars:
            if settings.too_long == "error":
                return DocError(
                    doc.source,
                    f"{len(doc.text):,} characters, over --max-chars {settings.max_chars:,}; "
                    f"raise --max-chars, or pass --too-long split to run it in pieces",
                    doc.id,
                )
            spans = windows(doc.text, settings.max_chars)
        mentions = [m for a, b in spans for m in run_piece(pipeline, doc, a, b)]
        return located(doc, mentions, len(spans), pipeline.link(doc, mentions))
    except BuildError:
        raise  # a setting, not this document: the run stops with one message
    except PipelineError as exc:
        return DocError(doc.source, str(exc), doc.id)
    except Exception as exc:  # an extractor failing on one document must not end the batch
        return DocError(doc.source, f"{type(exc).__name__} while extracting: {exc}", doc.id)


def process_many(
    items: Sequence[Document | DocError], tools: Tools, settings: Settings = Settings()
) -> list[Processed | DocError]:
    """:func:`process` for a batch, in order and with the same results, but the documents
    of one language go through their pipeline together (``Pipeline.run_many``). If that
    fails, each runs alone, so the error lands on the document that caused it."""
    done: dict[int, Processed | DocError] = {}
    together: dict[str, list[tuple[int, Document]]] = {}
    for i, item in enumerate(items):
        ready = prepare(item, tools)
        if isinstance(ready, Document) and ready.lang and len(ready.text) <= settings.max_chars:
            together.setdefault(ready.lang, []).append((i, ready))
        else:
            done[i] = process(ready, tools, settings)
    for lang, group in together.items():
        docs = [doc for _, doc in group]
        try:
            found = tools.pipeline(lang).run_many(docs)
        except Exception:  # rerun one by one, so the error names the document at fault
            done.update((i, process(doc, tools, settings)) for i, doc in group)
            continue
        for (i, doc), mentions in zip(group, found, strict=True):
            try:
                done[i] = located(doc, mentions, facts=tools.pipeline(lang).link(doc, mentions))
            except Exception as exc:  # a linker failing on one document ends only that one
                done[i] = DocError(doc.source, f"{type(exc).__name__} while linking: {exc}",
                                   doc.id)  # fmt: skip
    return [done[i] for i in range(len(items))]


def located(
    doc: Document, mentions: list[Mention], pieces: int = 1, facts: Sequence[Fact] = ()
) -> Processed:
    """Each mention and each fact with the sentence around it."""
    sentences = Sentences(doc.text, doc.body_start)
    return Processed(
        doc,
        [(m, sentences.around(m.start, m.end)) for m in mentions],
        pieces,
        [(f, sentences.around(f.amount.start, f.amount.end)) for f in facts],
    )


def run_piece(pipeline: Pipeline, doc: Document, a: int, b: int) -> list[Mention]:
    """The mentions of ``doc.text[a:b]``, with offsets into the whole text."""
    if (a, b) == (0, len(doc.text)):
        return pipeline.run(doc)
    body_start = min(max(doc.body_start - a, 0), b - a)
    piece = dataclasses.replace(doc, text=doc.text[a:b], body_start=body_start)
    if not piece.text[body_start:].strip():
        return []
    return [dataclasses.replace(m, start=m.start + a, end=m.end + a) for m in pipeline.run(piece)]


def not_unicode(doc: Document) -> DocError | None:
    """JSON can carry unpaired surrogates ("\\ud800"), which no UTF-8 table can hold."""
    for field, value in (("id", doc.id), ("text", doc.text), ("source", doc.source)):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            return DocError(
                printable(doc.source),
                f"the {field} holds an unpaired surrogate (U+{ord(value[exc.start]):04X}) at "
                f"offset {exc.start}, which is not text; fix that \\u escape in the JSON",
                printable(doc.id),
            )
    return None


def printable(text: str | None) -> str | None:
    return text.encode("utf-8", "backslashreplace").decode("utf-8") if text else text


def rows(result: Processed | DocError) -> Rows:
    if isinstance(result, DocError):
        error = printable(result.error) or ""
        if len(error) > CONTEXT_CHARS:  # an exception's message may quote the whole text
            error = error[: CONTEXT_CHARS - 1] + ELLIPSIS
        err = DocError(printable(result.source), error, printable(result.doc_id))
        return Rows(None, columns.error_row(err))
    doc = result.doc
    mentions = tuple(columns.mention_row(doc, m, s) for m, s in result.mentions)
    facts = tuple(columns.fact_row(doc, i, f, s) for i, (f, s) in enumerate(result.facts, 1))
    return Rows(columns.document_row(doc, len(mentions)), None, mentions, result.pieces, facts)


def corpus(mentions: pd.DataFrame) -> pd.DataFrame:
    """The steps that need every document's mentions at once (one PERSON norm across
    documents and scripts), applied after the per-document work, whatever the engine."""
    from factx.entities import unify

    return unify(mentions)


@dataclass(frozen=True)
class Tables:
    mentions: pd.DataFrame
    documents: pd.DataFrame
    errors: pd.DataFrame
    facts: pd.DataFrame


def collect(results: Iterable[Processed | DocError]) -> Tables:
    from factx import tables
    from factx.link.corpus import renames, with_corpus_norms

    mentions, documents, errors, facts = [], [], [], []
    for result in map(rows, results):
        if result.error:
            errors.append(result.error)
        else:
            documents.append(result.document)
            mentions.extend(result.mentions)
            facts.extend(result.facts)
    found = tables.frame(mentions, tables.MENTIONS)
    unified = corpus(found)
    return Tables(
        unified,
        tables.frame(documents, tables.DOCUMENTS),
        tables.frame(errors, tables.ERRORS),
        with_corpus_norms(tables.frame(facts, tables.FACTS), renames(found, unified)),
    )


def run(
    items: Iterable[Document | DocError], tools: Tools, settings: Settings = Settings()
) -> Tables:
    return collect(r for batch in chunked(items, 16) for r in process_many(batch, tools, settings))


def chunked(items: Iterable[Document | DocError], size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch
