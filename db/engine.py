"""The one place engines and sessions are made: SQLite pragmas, schema-at-head check, typed open errors.

Which URL a command means is quotes.db.url's concern.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Optional

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.engine.url import URL
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.pool import QueuePool, StaticPool

from .errors import DatabaseError, DatabaseUnavailable, DatabaseURLError, NoDatabase, is_lock_wait
from .failures import unavailable
from .locks import LOCK_TIMEOUT_OPTION, LOCK_TIMEOUT_S, WRITE_OPTION, begin_write
from .migrate import VERSION_TABLE, check_schema, ensure_schema
from .tolerant import read_tolerantly
from .url import given_url, resolve_url, shown

if TYPE_CHECKING:
    from sqlmodel import Session


def make_engine(url: Optional[str] = None, *, migrate: bool = True, read_only: bool = False,
                lock_timeout: float = LOCK_TIMEOUT_S) -> Engine:
    """An engine for `url` (see quotes.db.url) whose schema is at head: new databases are created, older
    ones raise SchemaOutOfDate. `migrate=False` skips the check (`quotes db upgrade` and `db current`).

    `read_only=True` (every command that only reads, and the web view) never creates, migrates or changes
    anything: the database must exist (NoDatabase otherwise) and be quote-tracker's at head (SQLite opened
    with mode=ro and query_only, PostgreSQL sessions read-only). A database with tables but no quote-tracker
    schema version is refused either way.

    Raises DatabaseURLError for a URL we cannot use and DatabaseUnavailable when the database cannot be
    opened (no such folder, no permission, server down, not a database), each with the fix in its message.

    Example:
        engine = quotes.make_engine("quotes.db")                           # a SQLite file
        engine = quotes.make_engine("postgresql://reader@db.example/quotes")
    """
    parsed = resolve_url(url)
    try:
        if parsed.get_backend_name() == "sqlite":
            engine = _sqlite_engine(parsed, read_only=read_only, lock_timeout=lock_timeout)
        else:
            options = [f"-c lock_timeout={int(lock_timeout * 1000)}"]
            if read_only:
                options.append("-c default_transaction_read_only=on")
            engine = create_engine(parsed, pool_pre_ping=True, connect_args={"options": " ".join(options)})
    except (ArgumentError, ImportError) as error:  # an unknown driver, or one not installed
        raise DatabaseURLError(f"{shown(parsed)}: {error}; pass a SQLite file path or a postgresql:// URL "
                               "with --db or QUOTES_DB") from None
    engine = engine.execution_options(**{LOCK_TIMEOUT_OPTION: lock_timeout})
    try:
        if migrate and read_only:
            check_schema(engine, where=shown(given_url(url)))
        elif migrate:
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


def check_writable(engine: Engine, url: Optional[str] = None) -> None:
    """Fail now, before any article is read or parsed, when the database cannot be written (read-only
    file, folder or mount, no write permission, a read-only PostgreSQL role). Changes nothing: the probe
    rewrites the schema version in a transaction that is rolled back."""
    try:
        with engine.connect() as connection:
            with connection.begin() as transaction:
                connection.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = version_num"))
                transaction.rollback()
    except DBAPIError as error:
        if not is_lock_wait(error):  # another writer holds the lock now: each article waits its turn
            raise unavailable(error, url) from None


def _sqlite_engine(url: URL, *, read_only: bool, lock_timeout: float) -> Engine:
    in_memory = url.database in (None, "", ":memory:")
    connect_args = {"timeout": lock_timeout, "check_same_thread": False}
    if not in_memory:
        _check_file_path(url.database)
    if read_only:
        path = Path(url.database or "")
        if in_memory or not path.is_file():
            raise NoDatabase(f"no database at {url.database or ':memory:'}: store articles first with "
                             f"`quotes ingest FILE --db {url.database or 'FILE'}`, or check --db or QUOTES_DB")
        # The file's own URL and an explicit QueuePool, safe across threads (the web view's server): with a
        # bare "sqlite://" SQLAlchemy picked the SingletonThreadPool of in-memory databases, which closes a
        # connection another thread is still using once more than 5 threads read at once (SIGSEGV in the
        # sqlite3 module).
        engine = create_engine(url, creator=lambda: _read_only_connection(path, **connect_args),
                               poolclass=QueuePool)
    else:
        options = {"connect_args": connect_args}
        if in_memory:
            options["poolclass"] = StaticPool  # one shared connection, or every session sees an empty database
        engine = create_engine(url, **options)
    _install_sqlite_hooks(engine, busy_timeout_ms=int(lock_timeout * 1000))
    read_tolerantly(engine)
    return engine


def _check_file_path(database: str) -> None:
    """A folder, or a file in a folder that does not exist, can never hold the database, for reading or
    writing: say so, rather than "no database … store articles first" (which would fail the same way)."""
    path = Path(database)
    if path.is_dir():
        raise DatabaseURLError(f"{database} is a folder, not a database file: pass a file path, e.g. "
                               f"--db {path / 'quotes.db'} (or set QUOTES_DB to one)")
    parent = path.parent
    if not parent.is_dir():
        raise DatabaseUnavailable(f"no folder {parent} for the database {database}: pass a file path in a folder "
                                  f"that exists with --db or QUOTES_DB, or create the folder first (mkdir -p {parent})")


def _read_only_connection(path: Path, **connect_args) -> sqlite3.Connection:
    connection = connect_read_only(path, **connect_args)
    connection.execute("PRAGMA query_only=ON")  # mode=ro refuses writes already; this says so for an immutable file too
    return connection


def connect_read_only(path: Path, **connect_args) -> sqlite3.Connection:
    """A sqlite3 connection that can only read `path` (mode=ro).

    A database in WAL mode needs its -shm file to be read, and creates it when absent: in a folder the
    user cannot write (a read-only mount, a shared folder of another user's) that fails with "attempt to
    write a readonly database". There, with no write-ahead log left beside the file, no writer can be
    at work either (it could not create one), so the file is opened as immutable: read as it is, no
    -shm needed."""
    base = path.resolve().as_uri().replace("file://", "file:", 1)
    connection = sqlite3.connect(base + "?mode=ro", uri=True, **connect_args)
    try:
        connection.execute("PRAGMA schema_version").fetchone()  # opens the file (and its -shm) now
        return connection
    except sqlite3.OperationalError as error:
        if "readonly" not in str(error) or not _unwritable_folder_without_log(path):
            return connection  # the caller's first statement meets the same error, reported as usual
    connection.close()
    return sqlite3.connect(base + "?mode=ro&immutable=1", uri=True, **connect_args)


def _unwritable_folder_without_log(path: Path) -> bool:
    wal = Path(f"{path}-wal")
    no_log = not wal.exists() or wal.stat().st_size == 0
    return no_log and not os.access(path.resolve().parent, os.W_OK)


def _install_sqlite_hooks(engine: Engine, *, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        # Take transaction control from the sqlite3 module so BEGIN is ours (see on_begin).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
        cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; per connection, not stored in the file
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection):
        # A writer that starts with a plain BEGIN and reads first cannot wait for the lock later
        # (SQLITE_BUSY_SNAPSHOT); BEGIN IMMEDIATE queues behind other writers under the busy timeout.
        if connection.get_execution_options().get(WRITE_OPTION):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")


@contextmanager
def session_scope(engine: Engine, *, write: bool = False) -> Iterator["Session"]:
    """A short session that commits on success and rolls back on error. `write=True` takes the SQLite
    write lock at once; store functions that write do this themselves.

    Example:
        with quotes.session_scope(engine) as session:
            speakers = quotes.find_speakers(session, "Lindqvist")
    """
    from sqlmodel import Session  # here: opening a database (`quotes stats`) loads no ORM and no pydantic

    with Session(engine, expire_on_commit=False) as session:
        if write:
            begin_write(session)
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
