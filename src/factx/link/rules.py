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

from factx.link.tree import FUNCTION, NOMINAL, Token, Tree
from factx.link.words import LinkWords

VERBAL = frozenset({"VERB", "AUX", "ADJ"})
# Relations that keep a word inside the noun phrase around its head.
PHRASE = frozenset(
    {"amod", "compound", "flat", "nmod", "case", "det", "fixed", "nummod", "goeswith", "obl"}
)
# Relations a holder or measured phrase stops at.
CLAUSE = frozenset(
    {
        "acl",
        "advcl",
        "conj",
        "cc",
        "appos",
        "parataxis",
        "punct",
        "ccomp",
        "xcomp",
        "csubj",
        "dep",
        "discourse",
        "vocative",
        "list",
        "orphan",
    }
)
# Relations by which a verb inherits the subject of the verb it hangs from.
SHARES_SUBJECT = frozenset({"conj", "xcomp", "advcl"})
SUBJECT = ("nsubj", "csubj")
# An amount attached to its noun this way measures it directly ("десятиметровая стела").
ATTRIBUTIVE = frozenset({"nummod", "amod", "compound", "det"})


@dataclass(frozen=True)
class Attachment:
    """Token indices the rules chose; None where nothing fits."""

    measured: int | None = None
    holder: int | None = None
    predicate: int | None = None
    holder_from_subject: bool = False
    wrappers: frozenset[int] = frozenset()
    direct: bool = False  # attached straight to its noun: no fallback holder


