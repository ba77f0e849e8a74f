"""Vietnamese sentences to UD-shaped trees from underthesea's POS tagger.

underthesea ships a tagger but no dependency parser, so the tree is built by rule from the
tags, which works because Vietnamese news prose is head-initial and SVO: a noun phrase is
its head noun followed by its modifiers; a numeral and a unit noun (M, Nu) head an amount,
and the noun phrase right after it is what it counts ("658 triệu tấn *kim loại hiếm*");
an amount right after a noun phrase qualifies it ("chiều dài 50 cm"); the noun phrase before
a verb group is its subject, the one after its object, one after a preposition an oblique;
a clause after a comma joins the previous verb as a conjunct, sharing its subject.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from underthesea import pos_tag

from factx.link.tree import Token, Tree
from factx.ner.underthesea import align

UPOS = {
    "N": "NOUN",
    "Nc": "NOUN",
    "Nu": "NOUN",
    "Ny": "PROPN",
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
CLAUSE_BREAKS = {",", ";", "(", ")", "-", "–", "—", '"', "“", "”"}


@dataclass
class Chunk:
    kind: str  # NP, AMT, VP, ADP, PUNCT, OTHER
    idx: list[int] = field(default_factory=list)
    head: int = -1


class VietnameseParser:
    """underthesea's bundled CRF POS tagger, and the attachment rules above.

    ``relatives`` open a relative clause ("mà") and ``approximators`` soften an amount
    ("khoảng", "gần"), whatever their tag; both come from links.toml.
    """

    def __init__(self, relatives: Sequence[str] = (), approximators: Sequence[str] = ()) -> None:
        self.relatives = frozenset(relatives)
        self.approximators = frozenset(approximators)

    def parse(
        self, text: str, spans: Sequence[tuple[int, int]], amounts: Sequence[tuple[int, int]]
    ) -> list[Tree]:
        return [self.sentence(text, a, b, amounts) for a, b in spans]

    def sentence(self, text: str, a: int, b: int, amounts: Sequence[tuple[int, int]]) -> Tree:
        tagged = pos_tag(text[a:b])
        where = align(text[a:b], [w for w, _ in tagged])
        words = [
            (a + s, a + e, text[a + s : a + e], self.upos(text[a + s : a + e], tag))
            for (_, tag), se in zip(tagged, where, strict=True)
            if se
            for s, e in [se]
        ]
        return build(words, amounts, self.relatives)

    def upos(self, word: str, tag: str) -> str:
        return "ADV" if word.lower() in self.approximators else UPOS.get(tag, "X")


def build(
    words: list[tuple[int, int, str, str]],
    amounts: Sequence[tuple[int, int]],
    relatives: frozenset[str] = frozenset(),
) -> Tree:
    """Heads and relations for tagged words (start, end, text, upos)."""
    n = len(words)
    heads, rels = [-1] * n, ["dep"] * n

    def amount_of(i: int) -> int | None:
        s, e = words[i][0], words[i][1]
        return next((k for k, (x, y) in enumerate(amounts) if s < y and x < e), None)

    chunks: list[Chunk] = []
    i = 0
    while i < n:
        upos = words[i][3]
        amt = amount_of(i)
        if amt is not None:
            c = Chunk("AMT")
            while i < n and amount_of(i) == amt:
                c.idx.append(i)
                i += 1
            c.head = c.idx[-1]
        elif upos == "VERB":
            c = Chunk("VP")
            while i < n and words[i][3] == "VERB" and amount_of(i) is None:
                c.idx.append(i)
                i += 1
            c.head = c.idx[0]
        elif upos in NOUNISH:
            c = Chunk("NP")
            while (
                i < n
                and amount_of(i) is None
                and (words[i][3] in NOUNISH or (words[i][3] == "ADJ" and c.idx))
            ):
                c.idx.append(i)
                i += 1
            nouns = [k for k in c.idx if words[k][3] in ("NOUN", "PROPN", "PRON")]
            c.head = nouns[0] if nouns else c.idx[0]
        else:
            c = Chunk("PUNCT" if upos == "PUNCT" else "ADP" if upos == "ADP" else "OTHER")
            c.idx, c.head = [i], i
            i += 1
        for k in c.idx:  # inside a chunk everything hangs from its head
            if k != c.head:
                heads[k] = c.head
                up = words[k][3]
                rels[k] = {
                    "ADJ": "amod",
                    "DET": "det",
                    "NUM": "nummod",
                    "VERB": "compound",
                    "PROPN": "flat",
                }.get(up, "compound" if c.kind != "NP" else "nmod")
        chunks.append(c)

    verb: int | None = None  # the verb of the current clause
    last_verb: int | None = None
    root: int | None = None
    subject: int | None = None  # a noun phrase waiting for its verb
    case: int | None = None
    prev: Chunk | None = None
    relative: int | None = None  # the noun a relative clause being read modifies
    before: Chunk | None = None  # the chunk before a preposition
    for c in chunks:
        h = c.head
        if c.kind == "PUNCT":
            heads[h], rels[h] = (last_verb if last_verb is not None else -1), "punct"
            if words[h][2] in CLAUSE_BREAKS:
                verb, case = None, None
        elif c.kind == "ADP":
            case = h
            before = prev
        elif c.kind == "OTHER":
            heads[h], rels[h] = -1, "advmod"
            if (
                words[h][2].lower() in relatives
                and prev is not None
                and prev.kind
                in (
                    "NP",
                    "AMT",
                )
            ):  # "… 350 tỷ đô la mà ông cho là …": a clause on the noun before
                relative, verb, subject = prev.head, None, None
                heads[h], rels[h] = prev.head, "mark"
        elif c.kind == "VP":
            if subject is not None:
                heads[subject], rels[subject] = h, "nsubj"
                subject = None
            if relative is not None:
                heads[h], rels[h] = relative, "acl:relcl"
                relative = None
            elif root is None:
                root, rels[h] = h, "root"
            elif last_verb is not None:
                heads[h], rels[h] = last_verb, ("xcomp" if verb is not None else "conj")
            verb = last_verb = h
            case = None
        else:  # NP or AMT
            adjacent = prev is not None and prev.kind in ("NP", "AMT")
            if (
                c.kind == "AMT"
                and case is not None
                and before is not None
                and (before.kind == "NP")
            ):  # "trọng lượng trên 500 kg": the preposition only approximates
                heads[case], rels[case] = h, "advmod"
                heads[h], rels[h] = before.head, "nmod"
                case = None
            elif case is not None:
                heads[case], rels[case] = h, "case"
                gov = verb if verb is not None else (prev.head if adjacent and prev else None)
                if gov is None and subject is not None:
                    gov = subject
                heads[h] = gov if gov is not None else -1
                rels[h] = "obl" if gov == verb and verb is not None else "nmod"
                case = None
            elif adjacent and prev is not None and (c.kind == "AMT" or prev.kind == "AMT"):
                heads[h], rels[h] = prev.head, "nmod"  # "chiều dài 50 cm", "tấn kim loại"
            elif verb is None:
                if subject is None:
                    subject = h
                else:
                    heads[h], rels[h] = subject, "nmod"
            else:
                has_obj = any(rels[k] == "obj" and heads[k] == verb for k in range(n))
                heads[h], rels[h] = verb, ("obl" if has_obj else "obj")
        if c.kind != "OTHER" or words[h][3] != "ADV":
            prev = c  # an adverb ("khoảng", "trên") leaves a noun next to its amount
    if subject is not None and root is None:
        root, rels[subject] = subject, "root"
    for k in range(n):
        if heads[k] == -1 and root is not None and k != root and rels[k] != "root":
            heads[k] = root
    tokens = tuple(
        Token(k, s, e, w, u, heads[k], rels[k], w.lower()) for k, (s, e, w, u) in enumerate(words)
    )
    return Tree(tokens)
