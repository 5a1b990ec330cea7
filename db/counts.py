"""How much is stored: row counts over the table names. `stats` counts through a SQLAlchemy Session or
Connection in Core (no model classes, no ORM); `file_stats` counts a SQLite file with the sqlite3 module
alone, so `quotes stats` answers before SQLAlchemy could even load. Both count COUNTED."""

from __future__ import annotations

from typing import Optional

from .locks import LOCK_TIMEOUT_S

COUNTED = {"articles": "article", "speakers": "speaker", "aliases": "alias", "roles": "role",
           "statements": "statement", "quotes": "quote"}
"""What `stats` counts, in its order: the name shown -> the table (named as quotes.db.models names them)."""
NOT_COUNTED_WHEN_SET = {"speaker": "merged_into_id"}
"""A row whose column here is set is counted elsewhere: a speaker merged into another."""


def stats(session_or_connection) -> dict[str, int]:
    """Rows of each kind; a speaker merged into another is not counted. Takes a Session or a Connection.

    Example:
        with engine.connect() as connection:
            quotes.db.counts.stats(connection)   # {"articles": 3, "speakers": 6, …}
    """
    from sqlalchemy import column, func, select, table

    counts = {}
    for name, table_name in COUNTED.items():
        query = select(func.count()).select_from(table(table_name))
        if table_name in NOT_COUNTED_WHEN_SET:
            query = query.where(column(NOT_COUNTED_WHEN_SET[table_name]).is_(None))
        counts[name] = session_or_connection.execute(query).scalar_one()
    return counts


def file_stats(url: Optional[str] = None, *, lock_timeout: float = LOCK_TIMEOUT_S) -> dict[str, int]:
    """`stats` of the SQLite file `url` names (quotes.db.url.sqlite_file), read without SQLAlchemy: the same
    checks and one-line errors as make_engine(url, read_only=True) (see quotes.db.sqlitefile.reading).

    Example:
        quotes.db.counts.file_stats("quotes.db")   # {"articles": 3, "speakers": 6, …}
    """
    from .sqlitefile import reading

    with reading(url, lock_timeout=lock_timeout) as connection:
        counts = {}
        for name, table_name in COUNTED.items():
            where = f" WHERE {NOT_COUNTED_WHEN_SET[table_name]} IS NULL" if table_name in NOT_COUNTED_WHEN_SET else ""
            counts[name] = connection.execute(f"SELECT count(*) FROM {table_name}{where}").fetchone()[0]
        return counts
