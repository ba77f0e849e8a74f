"""Term files compiled into one regex per language: ``terms/<lang>.toml``.

A term is its words with named endings in braces, ``"редкоземельн{adj} металл{hard}"``.
Russian declines, and a list of every case form of every phrase is a list nobody checks; the
endings are regex fragments defined next to the words in the same file, so a language's
grammar stays data and this module only assembles it.
"""

from __future__ import annotations

import tomllib
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import regex

PLACEHOLDER = regex.compile(r"\{(\w+)\}")
# Between the words of a term: any spacing, a line break, or a hyphen ("rare-earth").
GAP = r"(?:[\s\-\u2010\u2011]+)"


@dataclass(frozen=True)
class Lexicon:
    """The compiled terms of one language; ``norms[i]`` belongs to the group ``t<i>``."""

    pattern: regex.Pattern[str]
    norms: tuple[str, ...]

    def find(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Whole-word, case-insensitive, non-overlapping; where terms start together the
        longest wins (POSIX matching), so "редкоземельных металлов" beats "металлов"."""
        for match in self.pattern.finditer(text):
            yield match.start(), match.end(), self.norms[int(match.lastgroup[1:])]


@cache
def read(lang: str) -> dict[str, Any]:
    path = files(__package__) / "terms" / f"{lang}.toml"
    if not path.is_file():
        return {}
    with path.open("rb") as fh:
        return tomllib.load(fh)


def _literal(text: str) -> str:
    """Text in either Unicode normal form: Vietnamese from some sources arrives decomposed."""
    forms = dict.fromkeys(unicodedata.normalize(form, text) for form in ("NFC", "NFD"))
    if len(forms) == 1:
        return regex.escape(text)
    return "(?:" + "|".join(regex.escape(f) for f in forms) + ")"


def term_pattern(term: str, endings: Mapping[str, str], where: str) -> str:
    words = []
    for word in term.split():
        parts = PLACEHOLDER.split(word)  # literal, ending name, literal, ending name, …
        out = []
        for i, part in enumerate(parts):
            if i % 2 == 0:
                out.append(_literal(part) if part else "")
            elif part in endings:
                out.append(f"(?:{endings[part]})")
            else:
                have = ", ".join(sorted(endings)) or "none"
                raise ValueError(
                    f"{where}: term {term!r} uses ending {{{part}}}, which is not defined "
                    f"under [endings] (defined: {have})."
                )
        words.append("".join(out))
    pattern = GAP.join(words)
    if not words or regex.fullmatch(pattern, ""):
        raise ValueError(f"{where}: term {term!r} would match empty text.")
    return pattern


@cache
def build(lang: str, extra_terms: tuple[tuple[str, str], ...] = ()) -> Lexicon:
    """The language's term file plus ``extra_terms``, which override it term by term."""
    data = read(lang)
    endings: dict[str, str] = data.get("endings", {})
    extra = dict(extra_terms)
    terms = {**data.get("terms", {}), **extra}
    alternatives, norms = [], []
    for term, norm in terms.items():
        where = "extra_terms" if term in extra else f"terms/{lang}.toml"
        if not isinstance(norm, str) or not norm.strip():
            raise ValueError(f"{where}: term {term!r} needs a non-empty norm, got {norm!r}.")
        body = term_pattern(term, endings, where)
        alternatives.append(f"(?P<t{len(norms)}>{body})")
        norms.append(norm)
    if not alternatives:
        return Lexicon(regex.compile(r"(?!)"), ())
    pattern = r"(?p)(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)"
    return Lexicon(regex.compile(pattern, regex.IGNORECASE), tuple(norms))
