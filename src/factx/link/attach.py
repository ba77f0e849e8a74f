"""From the rules' token choices to a Fact: the measured and holder phrases and entities,
with the details (change, date, source) from :mod:`factx.link.details` and the entity
searches from :mod:`factx.link.holders`; the score says how much was found.
"""

from __future__ import annotations

from factx.link.context import Context
from factx.link.details import change, date, source, verb_phrase
from factx.link.fact import Fact, Phrase
from factx.link.holders import HOLDERS, named_by, nearest_entity, place, placed, within
from factx.link.phrase import phrase
from factx.model import Mention

# Amounts a buyer, seller or owner has, whatever they are attached to ("a $40 million deal",
# "a 20% stake"); a size attached to its noun belongs to that noun.
TRADED = ("MONEY", "PERCENT")


def fact_for(ctx: Context, amount: Mention) -> Fact:
    tree = ctx.tree
    toks = tree.covering(amount.start, amount.end)
    if not toks:
        return Fact(amount)
    inside = {t.i for t in toks}
    blocked = ctx.facts - inside
    named = frozenset(ctx._entity)
    att = ctx.rules.attach(tree, toks, blocked, named, str(amount.label) not in TRADED)
    measured_i, holder_i = att.measured, att.holder
    if (
        att.direct
        and holder_i is None
        and att.predicate is not None
        and str(amount.label) in TRADED
    ):
        # "Acme agreed a $40 million deal": Acme pays
        holder_i = ctx.rules.subject(tree, tree.tokens[att.predicate])
    if measured_i is not None and holder_i is None:
        ent = ctx.entity_at(tree.tokens[measured_i])
        if ent is not None and str(ent.label) in HOLDERS:  # "Nga: 658 triệu tấn"
            measured_i, holder_i = None, measured_i
    measured = holder = None
    label = norm = None
    score = 0.2
    if measured_i is not None and measured_i not in blocked:
        ent = ctx.entity_at(tree.tokens[measured_i])
        if ent is not None:
            measured = Phrase(ent.start, ent.end, ent.text)
        else:
            a, b = phrase(tree, measured_i, inside | blocked | att.wrappers)
            if str(amount.label) not in TRADED:
                a = reference(ctx, measured_i, a)
            measured = ctx.span(a, b)
        score += 0.3
    exclude = inside | blocked | att.wrappers
    exclude |= {measured_i} if measured_i is not None else set()
    holder_tok = tree.tokens[holder_i] if holder_i is not None else None
    if holder_tok is not None and not ctx.is_fact_span(holder_tok):
        holder = ctx.span(*phrase(tree, holder_tok.i, exclude))
        ent = (
            ctx.entity_at(holder_tok)
            or named_by(ctx, holder_tok)
            or next(
                (
                    m
                    for m in ctx.entities
                    if holder.start <= m.start and m.end <= holder.end and not placed(ctx, m)
                ),
                None,
            )
        )
        if ent is not None:  # the entity factx found, so the fact joins entities.csv
            holder, label, norm = Phrase(ent.start, ent.end, ent.text), str(ent.label), ent.norm
            score += 0.1
        score += 0.3
    predicate = tree.tokens[att.predicate] if att.predicate is not None else None
    cited = source(ctx)
    if holder is None and not att.direct:
        if cited is not None:  # "according to Nielsen": the source holds nothing
            exclude |= {t.i for t in tree.covering(cited.start, cited.end)}
        ent = (
            place(ctx, predicate, exclude, amount)
            or within(ctx, measured)
            or nearest_entity(ctx, amount, measured, exclude, predicate)
        )
        if ent is not None:
            holder, label, norm = Phrase(ent.start, ent.end, ent.text), str(ent.label), ent.norm
            score += 0.15
    if predicate is not None:
        score += 0.1
    return Fact(
        amount,
        measured,
        holder,
        label,
        norm,
        verb_phrase(ctx, predicate) if predicate is not None else None,
        change(ctx, predicate, att.measured, toks),
        date(ctx, predicate, toks, att.measured),
        cited,
        min(score, 1.0),
    )


def reference(ctx: Context, i: int, a: int) -> int:
    """Where a measured phrase starts: a distance's reference keeps its preposition, as
    the guide writes it ("*from* Herat", "*к* югу от Москвы")."""
    cases = ctx.tree.children(i, "case")
    if cases and cases[0].i < a and ctx.rules.words.has("distances", cases[0].word):
        return cases[0].i  # "*off* the coast": past the article phrase() dropped
    return a
