"""Train quote-tracker's own Stanza English models from Universal Dependencies treebanks, on the CPU.

Each stage runs one of Stanza's own preparation or training scripts in a subprocess, logs to WORK/logs, and
is skipped when its output exists, so an interrupted run continues where it stopped (the parser also resumes
from Stanza's checkpoint). Finished models are copied into the output folder under the names quotes.runtime.nlp loads.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from quotes.runtime.ner import NER_MODEL, NER_PRETRAIN
from quotes.errors import QuotesError
from quotes.runtime.nlp import MODEL_FILES, PARSER_PRETRAIN

TREEBANK = "UD_English-QTNews"  # our combined treebank, in UD's folder layout
SHORT = "en_qtnews"
STAGES = ("prepare", "tokenize", "mwt", "pos", "lemma", "retag", "depparse", "ner", "evaluate")
TEST_TREEBANKS = ("UD_English-EWT", "UD_English-GUM")
# the size of the NER model's bundled word vectors
NER_VECTOR_WORDS = 60000
NER_VECTOR_DIMS = 100
# the character model pads every word of a batch to the longest form in it; URLs make that very slow
MAX_FORM_CHARS = 20


class TrainingError(QuotesError):
    """A training stage failed; the message names its log file."""


@dataclass
class TrainConfig:
    ud_dir: Path
    work_dir: Path
    output_dir: Path
    train_treebanks: tuple[str, ...] = ("UD_English-EWT", "UD_English-GUM")
    dev_treebank: str = "UD_English-EWT"
    parser_warmstart: Optional[Path] = None
    parser_pretrain: Optional[Path] = None  # word vectors for the parser (quotes.training.parser.build_parser_pretrain)
    parser_hidden: int = 200  # LSTM hidden size
    parser_biaffine: int = 200  # deep biaffine hidden size
    parser_char_hidden: int = 100  # the parser's own character LSTM; 0 = none (the tagger already reads characters)
    tokenizer_steps: int = 8000
    tokenizer_hidden: int = 64  # the character BiLSTM's hidden size (Stanza's default)
    tokenizer_uk_copy: bool = False  # add a UK-style (single quotation marks) copy of quoting paragraphs
    tokenizer_hierarchical: bool = True  # Stanza's second BiLSTM over every character (its default): about a third
    # of the tokenizer's CPU at run time
    mwt_epochs: int = 10
    pos_steps: int = 6000
    lemma_epochs: int = 0  # 0 = dictionary lemmatizer only (seconds); >0 adds Stanza's seq2seq for unseen words
    parser_steps: int = 4000
    ner_steps: int = 8000
    ner_vectors: Optional[Path] = None  # spaCy en_core_web_md (wheel or folder); None trains NER without vectors
    ner_pretrain: Optional[Path] = None  # an existing Stanza pretrain file (the bundled one) instead of ner_vectors
    ner_news: Optional[Path] = None  # Babelscape/wikineural's data/ folder: CoNLL-2003 + WikiNEuRal (ner_news)
    ner_finetune: Optional[Path] = None  # start from this NER model (the bundled one) instead of from scratch
    ner_conll_copies: int = 1  # CoNLL-2003 train repeated this many times in the NER training data
    ner_lr: float = 0.002  # Adam's starting learning rate for NER (lower to go on from a trained model)
    ner_eval_interval: int = 300
    threads: int = 1
    force: tuple[str, ...] = field(default_factory=tuple)

    @property
    def data_dir(self) -> Path:
        return self.work_dir / "data"

    @property
    def model_dir(self) -> Path:
        return self.work_dir / "models"

    def log_file(self, stage: str) -> Path:
        return self.work_dir / "logs" / f"{stage}.log"


def _split_file(ud_dir: Path, treebank: str, split: str) -> Path:
    folder = ud_dir / treebank
    matches = sorted(folder.glob(f"*-ud-{split}.conllu"))
    if not matches:
        raise TrainingError(f"no {split} file in {folder}: pass --ud-dir pointing at the UD English treebanks")
    return matches[0]


def prepare_treebank(config: TrainConfig) -> Path:
    """Write the combined treebank (train = all train_treebanks, dev/test = dev_treebank) in UD's layout."""
    target = config.work_dir / "ud" / TREEBANK
    target.mkdir(parents=True, exist_ok=True)
    with open(target / f"{SHORT}-ud-train.conllu", "w", encoding="utf-8") as out:
        for treebank in config.train_treebanks:
            out.write(_split_file(config.ud_dir, treebank, "train").read_text(encoding="utf-8"))
    for split in ("dev", "test"):
        shutil.copyfile(_split_file(config.ud_dir, config.dev_treebank, split), target / f"{SHORT}-ud-{split}.conllu")
    return target


