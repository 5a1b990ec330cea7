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
