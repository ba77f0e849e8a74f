"""Finding the entity that holds an amount once the rules chose a holder token, or when
they chose none: a title's name, an origin inside what is measured, a place of the
predicate, the nearest actor. Apart from :mod:`factx.link.attach` because these search
the sentence's entities, not the tree around the amount.
"""

from __future__ import annotations

from factx.link.context import Context
from factx.link.fact import Phrase
from factx.link.tree import Token
from factx.model import Mention

# Entity labels that can hold an amount rather than be what it measures.
HOLDERS = ("PERSON", "ORG", "COUNTRY")
# Where an entity stands when it acts: a fallback holder must stand so.
ACTOR_RELS = frozenset({"nsubj", "root", "appos", "dep", "parataxis", "conj", "list"})


def placed(ctx: Context, m: Mention) -> bool:
    """Whether entity ``m`` comes after a preposition other than a genitive: "glaciers *in
    the Alps*" are not the Alps, though "the government *of Canada*" is Canada's."""
    top = entity_top(ctx, m)
    cases = ctx.tree.children(top.i, "case") if top is not None else []
    return bool(cases) and not ctx.rules.words.has("genitives", cases[0].word)


def named_by(ctx: Context, noun: Token) -> Mention | None:
    """The entity a title or descriptor introduces: "Премьер-министр *Михаил Фрадков*",
    "аукционного дома *Christie's*", "the firm *Secunia*"."""
    for kid in ctx.tree.children(noun.i, "appos", "flat", "nmod", "compound"):
        ent = ctx.entity_at(kid) if abs(kid.i - noun.i) <= 3 else None
        if ent is not None and not ctx.tree.children(kid.i, "case"):
            return ent
    return None


def within(ctx: Context, measured: Phrase | None) -> Mention | None:
    """A named owner or origin inside what is measured: "exports *from Norway*",
    "sản lượng thép *của Việt Nam*"."""
    if measured is None:
        return None
    words = ctx.rules.words
    for m in ctx.entities:
        if not (measured.start <= m.start and m.end <= measured.end):
            continue
        top = entity_top(ctx, m)
        cases = ctx.tree.children(top.i, "case") if top is not None else []
        if cases and words.has("origins", cases[0].word):
            return m
    return None


def destination(ctx: Context, t: Token) -> bool:
    """Whether ``t`` is where something goes ("поставлено в Китай"): a recipient, never
    the holder."""
    cases = ctx.tree.children(t.i, "case")
    return bool(cases) and ctx.rules.words.has("destinations", cases[0].word)


def entity_top(ctx: Context, m: Mention) -> Token | None:
    toks = ctx.tree.covering(m.start, m.end)
    return ctx.tree.top(toks) if toks else None


def clause_of(ctx: Context, t: Token) -> Token | None:
    """The first verb above ``t``: the clause it belongs to."""
    return next((a for a in ctx.tree.ancestors(t) if a.upos in ("VERB", "AUX")), None)


def place(ctx: Context, verb: Token | None, exclude: set[int], amount: Mention) -> Mention | None:
    """A country or place in an oblique of the predicate (or of a verb above it) holds a
    level or change stated without a subject: "в России решено увеличить …", "выросли по
    Российской федерации", "declined … across the U.S."."""
    if verb is None:
        return None
    verbs, t = {verb.i}, verb
    while t.rel in ("xcomp", "csubj", "conj") and (up := ctx.tree.head(t)) is not None:
        verbs.add(up.i)  # "в России решено увеличить …": the place of the governing verb
        t = up
    for m in ctx.entities:
        if str(m.label) not in ("COUNTRY", "LOCATION"):
            continue
        top = entity_top(ctx, m)
        if top is None or top.i in exclude or destination(ctx, top):
            continue
        if top.rel == "obl" and top.head in verbs:
            return m
        # A prepositional place between the predicate and the amount is the predicate's,
        # however the parser attached it ("выросли в среднем по стране на …").
        if verb.start < m.start and m.end <= amount.start and ctx.tree.children(top.i, "case"):
            return m
    return None


def nearest_entity(
    ctx: Context,
    amount: Mention,
    measured: Phrase | None,
    exclude: set[int],
    verb: Token | None,
) -> Mention | None:
    """Fallback holder: the closest person, organisation or country before the amount in
    its sentence that stands where an actor stands (a subject, a heading, an apposition),
    outside what is measured; a place qualifies as a holder only by syntax."""
    if verb is None:
        return None  # no predicate, no actor to look for
    # The clauses whose actor may hold: the predicate's, and those it is coordinated with
    # ("Бангладеш является …, однако 90% жителей составляют …").
    clauses, t = {verb.i}, verb
    while t.rel == "conj" and (up := ctx.tree.head(t)) is not None:
        clauses.add(up.i)
        t = up
    best = None
    for m in ctx.entities:
        if str(m.label) not in HOLDERS or m.end > amount.start:
            continue
        if measured is not None and measured.start <= m.start < measured.end:
            continue
        top = entity_top(ctx, m)
        if top is None or top.i in exclude:
            continue
        clause = clause_of(ctx, top)
        if clause is not None and clause.i not in clauses:
            continue  # the subject of another clause ("Керри задаст …, что он мог жить …")
        if top.rel in ACTOR_RELS or top.head in (top.i, -1):
            best = m
    return best
