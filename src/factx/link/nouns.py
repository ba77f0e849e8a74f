"""The attachment rules for an amount that hangs from a noun: "*штраф* в размере …", "a 15
meter high *pig*". The noun (or the amount's own modifier) is what is measured; its
genitive, an agent of a participle or the noun it qualifies holds it; a verb above links
them. Split from :mod:`factx.link.verbs`, whose rules for verb-governed amounts use these.
"""

from __future__ import annotations

from factx.link.choice import VERBAL, Attachment
from factx.link.subjects import Subjects
from factx.link.tree import NOMINAL, Token, Tree


class NounRules(Subjects):
    """The noun-governed rules, with one language's words."""

    def attributive(self, tree: Tree, noun: Token, inside: set[int]) -> Attachment:
        """ "a 15 meter high pig", "US$ 20,000 bail": the noun is measured directly, its
        genitive holds it, and a full verb taking the noun as an argument links them."""
        up = tree.head(noun)
        verb = None
        if up is not None and up.upos == "VERB" and noun.rel in ("obj", "obl", "iobj"):
            verb = up.i
        holder = self.genitive(tree, noun, inside)
        for clause in tree.children(noun.i, "acl") if holder is None else ():
            holder = self.agent(tree, clause, inside)  # "the 12% stake *held by* Qatar's fund"
            if holder is not None:
                break
        if (
            holder is None
            and noun.rel == "appos"
            and up is not None
            and (up.upos in NOMINAL or up.i in self.named)
        ):
            holder = up.i  # "Apple, *the $2 trillion tech giant*": Apple is worth it
        return Attachment(noun.i, holder, verb, direct=True)

    def under_noun(self, tree: Tree, noun: Token, own: int | None, inside: set[int]) -> Attachment:
        """The amount hangs from a noun: that noun (or the amount's own modifier) is what is
        measured; its genitive, or the noun it in turn qualifies, holds it; the verb above
        links them."""
        if own is not None and noun.i in self.named and noun.upos == "PROPN":
            # "Hà Nội: 98% người nghiện …", "Иванов — 52% (…голосов)": a name heads the
            # amount of something else, so it holds it
            return Attachment(own, noun.i, None)
        measured = own if own is not None else noun.i
        holder = self.genitive(tree, noun, inside | {measured})
        anchor = noun
        while (
            anchor.rel == "conj"
            and (first := tree.head(anchor)) is not None
            and first.upos in NOMINAL
        ):
            anchor = first  # "a population of … and *a GDP of $300 billion*": as the first
        up = tree.head(anchor)
        for clause in tree.children(noun.i, "acl") if holder is None else ():
            agent = self.agent(tree, clause, inside)
            if agent is not None:  # "Кредит …, выданный Сбербанком": the lender holds it
                return Attachment(measured, agent, clause.i)
        if (
            holder is None
            and up is not None
            and up.upos in NOMINAL
            and anchor.rel in ("nmod", "amod", "appos", "acl")
            and any(
                self.words.has(k, tree.tokens[measured].word) for k in ("properties", "dimensions")
            )
        ):
            holder = up.i  # "Проект стоимостью $70 млн": the property's owner
        verb = (
            up
            if up is not None
            and up.upos in VERBAL
            and anchor.rel in ("obj", "obl", "nsubj", "iobj")
            else None
        )
        if verb is None:
            return Attachment(measured, holder, None)
        subject = self.subject(tree, verb)
        if anchor.rel == "nsubj":
            # Two subjects ("трасса будет иметь протяжённость 8 км" misparsed): the
            # other one holds; else the property's owner does.
            others = [
                k.i
                for k in tree.children(verb.i, "nsubj")
                if k.i != anchor.i and k.upos in ("NOUN", "PROPN")  # not "сколько", "он"
            ]
            subject = others[0] if others else None
            if subject is None and holder is None:
                holder = self.owner(tree, noun, inside)
        if subject is not None and verb.rel == "acl" and self.compares(verb, tree.tokens[subject]):
            # "зарплаты, превышающие порог в 5 млн рублей": what a participle compares
            # with the amount is measured too, not an actor; its owner holds, if named
            return Attachment(measured, self.owner(tree, tree.tokens[subject], inside), verb.i)
        if subject is not None:
            return Attachment(measured, subject, verb.i, True)
        if holder is None:  # "Кредит … был выдан Сбербанком": the lender
            holder = self.agent(tree, verb, inside)
        return Attachment(measured, holder, verb.i)

    def compares(self, verb: Token, subject: Token) -> bool:
        """Whether ``verb`` only states the level of its common-noun subject ("составляет",
        "превышает"), not a change of it nor an act."""
        word = verb.word
        return (
            self.words.has("levels", word)
            and not self.words.has("up", word)
            and not self.words.has("down", word)
            and self.common(subject)
        )

    def common(self, t: Token) -> bool:
        """A common noun; a tagger calls a capitalised first word ("Долг Украины …") a
        proper noun, but a name is one of the entities factx found."""
        return t.upos == "NOUN" or (t.upos == "PROPN" and t.i not in self.named)
