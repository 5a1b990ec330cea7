"""Which schema versions quote-tracker can read, and the one-line refusal of any other: the head revision,
whose stamp a file carries, and what to tell the user. SQLAlchemy-free, so quotes.db.migrate (engines) and
quotes.db.sqlite_read (`quotes stats` on a file, sqlite3 alone) decide and word it the same way."""

from __future__ import annotations

from typing import Callable, Iterable, Optional

from .errors import NotADatabase, SchemaOutOfDate

# The newest revision in migrations/versions (test_db_migrations checks it against Alembic's head).
HEAD_REVISION = "0008"
VERSION_TABLE = "alembic_version"


def check_stamp(revision: Optional[str], table_names: Callable[[], Iterable[str]], *, where: str,
                foreign_where: Optional[str] = None) -> None:
    """A database opened only to read must be quote-tracker's, at head: raise otherwise. `table_names` is
    asked only when there is no stamp; `foreign_where` names the database in that message (default `where`)."""
    if revision is None:
        refuse_foreign_tables(table_names(), where=foreign_where or where)
        raise NotADatabase(f"{where} holds no quote-tracker data (no schema version): store articles with "
                           "`quotes ingest`, or point --db at a database made by quote-tracker")
    check_head(revision, where=where)


def check_head(revision: str, *, where: str) -> None:
    """Raise unless `revision` is HEAD_REVISION, saying what to do about it."""
    if revision == HEAD_REVISION:
        return
    refuse_unknown_revision(revision, where=where)
    raise SchemaOutOfDate(
        f"database schema is at revision {revision}, this quote-tracker needs {HEAD_REVISION}: "
        "run `quotes db upgrade` (back up the file first)")


def is_ours(revision: str) -> bool:
    """quote-tracker's revisions are numbered 0001, 0002, …; any other id was stamped by another app."""
    return len(revision) == 4 and revision.isdigit()


def refuse_unknown_revision(revision: str, *, where: str) -> None:
    """A revision `quotes db upgrade` cannot start from: a newer quote-tracker's, or another application's
    Alembic. Telling the user to upgrade would only lead to Alembic's "Can't locate revision"."""
    if not is_ours(revision):
        raise NotADatabase(f"{where} is stamped with Alembic revision {revision!r}, which is not "
                           "quote-tracker's: another application's migrations made it; point --db at a "
                           "database made by quote-tracker, or at a new file")
    if revision > HEAD_REVISION:
        raise SchemaOutOfDate(f"{where}: schema revision {revision} was made by a newer quote-tracker (this "
                              f"one knows revisions up to {HEAD_REVISION}): upgrade quote-tracker "
                              "(pip install -U quote-tracker); `quotes db upgrade` cannot go back")


def refuse_foreign_tables(tables: Iterable[str], *, where: str) -> None:
    """A database without our schema version must be empty before we put our tables in it (or read it)."""
    tables = sorted(tables)
    if tables:
        ours = "quote-tracker tables" if "article" in tables else f"tables ({', '.join(tables[:4])})"
        raise NotADatabase(f"{where} has {ours} but no migration record: it is not a quote-tracker "
                           "database; point --db at a database made by quote-tracker, or at a new file")
