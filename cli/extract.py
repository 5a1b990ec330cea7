"""`quotes extract FILE...`: print the statements found in articles, no database involved."""

from __future__ import annotations

from functools import partial

import click

from quotes.article import DEFAULT_MAX_BYTES
from quotes.batch import Extracted, Failure, extract_results, read_inputs, stanza_extractor
from quotes.cli.errors import errors_to_click, log_to_stderr
from quotes.cli.render import output_options, render
from quotes.records import CONTRACT_FIELDS

TABLE_COLUMNS = ("speaker", "kind", "cue", "text")


def stanza_dir_option(command):
    return click.option("--stanza-dir", envvar="QUOTES_STANZA_DIR", type=click.Path(file_okay=False),
                        help="Official Stanza English models to use instead of the bundled ones "
                             "(env QUOTES_STANZA_DIR).")(command)


def max_bytes_option(command):
    return click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
                        help="Refuse articles larger than this many bytes.")(command)


def workers_option(command):
    return click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
                        help="Processes running the NLP; each loads the models once.")(command)


def extractor_factory(stanza_dir):
    """What builds the extractor in each process. `ctx.obj["extractor_factory"]` replaces it (tests)."""
    override = (click.get_current_context().obj or {}).get("extractor_factory")
    return override or partial(stanza_extractor, stanza_dir)


@click.command(short_help="Print the statements found in articles.", epilog="""\b
Examples:
  quotes extract article.txt
  quotes extract --nl folder/ > statements.jsonl
  curl -s https://example.com/story | quotes extract - --csv""")
@click.argument("files", nargs=-1, required=True)
@output_options
@stanza_dir_option
@max_bytes_option
@workers_option
@errors_to_click
def extract(files, fmt, stanza_dir, max_bytes, workers):
    """Print the statements in FILE... (.txt, .html, .jsonl, directories, globs, - for stdin).

    Machine formats carry every field of each record (text, character offsets, kind, cue, speaker,
    mention, role, confidence, rule); the table shows who said what. Unreadable inputs are reported
    on stderr and the rest goes on; the exit code is then 1.
    """
    log_to_stderr()
    failures: list[Failure] = []
    results = extract_results(read_inputs(files, max_bytes=max_bytes),
                              extractor_factory=extractor_factory(stanza_dir), workers=workers)
    render(records_of(results, failures), fmt, columns=CONTRACT_FIELDS, table_columns=TABLE_COLUMNS)
    for failure in failures:
        click.echo(f"failed: {failure}", err=True)
    if failures:
        raise SystemExit(1)


def records_of(results, failures: list[Failure]):
    """The records of every extracted article, collecting failures as they stream past."""
    for result in results:
        if isinstance(result, Extracted):
            yield from (record.to_dict() for record in result.records)
        elif isinstance(result, Failure):
            failures.append(result)
