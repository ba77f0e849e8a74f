"""The word lists and span predicates the Vietnamese name rules are built from.

Split from :mod:`factx.ner.vi_spans` so each file stays readable: this one answers questions
about one line's syllables ("does a person's name start here?", "where does this
organisation's name end?"), that one applies the rules in their stated order.
"""

from __future__ import annotations

import regex

from factx import lang as langdata
from factx.ner.gazetteer import Gazetteer, key
from factx.ner.phrases import Phrases, fold
from factx.ner.vi_tokens import ACRONYM, Tok, vietnamese

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

    def _person_start(self, toks: list[Tok], i: int, j: int) -> int | None:
        """Where a Vietnamese person's name of 2-4 syllables ending at ``j`` starts."""
        for p in range(i, j - 1):
            if (
                2 <= j - p <= 4
                and fold(toks[p].text) in self.surnames
                and all(t.cap and vietnamese(t.text) for t in toks[p:j])
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
        return self.place_heads.match(self.words, k) or int(
            toks[k].text.startswith(self.dotted_heads) and toks[k].cap
        )

    def _stops_org(self, toks: list[Tok], e: int, agency: bool) -> bool:
        """A person or a title starts at ``e``; or, after an agency, a foreign country.

        "[Bộ Ngoại giao] [Mỹ]": the country says whose ministry it is. A province, city or
        the home country is part of the name ("UBND tỉnh Phú Yên", "Sở Y tế Hà Nội").
        """
        t = toks[e]
        if t.initial or not t.name or self.titles.match(self.words, e):
            return True
        j = self._run_end(toks, e)
        if self._person_start(toks, e, j) == e:
            return True
        if not agency:
            return False
        n = self._place_len(toks, e, j)
        if n:
            text = self._text(toks, e, e + n)
            return self.gaz.is_country(text) and key(text) not in self.home
        return False

    def _country_at(self, toks: list[Tok], k: int) -> bool:
        """Whether the capitalised run at ``k`` is a country's name and nothing more."""
        if k >= len(toks) or not toks[k].cap:
            return False
        j = self._run_end(toks, k)
        return self.gaz.is_country(self._text(toks, k, j))

    def _word_start(self, toks: list[Tok], k: int) -> bool:
        """Whether ``toks[k]`` starts one of underthesea's words ("sở", not "cơ sở"'s)."""
        return k == 0 or toks[k].word < 0 or toks[k].word != toks[k - 1].word

    def _head_at(self, phrases: Phrases, toks: list[Tok], m: int) -> int:
        """Length of a listed head that is whole words at ``m`` ("xã", not "xã hội"'s)."""
        n = phrases.match(self.words, m)
        whole = (
            n
            and self._word_start(toks, m)
            and (m + n == len(toks) or self._word_start(toks, m + n))
        )
        return n if whole else 0

    def _lowercase_words(self, toks: list[Tok], a: int, b: int) -> bool:
        """``toks[a:b]`` are lowercase letters starting a word (or a sentence: "Hãng hàng
        không"): a head word, not part of a name."""
        return (
            a >= 0
            and self._word_start(toks, a)
            and all((not t.cap or t.initial) and t.text.isalpha() for t in toks[a:b])
        )

    def _org_lead(self, toks: list[Tok], i: int) -> tuple[int, bool] | None:
        """Start of the lowercase institution word before the run at ``i``, and whether a
        place after it belongs to it: "[công ty] X", "[ubnd tỉnh] Phú Yên"."""
        words = self.words
        p = self.place_heads.ends_at(words, i)
        if p and self._lowercase_words(toks, i - p, i):
            n = self.placed_org_heads.ends_at(words, i - p)
            if n and self._lowercase_words(toks, i - p - n, i - p):
                return i - p - n, True
        n = self.lead_org_heads.ends_at(words, i)
        if n and self._lowercase_words(toks, i - n, i):
            return i - n, bool(self.placed_org_heads.ends_at(words, i))
        return None

    def bare(self, text: str) -> str:
        """A place's name without the head VLSP keeps in its span: "huyện Nghi Xuân" →
        "Nghi Xuân", so both count as one place. A listed place keeps its whole name
        ("Biển Đông"), as does a head with nothing after it."""
        if self.gaz.is_place(text):
            return text
        words = text.split()
        n = self.place_heads.match(words, 0)
        if not n and words and words[0].startswith(self.dotted_heads) and words[0].isupper():
            words = [words[0].split(".", 1)[1], *words[1:]]  # "TP.HCM"
        rest = " ".join(w for w in words[n:] if w not in ".")
        return rest if rest.strip() else text

    def _org_end(self, toks: list[Tok], e: int, agency: bool) -> int:
        """End of an organisation's name whose head ends at ``e``.

        An agency's name stops before a place ("[Sở Công Thương] [Quảng Ninh]"), where the
        place says whose agency it is; a company's or school's name keeps it.
        """
        n, named = len(toks), e
        while True:
            while e < n and toks[e].name and not self._stops_org(toks, e, agency):
                e += 1
            if self._named_after(toks, named, e, agency):
                end = self._run_end(toks, e)  # "Trường THPT [Nguyễn Du]": named after a person
                while end > e + 1 and not toks[end - 1].cap:
                    end -= 1  # "Nguyễn Du [thăm]": the segmenter glued a verb to the name
                return end
            m = e
            while (
                m < n
                and m - e < 5
                and not toks[m].name
                and (toks[m].pos in BRIDGE_POS or toks[m].text == "-")
                and toks[m].text not in ",.;:()"
                and not self.bridge_stop.match(self.words, m)
                and not self._head_at(self.lead_org_heads, toks, m)
            ):  # "[đội Sông Lam] và đội tuyển [Thái Lan]": a new head starts a new name
                m += 1
            if (
                m > e
                and m < n
                and toks[m].name
                and not self._stops_org(toks, m, agency)
                # "[UBND xã X] và [Bộ Y tế]", but "Phòng Cảnh sát giao thông Công an tỉnh X"
                and not (
                    self.org_heads.match(self.words, m) and any(t.pos == "C" for t in toks[e:m])
                )
            ):
                e = m
                continue
            object_ = (  # a verb's object closes the name: "Cục Bảo vệ [thực vật]"
                e < n
                and toks[e - 1].pos == "V"
                and toks[e].pos == "N"
                and not toks[e].name
                and toks[e].text.isalpha()
                and not self.bridge_stop.match(self.words, e)
                and not self.place_prefixes.match(self.words, e)
            )
            if (
                e > named
                and e + 1 < n
                and fold(toks[e].text) == "số"
                and toks[e + 1].text.isdigit()
            ):
                return e + 2  # "Công ty Xây dựng số 5"
            if e > named and e < n and toks[e].text.isdigit():
                return e + 1  # "Bệnh viện Nhi đồng 1"
            if object_ or (e > named and e < n and self._noun_tail(toks, e)):
                e = self._word_end(toks, e, n)
            return e

    def _named_after(self, toks: list[Tok], named: int, e: int, agency: bool) -> bool:
        """A person's name right after an institution's head, or after its kind ("THPT"):
        the institution is named after the person ("Trường THPT Nguyễn Du", "Bệnh viện
        Nguyễn Tri Phương"). An agency's person is its officer, and a name after other
        words of the institution's own name is its officer too ("Công ty FPT [Trương
        Gia Bình]")."""
        return (
            not agency
            and e < len(toks)
            and toks[e].name
            and not toks[e].initial
            and all(self.not_entities.match(self.words, x) for x in range(named, e))
            and self._person_start(toks, e, self._run_end(toks, e)) == e
        )

    def _noun_tail(self, toks: list[Tok], e: int) -> bool:
        """A lowercase compound noun that closes the clause completes a field's name.

        Press style often leaves the last part of a name in lowercase ("Bộ Tài nguyên
        [thiên nhiên],"); a noun of two syllables or more right after the capitalised field
        word, followed by punctuation or the verb, belongs to it, unless it only scopes the
        institution ("Sở Y tế [địa phương]", words listed in ``org_tail_stop``).
        """
        n = len(toks)
        w = self._word_end(toks, e, n)
        return (
            toks[e - 1].pos == "N"
            and toks[e - 1].name
            and toks[e].pos == "N"
            and not toks[e].name
            and w - e >= 2
            and all(t.text.isalpha() for t in toks[e:w])
            and (w == n or toks[w].text in ",.;:)" or toks[w].pos == "V")
            and not self.bridge_stop.match(self.words, e)
            and not self.place_prefixes.match(self.words, e)
            and not self.tail_stop.match(self.words, e)
        )

    def _place_follows(self, toks: list[Tok], e: int) -> bool:
        """A place word or place name right after ``e``: "[Công an] tỉnh Thanh Hóa"."""
        if e >= len(toks):
            return False
        if self.place_prefixes.match(self.words, e) or self._place_head(toks, e):
            return True
        return toks[e].name and bool(self._place_len(toks, e, self._run_end(toks, e)))

    def _only_suffixes(self, k: int, j: int) -> bool:
        while k < j:
            n = self.org_suffixes.match(self.words, k, j)
            if not n:
                return False
            k += n
        return True

    def _near_place_word(self, toks: list[Tok], k: int) -> bool:
        """A place word two or three lowercase words back: "mỏ đất hiếm [Đông Pao]"."""
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
        "Park Hang-seo", "Kim Sang-sik"."""
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

    # -- the line ---------------------------------------------------------------------------
