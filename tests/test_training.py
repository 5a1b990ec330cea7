"""Training helpers that need no training: treebank preparation, form shortening, raw text for scoring."""

from pathlib import Path

import pytest

from quotes.training.model_eval import raw_text
from quotes.training.train import TrainConfig, TrainingError, prepare_treebank, shorten_forms

SENTENCE = """# newdoc id = d1
# text = See http://example.com/a/very/long/path now.
1\tSee\tsee\tVERB\tVB\t_\t0\troot\t_\t_
2\thttp://example.com/a/very/long/path\thttp://example.com/a/very/long/path\tX\tADD\t_\t1\tobj\t_\t_
3\tnow\tnow\tADV\tRB\t_\t1\tadvmod\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_

"""


def _treebank(root: Path, name: str, short: str) -> None:
    folder = root / name
    folder.mkdir(parents=True)
    for split in ("train", "dev", "test"):
        (folder / f"{short}-ud-{split}.conllu").write_text(SENTENCE.replace("d1", f"{short}-{split}"))


def test_prepare_treebank_concatenates_train_and_copies_dev_test(tmp_path):
    _treebank(tmp_path / "ud", "UD_English-EWT", "en_ewt")
    _treebank(tmp_path / "ud", "UD_English-GUM", "en_gum")
    config = TrainConfig(ud_dir=tmp_path / "ud", work_dir=tmp_path / "work", output_dir=tmp_path / "out")
    target = prepare_treebank(config)
    train = (target / "en_qtnews-ud-train.conllu").read_text()
    assert "en_ewt-train" in train and "en_gum-train" in train
    assert "en_ewt-dev" in (target / "en_qtnews-ud-dev.conllu").read_text()


def test_prepare_treebank_missing_split_says_how_to_fix(tmp_path):
    config = TrainConfig(ud_dir=tmp_path, work_dir=tmp_path / "work", output_dir=tmp_path / "out")
    with pytest.raises(TrainingError, match="--ud-dir"):
        prepare_treebank(config)


def test_shorten_forms_cuts_only_long_forms(tmp_path):
    src, dst = tmp_path / "in.conllu", tmp_path / "out.conllu"
    src.write_text(SENTENCE)
    assert shorten_forms(src, dst, limit=20) == 1
    forms = [line.split("\t")[1] for line in dst.read_text().splitlines() if line and not line.startswith("#")]
    assert forms == ["See", "http://example.com/a", "now", "."]


def test_raw_text_separates_documents_as_paragraphs(tmp_path):
    gold = tmp_path / "gold.conllu"
    gold.write_text(SENTENCE + SENTENCE.replace("d1", "d2").replace("See ", "Read "))
    assert raw_text(gold) == (
        "See http://example.com/a/very/long/path now.\n\nRead http://example.com/a/very/long/path now.\n"
    )


def test_restore_surface_text_puts_back_long_tokens():
    from stanza.models.common.doc import Document

    from quotes.training.model_eval import restore_surface_text

    text = "See http://example.com/x now"
    doc = Document([[
        {"id": 1, "text": "See", "misc": "start_char=0|end_char=3"},
        {"id": 2, "text": "<UNK>", "misc": "start_char=4|end_char=24"},
        {"id": 3, "text": "now", "misc": "start_char=25|end_char=28"},
    ]], text=text)
    restore_surface_text(doc, text)
    assert [word.text for word in doc.sentences[0].words] == ["See", "http://example.com/x", "now"]


def test_evaluate_stage_runs_every_time_and_installs_models(tmp_path, monkeypatch):
    import quotes.training.train as training

    calls = []
    monkeypatch.setattr(training, "evaluate_models", lambda config, log: calls.append(config.output_dir))
    config = TrainConfig(ud_dir=tmp_path, work_dir=tmp_path / "work", output_dir=tmp_path / "out")
    (config.model_dir).mkdir(parents=True)
    (config.model_dir / "tagger.pt").write_bytes(b"weights")
    for _ in range(2):
        training.train_models(config, stages=("evaluate",), log=lambda line: None)
    assert calls == [tmp_path / "out", tmp_path / "out"]
    assert (tmp_path / "out" / "tagger.pt").read_bytes() == b"weights"


TAGGED = """# sent_id = s{n}
# text = Officials said it .
1\tOfficials\tofficial\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_
2\tsaid\tsay\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_\t_
3\tit\tit\tPRON\tPRP\tCase=Acc\t2\tobj\t_\t_
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

"""


def test_parser_training_keeps_the_warm_start_vocabulary():
    from stanza.models import parser
    from stanza.models.common.doc import Document
    from stanza.utils.conll import CoNLL

    from quotes.training.parser import _continue_from, pin_vocab

    args = {"shorthand": "en_qtnews", "pretrain": False, "charlm": False, "bert_model": None,
            "augment_nopunct": 0.0, "sample_train": 1.0, "word_dropout": 0.0, "pos_dropout": 0.0}
    gold = Document(CoNLL.conll2dict(input_str=TAGGED.format(n=1))[0])
    # the same sentence with other (predicted) tags: a vocabulary rebuilt from it would number tags differently
    retagged_text = TAGGED.format(n=2).replace("NOUN\tNNS", "PROPN\tNNPS").replace("PRON\tPRP", "DET\tDT")
    retagged = Document(CoNLL.conll2dict(input_str=retagged_text)[0])
    original = parser.DataLoader
    try:
        warm = original(gold, 10, args, None, evaluation=False).vocab
        pin_vocab(warm)
        loader = parser.DataLoader(retagged, 10, args, None, evaluation=False)
        assert loader.vocab is warm
        assert "PROPN" not in warm["upos"]
    finally:
        parser.DataLoader = original
    assert _continue_from(["--mode", "train", "--continue_from", "m.pt"]) == "m.pt"
    assert _continue_from(["--continue_from=m.pt"]) == "m.pt"
    assert _continue_from(["--mode", "train"]) is None


