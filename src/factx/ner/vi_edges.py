"""Vietnamese name rules that look at a whole line rather than one capitalised run.

Split from :mod:`factx.ner.vi_spans`: "Full Name (ABBR)" pairs, found before the runs are
labelled; places joined by a hyphen ("Nga-Mỹ") and an initial's dot ("bà D. đã"), applied
to the labelled spans; and all-capital headlines, where capitals say nothing and only
gazetteer places are kept.
"""

from __future__ import annotations

import regex

from factx.ner.vi_lexicon import INITIAL
from factx.ner.vi_orgs import OrganisationRules
from factx.ner.vi_tokens import ACRONYM, Tok

# A unit's code in parentheses after its name: "Cục Cảnh sát giao thông (C08)".
CODE = regex.compile(r"^\p{Lu}{1,3}\d{1,3}$")


def shouting(toks: list[Tok]) -> bool:
    """A headline or table line in capitals: most of its words are all-capital."""
    words = [t.text for t in toks if t.text.isalpha() and len(t.text) > 1]
    upper = sum(w.isupper() for w in words)
    return upper >= 4 and upper >= 0.8 * len(words)


class LineRules(OrganisationRules):
    """The line-wide rules over the line in hand."""

    def _listed_places(self, toks: list[Tok]) -> list[tuple[str, int, int]]:
        """Gazetteer places of an all-capital line, longest first: its capitals say nothing
        of where names are ("HÀ NỘI: BỘ Y TẾ CẢNH BÁO ..."), and neither rules nor the CRF,
        which reads case, can tell more, so only what a list knows is kept."""
        out, i = [], 0
        while i < len(toks):
            for e in range(min(len(toks), i + 5), i, -1):
                if all(t.text.isalpha() for t in toks[i:e]) and self.gaz.is_place(
                    self._text(toks, i, e)
                ):
                    out.append(("LOC", toks[i].start, toks[e - 1].end))
                    i = e
                    break
            else:
                i += 1
        return out

    def _with_dot(self, toks: list[Tok], label: str, s: int, e: int) -> tuple[str, int, int]:
        """A person's initial keeps its dot ("bà [D.] đã", "[Nguyễn Văn H.],") where the
        text goes on, so the dot is no sentence's end."""
        if (
            label == "PER"
            and INITIAL.match(toks[e - 1].text)
            and e + 1 < len(toks)
            and toks[e].text == "."
            and toks[e].start == toks[e - 1].end
            and (toks[e + 1].text in ",;:)" or toks[e + 1].text[:1].islower())
        ):
            return label, s, e + 1
        return label, s, e

    def _split_places(self, label: str, start: int, end: int) -> list[tuple[str, int, int]]:
        """ "Nga-Mỹ", "Hà Nội-Hải Phòng": places joined by a hyphen are each a location.

        Only where the joined whole is no place itself and every part is one.
        """
        text = self.line[start:end]
        if "-" not in text or self.gaz.is_place(text):
            return [(label, start, end)]
        parts, s = [], start
        for piece in text.split("-"):
            if not piece or piece != piece.strip() or not self.gaz.is_place(piece):
                return [(label, start, end)]
            parts.append(("LOC", s, s + len(piece)))
            s += len(piece) + 1
        return parts

    def _abbreviations(self, toks: list[Tok], out: list, taken: list[bool]) -> None:
        """ "Full Name (ABBR)": both ORG, the full name back to its institution word."""
        words = self.words
        for a in range(1, len(toks) - 2):
            if not (
                toks[a].text == "("
                and toks[a + 2].text == ")"
                and (ACRONYM.match(toks[a + 1].text) or CODE.match(toks[a + 1].text))
                and not self.not_entities.match(words, a + 1)
                and not taken[a - 1]
            ):
                continue
            s, head = a, None
            while s > 0 and a - s < 14:
                t = toks[s - 1]
                if t.text in ",.;:()" or (not t.name and self.bridge_stop.match(words, s - 1)):
                    break
                s -= 1
                if (
                    t.cap
                    and (self.org_heads.match(words, s) or self.company_heads.match(words, s))
                    and (  # a nearer head inside a longer name: "[Cục Cảnh sát giao thông]"
                        head is None
                        or (all(x.name for x in toks[s:head]) and not self.titles.match(words, s))
                    )
                ):
                    head = s
                if t.initial:
                    break
            full, short = "ORG", "ORG"
            if head is None:
                head = a
                while head > 0 and toks[head - 1].name and not toks[head].initial:
                    head -= 1
                if head < a and self._place_len(toks, head, a) == a - head:
                    full, short = "LOC", self._place_abbreviation(toks, head, a)
            if head < a:
                out.append((full, head, a))
                taken[head:a] = [True] * (a - head)
            out.append((short, a + 1, a + 2))
            taken[a + 1] = True

    def _place_abbreviation(self, toks: list[Tok], head: int, a: int) -> str:
        """Label of the abbreviation after the place ``toks[head:a]``.

        The place's own initials or another name of it ("Thành phố Hồ Chí Minh (TP.HCM)",
        "Hoa Kỳ (US)") are the place; letters beyond what is written name the body the place
        stands for, as "Lugansk (LPD)" does the republic, which is an organisation.
        """
        abbr = toks[a + 1].text
        initials = "".join(t.text[0] for t in toks[head:a]).casefold()
        letters = "".join(c for c in abbr if c.isalpha()).casefold()
        return "LOC" if letters == initials or self.gaz.is_place(abbr) else "ORG"
