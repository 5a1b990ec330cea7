"""`quotes ingest PATH...`: options, the progress line and the summary over quotes.ingest.store, which reads,
extracts and stores each article whole or not at all."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Optional

import click

from quotes.ingest.batch import Failure, expand_paths
from .context import current_app
from .errors import errors_to_click, log_to_stderr
from .options import article_lock_timeout_option, db_option, max_bytes_option, stanza_dir_option, workers_option
from quotes.db.errors import DatabaseError
from quotes.errors import QuotesError
from quotes.terminal import printable
from .progress import Counts, Progress, choose_mode
from .render import plural


@dataclass
class Summary:
    ingested: int = 0
    reprocessed: int = 0
    duplicates: int = 0
    statements: int = 0
    undated: int = 0
    failures: list[Failure] = field(default_factory=list)
    overrides: dict[str, str] = field(default_factory=dict)  # --outlet/--url/--published as given
    first_duplicate: Optional[str] = None
    first_undated: Optional[str] = None

    def add(self, outcome) -> None:
        if isinstance(outcome, Failure):
            self.failures.append(outcome)
            return
        self.statements += outcome.statements
        if outcome.status != "duplicate" and not outcome.dated:
            self.undated += 1
            self.first_undated = self.first_undated or outcome.source
        if outcome.status == "duplicate":
            self.duplicates += 1
            self.first_duplicate = self.first_duplicate or outcome.source
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
        lines = [head[0].upper() + head[1:]] + [f"  {printable(str(failure))}" for failure in self.failures]
        if self.duplicates and self.overrides:
            lines.append(self.overrides_line())
        if self.undated:
            one = self.undated == 1
            how = (f"date it with `{fix_article_command(self.first_undated, {'published': 'YYYY-MM-DD'})}`" if one
                   else "date each with `quotes fix-article --published YYYY-MM-DD ARTICLE` (`quotes articles` "
                        "lists them last)")
            lines.append(f"{plural(self.undated, 'stored article')} {'has' if one else 'have'} no date, so "
                         f"--since/--until leave {'it' if one else 'them'} out: {how}; next time give the date in "
                         "the file (README 'Article files') or pass --published")
        return lines

    def overrides_line(self) -> str:
        """--outlet on an article stored before changes nothing (it is skipped unread): say so, and how."""
        given = "/".join(f"--{name}" for name in self.overrides)
        one = self.duplicates == 1
        return (f"{given} did not change the {plural(self.duplicates, 'duplicate')}: "
                f"{'a stored article keeps' if one else 'stored articles keep'} what {'it' if one else 'they'} "
                f"had; correct one with `{fix_article_command(self.first_duplicate, self.overrides)}`")

    def stored_line(self) -> str:
        """"3 articles stored before it stopped": what a stopped run leaves behind."""
        stored = self.ingested + self.reprocessed
        return f"{plural(stored, 'article')} stored before it stopped"

    def counts(self) -> Counts:
        return Counts(articles=self.articles, statements=self.statements, failed=len(self.failures))


def fix_article_command(source: str, options: dict[str, str]) -> str:
    """The `quotes fix-article` command line that sets `options` on the article stored from `source`, as a
    shell takes it (options first, so a source like stdin's "-:1" follows `--` and is not read as one)."""
    import shlex

    given = " ".join(f"--{name} {shlex.quote(value) if value != 'YYYY-MM-DD' else value}"
                     for name, value in options.items())
    source = shlex.quote(source)
    return printable(f"quotes fix-article {given} {'-- ' if source.startswith('-') else ''}{source}")


def known_total(paths: list) -> Optional[int]:
    """Articles to expect when every input is a one-article file; None when JSONL or stdin makes it unknown."""
    if any(isinstance(p, Failure) or p == "-" or str(p).lower().endswith((".jsonl", ".ndjson")) for p in paths):
        return None
    return len(paths)


@click.command(short_help="Extract statements from articles and store them.", epilog="""\b
Examples:
  quotes ingest quotes/samples/
  quotes ingest 'archive/**/*.html' --outlet "Eastern Ledger" --workers 2
  quotes ingest archive/ --cluster tcp://scheduler:8786 --db postgresql://db/quotes
  cat feed.jsonl | quotes ingest - --db postgresql://localhost/quotes""")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--outlet", help="Outlet name for every article (overrides what the files say).")
@click.option("--url", help="URL for every article (overrides what the files say).")
@click.option("--published", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="Publication date for every article (overrides what the files say).")
@workers_option
@click.option("--cluster", metavar="ADDRESS",
              help="Extract on the Dask scheduler at ADDRESS (tcp://HOST:8786) instead of local --workers; "
                   "needs the 'cluster' extra on this machine and the workers.")
@click.option("--reprocess", is_flag=True,
              help="Re-extract articles stored by an older pipeline version instead of skipping them.")
@max_bytes_option
@stanza_dir_option
@article_lock_timeout_option
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar with the time left (default: a bar on a terminal, else a plain line "
                   "every 30 s).")
@errors_to_click
def ingest(paths, outlet, url, published, workers, cluster, reprocess, max_bytes, progress):
    """Extract the statements of the articles in PATH... and store them.

    PATH is a .txt, .html or .jsonl file, a directory (searched recursively), a glob, or - for stdin.
    Articles already stored are skipped without running the NLP. Each article is stored whole or not at
    all; one that fails is reported and the rest goes on. Exit code 1 when any failed. A database that
    cannot be written stops the run before any article is parsed; Ctrl-C stops it after the article
    being stored, and says how many were.
    """
    from quotes.db.engine import check_writable
    from quotes.ingest.store import ingest_expanded

    log_to_stderr()
    app = current_app()
    summary = Summary(overrides={name: value for name, value in (
        ("outlet", outlet), ("url", url), ("published", published and published.date().isoformat())) if value})
    try:
        engine = app.engine(write=True)
        check_writable(engine, app.db_url)
        expanded = list(expand_paths(paths))  # once: the progress bar needs the count
    except KeyboardInterrupt:  # before any article: the same one line as later
        interrupted(summary)
    stderr = sys.stderr
    meter = Progress(total=known_total(expanded), stream=stderr, mode=choose_mode(stderr, progress))
    outcomes = ingest_expanded(engine, expanded, extractor_factory=app.extractor_factory(), workers=workers,
                               reprocess=reprocess, max_bytes=max_bytes, outlet=outlet, url=url,
                               published=published and published.date(), cluster=cluster)
    try:
        with meter:
            for outcome in outcomes:
                summary.add(outcome)
                meter.update(summary.counts())
    except KeyboardInterrupt:  # one line, the count, exit 130 (not click's bare "Aborted!")
        outcomes.close()  # stops the extraction workers now, not when the interpreter exits
        interrupted(summary)
    except QuotesError as error:  # the database or the cluster failed: every later article would too
        if isinstance(error, DatabaseError) and during_interrupt(error):
            interrupted(summary)  # Ctrl-C inside a driver call left the connection unusable
        if not summary.articles and not isinstance(error, DatabaseError):  # a cluster that never ran: one line
            raise click.ClickException(str(error)) from error
        click.echo("\n".join(summary.lines()), err=True)
        raise click.ClickException(f"{error} ({summary.stored_line()})") from error
    click.echo("\n".join(summary.lines()), err=True)
    if summary.failures:
        sys.exit(1)


def interrupted(summary: Summary) -> None:
    click.echo(f"Interrupted: {summary.stored_line()}; run the same command again to go on "
               "(articles already stored are skipped)", err=True)
    sys.exit(130)


def during_interrupt(error: BaseException) -> bool:
    """Was `error` raised while a Ctrl-C was being handled (a rollback on a connection stopped mid-call)?"""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, KeyboardInterrupt):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False
