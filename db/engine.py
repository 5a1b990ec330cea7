"""The one place engines and sessions are made: SQLite pragmas and file checks (quotes.db.sqlitefile, shared with
the SQLAlchemy-free `quotes stats`), schema-at-head check, typed open errors.

Which URL a command means is quotes.db.url's concern.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator, Optional

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.engine.url import URL
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.pool import QueuePool, StaticPool

from .errors import DatabaseError, DatabaseURLError, is_lock_wait
from .failures import unavailable
from .locks import LOCK_TIMEOUT_OPTION, LOCK_TIMEOUT_S, WRITE_OPTION, begin_write
from .migrate import VERSION_TABLE, check_schema, ensure_schema
from .sqlitefile import IN_MEMORY, check_file_path, configure, existing_file, read_only_connection
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
    in_memory = url.database in IN_MEMORY
    connect_args = {"timeout": lock_timeout, "check_same_thread": False}
    if not in_memory:
        check_file_path(url.database)
    if read_only:
        path = existing_file(url.database)
        # The file's own URL and an explicit QueuePool, safe across threads (the web view's server): with a
        # bare "sqlite://" SQLAlchemy picked the SingletonThreadPool of in-memory databases, which closes a
        # connection another thread is still using once more than 5 threads read at once (SIGSEGV in the
        # sqlite3 module).
        engine = create_engine(url, creator=lambda: read_only_connection(path, **connect_args),
                               poolclass=QueuePool)
    else:
        options = {"connect_args": connect_args}
        if in_memory:
            options["poolclass"] = StaticPool  # one shared connection, or every session sees an empty database
        engine = create_engine(url, **options)
    _install_sqlite_hooks(engine, busy_timeout_ms=int(lock_timeout * 1000))
    read_tolerantly(engine)
    return engine


def _install_sqlite_hooks(engine: Engine, *, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        # Transaction control taken from the sqlite3 module (configure), so BEGIN is ours (see on_begin).
        configure(dbapi_connection, busy_timeout_ms=busy_timeout_ms)

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
