"""What a UD tree offers the attachment rules about an amount's surroundings: objects,
purposes, owners, agents, genitives, distances and an amount's own measure.

Each lookup reads the tree and one language's words only; which lookup answers which
question is decided in :mod:`factx.link.rules`. Who acts (subjects, antecedents) is in
:mod:`factx.link.subjects`, the noun-phrase range in :mod:`factx.link.phrase`.
"""

from __future__ import annotations

from factx.link.tree import NOMINAL, Token, Tree
from factx.link.words import LinkWords


class Lookups:
    """Tree lookups with one language's words. ``named`` and ``blocked`` are the tokens of
    the entities, and of the other dates, durations and amounts, of the sentence at hand;
    ``size`` whether its amount is a quantity (which may be a distance)."""

    def __init__(self, words: LinkWords) -> None:
        self.words = words
        self.named: frozenset[int] = frozenset()
        self.blocked: frozenset[int] = frozenset()
        self.size = True

    def means(self, kind: str, t: Token) -> bool:
        """Whether token ``t`` is among the words of ``kind`` by its lemma or as written: a
        lemmatiser may fold "higher" into "high" or "fined" into "fin"."""
        return self.words.has(kind, t.word) or self.words.has(kind, t.text)

    def own_measure(self, tree: Tree, head: Token, inside: set[int]) -> int | None:
        """A nominal modifier of the amount itself: "20 тонн *грузов*", "70% *of the market*",
        else what it is for ("$2 million *for flood relief*"); not a prepositional tail such
        as "в день" or "по абсолютной шкале"."""
        purpose = None
        for kid in tree.children(head.i, "nmod", "obl", "compound"):
            if kid.i < head.i or kid.upos not in NOMINAL:
                continue
            if kid.i in inside and not self.unit_of(tree, kid):
                continue
            if kid.deprel.endswith((":npmod", ":tmod")):
                continue  # a rate or time tail: "$85 *a barrel*", "$300 million *a year*"
            if self.words.has("wrappers", kid.word):
                continue  # a baseline: "80% *of pre-war levels*" measures the clause's subject
            if kid.upos == "PRON":
                return None  # "39 percent of these": a pronoun names nothing
            cases = tree.children(kid.i, "case")
            if not cases or self.words.has("genitives", cases[0].word):
                return kid.i
            if self.words.has("contents", cases[0].word) and kid.upos != "PROPN":
                return kid.i  # "$5 billion *in loans*", not "6 meters *in Prague*"
            if purpose is None and not self.size and self.words.has("purposes", cases[0].word):
                purpose = kid.i if kid.upos in ("NOUN", "PROPN") else None
        return purpose

    def unit_of(self, tree: Tree, kid: Token) -> bool:
        """Whether ``kid``, inside the amount's span, is the goods its unit counts rather than
        a number or a unit: "[1.2 million barrels *of oil* a day]"."""
        if kid.i in self.blocked or kid.upos != "NOUN" or tree.children(kid.i, "nummod"):
            return False  # another amount, or the amount's own unit ("5.25% to 5.5%")
        cases = tree.children(kid.i, "case")
        return bool(cases) and self.words.has("genitives", cases[0].word)

    def counted(self, tree: Tree, head: Token, inside: set[int]) -> int | None:
        """A count in brackets after the amount names what it is a share of: "52,1 %
        (922774 голоса)" measures votes."""
        for kid in tree.children(head.i, "parataxis", "appos"):
            if kid.i in inside or kid.upos not in NOMINAL or kid.i < head.i:
                continue
            if tree.children(kid.i, "nummod") and any(
                t.text == "(" for t in tree.children(kid.i, "punct")
            ):
                return kid.i
        return None

    def dimension(self, tree: Tree, first: Token) -> int | None:
        """A dimension adjective right before the amount, past softeners and "more":
        "sâu hơn 20 m", "cao thêm khoảng 15 m" measure depth and width."""
        k = first.i - 1
        while k >= 0 and (
            self.words.has("approximators", tree.tokens[k].word)
            or self.words.has("up", tree.tokens[k].word)
        ):
            k -= 1
        if k < 0 or not self.words.has("dimensions", tree.tokens[k].word):
            return None
        # inside a noun phrase ("chiều dài 2 km") the noun is what is measured
        return None if tree.tokens[k].rel in ("amod", "compound", "nmod") else k

    def distance(self, tree: Tree, verb: Token, inside: set[int]) -> int | None:
        """For a distance, the reference phrase: "*from Herat*", "*к югу от Москвы*"."""
        if not self.size:
            return None
        for kid in tree.children(verb.i, "obl", "nmod", "advmod"):
            if kid.i in inside:
                continue
            cases = tree.children(kid.i, "case")
            if cases and kid.upos in NOMINAL and self.words.has("distances", cases[0].word):
                return kid.i
            if self.words.has("distances", kid.word):
                return kid.i
        return None

    def object(self, tree: Tree, verb: Token, inside: set[int]) -> int | None:
        """The verb's object; when that is itself an amount ("купила 5% акций за …"), what
        that amount measures; for a relative pronoun, the noun its clause modifies."""
        up = tree.head(verb)
        for kid in tree.children(verb.i, "obj"):
            if (
                kid.upos == "PRON"
                and self.words.has("relatives", kid.word)
                and verb.rel == "acl"
                and up is not None
                and up.upos in NOMINAL
                and up.i not in inside
            ):
                return up.i  # "the damage, *which* they put at $3 billion"
            if kid.upos not in NOMINAL or kid.upos == "PRON":
                continue
            if self.words.has("wrappers", kid.word):
                continue  # "hit *a record* $2,300": the amount's wrapper, parsed apart
            if kid.i in inside and kid.i not in self.blocked:
                continue  # the amount itself
            if kid.i in self.blocked or kid.upos in ("NUM", "SYM"):
                return self.own_measure(tree, kid, inside)
            return kid.i  # a thing, or things counted ("delivered 2 million *cars*")
        return None

    def purpose(self, tree: Tree, verb: Token, inside: set[int]) -> int | None:
        """What money is paid or granted for: an oblique under a purpose preposition (which
        a size has not: "travel 500 km *on a single charge*"), or the object of a verb the
        predicate goes on to."""
        for kid in tree.children(verb.i, "obl", "nmod"):
            if kid.i in inside or kid.upos not in NOMINAL or self.size:
                continue
            if any(t.i in self.blocked for t in tree.subtree(kid.i)):
                continue  # a time: "in the week ended Wednesday"
            cases = tree.children(kid.i, "case")
            if cases and self.words.has("purposes", cases[0].word):
                return kid.i
        for kid in tree.children(verb.i, "xcomp", "advcl"):
            if kid.upos == "VERB" and (obj := self.object(tree, kid, inside)) is not None:
                return obj  # "vay 80 tỉ đồng xây các trường học"
        return None

    def genitive(self, tree: Tree, noun: Token, inside: set[int]) -> int | None:
        """A nominal modifier of ``noun`` that names its owner ("доля *правительства*",
        "the cost *of the device*"), not a prepositional circumstance."""
        for kid in tree.children(noun.i, "nmod"):
            if kid.i in inside or kid.upos not in NOMINAL or kid.upos == "PRON":
                continue
            cases = tree.children(kid.i, "case")
            if not cases or any(
                self.words.has(kind, cases[0].word) for kind in ("genitives", "possessors")
            ):
                return kid.i  # "выручка *у компании*" is hers as "выручка компании" is
        return None

    def owner(
        self, tree: Tree, noun: Token, inside: set[int], property_only: bool = False
    ) -> int | None:
        """Who a measured noun belongs to: the genitive of a property noun ("стоимость
        *устройства*") or a named genitive ("доля *правительства Китая*"); the genitive of
        anything else ("рост *аудитории*") is part of what is measured. A possessive owns
        its noun ("*the company's* stock"), and a relative one stands for the noun its clause
        modifies ("the fund, *whose* assets total …")."""
        for kid in tree.children(noun.i, "nmod"):
            clause = tree.head(noun)
            if kid.deprel == "nmod:poss" and self.words.has("relatives", kid.word) and clause:
                up = tree.head(clause) if clause.rel == "acl" else None
                return up.i if up is not None and up.upos in NOMINAL else None
        gen = self.genitive(tree, noun, inside)
        if gen is None and not property_only:
            # "*Netflix* shares", "*Boeing* orders": a name compounded with the noun owns it
            named = [
                k.i
                for k in tree.children(noun.i, "compound")
                if k.i in self.named and k.i not in inside and k.upos == "PROPN"
            ]
            return named[0] if named else None
        if gen is None:
            return None
        if self.words.has("properties", noun.word):
            return gen
        if property_only:
            return None
        if tree.tokens[gen].deprel == "nmod:poss" or any(
            t.i in self.named for t in tree.subtree(gen)
        ):
            return gen
        return None

    def agent(self, tree: Tree, verb: Token, inside: set[int]) -> int | None:
        """Who acts in a passive or a passive participle: its agent ("выделенные
        *правительством*", "paid *by the company*") or, in a "have" clause, the possessor
        ("*у* «Газпрома» есть …")."""
        for kid in tree.children(verb.i, "obl:agent", "obl", "nmod"):
            if kid.i in inside or kid.upos not in NOMINAL or kid.upos in ("PRON", "NUM"):
                continue
            if kid.deprel == "obl:agent" or self.possessed_by(tree, kid):
                return kid.i
        return None

    def possessed_by(self, tree: Tree, noun: Token) -> bool:
        """Whether ``noun`` stands under a possessor preposition ("у России")."""
        cases = tree.children(noun.i, "case")
        return bool(cases) and self.words.has("possessors", cases[0].word)
