"""Look-ups over the stored statements: `by`, `statements`, `articles`, `show`, `search`, `stats` (`speakers` is in
identity.py, beside the merge/split that fix it).

Each command opens a session on the App's database, calls one query of quotes.db.queries and streams
the rows through the shared renderer.
"""

from __future__ import annotations

import click

from .context import current_app
from .errors import errors_to_click
from .options import db_option, quote_filters
from .pick import pick_speaker
from .render import as_dict, output_options, render
from quotes.terminal import printable

# Quote listings write the export's records (quote_id, …), so `by --csv` and `export --format csv` agree.
QUOTE_TABLE = ("quote_id", "published_at", "outlet", "title", "text")  # the id `quotes fix` takes
# A statement's id labelled as such, so nobody takes it for the quote id `quotes fix` wants (machine formats
# keep the key "id").
STATEMENT_TABLE = ("statement_id", "first_seen", "articles", "outlets", "text")


def quote_records(rows):
    from quotes.db.export import EXPORT_COLUMNS, quote_record

    return (quote_record(row) for row in rows), EXPORT_COLUMNS


def noting_corrections(records, corrected: list):
    """The records unchanged; the ids of those a person corrected are added to `corrected` as they pass."""
    for record in records:
        if record.get("corrected"):
            corrected.append(record["quote_id"])
        yield record


def marked_corrections(records):
    """For tables: a speaker a person chose reads "Lena Voss (corrected)"; machine formats carry the
    `corrected` field instead."""
    for record in records:
        if record.get("corrected") == "speaker":
            record = {**record, "speaker": f"{record['speaker']} (corrected)"}
        yield record


@click.command(short_help="Quotes by one speaker, with filters.", epilog="""\b
Examples:
  quotes by Lindqvist
  quotes by "Matteo Lindqvist" --since 2022-01-01 --kind direct --csv""")
@click.argument("speaker")
@quote_filters
@output_options
@db_option
@errors_to_click
def by(speaker, filters, fmt):
    """Every quote by SPEAKER (any alias or part of the name, or an id like #12).

    When several speakers fit what was typed (two people named Voss, or "Obama" beside "Barack Obama" and
    "Michelle Obama"), a terminal asks which one; elsewhere the command fails listing them with their ids
    (pass the full name or the id). `quotes speakers --like TEXT` lists them too.
    """
    from quotes.db.queries import quotes_by

    with current_app().session() as s:
        chosen = pick_speaker(s, speaker)
        records, columns = quote_records(quotes_by(s, speaker_ids=[chosen.id], filters=filters))
        corrected: list[int] = []
        if fmt == "table":
            records = noting_corrections(records, corrected)
        render(records, fmt, columns=columns, table_columns=QUOTE_TABLE,
               empty=f"No quotes by {chosen.name} match these filters.")
        if corrected:
            click.echo(f"{len(corrected)} of these {'was' if len(corrected) == 1 else 'were'} filed under "
                       f"{chosen.name} by a correction (`quotes corrections` lists them)", err=True)
        if filters.since or filters.until:
            say_undated_left_out(s, chosen, filters)


def say_undated_left_out(session, speaker, filters) -> None:
    """A date filter cannot place a quote from an undated article: say how many it left out, on stderr."""
    from dataclasses import replace

    from quotes.db.queries import quotes_by

    undated = sum(1 for quote in quotes_by(session, speaker_ids=[speaker.id],
                                           filters=replace(filters, since=None, until=None))
                  if quote.published_at is None)
    if undated:
        one = undated == 1
        source = "is from an undated article" if one else "are from undated articles"
        click.echo(f"{undated} quote{'' if one else 's'} by {printable(speaker.name)} {source}, so "
                   f"--since/--until left {'it' if one else 'them'} out", err=True)


@click.command(short_help="A speaker's statements, each once.", epilog="""\b
Example:
  quotes statements Lindqvist""")
@click.argument("speaker")
@output_options
@db_option
@errors_to_click
def statements(speaker, fmt):
    """Each distinct statement of SPEAKER once, with how many articles and outlets carried it."""
    from quotes.db.queries import statements_by

    with current_app().session() as s:
        chosen = pick_speaker(s, speaker)
        rows = statements_by(s, speaker_id=chosen.id)
        if fmt == "table":
            rows = [{"statement_id": row.id, **as_dict(row)} for row in rows]
        render(rows, fmt, table_columns=STATEMENT_TABLE, undated=("first_seen",))


