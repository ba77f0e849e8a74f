"""Where a Vietnamese organisation's name starts and ends.

Split from :mod:`factx.ner.vi_lexicon`: these predicates answer one question, how far an
institution's name runs from its head word. A lowercase head before a name joins it
("công ty Vetrox", "ubnd tỉnh Tuyên Quang", VLSP-2016); the name runs across lowercase field
words to a later capitalised one ("Bộ Giáo dục và Đào tạo"), takes a province after an
agency ("UBND tỉnh Tuyên Quang") but not a foreign country ("[Bộ Ngoại giao] [Mỹ]"), a person
it is named after ("Trường THPT Nguyễn Du") and a number ("Bệnh viện Nhi đồng 1"), and
stops before its officer ("Giám đốc Sở Y tế [Nguyễn Văn A]").
"""

from __future__ import annotations

from factx.ner.gazetteer import key
from factx.ner.phrases import Phrases, fold
from factx.ner.vi_lexicon import BRIDGE_POS, VietnameseLexicon
from factx.ner.vi_tokens import Tok


class OrganisationRules(VietnameseLexicon):
    """The organisation predicates over the line in hand."""

    def _stops_org(self, toks: list[Tok], e: int, agency: bool) -> bool:
        """A person or a title starts at ``e``; or, after an agency, a foreign country.

        "[Bộ Ngoại giao] [Mỹ]": the country says whose ministry it is. A province, city or
        the home country is part of the name ("UBND tỉnh Tuyên Quang", "Sở Y tế Hà Nội").
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
        place after it belongs to it: "[công ty] X", "[ubnd tỉnh] Tuyên Quang"."""
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

    def _org_end(self, toks: list[Tok], e: int, agency: bool) -> int:
        """End of an organisation's name whose head ends at ``e``.

        An agency's name stops before a foreign country ("[Bộ Ngoại giao] [Mỹ]"), where the
        country says whose agency it is; a province, city or the home country stays in it.
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
