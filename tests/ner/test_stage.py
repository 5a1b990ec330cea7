"""The NER stage's place in `quotes train-models` and how its files are installed."""

from click.testing import CliRunner

from quotes.training import STAGES, install_models


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
