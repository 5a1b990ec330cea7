"""quotes.runtime.mst gives exactly Stanza's single-root Chu-Liu-Edmonds trees: random scores, ties, -inf, float32."""

import numpy as np
import pytest

from quotes.runtime.mst import last_cycle, one_root_mst

chuliu_edmonds = pytest.importorskip("stanza.models.common.chuliu_edmonds")


def random_scores(rng, kind: str, size: int) -> np.ndarray:
    if kind == "normal":
        return rng.normal(size=(size, size))
    if kind == "ties":  # a handful of integer values: most rows have several best heads
        return rng.integers(-4, 0, size=(size, size)).astype(float)
    if kind == "few-values":
        return rng.integers(-2, 1, size=(size, size)) - 0.5
    if kind == "impossible-arcs":  # as the parser's masked arcs
        scores = rng.normal(size=(size, size))
        scores[rng.random((size, size)) < 0.3] = -np.inf
        return scores
    if kind == "log-softmax-float32":  # what the parser hands over: log-probabilities, float32, -inf diagonal
        scores = rng.normal(scale=3.0, size=(size, size))
        np.fill_diagonal(scores, -np.inf)
        scores = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
        return scores.astype(np.float32)
    raise ValueError(kind)


@pytest.mark.parametrize("kind", ["normal", "ties", "few-values", "impossible-arcs", "log-softmax-float32"])
def test_same_trees_as_stanza(kind):
    rng = np.random.default_rng(22)
    compared = 0
    for trial in range(300):
        scores = random_scores(rng, kind, int(rng.integers(2, 50)))
        before = scores.copy()
        try:
            expected = chuliu_edmonds.chuliu_edmonds_one_root(scores.copy())
        except AssertionError:  # Stanza refuses a matrix whose best tree has two roots; so must we
            with pytest.raises(AssertionError):
                one_root_mst(scores)
            continue
        got = one_root_mst(scores)
        assert got.tolist() == expected.tolist(), (kind, trial)
        assert got.dtype == expected.dtype
        assert np.array_equal(scores, before, equal_nan=True)  # the caller's matrix is left alone
        compared += 1
    assert compared > 270


def test_cycles_are_contracted_in_stanzas_order():
    # two 2-cycles ({1, 2} and {3, 4}) of equal weight and ties between them: the order decides the tree
    scores = np.full((5, 5), -3.0)
    scores[1, 2] = scores[2, 1] = scores[3, 4] = scores[4, 3] = 0.0
    scores[:, 0] = -1.0
    scores[1, 3] = scores[2, 4] = scores[3, 1] = scores[4, 2] = -1.0
    assert one_root_mst(scores).tolist() == chuliu_edmonds.chuliu_edmonds_one_root(scores).tolist()


def test_last_cycle_is_the_one_with_the_highest_lowest_word():
    assert last_cycle([0, 0, 1, 2]) is None  # a chain to the root
    assert last_cycle([0, 2, 1, 4, 3]) == [3, 4]
    assert sorted(last_cycle([0, 5, 1, 4, 3, 2, 5])) == [3, 4]  # {1, 2, 5} starts lower than {3, 4}
    assert sorted(last_cycle([0, 3, 1, 2, 1])) == [1, 2, 3]  # word 4 hangs on the cycle, not in it
