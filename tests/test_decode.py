"""The fast decode gives exactly Stanza's Chu-Liu-Edmonds trees, and takes its own path only for real trees."""

import numpy as np
import pytest

from quotes.runtime.decode import argmax_tree, install, one_root_tree

chuliu_edmonds = pytest.importorskip("stanza.models.common.chuliu_edmonds")


def parser_like_scores(rng, size, sharp):
    """Scores like a trained parser's: one clearly best head per word (a random tree) plus noise."""
    scores = rng.normal(size=(size, size))
    # a tree with one root word: word 1 hangs on the root, every later word on an earlier word
    heads = [0, 0] + [int(rng.integers(1, word)) for word in range(2, size)]
    for word, head in enumerate(heads[1:], start=1):
        scores[word, head] += sharp
    return scores


@pytest.mark.parametrize("sharp", [0.0, 1.0, 4.0])
def test_same_trees_as_stanza(sharp):
    rng = np.random.default_rng(7)
    taken = 0
    for trial in range(300):
        scores = parser_like_scores(rng, int(rng.integers(2, 40)), sharp)
        try:
            expected = chuliu_edmonds.chuliu_edmonds_one_root(scores.copy())
        except AssertionError:  # Stanza's own decode refuses some random matrices; then so must ours
            with pytest.raises(AssertionError):
                one_root_tree(scores.copy(), chuliu_edmonds.chuliu_edmonds_one_root)
            continue
        got = one_root_tree(scores.copy(), chuliu_edmonds.chuliu_edmonds_one_root)
        assert got.tolist() == expected.tolist(), trial
        taken += argmax_tree(scores) is not None
    if sharp >= 4.0:
        assert taken > 200  # confident scores: nearly every sentence skips the Python cycle search
    if sharp == 0.0:
        assert taken < 300  # pure noise: cycles are common and the fallback is exercised


def test_cycle_and_two_roots_are_refused():
    cycle = np.full((4, 4), -5.0)
    cycle[1, 2] = cycle[2, 1] = 3.0  # words 1 and 2 head each other
    cycle[3, 0] = 1.0
    assert argmax_tree(cycle) is None
    no_root = np.full((3, 3), -5.0)
    no_root[1, 2] = no_root[2, 1] = 1.0
    assert argmax_tree(no_root) is None


def test_a_real_tree_is_returned_as_is():
    scores = np.full((4, 4), -5.0)
    scores[1, 0] = scores[2, 1] = scores[3, 1] = 2.0
    assert argmax_tree(scores).tolist() == [0, 0, 1, 1]


def test_caller_matrix_is_not_changed():
    scores = parser_like_scores(np.random.default_rng(1), 6, 4.0)
    before = scores.copy()
    argmax_tree(scores)
    assert np.array_equal(scores, before)


def test_install_is_idempotent():
    from stanza.models.depparse import model

    install()
    first = model.chuliu_edmonds_one_root
    install()
    assert model.chuliu_edmonds_one_root.__wrapped_decode__ is first.__wrapped_decode__
    assert model.chuliu_edmonds_one_root.__wrapped_decode__ is chuliu_edmonds.chuliu_edmonds_one_root


def test_tied_best_heads_leave_the_choice_to_stanzas_tie_breaking():
    # integer scores: many words have several best heads, and then the argmax tree may not be the tree that
    # Stanza's decode picks (21 of 6,000 such matrices differed before the shortcut required strict maxima)
    rng = np.random.default_rng(3)
    differ = 0
    for _ in range(2000):
        size = int(rng.integers(3, 12))
        scores = rng.integers(-4, 0, size=(size, size)).astype(float)
        try:
            expected = chuliu_edmonds.chuliu_edmonds_one_root(scores.copy())
        except AssertionError:
            continue
        differ += one_root_tree(scores).tolist() != expected.tolist()
    assert differ == 0


def test_fallback_is_the_exact_decode_not_stanzas():
    from quotes.runtime.mst import one_root_mst

    assert one_root_tree.__defaults__ == (one_root_mst,)


@pytest.mark.parametrize("n, length", [(1, 1), (1, 37), (7, 25), (40, 13), (3, 120)])
def test_label_bilinear_is_einsums_numbers_bitwise(n, length):
    import torch

    from quotes.runtime.decode import _bilinear_at_arcs

    generator = torch.Generator().manual_seed(n * 1000 + length)
    dependents = torch.randn(n, length, 201, generator=generator)
    governors = torch.randn(n, length, 201, generator=generator)
    weight = torch.randn(201, 201, 55, generator=generator)
    expected = torch.einsum("nli,ijo,nlj->nlo", dependents, weight, governors)
    assert torch.equal(_bilinear_at_arcs(dependents, weight, governors), expected)
