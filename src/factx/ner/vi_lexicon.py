"""The word lists and span predicates the Vietnamese name rules are built from.

Split from :mod:`factx.ner.vi_spans` so each file stays readable: this one answers questions
about one line's syllables ("does a person's name start here?", "where does this
organisation's name end?"), that one applies the rules in their stated order.
"""

from __future__ import annotations

from factx import lang as langdata
from factx.ner.gazetteer import Gazetteer, key
from factx.ner.phrases import Phrases, fold
from factx.ner.vi_tokens import Tok, vietnamese

BRIDGE_POS = frozenset({"N", "Nc", "A", "L", "C", "Np", "CH"})


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
        self.dotted_heads = tuple(h for h in data.get("place_heads", ()) if h.endswith("."))
        self.place_preps = Phrases(data.get("place_prepositions", ()))
        self.not_after = Phrases(data.get("not_after", ()))
        self.misc_cues = Phrases(data.get("misc_cues", ()))
        self.not_entities = Phrases(data.get("not_entities", ()))
        self.misc_suffixes = Phrases(data.get("misc_suffixes", ()))
        self.bridge_stop = Phrases(data.get("org_bridge_stop", ()))
        self.title_links = Phrases(data.get("title_links", ()))
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
        """A person or a title starts at ``e``; or, after an agency, a place other than home."""
        t = toks[e]
        if t.initial or not t.name or self.titles.match(self.words, e):
            return True
        j = self._run_end(toks, e)
        if self._person_start(toks, e, j) == e:
            return True
        if not agency:
            return False
        if self._place_head(toks, e):
            return True
        n = self._place_len(toks, e, j)
        if n:
            k = key(self._text(toks, e, e + n))
            return k not in self.home and k not in self.gaz.regions
        return False

    def _org_end(self, toks: list[Tok], e: int, agency: bool) -> int:
        """End of an organisation's name whose head ends at ``e``.

        An agency's name stops before a place ("[Sở Công Thương] [Quảng Ninh]"), where the
        place says whose agency it is; a company's or school's name keeps it.
        """
        n = len(toks)
        while True:
            while e < n and toks[e].name and not self._stops_org(toks, e, agency):
                e += 1
            m = e
            while (
                m < n
                and m - e < 5
                and not toks[m].name
                and (toks[m].pos in BRIDGE_POS or toks[m].text == "-")
                and toks[m].text not in ",.;:()"
                and not self.bridge_stop.match(self.words, m)
            ):
                m += 1
            if m > e and m < n and toks[m].name and not self._stops_org(toks, m, agency):
                e = m
                continue
            if (  # a verb's object closes the name: "Cục Bảo vệ [thực vật]"
                e < n
                and toks[e - 1].pos == "V"
                and toks[e].pos == "N"
                and not toks[e].name
                and toks[e].text.isalpha()
                and not self.bridge_stop.match(self.words, e)
                and not self.place_prefixes.match(self.words, e)
            ):
                e = self._word_end(toks, e, n)
            return e

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

    # -- the line ---------------------------------------------------------------------------