def shorten_forms(src: Path, dst: Path, limit: int = MAX_FORM_CHARS) -> int:
    """Copy a CoNLL-U file with word forms cut to `limit` characters; returns how many were cut."""
    cut = 0
    with open(src, encoding="utf-8") as lines, open(dst, "w", encoding="utf-8") as out:
        for line in lines:
            columns = line.rstrip("\n").split("\t")
            if len(columns) == 10 and len(columns[1]) > limit:
                columns[1] = columns[1][:limit]
                line = "\t".join(columns) + "\n"
                cut += 1
            out.write(line)
    return cut


class Runner:
    """Runs Stanza modules in subprocesses with the paths and thread limits of one training run."""

    def __init__(self, config: TrainConfig, log: Callable[[str], None]):
        self.config = config
        self.log = log

    def env(self) -> dict:
        threads = str(self.config.threads)
        return os.environ | {
            "UDBASE": str(self.config.work_dir / "ud"),
            "DATA_ROOT": str(self.config.data_dir),
            "OMP_NUM_THREADS": threads,
            "MKL_NUM_THREADS": threads,
        }

    def run(self, stage: str, module: str, args: list[str]) -> None:
        log_path = self.config.log_file(stage)
        log_path.parent.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-m", module, *args]
        self.log(f"[{stage}] {' '.join(command)}  (log: {log_path})")
        with open(log_path, "a", encoding="utf-8") as log_file:
            done = subprocess.run(command, env=self.env(), cwd=self.config.work_dir, stdout=log_file,
                                  stderr=subprocess.STDOUT)
        if done.returncode != 0:
            raise TrainingError(f"stage {stage} failed (exit {done.returncode}); see {log_path}")


def _data(config: TrainConfig, kind: str, split: str, suffix: str = "in") -> str:
    return str(config.data_dir / kind / f"{SHORT}.{split}.{suffix}.conllu")


def _stage_prepare(config: TrainConfig, runner: Runner) -> None:
    prepare_treebank(config)
    for kind in ("tokenizer", "mwt", "pos"):
        runner.run("prepare", f"stanza.utils.datasets.prepare_{kind}_treebank", [TREEBANK])
    # the lemmatizer and the parser learn from gold tags here; without --gold Stanza retags with a tagger it
    # downloads (the lemma script does so in the Stanza this project pins; offline that fails), and that tagger
    # needs word vectors
    runner.run("prepare", "stanza.utils.datasets.prepare_lemma_treebank", [TREEBANK, "--gold"])
    runner.run("prepare", "stanza.utils.datasets.prepare_depparse_treebank", [TREEBANK, "--gold"])
    pos = config.data_dir / "pos"
    shorten_forms(pos / f"{SHORT}.train.in.conllu", pos / f"{SHORT}.train.short.conllu")


