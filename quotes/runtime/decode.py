"""Faster inference for Stanza's graph dependency parser, giving the same trees and labels.

Two savings, both exact:

1. **Tree decode.**
Stanza decodes every sentence with Chu-Liu-Edmonds (`chuliu_edmonds_one_root`), whose first step is the
best head of every word (an argmax) followed by a cycle search (Tarjan's algorithm, in Python). For most
sentences the argmax heads already form a tree with one root: then that tree *is* the maximum spanning tree
(no tree can score more than every word's best head), and the Python cycle search is wasted work. We check
"is a tree" with vectorised pointer doubling; the rest (a third of PolNeAR's sentences) go to
`quotes.runtime.mst.one_root_mst`, Stanza's algorithm with a linear cycle search, so the result is Stanza's result,
only sooner. The shortcut is taken only when every word's best head is strictly best: with a tie there
are several best trees, and then Stanza's own tie-breaking (which `one_root_mst` repeats) decides.

2. **Labels only where they are used.** Stanza scores every label for every (word, possible head) pair, an
n x n x labels tensor per sentence, takes a log-softmax of all of it for a repair step we do not run, then
reads one cell per word. We decode the heads first and score the labels of each word's chosen arc only:
the same bilinear form on the same vectors, so the same argmax (up to float rounding in the last digit).
"""

from __future__ import annotations

import types

import numpy as np

from quotes.runtime.mst import one_root_mst


def argmax_tree(scores: np.ndarray) -> np.ndarray | None:
    """The argmax heads when they form a tree rooted at 0 with exactly one word on the root and every word's
    best head is strictly best, else None.

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
    best = scores[np.arange(len(heads)), heads]
    if np.count_nonzero(scores[1:] == best[1:, None]) != len(heads) - 1:  # a tie: more than one best tree
        return None
    # pointer doubling: after k rounds each word points 2**k steps up; in a tree all reach the root
    ancestors = heads
    for _ in range(max(1, int(np.ceil(np.log2(len(heads)))) + 1)):
        ancestors = ancestors[ancestors]
    return heads if not ancestors.any() else None


def one_root_tree(scores: np.ndarray, fallback=one_root_mst) -> np.ndarray:
    """`fallback(scores)` (a single-root Chu-Liu-Edmonds), skipped when the argmax heads are already a tree."""
    tree = argmax_tree(scores)
    return tree if tree is not None else fallback(scores)


def install(pipeline=None) -> None:
    """Make Stanza's dependency parser decode through `one_root_tree` (idempotent) and, given a pipeline,
    give its graph parser the arc-only label scoring of `graph_predict`."""
    from stanza.models.depparse import model

    original = getattr(model.chuliu_edmonds_one_root, "__wrapped_decode__", model.chuliu_edmonds_one_root)

    def decode(scores):
        return one_root_tree(scores)

    decode.__wrapped_decode__ = original
    model.chuliu_edmonds_one_root = decode
    parser = _graph_parser(pipeline)
    if parser is not None and not parser.args.get("use_arc_embedding"):
        parser.predict = types.MethodType(graph_predict, parser)


def uninstall(pipeline=None) -> None:
    """Back to Stanza's own decode and prediction (benchmarks compare the two)."""
    from stanza.models.depparse import model

    model.chuliu_edmonds_one_root = getattr(model.chuliu_edmonds_one_root, "__wrapped_decode__",
                                            model.chuliu_edmonds_one_root)
    parser = _graph_parser(pipeline)
    if parser is not None:
        parser.__dict__.pop("predict", None)


def _graph_parser(pipeline):
    if pipeline is None or "depparse" not in pipeline.processors:
        return None
    parser = pipeline.processors["depparse"].trainer.model
    return parser if type(parser).__name__ == "GraphParser" else None


