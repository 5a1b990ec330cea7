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
from .schema import HEAD_REVISION, VERSION_TABLE, check_head, check_stamp, is_ours, refuse_foreign_tables, \
    refuse_unknown_revision
from .url import shown

__all__ = ["HEAD_REVISION", "VERSION_TABLE", "alembic_config", "head_revision", "current_revision", "ensure_schema",
           "check_schema", "upgrade", "check_head", "is_ours", "refuse_unknown_revision", "refuse_foreign"]

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# Any constant works; it only has to be the same for every quote-tracker process on one server.
PG_LOCK_ID = 7_130_431

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
        check_stamp(current_revision(connection), lambda: inspect(connection).get_table_names(), where=where,
                    foreign_where=shown(engine.url))


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


def refuse_foreign(connection: Connection, engine: Engine) -> None:
    """A database without our schema version must be empty before we put our tables in it."""
    refuse_foreign_tables(inspect(connection).get_table_names(), where=shown(engine.url))


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
