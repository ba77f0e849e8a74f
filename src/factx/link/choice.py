"""What the attachment rules choose for an amount: token indices for what it measures,
who holds it and the predicate linking them. Its own module because every rule module
returns it and :mod:`factx.link.attach` reads it.
"""

from __future__ import annotations

from dataclasses import dataclass

VERBAL = frozenset({"VERB", "AUX", "ADJ"})


@dataclass(frozen=True)
class Attachment:
    """Token indices the rules chose; None where nothing fits."""

    measured: int | None = None
    holder: int | None = None
    predicate: int | None = None
    holder_from_subject: bool = False
    wrappers: frozenset[int] = frozenset()
    direct: bool = False  # attached straight to its noun: no fallback holder
