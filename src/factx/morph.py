"""One Russian morphological analyser per process, for every part that reads words with it.

pymorphy3's analyser (the ``ru`` extra) takes ~60 ms and 15 MB to load. Person names
(:mod:`factx.resolve.names`: the lemma of a case form) and the tense of a date's sentence
(:mod:`factx.rules.tense_morph`: whether a word is a past or future verb) both parse words
with it, and each used to load its own, so every Russian worker paid twice. A parse
depends on the word alone and the analyser keeps nothing a caller could change, so one
shared analyser gives every caller the answers its own would have.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def analyzer() -> Any | None:
    """The process's pymorphy3 analyser, loaded on the first call; None without the
    ``ru`` extra."""
    try:
        import pymorphy3
    except ImportError:
        return None
    return pymorphy3.MorphAnalyzer()
