"""One canonical name per organisation, from the words of ``lang/<code>/names.toml``.

An organisation is written many ways: with or without its legal form ("Microsoft Corp." /
"Microsoft", "ПАО «Сбербанк»" / "Сбербанк"), with the home country as a qualifier
("Минфин РФ" / "Минфин"), by an official short form ("ЦБ" / "Банк России") or by an
abbreviation of its words ("IMF", "UBND", "Минфин" for "Министерство финансов"). The norm
drops what does not tell organisations apart and maps known short forms to their full
name; abbreviations join a full name only where exactly one in sight fits them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
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


@lru_cache(maxsize=1 << 16)
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
    # (folded letters, one letter per word) for each token
    pieces = [(fold(t), sum(c.isupper() for c in t) >= 2 or len(t) == 1) for t in tokens]
    # Depth-first over (piece, letter within it, word): each state is met once.
    todo, seen = [(0, 0, 0)], set()
    while todo:
        state = todo.pop()
        if state in seen:
            continue
        seen.add(state)
        p, at, w = state
        if p == len(pieces):
            if w == len(words):
                return True
            continue
        letters, one_each = pieces[p]
        if at == len(letters):
            todo.append((p + 1, 0, w))
        elif w < len(words):
            word = words[w]
            if one_each:
                if word[:1] == letters[at]:
                    todo.append((p, at + 1, w + 1))
            else:
                todo += [
                    (p, at + n, w + 1)
                    for n in range(2, min(len(word), len(letters) - at) + 1)
                    if word[:n] == letters[at : at + n]
                ]
    return False


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

    def index(self, names: Iterable[str]) -> AbbreviationIndex:
        """Full names indexed so an abbreviation meets only those it could spell."""
        tables: tuple[dict[str, list[str]], ...] = tuple(defaultdict(list) for _ in range(3))
        for name in dict.fromkeys(names):
            content = [w for w in key(name) if w not in self.skips]
            if len(content) > 1:
                tables[0]["".join(w[:1] for w in content)].append(name)
                tables[1][content[0][:1] + content[1][:1]].append(name)
                tables[2][content[0][:2]].append(name)
        return AbbreviationIndex(self, *(dict(t) for t in tables))


@dataclass(frozen=True)
class AbbreviationIndex:
    """Full names by what an abbreviation of them must start with, so finding the names an
    abbreviation fits costs the few that share its first letters, not every name in sight
    (a document may hold thousands of organisations, a corpus far more).

    Each key is a necessary condition of :func:`abbreviates`: a short form of initials
    alone spells every initial ("МИД"); one that starts with initials spells the first
    letters of the first two words; any other starts with two letters or more of the
    first word ("Минфин", "Bộ GD-ĐT").
    """

    words: OrgWords
    by_initials: dict[str, list[str]]
    by_two_initials: dict[str, list[str]]
    by_start: dict[str, list[str]]

    def candidates(self, short: str) -> list[str]:
        """The names ``short`` could abbreviate: a superset of those it does."""
        tokens = TOKEN.findall(short)
        if not tokens:
            return []
        letters = fold("".join(tokens))
        if initials(short):
            return self.by_initials.get(letters, [])
        first = tokens[0]
        if sum(c.isupper() for c in first) >= 2 or len(first) == 1:
            return self.by_two_initials.get(letters[:2], [])
        return self.by_start.get(letters[:2], [])

    def expansions(self, short: str) -> list[str]:
        """The names ``short`` abbreviates, in the order given; none unless it is one."""
        if not is_abbreviation(short, self.words.compounds):
            return []
        skips = self.words.skips
        return [f for f in self.candidates(short) if abbreviates(short, key(f), skips)]


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
