"""Per-language word lists, kept as data: ``lang/<code>/<topic>.toml``.

Code never spells out month names or country aliases; it asks for a topic here. A language
without a file for a topic simply has no words for it.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any


def path(lang: str, topic: str) -> Traversable:
    return files(__package__) / lang / f"{topic}.toml"


@cache
def load(lang: str, topic: str) -> dict[str, Any]:
    path_ = path(lang, topic)
    if not path_.is_file():
        return {}
    with path_.open("rb") as fh:
        return tomllib.load(fh)


def require(lang: str, topic: str, what: str, key: str | None = None) -> dict[str, Any]:
    """``load``, for a topic an extractor cannot work without (or its ``key``): a missing
    file is a setting to fix, said in terms of the file to add."""
    data = load(lang, topic)
    if not (data.get(key) if key else data):
        raise ValueError(
            f"No {what} for language '{lang}': add src/factx/lang/{lang}/{topic}.toml "
            f"(see lang/en/{topic}.toml for the keys)."
        )
    return data
