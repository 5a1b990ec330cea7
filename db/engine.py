"""The one place engines and sessions are made: SQLite pragmas, schema-at-head check, typed open errors.

Which URL a command means is quotes.db.url's concern.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator, Optional

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.engine.url import URL
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, create_engine

from quotes.db.errors import DatabaseError, DatabaseURLError, unavailable
from quotes.db.url import resolve_url, shown

BUSY_TIMEOUT_MS = 30_000
# Execution option that makes the next SQLite transaction start with BEGIN IMMEDIATE (take the write lock).
WRITE_OPTION = "quotes_sqlite_write"


def make_engine(url: Optional[str] = None, *, migrate: bool = True) -> Engine:
    """An engine for `url` (see quotes.db.url) whose schema is at head: new databases are created, older
    ones raise SchemaOutOfDate. `migrate=False` skips the check (used by `quotes db upgrade` itself).

    Raises DatabaseURLError for a URL we cannot use and DatabaseUnavailable when the database cannot be
    opened (no such folder, no permission, server down, not a database), each with the fix in its message.

    Example:
        engine = quotes.make_engine("quotes.db")                           # a SQLite file
        engine = quotes.make_engine("postgresql://reader@db.example/quotes")
    """
    parsed = resolve_url(url)
    try:
        if parsed.get_backend_name() == "sqlite":
            engine = _sqlite_engine(parsed)
        else:
            engine = create_engine(parsed, pool_pre_ping=True)
    except (ArgumentError, ImportError) as error:  # an unknown driver, or one not installed
        raise DatabaseURLError(f"{shown(parsed)}: {error}; pass a SQLite file path or a postgresql:// URL "
                               "with --db or QUOTES_DB") from None
    try:
        if migrate:
            from quotes.db.migrate import ensure_schema

            ensure_schema(engine)
        else:
            with engine.connect():
                pass
    except DBAPIError as error:
        engine.dispose()
        raise unavailable(error, url) from None
    except DatabaseError:
        engine.dispose()
        raise
    return engine


def _sqlite_engine(url: URL) -> Engine:
    in_memory = url.database in (None, "", ":memory:")
    options = {"connect_args": {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}}
    if in_memory:
        options["poolclass"] = StaticPool  # one shared connection, or every session sees an empty database
    engine = create_engine(url, **options)
    _install_sqlite_hooks(engine, wal=not in_memory)
    return engine


def _install_sqlite_hooks(engine: Engine, *, wal: bool) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        # Take transaction control from the sqlite3 module so BEGIN is ours (see on_begin).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if wal:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection):
        # A writer that starts with a plain BEGIN and reads first cannot wait for the lock later
        # (SQLITE_BUSY_SNAPSHOT); BEGIN IMMEDIATE queues behind other writers under the busy timeout.
        if connection.get_execution_options().get(WRITE_OPTION):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")


def is_sqlite(session_or_engine) -> bool:
    bind = session_or_engine.get_bind() if isinstance(session_or_engine, Session) else session_or_engine
    return bind.dialect.name == "sqlite"


def begin_write(session: Session) -> None:
    """Start `session`'s transaction as a writer. On SQLite any read-only transaction already open is
    dropped first, so the write lock is taken before the first read (see on_begin)."""
    if not is_sqlite(session):
        return
    if session.in_transaction():
        connection = session.connection()
        if connection.get_execution_options().get(WRITE_OPTION):
            return
        session.rollback()
    session.connection(execution_options={WRITE_OPTION: True})


@contextmanager
def session_scope(engine: Engine, *, write: bool = False) -> Iterator[Session]:
    """A short session that commits on success and rolls back on error. `write=True` takes the SQLite
    write lock at once; store functions that write do this themselves.

    Example:
        with quotes.session_scope(engine) as session:
            speakers = quotes.find_speakers(session, "Lindqvist")
    """
    with Session(engine, expire_on_commit=False) as session:
        if write:
            begin_write(session)
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
