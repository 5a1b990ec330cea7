"""Alembic, configured from code: the migrations ship inside the package, so no alembic.ini lookup by cwd.

Alembic loads only when a database has to be created or migrated: checking that one is at head is one
SELECT against HEAD_REVISION, which keeps read-only commands quick to start.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

from .locks import WRITE_OPTION, use_wal
from .errors import NotADatabase, SchemaOutOfDate
from .url import shown

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# Any constant works; it only has to be the same for every quote-tracker process on one server.
PG_LOCK_ID = 7_130_431
# The newest revision in migrations/versions (test_db_migrations checks it against Alembic's head).
HEAD_REVISION = "0008"
VERSION_TABLE = "alembic_version"

if TYPE_CHECKING:
    from alembic.config import Config


def alembic_config(connection: Optional[Connection] = None) -> "Config":
    from alembic.config import Config

    config = Config(str(Path(__file__).parent / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The head revision as Alembic computes it from the migration scripts."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: Connection) -> Optional[str]:
    """The revision stamped in the database; None for a database without one (new, or not ours)."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def ensure_schema(engine: Engine) -> None:
    """Create a new (empty) database at head; raise if an existing one is not at head or is not ours."""
    with engine.connect() as connection:
        revision = current_revision(connection)
    if revision is None:
        # Only a new database needs the writer lock; an up-to-date one is checked without waiting on writers.
        with _locked(engine) as connection:
            revision = current_revision(connection)
            if revision is None:
                refuse_foreign(connection, engine)
                _upgrade(connection, "head")
        if revision is None:
            use_wal(engine)
            return
    check_head(revision, where=shown(engine.url))


def check_schema(engine: Engine, *, where: str) -> None:
    """For read-only engines: the database must be quote-tracker's, at head; nothing is created or changed."""
    with engine.connect() as connection:
        revision = current_revision(connection)
        if revision is None:
            refuse_foreign(connection, engine)
    if revision is None:
        raise NotADatabase(f"{where} holds no quote-tracker data (no schema version): store articles with "
                           "`quotes ingest`, or point --db at a database made by quote-tracker")
    check_head(revision, where=where)


def upgrade(engine: Engine, revision: str = "head") -> tuple[Optional[str], str]:
    """Bring the database to `revision`; returns (revision before, revision after). A database with
    tables but no quote-tracker schema version is refused, not converted."""
    with _locked(engine) as connection:
        before = current_revision(connection)
        if before is None:
            refuse_foreign(connection, engine)
        else:
            refuse_unknown_revision(before, where=shown(engine.url))
        _upgrade(connection, revision)
        after = current_revision(connection)
    if before is None:
        use_wal(engine)
    return before, after


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


def refuse_foreign(connection: Connection, engine: Engine) -> None:
    """A database without our schema version must be empty before we put our tables in it."""
    tables = sorted(inspect(connection).get_table_names())
    if tables:
        ours = "quote-tracker tables" if "article" in tables else f"tables ({', '.join(tables[:4])})"
        raise NotADatabase(f"{shown(engine.url)} has {ours} but no migration record: it is not a quote-tracker "
                           "database; point --db at a database made by quote-tracker, or at a new file")


def _upgrade(connection: Connection, revision: str) -> None:
    from alembic import command

    command.upgrade(alembic_config(connection), revision)


class _locked:
    """One transaction that holds the writer lock, so two processes opening a new database do not both
    try to create it (SQLite: BEGIN IMMEDIATE; PostgreSQL: a transaction-scoped advisory lock)."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def __enter__(self) -> Connection:
        self.connection = self.engine.connect()
        if self.engine.dialect.name == "sqlite":
            self.connection.execution_options(**{WRITE_OPTION: True})
        self.transaction = self.connection.begin()
        if self.engine.dialect.name == "postgresql":
            self.connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": PG_LOCK_ID})
        return self.connection

    def __exit__(self, exc_type, exc, tb):
        try:
            if exc_type is None:
                self.transaction.commit()
            else:
                self.transaction.rollback()
        finally:
            self.connection.close()