def _stage_tokenize(config: TrainConfig, runner: Runner) -> None:
    tok = config.data_dir / "tokenize"
    text, labels = tok / f"{SHORT}.train.txt", tok / f"{SHORT}-ud-train.toklabels"
    if config.tokenizer_uk_copy:
        text, labels = add_uk_style_copy(text, labels, tok / f"{SHORT}.train.uk-copy.txt",
                                         tok / f"{SHORT}-ud-train.uk-copy.toklabels")
    runner.run("tokenize", "stanza.models.tokenizer", [
        "--mode", "train", "--lang", "en", "--shorthand", SHORT, "--cpu",
        "--txt_file", str(text),
        "--label_file", str(labels),
        "--mwt_json_file", str(tok / f"{SHORT}-ud-train-mwt.json"),
        "--dev_txt_file", str(tok / f"{SHORT}.dev.txt"),
        "--dev_label_file", str(tok / f"{SHORT}-ud-dev.toklabels"),
        "--dev_conll_gold", str(tok / f"{SHORT}.dev.gold.conllu"),
        "--conll_file", str(config.data_dir / "tokenize_dev_pred.conllu"),
        "--steps", str(config.tokenizer_steps), "--eval_steps", "500",
        "--hidden_dim", str(config.tokenizer_hidden), *([] if config.tokenizer_hierarchical else ["--no-hierarchical"]),
        "--save_dir", str(config.model_dir), "--save_name", "tokenizer.pt",
    ])


# double quotation marks and their UK-style single counterparts, one character for one
UK_STYLE = str.maketrans({"\u201c": "\u2018", "\u201d": "\u2019", '"': "'"})


def add_uk_style_copy(text: Path, labels: Path, text_out: Path, labels_out: Path) -> tuple[Path, Path]:
    """Write the tokenizer's training text and labels with, appended, a copy of every paragraph that holds a
    double quotation mark, those marks made single (UK house style: the treebanks have 32 opening single
    quotation marks in 1.9M characters, and a tokenizer trained on them left '‘every' one token). One character
    stands for one, so the copied paragraphs keep their labels; paragraphs are split as Stanza splits them."""
    from stanza.models.tokenization.data import NEWLINE_WHITESPACE_RE

    def paragraphs(written: str) -> list[str]:
        return [chunk.rstrip() for chunk in NEWLINE_WHITESPACE_RE.split(written) if chunk.strip()]

    written = text.read_text(encoding="utf-8").rstrip()
    marks = labels.read_text(encoding="utf-8").rstrip()
    pairs = list(zip(paragraphs(written), paragraphs(marks), strict=True))
    uk_style = [(para.translate(UK_STYLE), para, para_marks) for para, para_marks in pairs]
    copies = [(copy, para_marks) for copy, para, para_marks in uk_style if copy != para]
    text_out.write_text("\n\n".join([written, *(para for para, _ in copies)]) + "\n", encoding="utf-8")
    labels_out.write_text("\n\n".join([marks, *(para_marks for _, para_marks in copies)]) + "\n", encoding="utf-8")
    return text_out, labels_out


def _stage_mwt(config: TrainConfig, runner: Runner) -> None:
    runner.run("mwt", "stanza.models.mwt_expander", [
        "--mode", "train", "--lang", "en", "--shorthand", SHORT, "--cpu",
        "--train_file", _data(config, "mwt", "train"),
        "--eval_file", _data(config, "mwt", "dev"),
        "--gold_file", _data(config, "mwt", "dev", "gold"),
        "--output_file", str(config.data_dir / "mwt_dev_pred.conllu"),
        "--num_epoch", str(config.mwt_epochs),
        "--save_dir", str(config.model_dir), "--save_name", "mwt.pt",
    ])


def _stage_pos(config: TrainConfig, runner: Runner) -> None:
    runner.run("pos", "stanza.models.tagger", [
        "--mode", "train", "--lang", "en", "--shorthand", SHORT, "--cpu", "--no_pretrain",
        "--train_file", str(config.data_dir / "pos" / f"{SHORT}.train.short.conllu"),
        "--eval_file", _data(config, "pos", "dev"),
        "--output_file", str(config.data_dir / "pos_dev_pred.conllu"),
        # shared hidden layer: the biaffine xpos/feats heads cost 10x more time on CPU for a fraction of a point
        "--share_hid", "--hidden_dim", "200", "--char_hidden_dim", "100", "--deep_biaff_hidden_dim", "200",
        "--batch_size", "100", "--max_steps", str(config.pos_steps),
        "--eval_interval", "400", "--fix_eval_interval",
        "--save_dir", str(config.model_dir), "--save_name", "tagger.pt",
    ])


