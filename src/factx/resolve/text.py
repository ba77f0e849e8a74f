"""Comparing names: the folded form that case and diacritics do not change."""

from __future__ import annotations

import unicodedata

import regex

CYRILLIC = regex.compile(r"\p{Cyrillic}")


def fold(text: str) -> str:
    """Case- and diacritic-free form, for comparing names."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("đ", "d")
