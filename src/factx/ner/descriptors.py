"""Descriptor words around names: which belong to the span and which leave it.

A name often comes with a word saying what kind of thing it is: a legal form or a kind of
organisation before a quoted name ("ОАО «Газпром»", "Концерн «Майкрософт»"), a kind of place
after a place's name ("Тверской площади"), a kind of work or event before a title ("статье
«...»", "форум «...»"). News corpora annotated the way FactRuEval is (and as natasha's naeval
scores it) keep only the name; a tagger trained elsewhere keeps the descriptor, or takes the
title for an organisation. The other way round, an adjective of place or state before an
organisation word is part of that organisation's name ("чешского МИДа", "белорусского
Минсельхоза"), as is "им. <person>" after it ("Театра им. Августа Крейна").

All words come from ``lang/<code>/names.toml``; a language without them is left as it is.
Inflected languages list stems: a word is a descriptor when it starts with one and adds at
most a case ending.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import regex

from factx.ner.phrases import fold

Span = tuple[str, int, int]  # label, start, end

# A name in quotes after the words that describe it: "ОАО «Газпром»", "РКК „Энергия“".
QUOTED = regex.compile(r"^(\S.*?)\s*[«„“\"]([^«»„“”\"]+)[»“”\"]?$")
# A name in Latin letters after a descriptor in the text's own script: "ИА Nordpress",
# "Агентство France-Presse"; "NBC News" is one name.
LATIN_TAIL = regex.compile(r"^((?!\p{Latin})\S+)\s+(\p{Latin}[\p{Latin}\d&.\- ]*)$")
# An abbreviation in capitals, which before a quoted name is the kind of organisation.
ABBREVIATION = regex.compile(r"^\p{Lu}{2,6}$")
# The word before a span and the gap to it, when only spaces or an opening quote lie between.
WORD_BEFORE = regex.compile(r"(\p{Ll}[\p{L}-]*)(\s+[«„“\"]?)$")
SPACES = regex.compile(r"\s+")
# Where a sentence starts: a capital there says nothing about a name.
SENTENCE_END = regex.compile(r"(?:^|[.!?…:\n]\s*)$")
# A case ending a stem may take: "компани" + "ей", "площад" + "ью".
MAX_ENDING = 3


class Stems:
    """Word stems of an inflected language: does a word start with one, plus an ending?"""

    def __init__(self, stems: Iterable[str]) -> None:
        self.stems = frozenset(fold(s) for s in stems)
        self.lengths = sorted({len(s) for s in self.stems})

    def __contains__(self, word: str) -> bool:
        w = fold(word)
        return any(w[:n] in self.stems for n in self.lengths if n <= len(w) <= n + MAX_ENDING)

    def __bool__(self) -> bool:
        return bool(self.stems)


class Descriptors:
    """The descriptor rules for one language's words (``names.toml``)."""

    def __init__(self, data: dict) -> None:
        self.org_types = Stems(data.get("org_descriptors", ()))
        self.work_types = Stems(data.get("work_descriptors", ()))
        self.place_types = Stems(data.get("place_descriptors", ()))
        self.quoted_places = Stems(data.get("quoted_place_descriptors", ()))
        # Organisation words, as stems any form starts with ("МИДа", "Минсельхоза").
        self.org_heads = tuple(fold(w) for w in data.get("org_stems", ()) if " " not in w)
        self.joiners = frozenset(fold(w) for w in data.get("name_joiners", ()))
        suffixes = data.get("relational_suffixes", ())
        endings = data.get("adjective_endings", ())
        stems = data.get("relational_adjectives", ())
        self.adjective = None
        if endings and (suffixes or stems):
            alt = lambda ws: "|".join(map(regex.escape, ws))  # noqa: E731
            self.adjective = regex.compile(
                rf"(?:\p{{L}}(?:{alt(suffixes) or '(?!)'})|^(?:{alt(stems) or '(?!)'}))"
                rf"(?:{alt(endings)})$"
            )

    def split(self, text: str, span: Span) -> list[Span]:
        """One span as the names it holds, descriptors left out (any label, one span)."""
        label, s, e = span
        before = self._quoted_after(text, s)
        if before and before in self.work_types:
            return []  # "форум «Город — Село»": the title of an event or work
        if before and before in self.quoted_places:
            return [("LOC", s, e)]  # "аэропорту «Домодедово»": a place
        name = text[s:e]
        m = QUOTED.match(name)
        if m:
            prefix, inner = m.group(1), m.group(2)
            ns = s + m.start(2)
            ne = ns + len(inner.rstrip())
            words = prefix.split()
            if self._work(words[-1]):
                return []  # "статье «Жара продолжается»": a title, not a name
            if self._descriptor(words[-1]):
                return [("ORG" if label == "PER" else label, ns, ne)]
            if words[0][:1].isupper():  # "Немецкой службе «Радио Полюс»": two names
                return [(label, s, s + len(prefix)), (label, ns, ne)]
            return [span]
        m = LATIN_TAIL.match(name)
        if m and label == "ORG" and self._descriptor(m.group(1)):
            return [(label, s + m.start(2), e)]
        if label == "LOC":
            words = name.split()
            if len(words) > 1 and words[-1] in self.place_types:
                return [(label, s, s + len(name[: name.rindex(words[-1])].rstrip()))]
        return [span]

    def _descriptor(self, word: str) -> bool:
        return bool(ABBREVIATION.match(word)) or (bool(self.org_types) and word in self.org_types)

    def _work(self, word: str) -> bool:
        return bool(self.work_types) and word in self.work_types

    def _quoted_after(self, text: str, s: int) -> str:
        """The lowercase word before the quoted name at ``s`` ("форум «...»"), else ""."""
        if text[s - 1 : s] not in ("«", "„", "“", '"'):
            return ""
        m = WORD_BEFORE.search(text, max(0, s - 40), s)
        return m.group(1) if m else ""

    def extend(
        self, text: str, spans: Sequence[Span], is_country: Callable[[str], bool]
    ) -> list[Span]:
        """Organisation spans grown by the adjective before and the name after."""
        out: list[Span] = []
        skip = -1
        for i, (label, s, e) in enumerate(spans):
            if i == skip:
                continue
            if label == "ORG":
                s, e = self._adjective(text, s, e)
                nxt = spans[i + 1] if i + 1 < len(spans) else None
                if nxt and self._continues(text, s, e, nxt, is_country):
                    e, skip = nxt[2], i + 1
            out.append((label, s, e))
        return out

    def _adjective(self, text: str, s: int, e: int) -> tuple[int, int]:
        if self.adjective is None:
            return s, e
        m = WORD_BEFORE.search(text, max(0, s - 40), s)
        if not m or not self.adjective.search(fold(m.group(1))):
            return s, e
        quoted = m.group(2).strip()
        first = text[s:e].split(maxsplit=1)[0]
        if quoted:  # "ленинградского «Телевизора»": the quotes are part of it
            if text[e : e + 1] in ("»", "“", "”", '"'):
                return m.start(1), e + 1
            return s, e
        if fold(first).startswith(self.org_heads):
            return m.start(1), e
        return s, e

    def _continues(
        self, text: str, s: int, e: int, nxt: Span, is_country: Callable[[str], bool]
    ) -> bool:
        """Whether the span ``nxt`` ends the organisation's name at ``s:e``.

        "Театра им. Августа Крейна": a person after "им."/"имени". "Университете
        Лос-Анджелеса", "Госпиталя принцессы Аделины": an organisation word alone, capitalised
        inside a sentence, starts a proper name, which the place or person after it ends; a
        country after it is its own ("Правительства [РФ]").
        """
        label, ns, ne = nxt
        gap = SPACES.split(text[e:ns].strip())
        name = SPACES.split(text[s:e])
        if label == "PER" and (
            (gap == [""] and fold(name[-1]) in self.joiners)
            or (len(gap) == 1 and fold(gap[0]) in self.joiners)
        ):
            return True
        return (
            label in ("PER", "LOC")
            and len(name) == 1
            and fold(name[0]).startswith(self.org_heads)
            and name[0][1:].islower()
            and not SENTENCE_END.search(text, max(0, s - 3), s)
            and (gap == [""] or (len(gap) == 1 and gap[0].islower()))
            and text[e:ns].count("\n") == 0
            and not is_country(text[ns:ne])
        )
