"""Options several commands share, declared once. Each is a decorator; resource options (--db,
--stanza-dir) record their value on the App (cli/context.py) instead of passing it to the command, so a
group and its subcommands (`quotes speakers --db X merge …`) agree without re-declaring anything."""

from __future__ import annotations

import functools

import click

from .context import current_app
from quotes.db.url import DB_ENV, DEFAULT_PATH

KINDS = ("direct", "indirect", "mixed")
STANZA_ENV = "QUOTES_STANZA_DIR"


def _on_app(attribute):
    def store(ctx, param, value):
        if value is not None:  # given here; otherwise keep what a parent group was given
            setattr(current_app(), attribute, value)
    return store


def db_option(command):
    """--db URL: read by quotes.db.url (with $QUOTES_DB and the default file) when the engine is made."""
    return click.option("--db", metavar="URL", expose_value=False, callback=_on_app("db_url"),
                        help=f"Database: a SQLite file path or SQLAlchemy URL (env {DB_ENV}; "
                             f"default ./{DEFAULT_PATH}).")(command)


def lock_timeout_option(command, *, waits_before: str = "giving up with nothing changed"):
    """--lock-timeout SECONDS: how long a write waits for another process's lock before it fails."""
    from quotes.db.locks import LOCK_TIMEOUT_S

    return click.option("--lock-timeout", type=click.FloatRange(min=0.1), metavar="SECONDS", expose_value=False,
                        callback=_on_app("lock_timeout"),
                        help=f"Wait this long for another writer's lock before {waits_before} "
                             f"(default {LOCK_TIMEOUT_S:g}).")(command)


def article_lock_timeout_option(command):
    """--lock-timeout for ingest, where a lock waited out fails one article and the run goes on."""
    return lock_timeout_option(command, waits_before="an article fails")


def stanza_dir_option(command):
    return click.option("--stanza-dir", envvar=STANZA_ENV, type=click.Path(file_okay=False), expose_value=False,
                        callback=_on_app("stanza_dir"),
                        help=f"Official Stanza English models to use instead of the bundled ones "
                             f"(env {STANZA_ENV}). Only use model folders you trust: they are pickled "
                             f"PyTorch files.")(command)


def max_bytes_option(command):
    from quotes.ingest.article import DEFAULT_MAX_BYTES  # here, not at the top: `quotes by` never reads articles

    return click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
                        help="Refuse articles larger than this many bytes.")(command)


def workers_option(command):
    return click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
                        help="Processes running the NLP; each loads the models once.")(command)


def quote_filters(command):
    """Add --since/--until/--outlet/--role/--kind/--contains; the command receives one `filters` argument."""
    @functools.wraps(command)
    def wrapper(*args, since, until, outlet, role, kind, contains, **kwargs):
        from quotes.db.rows import QuoteFilters

        if since and until and since > until:  # nothing can match: say why instead of "no quotes match"
            raise click.UsageError(f"--since {since:%Y-%m-%d} is after --until {until:%Y-%m-%d}: swap them")
        filters = QuoteFilters(since=since and since.date(), until=until and until.date(), outlet=outlet,
                               role=role, kind=kind, contains=contains)
        return command(*args, filters=filters, **kwargs)

    options = [
        click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Published on or after this date."),
        click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Published on or before this date."),
        click.option("--outlet", help="Only articles from this outlet."),
        click.option("--role", metavar="TEXT", help="Only statements made in a role containing TEXT."),
        click.option("--kind", type=click.Choice(KINDS), help="Only direct, indirect or mixed statements."),
        click.option("--contains", metavar="TEXT", help="Only statements containing TEXT."),
    ]
    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper
