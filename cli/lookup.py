"""Look-ups over the stored statements: `by`, `statements`, `show`, `search`, `stats` (`speakers` is in
identity.py, beside the merge/split that fix it).

Each command opens the database, calls one query of quotes.db.queries and streams the rows through the
shared renderer. Shared here: the --db option and the filters that `by`, `search` and `export` take.
"""

from __future__ import annotations

import functools
import re
import sys

import click

from quotes.cli.errors import errors_to_click
from quotes.cli.render import output_options, render

QUOTE_TABLE = ("published_at", "outlet", "kind", "text")
KINDS = ("direct", "indirect", "mixed")


def db_option(command):
    return click.option("--db", envvar="QUOTES_DB", metavar="URL",
                        help="Database: a SQLite file path or SQLAlchemy URL "
                             "(env QUOTES_DB; default ./quotes.db).")(command)


def open_engine(url):
    """The engine for --db, with a fixable message when the URL is wrong or the file cannot be opened."""
    from sqlalchemy.exc import ArgumentError, OperationalError

    from quotes.db import make_engine

    try:
        return make_engine(url)
    except (ArgumentError, OperationalError) as error:
        reason = str(getattr(error, "orig", None) or error).splitlines()[0]
        raise click.ClickException(f"cannot open database {url or './quotes.db'}: {reason}; "
                                   "check --db or QUOTES_DB")


def session(engine):
    from quotes.db import session_scope

    return session_scope(engine)


def quote_filters(command):
    """Add --since/--until/--outlet/--role/--kind/--contains; the command receives one `filters` argument."""
    @functools.wraps(command)
    def wrapper(*args, since, until, outlet, role, kind, contains, **kwargs):
        from quotes.db.rows import QuoteFilters

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


def resolve_speaker(session, name: str):
    """The one speaker `name` means: an id (#12), the only match, an exact name, or the user's choice."""
    from quotes.db.queries import find_speakers

    matches = find_speakers(session, name=name)
    if re.fullmatch(r"#?\d+", name.strip()):
        matches = [s for s in list_all(session) if s.id == int(name.strip().lstrip("#"))] or matches
    exact = [s for s in matches if s.name.casefold() == name.strip().casefold()]
    if len(exact) == 1 or len(matches) == 1:
        return (exact or matches)[0]
    if not matches:
        raise click.ClickException(f"no speaker matches {name!r}; list them with `quotes speakers --like "
                                   f"{name.split()[-1] if name.split() else name}`")
    return choose_speaker(name, matches)


def list_all(session):
    from quotes.db.queries import list_speakers

    return list_speakers(session)


def choose_speaker(name, matches):
    """Ask on a terminal; elsewhere fail with the candidates and how to pick one."""
    listing = "\n".join(f"  #{s.id}  {s.name} ({describe(s)})" for s in matches)
    if not stdin_is_terminal():
        raise click.ClickException(f"{len(matches)} speakers match {name!r}:\n{listing}\n"
                                   f"pass the full name or the id, e.g. `#{matches[0].id}`")
    click.echo(f"{len(matches)} speakers match {name!r}:\n{listing}", err=True)
    ids = {s.id: s for s in matches}
    chosen = click.prompt("Which one (id)", type=click.Choice([str(i) for i in ids]), err=True)
    return ids[int(chosen)]


def stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


def describe(speaker) -> str:
    parts = [speaker.kind] + speaker.roles[:2] + [f"{speaker.quotes} quote" + ("" if speaker.quotes == 1 else "s")]
    return ", ".join(part for part in parts if part)


@click.command(short_help="Quotes by one speaker, with filters.", epilog="""\b
Examples:
  quotes by Lindqvist
  quotes by "Matteo Lindqvist" --since 2022-01-01 --kind direct --csv""")
@click.argument("speaker")
@quote_filters
@output_options
@db_option
@errors_to_click
def by(speaker, filters, fmt, db):
    """Every quote by SPEAKER (any alias or part of the name, or an id like #12)."""
    from quotes.db.queries import quotes_by

    with session(open_engine(db)) as s:
        chosen = resolve_speaker(s, speaker)
        render(quotes_by(s, speaker_ids=[chosen.id], filters=filters), fmt, table_columns=QUOTE_TABLE,
               empty=f"No quotes by {chosen.name} match these filters.")


@click.command(short_help="A speaker's statements, each once.", epilog="""\b
Example:
  quotes statements Lindqvist""")
@click.argument("speaker")
@output_options
@db_option
@errors_to_click
def statements(speaker, fmt, db):
    """Each distinct statement of SPEAKER once, with how many articles and outlets carried it."""
    from quotes.db.queries import statements_by

    with session(open_engine(db)) as s:
        chosen = resolve_speaker(s, speaker)
        render(statements_by(s, speaker_id=chosen.id), fmt,
               table_columns=("id", "first_seen", "articles", "outlets", "text"))


@click.command(short_help="The statements of one article, in order.", epilog="""\b
Examples:
  quotes show 3
  quotes show "unrest in Kazakhstan"
  quotes show https://northwire.example/kazakhstan --nl""")
@click.argument("article")
@output_options
@db_option
@errors_to_click
def show(article, fmt, db):
    """The statements of ARTICLE (an id, a URL or part of the title) in the order they appear."""
    from quotes.db.queries import article_quotes

    with session(open_engine(db)) as s:
        found, rows = article_quotes(s, article=article)
        if fmt == "table":
            details = ", ".join(str(v) for v in (found.outlet, found.published_at, found.url) if v)
            click.echo(f"#{found.id} {found.title or found.source}" + (f" ({details})" if details else ""))
        render(rows, fmt, table_columns=("speaker", "kind", "cue", "text"), empty="No statements found in it.")


@click.command(short_help="Full-text search over the statements.", epilog="""\b
Examples:
  quotes search "peaceful protest"
  quotes search detained --since 2022-01-01 --csv""")
@click.argument("text")
@quote_filters
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@output_options
@db_option
@errors_to_click
def search(text, filters, limit, fmt, db):
    """Full-text search over the statements (words, "a phrase", prefix*)."""
    from quotes.db.queries import search_quotes

    with session(open_engine(db)) as s:
        render(search_quotes(s, text=text, filters=filters, limit=limit), fmt,
               table_columns=("speaker", "published_at", "outlet", "text"), empty=f"No statements match {text!r}.")


@click.command(short_help="Counts of what is stored.", epilog="""\b
Example:
  quotes stats --json""")
@output_options
@db_option
@errors_to_click
def stats(fmt, db):
    """How many articles, speakers, statements and quotes are stored."""
    from quotes.db.queries import stats as count_rows

    with session(open_engine(db)) as s:
        render(({"what": key, "count": value} for key, value in count_rows(s).items()), fmt)
