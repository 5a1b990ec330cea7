"""Who waits for whom: the lock timeout, SQLite write transactions that take the lock before their first
read (BEGIN IMMEDIATE, see quotes.db.engine's hooks) and the switch to write-ahead logging. Below both
quotes.db.engine and quotes.db.migrate, which share these."""

from __future__ import annotations

import sqlite3
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # at run time this module loads no SQLAlchemy: `quotes … --help` shows LOCK_TIMEOUT_S
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

LOCK_TIMEOUT_S = 30.0
"""How long a writer waits for another's lock before its article fails (SQLite busy_timeout, PostgreSQL
lock_timeout); `make_engine(lock_timeout=…)` and `quotes ingest --lock-timeout` change it."""
# Execution option that makes the next SQLite transaction start with BEGIN IMMEDIATE (take the write lock).
WRITE_OPTION = "quotes_sqlite_write"
# Engine execution option carrying the lock timeout to the store functions that retry.
LOCK_TIMEOUT_OPTION = "quotes_lock_timeout"


def _bind(session_or_engine):
    return session_or_engine.get_bind() if hasattr(session_or_engine, "get_bind") else session_or_engine  # a Session


def lock_timeout_of(session_or_engine) -> float:
    """The lock timeout the engine was made with (seconds)."""
    bind = _bind(session_or_engine)
    return float(bind.get_execution_options().get(LOCK_TIMEOUT_OPTION, LOCK_TIMEOUT_S))


def is_sqlite(session_or_engine) -> bool:
    return _bind(session_or_engine).dialect.name == "sqlite"


def begin_write(session: "Session") -> None:
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


def use_wal(engine: "Engine", *, timeout: float = LOCK_TIMEOUT_S) -> None:
    """Switch a new SQLite file to write-ahead logging (readers never wait for the writer). Done once, when
    quote-tracker creates the schema: the mode is stored in the file, and a file that is not ours is
    never changed."""
    if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
        return
    # Writers that waited for the schema start storing the moment it exists, and the switch needs the file
    # to itself: SQLite may answer 'database is locked' at once, without its busy wait (it would deadlock
    # otherwise), so the switch is tried again between their transactions, up to the lock timeout.
    deadline = time.monotonic() + timeout
    while True:
        raw = engine.raw_connection()
        try:
            raw.cursor().execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() >= deadline:
                raise
        finally:
            raw.close()
        time.sleep(0.02)
