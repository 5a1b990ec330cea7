"""extend_pretrain and move_to_pretrain: a larger NER vector table that keeps the old one's ids and vectors, and a
trained model moved onto it that tags as before. Hand-made spaCy tables and a tiny model trained in seconds."""

from pathlib import Path

import numpy as np
import pytest
import torch

from quotes.training.ner import _save_pretrain, build_pretrain
from quotes.training.ner_vectors import (VectorTableMismatch, extend_pretrain, move_to_pretrain,
                                         text_word_frequencies)
from tests.ner.test_compact import SENTENCES, _json, _predict
from tests.test_parser_training import _spacy_folder

WORDS = ["the", "Ana", "ruiz", "visited", "oslo", ".", "harbor", "board", "met", "norwegians", "left", "today",
         "zebra", "Lagos", "Quietly", "said"]


def _spacy(root, seed=0):
    """A spaCy table of WORDS with random 6-dimensional vectors (well conditioned, unlike a ramp)."""
    folder = _spacy_folder(root / f"spacy{seed}", WORDS)
    with open(folder / "vocab" / "vectors", "wb") as out:
        np.save(out, np.random.default_rng(seed).normal(size=(len(WORDS), 6)).astype(np.float32))
    return folder


def _table(path):
    data = torch.load(path, weights_only=True)
    return data["vocab"]["_id2unit"][4:], data["emb"]


def test_word_frequencies_are_lowercased_most_frequent_first():
    assert text_word_frequencies([["Oslo", "met", "oslo"], ["met", "OSLO", "Lagos"]]) == ["oslo", "met", "lagos"]


def test_extended_table_keeps_old_ids_and_vectors_then_adds_known_words_projected_the_same_way(tmp_path):
    spacy = _spacy(tmp_path)
    base, extended, reference = tmp_path / "base.pt", tmp_path / "extended.pt", tmp_path / "reference.pt"
    build_pretrain(spacy, base, words_by_frequency=["the", "ana", "oslo"], max_words=10, dims=3)
    result = extend_pretrain(base, spacy, extended, max_words=6,
                             words_by_frequency=["zebra", "The", "not-in-spacy", "lagos", "quietly", "said"])
    words, table = _table(extended)
    # the old words first, same ids; then new known words by frequency, until 6 in all
    assert words == ["the", "ana", "oslo", "zebra", "lagos", "quietly"]
    assert (result.kept, result.added, result.flipped_axes) == (3, 3, 0)
    old_words, old_table = _table(base)
    assert torch.equal(table[:len(old_words) + 4], old_table)
    # a new word's vector is the one a table built with it from the start would hold
    build_pretrain(spacy, reference, words_by_frequency=["zebra", "lagos", "quietly"], max_words=10, dims=3)
    assert torch.equal(table[-3:], _table(reference)[1][4:])


def test_an_axis_the_old_table_holds_the_other_way_round_is_flipped_for_the_new_words(tmp_path):
    spacy = _spacy(tmp_path)
    plain, base, extended = tmp_path / "plain.pt", tmp_path / "base.pt", tmp_path / "extended.pt"
    build_pretrain(spacy, plain, words_by_frequency=["the", "ana", "oslo", "zebra"], max_words=10, dims=3)
    words, table = _table(plain)
    flipped = table.clone()
    flipped[:, 1] = -flipped[:, 1]  # what another LAPACK's SVD may return for the same table
    _save_pretrain(words[:3], flipped[:7].numpy(), base)
    result = extend_pretrain(base, spacy, extended, words_by_frequency=["zebra"], max_words=10)
    assert result.flipped_axes == 1
    assert torch.equal(_table(extended)[1], flipped)


