"""A faster maximum-spanning-tree decode for Stanza's dependency parser, giving the same trees.

Stanza decodes every sentence with Chu-Liu-Edmonds (`chuliu_edmonds_one_root`), whose first step is the
best head of every word (an argmax) followed by a cycle search (Tarjan's algorithm, in Python). For most
sentences the argmax heads already form a tree with one root: then that tree *is* the maximum spanning tree
(no tree can score more than every word's best head), and the Python cycle search is wasted work. We check
"is a tree" with vectorised pointer doubling and fall back to Stanza's own decode for the rest, so the
result is Stanza's result, only sooner.
"""

from __future__ import annotations

import numpy as np


def argmax_tree(scores: np.ndarray) -> np.ndarray | None:
    """The argmax heads when they form a tree rooted at 0 with exactly one word on the root, else None.

    `scores[d, h]` is the score of word `h` heading word `d`; row and column 0 are the root, as in Stanza.
    Stanza re-weights the root arcs by one constant so that its decode finds the best tree with exactly one
    root word; an argmax tree with one root is the best of all trees, so it is also that one.
    """
    scores = scores.astype(np.float64)  # a copy: the caller's matrix is left alone
    np.fill_diagonal(scores, -np.inf)
    scores[0] = -np.inf
    scores[0, 0] = 0
    heads = np.argmax(scores, axis=1)
    if np.count_nonzero(heads[1:] == 0) != 1:
        return None
    # pointer doubling: after k rounds each word points 2**k steps up; in a tree all reach the root
    ancestors = heads
    for _ in range(max(1, int(np.ceil(np.log2(len(heads)))) + 1)):
        ancestors = ancestors[ancestors]
    return heads if not ancestors.any() else None


def one_root_tree(scores: np.ndarray, fallback) -> np.ndarray:
    """`fallback(scores)` (Stanza's Chu-Liu-Edmonds), skipped when the argmax heads are already a tree."""
    tree = argmax_tree(scores)
    return tree if tree is not None else fallback(scores)


def install() -> None:
    """Make Stanza's dependency parser decode through `one_root_tree`. Idempotent."""
    from stanza.models.depparse import model

    original = getattr(model.chuliu_edmonds_one_root, "__wrapped_decode__", model.chuliu_edmonds_one_root)

    def decode(scores):
        return one_root_tree(scores, original)

    decode.__wrapped_decode__ = original
    model.chuliu_edmonds_one_root = decode
