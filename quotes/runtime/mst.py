"""Stanza's single-root maximum spanning tree decode (Chu-Liu-Edmonds), the same trees at a fraction of the cost.

`one_root_mst(scores)` returns exactly what `stanza.models.common.chuliu_edmonds.chuliu_edmonds_one_root`
returns, ties included: the same root re-weighting, the same argmax (first best head on ties), the same
cycle contracted first, and the same float arithmetic for the contracted scores, so every comparison comes
out the same. Stanza finds cycles with a Python Tarjan that calls `np.where` over the whole sentence for every
word and repeats it after each contraction (4-22 ms a sentence in issue 22's profile, 98.8% of the decode).
Here the heads form a functional graph (one head per word), whose cycles one walk over a list finds in O(n).

Which cycle Stanza contracts first matters when scores tie. Its Tarjan starts a search at each unvisited word
in index order and follows head -> dependent edges, so a search reaches a cycle only when it starts on that
cycle: cycles are found in the order of their lowest word, and Stanza contracts the last one found. So do we.
"""

from __future__ import annotations

from typing import Optional

import numpy as np


def one_root_mst(scores: np.ndarray) -> np.ndarray:
    """The best tree with exactly one word on the root: `tree[d]` heads word d, `tree[0] == 0`.

    `scores[d, h]` is the score of word `h` heading word `d`; row and column 0 are the root. The caller's
    matrix is left alone. Root arcs are lowered by one constant (the lowest score times the size, as
    Stanza does: Stanojević and Cohen 2021), so the best tree has a single root word.
    """
    scores = scores.astype(np.float64)  # always a copy
    min_score = scores[np.isfinite(scores)].min()
    scores[:, 0] = scores[:, 0] + (min_score * scores.shape[0])
    tree = max_spanning_tree(scores)
    roots = np.where(np.equal(tree[1:], 0))[0] + 1
    assert len(roots) == 1, "Rescaling by the lowest score should have prevented using multiple root edges"
    return tree


def max_spanning_tree(scores: np.ndarray) -> np.ndarray:
    """Chu-Liu-Edmonds over `scores` (changed in place, as Stanza's `chuliu_edmonds` changes its argument)."""
    contractions = []
    _prepare(scores)
    tree = scores.argmax(axis=1)
    cycle = last_cycle(tree.tolist())
    while cycle is not None:
        subscores, contraction = _contract(tree, cycle, scores)
        contractions.append((tree, contraction))
        scores = subscores
        _prepare(scores)
        tree = scores.argmax(axis=1)
        cycle = last_cycle(tree.tolist())
    while contractions:
        contracted_tree = tree
        tree, contraction = contractions.pop()
        tree = _expand(tree, contracted_tree, *contraction)
    return tree


def last_cycle(heads: list[int]) -> Optional[list[int]]:
    """The words of the cycle (two words or more) with the highest lowest word among the cycles of the head
    graph `heads`, in walk order; None when there is none (the root's own loop at 0 is not a cycle)."""
    seen = [0] * len(heads)  # 0: not yet walked; else 1 + the word the walk that reached it started from
    chosen, chosen_low = None, -1
    for start in range(len(heads)):
        if seen[start]:
            continue
        mark, word = start + 1, start
        while not seen[word]:
            seen[word] = mark
            word = heads[word]
        if seen[word] != mark:  # ran into an earlier walk: no new cycle
            continue
        cycle, other = [word], heads[word]
        while other != word:
            cycle.append(other)
            other = heads[other]
        if len(cycle) > 1 and min(cycle) > chosen_low:
            chosen, chosen_low = cycle, min(cycle)
    return chosen


def _prepare(scores: np.ndarray) -> None:
    """No word heads itself; the root (row 0) has no head but itself."""
    np.fill_diagonal(scores, -np.inf)
    scores[0] = -np.inf
    scores[0, 0] = 0


def _contract(tree: np.ndarray, cycle_words: list[int], scores: np.ndarray):
    """The scores with the cycle made one node (the last), and what expanding the solution back needs.
    Stanza's `process_cycle`, operation for operation (so the contracted scores are the same floats)."""
    cycle = np.zeros(len(tree), dtype=bool)
    cycle[cycle_words] = True
    cycle_locs = cycle.nonzero()[0]
    cycle_scores = scores[cycle_locs, tree[cycle_locs]]
    cycle_score = cycle_scores.sum()
    noncycle_locs = (~cycle).nonzero()[0]
    # a noncycle word heading the cycle: the cycle's arc into that word replaced by the new one
    noncycle_rows = scores[noncycle_locs]
    head_scores = scores[cycle_locs][:, noncycle_locs] - cycle_scores[:, None] + cycle_score
    dep_scores = noncycle_rows[:, cycle_locs]
    metanode_heads = head_scores.argmax(axis=0)
    metanode_deps = dep_scores.argmax(axis=1)
    size = len(noncycle_locs)
    subscores = np.zeros((size + 1, size + 1))
    subscores[:-1, :-1] = noncycle_rows[:, noncycle_locs]
    subscores[-1, :-1] = head_scores[metanode_heads, np.arange(size)]
    subscores[:-1, -1] = dep_scores[np.arange(size), metanode_deps]
    return subscores, (cycle_locs, noncycle_locs, metanode_heads, metanode_deps)


def _expand(tree, contracted_tree, cycle_locs, noncycle_locs, metanode_heads, metanode_deps) -> np.ndarray:
    """The solution of the contracted problem as heads in `tree`'s graph (Stanza's `expand_contracted_tree`)."""
    cycle_head = contracted_tree[-1]
    contracted_tree = contracted_tree[:-1]
    new_tree = -np.ones_like(tree)
    outside = contracted_tree < len(contracted_tree)  # headed by a noncycle word, not by the cycle node
    new_tree[noncycle_locs[outside]] = noncycle_locs[contracted_tree[outside]]
    inside = ~outside
    new_tree[noncycle_locs[inside]] = cycle_locs[metanode_deps[inside]]
    new_tree[cycle_locs] = tree[cycle_locs]
    new_tree[cycle_locs[metanode_heads[cycle_head]]] = noncycle_locs[cycle_head]
    return new_tree