def _stage_lemma(config: TrainConfig, runner: Runner) -> None:
    mode = ["--dict_only"] if config.lemma_epochs <= 0 else ["--num_epoch", str(config.lemma_epochs)]
    runner.run("lemma", "stanza.models.lemmatizer", [
        "--mode", "train", "--shorthand", SHORT, "--cpu", *mode,
        "--train_file", _data(config, "lemma", "train"),
        "--eval_file", _data(config, "lemma", "dev"),
        "--output_file", str(config.data_dir / "lemma_dev_pred.conllu"),
        "--save_dir", str(config.model_dir), "--save_name", "lemmatizer.pt",
    ])


def _retagged(config: TrainConfig, split: str) -> Path:
    return config.data_dir / "retag" / f"{SHORT}.{split}.retag.conllu"


def _stage_retag(config: TrainConfig, runner: Runner) -> None:
    """Replace the gold tags of the parser's train and dev files with our tagger's, as the pipeline will see them.

    A parser trained on gold tags leans on them and loses more accuracy on predicted tags than one trained on
    predicted tags (heads and relations stay gold).
    """
    tagger = config.model_dir / MODEL_FILES["pos"]
    if not tagger.is_file():
        raise TrainingError(f"stage retag needs a trained tagger at {tagger}; run --stage pos first")
    (config.data_dir / "retag").mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev"):
        runner.run("retag", "stanza.models.tagger", [
            "--mode", "predict", "--lang", "en", "--shorthand", SHORT, "--cpu", "--no_pretrain",
            "--eval_file", str(config.work_dir / "ud" / TREEBANK / f"{SHORT}-ud-{split}.conllu"),
            "--output_file", str(_retagged(config, split)),
            "--save_dir", str(tagger.parent), "--save_name", tagger.name,
        ])


def _stage_depparse(config: TrainConfig, runner: Runner) -> None:
    warmstart = ["--continue_from", str(config.parser_warmstart)] if config.parser_warmstart else []
    # predicted tags when the retag stage ran, else gold; the plain files, not Stanza's augmented copy
    train, dev = (_retagged(config, split) for split in ("train", "dev"))
    if not (train.is_file() and dev.is_file()):
        train = config.work_dir / "ud" / TREEBANK / f"{SHORT}-ud-train.conllu"
        dev = Path(_data(config, "depparse", "dev"))
    # quotes.training.parser keeps a warm start's vocabulary, so its embeddings stay aligned with the data
    runner.run("depparse", "quotes.training.parser", [
        "--mode", "train", "--lang", "en", "--shorthand", SHORT, "--cpu", *_parser_vectors(config),
        "--train_file", str(train),
        "--eval_file", str(dev),
        "--output_file", str(config.data_dir / "depparse_dev_pred.conllu"),
        *parser_size_args(config),
        "--num_layers", "2", "--batch_size", "3000", "--eval_interval", "250",
        "--max_steps", str(config.parser_steps), *warmstart,
        "--save_dir", str(config.model_dir), "--save_name", "parser.pt",
    ])


def parser_size_args(config: TrainConfig) -> list[str]:
    """Stanza's size options for the parser; a character-LSTM size of 0 turns the parser's own one off."""
    chars = ["--char_hidden_dim", str(config.parser_char_hidden)] if config.parser_char_hidden > 0 else ["--no_char"]
    return ["--hidden_dim", str(config.parser_hidden), *chars,
            "--deep_biaff_hidden_dim", str(config.parser_biaffine)]


def _parser_vectors(config: TrainConfig) -> list[str]:
    """The parser's word vectors, copied next to the models so that they are installed with parser.pt (an
    earlier run's vectors are removed when there are none: a parser trained without them must not get them)."""
    installed = config.model_dir / PARSER_PRETRAIN
    if config.parser_pretrain is None:
        installed.unlink(missing_ok=True)
        return ["--no_pretrain"]
    installed.parent.mkdir(parents=True, exist_ok=True)
    if not installed.is_file() or installed.read_bytes() != config.parser_pretrain.read_bytes():
        shutil.copyfile(config.parser_pretrain, installed)
    return ["--wordvec_pretrain_file", str(installed)]


