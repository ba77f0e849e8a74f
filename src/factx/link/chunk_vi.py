"""Phrases of a tagged Vietnamese sentence, for the rule-built tree of :mod:`parse_vi`.

A chunk is an amount (AMT), a verb group (VP), a noun phrase (NP), a time phrase (TIME), a
dimension adjective heading an amount (DIM), a preposition (ADP), punctuation or anything
else (OTHER). The tagger alone cannot tell a time phrase from a subject, a verb modifying
a noun from a predicate, or a recipient from an object, so word classes from links.toml's
``[parser]`` table decide; the lists stay data, as in the other languages.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from factx.link.words import LANG, LinkWords

UPOS = {
    "N": "NOUN",
    "Nc": "NOUN",
    "Nu": "NOUN",
    "Ny": "NOUN",  # abbreviations ("GDP", "UBND") are common nouns; names are the NER's
    "Nb": "NOUN",
    "Np": "PROPN",
    "V": "VERB",
    "A": "ADJ",
    "P": "PRON",
    "R": "ADV",
    "L": "DET",
    "M": "NUM",
    "E": "ADP",
    "C": "CCONJ",
    "CC": "CCONJ",
    "I": "INTJ",
    "T": "PART",
    "CH": "PUNCT",
    "X": "X",
    "Z": "X",
}
NOUNISH = {"NOUN", "PROPN", "PRON", "DET", "NUM"}
# Punctuation that ends a clause.
BREAKS = {",", ";", "(", ")", "-", "–", "—", '"', "“", "”", ".", ":", "!", "?"}
# How a word hangs from the head of its chunk, by its part of speech.
INNER = {"ADJ": "amod", "DET": "det", "NUM": "nummod", "VERB": "compound", "PROPN": "flat"}
Word = tuple[int, int, str, str]
TIME_TAIL = regex.compile(r"[IVX]+|\d+(?:[/.-]\d+)*")  # "quý III", "ngày 28/6"


@dataclass(frozen=True)
class Grammar:
    """The word classes the Vietnamese tree rules read (lower-cased words)."""

    classes: dict[str, frozenset[str]]

    @classmethod
    def load(cls, words: LinkWords) -> Grammar:
        """The linking words of ``words`` the chunker needs, and the ``[parser]`` table of
        vi/links.toml."""
        path = LANG / "vi" / "links.toml"
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("parser", {})
        classes = {k: frozenset(w.lower() for w in v) for k, v in table.items()}
        shared = ("relatives", "approximators", "dimensions", "properties", "levels", "up", "down")
        shared += ("distances", "genitives")
        for kind in shared:
            classes[kind] = frozenset(getattr(words, kind))
        return cls(classes)

    def has(self, kind: str, word: str) -> bool:
        return word.lower() in self.classes.get(kind, frozenset())


@dataclass
class Chunk:
    kind: str  # NP, AMT, VP, TIME, DIM, ADP, PUNCT, OTHER
    idx: list[int] = field(default_factory=list)
    head: int = -1
    inner: list[tuple[int, str]] = field(default_factory=list)  # (word, its relation)


class Chunker:
    """One sentence's words (start, end, text, upos) and the amounts among them."""

    def __init__(
        self, words: list[Word], amounts: Sequence[tuple[int, int]], grammar: Grammar
    ) -> None:
        self.words, self.g = list(words), grammar
        self.amount = [
            next((k for k, (x, y) in enumerate(amounts) if s < y and x < e), None)
            for s, e, _, _ in words
        ]
        for i in range(len(self.words)):
            if self.g.has("verbs", self.text(i)) and self.before_amount(i + 1):
                self.retag(i, "VERB")  # "Việt Nam chi 2 tỷ USD": tagged a pronoun
            elif self.g.has("nouns", self.text(i)) and (
                (i > 0 and self.amount[i - 1] is not None) or self.before_amount(i + 1)
            ):
                self.retag(i, "NOUN")  # "bán 35% cổ phần": tagged a verb
            elif (
                self.g.has("sums", self.text(i))
                and self.upos(i) in ("ADV", "ADJ")
                and self.amount_in_clause(i + 1)
            ):
                self.retag(i, "NOUN")  # ", vốn đầu tư 100 triệu USD": tagged an adverb
            elif self.g.has("distances", self.text(i)) and self.measures_from(i):
                self.retag(i, "ADP")  # "nằm *cách* thị trấn 15 km": where it is measured from

    def amount_in_clause(self, i: int) -> bool:
        """An amount follows from ``i`` on before the clause ends."""
        for k in range(i, len(self.words)):
            if self.amount[k] is not None:
                return True
            if self.text(k) in BREAKS:
                return False
        return False

    def measures_from(self, i: int) -> bool:
        """A verb of distance after another verb ("nằm cách …"; as the predicate it stays a
        verb), whose noun phrase is followed by an amount in its clause."""
        if self.upos(i) != "VERB" or not self.verb_before(i):
            return False
        for k in range(i + 1, len(self.words)):
            if self.amount[k] is not None:
                return k > i + 1
            if self.text(k) in BREAKS or self.upos(k) == "VERB":
                return False
        return False

    def text(self, i: int) -> str:
        return self.words[i][2] if 0 <= i < len(self.words) else ""

    def upos(self, i: int) -> str:
        return self.words[i][3] if 0 <= i < len(self.words) else ""

    def free(self, i: int) -> bool:
        return 0 <= i < len(self.words) and self.amount[i] is None

    def time_start(self, i: int) -> bool:
        """A time phrase begins at ``i``: a time noun, or an opener with a time noun in the
        next two words ("mỗi ngày", "sau hai năm")."""
        if not self.free(i) or self.upos(i) not in NOUNISH:
            return False
        if self.g.has("times", self.text(i)):
            return True
        if self.upos(i) == "NUM":  # "21 giờ", "hai năm"
            return self.free(i + 1) and self.g.has("times", self.text(i + 1))
        return self.g.has("time_openers", self.text(i)) and any(
            self.free(k) and self.g.has("times", self.text(k)) for k in (i + 1, i + 2)
        )

    def time_tail(self, i: int) -> bool:
        """A word that ends a time phrase: "tháng *trước*", "tuần *tới*", "quý *III*",
        "đêm *28/6*"."""
        if not self.free(i):
            return False
        return self.g.has("time_tails", self.text(i)) or bool(TIME_TAIL.fullmatch(self.text(i)))

    def before_amount(self, i: int) -> bool:
        """Only softeners, particles, prepositions and "more" stand between ``i`` and an
        amount ("cao *thêm khoảng* 3 m", "lên *đến* 1.500 tỷ đồng")."""
        k = i
        while self.free(k) and (
            self.upos(k) in ("ADV", "PART", "ADP")
            or (self.upos(k) != "VERB" and self.g.has("up", self.text(k)))
        ):
            k += 1
        return 0 <= k < len(self.words) and self.amount[k] is not None

    def dimension(self, i: int) -> bool:
        """A dimension adjective heading the amount after it ("dài chừng 8 km")."""
        return (
            self.free(i)
            and self.upos(i) == "ADJ"
            and self.g.has("dimensions", self.text(i))
            and not self.g.has("properties", f"{self.text(i - 1)} {self.text(i)}")
            and self.before_amount(i + 1)
        )  # "chiều dài 8 m" is one property noun, split by the tagger

    def changes(self, i: int) -> bool:
        """A verb that states a level, a rise or a fall ("đạt", "tăng", "lên")."""
        return any(self.g.has(c, self.text(i)) for c in ("levels", "up", "down"))

    def verb_before(self, i: int) -> bool:
        """A verb stands before ``i`` in its clause: a noun phrase at ``i`` is an object."""
        k = i - 1
        while k >= 0 and self.text(k) not in BREAKS:
            if self.upos(k) == "VERB":
                return True
            k -= 1
        return False

    def modifier_verbs(self, i: int, nouns: list[int]) -> int:
        """How many verbs from ``i`` modify the noun phrase ``nouns`` before them. After a noun
        that names a sum ("khoản *vay*", "số tiền *đầu tư*"), which never acts, any verb
        but one of level or change does; after a noun of undertakings ("dự án *xử lý
        rác*"), one does where the phrase is an object, or where another verb follows in
        the clause to be the predicate and no amount follows the verb."""
        sums = any(self.g.has("sums", self.text(k)) for k in nouns)
        if not sums and not any(self.g.has("modifiable", self.text(k)) for k in nouns):
            return 0
        noun = nouns[0]
        if not sums and self.g.has("passives", self.text(i)):
            return 0  # "dự án *được* UBND tỉnh phê duyệt": the predicate, passive
        k = i
        while self.free(k) and self.upos(k) == "VERB" and not self.changes(k):
            k += 1
        if k == i or sums or self.verb_before(noun):
            return k - i
        if self.before_amount(k):
            return 0
        for j in range(k, len(self.words)):
            if self.text(j) in BREAKS:
                return 0
            if self.upos(j) == "VERB" and self.free(j):
                return k - i
        return 0

    def noun_phrase(self, i: int) -> Chunk:
        c = Chunk("NP")
        n = len(self.words)
        while i < n and self.free(i):
            up = self.upos(i)
            if c.idx and (self.time_start(i) or self.dimension(i)):
                break  # "giá vàng | hôm nay", "cây cầu | dài 2 km"
            if up in NOUNISH or (up == "ADJ" and c.idx):
                c.idx.append(i)
                i += 1
                continue
            verbs = self.modifier_verbs(i, c.idx) if c.idx and up == "VERB" else 0
            if not verbs:
                break
            c.idx.extend(range(i, i + verbs))
            i += verbs
        nouns = [k for k in c.idx if self.upos(k) in ("NOUN", "PROPN")]
        nouns = nouns or [k for k in c.idx if self.upos(k) == "PRON"]  # "cả *nước*"
        while len(nouns) > 1 and self.g.has("counters", self.text(nouns[0])):
            nouns.pop(0)  # "tổng *vốn*": a total of the noun after it
        c.head = nouns[0] if nouns else c.idx[0]
        alone = len(c.idx) == 1 and self.upos(c.head) == "NOUN"
        if alone and self.g.has("pronouns", self.text(c.head)):  # "Cháu biếu bà …"
            self.retag(c.head, "PRON")
        return c

    def retag(self, i: int, upos: str) -> None:
        s, e, w, _ = self.words[i]
        self.words[i] = (s, e, w, upos)

    def run(self, i: int, kind: str, same: set[str]) -> Chunk:
        """Words from ``i`` on while their part of speech is in ``same``; a verb group
        ends before a verb of level or change that follows another verb ("chiếm đoạt |
        lên tới"): that one states the amount."""
        c = Chunk(kind, [i])
        i += 1
        while self.free(i) and self.upos(i) in same and not self.g.has("times", self.text(i)):
            if (
                kind == "VP"
                and self.changes(i)
                and not self.changes(i - 1)
                and self.before_amount(i + 1)
            ):
                break
            c.idx.append(i)
            i += 1
        return c

    def chunks(self) -> list[Chunk]:
        out: list[Chunk] = []
        i, n = 0, len(self.words)
        while i < n:
            up = self.upos(i)
            if self.amount[i] is not None:
                c, amt = Chunk("AMT"), self.amount[i]
                while i < n and self.amount[i] == amt:
                    c.idx.append(i)
                    i += 1
                c.head = c.idx[-1]
                out.append(c)
                continue
            if up == "VERB":
                c = self.run(i, "VP", {"VERB"})
                c.head = c.idx[0]
            elif self.time_start(i):  # "năm 2024", "mỗi tháng", "sau hai năm"
                c = self.run(i, "TIME", {"NUM", "DET", "PRON"})
                while self.time_start(k := c.idx[-1] + 1) or self.time_tail(k):
                    c.idx.append(k)
                c.head = next((k for k in c.idx if self.g.has("times", self.text(k))), i)
            elif up in NOUNISH:
                c = self.noun_phrase(i)
            elif self.dimension(i) and out and out[-1].kind in ("NP", "AMT"):
                c = Chunk("DIM", [i], i)  # "cây cầu dài 2 km": dài heads the amount
                self.retag(i, "NOUN")
            else:
                kind = {"PUNCT": "PUNCT", "ADP": "ADP"}.get(up, "OTHER")
                c = Chunk(kind, [i], i)
            i = c.idx[-1] + 1
            out.append(c)
        for c in out:  # a noun before the head only counts or wraps it ("*tổng* vốn")
            for k in c.idx:
                modifier = c.kind == "NP" and k > c.head
                rel = INNER.get(self.upos(k), "nmod" if modifier else "compound")
                if k != c.head:
                    c.inner.append((k, rel))
        return out


def chunk(
    words: list[Word], amounts: Sequence[tuple[int, int]], grammar: Grammar
) -> tuple[list[Chunk], list[Word]]:
    """The chunks of a sentence, and its words with the parts of speech the chunks fixed
    (a kinship noun standing alone is a pronoun, a dimension adjective heads a noun)."""
    chunker = Chunker(words, amounts, grammar)
    return chunker.chunks(), chunker.words
