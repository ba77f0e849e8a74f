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
