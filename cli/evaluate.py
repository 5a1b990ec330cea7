"""`quotes eval --gold DIR`: score extraction against BRAT standoff annotations in PolNeAR's layout."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .context import current_app
from .errors import errors_to_click, log_to_stderr
from .options import stanza_dir_option
from quotes.errors import InputError


@click.command("eval", short_help="Precision, recall, F1 and speaker accuracy against gold data.", epilog="""\b
Examples:
  quotes eval --gold data/polnear --cache .cache/parses
  quotes eval --gold data/polnear --limit 20 --errors errors.jsonl --json
  quotes eval --gold data/polnear --uk-style --cache .cache/parses-uk
  quotes eval --gold data/polnear --cache .cache/parses --without name-after
  quotes eval --speakers benchmarks/speaker-gold --errors speaker-errors.jsonl""")
@click.option("--gold", "gold", type=click.Path(exists=True, file_okay=False),
              help="Folder with text/*.txt and attributions/*.ann (PolNeAR layout).")
@click.option("--speakers", "speakers_gold", type=click.Path(exists=True, file_okay=False),
              help="Instead of --gold: score speaker names against a speaker-gold folder "
                   "(benchmarks/speaker-gold: labels/*.jsonl, texts/*.txt).")
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False),
              help="Write misses, false positives and wrong speakers here (JSON lines).")
@click.option("--limit", type=click.IntRange(min=1), help="Only N documents, spread evenly over the sorted names.")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False),
              help="Keep parses here, keyed by text hash and model files, so reruns skip parsing.")
@click.option("--beliefs/--no-beliefs", default=True, show_default=True,
              help="Count belief verbs (think, believe) as statement cues, as `quotes extract` does.")
@click.option("--uk-style", "uk", is_flag=True,
              help="Extract from a UK house-style copy of each text (every double quotation mark made single, "
                   "same offsets), scored against the original annotations.")
@click.option("--without", "without", multiple=True, metavar="RULE",
              help="Switch a rule off by name (a row of a rule table, or a reported-speech finder such as "
                   "ccomp), to measure what it is worth; repeatable. An unknown name lists the known ones.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@stanza_dir_option
@errors_to_click
def eval_command(gold, speakers_gold, errors_path, limit, cache_dir, beliefs, uk, without, as_json):
    """Precision, recall and F1 at overlap 0.3/0.5/0.8, the direct-quote subset, speaker accuracy, and for
    every rule that made a record how many it made, matched and gave the right speaker; with --speakers,
    right-speaker recall by name."""
    if speakers_gold:
        return _speaker_eval(Path(speakers_gold), errors_path, cache_dir, beliefs, as_json)
    if not gold:
        raise click.UsageError("give --gold DIR (PolNeAR layout) or --speakers DIR (speaker-gold layout)")
    from quotes.evaluation.polnear import evaluate_directory, format_report, write_errors
    from quotes.runtime.nlp import load_pipeline

    log_to_stderr()
    if not (Path(gold) / "text").is_dir():
        raise InputError(f"{gold} has no text/ folder: point --gold at a PolNeAR-layout folder "
                         "(text/*.txt and attributions/*.ann)")
    nlp = load_pipeline(current_app().stanza_dir)

    def progress(done, total):
        click.echo(f"\r{done}/{total} documents", err=True, nl=done == total)

    docs, predictions, report = evaluate_directory(
        Path(gold), nlp, cache_dir=Path(cache_dir) if cache_dir else None, limit=limit,
        include_beliefs=beliefs, progress=progress, uk=uk, without=without,
    )
    if errors_path:
        write_errors(Path(errors_path), docs, predictions)
    click.echo(json.dumps(report, indent=2) if as_json else format_report(report))


def _speaker_eval(gold: Path, errors_path, cache_dir, beliefs, as_json) -> None:
    from quotes.runtime.nlp import load_pipeline
    from quotes.evaluation.speakers import evaluate_speakers, format_speaker_report, read_speaker_gold, speaker_errors

    log_to_stderr()
    read_speaker_gold(gold)  # a malformed label fails before the models load
    nlp = load_pipeline(current_app().stanza_dir)
    articles, predictions, report = evaluate_speakers(gold, nlp, include_beliefs=beliefs,
                                                      cache_dir=Path(cache_dir) if cache_dir else None)
    if errors_path:
        with open(errors_path, "w", encoding="utf-8") as out:
            for error in speaker_errors(articles, predictions):
                out.write(json.dumps(error, ensure_ascii=False) + "\n")
    click.echo(json.dumps(report, indent=2) if as_json else format_speaker_report(report))
