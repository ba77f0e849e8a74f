"""The best-scoring dependency tree from a parser's head scores (Chu-Liu/Edmonds).

A graph parser such as slovnet scores every (dependent, head) pair and, decoded greedily,
takes each word's best head on its own. On long news sentences that yields cycles and
several roots ("проложенный → протяжённость → имеющий → проложенный"), and a cycle cuts
its words off from the verb the rules climb to. The maximum spanning tree over the same
scores is the answer closest to the parser's that is a tree, with one root.
"""

from __future__ import annotations

import numpy as np

NEG = -1e18


def best_tree(scores: np.ndarray) -> list[int]:
    """Heads for an ``n × (n + 1)`` matrix ``scores[d, h]``: the score of word ``d``
    (0-based) hanging from head ``h``, where ``h = 0`` is the root and ``h = k`` is word
    ``k - 1``. Returns, per word, its head in the same numbering (0 for the one root)."""
    n = scores.shape[0]
    if n == 0:
        return []
    full = np.full((n + 1, n + 1), NEG)
    full[1:, :] = np.asarray(scores, dtype=float)
    np.fill_diagonal(full, NEG)
    free = _edmonds(full)
    roots = np.flatnonzero(free[1:] == 0) + 1
    if len(roots) == 1:
        return [int(h) for h in free[1:]]
    # Several roots: the best tree that keeps just one of them at the root (UD has one).
    best, best_score = free, NEG
    for root in roots:
        one = full.copy()
        one[1:, 0] = NEG
        one[root, 0] = full[root, 0]
        heads = _edmonds(one)
        score = full[np.arange(1, n + 1), heads[1:]].sum()
        if score > best_score:
            best, best_score = heads, score
    return [int(h) for h in best[1:]]


def _edmonds(scores: np.ndarray) -> np.ndarray:
    """Maximum spanning arborescence rooted at node 0 of ``scores[d, h]`` (row 0 unused)."""
    m = scores.shape[0]
    heads = scores.argmax(axis=1)
    heads[0] = -1
    cycle = _cycle(heads)
    if cycle is None:
        return heads
    inside = np.zeros(m, dtype=bool)
    inside[cycle] = True
    rest = np.flatnonzero(~inside)  # keeps node 0 first
    c = len(rest)  # the contracted cycle's index in the smaller graph
    small = np.full((c + 1, c + 1), NEG)
    small[:c, :c] = scores[np.ix_(rest, rest)]
    # Into the cycle: the gain of breaking it at the word that takes the outside head.
    gain = scores[np.ix_(cycle, rest)] - scores[cycle, heads[cycle]][:, None]
    enter = gain.argmax(axis=0)
    small[c, :c] = gain[enter, np.arange(c)]
    # Out of the cycle: each outside word's best head inside it.
    leave = scores[np.ix_(rest, cycle)]
    exit_ = leave.argmax(axis=1)
    small[:c, c] = leave[np.arange(c), exit_]
    small[0, :] = NEG
    np.fill_diagonal(small, NEG)
    sub = _edmonds(small)
    out = heads.copy()
    for k, node in enumerate(rest[1:], start=1):
        h = sub[k]
        out[node] = cycle[exit_[k]] if h == c else rest[h]
    h = sub[c]
    out[cycle[enter[h]]] = rest[h]
    return out


def _cycle(heads: np.ndarray) -> list[int] | None:
    """A cycle of the head graph (node 0 is the root), as its nodes, or None."""
    state = np.zeros(len(heads), dtype=np.int8)  # 0 new, 1 on the current path, 2 done
    state[0] = 2
    for start in range(1, len(heads)):
        path, node = [], start
        while state[node] == 0:
            state[node] = 1
            path.append(node)
            node = int(heads[node])
        if state[node] == 1:
            return path[path.index(node) :]
        state[path] = 2
    return None
