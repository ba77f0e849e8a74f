"""From the rules' token choices to a Fact: phrases, entities, change, date, source, score."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from factx.link.fact import AMOUNTS, Change, Fact, Phrase
from factx.link.lookups import phrase
from factx.link.rules import VERBAL, Rules
from factx.link.tree import Token, Tree
from factx.model import Mention

ENTITIES = ("PERSON", "ORG", "COUNTRY", "LOCATION")
# Entity labels that can hold an amount rather than be what it measures.
HOLDERS = ("PERSON", "ORG", "COUNTRY")
# Amounts a buyer, seller or owner has, whatever they are attached to ("a $40 million deal",
# "a 20% stake"); a size attached to its noun belongs to that noun.
TRADED = ("MONEY", "PERCENT")
# Where an entity stands when it acts: a fallback holder must stand so.
ACTOR_RELS = frozenset({"nsubj", "root", "appos", "dep", "parataxis", "conj", "list"})
# Where an unnamed source phrase ends.
SOURCE_END = regex.compile(r"[,.;:!?()\"«»“”—–]|\s-\s")


@dataclass
class Context:
    """One parsed sentence [start, end) of a document, with its mentions."""

    text: str
    start: int
    end: int
    tree: Tree
    mentions: list[Mention]
    rules: Rules
    entities: list[Mention] = field(init=False)
    _entity: dict[int, Mention] = field(init=False)
    facts: frozenset[int] = field(init=False)

    def __post_init__(self) -> None:
        """Which token lies in which entity, and which in a date, duration or amount,
        worked out once per sentence: a sentence may hold hundreds of numbers."""
        self.entities = [m for m in self.mentions if str(m.label) in ENTITIES]
        self._entity = {}
        facts: set[int] = set()
        spans = [m for m in self.mentions if str(m.label) in (*AMOUNTS, "DATE", "DURATION")]
        for m in self.entities:
            for t in self.tree.covering(m.start, m.end):
                self._entity.setdefault(t.i, m)
        for m in spans:
            facts.update(t.i for t in self.tree.covering(m.start, m.end))
        self.facts = frozenset(facts)

    def entity_at(self, t: Token) -> Mention | None:
        return self._entity.get(t.i)

    def is_fact_span(self, t: Token) -> bool:
        """A token inside a date, duration or amount: never measured or holder."""
        return t.i in self.facts

    def span(self, a: int, b: int) -> Phrase:
        s, e = self.tree.tokens[a].start, self.tree.tokens[b].end
        return Phrase(s, e, self.text[s:e])


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


def placed(ctx: Context, m: Mention) -> bool:
    """Whether entity ``m`` comes after a preposition other than a genitive: "glaciers *in
    the Alps*" are not the Alps, though "the government *of Canada*" is Canada's."""
    top = entity_top(ctx, m)
    cases = ctx.tree.children(top.i, "case") if top is not None else []
    return bool(cases) and not ctx.rules.words.has("genitives", cases[0].word)


def reference(ctx: Context, i: int, a: int) -> int:
    """Where a measured phrase starts: a distance's reference keeps its preposition, as
    the guide writes it ("*from* Herat", "*к* югу от Москвы")."""
    cases = ctx.tree.children(i, "case")
    if cases and cases[0].i < a and ctx.rules.words.has("distances", cases[0].word):
        return cases[0].i  # "*off* the coast": past the article phrase() dropped
    return a


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


def source(ctx: Context) -> Phrase | None:
    """The attributed source: the entity right after an attribution phrase, else the words
    up to the next punctuation."""
    sentence = ctx.text[ctx.start : ctx.end]
    lower = sentence.lower()
    for marker in ctx.rules.words.sources:
        for hit in regex.finditer(rf"(?<!\w){regex.escape(marker)}(?!\w)", lower):
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