def graph_predict(self, word, word_mask, wordchars, wordchars_mask, upos, xpos, ufeats, pretrained, lemma, head,
                  deprel, word_orig_idx, sentlens, wordlens, text, resolve_head_constraints=False):
    """`GraphParser.predict` (eval mode) with labels scored only on the decoded arcs."""
    import torch
    import torch.nn.functional as F
    from stanza.models.common.vocab import VOCAB_PREFIX_SIZE
    from stanza.models.depparse import model as depparse_model

    if resolve_head_constraints:  # the repair needs every arc's label scores: Stanza's own path
        return type(self).predict(self, word, word_mask, wordchars, wordchars_mask, upos, xpos, ufeats, pretrained,
                                  lemma, head, deprel, word_orig_idx, sentlens, wordlens, text,
                                  resolve_head_constraints=True)
    outputs = self.embed(word, word_mask, wordchars, wordchars_mask, upos, xpos, ufeats, pretrained, lemma, head,
                         deprel, word_orig_idx, sentlens, wordlens, text)
    arcs = self.unlabeled(outputs, outputs).squeeze(3)
    if self.args["linearization"] or self.args["distance"]:
        positions = torch.arange(word.size(1), device=outputs.device)
        offset = (positions.view(1, 1, -1) - positions.view(1, -1, 1)).expand(word.size(0), -1, -1)
        if self.args["linearization"]:
            linear = self.linearization(outputs, outputs).squeeze(3)
            arcs = arcs + F.logsigmoid(linear * torch.sign(offset).float())
        if self.args["distance"]:
            predicted = 1 + F.softplus(self.distance(outputs, outputs).squeeze(3))
            arcs = arcs + -torch.log((torch.abs(offset).float() - predicted) ** 2 / 2 + 1)
    arcs.masked_fill_(torch.eye(arcs.size(-1), dtype=torch.bool).unsqueeze(0), -float("inf"))
    arc_scores = F.log_softmax(arcs, 2).numpy()
    trees = [depparse_model.chuliu_edmonds_one_root(arc_scores[i][:length, :length])
             for i, length in enumerate(sentlens)]

    heads = torch.zeros(arcs.shape[:2], dtype=torch.long)
    for i, tree in enumerate(trees):
        heads[i, : len(tree)] = torch.as_tensor(tree, dtype=torch.long)
    labels = _arc_labels(self.deprel, outputs, heads).numpy() + VOCAB_PREFIX_SIZE
    vocab = self.vocab["deprel"]
    return [[[int(tree[j]), vocab.id2unit(int(labels[i, j]))] for j in range(1, length)]
            for i, (tree, length) in enumerate(zip(trees, sentlens))]


def _arc_labels(scorer, outputs, heads):
    """Best label of each word's arc to `heads[n, l]`: DeepBiaffineScorer's pairwise form at one pair a word."""
    import torch

    dependents = scorer.hidden_func(scorer.W1(outputs))
    governors = scorer.hidden_func(scorer.W2(outputs))
    ones = dependents.new_ones(*dependents.shape[:-1], 1)
    dependents, governors = torch.cat([dependents, ones], -1), torch.cat([governors, ones], -1)
    chosen = torch.gather(governors, 1, heads.unsqueeze(2).expand(-1, -1, governors.size(2)))
    bilinear = scorer.scorer.W_bilin
    scores = _bilinear_at_arcs(dependents, bilinear.weight, chosen) + bilinear.bias
    return scores.argmax(2)


def _bilinear_at_arcs(dependents, weight, governors):
    """torch.einsum("nli,ijo,nlj->nlo", dependents, weight, governors) by the same two products einsum makes
    (it contracts left to right: one matrix product over i, then a batched one over j), without its
    reshuffling copies of the (words, i, o) intermediate: the same numbers (bitwise: every batch of the
    benchmark's 50 articles, 56 random shapes), 1.5x faster (einsum was 11% of the extraction CPU)."""
    import torch

    n, length, size = dependents.shape
    outputs = weight.size(2)
    words = n * length
    if words == 1:  # einsum treats a lone word's size-1 dimensions otherwise (another product, other bits)
        return torch.einsum("nli,ijo,nlj->nlo", dependents, weight, governors)
    products = torch.mm(dependents.reshape(words, size), weight.reshape(size, -1)).view(words, -1, outputs)
    return torch.bmm(products.transpose(1, 2), governors.reshape(words, -1, 1)).view(n, length, outputs)
