"""The Russian morphological analyser, one per pipeline set for every part that reads words.

pymorphy3's analyser (the ``ru`` extra) takes ~60 ms and 15 MB to load. Person names
(:mod:`factx.resolve.lemmas`: the nominative of a case form) and the tense of a date's
sentence (:mod:`factx.rules.tense_morph`: whether a word is a past or future verb) both
parse words with it, and each used to load its own, so every Russian worker paid twice.
A parse depends on the word alone and the analyser keeps nothing a caller could change,
so the pipeline's :class:`factx.resources.Resources` keeps one (``get(analyzer)``) and
hands it to both.
"""

from __future__ import annotations

from typing import Any


def analyzer() -> Any | None:
    """A pymorphy3 analyser; None without the ``ru`` extra."""
    try:
        import pymorphy3
    except ImportError:
        return None
    return pymorphy3.MorphAnalyzer()
