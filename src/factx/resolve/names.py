"""One canonical norm per person and organisation within a document.

PERSON: each name is lemmatised (Russian case forms through pymorphy3, when the ``ru``
extra is installed), written in Latin letters (``lang/<code>/translit.toml``), and a short
form ("Путина", "Trump", "Xuân Phúc") takes the norm of the one longer name in the document
that it ends; a surname tagged ORG or LOCATION after its full name becomes that PERSON.
ORG: the canonical name of :mod:`factx.resolve.orgs`, and an abbreviation takes the norm of
the name it is defined for ("… (EEF)") or abbreviates; Russian names of organisations and
places are put in the nominative. The corpus-wide step, which joins the same person or
organisation across documents and scripts, is :func:`factx.entities.unify`.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from functools import cache

import regex

from factx import lang as langdata
from factx.model import Document, Label, Mention
from factx.morph import analyzer
from factx.resolve.countries import country_names
from factx.resolve.lemmas import SPACE, Lemmas
from factx.resolve.orgs import TOKEN, org_words
from factx.resolve.places import bare_place
from factx.resolve.text import CYRILLIC, fold
from factx.resources import Resources, shared

ABBREVIATION = regex.compile(r"\s*[(\[]\s*(\p{Lu}[\p{L}\d&.\-]{1,14})\s*[)\]]")
OWN_ABBREVIATION = regex.compile(r"^(.*?\S)\s*\(\s*(\p{Lu}[\p{L}\d&.\-]{1,14})\s*\)$")
QUALIFIER = regex.compile(r"[ \u00a0]{1,2}")  # between an organisation and its country


def latin(text: str, lang: str) -> str:
    """Cyrillic letters spelt in Latin, capitals kept; any other script left as it is."""
    if not CYRILLIC.search(text):
        return text
    data = langdata.load(lang if lang in ("ru", "uk") else "ru", "translit")
    letters, endings = data.get("letters", {}), data.get("endings", {})
    words = []
    for word in text.split(" "):
        low = word.lower()
        tail = next((e for e in endings if low.endswith(e) and len(low) > len(e)), "")
        body = word[: len(word) - len(tail)]
        out = "".join(_letter(ch, letters) for ch in body)
        if tail:
            out += endings[tail]
        words.append(out)
    return " ".join(words)


def _letter(ch: str, letters: dict[str, str]) -> str:
    low = ch.lower()
    if low not in letters:
        return ch
    out = letters[low]
    return out.capitalize() if ch != low else out


class NameResolver:
    """Norms for the PERSON, ORG and LOCATION mentions of one document."""

    def __init__(self, lang: str, resources: Resources | None = None) -> None:
        """``resources``: where the process's pymorphy3 analyser is kept (Russian only),
        which the date extractor's tenses read too; a resolver built alone loads its own."""
        self.lang = lang
        self.orgs = org_words(lang)
        self.lemmas = Lemmas(shared(resources, analyzer) if lang == "ru" else None)

    def __call__(self, doc: Document, mentions: list[Mention]) -> list[Mention]:
        mentions = self.surnames_as_people(mentions)
        norms = self.person_norms([m for m in mentions if m.label == Label.PERSON])
        norms.update(self.org_norms(doc.text, mentions))
        # A place's norm is its nominative form, so "Пекина" and "Пекине" count as one,
        # without an administrative unit before it ("huyện Nghi Sơn" = "Nghi Sơn",
        # factx.resolve.places); a backend's own norm (the bare name it found) is kept.
        norms.update(
            {
                m: m.norm or bare_place(self.lemmas.org(m.text), self.lang)
                for m in mentions
                if m.label == Label.LOCATION
            }
        )
        return [dataclasses.replace(m, norm=norms[m]) if m in norms else m for m in mentions]

    def key(self, text: str) -> tuple[str, ...]:
        return tuple(fold(self.lemmas.person(text)).split(" "))

    def surnames_as_people(self, mentions: list[Mention]) -> list[Mention]:
        """A name tagged ORG or LOCATION that ends the one full name of a person mentioned
        earlier in the document is that person ("John Smith … Smith said").

        People are indexed by their last word, each name keyed once, so a mention meets
        only the few full names it could end, however many people the document has."""
        keys: dict[str, tuple[str, ...]] = {}

        def key(text: str) -> tuple[str, ...]:
            if text not in keys:
                keys[text] = self.key(text)
            return keys[text]

        first_end: dict[str, dict[tuple[str, ...], int]] = defaultdict(dict)  # by last word
        for p in mentions:
            if p.label == Label.PERSON:
                full = key(p.text)
                ends = first_end[full[-1]]
                ends[full] = min(ends.get(full, p.end), p.end)
        # A name's nominative starts with the letter its form does: a name whose last word
        # starts with no letter a person's last word starts with ends no one's name.
        initials = {last[:1] for last in first_end}
        out = []
        for m in mentions:
            if (
                m.label in (Label.ORG, Label.LOCATION)
                and m.text[:1].isupper()
                and fold(SPACE.split(m.text.strip())[-1])[:1] in initials
            ):
                short = key(m.text)
                fulls = {
                    full
                    for full, end in first_end.get(short[-1], {}).items()
                    if end <= m.start and _ends(full, short)
                }
                if len(fulls) == 1:
                    m = dataclasses.replace(m, label=Label.PERSON, norm=None)
            out.append(m)
        return out

    def person_norms(self, people: list[Mention]) -> dict[Mention, str]:
        """A name's own lemma in Latin letters, or the one longer name in the document it
        is a short form of: its ending ("Putin", "Xuân Phúc") or, failing that, its first
        word alone ("Kim" of "Kim Jong Un"). Two longer names that fit leave it alone."""
        lemmas = {m: self.lemmas.person(m.text) for m in people}
        names = {tuple(fold(lemma).split(" ")): lemma for lemma in lemmas.values()}
        by_tail: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)
        by_head: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)
        for key in names:
            for i in range(1, len(key)):
                by_tail[key[i:]].add(key)
            if len(key) > 1:
                by_head[key[:1]].add(key)
        out = {}
        for m, lemma in lemmas.items():
            key = tuple(fold(lemma).split(" "))
            longer = by_tail.get(key) or by_head.get(key, set())
            full = names[next(iter(longer))] if len(longer) == 1 else lemma
            out[m] = latin(full, self.lang)
        return out

    def org_norms(self, text: str, mentions: list[Mention]) -> dict[Mention, str]:
        """ORG norms (factx.resolve.orgs): the nominative name without its legal form, with
        the country written right after it unless that is the home country. An abbreviation
        takes the norm of the name it is defined for in parentheses, or else of the one
        organisation in the document whose words it abbreviates.

        Each distinct name is normalised and tried as an abbreviation once, against only
        the full names it could spell (factx.resolve.orgs.AbbreviationIndex): the work
        grows with the mentions, not with their pairs."""
        orgs = [m for m in mentions if m.label == Label.ORG]
        countries = {m.start: m for m in mentions if m.label == Label.COUNTRY}
        out: dict[Mention, str] = {}
        names: dict[Mention, str] = {}
        defined: dict[str, str] = {}
        canonical: dict[tuple[str, str | None], str] = {}
        for m in orgs:
            own = OWN_ABBREVIATION.match(m.text)
            name, abbr = (own.group(1), own.group(2)) if own else (m.text, None)
            after = ABBREVIATION.match(text, m.end)
            abbr = abbr or (after.group(1) if after else None)
            names[m] = self.lemmas.org(name)
            gap = QUALIFIER.match(text, m.end)
            wanted = (names[m], self.qualifier(countries.get(gap.end()) if gap else None))
            if wanted not in canonical:
                canonical[wanted] = self.orgs.canonical(*wanted)
            out[m] = canonical[wanted]
            if abbr and len(name.split()) > len(TOKEN.findall(abbr)):  # not "ООН (ФАО)"
                defined.setdefault(abbr, out[m])
        norms_of: dict[str, set[str]] = defaultdict(set)  # a name → the norms it was given
        for m in orgs:
            norms_of[names[m]].add(out[m])
        index = self.orgs.index(norms_of)
        fulls = {
            name: {n for full in index.expansions(name) for n in norms_of[full]}
            for name in norms_of
        }
        for m in orgs:
            if m.text in defined:
                out[m] = defined[m.text]
            elif len(fulls[names[m]]) == 1:
                out[m] = next(iter(fulls[names[m]]))
        return out

    def qualifier(self, country: Mention | None) -> str | None:
        """How the country after an organisation is written in its norm: one name per
        country (the language's shortest, factx.resolve.countries), so "Bộ Ngoại giao Mỹ"
        and "Bộ Ngoại giao Hoa Kỳ" are one ministry; none for the home country. A place
        that is no known country stays as written."""
        if country is None:
            return None
        names = country_names(self.lang)
        code = country.norm or names.code(country.text)
        if code is None:
            return country.text
        return None if code in _home_codes(self.lang) else names.short.get(code, code)


@cache
def _home_codes(lang: str) -> frozenset[str]:
    """The country that qualifies nothing in ``lang``'s names ("Минфин РФ" = "Минфин")."""
    names = country_names(lang)
    homes = langdata.load(lang, "names").get("home_qualifiers", ())
    return frozenset(c for c in map(names.code, homes) if c)


def _ends(full: tuple[str, ...], short: tuple[str, ...]) -> bool:
    return len(full) > len(short) and full[-len(short) :] == short
