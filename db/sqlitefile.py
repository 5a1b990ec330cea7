"""A SQLite file opened with the sqlite3 module alone: the checks before opening it, the read-only
connection, the per-connection settings, and whose schema the file holds. quotes.db.engine builds its
SQLite engines on these; `reading` answers look-ups (`quotes stats`) without importing SQLAlchemy, which
takes longer to load than the look-up takes to run. Both fail with the same typed errors."""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

from .errors import DatabaseUnavailable, DatabaseURLError, NoDatabase
from .locks import LOCK_TIMEOUT_S
from .schema import VERSION_TABLE, check_stamp

IN_MEMORY = (None, "", ":memory:")


def check_file_path(database: str) -> None:
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


def existing_file(database: Optional[str]) -> Path:
    """The file a command that only reads was pointed at; NoDatabase when there is none (it never creates one)."""
    if database in IN_MEMORY or not Path(database).is_file():
        raise NoDatabase(f"no database at {database or ':memory:'}: store articles first with "
                         f"`quotes ingest FILE --db {database or 'FILE'}`, or check --db or QUOTES_DB")
    return Path(database)


def read_only_connection(path: Path, **connect_args) -> sqlite3.Connection:
    """connect_read_only, with writes refused by SQLite itself too (query_only)."""
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


def configure(connection: sqlite3.Connection, *, busy_timeout_ms: int) -> None:
    """Settings every connection gets (they are per connection, not stored in the file)."""
    connection.isolation_level = None  # transactions are begun explicitly (see quotes.db.engine's on_begin)
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
    cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL
    cursor.close()


def stamped_revision(connection: sqlite3.Connection) -> Optional[str]:
    """The schema revision stamped in the file (None: no version table), as migrate.current_revision reads it
    (SQLAlchemy's has_table on SQLite asks PRAGMA table_info of main, then temp)."""
    if not any(connection.execute(f'PRAGMA {schema}.table_info("{VERSION_TABLE}")').fetchall()
               for schema in ("main", "temp")):
        return None
    row = connection.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
    return row[0] if row else None


def table_names(connection: sqlite3.Connection) -> list[str]:
    """The file's own tables by name, as SQLAlchemy's inspector lists them on SQLite."""
    query = "SELECT name FROM main.sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite~_%' ESCAPE '~' ORDER BY name"
    return [name for (name,) in connection.execute(query)]


@contextmanager
def reading(url: Optional[str] = None, *, lock_timeout: float = LOCK_TIMEOUT_S) -> Iterator[sqlite3.Connection]:
    """A read-only sqlite3 connection to the SQLite file `url` names (quotes.db.url.sqlite_file), in one read
    transaction: the same checks, connection and errors as make_engine(url, read_only=True) and its
    first statements, with no SQLAlchemy. A driver error, while opening or inside the block, is raised as
    quotes.db.failures.unavailable's one line, as the engine path reports it.

    Example:
        with reading("quotes.db") as connection:
            connection.execute("SELECT count(*) FROM quote").fetchone()
    """
    from .failures import unavailable
    from .url import given_url, shown, sqlite_file

    database = sqlite_file(url)
    if database is None:
        raise ValueError(f"{shown(given_url(url))} is not a SQLite file path: open it with make_engine")
    check_file_path(database)
    path = existing_file(database)
    connection = None
    try:
        connection = read_only_connection(path, timeout=lock_timeout, check_same_thread=False)
        configure(connection, busy_timeout_ms=int(lock_timeout * 1000))
        connection.execute("BEGIN")
        check_stamp(stamped_revision(connection), lambda: table_names(connection), where=database)
        yield connection
    except sqlite3.Error as error:
        raise unavailable(error, url) from None
    finally:
        if connection is not None:
            connection.close()  # a read transaction: closing ends it
