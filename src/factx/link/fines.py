"""Who owes a fine. The guide's holder of a fine or a debt is the party that owes it, not the
one that imposes it: the bank holds "штраф в размере 2 млн рублей" that a regulator
imposed on it, and Google holds the fine in "the EU fined Google €2.4 billion"."""

from __future__ import annotations

from factx.link.lookups import Lookups
from factx.link.tree import Token, Tree


class Fines(Lookups):
    """The fine lookups, with one language's words (``penalties``, ``debtors``)."""

    def fine(self, tree: Tree, measured: int | None) -> int | None:
        """The fine the amount is: what is measured, or its genitive under a wrapper noun
        ("общая сумма *штрафов* для операторов")."""
        if measured is None:
            return None
        t = tree.tokens[measured]
        if self.means("penalties", t):
            return t.i
        if self.words.has("wrappers", t.word):
            kids = [k.i for k in tree.children(t.i, "nmod") if self.means("penalties", k)]
            return kids[0] if kids else None
        return None

    def fining(self, tree: Tree, predicate: int | None) -> bool:
        """Whether the amount's verb imposes it as a fine ("fined Google €2 billion")."""
        return predicate is not None and self.means("penalties", tree.tokens[predicate])

    def debtor(
        self,
        tree: Tree,
        measured: int | None,
        predicate: int | None,
        fine: int | None,
        head: Token,
        inside: set[int],
    ) -> int | None:
        """Who a fine is imposed on: the object of a fining verb ("fined *Google* €2
        billion"), else an oblique of the verb or the fine under a debtor preposition
        ("наложил *на «Майкрософт»* штраф"). -1 when that party is a pronoun ("fined *him*
        $10,000"), which holds nothing."""
        if predicate is not None and predicate != measured and self.fining(tree, predicate):
            fined = [k for k in tree.children(predicate, "obj", "iobj") if k.i not in inside]
            # a parser may hang the fined party on the amount ("fined [Google 2 billion]")
            fined += [
                k
                for k in tree.children(head.i, "nmod", "compound")
                if k.i < head.i and k.i not in inside and not tree.children(k.i, "case")
            ]
            if fined:
                return fined[0].i if fined[0].upos in ("PROPN", "NOUN") else -1
        for at in (predicate, measured, fine):
            if at is None:
                continue
            for kid in tree.children(at, "obl", "nmod"):
                cases = tree.children(kid.i, "case")
                if kid.i not in inside and cases and self.words.has("debtors", cases[0].word):
                    return kid.i
        return None
