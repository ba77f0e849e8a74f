"""The plain data that flows through factx: documents in, mentions out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Label(StrEnum):
    """Labels of the built-in extractors.

    A StrEnum so that a Label compares equal to its name: third-party plugins may emit
    their own upper-case labels (``"COMMODITY"``) as plain strings, and tables never need
    to tell the two apart.
    """

    PERSON = "PERSON"
    ORG = "ORG"
    COUNTRY = "COUNTRY"
    LOCATION = "LOCATION"
    DATE = "DATE"
    DURATION = "DURATION"
    QUANTITY = "QUANTITY"
    MONEY = "MONEY"
    PERCENT = "PERCENT"


@dataclass(frozen=True, slots=True)
class Document:
    """One input document.

    ``text`` is the decoded text exactly as read (for .txt files the header included), so
    every offset in the output points into it. ``body_start`` is where the article body
    begins, after an optional `` date YYYY-MM-DD `` header.
    """

    id: str
    text: str
    lang: str | None = None
    date: dt.date | None = None
    source: str = ""
    body_start: int = 0

    def body_view(self) -> Document:
        """The same document with its header blanked out, offsets unchanged.

        Extractors see this view, so a header date is never reported as a mention and no
        extractor has to know that headers exist.
        """
        if not self.body_start:
            return self
        blank = " " * self.body_start + self.text[self.body_start :]
        return Document(self.id, blank, self.lang, self.date, self.source, self.body_start)


@dataclass(frozen=True, slots=True)
class Mention:
    """One span of a document, with what it means.

    ``norm`` is a canonical string (ISO code, ISO date, canonical name), ``value`` and
    ``unit`` a number with its unit, ``per`` what a rate of money is per ("bbl" in "$78 a
    barrel", "person"), since a price's unit stays its currency. ``extractor`` is the
    plugin name that produced it, so an analyst can trace every row.
    """

    label: str
    start: int
    end: int
    text: str
    norm: str | None = None
    value: float | None = None
    unit: str | None = None
    per: str | None = None
    extractor: str = ""
    score: float | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class DocError:
    """A file or document that could not be processed, and what to do about it."""

    source: str
    error: str
    doc_id: str | None = None
