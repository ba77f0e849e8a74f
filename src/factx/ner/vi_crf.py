"""Where underthesea's CRF reading stands against the Vietnamese span rules.

underthesea's CRF, trained on VLSP-2016, is good at people from context: "Nam gọi điện",
"Đoàn vừa nhận nhiệm vụ" are people although "Nam" is also a direction and "Đoàn" an
institution word. The capitalisation rules of :mod:`factx.ner.vi_spans` cannot see that
context, so where the CRF tags a person and the rules say place, organisation or nothing,
the person stands unless one of these holds:

 - a rule span reaches beyond the CRF's words: a head word names what it is ("huyện Nam",
   "công ty Hòa Bình", "Bộ Y tế");
 - a place, institution, date or demonym word stands right before it ("nước Anh", "báo
   Tuổi Trẻ", "tháng Năm", "người Việt");
 - the words are a country, region, Vietnamese province or district or large city ("Hà
   Nội", "Anh"; a small foreign town's name, "Kim", is more often a given name), or one
   foreign word (in Vietnamese
   news the CRF takes brands and foreign cities for people: "Samsung", "Manila"; two or
   three name-shaped foreign words, "Barack Obama", and an initial, "Kh.", stay people),
   or hold an abbreviation or a digit.

Where the rules found a person over the same words, theirs stands (they know titles and
boundaries), unless their span glues a lowercase word inside ("Võ tên Khang").

The CRF also knows VLSP's places named by a head and a number or a lowercase word, which
capitalisation cannot see: "quốc lộ 14", "đường liên cảng B3". A CRF location that starts
with a place word stands where the rules found nothing there or only places inside it.
"""

from __future__ import annotations

from factx.ner.phrases import fold
from factx.ner.vi_lexicon import DIGIT, INITIAL, VietnameseLexicon
from factx.ner.vi_tokens import ACRONYM, Tok, marked, vietnamese

Span = tuple[str, int, int]  # label, first token, end token


def crf_entities(toks: list[Tok], kind: str) -> list[tuple[int, int]]:
    """Token ranges of the CRF's entities of one kind."""
    ranges: dict[int, list[int]] = {}
    for x, t in enumerate(toks):
        if t.crf == kind and t.ent >= 0:
            ranges.setdefault(t.ent, [x, x + 1])[1] = x + 1
    return [(a, b) for a, b in ranges.values()]


def crf_people(lex: VietnameseLexicon, toks: list[Tok]) -> list[tuple[int, int]]:
    """Token ranges of the CRF's PER entities, titles and lowercase edges left out."""
    out = []
    for a, b in crf_entities(toks, "PER"):
        while a < b and (
            not toks[a].cap
            or lex.titles.match(lex.words, a, b)
            or lex.honorifics.match(lex.words, a, b)
        ):
            a += max(1, lex.titles.match(lex.words, a, b), lex.honorifics.match(lex.words, a, b))
        while b > a and not toks[b - 1].cap:
            b -= 1
        if a < b and all(t.name for t in toks[a:b]):
            out.append((a, b))
    return out


def _glued(lex: VietnameseLexicon, toks: list[Tok], s: int, e: int) -> bool:
    """A lowercase Vietnamese word inside a person's span: no Vietnamese name has one."""
    return any(
        not t.cap and vietnamese(t.text) and fold(t.text) not in lex.particles for t in toks[s:e]
    )


def _cued(lex: VietnameseLexicon, toks: list[Tok], a: int, b: int, over: list[Span]) -> bool:
    """Whether the rules have a stated reason to read ``toks[a:b]`` as no person."""
    words = lex.words
    if any(lab != "PER" and (s < a or e > b) for lab, s, e in over):
        return True
    if toks[a].initial and toks[a].pos != "Np" and not INITIAL.match(toks[a].text):
        return True  # a sentence's first word, which the POS tagger calls no name: "Mé phải"
    if any(ACRONYM.match(t.text) or DIGIT.search(t.text) for t in toks[a:b]):
        return True
    if lex._known_place(lex._text(toks, a, b)):
        return True  # a small foreign town's name is more often a given name here: "Kim"
    foreign = not all(vietnamese(t.text) for t in toks[a:b])
    if (
        foreign
        and not (
            (b - a == 1 and INITIAL.match(toks[a].text))  # "Kh.", "D."
            or (  # "Barack Obama", but not "Hanaco Long An"
                lex._foreign_name(toks, a, b)
                and lex._name_shaped(toks, a, b)
                and not any(marked(t.text) for t in toks[a:b])
            )
        )
    ):
        return True  # a single foreign word is more often a brand or a city: "Samsung"
    if b - a > 1 and (
        lex.run_place_heads.match(words, a)  # "Phường Bến Nghé"
        or lex.org_heads.match(words, a)
        or lex.company_heads.match(words, a)
        or lex.org_words.match(words, a)
    ):
        return True
    if a and not toks[a - 1].cap:
        return any(
            phrases.ends_at(words, a)
            for phrases in (
                lex.place_heads,
                lex.place_prefixes,
                lex.lead_org_heads,
                lex.not_after,
                lex.misc_cues,
            )
        )
    return False


def crf_places(lex: VietnameseLexicon, toks: list[Tok]) -> list[tuple[int, int]]:
    """Token ranges of the CRF's LOC entities that open with a lowercase place word."""
    out = []
    for a, b in crf_entities(toks, "LOC"):
        while b > a and not toks[b - 1].text[:1].isalnum():
            b -= 1
        n = lex._head_at(lex.place_heads, toks, a)
        rest = toks[a + n : b]
        if (
            n
            and rest
            and (not toks[a].cap or toks[a].initial)
            and (rest[-1].cap or DIGIT.search(rest[-1].text))  # "quốc lộ 14", "cảng B3"
            and sum(not t.cap for t in rest) <= 2
            and not any(lex.bridge_stop.match(lex.words, x) for x in range(a + n, b))
        ):
            out.append((a, b))
    return out


def keep_crf(lex: VietnameseLexicon, toks: list[Tok], spans: list[Span]) -> list[Span]:
    """``spans`` (token ranges) with the CRF's people and headed places restored where no
    cue overrides them."""
    for a, b in crf_places(lex, toks):
        over = [sp for sp in spans if sp[1] < b and sp[2] > a]
        if all(lab == "LOC" and a <= s and e <= b for lab, s, e in over):
            spans = [sp for sp in spans if sp not in over] + [("LOC", a, b)]
    for a, b in crf_people(lex, toks):
        over = [sp for sp in spans if sp[1] < b and sp[2] > a]
        people = [sp for sp in over if sp[0] == "PER"]
        if people and not any(_glued(lex, toks, s, e) for _, s, e in people):
            continue
        if _cued(lex, toks, a, b, over):
            continue
        spans = [sp for sp in spans if sp not in over] + [("PER", a, b)]
    return sorted(spans, key=lambda sp: sp[1])
