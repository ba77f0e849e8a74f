"""Names in the nominative, read with pymorphy3 (Russian, the ``ru`` extra).

A person's name comes in every case ("Петровой", "Ивану Петрову"), and so do the names of
organisations and places ("Министерства финансов", "в Нижнем Новгороде"); the norms that
join a document's mentions are their nominative forms. The analyser is passed in (the
process keeps one, :mod:`factx.morph`, which the date tenses read too); without one a name
stays as it is written. Names recur through a corpus, so each reading is cached.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex

QUOTES = regex.compile(r"[«»“”„\"']")
SPACE = regex.compile(r"\s+")
PERSON_TAGS = frozenset({"Name", "Surn", "Patr"})
CASES = ("gent", "accs", "datv", "ablt", "loct")
CACHE = 1 << 16  # names and words remembered per instance


class Lemmas:
    """Nominative forms of names over ``morph`` (a pymorphy3 analyser, or None)."""

    def __init__(self, morph: Any | None) -> None:
        self.morph = morph
        self.parse = lru_cache(maxsize=CACHE)(self._parse)
        self.person = lru_cache(maxsize=CACHE)(self._person)
        self.org = lru_cache(maxsize=CACHE)(self._org)

    def _parse(self, word: str) -> tuple:
        return tuple(self.morph.parse(word))

    def _person(self, text: str) -> str:
        """A person's name in the nominative, its words agreeing in gender and case."""
        words = SPACE.sub(" ", text.strip()).split(" ")
        if self.morph is None:
            return " ".join(words)
        parses = [
            [p for p in self.parse(w) if PERSON_TAGS & p.tag.grammemes and p.tag.number != "plur"]
            for w in words
        ]
        genders = [p.tag.gender for ps in parses for p in ps if "Name" in p.tag.grammemes]
        gender = genders[0] if genders else next((ps[0].tag.gender for ps in parses if ps), None)
        fits = [[p for p in ps if p.tag.gender in (gender, None)] or ps for ps in parses]
        cases = [{p.tag.case for p in fit} for fit in fits if fit]
        common = set.intersection(*cases) if cases else {"nomn"}
        if "nomn" in common:
            return " ".join(words)
        case = next((c for c in CASES if c in common), None)
        out = []
        for word, fit in zip(words, fits, strict=True):
            parse = next((p for p in fit if p.tag.case == case), fit[0] if fit else None)
            form = parse.inflect({"nomn", "sing"}) if parse else None
            out.append(_capitalise(form.word, word) if form else word)
        return " ".join(out)

    def _org(self, text: str) -> str:
        """A name with its leading adjectives and head noun in the nominative.

        Serves organisations ("Министерства финансов") and places ("Нижнем Новгороде")
        alike."""
        text = SPACE.sub(" ", QUOTES.sub("", text)).strip()
        if self.morph is None:
            return text
        words = text.split(" ")
        for i, word in enumerate(words):
            if word.isupper() or not word.isalpha():
                break  # abbreviations and codes are not inflected: "ООН", "АБН24"
            parse = self.parse(word)[0]
            if parse.tag.POS not in ("ADJF", "NOUN"):
                break
            head = next((p for w in words[i:] if (p := self.parse(w)[0]).tag.POS == "NOUN"), None)
            wanted = {"nomn"} | ({head.tag.number} if head and head.tag.number else set())
            if parse.tag.POS == "ADJF" and head is not None and head.tag.gender:
                wanted.add(head.tag.gender)
            form = parse.inflect(wanted)
            if form:
                words[i] = _capitalise(form.word, word) if word[:1].isupper() else form.word
            if parse.tag.POS == "NOUN":
                break
        return " ".join(words)


def _capitalise(word: str, like: str) -> str:
    return "-".join(p.capitalize() for p in word.split("-")) if like[:1].isupper() else word
