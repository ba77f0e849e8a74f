"""The words each language links with, from ``lang/<code>/links.toml``.

Code only loads them: which verbs state a rise or a fall, which nouns merely wrap an
amount, which predicates state a level, relative pronouns, purpose prepositions and
attribution phrases are language data.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

LANG = Path(__file__).resolve().parents[1] / "lang"


@dataclass(frozen=True)
class LinkWords:
    prefix: bool
    up: tuple[str, ...]
    down: tuple[str, ...]
    wrappers: tuple[str, ...]
    levels: tuple[str, ...]
    relatives: tuple[str, ...]
    purposes: tuple[str, ...]
    sources: tuple[str, ...]
    distances: tuple[str, ...]
    genitives: tuple[str, ...]
    properties: tuple[str, ...]
    origins: tuple[str, ...]
    approximators: tuple[str, ...]
    penalties: tuple[str, ...]
    debtors: tuple[str, ...]
    dimensions: tuple[str, ...]
    contents: tuple[str, ...]
    possessors: tuple[str, ...]
    destinations: tuple[str, ...]
    comparisons: tuple[str, ...]

    @classmethod
    def load(cls, lang: str) -> LinkWords:
        """The words of ``lang``; a language without a links.toml links by syntax alone."""
        path = LANG / lang / "links.toml"
        data = tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}

        def words(key: str) -> tuple[str, ...]:
            return tuple(w.lower() for w in data.get(key, ()))

        return cls(
            data.get("match", "word") == "prefix",
            words("up"),
            words("down"),
            words("wrappers"),
            words("levels"),
            words("relatives"),
            words("purposes"),
            words("sources"),
            words("distances"),
            words("genitives"),
            words("properties"),
            words("origins"),
            words("approximators"),
            words("penalties"),
            words("debtors"),
            words("dimensions"),
            words("contents"),
            words("possessors"),
            words("destinations"),
            words("comparisons"),
        )

    def has(self, kind: str, word: str) -> bool:
        """Whether ``word`` (a lemma or lower-cased form) is among the words of ``kind``."""
        word = word.lower()
        options: tuple[str, ...] = getattr(self, kind)
        if self.prefix and kind not in (
            "purposes",
            "distances",
            "genitives",
            "origins",
            "approximators",
            "possessors",
            "destinations",
            "comparisons",
        ):
            return any(word.startswith(w) for w in options)
        return word in options
