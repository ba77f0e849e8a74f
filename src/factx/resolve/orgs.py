"""One canonical name per organisation, from the words of ``lang/<code>/names.toml``.

An organisation is written many ways: with or without its legal form ("Microsoft Corp." /
"Microsoft", "ПАО «Сбербанк»" / "Сбербанк"), with the home country as a qualifier
("Минфин РФ" / "Минфин"), by an official short form ("ЦБ" / "Банк России") or by an
abbreviation of its words ("IMF", "UBND", "Минфин" for "Министерство финансов"). The norm
drops what does not tell organisations apart and maps known short forms to their full
name; abbreviations join a full name only where exactly one in sight fits them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from factx import lang as langdata
from factx.resolve.text import fold

TOKEN = regex.compile(r"[\p{L}\p{M}\d]+")
TRIM = regex.compile(r"^[\s,.;:«»“”„\"'()]+|[\s,;:«»“”„\"'()]+$")


@lru_cache(maxsize=1 << 16)
def key(text: str) -> tuple[str, ...]:
    """Folded words, punctuation aside: "Corp." and "corp" are one word."""
    return tuple(fold(t) for t in TOKEN.findall(text))


def _keys(words) -> tuple[tuple[str, ...], ...]:
    """Phrases as word tuples, longest first, so "Công ty cổ phần" wins over "Công ty"."""
    return tuple(sorted({key(w) for w in words if key(w)}, key=len, reverse=True))


def initials(name: str) -> bool:
    """Whether a name is made of initials only, one letter per word ("ЦБ РФ", "IMF")."""
    tokens = TOKEN.findall(name)
    return bool(tokens) and all(sum(c.isupper() for c in t) >= 2 or len(t) == 1 for t in tokens)


def is_abbreviation(name: str, compounds: bool) -> bool:
    """A name made of initials ("IMF", "Bộ GD-ĐT", "ЦБ РФ"), or, where the language makes
    them, one compound of word beginnings ("Минфин", "Минобороны")."""
    tokens = TOKEN.findall(name)
    if any(sum(c.isupper() for c in t) >= 2 for t in tokens):
        return True
    return compounds and len(tokens) == 1 and tokens[0][:1].isupper() and len(tokens[0]) >= 4


def abbreviates(short: str, full: tuple[str, ...], skips: frozenset[str]) -> bool:
    """Whether ``short`` is spelt from the beginnings of every word of ``full`` in order.

    A token in capitals gives one initial per word ("МИД" = Министерство иностранных дел);
    any other token gives beginnings of two letters or more ("Минфин" = Мин·фин, "Bộ"),
    a word of its own included ("Минобороны" = Мин·обороны). Small words such as "of"
    or "и" may be skipped.
    """
    tokens = TOKEN.findall(short)
    words = tuple(w for w in full if w not in skips) or full
    if len(words) < 2 or len(tokens) >= len(words):
        return False
    pieces: list[tuple[str, bool]] = []  # (folded letters, one letter per word)
    for t in tokens:
        initials = sum(c.isupper() for c in t) >= 2 or len(t) == 1
        pieces.append((fold(t), initials))

    @cache
    def fits(p: int, at: int, w: int) -> bool:
        if p == len(pieces):
            return w == len(words)
        letters, initials = pieces[p]
        if at == len(letters):
            return fits(p + 1, 0, w)
        if w == len(words):
            return False
        word = words[w]
        if initials:
            return word[:1] == letters[at] and fits(p, at + 1, w + 1)
        for n in range(min(len(word), len(letters) - at), 1, -1):
            if word[:n] == letters[at : at + n] and fits(p, at + n, w + 1):
                return True
        return False

    return fits(0, 0, 0)


@dataclass(frozen=True)
class OrgWords:
    """A language's words for organisation norms (``lang/<code>/names.toml``)."""

    forms_before: tuple[tuple[str, ...], ...]
    forms_after: tuple[tuple[str, ...], ...]
    home: tuple[tuple[str, ...], ...]
    skips: frozenset[str]
    aliases: dict[tuple[str, ...], str]
    compounds: bool

    def canonical(self, name: str, qualifier: str | None = None) -> str:
        """The norm of a name, and of the country written right after it, if any.

        The home country qualifies nothing ("Минфин РФ" = "Минфин"); another country
        stays, since "Минфин США" is another ministry.
        """
        name = TRIM.sub("", name)
        if qualifier and not self._home(key(qualifier)):
            return f"{self._name(name)} {qualifier}"
        return self._name(name)

    def _name(self, name: str) -> str:
        words = name.split()
        for form in self.forms_before:
            rest = words[len(form) :]
            if key(" ".join(words[: len(form)])) == form and rest and _capitalised(rest):
                words = rest
                break
        stripped = True
        while stripped and len(words) > 1:
            stripped = False
            for form in self.forms_after:
                if len(words) > len(form) and key(" ".join(words[-len(form) :])) == form:
                    words, stripped = words[: -len(form)], True
                    break
        name = TRIM.sub("", " ".join(words))
        if key(name) in self.aliases:
            return self.aliases[key(name)]
        for home in self.home:
            rest = words[: -len(home)]
            if len(words) > len(home) and key(" ".join(words[-len(home) :])) == home:
                shorter = TRIM.sub("", " ".join(rest))
                if key(shorter) in self.aliases:
                    return self.aliases[key(shorter)]
                if len(rest) > 1 or is_abbreviation(shorter, compounds=False):
                    return shorter
        return name

    def _home(self, words: tuple[str, ...]) -> bool:
        return words in self.home

    def abbreviates(self, short: str, full: str) -> bool:
        return is_abbreviation(short, self.compounds) and abbreviates(short, key(full), self.skips)


def _capitalised(words: list[str]) -> bool:
    return all(w[:1].isupper() or w[:1].isdigit() or not w[:1].isalpha() for w in words)


@cache
def org_words(lang: str) -> OrgWords:
    data = langdata.load(lang, "names")
    aliases: dict[tuple[str, ...], str] = {}
    for short, full in data.get("org_aliases", ()):
        aliases[key(short)] = full
        aliases[key(full)] = full
    return OrgWords(
        forms_before=_keys(data.get("org_forms_before", ())),
        forms_after=_keys(data.get("org_forms_after", ())),
        home=_keys(data.get("home_qualifiers", ())),
        skips=frozenset(fold(w) for w in data.get("abbreviation_skips", ())),
        aliases=aliases,
        compounds=bool(data.get("compound_abbreviations", False)),
    )