def test_retag_stage_needs_a_tagger(tmp_path):
    import quotes.training.train as training

    config = TrainConfig(ud_dir=tmp_path, work_dir=tmp_path / "work", output_dir=tmp_path / "out")
    with pytest.raises(TrainingError, match="--stage pos"):
        training.train_models(config, stages=("retag",), log=lambda line: None)


def test_prepare_stage_runs_offline(tmp_path, monkeypatch):
    """Every data preparation script runs without the network: Stanza's lemma preparation retags with a
    tagger it downloads unless told to keep the gold tags (it failed offline: no stanza-resources JSON)."""
    from quotes.training.train import Runner, _stage_prepare

    for variable in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):
        monkeypatch.setenv(variable, "http://127.0.0.1:9")  # nothing listens: any download fails at once
    monkeypatch.setenv("NO_PROXY", "")
    monkeypatch.setenv("no_proxy", "")
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "no-resources"))
    _treebank(tmp_path / "ud", "UD_English-EWT", "en_ewt")
    _treebank(tmp_path / "ud", "UD_English-GUM", "en_gum")
    config = TrainConfig(ud_dir=tmp_path / "ud", work_dir=tmp_path / "work", output_dir=tmp_path / "out")
    _stage_prepare(config, Runner(config, log=lambda line: None))
    data = config.data_dir
    assert (data / "tokenize" / "en_qtnews.dev.txt").is_file()
    for kind in ("pos", "lemma", "depparse"):
        assert (data / kind / "en_qtnews.dev.in.conllu").is_file(), kind


@pytest.mark.parametrize("options, hidden, hierarchical, uk_copy", [
    ([], "64", True, False),
    (["--tokenizer-flat", "--tokenizer-hidden", "48", "--tokenizer-uk-copy"], "48", False, True),
])
def test_tokenizer_options_reach_stanza(tmp_path, monkeypatch, options, hidden, hierarchical, uk_copy):
    from click.testing import CliRunner

    from quotes.cli.main import main as cli
    from quotes.training.train import Runner

    calls = []

    def run(self, stage, module, args):  # what Stanza would leave: the model file
        calls.append((module, args))
        folder = Path(args[args.index("--save_dir") + 1])
        folder.mkdir(parents=True, exist_ok=True)
        (folder / args[args.index("--save_name") + 1]).write_bytes(b"model")

    monkeypatch.setattr(Runner, "run", run)
    (tmp_path / "ud").mkdir()
    (tmp_path / "work" / "logs").mkdir(parents=True)  # the real runner's log folder
    prepared = tmp_path / "work" / "data" / "tokenize"
    prepared.mkdir(parents=True)
    (prepared / "en_qtnews.train.txt").write_text('She said "yes."\n', encoding="utf-8")
    (prepared / "en_qtnews-ud-train.toklabels").write_text("001000001000122\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["train-models", "--stage", "tokenize", "--ud-dir", str(tmp_path / "ud"),
                                      "--work-dir", str(tmp_path / "work"), "--output-dir", str(tmp_path / "out"),
                                      *options])
    assert result.exit_code == 0, result.output
    [(module, args)] = [call for call in calls if call[0] == "stanza.models.tokenizer"]
    assert args[args.index("--hidden_dim") + 1] == hidden
    assert ("--no-hierarchical" not in args) == hierarchical
    trained_on = Path(args[args.index("--txt_file") + 1]).read_text(encoding="utf-8")
    assert trained_on == ('She said "yes."\n\nShe said \'yes.\'\n' if uk_copy else 'She said "yes."\n')


def test_uk_style_copy_keeps_every_label_on_its_character(tmp_path):
    from stanza.models.tokenization.data import TokenizationDataset

    from quotes.training.train import add_uk_style_copy

    paragraphs = ['He said "no." Then left.', "No quotes here.", "“Fine,” she said."]
    marks = ["".join(str(i % 3) for i in range(len(para))) for para in paragraphs]  # a label per character
    (tmp_path / "t.txt").write_text("\n\n".join(paragraphs[:2]) + "\n\n\n" + paragraphs[2] + "\n", encoding="utf-8")
    (tmp_path / "t.lab").write_text("\n\n".join(marks) + "\n", encoding="utf-8")
    out_text, out_labels = add_uk_style_copy(tmp_path / "t.txt", tmp_path / "t.lab", tmp_path / "u.txt",
                                             tmp_path / "u.lab")
    data = TokenizationDataset({}, input_files={"txt": str(out_text), "label": str(out_labels)}).data
    read = [("".join(char for char, _ in para), "".join(str(label) for _, label in para)) for para in data]
    assert read == [*zip(paragraphs, marks), ("He said 'no.' Then left.", marks[0]), ("‘Fine,’ she said.", marks[2])]
