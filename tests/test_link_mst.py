"""Tree decoding of head scores: greedy heads can form cycles or several roots; the decoded
heads are always one tree, and the best-scoring one."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from factx.link.mst import best_tree

# scores[d, h]: word d (0-based) under head h (0 = root, k = word k - 1) → expected heads
CASES = [
    # greedy: 1 → 2 and 2 → 1, a cycle; the tree breaks it where it costs least
    ([[0.0, -9, 5], [2.0, 6, -9]], [2, 0]),
    # greedy: both words take the root; a tree keeps the stronger one there
    ([[3.0, -9, 1], [4.0, 0, -9]], [2, 0]),
    # already a tree: kept as the parser gave it
    ([[5.0, -9, 0], [0.0, 5, -9]], [0, 1]),
]


@pytest.mark.parametrize(("scores", "heads"), CASES)
def test_heads_form_the_best_tree(scores, heads):
    assert best_tree(np.array(scores, dtype=float)) == heads


def test_an_empty_sentence_has_no_heads():
    assert best_tree(np.zeros((0, 1))) == []


def brute_best(scores: np.ndarray) -> float:
    """The best score of any one-rooted tree, by trying every head assignment."""
    n, best = scores.shape[0], -np.inf
    for heads in itertools.product(range(n + 1), repeat=n):
        if sum(h == 0 for h in heads) != 1 or not is_tree(heads):
            continue
        best = max(best, sum(scores[d, h] for d, h in enumerate(heads)))
    return best


def is_tree(heads) -> bool:
    for d in range(len(heads)):
        seen, node = set(), d + 1
        while node != 0:
            if node in seen or heads[node - 1] == node:
                return False
            seen.add(node)
            node = heads[node - 1]
    return True


@pytest.mark.parametrize("seed", range(5))
def test_random_scores_decode_to_the_best_tree(seed):
    rng = np.random.default_rng(seed)
    for n in range(1, 6):
        scores = rng.normal(size=(n, n + 1))
        heads = best_tree(scores)
        assert is_tree(heads) and sum(h == 0 for h in heads) == 1
        assert sum(scores[d, h] for d, h in enumerate(heads)) == pytest.approx(brute_best(scores))
