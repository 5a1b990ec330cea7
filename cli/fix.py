"""`quotes fix`, `quotes fix-article` and `quotes corrections`: a person corrects what the machine stored (a
quote's speaker, a quote that is none, an article's metadata) and lists the corrections as labelled data.

Each command opens the database for writing and calls quotes.db.corrections, which keeps the machine's answer
beside the person's and applies the correction again whenever the article is reprocessed.
"""

from __future__ import annotations

import click

from .context import current_app
from .errors import errors_to_click
from .options import db_option, lock_timeout_option
from .render import output_options, plural, render

CORRECTION_TABLE = ("id", "field", "original", "value", "article_id", "quote_id", "text", "created_by",
                    "created_at")
by_option = click.option("--by", "by", metavar="NAME",
                         help="Who corrects (default: $QUOTES_USER, else your login name).")


@click.command(short_help="Correct one quote: its speaker, or that it is no quote.", epilog="""\b
Examples:
  quotes fix 12 --speaker "Ana Lima"
  quotes fix 12 --speaker "#7"
  quotes fix 15 --not-a-quote --by "night desk"
  (quote ids: the quote_id column of `quotes show ARTICLE`, `quotes by SPEAKER` or `quotes search TEXT`)""")
@click.argument("quote_id", type=click.IntRange(min=1))
@click.option("--speaker", metavar="NAME|ID", help="File the quote under this speaker: a name (as in "
              "`quotes by`; a new name makes a new speaker) or an id like #7.")
@click.option("--kind", type=click.Choice(("person", "organization", "group")), default="person",
              show_default=True, help="What a new speaker named by --speaker is.")
@click.option("--not-a-quote", is_flag=True, help="It is no quote (a headline, a title in quote marks): "
              "remove it, and keep it out when the article is reprocessed.")
@by_option
@output_options
@db_option
@lock_timeout_option
@errors_to_click
def fix(quote_id, speaker, kind, not_a_quote, by, fmt):
    """Correct quote QUOTE_ID: --speaker files it under another speaker, --not-a-quote removes it. The
    answer it replaces (the machine's, or an earlier correction's) is kept beside yours, and the correction
    holds through `ingest --reprocess` and pipeline upgrades. Prints the correction."""
    from quotes.db import corrections

    if bool(speaker) == not_a_quote:
        raise click.UsageError("give one of --speaker NAME|ID and --not-a-quote")
    with current_app().session(write=True) as s:
        removed = _removed(s, quote_id)
        if removed is not None and not_a_quote:
            click.echo(f"Quote #{quote_id} was already removed as no quote (correction #{removed.id}); nothing "
                       "changed.", err=True)
            render([], fmt, table_columns=CORRECTION_TABLE)
            return
        if removed is not None:
            raise click.ClickException(f"quote #{quote_id} was removed as no quote (correction #{removed.id} by "
                                       f"{removed.created_by}), so it has no speaker to correct")
        if not_a_quote:
            row = corrections.reject_quote(s, quote_id=quote_id, by=by)
            said = f"Quote #{quote_id} is no quote: removed ({row.original or 'no speaker'} had it)."
        else:
            speaker_id, name = _speaker_choice(s, speaker)
            filed_under = _current_speaker(s, quote_id)
            if speaker_id is not None and speaker_id == filed_under:
                click.echo(f"Quote #{quote_id} is already filed under #{speaker_id}; nothing changed.", err=True)
                render([], fmt, table_columns=CORRECTION_TABLE)
                return
            machine = _machine_speaker(s, quote_id)
            row = corrections.correct_speaker(s, quote_id=quote_id, speaker_id=speaker_id, name=name, kind=kind, by=by)
            was = row.original or "nobody"
            said = f"Quote #{quote_id} now by #{row.speaker_id} {row.value} " + (
                f"(the machine said {was})." if machine is None else
                f"(a correction had filed it under {was}; the machine said {machine or 'nobody'}).")
    click.echo(said, err=True)
    render([row], fmt, table_columns=CORRECTION_TABLE)


def _removed(session, quote_id: int):
    """The not-a-quote correction that removed quote `quote_id`, when it is gone for that reason (else None)."""
    from sqlalchemy import select

    from quotes.db.corrections import corrections
    from quotes.db.models import Quote

    if session.execute(select(Quote.id).where(Quote.id == quote_id)).first() is not None:
        return None
    return next((row for row in corrections(session) if row.quote_id == quote_id and row.field == "not_a_quote"),
                None)