def test_a_table_built_from_other_vectors_is_refused(tmp_path):
    base, spacy = tmp_path / "base.pt", _spacy(tmp_path, seed=0)
    build_pretrain(spacy, base, words_by_frequency=["the", "ana", "oslo"], max_words=10, dims=3)
    with pytest.raises(VectorTableMismatch, match="not the table"):
        extend_pretrain(base, _spacy(tmp_path, seed=1), tmp_path / "out.pt", words_by_frequency=["zebra"],
                        max_words=10)
    _save_pretrain(["the", "unknown-word"], np.zeros((6, 3), dtype=np.float16), base)
    with pytest.raises(VectorTableMismatch, match="not in"):
        extend_pretrain(base, spacy, tmp_path / "out.pt", words_by_frequency=["zebra"], max_words=10)


@pytest.mark.filterwarnings("ignore")
def test_a_model_moved_onto_the_extended_table_tags_as_before_and_knows_the_new_words(tmp_path):
    from stanza.models import ner_tagger

    spacy = _spacy(tmp_path)
    base, extended = tmp_path / "base.pt", tmp_path / "extended.pt"
    # "today" and "left" stay out of the old table: unknown words, as news names are to the bundled model
    build_pretrain(spacy, base, words_by_frequency=[w for w in WORDS if w not in ("today", "left")],
                   max_words=11, dims=6)
    train = _json(tmp_path / "train.json", SENTENCES)
    ner_tagger.main(["--mode", "train", "--shorthand", "en_test", "--cpu", "--wordvec_pretrain_file", str(base),
                     "--train_file", train, "--eval_file", train, "--hidden_dim", "8", "--char_hidden_dim", "8",
                     "--char_emb_dim", "4", "--optim", "adam", "--lr", "0.05", "--max_steps", "40",
                     "--eval_interval", "20", "--save_dir", str(tmp_path), "--save_name", "trained.pt"])
    extend_pretrain(base, spacy, extended, words_by_frequency=["today", "left"], max_words=20)
    moved = tmp_path / "moved.pt"
    assert move_to_pretrain(tmp_path / "trained.pt", extended, moved) == 2
    known = [[word for word in sentence if word[0].lower() not in ("today", "left")] for sentence in SENTENCES]
    data = _json(tmp_path / "known.json", known)
    before = _predict(tmp_path, tmp_path / "trained.pt", base, data, "before")
    assert any(line.split("\t")[2] != "O" for line in before.splitlines() if line)  # it does tag something
    assert _predict(tmp_path, moved, extended, data, "after") == before
    vocab = torch.load(moved, weights_only=True)["vocab"]["word"]["_id2unit"]
    assert vocab[-2:] == ["today", "left"]
    # the old table and the new model do not fit together: refused, not a silent mix-up of ids
    with pytest.raises(VectorTableMismatch, match="does not begin"):
        move_to_pretrain(tmp_path / "trained.pt", _reordered(extended, tmp_path), tmp_path / "bad.pt")


def _reordered(pretrain, tmp_path):
    words, table = _table(pretrain)
    path = tmp_path / "reordered.pt"
    _save_pretrain(list(reversed(words)), table.numpy(), path)
    return path


def test_training_text_words_come_before_general_english(tmp_path):
    from tests.ner.test_compact import _json as write_json
    from tests.test_parser_training import _wordfreq_wheel
    from quotes.training.ner_vectors import extend_for_training_text

    spacy = _spacy(tmp_path)
    base, extended = tmp_path / "base.pt", tmp_path / "extended.pt"
    build_pretrain(spacy, base, words_by_frequency=["the"], max_words=10, dims=3)
    train = write_json(tmp_path / "train.json", [[("Lagos", "S-LOC"), ("met", "O"), ("Oslo", "S-LOC")],
                                                  [("Oslo", "S-LOC"), ("left", "O")]])
    wheel = _wordfreq_wheel(tmp_path / "wordfreq.whl", [["said", "zebra"], ["met", "quietly"]])
    result = extend_for_training_text(base, spacy, extended, train_json=Path(train), frequency_list=wheel,
                                      max_words=7)
    assert _table(extended)[0] == ["the", "oslo", "lagos", "met", "left", "said", "zebra"]
    assert (result.kept, result.added) == (1, 6)
