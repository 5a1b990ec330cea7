"""`quotes speakers`: list the speakers on record, and fix a wrong identity decision with `merge` / `split`;
`join-surnames` joins the bare surnames an older database kept apart.

The fixes call quotes.db.identity, which records them as manual aliases, so later ingests follow them.
"""

from __future__ import annotations

import click

from .context import current_app
from .errors import errors_to_click
from .options import db_option, lock_timeout_option
from .pick import speaker_id
from .render import output_options, plural, render
from quotes.terminal import printable

# One role per speaker (the latest): all of them would wrap a row to a dozen lines; --json etc. carry them all.
SPEAKER_TABLE = ("id", "name", "kind", "role", "statements", "quotes", "first_seen", "last_seen")
SEEN = ("first_seen", "last_seen")  # empty when only undated articles quote the speaker: shown "undated"
# A join as `join-surnames` reports it (quotes.db.rows.SurnameJoin).
JOIN_TABLE = ("bare_id", "bare_name", "full_id", "full_name", "quotes_moved")


@click.group(invoke_without_command=True, short_help="Speakers on record; merge or split them.",
             epilog="""\b
Examples:
  quotes speakers
  quotes speakers --role spokesman --kind person
  quotes speakers --like lindq --json
  quotes speakers merge "Matteo Lindqvist" "#7"
  quotes speakers split Lindqvist "M. Lindqvist" --json
  quotes speakers join-surnames --dry-run""")
@click.option("--like", metavar="TEXT", help="Names or aliases containing TEXT.")
@click.option("--role", metavar="TEXT", help="Speakers whose stated role contains TEXT (e.g. spokesman).")
@click.option("--kind", type=click.Choice(("person", "organization", "group", "unknown")),
              help="Only speakers of this kind.")
@output_options
@db_option
@click.pass_context
@errors_to_click
def speakers(ctx, like, role, kind, fmt):
    """The speakers on record: kind, roles, how many statements and quotes, first and last seen.

    `merge` and `split` fix a wrong decision about who is who; later ingests follow the fix.
    `join-surnames` joins bare surnames stored before their full name, in a database filled by an older
    quote-tracker.
    """
    if ctx.invoked_subcommand is not None:
        if like or role or kind or fmt != "table":
            raise click.UsageError(f"--like, --role, --kind and output switches only apply to the listing: "
                                   f"put {ctx.invoked_subcommand}'s options after it")
        return
    from quotes.db.queries import list_speakers

    with current_app().session() as s:
        render(list_speakers(s, like=like, role=role, kind=kind), fmt, table_columns=SPEAKER_TABLE, undated=SEEN,
               empty="No speakers match.")


@speakers.command(short_help="Merge speaker B into speaker A.", epilog="""\b
Examples:
  quotes speakers merge "Stephane Dujarric" "S. Dujarric"
  quotes speakers merge "#2" "#7" --json""")
@click.argument("a")
@click.argument("b")
@output_options
@db_option
@lock_timeout_option
@errors_to_click
def merge(a, b, fmt):
    """Merge speaker B into speaker A: B's names, roles, statements and quotes become A's, and later
    articles that name B go to A. Each is a name (as in `quotes by`) or an id like #12.

    Prints A as it now is.
    """
    from quotes.db.identity import merge_speakers
    from quotes.db.queries import speaker_rows

    with current_app().session(write=True) as s:
        keep, gone = speaker_id(s, a), speaker_id(s, b)
        merge_speakers(s, keep_id=keep, merge_id=gone)
        kept, merged = speaker_rows(s, [keep, gone])   # the merged row stays, pointing at the kept one
    click.echo(printable(f"Merged #{merged.id} {merged.name} into #{kept.id} {kept.name}."), err=True)
    render([kept], fmt, table_columns=SPEAKER_TABLE, undated=SEEN)


@speakers.command(short_help="Move one alias of a speaker to a new speaker.", epilog="""\b
Examples:
  quotes speakers split "Matteo Lindqvist" "Anna Lindqvist"
  quotes speakers split "#2" "M. Lindqvist" --csv""")
@click.argument("speaker")
@click.argument("alias")
@output_options
@db_option
@lock_timeout_option
@errors_to_click
def split(speaker, alias, fmt):
    """Move ALIAS of SPEAKER, and the quotes stored under it, to a new speaker; later articles that use
    that name go to the new one. SPEAKER is a name (as in `quotes by`) or an id like #12; its aliases
    are in `quotes speakers --like NAME --json`.

    Prints SPEAKER and the new speaker.
    """
    from quotes.db.identity import split_speaker
    from quotes.db.queries import speaker_rows

    with current_app().session(write=True) as s:
        old = speaker_id(s, speaker)
        new = split_speaker(s, speaker_id=old, alias=alias)
        rows = speaker_rows(s, [old, new])
    click.echo(printable(f"Split {rows[1].name} off #{rows[0].id} {rows[0].name} as new speaker #{new}."), err=True)
    render(rows, fmt, table_columns=SPEAKER_TABLE, undated=SEEN)


@speakers.command("join-surnames", short_help="Join bare surnames to the one full name they stand for.",
                  epilog="""\b
Examples:
  quotes speakers join-surnames --dry-run
  quotes speakers join-surnames --json""")
@click.option("--dry-run", is_flag=True, help="Say what would be joined and change nothing.")
@output_options
@db_option
@lock_timeout_option
@errors_to_click
def join_surnames(dry_run, fmt):
    """Join each speaker known only by a surname ("Obama") to the full-named person it can only stand
    for ("Barack Obama"), as ingest now does when the full name comes later. For a database filled
    before that rule: nothing a user merged or split moves, two plausible full names join nothing,
    an honorific of the other gender or another suffix ("Trump Jr.") rules a full name out. Running
    it again joins nothing more.

    Prints each join with the quotes it moved (--dry-run: would move).
    """
    from quotes.db.identity import join_bare_surnames

    with current_app().session(write=True) as s:
        joins = join_bare_surnames(s, dry_run=dry_run)
    counts = f"{plural(len(joins), 'bare surname')} ({plural(sum(j.quotes_moved for j in joins), 'quote')})"
    click.echo(f"Would join {counts}; nothing changed." if dry_run else f"Joined {counts}.", err=True)
    render(joins, fmt, table_columns=JOIN_TABLE)
