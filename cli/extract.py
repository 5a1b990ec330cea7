"""`quotes extract FILE...`: print the statements found in articles, no database involved."""

from __future__ import annotations

import click

from quotes.ingest.batch import Extracted, Failure, extract_results, read_inputs
from .context import current_app
from .errors import errors_to_click, log_to_stderr
from .options import max_bytes_option, stanza_dir_option, workers_option
from .render import output_options, render
from quotes.records import CONTRACT_FIELDS
from quotes.terminal import printable

TABLE_COLUMNS = ("speaker", "kind", "cue", "start", "end", "text")


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
def extract(files, fmt, max_bytes, workers):
    """Print the statements in FILE... (.txt, .html, .jsonl, directories, globs, - for stdin).

    Machine formats carry every field of each record (text, character offsets, kind, cue, speaker,
    mention, role, confidence, rule); the table shows who said what and where (start and end are
    character offsets into the article as read; with several articles, source says which). Unreadable
    inputs are reported on stderr and the rest goes on; the exit code is then 1.
    """
    log_to_stderr()
    failures: list[Failure] = []
    results = extract_results(read_inputs(files, max_bytes=max_bytes),
                              extractor_factory=current_app().extractor_factory(), workers=workers)
    table_columns = ("source", *TABLE_COLUMNS) if several_articles(files) else TABLE_COLUMNS
    render(records_of(results, failures), fmt, columns=CONTRACT_FIELDS, table_columns=table_columns)
    for failure in failures:
        click.echo(f"failed: {printable(str(failure))}", err=True)
    if failures:
        raise SystemExit(1)


def several_articles(files) -> bool:
    """Whether the inputs may hold more than one article (several paths, a folder, a glob, JSONL), so the table
    needs a source column to say which article each statement is in."""
    from pathlib import Path

    if len(files) > 1:
        return True
    [given] = files
    return given != "-" and (not Path(given).is_file() or given.lower().endswith((".jsonl", ".ndjson")))


def records_of(results, failures: list[Failure]):
    """The records of every extracted article, collecting failures as they stream past."""
    for result in results:
        if isinstance(result, Extracted):
            yield from (record.to_dict() for record in result.records)
        elif isinstance(result, Failure):
            failures.append(result)
