"""The attachment rules for an amount that is itself the predicate ("Стоимость устройства —
7 тыс. долларов") or an argument of a verb ("*выручка* составила …", "купила 5% *акций*",
"…, *что* на 20% меньше"): a level verb's subject is what is measured, otherwise the
verb's subject holds and its object or purpose is measured.
"""

from __future__ import annotations

from dataclasses import replace

from factx.link.choice import Attachment
from factx.link.nouns import NounRules
from factx.link.subjects import SUBJECT
from factx.link.tree import NOMINAL, Token, Tree

DASHES = frozenset({"—", "–", "-"})


class VerbRules(NounRules):
    """The predicate and verb-governed rules, with one language's words."""

    def predicative(
        self, tree: Tree, amount: list[Token], own: int | None, inside: set[int]
    ) -> Attachment | None:
        """The amount is itself the predicate ("Стоимость устройства — 7 тыс. долларов",
        "Acme — 45% of the market", "Иванов — 52% (9000 голосов)"): its subject is what is
        measured, its owner holds it; a named subject holds what the amount counts."""
        subject = next(
            (
                k
                for t in amount
                for k in tree.children(t.i, "nsubj")
                if k.i not in inside and k.upos in NOMINAL and k.upos not in ("NUM", "SYM")
            ),
            None,
        )
        head = tree.top(amount)
        if subject is None and own is None and head is not None:
            subject = self.dashed(tree, head)
        if subject is None or subject.upos == "PRON":
            return None
        if own is None and head is not None:
            own = self.counted(tree, head, inside)
        if subject.i in self.named:
            return Attachment(own, subject.i, None)
        return Attachment(subject.i, self.owner(tree, subject, inside), None)

    def dashed(self, tree: Tree, head: Token) -> Token | None:
        """ "Цена вопроса впечатляет — 4 млрд рублей": an amount after a dash, beside a
        clause, names the level of that clause's subject."""
        up = tree.head(head)
        if head.rel != "parataxis" or up is None or up.upos != "VERB":
            return None
        if not any(p.text in DASHES and p.i < head.i for p in tree.children(head.i, "punct")):
            return None
        subjects = [k for k in tree.children(up.i, "nsubj") if self.common(k)]
        return subjects[0] if subjects else None

    def compared(self, tree: Tree, word: Token, inside: set[int]) -> Attachment | None:
        """ "экспортировал 120 млрд кубометров газа, *что* на 20% меньше, чем годом ранее":
        the amount compares what the clause before states, so it measures the same thing
        and has the same holder; the comparative links them."""
        if not any(self.words.has("relatives", k.word) for k in tree.children(word.i, "nsubj")):
            return None
        up = tree.head(word)
        if up is None:
            return None
        for other in tree.children(up.i, "obj", "obl") if up.upos == "VERB" else ():
            if other.i in self.blocked:  # "… достиг 90 млрд рублей, что на 3% больше …"
                own = self.own_measure(tree, other, inside)
                found = self.under_verb(tree, up, other, own, inside)
                return replace(found, predicate=word.i, holder_from_subject=False)
        measured = None
        if up.upos in NOMINAL:
            measured = self.own_measure(tree, up, inside) if up.i in self.blocked else up.i
        verb = next((a for a in [up, *tree.ancestors(up)] if a.upos == "VERB"), None)
        holder = self.subject(tree, verb) if verb is not None else None
        return Attachment(measured, holder, word.i)

    def under_verb(
        self, tree: Tree, verb: Token, via: Token, own: int | None, inside: set[int]
    ) -> Attachment:
        """The amount is an argument of a verb: a level verb's subject is what is measured;
        otherwise its subject holds and its object or purpose is measured."""
        subject = self.subject(tree, verb)
        subj_tok = tree.tokens[subject] if subject is not None else None
        # "was bought *by Acme* for $5 million": a passive's agent acts
        agent = self.agent(tree, verb, inside)
        if via.rel in SUBJECT:  # "80% акций обошлись в …": the amount is the subject
            if own is None:
                own = self.purpose(tree, verb, inside)  # "… будут выделены на исследования"
            if own is None and self.words.has("levels", verb.word):
                own = self.object(tree, verb, inside)  # "200 tỷ đồng là vốn vay"
            return Attachment(own, agent, verb.i)
        if agent is not None and subj_tok is not None and subj_tok.deprel.endswith(":pass"):
            # the passive's subject is what the money buys or what is acted on
            return Attachment(own if own is not None else subject, agent, verb.i)
        measured = own if own is not None else self.distance(tree, verb, inside)
        if measured is None and verb.rel == "conj" and not tree.children(verb.i, *SUBJECT):
            # "tiêu thụ 5,3 tỷ lít bia, giảm 6%": a conjunct with neither subject nor
            # object of its own changes what its first conjunct's amount measures
            first = tree.head(verb)
            amounts = (
                [k for k in tree.children(first.i, "obj") if k.i in self.blocked] if first else []
            )
            if (
                amounts
                and self.object(tree, verb, inside) is None
                and self.purpose(tree, verb, inside) is None
            ):
                measured = self.own_measure(tree, amounts[0], inside)
        holder = subject
        level = self.words.has("levels", verb.word) or (
            via.rel == "obl" and self.object(tree, verb, inside) is None
        )
        # a property as subject is what is measured, whatever the verb (GUIDE: a property
        # noun first): "Ngân sách tỉnh dự kiến thu 1.200 tỉ đồng"
        level = level or (subj_tok is not None and self.words.has("properties", subj_tok.word))
        if (
            subj_tok is not None
            and self.common(subj_tok)
            and level
            and self.object(tree, verb, inside) is None
            and (
                measured is None
                or self.words.has("up", subj_tok.word)
                or self.words.has("down", subj_tok.word)
                # "госдолг превышает 250% ВВП": a property, not the base of the share
                or self.words.has("properties", subj_tok.word)
            )
        ):
            measured = subject
            holder = self.owner(tree, subj_tok, inside)
        if holder is None or holder == measured:  # "У «Ромашки» выручка выросла …"
            holder = self.agent(tree, verb, inside) or (None if holder == measured else holder)
        if measured is None:
            measured = self.object(tree, verb, inside)
        if measured is None and not self.words.has("levels", verb.word):
            # "dropped below $30,000 *for the first time*": a level has no purpose
            measured = self.purpose(tree, verb, inside)
        if measured is not None and measured not in (subject, own):
            # "аналитики оценили выручку компании": a property belongs to its owner (but in
            # "owns 10% of Tesla's shares" the subject holds the part it measures out)
            holder = self.owner(tree, tree.tokens[measured], inside, property_only=True) or holder
        return Attachment(measured, holder, verb.i, holder == subject and holder is not None)
