"""Comparing names: the folded form that case and diacritics do not change."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

CYRILLIC = regex.compile(r"\p{Cyrillic}")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case- and diacritic-free form, for comparing names. Cached: a corpus repeats its
    names' words thousands of times, and each is folded again at every comparison."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("đ", "d")
