"""The word lists and span predicates the Vietnamese name rules are built from.

Split from :mod:`factx.ner.vi_spans` so each file stays readable: this one answers questions
about one line's syllables ("does a person's name start here?", "is this a place?"),
:mod:`factx.ner.vi_orgs` how far an organisation's name runs, :mod:`factx.ner.vi_runs`
labels one capitalised run by the rules in their stated order, and :mod:`factx.ner.vi_spans`
walks the line.
"""

from __future__ import annotations

import regex

from factx import lang as langdata
from factx.ner.gazetteer import Gazetteer, key
from factx.ner.phrases import Phrases, fold
from factx.ner.vi_tokens import ACRONYM, Tok, vietnamese
from factx.resolve.places import bare_place

BRIDGE_POS = frozenset({"N", "Nc", "A", "L", "C", "Np", "CH"})
# A word of a personal name: a capital, then lowercase letters ("Kirill", "O'Neil", "Jean-Luc").
NAME_WORD = regex.compile(r"\p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)*")
DIGIT = regex.compile(r"\d")
# An initial standing for a name: a letter or a Vietnamese onset ("Kh.", "D."); and a Korean
# given name ("Sang-sik").
INITIAL = regex.compile(r"^(?:\p{Lu}|[CKNPTG]h|Tr|Gi|Ng)$")
KOREAN_GIVEN = regex.compile(r"^\p{Lu}\p{Ll}+-\p{Ll}+$")
# Punctuation that closes an appositive: "Trợ lý [Kirill Dmitriev], sau đó ...".
APPOSITIVE_END = frozenset(",.;:)!?")


