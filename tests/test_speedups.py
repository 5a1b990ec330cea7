"""quotes.runtime.speedups: Stanza's hot spots replaced by exact equivalents (same tensors, same strings)."""

import pytest
import torch
from stanza.models.common import data as stanza_data
from stanza.models.pos.vocab import FeatureVocab

from quotes.runtime import speedups

STANZA_LONG_TENSOR = getattr(stanza_data.get_long_tensor, "__wrapped_stanza__", stanza_data.get_long_tensor)


@pytest.mark.parametrize("tokens_list, batch_size, pad_id", [
    ([[5, 6, 7], [8], []], 3, 0),                         # ragged rows, an empty one
    ([[5, 6, 7], [8]], 4, 1),                             # fewer rows than the batch, another pad id
    ([[[1, 2], [3, 4]], [[5, 6]]], 2, 0),                  # sentences of words of equal-length feature ids
    ([[9] * 40, list(range(3))] * 250, 500, 0),          # the characters of a 500-word batch
])
def test_padded_long_tensor_equals_stanzas(tokens_list, batch_size, pad_id):
    expected = STANZA_LONG_TENSOR(tokens_list, batch_size, pad_id)
    got = speedups.padded_long_tensor(tokens_list, batch_size, pad_id)
    assert got.dtype == expected.dtype == torch.long and got.shape == expected.shape and torch.equal(got, expected)


def test_install_points_stanzas_modules_at_it_and_uninstall_undoes_it():
    from stanza.models.depparse import data as depparse_data
    from stanza.models.pos import data as pos_data

    try:
        speedups.install_long_tensor()
        speedups.install_long_tensor()  # idempotent
        assert depparse_data.get_long_tensor is pos_data.get_long_tensor is speedups.padded_long_tensor
    finally:
        speedups.uninstall_long_tensor()
    assert depparse_data.get_long_tensor is STANZA_LONG_TENSOR


class Pipeline:
    def __init__(self, vocab):
        trainer = type("Trainer", (), {"vocab": vocab})()
        self.processors = {"pos": type("Processor", (), {"trainer": trainer})()}


def test_feature_strings_are_spelled_once_and_the_same(monkeypatch):
    feats = FeatureVocab(data=[[["_", "_", "Number=Sing|Person=3"], ["_", "_", "Mood=Ind"], ["_", "_", "_"]]],
                         idx=2, keyed=True, sep="|")
    vocab = type("MultiVocab", (), {"_vocabs": {"feats": feats}, "__getitem__": lambda self, key: self._vocabs[key]})()
    ids = [feats.unit2id(unit) for unit in ("Number=Sing|Person=3", "Mood=Ind", "_", "Number=Sing|Person=3")]
    expected = feats.unmap(ids)
    assert expected == ["Number=Sing|Person=3", "Mood=Ind", "_", "Number=Sing|Person=3"]
    spelled, plain = [], FeatureVocab.id2unit
    monkeypatch.setattr(FeatureVocab, "id2unit", lambda self, i: spelled.append(tuple(i)) or plain(self, i))
    speedups.remember_feature_strings(Pipeline(vocab))
    assert feats.unmap(ids) == expected and feats.unmap(ids) == expected
    assert len(spelled) == 3  # three distinct combinations, each spelled once (8 without remembering)


@pytest.mark.parametrize("seed", range(6))
def test_batched_viterbi_is_stanzas_decode_sentence_by_sentence(seed):
    import numpy as np
    from stanza.models.common.crf import viterbi_decode

    from quotes.runtime.speedups import batched_viterbi

    generator = np.random.default_rng(seed)
    count, longest, tags = 9, 31, 21
    scores = generator.normal(size=(count, longest, tags)).astype(np.float32)
    transitions = generator.normal(size=(tags, tags)).astype(np.float32)
    if seed % 2:  # ties: several equally good paths, where the first best must be chosen as Stanza chooses it
        scores, transitions = np.round(scores), np.round(transitions)
    lengths = [longest, 1, 2] + generator.integers(1, longest + 1, size=count - 3).tolist()
    decoded = batched_viterbi(scores, transitions, lengths)
    for i, length in enumerate(lengths):
        assert decoded[i] == [int(tag) for tag in viterbi_decode(scores[i, :length], transitions)[0]]
