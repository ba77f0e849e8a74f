"""One parsed sentence with its mentions, indexed once: which token lies in which entity
and which in a date, duration or amount. Shared by the fact assembly in
:mod:`factx.link.attach` and the helpers it uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from factx.link.fact import AMOUNTS, Phrase
from factx.link.rules import Rules
from factx.link.tree import Token, Tree
from factx.model import Mention

ENTITIES = ("PERSON", "ORG", "COUNTRY", "LOCATION")


@dataclass
class Context:
    """One parsed sentence [start, end) of a document, with its mentions."""

    text: str
    start: int
    end: int
    tree: Tree
    mentions: list[Mention]
    rules: Rules
    entities: list[Mention] = field(init=False)
    _entity: dict[int, Mention] = field(init=False)
    facts: frozenset[int] = field(init=False)

    def __post_init__(self) -> None:
        """Which token lies in which entity, and which in a date, duration or amount,
        worked out once per sentence: a sentence may hold hundreds of numbers."""
        self.entities = [m for m in self.mentions if str(m.label) in ENTITIES]
        self._entity = {}
        facts: set[int] = set()
        spans = [m for m in self.mentions if str(m.label) in (*AMOUNTS, "DATE", "DURATION")]
        for m in self.entities:
            for t in self.tree.covering(m.start, m.end):
                self._entity.setdefault(t.i, m)
        for m in spans:
            facts.update(t.i for t in self.tree.covering(m.start, m.end))
        self.facts = frozenset(facts)

    def entity_at(self, t: Token) -> Mention | None:
        return self._entity.get(t.i)

    def is_fact_span(self, t: Token) -> bool:
        """A token inside a date, duration or amount: never measured or holder."""
        return t.i in self.facts

    def span(self, a: int, b: int) -> Phrase:
        s, e = self.tree.tokens[a].start, self.tree.tokens[b].end
        return Phrase(s, e, self.text[s:e])
