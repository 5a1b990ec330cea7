"""compact_ner_model: the shipped (float16) NER model tags exactly as the trained one.

Trains a tiny Stanza NER model for a few steps on hand-written sentences (seconds), so no bundled model is needed.
"""

import json

import numpy as np
import pytest

from quotes.training.ner import _save_pretrain, compact_ner_model

SENTENCES = [
    [("Ana", "B-PER"), ("Ruiz", "E-PER"), ("visited", "O"), ("Oslo", "S-LOC"), (".", "O")],
    [("The", "O"), ("Harbor", "B-ORG"), ("Board", "E-ORG"), ("met", "O"), ("Norwegians", "S-GRP"), (".", "O")],
    [("Ruiz", "S-PER"), ("left", "O"), ("Oslo", "S-LOC"), ("today", "O"), (".", "O")],
]


def _json(path, sentences):
    path.write_text(json.dumps([[{"text": w, "ner": t} for w, t in s] for s in sentences]), encoding="utf-8")
    return str(path)


def _predict(tmp_path, model, pretrain, data, name):
    from stanza.models import ner_tagger

    out = tmp_path / f"{name}.tsv"
    ner_tagger.main(["--mode", "predict", "--shorthand", "en_test", "--cpu", "--wordvec_pretrain_file",
                     str(pretrain), "--eval_file", data, "--eval_output_file", str(out),
                     "--save_dir", str(model.parent), "--save_name", model.name])
    return out.read_text(encoding="utf-8")


@pytest.mark.filterwarnings("ignore")
def test_compact_model_tags_like_the_trained_one(tmp_path):
    from stanza.models import ner_tagger
    from stanza.models.common.vocab import VOCAB_PREFIX

    words = ["ana", "ruiz", "visited", "oslo", ".", "the", "harbor", "board", "met", "norwegians", "left"]
    table = np.random.default_rng(0).normal(size=(len(words) + len(VOCAB_PREFIX), 8)).astype(np.float16)
    table[: len(VOCAB_PREFIX)] = 0
    pretrain = tmp_path / "pretrain.pt"
    _save_pretrain(words, table, pretrain)
    train = _json(tmp_path / "train.json", SENTENCES)
    # "today" is in no vector table: it goes through the UNK row, which compaction must fold too
    ner_tagger.main(["--mode", "train", "--shorthand", "en_test", "--cpu", "--wordvec_pretrain_file", str(pretrain),
                     "--train_file", train, "--eval_file", train, "--hidden_dim", "8", "--char_hidden_dim", "8",
                     "--char_emb_dim", "4", "--optim", "adam", "--lr", "0.05", "--max_steps", "6",
                     "--eval_interval", "3", "--save_dir", str(tmp_path), "--save_name", "trained.pt"])
    small = tmp_path / "ner.pt"
    compact_ner_model(tmp_path / "trained.pt", small)

    import torch

    checkpoint = torch.load(small, weights_only=False)
    assert all(v.dtype != torch.float32 for v in checkpoint["model"].values())
    before = _predict(tmp_path, tmp_path / "trained.pt", pretrain, train, "before")
    after = _predict(tmp_path, small, pretrain, train, "after")
    assert any(line.split("\t")[2] != "O" for line in before.splitlines() if line)  # it does tag something
    assert before == after
