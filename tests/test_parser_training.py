"""The parser's size and word-vector options in `quotes train-models`, its vector file, and how the pipeline
finds that file beside parser.pt."""

import gzip
import json
import zipfile

import msgpack
import numpy as np

from quotes.runtime.nlp import PARSE_PROCESSORS, PARSER_PRETRAIN, ModelSource, _pipeline_options
from quotes.training.ner import _murmurhash64a
from quotes.training.parser import build_parser_pretrain, wordfreq_words
from quotes.training.train import Runner, TrainConfig, _stage_depparse, install_models


def _depparse_args(config, monkeypatch) -> list[str]:
    calls = []
    monkeypatch.setattr(Runner, "run", lambda self, stage, module, args: calls.append(args))
    _stage_depparse(config, Runner(config, log=lambda line: None))
    return calls[-1]


def _value(args: list[str], option: str) -> str:
    return args[args.index(option) + 1]


def test_parser_stage_trains_the_chosen_size_with_its_vectors_beside_the_model(tmp_path, monkeypatch):
    vectors = tmp_path / "vectors.pt"
    vectors.write_bytes(b"vectors")
    config = TrainConfig(ud_dir=tmp_path, work_dir=tmp_path / "work", output_dir=tmp_path / "out",
                         parser_pretrain=vectors, parser_hidden=128, parser_biaffine=128, parser_char_hidden=0)
    args = _depparse_args(config, monkeypatch)
    assert (_value(args, "--hidden_dim"), _value(args, "--deep_biaff_hidden_dim")) == ("128", "128")
    assert "--no_char" in args and "--char_hidden_dim" not in args
    assert "--no_pretrain" not in args and "--continue_from" not in args
    installed = config.model_dir / PARSER_PRETRAIN
    assert _value(args, "--wordvec_pretrain_file") == str(installed) and installed.read_bytes() == b"vectors"
    # the same work folder without vectors: the earlier run's file must not be installed with this parser
    plain = TrainConfig(ud_dir=tmp_path, work_dir=tmp_path / "work", output_dir=tmp_path / "out")
    args = _depparse_args(plain, monkeypatch)
    assert "--no_pretrain" in args and _value(args, "--char_hidden_dim") == "100"
    assert _value(args, "--hidden_dim") == "200" and not installed.exists()


def test_parser_vectors_are_installed_and_given_to_the_pipeline(tmp_path):
    trained, output = tmp_path / "models", tmp_path / "out"
    trained.mkdir()
    for name in ("parser.pt", PARSER_PRETRAIN):
        (trained / name).write_bytes(b"x")
    assert sorted(path.name for path in install_models(trained, output, log=lambda line: None)) == [
        "parser.pt", PARSER_PRETRAIN]
    options = _pipeline_options(ModelSource(output, official=False), PARSE_PROCESSORS)
    assert options["depparse_pretrain_path"] == str(output / PARSER_PRETRAIN)
    assert options["pos_pretrain_path"] is None
    (output / PARSER_PRETRAIN).unlink()
    assert _pipeline_options(ModelSource(output, official=False), PARSE_PROCESSORS)["depparse_pretrain_path"] is None


def _spacy_folder(root, words: list[str]):
    """An unpacked spaCy model holding only what read_spacy_vectors reads: one 4-dimensional vector per word."""
    vocab = root / "model" / "vocab"
    vocab.mkdir(parents=True)
    with open(vocab / "vectors", "wb") as out:
        np.save(out, np.arange(len(words) * 4, dtype=np.float32).reshape(len(words), 4) ** 1.5)
    (vocab / "key2row").write_bytes(msgpack.packb({_murmurhash64a(w.encode()): row for row, w in enumerate(words)}))
    (vocab / "strings.json").write_text(json.dumps(words), encoding="utf-8")
    return root / "model"


def _wordfreq_wheel(path, bins: list[list[str]]):
    with zipfile.ZipFile(path, "w") as wheel:
        wheel.writestr("wordfreq/data/large_en.msgpack.gz",
                       gzip.compress(msgpack.packb([{"format": "cB", "version": 1}, *bins])))
    return path


def test_parser_vectors_take_treebank_words_first_then_frequent_english_as_float32(tmp_path):
    import torch

    from tests.ner.test_converter import SNIPPET

    ud = tmp_path / "ud" / "UD_English-EWT"
    ud.mkdir(parents=True)
    (ud / "en_ewt-ud-train.conllu").write_text(SNIPPET, encoding="utf-8")
    spacy = _spacy_folder(tmp_path, ["the", "of", "spoke", "said", "zebra", "Lagos", "quietly"])
    wheel = _wordfreq_wheel(tmp_path / "wordfreq.whl", [["the", "said"], ["unknown-to-spacy", "zebra", "quietly"]])
    assert wordfreq_words(wheel) == ["the", "said", "unknown-to-spacy", "zebra", "quietly"]
    output = tmp_path / "parser_pretrain.pt"
    assert build_parser_pretrain(spacy, tmp_path / "ud", output, frequency_list=wheel, max_words=6, dims=2) == (6, 2)
    saved = torch.load(output, weights_only=True)
    assert saved["emb"].dtype == torch.float32  # Stanza's parser embeds the stored tensor as it is
    words = saved["vocab"]["_id2unit"][len(saved["vocab"]["_id2unit"]) - 6:]
    # every treebank word with a vector (lowercased), then wordfreq's, until max_words
    assert words == ["the", "of", "spoke", "lagos", "said", "zebra"]
