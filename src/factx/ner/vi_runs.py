"""How one capitalised run of a Vietnamese line is labelled: rules 1-13 of
:mod:`factx.ner.vi_spans`, in that order.

Split from :mod:`factx.ner.vi_spans`, which walks the line, tracks titles and appositives
and hands each run here with what it knows: whether a title waits for its person, whether
the run follows "<title phrase>,", or the title describes a person named before it. This
module answers what the run holds (a person, places, organisations, or nothing) and where
labelling stopped.
"""

from __future__ import annotations

from factx.ner.gazetteer import key
from factx.ner.phrases import fold
from factx.ner.vi_edges import LineRules
from factx.ner.vi_tokens import ACRONYM, Tok, vietnamese


class RunRules(LineRules):
    """The labelling of one capitalised run, over the line in hand."""

    def _common(self, toks: list[Tok], i: int, e: int, j: int) -> bool:
        """Whether the sentence-initial word ``toks[i:e]`` is an ordinary capitalised word."""
        words = self.words
        if self.not_entities.match(words, i, e) == e - i:
            return True
        institution = (
            self._head(self.org_heads, toks, i)
            or self._head(self.company_heads, toks, i)
            or self.org_words.match(words, i)
        )
        if e - i == 1 and toks[i].pos != "Np" and self.honorifics.match(words, i):
            return True  # "Anh kể ...": the pronoun, not Britain
        if (
            not institution
            and toks[i].pos != "Np"
            and not all(t.cap for t in toks[i:e])
            and self._place_len(toks, i, j) < e - i  # "Tây nguyên" is still a place
        ):
            return True  # "Anh trai": a common compound, whatever its first syllable names
        return not (
            self.org_heads.match(words, i)
            or self.company_heads.match(words, i)
            or self.org_words.match(words, i)
            or self._place_len(toks, i, j)
            or self._person_start(toks, i, j) == i
            or ACRONYM.match(toks[i].text)
            or not vietnamese(toks[i].text)
            or toks[i].pos in ("Np", "Ny")
        )

    def _label_run(
        self,
        toks: list[Tok],
        i: int,
        j: int,
        title: bool,
        appos: bool = False,
        described: bool = False,
        kin: bool = False,
    ) -> tuple[list[tuple[str, int, int]], int]:
        """Labelled spans in the run ``toks[i:j]`` and where labelling stopped.

        ``title``: a title waits for its person; ``appos``: the run follows "<title
        phrase>,"; ``described``: the title describes a person named before it ("[Tim
        Cook], Giám đốc điều hành Apple"), so its names are no person.
        """
        words = self.words
        r = self.run_place_heads.match(words, i, j)
        if (
            r
            and toks[i + r].cap
            and fold(toks[i].text) not in self.surnames
            and not self._org_lead(toks, i)  # "đội [Sông Lam]" is a team
        ):
            return [("LOC", i, j)], j  # "Huyện Tân Lạc", "Cầu Rạch Miễu": the head starts it
        if kin and j - i <= 4 and self._name_shaped_person(toks, i, j):
            return [("PER", i, j)], j  # "cô [Mai]", "ông [Vinh]": a city's name is a given name
        if toks[i].initial:
            e = self._word_end(toks, i, j)
            if self._common(toks, i, e, j):
                i = e
        if (
            i >= j
            or (
                self.not_after.ends_at(words, i)
                or (  # "chip [H100]", but "dầu [Nga]" is still Russia
                    self.misc_cues.ends_at(words, i)
                    and not self.gaz.is_country(self._text(toks, i, j))
                )
                or self.misc_cues.match(words, i, j)
                or any(c.isdigit() for t in toks[i:j] if not self._dotted(t) for c in t.text)
                or (
                    j < len(toks)
                    and toks[j].text.isdigit()
                    and toks[j - 1].word != toks[j].word
                    and not self.org_heads.match(words, i)  # "Bệnh viện Nhi đồng 1"
                    and not self.company_heads.match(words, i)
                    and not self._org_lead(toks, i)
                )
            )
        ):
            return [], j
        out: list[tuple[str, int, int]] = []
        k = i
        lead = self._org_lead(toks, i)
        if lead and self.not_entities.match(words, i, j) == j - i:
            return [], j  # "ubnd TP", "công an TP": no name, no entity
        if lead:  # "[công ty] Vetrox", "[ubnd tỉnh] Tuyên Quang", but "đội tuyển [Việt Nam]"
            start, placed = lead
            place = self._place_len(toks, i, j) == j - i
            if place and placed:  # "ubnd tỉnh [Tuyên Quang]", but "đại học [Mỹ]" is American
                text = self._text(toks, i, j)
                placed = not self.gaz.is_country(text) or key(text) in self.home
            e = j if placed and place else self._org_end(toks, i, False) if not place else i
            if e > i:
                out.append(("ORG", start, e))
                k, j = e, max(j, e)
        n = self.place_heads.ends_at(words, i)
        if not lead and n and self._lowercase_words(toks, i - n, i):
            while j > i + 1 and not toks[j - 1].cap:
                j -= 1  # "[cù lao Rùa] giáp": underthesea glued a verb to the name
            return [("LOC", i - n, j)], j  # "sông Hồng", "huyện Nghi Xuân"
        while k < j:
            if self._place_len(toks, k, j) == j - k and not ACRONYM.match(toks[k].text):
                out.append(("LOC", k, j))  # "Trường Sa" is a place before "Trường" is a school
                break
            h = self._head(self.org_heads, toks, k) if toks[k].cap else 0
            c = self._head(self.company_heads, toks, k) if toks[k].cap else 0
            if c > h:
                b = k + c
                brand = self._run_end(toks, b) if b < len(toks) and toks[b].name else b
                if b < brand and self.org_heads.match(words, b):
                    k, j = b, max(j, brand)
                    continue
                if b < brand and (
                    ACRONYM.match(toks[b].text)
                    or not all(vietnamese(t.text) for t in toks[b:brand])
                ):  # "[Tập đoàn Rio Tinto]": a company word is inside (VLSP-2016), a
                    # descriptor outside ("Lực lượng [Houthi]")
                    p = self._person_start(toks, b, brand)
                    inside = self.lead_org_heads.match(words, k) == c
                    out.append(("ORG", k if inside else b, p if p is not None else brand))
                    k, j = (p if p is not None else brand), max(j, brand)
                    continue
                h = c
            if h and self.team_heads.match(words, k) == h and self._country_at(toks, k + h):
                k += h  # "Đoàn [Việt Nam]", "Đội tuyển [Thái Lan]": the team is its country
                continue
            if h:
                agency = bool(self.agency_heads.match(words, k))
                e = self._org_end(toks, k + h, agency)
                if (
                    e > k + h
                    or (ACRONYM.match(toks[k].text) and not self.not_entities.match(words, k))
                    or self._place_follows(toks, e)
                ):
                    out.append(("ORG", k, e))
                elif self.org_words.match(words, k) >= h:  # "Chính phủ", "Viện Kiểm sát"
                    e = k + self.org_words.match(words, k)
                    out.append(("ORG", k, e))
                k, j = e, max(j, e)
                continue
            w = self.org_words.match(words, k, j)
            if w:
                out.append(("ORG", k, k + w))
                k += w
                continue
            e = self._word_end(toks, k, j)
            if (
                title
                and toks[k].pos == "N"
                and not all(t.cap for t in toks[k:e])
                and all(vietnamese(t.text) for t in toks[k:e])
            ):  # "Bộ trưởng [Quốc phòng]": a common noun; a name capitalises every syllable
                k = e
                continue
            if self.not_entities.match(words, k, j) == j - k:
                break  # "Nhà nước", "Trung ương": common words, whatever is glued to them
            while j > k + 1 and not toks[j - 1].cap and not self.org_heads.match(words, k):
                j -= 1  # a name ends capitalised: "[Nguyễn Thị Lan] trú" was glued by mistake
            p = self._person_start(toks, k, j)
            if (
                p == k
                or (self._korean_name(toks, k, j) and self._name_shaped(toks, k, j))
                or (
                    k == i
                    and p is None
                    and (self._appositive(toks, k, j) if appos else self._titled_after(toks, k, j))
                )
            ):
                out.append(("PER", k, j))
                break
            if title and p is None and self.org_suffixes.ends_at(words, j, k + 1):
                title = False  # "Tổng giám đốc [Vietnam Railways]"
            if title and p is None:
                n = self._place_len(toks, k, j)
                if n and j - k - n == 1 and vietnamese(toks[j - 1].text):
                    n = 0  # "Ca sĩ [Mỹ Tâm]": a one-syllable rest makes the whole a name
                if n:
                    out.append(("LOC", k, k + n))
                    k += n
                    continue
                e = self._word_end(toks, k, j)
                if ACRONYM.match(toks[k].text):
                    out.append(("ORG", k, e))
                    k = e
                    continue
                if e < j and toks[k].pos == "N" and vietnamese(toks[k].text):
                    k = e  # the title's own complement: "Bộ trưởng [Thương mại] X"
                    continue
                if self.org_suffixes.ends_at(words, j, k + 1):
                    out.append(("ORG", k, j))
                elif described or self._person_follows(toks, j):
                    # the title's person stands elsewhere: this is its complement
                    label, e = self._unit(toks, k, j)
                    out += [(label, k, e)] if label and label != "PER" else []
                else:
                    out.append(("PER", k, j))
                break
            label, e = self._unit(toks, k, p if p is not None else j)
            if label:
                out.append((label, k, e))
            k = e
        return out, j

    def _unit(self, toks: list[Tok], k: int, j: int) -> tuple[str | None, int]:
        """Label and end of the name unit at ``k`` when no title or person applies."""
        words = self.words
        if self.not_entities.match(words, k, j) == j - k or self.misc_suffixes.ends_at(words, j, k):
            return None, j
        if (
            j - k == 1
            and toks[k].glued
            and vietnamese(toks[k].text)
            and not self._known_place(toks[k].text)
            and not (  # "Luật Thủy sản và Lâm nghiệp": the second half of a coordinated name
                k >= 2
                and toks[k - 1].text == "và"
                and toks[k - 2].name
                and not toks[k - 2].initial  # "Ông và [Kim]" coordinates people
                and toks[k - 2].crf != "PER"
            )
        ):
            return "PER", j  # "[Hải] đuổi theo": a given name the segmenter did not know
        h = self._place_head(toks, k)
        n = self._place_len(toks, k, j)
        if n and (k + n == j or not self._only_suffixes(k + n, j)):
            return "LOC", k + n  # "[Nhật Bản] Mitsubishi Materials", not "[Hà Nội] FC"
        if self.org_suffixes.ends_at(words, j, k + 1):
            return "ORG", j
        if h:
            return "LOC", j
        if ACRONYM.match(toks[k].text):
            e = k + 1
            while e < j and self.org_suffixes.match(words, e, j):
                e += 1
            return ("ORG" if self.not_entities.match(words, k) != 1 else None), e
        if self.place_prefixes.ends_at(words, k) or self._near_place_word(toks, k):
            return "LOC", j
        if self.company_heads.ends_at(words, k):
            return "ORG", j
        if not all(vietnamese(t.text) for t in toks[k:j] if t.cap):
            return ("LOC" if self.place_preps.ends_at(words, k) else "ORG"), j
        tags = [t.crf for t in toks[k:j] if t.crf]
        if tags:
            return max(set(tags), key=tags.count), j
        if self.place_preps.ends_at(words, k):
            return "LOC", j
        return None, j
