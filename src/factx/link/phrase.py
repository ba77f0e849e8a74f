"""The token range of a noun phrase: what a measured or holder token stands for in the
text. Apart from the rules because it only cuts spans once they have chosen the tokens.
"""

from __future__ import annotations

from factx.link.tree import FUNCTION, Tree

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
            if kid.upos in ("ADJ", "ADV") and any(g.i in exclude for g in tree.children(kid.i)):
                continue  # "cocaine *worth* $100 million": the amount's own governor
            if kid.rel in ("nmod", "obl") and abs(kid.i - i) > 6:
                continue
            keep.add(kid.i)
            todo.append(kid.i)
    toks = tree.tokens
    for k in range(min(keep) + 1, max(keep)):
        if (
            k - 1 in keep
            and k + 1 in keep
            and k not in exclude
            and toks[k - 1].end == toks[k].start
            and toks[k].end == toks[k + 1].start
        ):
            keep.add(k)  # a hyphen inside a word: "plant-based milk"
    a = b = i
    while a - 1 in keep:
        a -= 1
    while b + 1 in keep:
        b += 1
    while a < i and (toks[a].rel in FUNCTION or toks[a].upos in ("ADP", "PUNCT", "CCONJ")):
        a += 1
    while b > i and (toks[b].rel in FUNCTION or toks[b].upos in ("ADP", "PUNCT", "CCONJ")):
        b -= 1
    return a, b