def _ner_vectors(config: TrainConfig, files, runner: Runner) -> list[str]:
    """Stanza's word-vector arguments: a given pretrain file, one built from spaCy's table, or none."""
    from quotes.training.ner import build_pretrain, word_frequencies

    if config.ner_pretrain:
        if not files.pretrain.is_file():
            files.pretrain.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(config.ner_pretrain, files.pretrain)
    elif config.ner_vectors:
        if not files.pretrain.is_file():
            words, dims = build_pretrain(config.ner_vectors, files.pretrain, max_words=NER_VECTOR_WORDS,
                                         dims=NER_VECTOR_DIMS, words_by_frequency=word_frequencies(config.ud_dir))
            runner.log(f"[ner] word vectors: {words} words x {dims} dimensions from {config.ner_vectors}")
    else:
        (config.model_dir / NER_PRETRAIN).unlink(missing_ok=True)  # an earlier run's vectors would not fit
        return ["--no_pretrain"]
    return ["--wordvec_pretrain_file", str(files.pretrain)]


def ner_checkpoint(config: TrainConfig) -> Path:
    """Stanza's best-on-dev NER model of a run (float32, before compact_ner_model): what a rerun resumes from."""
    return config.model_dir / "ner_checkpoint.pt"


def _with_learning_rate(model: Path, config: TrainConfig) -> Path:
    """A copy of `model` (in the work dir) whose saved config holds config.ner_lr: Stanza's fine-tuning takes the
    optimizer's learning rate from the loaded model's config, not from --lr."""
    import torch

    checkpoint = torch.load(model, map_location="cpu", weights_only=True)
    checkpoint["config"]["lr"] = config.ner_lr
    start = config.work_dir / "ner-finetune-start.pt"
    start.parent.mkdir(parents=True, exist_ok=True)
    torch.save(checkpoint, start)
    return start


def _stage_ner(config: TrainConfig, runner: Runner) -> None:
    """NER from GUM and GENTLE's entity annotations (quotes.training.ner), with CoNLL-2003 and WikiNEuRal when
    config.ner_news is set (quotes.training.ner_news), scored by type on the test sets."""
    from quotes.training.ner import NerFiles, compact_ner_model, prepare_ner_data

    files = NerFiles(config.data_dir / "ner")
    counts = prepare_ner_data(config.ud_dir, files, config.ner_news, conll_copies=config.ner_conll_copies)
    runner.log(f"[ner] sentences: {counts}")
    vectors = _ner_vectors(config, files, runner)
    trained = ner_checkpoint(config)
    # after an interruption, continue from the best model so far (with a fresh optimizer)
    if trained.is_file():
        start = ["--finetune"]
    elif config.ner_finetune:
        start = ["--finetune", "--finetune_load_name", str(_with_learning_rate(config.ner_finetune, config))]
    else:
        start = []
    runner.run("ner", "stanza.models.ner_tagger", [
        "--mode", "train", "--shorthand", SHORT, "--cpu", *vectors, *start,
        "--train_file", str(files.train), "--eval_file", str(files.dev),
        "--hidden_dim", "192", "--char_hidden_dim", "100", "--char_emb_dim", "50",
        "--dropout", "0.5", "--word_dropout", "0.05",
        "--optim", "adam", "--lr", repr(config.ner_lr), "--min_lr", "5e-5", "--patience", "3", "--lr_decay", "0.5",
        "--batch_size", "32", "--max_steps", str(config.ner_steps), "--eval_interval", str(config.ner_eval_interval),
        "--save_dir", str(trained.parent), "--save_name", trained.name,
    ])
    model = config.model_dir / NER_MODEL
    compact_ner_model(trained, model)
    if len(vectors) == 2:
        shutil.copyfile(files.pretrain, config.model_dir / NER_PRETRAIN)
    table = score_ner_model(model, files, runner, vectors=vectors, out_dir=config.data_dir)
    (config.work_dir / "logs" / "ner-eval.md").write_text(table + "\n", encoding="utf-8")
    runner.log(table)


