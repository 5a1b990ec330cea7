"""`quotes ingest PATH...`: options, the progress line and the summary over quotes.ingest, which reads,
extracts and stores each article whole or not at all."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import Optional, TextIO

import click

from quotes.batch import Failure, expand_paths
from quotes.cli.context import current_app
from quotes.cli.errors import errors_to_click, log_to_stderr
from quotes.cli.options import db_option, max_bytes_option, stanza_dir_option, workers_option


@dataclass
class Summary:
    ingested: int = 0
    reprocessed: int = 0
    duplicates: int = 0
    statements: int = 0
    failures: list[Failure] = field(default_factory=list)

    def add(self, outcome) -> None:
        if isinstance(outcome, Failure):
            self.failures.append(outcome)
            return
        self.statements += outcome.statements
        if outcome.status == "duplicate":
            self.duplicates += 1
        elif outcome.status == "reprocessed":
            self.reprocessed += 1
        else:
            self.ingested += 1

    @property
    def articles(self) -> int:
        return self.ingested + self.reprocessed + self.duplicates + len(self.failures)

    def lines(self) -> list[str]:
        stored = f"ingested {plural(self.ingested, 'article')}"
        if self.reprocessed:
            stored += f", reprocessed {self.reprocessed}"
        parts = [f"{stored} ({plural(self.statements, 'statement')})",
                 f"skipped {plural(self.duplicates, 'duplicate')}"]
        parts.append(f"{len(self.failures)} failed" + (":" if self.failures else ""))
        head = ", ".join(parts)
        return [head[0].upper() + head[1:]] + [f"  {failure}" for failure in self.failures]


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


class Progress:
    """One self-rewriting line on a terminal: a bar when the article count is known, counts and rate always.

    Silent for runs shorter than `delay` seconds and when the stream is not a terminal.
    """

    def __init__(self, *, total: Optional[int], stream: TextIO, enabled: bool, delay: float = 2.0,
                 clock=time.monotonic):
        self.total, self.stream, self.enabled, self.delay, self.clock = total, stream, enabled, delay, clock
        self.started = clock()
        self.last_drawn = None

    def update(self, summary: Summary) -> None:
        now = self.clock()
        if not self.enabled or now - self.started < self.delay:
            return
        if self.last_drawn is not None and now - self.last_drawn < 0.2:
            return
        self.last_drawn = now
        self.stream.write("\r\x1b[K" + self.line(summary, now - self.started))
        self.stream.flush()

    def line(self, summary: Summary, elapsed: float) -> str:
        rate = summary.articles / elapsed if elapsed > 0 else 0.0
        counts = (f"{plural(summary.articles, 'article')}, {plural(summary.statements, 'statement')}, "
                  f"{len(summary.failures)} failed, {rate:.1f} articles/s")
        if not self.total:
            return counts
        done = min(summary.articles, self.total)
        filled = round(20 * done / self.total)
        return f"[{'#' * filled}{'-' * (20 - filled)}] {done}/{self.total}  {counts}"

    def close(self) -> None:
        if self.last_drawn is not None:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def known_total(paths: list) -> Optional[int]:
    """Articles to expect when every input is a one-article file; None when JSONL or stdin makes it unknown."""
    if any(isinstance(p, Failure) or p == "-" or str(p).lower().endswith((".jsonl", ".ndjson")) for p in paths):
        return None
    return len(paths)


@click.command(short_help="Extract statements from articles and store them.", epilog="""\b
Examples:
  quotes ingest quotes/samples/
  quotes ingest 'archive/**/*.html' --outlet "Eastern Ledger" --workers 2
  cat feed.jsonl | quotes ingest - --db postgresql://localhost/quotes""")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--outlet", help="Outlet name for every article (overrides what the files say).")
@click.option("--url", help="URL for every article (overrides what the files say).")
@workers_option
@click.option("--reprocess", is_flag=True,
              help="Re-extract articles stored by an older pipeline version instead of skipping them.")
@max_bytes_option
@stanza_dir_option
@click.option("--progress/--no-progress", default=None,
              help="Show the progress line (default: only when stderr is a terminal).")
@errors_to_click
def ingest(paths, outlet, url, workers, reprocess, max_bytes, progress):
    """Extract the statements of the articles in PATH... and store them.

    PATH is a .txt, .html or .jsonl file, a directory (searched recursively), a glob, or - for stdin.
    Articles already stored are skipped without running the NLP. Each article is stored whole or not at
    all; one that fails is reported and the rest goes on. Exit code 1 when any failed.
    """
    from quotes.ingest import ingest_expanded

    log_to_stderr()
    app = current_app()
    engine = app.engine()
    expanded = list(expand_paths(paths))  # once: the progress bar needs the count
    stderr = sys.stderr
    meter = Progress(total=known_total(expanded), stream=stderr,
                     enabled=stderr.isatty() if progress is None else progress)
    summary = Summary()
    for outcome in ingest_expanded(engine, expanded, extractor_factory=app.extractor_factory(),
                                   workers=workers, reprocess=reprocess, max_bytes=max_bytes, outlet=outlet,
                                   url=url):
        summary.add(outcome)
        meter.update(summary)
    meter.close()
    click.echo("\n".join(summary.lines()), err=True)
    if summary.failures:
        sys.exit(1)