class VietnameseLexicon:
    """Words from ``lang/vi/names.toml`` and predicates over the line being labelled.

    ``line`` and ``words`` hold the line in hand: an instance labels one line at a time.
    """

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        data = langdata.load("vi", "names")
        prefixes = data.get("title_prefixes", ())
        titles = list(data.get("titles", ()))
        self.titles = Phrases(titles + [f"{p} {t}" for p in prefixes for t in titles])
        self.honorifics = Phrases(data.get("honorifics", ()))
        self.org_heads = Phrases(data.get("org_heads", ()))
        self.agency_heads = Phrases(data.get("agency_heads", ()))
        self.company_heads = Phrases(data.get("company_heads", ()))
        self.org_words = Phrases(data.get("org_words", ()))
        self.org_suffixes = Phrases(data.get("org_suffixes", ()))
        self.place_prefixes = Phrases(data.get("place_prefixes", ()))
        self.place_heads = Phrases(data.get("place_heads", ()))
        self.run_place_heads = Phrases(data.get("run_place_heads", ()))
        self.lead_org_heads = Phrases(data.get("lead_org_heads", ()))
        self.placed_org_heads = Phrases(data.get("placed_org_heads", ()))
        self.team_heads = Phrases(data.get("team_heads", ()))
        self.dotted_heads = tuple(h for h in data.get("place_heads", ()) if h.endswith("."))
        self.place_preps = Phrases(data.get("place_prepositions", ()))
        self.not_after = Phrases(data.get("not_after", ()))
        self.misc_cues = Phrases(data.get("misc_cues", ()))
        self.not_entities = Phrases(data.get("not_entities", ()))
        self.misc_suffixes = Phrases(data.get("misc_suffixes", ()))
        self.bridge_stop = Phrases(data.get("org_bridge_stop", ()))
        self.tail_stop = Phrases(data.get("org_tail_stop", ()))
        self.title_links = Phrases(data.get("title_links", ()))
        self.source_words = Phrases(data.get("source_words", ()))
        self.particles = frozenset(fold(w) for w in data.get("name_particles", ()))
        self.surnames = frozenset(fold(w) for w in data.get("surnames", ()))
        self.home = frozenset(key(w) for w in data.get("home", ()))
        self.gaz = gazetteer or Gazetteer("vi")
        self.line = ""
        self.words: list[str] = []

    # -- helpers over one line's tokens ------------------------------------------------------
    def _text(self, toks: list[Tok], i: int, j: int) -> str:
        return self.line[toks[i].start : toks[j - 1].end]

    def _place_len(self, toks: list[Tok], i: int, j: int) -> int:
        """Tokens in the longest gazetteer place starting at ``i`` and ending by ``j``."""
        if not toks[i].cap:
            return 0
        for e in range(min(j, i + 6), i, -1):
            if self.gaz.is_place(self._text(toks, i, e), part=e < j):
                return e - i
        return 0

    def _known_place(self, text: str) -> bool:
        """A country, region, Vietnamese province or district, or large city: a place
        whatever the context. A small foreign town's name ("Kim", "Mai") is more often a
        Vietnamese given name."""
        k = key(text)
        return (
            self.gaz.is_country(text)
            or self.gaz.is_big_city(text)
            or k in self.gaz.regions
            or k in self.gaz.admin
        )

    def _person_start(self, toks: list[Tok], i: int, j: int) -> int | None:
        """Where a Vietnamese person's name of 2-4 syllables ending at ``j`` starts.

        The last syllable may be an initial: crime news writes a suspect's given name so
        ("Nguyễn Văn H."), and the letter alone reads as no Vietnamese syllable.
        """
        last = j - 1 if j - 1 > i and INITIAL.match(toks[j - 1].text) else j
        for p in range(i, j - 1):
            if (
                2 <= j - p <= 4
                and fold(toks[p].text) in self.surnames
                and all(t.cap and vietnamese(t.text) for t in toks[p:last])
                and self._place_len(toks, p, j) != j - p
            ):
                return p
        return None

    def _word_end(self, toks: list[Tok], i: int, j: int) -> int:
        e = i + 1
        while e < j and toks[e].word == toks[i].word and toks[i].word >= 0:
            e += 1
        return e

    def _run_end(self, toks: list[Tok], i: int) -> int:
        words = self.words
        j = i + 1
        while j < len(toks):
            t = toks[j]
            if t.initial or (t.cap and self.titles.match(words, j) and t.word != toks[j - 1].word):
                break
            if t.name:
                j += 1
            elif (
                fold(t.text) in self.particles
                and j + 1 < len(toks)
                and toks[j + 1].cap
                and not vietnamese(toks[j - 1].text)
            ):
                j += 2
            else:
                break
        return j

    def _place_head(self, toks: list[Tok], k: int) -> int:
        """Length of a place word kept inside the name at ``k``: "TP", "TP.HCM"'s "TP."."""
        return self.place_heads.match(self.words, k) or int(self._dotted(toks[k]))

    def _dotted(self, tok: Tok) -> bool:
        """An abbreviated place word glued to its name: "TP.HCM", "Q.3", "P.Bến"."""
        return tok.cap and tok.text.startswith(self.dotted_heads) and not tok.text.endswith(".")

    def _head(self, phrases: Phrases, toks: list[Tok], k: int) -> int:
        """Length of a listed head at ``k`` that is not the start of a longer common word:
        "Trường" in "Trường Sa" or "Trường THPT", not in "Trường hợp" (case) or "Ban đầu"."""
        n = phrases.match(self.words, k)
        if n and k + n < len(toks):
            nxt = toks[k + n]
            if nxt.word == toks[k + n - 1].word >= 0 and not nxt.cap and nxt.text.isalpha():
                return 0
        return n

    def _word_start(self, toks: list[Tok], k: int) -> bool:
        """Whether ``toks[k]`` starts one of underthesea's words ("sở", not "cơ sở"'s)."""
        return k == 0 or toks[k].word < 0 or toks[k].word != toks[k - 1].word

    def bare(self, text: str) -> str:
        """A place's name without the administrative unit VLSP keeps in its span: "huyện
        Nghi Xuân" → "Nghi Xuân", so both count as one place. The one rule every backend's
        places share (factx.resolve.places), so a place has one norm whoever found it."""
        return bare_place(text, "vi")

    def _near_place_word(self, toks: list[Tok], k: int) -> bool:
        """A place word two or three lowercase words back: "mỏ đá vôi [Nà Lừa]"."""
        for back in (2, 3):
            s = k - back
            if s >= 0 and all(not t.cap and t.text.isalpha() for t in toks[s:k]):
                n = self.place_prefixes.match(self.words, s)
                if 0 < n < back:
                    return True
        return False

    def _foreign_name(self, toks: list[Tok], i: int, j: int) -> bool:
        """Two or three name-shaped Latin words, one at least not Vietnamese: "Kirill Dmitriev".

        Vietnamese spells its own names and Sino-Vietnamese readings in syllables with marks;
        a foreign person keeps the Latin spelling of their own language.
        """
        return (
            2 <= j - i <= 3
            and all(NAME_WORD.fullmatch(t.text) for t in toks[i:j])
            and not all(vietnamese(t.text) for t in toks[i:j])
        )

    def _korean_name(self, toks: list[Tok], i: int, j: int) -> bool:
        """A surname and a hyphenated given name, as Korean names are romanised:
        "Park Hang-seo", "Lee Min-jun"."""
        return (
            j - i == 2
            and bool(NAME_WORD.fullmatch(toks[i].text))
            and bool(KOREAN_GIVEN.match(toks[i + 1].text))
        )

    def _name_shaped(self, toks: list[Tok], i: int, j: int) -> bool:
        """A run that can be a person's name: no place, institution, abbreviation or suffix."""
        words = self.words
        return (
            all(t.cap for t in toks[i:j])
            and not any(ACRONYM.match(t.text) or DIGIT.search(t.text) for t in toks[i:j])
            and not self._place_len(toks, i, j)
            and not self.org_heads.match(words, i)
            and not self.company_heads.match(words, i)
            and not self.org_words.match(words, i)
            and not self.org_suffixes.ends_at(words, j, i + 1)
            and not self.misc_suffixes.ends_at(words, j, i)
            and not self.not_entities.match(words, i)
        )

    def _name_shaped_person(self, toks: list[Tok], i: int, j: int) -> bool:
        """After a form of address: capitalised words, no country, institution or digit."""
        return (
            all(t.cap and t.text.isalpha() for t in toks[i:j])
            and (toks[i].crf == "PER" or not self.gaz.is_country(self._text(toks, i, j)))
            and not self.org_heads.match(self.words, i)
            and not self.company_heads.match(self.words, i)
            and not any(ACRONYM.match(t.text) for t in toks[i:j])
        )

    def _appositive(self, toks: list[Tok], i: int, j: int) -> bool:
        """Whether ``toks[i:j]``, after "<title phrase>,", is the person the title describes.

        "Trợ lý Tổng thống Putin, [Kirill Dmitriev], ...", "Người phát ngôn Bộ Ngoại giao,
        [Mao Ninh], ...": a foreign name of two or three Latin words, or any two- to
        three-syllable name that the next punctuation closes.
        """
        if not (2 <= j - i <= 3 and self._name_shaped(toks, i, j)):
            return False
        return self._foreign_name(toks, i, j) or (j == len(toks) or toks[j].text in APPOSITIVE_END)

    def _titled_after(self, toks: list[Tok], i: int, j: int) -> bool:
        """A foreign name followed by ", <title>": "[Elon Musk], Giám đốc điều hành Tesla".

        Not when the title names a person of its own ("X, Chủ tịch [Y Z] nói"), where the
        name before the comma is more likely the company or place the speaker works for.
        """
        if not (
            j + 1 < len(toks)
            and toks[j].text == ","
            and self._foreign_name(toks, i, j)
            and self._name_shaped(toks, i, j)
        ):
            return False
        m = self.titles.match(self.words, j + 1)
        if not m:
            return False
        k = j + 1 + m
        if k >= len(toks) or not toks[k].cap or toks[k].word == toks[k - 1].word:
            return True
        e = self._run_end(toks, k)
        return not (self._foreign_name(toks, k, e) or self._person_start(toks, k, e) == k)

    def _person_follows(self, toks: list[Tok], j: int) -> bool:
        """ ", <Vietnamese name>," after ``j``: the title's person is this appositive.

        "Bộ trưởng [Công Thương], [Nguyễn Hồng Diên], ..." names the ministry, then the
        minister; a foreign name cannot tell so ("Trợ lý Tổng thống [Putin], [Kirill
        Dmitriev]" names two people), so only a Vietnamese one closed by punctuation counts.
        """
        if j + 2 >= len(toks) or toks[j].text != "," or not toks[j + 1].name:
            return False
        e = self._run_end(toks, j + 1)
        return self._person_start(toks, j + 1, e) == j + 1 and (
            e == len(toks) or toks[e].text in APPOSITIVE_END
        )