NER_TEST_NAMES = {"conll": "CoNLL-2003 test", "gum": "GUM test", "gentle": "GENTLE (held-out docs) test"}


def score_ner_model(model: Path, files, runner: Runner, *, vectors: list[str], out_dir: Path) -> str:
    """Tag each prepared test set with `model` (Stanza's predict mode) and return the Markdown score table."""
    from quotes.training.ner import markdown_scores, score_predictions

    results = {}
    for name, title in NER_TEST_NAMES.items():
        if not files.test(name).is_file():
            continue
        predictions = out_dir / f"ner_test_{name}_pred.tsv"
        runner.run("ner", "stanza.models.ner_tagger", [
            "--mode", "predict", "--shorthand", SHORT, "--cpu", *vectors,
            "--eval_file", str(files.test(name)), "--eval_output_file", str(predictions),
            "--save_dir", str(model.parent), "--save_name", model.name,
        ])
        results[title] = score_predictions(predictions)
    return markdown_scores(results)


def _stage_evaluate(config: TrainConfig, runner: Runner) -> None:
    install_models(config.model_dir, config.output_dir, log=runner.log)
    evaluate_models(config, runner.log)


STAGE_FUNCTIONS = {
    "prepare": _stage_prepare, "tokenize": _stage_tokenize, "mwt": _stage_mwt, "pos": _stage_pos,
    "lemma": _stage_lemma, "retag": _stage_retag, "depparse": _stage_depparse, "ner": _stage_ner,
    "evaluate": _stage_evaluate,
}
ALWAYS_RUN = frozenset({"evaluate"})  # a score is cheap to redo and must describe the models as they are now


def evaluate_models(config: TrainConfig, log: Callable[[str], None] = print) -> str:
    """Score the installed models end to end on each test treebank; returns (and saves) a Markdown table."""
    from quotes.training.model_eval import markdown_table, score_treebank
    from quotes.runtime.nlp import QuotesNLP, resolve_models

    nlp = QuotesNLP(resolve_models(str(config.output_dir)))
    scores = []
    for treebank in TEST_TREEBANKS:
        gold = _split_file(config.ud_dir, treebank, "test")
        log(f"[evaluate] {gold.name} end to end from raw text")
        scores.append(score_treebank(nlp, gold, gold.name.replace("-ud-test.conllu", " test")))
    table = markdown_table(scores)
    report = config.work_dir / "logs" / "evaluate.md"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(table + "\n", encoding="utf-8")
    log(table)
    return table


def train_models(config: TrainConfig, *, stages: tuple[str, ...] = STAGES,
                 log: Callable[[str], None] = print) -> list[Path]:
    """Run the requested stages (skipping finished ones unless forced) and install the models produced."""
    runner = Runner(config, log)
    config.work_dir.mkdir(parents=True, exist_ok=True)
    for stage in stages:
        # a stage is done once it exited cleanly; an interrupted one runs again (the parser from its checkpoint)
        marker = config.log_file(stage).with_suffix(".done")
        if marker.exists() and stage not in config.force and stage not in ALWAYS_RUN:
            log(f"[{stage}] already done ({marker}); use --force {stage} to redo it")
            continue
        STAGE_FUNCTIONS[stage](config, runner)
        if stage not in ALWAYS_RUN:
            marker.write_text("ok\n", encoding="utf-8")
    return install_models(config.model_dir, config.output_dir, log=log)


def install_models(model_dir: Path, output_dir: Path, *, log: Callable[[str], None] = print) -> list[Path]:
    """Copy the trained models that exist into the folder quotes.runtime.nlp loads from."""
    output_dir.mkdir(parents=True, exist_ok=True)
    installed = []
    for name in [*MODEL_FILES.values(), PARSER_PRETRAIN, NER_MODEL, NER_PRETRAIN]:
        if (model_dir / name).exists():
            shutil.copyfile(model_dir / name, output_dir / name)
            installed.append(output_dir / name)
            log(f"installed {output_dir / name}")
    return installed
