"""Mentions that name a country become COUNTRY, normalised to ISO 3166-1 alpha-2.

Names come from CLDR's territory names per locale (Babel) and ISO 3166 (pycountry), plus a
small per-language file of informal names (``lang/<code>/countries.toml``). Inflected
forms ("России", "Китаем") match through a Snowball stemmer run to a fixed point on both
sides; where two countries share a stem (Австрия, Австралия), the name sharing the longest
prefix with the mention wins.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from functools import cache, lru_cache

import pycountry
import regex
import snowballstemmer
from babel import Locale, UnknownLocaleError

from factx import lang as langdata
from factx.cache import Words, stored
from factx.model import Label, Mention

STEMMERS = {"ru": "russian", "uk": "russian", "en": "english"}
WORD = regex.compile(r"\w+")
ISO2 = frozenset(c.alpha_2 for c in pycountry.countries)
# Labels a statistical tagger may give a bare country name ("Nga" tagged PER is common).
RELABEL = frozenset({Label.LOCATION, Label.PERSON, Label.ORG})


def shared_prefix(a: str, b: str) -> int:
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


def official_names(lang: str) -> list[tuple[str, str]]:
    """CLDR's territory names in ``lang`` (and ISO 3166's own, for English)."""
    try:
        territories = Locale.parse(lang).territories
    except (UnknownLocaleError, ValueError):
        territories = {}
    names = [(n, c) for c, n in territories.items() if c in ISO2]
    if lang == "en":
        for field in ("name", "official_name", "common_name"):
            names += [
                (getattr(c, field), c.alpha_2) for c in pycountry.countries if hasattr(c, field)
            ]
    return names


def english_names() -> list[tuple[str, str]]:
    return official_names("en") + list(langdata.load("en", "countries").get("aliases", {}).items())


class CountryNames:
    """A lookup from a place name, in any case form, to its ISO code, for one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        name = STEMMERS.get(lang)
        self.stemmer = snowballstemmer.stemmer(name) if name else None
        data = langdata.load(lang, "countries")
        self.prefixes = tuple(p.casefold() + " " for p in data.get("prefixes", ()))
        # English names first (news in any language writes "Myanmar" or "UAE"), then the
        # language's CLDR names, then its curated informal names: later entries win.
        own = official_names(lang) + list(data.get("aliases", {}).items())
        names = ([] if lang == "en" else english_names()) + own
        # One name per country to write out, the shortest of the language's own ("США",
        # "Mỹ"), alphabet breaking ties: "МИД КНР" and "МИД Китая" name one ministry.
        self.short: dict[str, str] = {}
        for n, c in sorted(own, key=lambda nc: (len(nc[0]), nc[0])):
            if n[:1].isupper():
                self.short.setdefault(c, n)
        # The same few country names recur in every document: look each form up once.
        self.code = lru_cache(maxsize=1 << 16)(self._code)
        self.exact = {self.clean(n): c for n, c in names}
        # Stemming every name to a fixed point is the slow part: kept on disk (factx.cache).
        build = lambda: {clean: self.stem(clean) for clean in self.exact}  # noqa: E731
        stems: Words = {}
        if self.stemmer:
            packages = ("snowballstemmer", "PyStemmer")
            stems = stored(f"country-stems-{lang}", build, (__file__,), packages)
        self.stems: dict[str, dict[str, str]] = defaultdict(dict)
        for n, c in names:
            clean = self.clean(n)
            stem = stems.get(clean) if isinstance(stems, dict) else None
            self.stems[stem or self.stem(clean)][clean] = c

    def clean(self, text: str) -> str:
        text = text.casefold().replace("ё", "е").replace(".", "").replace("’", "'")
        text = " ".join(WORD.findall(text))
        for prefix in self.prefixes:
            text = text.removeprefix(prefix)
        return text

    def stem(self, clean: str) -> str:
        if not self.stemmer:
            return clean
        return " ".join(self._fixpoint(w) for w in clean.split())

    def _fixpoint(self, word: str) -> str:
        while (shorter := self.stemmer.stemWord(word)) != word:
            word = shorter
        return word

    def _code(self, text: str) -> str | None:
        clean = self.clean(text)
        if clean in self.exact:
            return self.exact[clean]
        candidates = self.stems.get(self.stem(clean), {})
        if len(set(candidates.values())) <= 1:
            return next(iter(candidates.values()), None)
        scored = sorted(((shared_prefix(clean, n), c) for n, c in candidates.items()), reverse=True)
        return scored[0][1] if scored[0][0] > scored[1][0] else None


@cache
def country_names(lang: str) -> CountryNames:
    """One table per language and process: the resolver and the gazetteers of every
    language (which look up English names too) share it, and stemming every CLDR name
    costs a tenth of a second or more."""
    return CountryNames(lang)


class CountryResolver:
    """Turns mentions that are countries into COUNTRY with an ISO code."""

    def __init__(self, lang: str) -> None:
        self.names = country_names(lang)

    def __call__(self, mentions: list[Mention]) -> list[Mention]:
        out = []
        for m in mentions:
            code = self.names.code(m.text) if m.label in RELABEL else None
            if code and (m.label == Label.LOCATION or self.names.clean(m.text) in self.names.exact):
                m = dataclasses.replace(m, label=Label.COUNTRY, norm=code)
            out.append(m)
        return out
