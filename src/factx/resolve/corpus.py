"""Corpus-level joins: one norm per person and per organisation across documents.

Two norms join only on evidence, since two rows for one person are a smaller error than
one row for two people:

- the same words, case and diacritics aside ("Nguyen Xuan Phuc" = "Nguyễn Xuân Phúc");
- the same name in another script: a name transliterated from Cyrillic joins the one
  Latin-script name whose words match it word by word, with spelling variants and vowels
  aside (``[loose]`` in ``lang/ru/translit.toml``: "Tramp" ~ "Trump");
- a surname alone joins the one full name in the corpus that ends with it ("Putin" →
  "Vladimir Putin"), except after a Vietnamese or East Asian surname, where the last word
  is a given name shared by many ("Minh" is nobody's short form across documents);
- an abbreviation of an organisation joins the one full name in its language whose words
  it abbreviates (factx.resolve.orgs).

Consonant skeletons alone are no evidence: "Hoàng" and "Nghĩa" share one.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache

import pandas as pd
import regex

from factx import lang as langdata
from factx import tables
from factx.model import Label
from factx.resolve.orgs import org_words
from factx.resolve.text import CYRILLIC, fold

VOWELS = regex.compile(r"[aeiouy]+")
REPEATS = regex.compile(r"(.)\1+")
Key = tuple[str, ...]


@cache
def _loose_table() -> tuple[tuple[str, str], ...]:
    return tuple(langdata.load("ru", "translit").get("loose", {}).items())


@cache
def loose(word: str) -> str:
    """A Latin spelling with transliteration variants made equal and later vowels aside."""
    word = fold(word)
    for a, b in _loose_table():
        word = word.replace(a, b)
    return REPEATS.sub(r"\1", word[:1] + VOWELS.sub("", word[1:]))


@cache
def _vietnamese() -> tuple[frozenset[str], frozenset[str]]:
    data = langdata.load("vi", "names")
    surnames = frozenset(fold(s) for s in data.get("surnames", ()))
    return surnames, frozenset(data.get("name_marks", ()))


def given_name_last(words: list[str]) -> bool:
    """A Vietnamese name, or one written surname-first like it (Vietnamese's list of
    surnames covers the common Chinese and Korean ones: Kim, Lý, Trương): its last word is
    a given name that many people share, so no short form of it across documents."""
    surnames, letters = _vietnamese()
    if fold(words[0]) in surnames:
        return True
    return any(c in letters for w in words for c in unicodedata.normalize("NFD", w.casefold()))


class Joins:
    """Union-find over norms: each group is written as its longest member, each word
    spelt as the group writes it most. ``native`` norms come from Latin-script text; a
    word transliterated from Cyrillic takes their spelling ("Tramp" → "Trump")."""

    def __init__(self, counts: Counter, native: set[str] | None = None) -> None:
        self.counts = counts
        self.native = set(counts) if native is None else native
        self.parent = {n: n for n in counts}

    def find(self, n: str) -> str:
        while self.parent[n] != n:
            self.parent[n] = self.parent[self.parent[n]]
            n = self.parent[n]
        return n

    def join(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)

    def spelling(self) -> dict[str, str]:
        groups: dict[str, list[str]] = defaultdict(list)
        for n in self.counts:
            groups[self.find(n)].append(n)
        out = {}
        for members in groups.values():
            out.update(dict.fromkeys(members, self._written(members)))
        return out

    def _written(self, members: list[str]) -> str:
        """The group's spelling. Most groups are one norm whose words fold apart: it is
        written as it is, with nothing folded twice or transliterated for nothing."""
        if len(members) == 1:
            words = members[0].split(" ")
            if len({fold(w) for w in words}) == len(words):
                return members[0]
        same: dict[str, Counter] = defaultdict(Counter)
        for n in members:
            for word in n.split(" "):
                same[fold(word)][word] += self.counts[n]
        longest = max(members, key=lambda n: (len(n.split(" ")), self.counts[n], n))
        if longest in self.native:
            pools = [same[fold(w)] for w in longest.split(" ")]
        else:  # transliterated: the Latin-script sources' spelling of each word counts too
            latin: dict[str, Counter] = defaultdict(Counter)
            for n in members:
                if n in self.native:
                    for word in n.split(" "):
                        latin[loose(word)][word] += self.counts[n]
            pools = [same[fold(w)] + latin[loose(w)] for w in longest.split(" ")]
        return " ".join(max(pool.items(), key=_preferred)[0] for pool in pools)


def _preferred(spelling: tuple[str, int]) -> tuple:
    """Most written first; of equals, the one with diacritics, then a capital first
    letter, then capitals throughout for a short word ("VKS" over "Vks") and not for a
    long one ("Kowalczyk" over a headline's "KOWALCZYK"); the alphabet settles the rest,
    so every run picks the same."""
    word, count = spelling
    shape = (word[:1].isupper(), word.isupper() == (len(word) <= 4))
    return (count, len(word.encode()), shape, word)


def _words(norm: str) -> Key:
    return tuple(fold(w) for w in norm.split(" ") if w)


def _same_words(norms: Iterable[str], joins: Joins) -> None:
    """Join norms that differ in case only, and a name of two or more words written
    without diacritics with the one accented spelling it stands for ("Nguyen Xuan Phuc" =
    "Nguyễn Xuân Phúc"). Two accented spellings stay apart: "Hoa" and "Hòa" are two
    names, and so is a bare "Hoa" beside "Hòa", which nothing says is unaccented."""
    by_words: dict[Key, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for norm in norms:
        by_words[_words(norm)][norm.casefold()].append(norm)
    for words, spellings in by_words.items():
        for same in spellings.values():
            for other in same[1:]:
                joins.join(other, same[0])
        plain = [s for s in spellings if s.isascii()]
        accented = [s for s in spellings if not s.isascii()]
        if len(words) > 1 and len(plain) == 1 and len(accented) == 1:
            joins.join(spellings[plain[0]][0], spellings[accented[0]][0])


def _unique(candidates: Iterable[str], joins: Joins) -> str | None:
    roots = {joins.find(c) for c in candidates}
    return roots.pop() if len(roots) == 1 else None


def unify_people(mentions: pd.DataFrame) -> pd.Series:
    """The corpus-wide norm of each PERSON mention (index of ``mentions``)."""
    people = mentions[(mentions["label"] == str(Label.PERSON)) & mentions["norm"].notna()]
    if people.empty:
        return pd.Series(dtype="string")
    # Latin-script sources spell names as their readers know them: they outweigh ours.
    counts: Counter[str] = Counter()
    latin_norms: set[str] = set()
    texts = tables.values(people["text"])
    for norm, text in zip(tables.values(people["norm"]), texts, strict=True):
        native = not _cyrillic(text)
        counts[norm] += 1 + 1000 * native
        if native:
            latin_norms.add(norm)
    joins = Joins(counts, latin_norms)
    _same_words(counts, joins)
    by_loose: dict[Key, list[str]] = defaultdict(list)
    for norm in latin_norms:
        by_loose[tuple(loose(w) for w in _words(norm))].append(norm)
    for norm in counts.keys() - latin_norms:  # written only in Cyrillic in this corpus
        match = _unique(by_loose.get(tuple(loose(w) for w in _words(norm)), ()), joins)
        if match:
            joins.join(norm, match)
    _surnames(counts, latin_norms, joins)
    spelling = joins.spelling()
    return people["norm"].map(spelling)


def _cyrillic(text: object) -> bool:
    """Per value, with the ``regex`` module: pandas' own ``str.contains`` reads ``\\p{..}``
    only with pyarrow-backed strings (RE2), and raises on Python-backed ones."""
    return isinstance(text, str) and bool(CYRILLIC.search(text))


def _surnames(counts: Counter, latin_norms: set[str], joins: Joins) -> None:
    tails: dict[str, list[str]] = defaultdict(list)
    loose_tails: dict[str, list[str]] = defaultdict(list)
    for norm in counts:
        words = _words(norm)
        if len(words) > 1 and not given_name_last(norm.split(" ")):
            tails[words[-1]].append(norm)
            loose_tails[loose(words[-1])].append(norm)
    for norm in counts:
        words = _words(norm)
        if len(words) != 1 or len(words[0]) < 3:
            continue
        match = _unique(tails.get(words[0], ()), joins)
        if match is None:  # across scripts: "Trump" ends "Donald Tramp" (from "Трамп")
            fulls = loose_tails.get(loose(words[0]), ())
            cross = (f for f in fulls if (norm in latin_norms) != (f in latin_norms))
            match = _unique(cross, joins)
        if match:
            joins.join(norm, match)


def unify_orgs(mentions: pd.DataFrame) -> pd.Series:
    """The corpus-wide norm of each ORG mention (index of ``mentions``)."""
    orgs = mentions[(mentions["label"] == str(Label.ORG)) & mentions["norm"].notna()]
    if orgs.empty:
        return pd.Series(dtype="string")
    norms = tables.values(orgs["norm"])
    counts = Counter(norms)
    joins = Joins(counts)
    _same_words(counts, joins)
    langs: dict[str, Counter[str]] = {norm: Counter() for norm in counts}
    for norm, lang in zip(norms, tables.values(orgs["lang"]), strict=True):
        if lang is not None:
            langs[norm][lang] += 1
    # Each norm goes to the language most of its mentions are in (the first of equals).
    by_lang: dict[str, list[str]] = defaultdict(list)
    for norm in sorted(langs):
        top = langs[norm].most_common(1)
        by_lang[top[0][0] if top else ""].append(norm)
    for lang, norms in by_lang.items():
        # An abbreviation is tried only against the full names it could spell: a corpus
        # holds thousands (factx.resolve.orgs.AbbreviationIndex).
        index = org_words(lang).index(norms)
        for norm in norms:
            match = _unique(index.expansions(norm), joins)
            if match:
                joins.join(norm, match)
    return orgs["norm"].map(joins.spelling())
