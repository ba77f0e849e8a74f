"""A word's tense from its grammar, where a morphological analyser knows the language.

Russian nouns share the past tense's endings ("посла", "сериала", "персонал" look like
"стала", "сказал"), so an ending alone reads "Встреча посла в пятницу" as a past Friday.
pymorphy3 (the ``ru`` extra) tells a verb from a noun and gives its tense: a past verb,
gerund or active participle ("заявил", "подписав", "состоявшийся") looks back; a perfective
verb in the present form ("прибудет", "подпишет") is a future and looks ahead, as does an
imperfective present with one of the language's ``present_future_endings`` ("снижаются"),
since a present-tense date in news names a scheduled one. A passive participle
("намечена", "подписан") describes a state, not when it happens, and gives no cue.

:func:`load` gives each caller (an extractor instance) its own reader of tenses, with its
own cache, over the process's one analyser (:mod:`factx.morph`, shared with the name
resolver); a language without ``morphology`` in its ``[tense]`` table, or without the
package installed, gets None and keeps the ending rules of :mod:`factx.rules.tense`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from factx.morph import analyzer
from factx.resources import Resources, shared
from factx.rules.timewords import TimeWords

# Which way a cue points; factx.rules.tense re-exports these.
PAST, OPEN, FUTURE = -1, 0, 1
# Parts of speech (OpenCorpora tags) that carry a tense.
VERB, GERUND, PARTICIPLES = "VERB", "GRND", frozenset({"PRTF", "PRTS"})
# Words a sentence repeats: parses are cached per analyser.
CACHE = 1 << 15


class VerbTenses:
    """PAST, FUTURE or OPEN for one lower-case word, from its most likely parse."""

    def __init__(self, analyzer: Any, present_future_endings: Sequence[str] = ()) -> None:
        self.analyzer = analyzer
        self.present_future = tuple(present_future_endings)
        self.of = lru_cache(maxsize=CACHE)(self._tense)

    def _tense(self, word: str) -> int:
        parses = self.analyzer.parse(word)
        if not parses:
            return OPEN
        tag = parses[0].tag
        pos = tag.POS
        tensed = pos in (VERB, GERUND) or (pos in PARTICIPLES and "actv" in tag)
        if tensed and "past" in tag:
            return PAST
        if pos == VERB and "futr" in tag:
            return FUTURE
        if pos == VERB and "pres" in tag and word.endswith(self.present_future):
            return FUTURE
        return OPEN


def load(words: TimeWords, resources: Resources | None = None) -> VerbTenses | None:
    """The language's analyser (the one ``resources`` keeps, else a new one), or None
    where it has none or its extra is not installed (then the ending rules apply)."""
    data = words.data.get("tense", {})
    if data.get("morphology") != "pymorphy3":
        return None
    morph = shared(resources, analyzer)
    if morph is None:
        return None
    return VerbTenses(morph, data.get("present_future_endings", ()))
