"""A larger word-vector table for the NER that keeps every vector of the table a model was trained with, and the
move of a trained model onto it, so that names seen only in the news data stop being unknown words.

Stanza's NER checkpoint holds no vector table: it keeps the table's vocabulary (word -> row) and reads the rows
from the pretrain file at load time, with the model's own corrections in a separate `delta` embedding. A table
that holds the old rows unchanged, under the same ids, followed by new words, is therefore a drop-in: the old
network sees the same input for every word it knew, and a vector instead of UNK for the new ones.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from quotes.errors import QuotesError
from quotes.training.ner import known_words, projected_vectors, _save_pretrain
from quotes.training.train import NER_VECTOR_WORDS

# float16 keeps about 3 significant digits; a word whose rebuilt vector differs from the old table's by more
# than this was projected differently (another spaCy table, another number of axes)
SAME_VECTOR_TOLERANCE = 0.02


class VectorTableMismatch(QuotesError):
    """The spaCy table does not reproduce the vectors of the table being extended; the message says why."""


@dataclass(frozen=True)
class ExtendedTable:
    kept: int  # words of the old table, same ids and vectors
    added: int  # new words after them
    flipped_axes: int  # principal axes whose sign the SVD gave the other way round (aligned to the old table)
    largest_difference: float  # between the old vectors and the rebuilt ones, before keeping the old


def text_word_frequencies(sentences: Iterable[list[str]]) -> list[str]:
    """Lowercased word forms of tokenized sentences, most frequent first (ties in order of first appearance)."""
    counts: Counter = Counter()
    for words in sentences:
        counts.update(word.lower() for word in words)
    return [word for word, _ in counts.most_common()]


def _read_pretrain(path: Path):
    """(words without Stanza's special entries, the full table with them) of a Stanza pretrain file."""
    import torch
    from stanza.models.common.vocab import VOCAB_PREFIX

    data = torch.load(path, map_location="cpu", weights_only=True)
    words = data["vocab"]["_id2unit"]
    if list(words[:len(VOCAB_PREFIX)]) != list(VOCAB_PREFIX):
        raise VectorTableMismatch(f"{path} does not start with Stanza's special entries {VOCAB_PREFIX}")
    return list(words[len(VOCAB_PREFIX):]), data["emb"].numpy()


def extend_pretrain(base: Path, source: Path, output: Path, *, words_by_frequency: Iterable[str],
                    max_words: int) -> ExtendedTable:
    """Write `base`'s words and vectors, unchanged and in order, then the first words of `words_by_frequency` that
    spaCy's table (`source`) knows and `base` lacks, up to `max_words` in all, projected exactly as `base` was
    (quotes.training.ner.build_pretrain: same principal axes, signs aligned to `base`'s)."""
    import numpy as np
    from stanza.models.common.vocab import VOCAB_PREFIX

    old_words, old_table = _read_pretrain(base)
    dims = old_table.shape[1]
    row_of, projected = projected_vectors(source, dims)
    missing = [word for word in old_words if word not in row_of]
    if missing:
        raise VectorTableMismatch(f"{len(missing)} words of {base} are not in {source} (e.g. {missing[:3]}): "
                                  "extend a table with the spaCy table it was built from")
    old_vectors = old_table[len(VOCAB_PREFIX):].astype(np.float64)
    rebuilt = projected[[row_of[word] for word in old_words]]
    signs = np.where((old_vectors * rebuilt).sum(axis=0) < 0, -1.0, 1.0)
    projected = projected * signs
    difference = float(np.abs(rebuilt * signs - old_vectors).max()) if old_words else 0.0
    if difference > SAME_VECTOR_TOLERANCE:
        raise VectorTableMismatch(f"{source} projected onto {dims} axes differs from {base} by up to "
                                  f"{difference:.3f}: it is not the table {base} was built from")
    have = set(old_words)
    new_words = [word for word in known_words(words_by_frequency, row_of, max_words + len(have))
                 if word not in have][:max(0, max_words - len(old_words))]
    new_rows = projected[[row_of[word] for word in new_words]].astype(old_table.dtype).reshape(-1, dims)
    _save_pretrain(old_words + new_words, np.concatenate([old_table, new_rows]), output)
    return ExtendedTable(len(old_words), len(new_words), int((signs < 0).sum()), difference)


def move_to_pretrain(model_in: Path, pretrain: Path, model_out: Path) -> int:
    """Point a trained Stanza NER checkpoint at a table made by `extend_pretrain` from the one it was trained with
    (its word vocabulary becomes the new table's; the network is untouched). Returns the words it gains."""
    import torch

    checkpoint = torch.load(model_in, map_location="cpu", weights_only=True)
    table = torch.load(pretrain, map_location="cpu", weights_only=True)
    old, new = checkpoint["vocab"]["word"]["_id2unit"], table["vocab"]["_id2unit"]
    if list(new[:len(old)]) != list(old):
        raise VectorTableMismatch(f"{pretrain} does not begin with the words of the table {model_in} was trained "
                                  "with: build it with extend_pretrain from that table")
    checkpoint["vocab"]["word"] = table["vocab"]
    checkpoint["config"]["wordvec_pretrain_file"] = str(pretrain)
    model_out.parent.mkdir(parents=True, exist_ok=True)
    torch.save(checkpoint, model_out, _use_new_zipfile_serialization=False)
    return len(new) - len(old)


def extend_for_training_text(base: Path, source: Path, output: Path, *, train_json: Path,
                             frequency_list: Optional[Path] = None, max_words: int = NER_VECTOR_WORDS) -> ExtendedTable:
    """extend_pretrain with the words of the NER stage's training data (WORK/data/ner/train.json, news included)
    by frequency, then general English from `frequency_list` (a wordfreq wheel, as the parser's vectors use) until
    `max_words`: how run 3's 60,000-word table was made (docs/ner-training.md)."""
    import json

    from quotes.training.parser import wordfreq_words

    sentences = json.loads(train_json.read_text(encoding="utf-8"))
    words = text_word_frequencies([word["text"] for word in sentence] for sentence in sentences)
    if frequency_list is not None:
        words += wordfreq_words(frequency_list)
    return extend_pretrain(base, source, output, words_by_frequency=words, max_words=max_words)
