"""Exact replacements for two of Stanza's pure-Python hot spots on our batch path (py-spy, 30 PolNeAR articles):
padding lists of ids into a tensor (6% of CPU) and spelling out each word's morphological features (2.8%).
Same values out, so the parse is the same; installed by `quotes.runtime.nlp.QuotesNLP`."""

from __future__ import annotations

import sys

# Stanza's modules that import get_long_tensor by name (each holds its own reference to it)
LONG_TENSOR_USERS = (
    "stanza.models.common.data", "stanza.models.common.char_model", "stanza.models.pos.data",
    "stanza.models.depparse.data", "stanza.models.lemma.data", "stanza.models.mwt.data", "stanza.models.ner.data",
    "stanza.models.ner.model",
)


def padded_long_tensor(tokens_list, batch_size, pad_id=0):
    """Stanza's `get_long_tensor`: (lists of)+ ids as one LongTensor of batch_size rows, padded with pad_id.
    Stanza fills the tensor row by row (a tensor made and copied per sentence or word: 500 rows for the
    characters of a 500-word batch); here the padded lists become one tensor in one call."""
    import torch

    sizes = []
    x = tokens_list
    while isinstance(x[0], list):
        sizes.append(max(len(y) for y in x))
        x = [z for y in x for z in y]
    return torch.tensor(_padded(tokens_list, [batch_size, *sizes], pad_id), dtype=torch.long)


def _padded(rows: list, dims: list, pad_id) -> list:
    if len(dims) == 1:
        return list(rows) + [pad_id] * (dims[0] - len(rows))
    filler = _padded([], dims[1:], pad_id)
    return [_padded(row, dims[1:], pad_id) for row in rows] + [filler] * (dims[0] - len(rows))


def install_long_tensor() -> None:
    """Point every Stanza module that uses get_long_tensor at `padded_long_tensor` (idempotent)."""
    from stanza.models.common import data

    original = getattr(data.get_long_tensor, "__wrapped_stanza__", data.get_long_tensor)
    padded_long_tensor.__wrapped_stanza__ = original
    for name in LONG_TENSOR_USERS:
        module = sys.modules.get(name)
        if module is not None and getattr(module, "get_long_tensor", None) is original:
            module.get_long_tensor = padded_long_tensor


def uninstall_long_tensor() -> None:
    for name in LONG_TENSOR_USERS:
        module = sys.modules.get(name)
        if module is not None and getattr(module, "get_long_tensor", None) is padded_long_tensor:
            module.get_long_tensor = padded_long_tensor.__wrapped_stanza__


def remember_feature_strings(pipeline) -> None:
    """The tagger spells each word's features ('Number=Sing|Person=3') from their ids in Python, key by key;
    a text has a few hundred distinct combinations, so each string is made once and then looked up."""
    if "pos" not in pipeline.processors:
        return
    vocab = pipeline.processors["pos"].trainer.vocab
    feats = vocab["feats"] if "feats" in getattr(vocab, "_vocabs", {}) else None
    if feats is None or getattr(feats, "sep", None) is None or "id2unit" in vars(feats):
        return  # features as lists (mutable, so not shared) or already remembered
    spell, known = feats.id2unit, {}

    def id2unit(ids):
        try:
            key = tuple(ids) if isinstance(ids, list) else ids
            return known[key]
        except KeyError:
            known[key] = spelled = spell(ids)
            return spelled
        except TypeError:  # not hashable: spell it each time
            return spell(ids)

    feats.id2unit = id2unit


def batched_viterbi(scores, transitions, lengths: list) -> list[list[int]]:
    """`stanza.models.common.crf.viterbi_decode` for every sentence of a batch at once: `scores` is (sentences,
    words, tags), `transitions` (tags, tags), `lengths` each sentence's words. The same float32 sums, maxima and
    first-best choices as Stanza's per-sentence loop, one numpy step per word position instead of one per word."""
    import numpy as np

    count, longest, _ = scores.shape
    if count == 0:
        return []
    lengths = np.asarray(lengths)
    trellis = np.zeros_like(scores)
    backpointers = np.zeros(scores.shape, dtype=np.int32)
    trellis[:, 0] = scores[:, 0]
    for t in range(1, int(lengths.max())):
        v = trellis[:, t - 1, :, None] + transitions
        trellis[:, t] = scores[:, t] + np.max(v, 1)
        backpointers[:, t] = np.argmax(v, 1)
    rows = np.arange(count)
    best = np.argmax(trellis[rows, lengths - 1], 1)
    paths = np.zeros((count, longest), dtype=np.int64)
    paths[rows, lengths - 1] = best
    for t in range(int(lengths.max()) - 1, 0, -1):
        live = lengths - 1 >= t
        best = np.where(live, backpointers[rows, t, best], best)
        paths[live, t - 1] = best[live]
    return [paths[i, :length].tolist() for i, length in enumerate(lengths)]


def ner_predict(self, batch, unsort=True):
    """Stanza's NER `Trainer.predict` with the Viterbi decode of the whole batch done at once
    (`batched_viterbi`); every other step as Stanza does it."""
    from stanza.models.common import utils
    from stanza.models.common.vocab import VOCAB_PREFIX_SIZE
    from stanza.models.ner.trainer import fix_singleton_tags, unpack_batch

    device = next(self.model.parameters()).device
    inputs, orig_idx, word_orig_idx, char_orig_idx, sentlens, wordlens, charlens, charoffsets = \
        unpack_batch(batch, device)
    word, wordchars, wordchars_mask, chars, tags = inputs
    self.model.eval()
    _, logits, trans = self.model(word, wordchars, wordchars_mask, tags, word_orig_idx, sentlens, wordlens, chars,
                                  charoffsets, charlens, char_orig_idx)
    trans = [x.data.cpu().numpy() for x in trans]
    logits = [x.data.cpu().numpy() for x in logits]
    batch_size = logits[0].shape[0]
    if any(x.shape[0] != batch_size for x in logits):
        raise AssertionError("Expected all of the logits to have the same size")
    columns = [batched_viterbi(x, y, sentlens) for x, y in zip(logits, trans)]
    tag_seqs = []
    predict_tagset = self.args['predict_tagset']
    for i in range(batch_size):
        found = [[x if x >= VOCAB_PREFIX_SIZE else VOCAB_PREFIX_SIZE for x in column[i]] for column in columns]
        found = self.vocab['tag'].unmap(list(zip(*found)))
        found = [x[predict_tagset] if isinstance(x, list) else x for x in found]
        tag_seqs += [fix_singleton_tags(found)]
    if unsort:
        tag_seqs = utils.unsort(tag_seqs, orig_idx)
    return tag_seqs


def install_ner_decode(pipeline) -> None:
    """Give the pipeline's NER trainer `ner_predict` (idempotent; no NER, nothing)."""
    import types

    if "ner" in pipeline.processors:
        trainer = pipeline.processors["ner"].trainer
        trainer.predict = types.MethodType(ner_predict, trainer)
