"""`quotes db upgrade` and `quotes db current`: the schema version of a database, and migrating it."""

from __future__ import annotations

import click

from .context import current_app
from .errors import errors_to_click
from .options import db_option


@click.group(short_help="Database schema: show its version, upgrade an older database.", epilog="Examples:\n\n\b\n  quotes db current --db quotes.db\n  quotes db upgrade --db postgresql://user@host/quotes")
def db():
    """Database schema: show its version, upgrade an older database."""


@db.command(epilog="Example: quotes db upgrade --db quotes.db")
@db_option
@errors_to_click
def upgrade():
    """Bring the database to the schema this version needs (creates it if new). Back up the file first."""
    from quotes.db.migrate import upgrade as run_upgrade

    before, after = run_upgrade(current_app().engine(write=True, migrate=False))
    if before == after:
        click.echo(f"already at {after} (head)")
    else:
        click.echo(f"upgraded {before or 'empty database'} -> {after}")


@db.command(epilog="Example: quotes db current --db quotes.db")
@db_option
@errors_to_click
def current():
    """Print the schema revision of the database and whether it is current."""
    from quotes.db.migrate import current_revision, head_revision, refuse_foreign, refuse_unknown_revision
    from quotes.db.url import shown

    engine = current_app().engine(migrate=False)
    with engine.connect() as connection:
        revision = current_revision(connection)
        if revision is None:
            refuse_foreign(connection, engine)
        else:
            refuse_unknown_revision(revision, where=shown(engine.url))  # another app's, or a newer quote-tracker's
    head = head_revision()
    if revision == head:
        click.echo(f"{revision} (head)")
    elif revision is None:
        click.echo(f"no quote-tracker schema yet (head is {head}: `quotes ingest` or `quotes db upgrade` creates it)")
    else:
        click.echo(f"{revision} (head is {head}: run `quotes db upgrade`)")
