"""Counts and the precision, recall and F1 they give, and what one scored line holds."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Score:
    """``empty`` is the figure for 0/0: 0 for NER, as seqeval and spaCy count; 1 for facts,
    where a text with nothing to find and nothing found (a precision trap) is right."""

    gold: int = 0
    found: int = 0
    gold_hit: int = 0
    found_hit: int = 0
    empty: float = 0.0

    @property
    def blank(self) -> bool:
        """Nothing in the gold and nothing found: no figure to give. ``empty`` would say 0
        for NER and 1 for facts, both misleading, so the table prints "-" and JSON null."""
        return not self.gold and not self.found

    @property
    def precision(self) -> float:
        return self.found_hit / self.found if self.found else self.empty

    @property
    def recall(self) -> float:
        return self.gold_hit / self.gold if self.gold else self.empty

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.gold + other.gold,
            self.found + other.found,
            self.gold_hit + other.gold_hit,
            self.found_hit + other.found_hit,
            self.empty,
        )

    def as_dict(self) -> dict[str, float | int | None]:
        figures = (self.precision, self.recall, self.f1)
        p, r, f1 = (None,) * 3 if self.blank else (round(x, 4) for x in figures)
        return {"gold": self.gold, "found": self.found, "precision": p, "recall": r, "f1": f1}


@dataclass(frozen=True)
class Line:
    """The scores of one label (or "micro") in one language; ``scores`` are named, e.g.
    exact and partial for NER."""

    lang: str
    label: str
    scores: tuple[tuple[str, Score], ...]

    @property
    def n(self) -> int:
        return self.scores[0][1].gold


@dataclass(frozen=True)
class Case:
    """One miss (a gold item not found) or extra (a mention not in the gold), for a user
    to read: errors_by_case.csv."""

    doc_id: str
    lang: str
    kind: str  # "missed" or "spurious"
    label: str
    text: str
    start: int | None
    end: int | None
    expected: str
    found: str
    sentence: str