@click.command(short_help="The statements of one article, in order.", epilog="""\b
Examples:
  quotes show 3
  quotes show "unrest in Kazakhstan"
  quotes show https://northwire.example/kazakhstan --nl""")
@click.argument("article")
@output_options
@db_option
@errors_to_click
def show(article, fmt):
    """The statements of ARTICLE (an id as `quotes articles` lists them, a URL, the file it was read from,
    or part of the title) in the order they appear."""
    from quotes.db.queries import article_quotes

    with current_app().session() as s:
        found, rows = article_quotes(s, article=article)
        if fmt == "table":
            details = ", ".join(str(v) for v in (found.outlet, found.published_at, found.url) if v)
            click.echo(printable(f"#{found.id} {found.title or found.source}" + (f" ({details})" if details else "")))
        records, columns = quote_records(rows)
        if fmt == "table":
            records = marked_corrections(records)
        render(records, fmt, columns=columns, table_columns=("quote_id", "speaker", "kind", "cue", "text"),
               empty="No statements found in it.")


@click.command(short_help="The stored articles, newest first, with their ids.", epilog="""\b
Examples:
  quotes articles
  quotes articles --limit 500 --csv""")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True,
              help="Show at most this many articles.")
@output_options
@db_option
@errors_to_click
def articles(limit, fmt):
    """The stored articles, newest first (undated ones last): the id that `quotes show` and `quotes
    fix-article` take, date, outlet and title."""
    from quotes.db.queries import latest_articles

    with current_app().session() as s:
        rows = latest_articles(s, limit=limit + 1)
        render(rows[:limit], fmt, table_columns=("id", "published_at", "outlet", "title"),
               empty="No articles stored yet: `quotes ingest FILE` stores some.")
    if len(rows) > limit:
        click.echo(f"Only the {limit} newest are shown: pass --limit to see more.", err=True)


@click.command(short_help="Full-text search over the statements.", epilog="""\b
Examples:
  quotes search "peaceful protest"
  quotes search detained --since 2022-01-01 --csv""")
@click.argument("text")
@quote_filters
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True,
              help="Show at most this many quotes, best matches first.")
@output_options
@db_option
@errors_to_click
def search(text, filters, limit, fmt):
    """Full-text search over the statements: those holding every word of TEXT ("detain" finds "detained"),
    each "quoted phrase" as written and each prefix*. There is no OR: search once per alternative."""
    from quotes.db.queries import search_quotes

    with current_app().session() as s:
        records, columns = quote_records(search_quotes(s, text=text, filters=filters, limit=limit))
        render(records, fmt, columns=columns,
               table_columns=("quote_id", "speaker", "published_at", "outlet", "title", "text"),
               empty=f"No statements match {text!r}.")
        if fmt == "table":
            hint_speakers(s, text)


def hint_speakers(session, text: str) -> None:
    """Search reads what was said, not who said it: when the words typed also name stored speakers, say
    which command lists their quotes (on stderr, for a person at a table; pipes get the data alone)."""
    from quotes.db.queries import find_speakers

    if any(mark in text for mark in '"*()') or len(text.split()) > 4:
        return  # a phrase, a prefix or an expression is a search for words, not a name
    named = find_speakers(session, name=text)
    if len(named) == 1:
        click.echo(f"{text!r} also names 1 speaker ({printable(named[0].name)}): `quotes by {printable(text)}` "
                   "lists what they said.", err=True)
    elif named:  # `quotes by TEXT` would ask which, or fail in a script: point to the ids
        names = ", ".join(printable(f"#{row.id} {row.name}") for row in named[:3]) + (" …" if len(named) > 3 else "")
        click.echo(f"{text!r} also names {len(named)} speakers ({names}): `quotes by \"#{named[0].id}\"` lists "
                   "what one of them said.", err=True)


@click.command(short_help="Counts of what is stored.", epilog="""\b
Example:
  quotes stats --json""")
@output_options
@db_option
@errors_to_click
def stats(fmt):
    """How many articles, speakers, statements and quotes are stored."""
    from quotes.db import counts  # not queries: counting needs no model classes
    from quotes.db.url import sqlite_file

    app = current_app()
    if sqlite_file(app.db_url) is not None:  # sqlite3 alone: importing SQLAlchemy takes longer than the counting
        stored = counts.file_stats(app.db_url, **app.lock_options())
    else:
        with app.engine().connect() as connection:
            stored = counts.stats(connection)
    render(({"what": key, "count": value} for key, value in stored.items()), fmt)
