"""A fact's details beside what is measured and who holds it: the predicate as written,
the change it states, its date and its attributed source.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from factx.link.choice import VERBAL
from factx.link.context import Context
from factx.link.fact import AMOUNTS, Change, Phrase
from factx.link.tree import Token

# Where an unnamed source phrase ends.
SOURCE_END = regex.compile(r"[,.;:!?()\"«»“”—–]|\s-\s")


def verb_phrase(ctx: Context, verb: Token) -> Phrase:
    """The predicate as written, with the particles and verbs glued to it ("nắm giữ",
    "будут выделены", "accounted for" stays "accounted": its preposition marks the amount)."""
    tree = ctx.tree
    near = [
        k.i for k in tree.children(verb.i, "compound", "aux", "fixed") if abs(k.i - verb.i) <= 2
    ]
    a, b = min([verb.i, *near]), max([verb.i, *near])
    return ctx.span(a, b)


def change(ctx: Context, verb: Token | None, measured: int | None, amount: list[Token]) -> Change:
    """Up or down when the amount's own predicate, its particles, the measured noun or the
    word just before the amount states a rise or a fall ("rose", "сократился", "rộng thêm")."""
    tree, rules = ctx.tree, ctx.rules
    probe: list[Token] = []
    if verb is not None:
        probe += [verb, *tree.children(verb.i, "compound", "advmod", "xcomp")]
    if measured is not None:
        probe.append(tree.tokens[measured])
    first = amount[0].i
    if first > 0 and not rules.words.has("approximators", tree.tokens[first - 1].word):
        probe.append(tree.tokens[first - 1])  # not "больше 5 млн": that only softens it
    top = tree.top(amount)
    up = tree.head(top) if top is not None else None
    if up is not None and up.upos in ("ADV", "ADJ"):
        probe.append(up)  # "closed 3% *higher*"
    if (
        verb is not None
        and up is not None
        and up.i == verb.i
        and top is not None
        and top.rel == "obj"
        and not rules.words.has("levels", verb.word)
        and rules.means("up", verb)
    ):
        # "raised $300 million": a rise verb's object is what it gathers, not a rise
        probe = [t for t in probe if t.i != verb.i]
    for t in probe:
        if rules.means("down", t):
            return Change.DOWN
        if rules.means("up", t):
            return Change.UP
    return Change.NONE


def date(ctx: Context, verb: Token | None, amount: list[Token], measured: int | None) -> str | None:
    """The norm of the DATE whose clause is the amount's: the first verb above the date is
    the amount's predicate, or the date hangs from the amount or what it measures."""
    tree = ctx.tree
    anchors = {t.i for t in amount} | ({measured} if measured is not None else set())
    others = {
        t.i
        for m in ctx.mentions
        if str(m.label) in AMOUNTS
        for t in tree.covering(m.start, m.end)
        if t.i not in anchors
    }
    best: tuple[int, str] | None = None
    for m in ctx.mentions:
        if str(m.label) != "DATE" or not m.norm:
            continue
        toks = tree.covering(m.start, m.end)
        top = tree.top(toks) if toks else None
        if top is None:
            continue
        up = [a for a in tree.ancestors(top)]
        if up and up[0].i in others:
            continue  # "against $2.5 billion *in 2020*": the other amount's date
        clause = next((a for a in up if a.upos in VERBAL), None)
        tied = (verb is not None and clause is not None and clause.i == verb.i) or any(
            a.i in anchors for a in up[:2]
        )
        if verb is None and clause is None:
            tied = True
        if tied:
            distance = abs(m.start - amount[0].start)
            if best is None or distance < best[0]:
                best = (distance, m.norm)
    return best[1] if best else None


@lru_cache(maxsize=4096)
def word(marker: str) -> regex.Pattern[str]:
    """``marker`` as a whole word (compiled once: it is looked for in every sentence)."""
    return regex.compile(rf"(?<!\w){regex.escape(marker)}(?!\w)")


def source(ctx: Context) -> Phrase | None:
    """The attributed source: the entity right after an attribution phrase, else the words
    up to the next punctuation."""
    sentence = ctx.text[ctx.start : ctx.end]
    lower = sentence.lower()
    for marker in ctx.rules.words.sources:
        for hit in word(marker).finditer(lower):
            at = ctx.start + hit.end()
            ent = next((m for m in ctx.entities if at <= m.start <= at + 3), None)
            if ent is not None:
                return Phrase(ent.start, ent.end, ent.text)
            rest = ctx.text[at : ctx.end]
            stop = SOURCE_END.search(rest)
            body = rest[: stop.start() if stop else len(rest)]
            words = body.split()
            if 0 < len(words) <= 8:
                s = at + body.index(words[0])
                e = at + body.rindex(words[-1]) + len(words[-1])
                return Phrase(s, e, ctx.text[s:e])
    return None
