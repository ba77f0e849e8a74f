"""Facts: an amount joined to what it measures, who holds it, and when.

Frozen dataclasses, like :mod:`factx.model`; tables turn them into rows at the edge.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from factx.model import Mention

# The labels whose mentions are amounts a fact is built around.
AMOUNTS = ("MONEY", "QUANTITY", "PERCENT")


class Change(StrEnum):
    """Whether the amount's own predicate states a rise, a fall, or neither."""

    UP = "up"
    DOWN = "down"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Phrase:
    """A span of the document text: ``text == doc.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Fact:
    """One amount and what a linker attached to it.

    ``holder`` is the phrase that holds or acts; when it is (or holds) an entity mention
    factx found, ``holder_label`` and ``holder_norm`` are that mention's, so a fact joins
    entities.csv. ``score`` in [0, 1] says how much of the fact rests on the syntax rather
    than on fallbacks.
    """

    amount: Mention
    measured: Phrase | None = None
    holder: Phrase | None = None
    holder_label: str | None = None
    holder_norm: str | None = None
    predicate: Phrase | None = None
    change: Change = Change.NONE
    date: str | None = None
    source: Phrase | None = None
    score: float = 0.0
    linker: str = ""
