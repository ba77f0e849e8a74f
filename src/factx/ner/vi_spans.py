"""Vietnamese names from capitalisation, labelled by stated rules with the CRF as last resort.

underthesea's CRF glues titles to names ("Thủ tướng Trần Minh Hiếu" as LOC), confuses people
with places and finds few organisations, but Vietnamese orthography marks names well: every
syllable of a person's or place's name is capitalised, an organisation's name starts with a
capitalised institution word. So names are proposed from capitalised runs of syllables
(underthesea's word segmentation says which lowercase syllables belong to a capitalised
word, its POS which sentence-initial words are common nouns) and each run is labelled
(:mod:`factx.ner.vi_runs`) by the first rule that applies, in this order:

 1. a date word ("tháng Tám"), a language ("tiếng Việt") or a product/event cue ("chip
    H100") before it: no entity;
 2. a parenthesised abbreviation after it: ORG, back to its institution word; a place
    without one stays a location ("Lugansk (LPD)"), its abbreviation too when it spells
    the place's initials ("TP.HCM");
 3. a place word opening it ("Huyện Tân Lạc", "Cầu Long Biên"): a location;
 4. a lowercase institution word before it ("công ty", "báo", "đội", "ubnd tỉnh"): ORG with
    that word inside, unless the name is a bare country or city ("đội tuyển [Thái Lan]");
 5. a lowercase place word before it ("huyện", "sông", "đường"): a location with the word
    inside ("huyện Nghi Xuân", VLSP-2016; the norm is the bare name);
 6. an institution word ("Bộ", "Tập đoàn", "Quốc hội") at its start: ORG, across lowercase
    words to a later capitalised one, stopping at a person or a foreign country
    (:mod:`factx.ner.vi_orgs`);
 7. a title or form of address before it: a person at its end, after the places and
    organisations the title names ("Chủ tịch [Trung Quốc] [Tập Cận Bình]"); after the
    title's phrase and a comma, an appositive name ("Trợ lý Tổng thống Putin, [Kirill
    Dmitriev],"); before ", <title>", a foreign name ("[Elon Musk], Giám đốc ..."); after a
    form of address, any name but a country ("cô [Mai]");
 8. a common surname starting two to four syllables, or a Korean name ("Park Hang-seo"):
    a person;
 9. a gazetteer place, a place word before it ("nước", "thủ đô"): a location;
10. a lone given name the segmenter glued into a verb ("[Hải] đuổi theo"): a person;
11. an all-capital abbreviation or a name ending in "FC", "Group"…: ORG;
12. a foreign word: a location after "ở/tại", else an organisation;
13. the CRF's own label.

Then the CRF's own people and headed places stand where no cue overrides them
(:mod:`factx.ner.vi_crf`), and the line-wide rules of :mod:`factx.ner.vi_edges` apply:
places joined by a hyphen ("Nga-Mỹ") come out as one location each, an initial keeps its
dot, and an all-capital headline keeps only gazetteer places.
"""

from __future__ import annotations

from collections.abc import Sequence

from factx.ner.vi_crf import keep_crf
from factx.ner.vi_edges import shouting
from factx.ner.vi_runs import RunRules
from factx.ner.vi_tokens import Tok, tokenize


class VietnameseNames(RunRules):
    """Labels capitalised runs of a Vietnamese line; see the module docstring for the order."""

    def spans(
        self, line: str, tagged: Sequence[tuple], aligned: Sequence[tuple[int, int] | None]
    ) -> list[tuple[str, int, int]]:
        """(PER|ORG|LOC, start, end) in ``line``, from underthesea's tagged, aligned words."""
        self.line = line
        toks = tokenize(line, tagged, aligned)
        self.words = [t.text for t in toks]
        if shouting(toks):
            return self._listed_places(toks)
        out: list[tuple[str, int, int]] = []
        taken = [False] * len(toks)
        self._abbreviations(toks, out, taken)
        # title: a title waits for its person; phrase: the title's phrase is still open, so
        # a comma after it may introduce the person as an appositive ("Trợ lý X, [Y Z]").
        # described: the title follows "<untitled person>," and describes that person.
        i, title, phrase, appos, described, bare = 0, False, False, False, False, -1
        kin = False  # the title is a form of address ("cô", "anh"): its name is a person
        while i < len(toks):
            if taken[i]:
                i += 1
                continue
            k = self._title_at(toks, i)
            if k:
                if not title:
                    phrase = not self.source_words.ends_at(self.words, i)
                    described = i >= 2 and toks[i - 1].text == "," and bare == i - 1
                kin = not title and bool(self.honorifics.match(self.words, i))
                title, i = True, i + k
                continue
            if not toks[i].name or not toks[i].cap:  # a run starts capitalised, never
                # with the lowercase rest of a word a name left behind ("Nhà [nước]")
                link = toks[i].text in "()" or bool(self.title_links.match(self.words, i))
                appos = phrase and toks[i].text == ","
                title, phrase = title and link, phrase and link
                i += 1
                continue
            j = self._run_end(toks, i)
            j = next((x for x in range(i, j) if taken[x]), j)
            found, j = self._label_run(toks, i, j, title, appos, described, kin and title)
            out += found
            untitled = not title and not appos and found and found[-1][0] == "PER"
            bare = j if untitled and found[-1][2] == j else -1
            title = title and not any(lab == "PER" for lab, _, _ in found)
            described = described and title
            phrase, appos = phrase and not appos, False
            i = j
        out = [self._with_dot(toks, *sp) for sp in keep_crf(self, toks, out)]
        return [
            part
            for lab, s, e in out
            for part in self._split_places(lab, toks[s].start, toks[e - 1].end)
        ]

    def _title_at(self, toks: list[Tok], i: int) -> int:
        m = self.titles.match(self.words, i)
        if m:
            return m
        m = self.honorifics.match(self.words, i)
        if (
            m
            and i + m < len(toks)
            and toks[i + m].name
            and (self._word_start(toks, i + m) or toks[i + m].cap)  # not "Bà con" (folks)
        ):
            # "cô [Mai]", "anh [Tuấn]": a city's name is a given name here, a country only
            # where the CRF reads a person ("anh Đức"), nor a place the word is part of
            # ("Bà Rịa")
            j = self._run_end(toks, i + m)
            country = self.gaz.is_country(self._text(toks, i + m, j))
            if (not country or toks[i + m].crf == "PER") and not (
                self.gaz.is_place(self._text(toks, i, j))
            ):
                return m
        return 0