def _current_speaker(session, quote_id: int):
    """The speaker id quote `quote_id` is filed under now (None: no speaker, or no such quote, which the
    library reports)."""
    from sqlalchemy import select

    from quotes.db.models import Quote

    return session.execute(select(Quote.speaker_id).where(Quote.id == quote_id)).scalar_one_or_none()


def _machine_speaker(session, quote_id: int):
    """None when no person has corrected the quote's speaker yet; else the machine's answer, which the first
    such correction kept ("" for none)."""
    from quotes.db.corrections import corrections

    earlier = [row for row in corrections(session) if row.quote_id == quote_id and row.field == "speaker"]
    return (earlier[0].original or "") if earlier else None


def _speaker_choice(session, text: str):
    """(id, None) for a speaker on record, (None, name) for a full name no speaker goes by, which the library
    finds as ingest would or makes (quotes.db.choose.correction_speaker decides; asked as `quotes by` asks
    when several fit)."""
    from quotes.db.choose import correction_speaker

    from .pick import picked, speaker_id

    target = correction_speaker(session, text)
    if target.new_name is not None:
        return None, target.new_name
    if target.speaker_id is not None:
        return speaker_id(session, text), None
    return picked(text.strip(), target.choice).id, None


@click.command("fix-article", short_help="Correct a stored article's outlet, date, URL, author or title.",
               epilog="""\b
Examples:
  quotes fix-article 3 --outlet "Harbor City Herald" --published 2023-03-01
  quotes fix-article "Voss unveils" --author "Marcus Bell and Ana Lima" --url https://herald.example/voss
  quotes fix-article 3 --url ""      (clears the URL)""")
@click.argument("article")
@click.option("--outlet", metavar="NAME", help="The outlet that published it.")
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD, or as feeds write it).")
@click.option("--url", metavar="URL", help='Its address ("" clears it).')
@click.option("--author", metavar="BYLINE", help='The byline, e.g. "Jane Doe and Ola Nordmann".')
@click.option("--title", metavar="TEXT", help="Its headline.")
@by_option
@output_options
@db_option
@lock_timeout_option
@errors_to_click
def fix_article(article, outlet, published, url, author, title, by, fmt):
    """Correct the metadata of ARTICLE (an id as `quotes articles` lists them, a URL, the file it was read
    from, or part of the title), stored before or read wrong; re-ingesting a stored article never changes
    it. Each changed field is kept as a correction (the old
    value beside the new) and holds through `ingest --reprocess`. Prints the corrections."""
    from quotes.db import corrections
    from quotes.db.queries import article_quotes

    given = dict(title=title, outlet=outlet, published_at=None if published is None else _date(published),
                 url=url, author=author)
    values = {field: value for field, value in given.items() if value is not None}
    if not values:
        raise click.UsageError("nothing to correct: give --outlet, --published, --url, --author or --title")
    with current_app().session(write=True) as s:
        found, _quotes = article_quotes(s, article=article)
        rows = corrections.correct_article(s, article_id=found.id, by=by, **values)
    click.echo(f"Article #{found.id}: {plural(len(rows), 'field')} corrected." if rows
               else f"Article #{found.id} already says that; nothing changed.", err=True)
    render(rows, fmt, table_columns=CORRECTION_TABLE)


def _date(text: str):
    from quotes.ingest.metadata import parse_date

    if text == "":
        return ""
    try:
        return parse_date(text)
    except (ValueError, OverflowError, OSError):
        raise click.BadParameter(f"{text!r} is not a date; write it as YYYY-MM-DD", param_hint="--published")


@click.command(short_help="The corrections made, as labelled data.", epilog="""\b
Examples:
  quotes corrections
  quotes corrections --nl > corrections.jsonl
  quotes corrections --since-id 40 --csv""")
@click.option("--since-id", type=click.IntRange(min=0), help="Only corrections after this id.")
@output_options
@db_option
@errors_to_click
def corrections_command(since_id, fmt):
    """Every correction in the order made: the field, the answer it replaced (original: the machine's, or
    an earlier correction's when one came first) and the person's (value), who and when, and where the
    quote stands (article_id, start, end, spans, text, kind), so they can score or train the extractor."""
    from quotes.db.corrections import corrections

    with current_app().session() as s:
        render(corrections(s, since_id=since_id), fmt, table_columns=CORRECTION_TABLE,
               empty="No corrections yet.")
