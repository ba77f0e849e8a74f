"""One set of attachment rules over UD trees, for every language.

Given a parsed sentence and an amount inside it, the rules walk the tree:
- the amount's head climbs past nouns that merely wrap it ("на сумму", "in the amount of");
- what it measures is its own nominal modifier ("70 percent *of the market*", "tấn *kim loại
  hiếm*"), else the noun it hangs from ("*штраф* в размере …"), else, under a verb, the
  subject when the verb states a level ("*выручка* составила …") or the object or purpose
  of the verb ("купила 5% *акций*", "выделены *на исследования*");
- who holds it is the subject of the governing verb, through conjunctions, open
  complements and relative clauses (a relative pronoun stands for the noun its clause
  modifies), else the genitive of a measured property ("доля *правительства*").
Personal pronouns never hold anything: the guide wants a name or a noun.

The rules for noun-governed amounts are in :mod:`factx.link.nouns`, those for an amount
that is a predicate or a verb's argument in :mod:`factx.link.verbs`; this module climbs
from the amount to the word it hangs from and dispatches.
"""

from __future__ import annotations

from dataclasses import replace

from factx.link.choice import Attachment
from factx.link.fines import Fines
from factx.link.subjects import SUBJECT
from factx.link.tree import NOMINAL, Token, Tree
from factx.link.verbs import VerbRules

# An amount attached to its noun this way measures it directly ("десятиметровая стела").
ATTRIBUTIVE = frozenset({"nummod", "amod", "compound", "det"})


