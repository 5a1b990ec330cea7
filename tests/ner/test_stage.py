"""The NER stage's place in `quotes train-models` and how its files are installed."""

from click.testing import CliRunner

from quotes.training.train import STAGES, install_models


def test_ner_stage_runs_after_the_parser_and_before_evaluation():
    assert STAGES.index("depparse") < STAGES.index("ner") < STAGES.index("evaluate")


def test_ner_files_are_installed_with_the_others(tmp_path):
    trained, output = tmp_path / "models", tmp_path / "out"
    trained.mkdir()
    for name in ("tagger.pt", "ner.pt", "ner_pretrain.pt"):
        (trained / name).write_bytes(b"x")
    installed = install_models(trained, output, log=lambda line: None)
    assert sorted(path.name for path in installed) == ["ner.pt", "ner_pretrain.pt", "tagger.pt"]


def test_train_models_offers_ner_options():
    from quotes.cli.main import main

    result = CliRunner().invoke(main, ["train-models", "--help"])
    assert "--ner-vectors" in result.output and "--ner-steps" in result.output and "ner" in result.output
    assert "--ner-conll-copies" in result.output and "--ner-lr" in result.output


def _fake_ud(tmp_path):
    from tests.ner.test_converter import SNIPPET

    ud = tmp_path / "ud"
    for treebank, short, splits in (("UD_English-GUM", "en_gum", ("train", "dev", "test")),
                                    ("UD_English-GENTLE", "en_gentle", ("test",))):
        (ud / treebank).mkdir(parents=True)
        for split in splits:
            (ud / treebank / f"{short}-ud-{split}.conllu").write_text(SNIPPET, encoding="utf-8")
    return ud


def test_ner_stage_fine_tunes_a_given_model_then_resumes_from_its_own_checkpoint(tmp_path, monkeypatch):
    import torch

    import quotes.training.ner
    from quotes.training.train import Runner, TrainConfig, _stage_ner, ner_checkpoint

    calls = []
    monkeypatch.setattr(Runner, "run", lambda self, stage, module, args: calls.append(args))
    monkeypatch.setattr(quotes.training.ner, "compact_ner_model",
                        lambda model_in, model_out: model_out.parent.mkdir(parents=True, exist_ok=True))
    monkeypatch.setattr("quotes.training.train.score_ner_model", lambda *args, **kwargs: "table")
    pretrain, start = tmp_path / "vectors.pt", tmp_path / "bundled-ner.pt"
    pretrain.write_bytes(b"vectors")
    torch.save({"config": {"lr": 0.002, "hidden_dim": 192}, "model": {}}, start)
    config = TrainConfig(ud_dir=_fake_ud(tmp_path), work_dir=tmp_path / "work", output_dir=tmp_path / "out",
                         ner_pretrain=pretrain, ner_finetune=start, ner_eval_interval=400, ner_lr=0.0005)
    (tmp_path / "work" / "logs").mkdir(parents=True)
    runner = Runner(config, log=lambda line: None)
    _stage_ner(config, runner)
    first = calls[-1]
    # Stanza takes the fine-tuning learning rate from the loaded model's config: a copy carries ours
    loaded = torch.load(first[first.index("--finetune_load_name") + 1], weights_only=True)
    assert loaded["config"] == {"lr": 0.0005, "hidden_dim": 192}
    assert torch.load(start, weights_only=True)["config"]["lr"] == 0.002  # the given model is left as it was
    assert first[first.index("--wordvec_pretrain_file") + 1].endswith("pretrain.pt")
    assert first[first.index("--eval_interval") + 1] == "400"
    assert first[first.index("--lr") + 1] == "0.0005"
    ner_checkpoint(config).parent.mkdir(parents=True, exist_ok=True)
    ner_checkpoint(config).write_bytes(b"best so far")
    _stage_ner(config, runner)
    assert "--finetune" in calls[-1] and "--finetune_load_name" not in calls[-1]