class Rules:
    """The rules, with one language's words."""

    def __init__(self, words: LinkWords) -> None:
        self.words = words
        self.named: frozenset[int] = frozenset()
        self.blocked: frozenset[int] = frozenset()

    def attach(
        self,
        tree: Tree,
        amount: list[Token],
        blocked: frozenset[int] = frozenset(),
        named: frozenset[int] = frozenset(),
    ) -> Attachment:
        """Where ``amount`` attaches. ``blocked`` are tokens of other dates, durations and
        amounts, which are never what is measured nor who holds it; ``named`` are tokens of
        the entities factx found."""
        self.named, self.blocked = named, blocked
        head = tree.top(amount)
        if head is None:
            return Attachment()
        inside = {t.i for t in amount} | blocked
        own = self.own_measure(tree, head, inside)
        if own is None:
            own = self.distance(tree, head, inside)
        if own is None:
            own = self.dimension(tree, amount[0])
        # "by 49 percent or by 27 percent", "50 и 30 метров", "500 miles (800 km)": a second
        # amount attaches as the first one does.
        while (
            head.rel in ("conj", "appos")
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
            gov, via = tree.head(gov), gov
        found = self.governed(tree, head, gov, via, own, inside | wrappers)
        if found.measured is not None and self.words.has(
            "penalties", tree.tokens[found.measured].word
        ):
            debtor = self.debtor(tree, found, inside)
            if debtor is not None:  # "наложил на «Майкрософт» штраф": Microsoft owes it
                found = replace(found, holder=debtor)
        actor = self.relative_actor(tree, head, inside)
        if actor is not None:  # "350 tỷ đô la mà ông cho là Mỹ đã chi": Mỹ spent it
            found = replace(found, holder=actor[0], predicate=actor[1], direct=False)
        return replace(found, wrappers=frozenset(wrappers))

    def relative_actor(self, tree: Tree, head: Token, inside: set[int]) -> tuple[int, int] | None:
        """A relative clause on the amount whose verb takes the amount as its (gapped)
        object: the verb's subject acts on the amount, through "cho là"-style verbs of
        saying to the last verb of the clause."""
        for clause in tree.children(head.i, "acl"):
            verb = clause
            while True:
                nxt = [k for k in tree.children(verb.i, "xcomp", "ccomp") if k.upos == "VERB"]
                if not nxt:
                    break
                verb = nxt[-1]
            if verb.upos != "VERB" or self.object(tree, verb, inside) is not None:
                continue
            subject = self.subject(tree, verb)
            if subject is not None and subject != head.i and subject not in inside:
                return subject, verb.i
        return None

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
        if gov.upos == "ADJ" and gov.rel == "amod" and (noun := tree.head(gov)) is not None:
            gov, via = noun, gov  # "a 15 meter high pig": the amount qualifies the noun
        if gov.upos in NOMINAL and via.rel in ATTRIBUTIVE and own is None:
            return self.attributive(tree, gov, inside)
        if gov.upos in NOMINAL and via.rel not in SUBJECT:
            return self.under_noun(tree, gov, own, inside)
        return self.under_verb(tree, gov, via, own, inside)

    def attributive(self, tree: Tree, noun: Token, inside: set[int]) -> Attachment:
        """ "a 15 meter high pig", "US$ 20,000 bail": the noun is measured directly, its
        genitive holds it, and a full verb taking the noun as an argument links them."""
        up = tree.head(noun)
        verb = None
        if up is not None and up.upos == "VERB" and noun.rel in ("obj", "obl", "iobj"):
            verb = up.i
        holder = self.genitive(tree, noun, inside)
        return Attachment(noun.i, holder, verb, direct=True)

    def own_measure(self, tree: Tree, head: Token, inside: set[int]) -> int | None:
        """A nominal modifier of the amount itself: "20 тонн *грузов*", "70% *of the market*";
        not a prepositional tail such as "в день" or "по абсолютной шкале"."""
        for kid in tree.children(head.i, "nmod", "obl", "compound"):
            if kid.i in inside or kid.upos not in NOMINAL or kid.i < head.i:
                continue
            if kid.upos == "PRON":
                return None  # "39 percent of these": a pronoun names nothing
            cases = tree.children(kid.i, "case")
            if not cases or any(
                self.words.has(kind, cases[0].word) for kind in ("genitives", "contents")
            ):
                return kid.i
        return None

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
        up = tree.head(noun)
        if (
            holder is None
            and up is not None
            and up.upos in NOMINAL
            and noun.rel in ("nmod", "amod", "appos", "acl")
        ):
            holder = up.i  # "Проект стоимостью $70 млн": the property's owner
        verb = (
            up
            if up is not None and up.upos in VERBAL and noun.rel in ("obj", "obl", "nsubj", "iobj")
            else None
        )
        if verb is None:
            return Attachment(measured, holder, None)
        subject = self.subject(tree, verb)
        if noun.rel == "nsubj":
            # Two subjects ("велодорожка будет иметь протяжённость 5 км" misparsed): the
            # other one holds; else the property's owner does.
            others = [k.i for k in tree.children(verb.i, "nsubj") if k.i != noun.i]
            subject = others[0] if others and tree.tokens[others[0]].upos != "PRON" else None
            if subject is None and holder is None:
                holder = self.owner(tree, noun, inside)
        if subject is not None:
            return Attachment(measured, subject, verb.i, True)
        return Attachment(measured, holder, verb.i)

    def under_verb(
        self, tree: Tree, verb: Token, via: Token, own: int | None, inside: set[int]
    ) -> Attachment:
        """The amount is an argument of a verb: a level verb's subject is what is measured;
        otherwise its subject holds and its object or purpose is measured."""
        subject = self.subject(tree, verb)
        subj_tok = tree.tokens[subject] if subject is not None else None
        if via.rel in SUBJECT:  # "80% акций обошлись в …": the amount is the subject
            if own is None:
                own = self.purpose(tree, verb, inside)  # "… будут выделены на исследования"
            return Attachment(own, None, verb.i)
        measured = own if own is not None else self.distance(tree, verb, inside)
        holder = subject
        level = self.words.has("levels", verb.word) or (
            via.rel == "obl" and self.object(tree, verb, inside) is None
        )
        if (
            subj_tok is not None
            and subj_tok.upos == "NOUN"
            and level
            and self.object(tree, verb, inside) is None
            and (
                measured is None
                or self.words.has("up", subj_tok.word)
                or self.words.has("down", subj_tok.word)
            )
        ):
            measured = subject
            holder = self.owner(tree, subj_tok, inside)
        if measured is None:
            measured = self.object(tree, verb, inside)
        if measured is None:
            measured = self.purpose(tree, verb, inside)
        if measured is not None and measured != subject:
            # "оценила капитализацию Facebook": a property belongs to its owner
            holder = self.owner(tree, tree.tokens[measured], inside, property_only=True) or holder
        return Attachment(measured, holder, verb.i, holder == subject and holder is not None)

    def owner(
        self, tree: Tree, noun: Token, inside: set[int], property_only: bool = False
    ) -> int | None:
        """Who a measured noun belongs to: the genitive of a property noun ("стоимость
        *устройства*") or a named genitive ("доля *правительства Китая*"); the genitive of
        anything else ("рост *аудитории*") is part of what is measured."""
        gen = self.genitive(tree, noun, inside)
        if gen is None:
            return None
        if self.words.has("properties", noun.word):
            return gen
        if not property_only and any(t.i in self.named for t in tree.subtree(gen)):
            return gen
        return None

    def subject(self, tree: Tree, verb: Token) -> int | None:
        """The subject of ``verb``, climbing to the verb it shares one with, and from a
        relative pronoun to the noun its clause modifies."""
        seen: set[int] = set()
        while verb.i not in seen:
            seen.add(verb.i)
            subjects = tree.children(verb.i, *SUBJECT)
            if subjects:
                subj = subjects[0]
                if subj.upos not in NOMINAL or subj.upos in ("NUM", "SYM"):
                    return None  # "increasing population … would increase": no named actor
                if subj.upos == "PRON" or subj.upos == "DET":
                    if self.words.has("relatives", subj.word) and verb.rel == "acl":
                        up = tree.head(verb)
                        return up.i if up is not None and up.upos in NOMINAL else None
                    return None  # "он", "it", "chúng tôi": no name for the holder
                return subj.i
            stray = self.stray_subject(tree, verb)
            if stray is not None:
                return stray
            up = tree.head(verb)
            if verb.rel == "acl" and up is not None and up.upos in NOMINAL:
                return up.i  # "компания, купившая …" / "the firm, which bought …"
            if verb.rel == "xcomp" and up is not None:
                controller = self.object(tree, up, set())
                if controller is not None:
                    return controller  # "required the team to travel": the team travels
            if up is None or verb.rel not in SHARES_SUBJECT or up.upos == "AUX":
                return None  # "Its goal is to decrease …": a copula's subject does not act
            verb = up
        return None

    def dimension(self, tree: Tree, first: Token) -> int | None:
        """A dimension adjective right before the amount, past softeners and "more":
        "sâu hơn 20 m", "rộng thêm khoảng 40 m" measure depth and width."""
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

    def debtor(self, tree: Tree, found: Attachment, inside: set[int]) -> int | None:
        """Who a fine is imposed on: an oblique of the verb or the fine under an "on"
        preposition; the guide's holder of a fine or debt is the party that owes it."""
        for at in (found.predicate, found.measured):
            if at is None:
                continue
            for kid in tree.children(at, "obl", "nmod"):
                cases = tree.children(kid.i, "case")
                if kid.i not in inside and cases and self.words.has("debtors", cases[0].word):
                    return kid.i
        return None

    def stray_subject(self, tree: Tree, verb: Token) -> int | None:
        """A parser that gives one verb two subjects and another none has, as a rule,
        attached the subject right before the bare verb to the wrong one ("выручка
        составила …, а … Facebook ожидает"): take it back."""
        k = verb.i - 1
        while k >= 0 and tree.tokens[k].rel in ("advmod", "aux", "cop"):
            k -= 1
        if k < 0:
            return None
        t = tree.tokens[k]
        other = tree.head(t)
        if t.rel != "nsubj" or other is None or other.i == verb.i:
            return None
        if len(tree.children(other.i, "nsubj")) < 2 or t.upos not in ("NOUN", "PROPN"):
            return None
        return t.i

    def distance(self, tree: Tree, verb: Token, inside: set[int]) -> int | None:
        """For a distance, the reference phrase: "*from Herat*", "*к югу от Москвы*"."""
        for kid in tree.children(verb.i, "obl", "nmod", "advmod"):
            if kid.i in inside:
                continue
            cases = tree.children(kid.i, "case")
            if cases and self.words.has("distances", cases[0].word):
                return kid.i
            if self.words.has("distances", kid.word):
                return kid.i
        return None

    def object(self, tree: Tree, verb: Token, inside: set[int]) -> int | None:
        """The verb's object; when that is itself an amount ("купила 5% акций за …"), what
        that amount measures."""
        for kid in tree.children(verb.i, "obj"):
            if kid.upos not in NOMINAL or kid.upos == "PRON":
                continue
            if kid.i in inside and kid.i not in self.blocked:
                continue  # the amount itself
            if (
                kid.i in self.blocked
                or kid.upos in ("NUM", "SYM")
                or tree.children(kid.i, "nummod")
            ):
                return self.own_measure(tree, kid, inside)
            return kid.i
        return None

    def purpose(self, tree: Tree, verb: Token, inside: set[int]) -> int | None:
        """What money is paid or granted for: an oblique under a purpose preposition."""
        for kid in tree.children(verb.i, "obl", "nmod"):
            if kid.i in inside or kid.upos not in NOMINAL:
                continue
            cases = tree.children(kid.i, "case")
            if cases and self.words.has("purposes", cases[0].word):
                return kid.i
        for kid in tree.children(verb.i, "xcomp", "advcl"):
            if kid.upos == "VERB" and (obj := self.object(tree, kid, inside)) is not None:
                return obj  # "vay 500 tỉ đồng triển khai các dự án"
        return None

    def genitive(self, tree: Tree, noun: Token, inside: set[int]) -> int | None:
        """A nominal modifier of ``noun`` that names its owner ("доля *правительства*",
        "the cost *of the device*"), not a prepositional circumstance."""
        for kid in tree.children(noun.i, "nmod"):
            if kid.i in inside or kid.upos not in NOMINAL or kid.upos == "PRON":
                continue
            cases = tree.children(kid.i, "case")
            if not cases or self.words.has("genitives", cases[0].word):
                return kid.i
        return None


def phrase(tree: Tree, i: int, exclude: set[int]) -> tuple[int, int]:
    """The token range [a, b] of the noun phrase headed by token ``i``: its head with the
    modifiers that stay in a noun phrase, cut where a clause, punctuation or an excluded
    token (the amount) begins, and without leading or trailing function words."""
    keep = {i}
    todo = [i]
    while todo:
        k = todo.pop()
        for kid in tree.children(k):
            if kid.i in exclude or kid.rel in CLAUSE or kid.rel not in PHRASE:
                continue
            if kid.rel in ("nmod", "obl") and abs(kid.i - i) > 6:
                continue
            keep.add(kid.i)
            todo.append(kid.i)
    a = b = i
    while a - 1 in keep:
        a -= 1
    while b + 1 in keep:
        b += 1
    toks = tree.tokens
    while a < i and (toks[a].rel in FUNCTION or toks[a].upos in ("ADP", "PUNCT", "CCONJ")):
        a += 1
    while b > i and (toks[b].rel in FUNCTION or toks[b].upos in ("ADP", "PUNCT", "CCONJ")):
        b -= 1
    return a, b