class Rules(VerbRules, Fines):
    """The rules, with one language's words: the climb and dispatch here, the noun- and
    verb-governed rules in NounRules and VerbRules, the tree lookups they use in Lookups
    and Subjects, who owes a fine in Fines."""

    def attach(
        self,
        tree: Tree,
        amount: list[Token],
        blocked: frozenset[int] = frozenset(),
        named: frozenset[int] = frozenset(),
        size: bool = True,
    ) -> Attachment:
        """Where ``amount`` attaches. ``blocked`` are tokens of other dates, durations and
        amounts, which are never what is measured nor who holds it; ``named`` are tokens of
        the entities factx found; ``size`` is false for money and shares, which are never a
        distance from a place ("borrowed $2 billion *from China*")."""
        self.named, self.blocked, self.size = named, blocked, size
        head = tree.top(amount)
        if head is None:
            return Attachment()
        inside = {t.i for t in amount} | blocked
        own = self.own_measure(tree, head, inside)
        if own is None:  # a misparsed amount: "20 млрд" and "долларов" both subjects
            own = next((k for t in amount if (k := self.own_measure(tree, t, inside))), None)
        said = self.predicative(tree, amount, own, inside)
        if said is not None:
            return said
        if own is None:
            own = self.distance(tree, head, inside)
        if own is None:
            own = self.dimension(tree, amount[0])
        # "50 km *north of Kabul*", "*up* 3% from a year earlier": an adverb the amount
        # measures out stands in for it; a compass word names where the distance runs from.
        marker, moved = tree.head(head), None
        if marker is not None and self.pivot(tree, head, marker):
            noun = tree.head(marker)
            if marker.upos == "ADP" and noun is not None:
                head = noun  # "40 miles *off* the coast": its noun is where it runs from
                own = head.i if own is None else own
            elif self.words.has("distances", marker.word):
                head = marker
                own = (self.distance(tree, marker, inside) or marker.i) if own is None else own
            else:
                head = moved = marker  # "up 3%", "3% higher": the change word
        # "by 12 percent or by 8 percent", "50 и 30 метров", "500 miles (800 km)": a second
        # amount attaches as the first one does.
        while (
            (head.rel in ("conj", "appos") or head is moved or self.baseline(tree, head))
            and (first := tree.head(head)) is not None
            and (first.upos in ("NUM", "SYM") or tree.children(first.i, "nummod"))
        ):
            head = first
            if own is None:
                own = self.own_measure(tree, head, inside)
        gov, via = tree.head(head), head
        wrappers: set[int] = set()
        while gov is not None and gov.upos in NOMINAL and self.words.has("wrappers", gov.word):
            wrappers.add(gov.i)
            if own is None:  # "$500 million worth *of damage*": the wrapper's own modifier
                own = self.own_measure(tree, gov, inside)
            gov, via = tree.head(gov), gov
        found = self.governed(tree, head, gov, via, own, inside | wrappers)
        if moved is not None and found.predicate is None:
            found = replace(found, predicate=moved.i)  # "profit of $2 billion, up 5%"
        fine = self.fine(tree, found.measured)
        if fine is not None or self.fining(tree, found.predicate):
            debtor = self.debtor(tree, found.measured, found.predicate, fine, head, inside)
            if debtor is not None:  # "наложил на «Майкрософт» штраф": Microsoft owes it
                found = replace(found, holder=debtor if debtor >= 0 else None)
            if debtor is not None and debtor == found.measured:
                found = replace(found, measured=None)  # "fined Acme $5 million": no noun
        actor = self.relative_actor(tree, head, inside)
        if actor is not None:  # "350 tỷ đô la mà ông cho là Mỹ đã chi": Mỹ spent it
            found = replace(found, holder=actor[0], predicate=actor[1], direct=False)
        if found.holder is None:  # "выделенные Минздравом 2 млрд рублей": the agent's money
            agent = next(
                (
                    a
                    for t in amount
                    for c in tree.children(t.i, "acl", "amod")
                    if c.upos == "VERB" and (a := self.agent(tree, c, inside)) is not None
                ),
                None,
            )
            if agent is not None:
                found = replace(found, holder=agent, direct=False)
        return replace(found, wrappers=frozenset(wrappers))

    def baseline(self, tree: Tree, amount: Token) -> bool:
        """Whether ``amount`` hangs from another amount as its comparison ("$2 billion,
        *against $1.5 billion* a year ago"), not as its part ("40% *of $5 billion*")."""
        if amount.rel != "nmod":
            return False
        cases = tree.children(amount.i, "case")
        return bool(cases) and not any(
            self.words.has(kind, cases[0].word) for kind in ("genitives", "contents")
        )

    def pivot(self, tree: Tree, amount: Token, marker: Token) -> bool:
        """Whether ``marker`` is an adverb the amount only measures out ("50 km *north*",
        "*up* 3%", "3% *higher*", "*down* from $5"): it then takes the amount's place in
        the clause."""
        if marker.upos == "ADV" and amount.deprel in ("nmod", "obl"):
            # "*down* from 15 million tonnes": the baseline of a change adverb
            return self.means("up", marker) or self.means("down", marker)
        if not amount.deprel.endswith(":npmod"):
            return False
        if marker.upos == "ADP":
            return (
                marker.rel == "case"
                and tree.head(marker) is not None
                and self.means("distances", marker)
            )
        if marker.upos not in ("ADV", "ADJ"):
            return False
        return any(self.means(kind, marker) for kind in ("distances", "up", "down"))

    def governed(
        self,
        tree: Tree,
        head: Token,
        gov: Token | None,
        via: Token,
        own: int | None,
        inside: set[int],
    ) -> Attachment:
        """The attachment, given the word the amount (past its wrappers) hangs from."""
        if gov is None:
            return Attachment(measured=own)
        if (
            gov.upos in ("ADJ", "ADV")
            and gov.rel in ("amod", "xcomp")
            and (up := tree.head(gov)) is not None
        ):
            if gov.rel == "amod":
                gov, via = up, gov  # "a 15 meter high pig": the amount qualifies the noun
            elif via.deprel.endswith(":npmod"):
                # "the tunnel is 57 km long": the adjective is the dimension, the subject
                # of its verb has it
                return Attachment(gov.i, self.subject(tree, up), up.i)
        if self.words.has("comparisons", gov.word) and own is None:
            compared = self.compared(tree, gov, inside)
            if compared is not None:
                return compared
        if gov.upos in NOMINAL and via.rel in SUBJECT and self.possessed_by(tree, gov):
            return Attachment(own, gov.i, None)  # "У России — 2 тысячи тонн золота"
        bare = via.rel == "nmod" and via.i < gov.i and not tree.children(via.i, "case")
        if gov.upos in NOMINAL and (via.rel in ATTRIBUTIVE or bare) and own is None:
            # "a 15 meter [high] pig": a bare modifier before its noun qualifies it
            return self.attributive(tree, gov, inside)
        if gov.upos in NOMINAL and via.rel not in SUBJECT:
            return self.under_noun(tree, gov, own, inside)
        return self.under_verb(tree, gov, via, own, inside)
