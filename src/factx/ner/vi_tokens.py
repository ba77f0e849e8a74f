"""Vietnamese text as syllables carrying underthesea's word, POS and NER tag.

Names in Vietnamese are runs of capitalised syllables, and a syllable's capital only means
something beside what underthesea's word segmentation says of it: "Tài nguyên" is one
capitalised word, a sentence's first word is capitalised whatever it is. So the rules of
:mod:`factx.ner.vi_spans` work on syllables that remember the word they came from.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import regex

TOKEN = regex.compile(r"\w+(?:[-.'’&]\w+)*\+?|[^\w\s]")
ACRONYM = regex.compile(r"^(?=.*\p{Lu}.*\p{Lu})[\p{Lu}\d][\p{Lu}\d.&+-]*$")
# POS of underthesea words that are no names (verbs, adjectives, adverbs, prepositions...):
# a capitalised syllable inside one was glued to its neighbour by the segmenter.
GLUE_POS = frozenset("VAREC")
SENTENCE_END = frozenset('.!?:;"“”«»…')
# A plain Vietnamese syllable once its marks are gone: onset, one of the language's vowel
# nuclei ("uye" of "Nguyen", "uoi" of "người"; never "oei" as in "Boeing"), coda.
VI_SYLLABLE = regex.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?"
    r"(?:oai|oao|oay|oeo|uay|uoi|uou|uya|uye|uyu|ieu|yeu"
    r"|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|[aeiouy])"
    r"(?:ng|nh|ch|[cmnpt])?"
)
VI_LETTERS = regex.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ]")


def marked(word: str) -> bool:
    """Whether ``word`` carries Vietnamese letters or tone marks ("Dương", not "Obama")."""
    if VI_LETTERS.search(word):
        return True
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", word))


def vietnamese(word: str) -> bool:
    """Whether every part of ``word`` reads as a Vietnamese syllable (not "Tokyo", "Samsung")."""
    if marked(word):  # Vietnamese letters or tone marks: a Vietnamese spelling
        return True
    return all(VI_SYLLABLE.fullmatch(p) for p in word.casefold().split("-") if p)


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    word: int  # index of the underthesea word it lies in
    pos: str
    crf: str | None
    cap: bool
    name: bool = False  # capitalised, or the rest of a word that starts capitalised
    initial: bool = False  # the first word of a sentence: its capital says nothing
    ent: int = -1  # index of the CRF entity it lies in, -1 outside any
    # a capitalised syllable the segmenter glued into a lowercase verb, adjective or function
    # word ("Hùng chạy", "gọi Thảo"): a name it did not know, most often a given name
    glued: bool = False


def entity_ids(tagged: Sequence[tuple]) -> list[int]:
    """Per underthesea word, the index of the CRF entity (BIO) it belongs to, or -1."""
    ids: list[int] = []
    n, kind = -1, None
    for t in tagged:
        tag = t[-1]
        this = tag[2:] if tag[:2] in ("B-", "I-") else None
        if this is None:
            kind = None
            ids.append(-1)
            continue
        if tag.startswith("B-") or this != kind:
            n += 1
        kind = this
        ids.append(n)
    return ids


def _glued_tail(toks: list[Tok], i: int) -> bool:
    """``toks[i]`` is the one lowercase syllable ending a word whose other syllables, two or
    more, are all capitalised: "Nguyễn Du [thăm]" (not "Tài nguyên", "Tài nguyên và Môi
    trường")."""
    word = toks[i].word
    before = [u for u in toks[max(0, i - 4) : i] if u.word == word]
    after = [u for u in toks[i + 1 : i + 6] if u.word == word]
    return len(before) >= 2 and all(u.cap for u in before) and not after


def tokenize(
    text: str, tagged: Sequence[tuple], spans: Sequence[tuple[int, int] | None]
) -> list[Tok]:
    """Syllables of ``text`` with the underthesea word, POS and NER tag each lies in."""
    toks: list[Tok] = []
    ents = entity_ids(tagged)
    w = 0
    for m in TOKEN.finditer(text):
        while w < len(spans) and (spans[w] is None or spans[w][1] <= m.start()):
            w += 1
        inside = w < len(spans) and spans[w] is not None and spans[w][0] <= m.start()
        word, pos, tag = (w, tagged[w][1], tagged[w][-1]) if inside else (-1 - len(toks), "", "O")
        crf = tag[2:] if tag[:2] in ("B-", "I-") else None
        tok = Tok(m.start(), m.end(), m.group(), word, pos, crf, m.group()[0].isupper())
        tok.ent = ents[w] if inside else -1
        toks.append(tok)
    for i, t in enumerate(toks):
        prev = toks[i - 1] if i else None
        t.initial = prev is None or prev.text in SENTENCE_END
        t.name = (
            t.text[0].isalpha()
            and (
                t.cap
                # the rest of a capitalised word: "Tài [nguyên]"; but a name of capitalised
                # syllables ends at a lowercase one the segmenter glued into a verb:
                # "Nguyễn Du [thăm]"
                or (
                    prev is not None
                    and prev.name
                    and prev.word == t.word >= 0
                    and not (t.pos[:1] in GLUE_POS and _glued_tail(toks, i))
                )
            )
        )
    for i, t in enumerate(toks):
        same = [u for u in toks[max(0, i - 3) : i + 4] if u.word == t.word >= 0]
        t.glued = (
            t.cap
            and not t.initial
            and t.pos[:1] in GLUE_POS
            and any(not u.cap and u.text.isalpha() for u in same)
        )
    return toks
