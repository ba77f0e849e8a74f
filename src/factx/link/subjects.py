"""Who acts in a clause: the subject of a verb, climbing through conjunctions, open
complements and relative clauses, and taking back a subject the parser hung on the wrong
verb; and who acts on an amount in a relative clause on it. Apart from
:mod:`factx.link.lookups` because these climb the tree and repair the parse, while those
mostly read a token's own dependents.
"""

from __future__ import annotations

from factx.link.lookups import Lookups
from factx.link.tree import NOMINAL, Token, Tree

# Relations by which a verb inherits the subject of the verb it hangs from.
SHARES_SUBJECT = frozenset({"conj", "xcomp", "advcl"})
SUBJECT = ("nsubj", "csubj")


class Subjects(Lookups):
    """The subject and antecedent lookups, with one language's words."""

    def subject(self, tree: Tree, verb: Token) -> int | None:
        """The subject of ``verb``, climbing to the verb it shares one with, and from a
        relative pronoun to the noun its clause modifies."""
        seen: set[int] = set()
        while verb.i not in seen:
            seen.add(verb.i)
            subjects = [k for k in tree.children(verb.i, *SUBJECT) if not self.claimed(tree, k)]
            if subjects:
                subj = subjects[0]
                if subj.upos not in NOMINAL or subj.upos in ("NUM", "SYM"):
                    return None  # "increasing population … would increase": no named actor
                if subj.upos == "PRON" or subj.upos == "DET":
                    if self.words.has("relatives", subj.word) and verb.rel == "acl":
                        up = tree.head(verb)
                        return up.i if up is not None and up.upos in NOMINAL else None
                    if self.words.has("relatives", subj.word) and subj.i > 0:
                        return self.antecedent(tree, subj)  # the clause misattached
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
                if controller is not None and controller < verb.i:
                    return controller  # "required the team to travel": the team travels
            if up is None or verb.rel not in SHARES_SUBJECT or up.upos == "AUX":
                return None  # "Its aim is to reduce …": a copula's subject does not act
            verb = up
        return None

    def antecedent(self, tree: Tree, relative: Token) -> int | None:
        """The noun a relative pronoun stands for when the parser hung its clause elsewhere:
        the head of the noun phrase right before it ("Министерство финансов России,
        *которое* разместило …")."""
        k = relative.i - 1
        while k >= 0 and tree.tokens[k].upos == "PUNCT":
            k -= 1
        if k < 0 or tree.tokens[k].upos not in ("NOUN", "PROPN"):
            return None
        t = tree.tokens[k]
        while (
            t.rel in ("nmod", "flat", "appos", "amod")
            and (up := tree.head(t)) is not None
            and up.i < t.i
            and up.upos in ("NOUN", "PROPN")
        ):
            t = up
        return t.i

    def claimed(self, tree: Tree, subject: Token) -> bool:
        """Whether a later verb without a subject takes ``subject`` back (stray_subject)."""
        last = max(t.i for t in tree.subtree(subject.i))
        for t in tree.tokens[last + 1 : last + 4]:
            if t.upos == "VERB" and not tree.children(t.i, *SUBJECT):
                return self.stray_subject(tree, t) == subject.i
        return False

    def stray_subject(self, tree: Tree, verb: Token) -> int | None:
        """A parser that gives one verb two subjects and another none has, as a rule,
        attached the subject right before the bare verb to the wrong one ("выручка
        составила …, а … Facebook ожидает"): take it back. So too for a subject that
        follows its verb across a comma, right before the bare verb ("экспортировалось …,
        поэтому санкции Минсельхоза ударят …")."""
        k = verb.i - 1
        while k >= 0 and tree.tokens[k].rel in ("advmod", "aux", "cop"):
            k -= 1
        if k < 0:
            return None
        t = tree.tokens[k]
        while t.rel != "nsubj" and (up := tree.head(t)) is not None and up.upos in NOMINAL:
            t = up  # from the last word of the subject's phrase to its head
        other = tree.head(t)
        if t.rel != "nsubj" or other is None or other.i == verb.i or t.i > verb.i:
            return None
        if t.upos not in ("NOUN", "PROPN"):
            return None
        crossed = other.i < t.i and any(tree.tokens[j].text == "," for j in range(other.i + 1, t.i))
        if len(tree.children(other.i, "nsubj")) < 2 and not crossed:
            return None
        return t.i

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
