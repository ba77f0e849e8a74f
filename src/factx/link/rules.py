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
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from factx.link.fines import Fines
from factx.link.lookups import SUBJECT
from factx.link.tree import NOMINAL, Token, Tree

VERBAL = frozenset({"VERB", "AUX", "ADJ"})
# An amount attached to its noun this way measures it directly ("десятиметровая стела").
ATTRIBUTIVE = frozenset({"nummod", "amod", "compound", "det"})
DASHES = frozenset({"—", "–", "-"})


@dataclass(frozen=True)
class Attachment:
    """Token indices the rules chose; None where nothing fits."""

    measured: int | None = None
    holder: int | None = None
    predicate: int | None = None
    holder_from_subject: bool = False
    wrappers: frozenset[int] = frozenset()
    direct: bool = False  # attached straight to its noun: no fallback holder


class Rules(Fines):
    """The rules, with one language's words; the tree lookups they use are in Lookups, who
    owes a fine in Fines."""

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
