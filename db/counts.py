"""How much is stored: row counts in SQLAlchemy Core over the table names, so `quotes stats` (and any
caller that only counts) loads neither the model classes nor the ORM."""

from __future__ import annotations

from sqlalchemy import column, func, select, table

_SPEAKER = table("speaker", column("merged_into_id"))
COUNTED = {"articles": table("article"), "speakers": _SPEAKER, "aliases": table("alias"), "roles": table("role"),
           "statements": table("statement"), "quotes": table("quote")}
"""What `stats` counts, in its order: the name shown -> the table (named as quotes.db.models names them)."""


def stats(session_or_connection) -> dict[str, int]:
    """Rows of each kind; a speaker merged into another is not counted. Takes a Session or a Connection.

    Example:
        with engine.connect() as connection:
            quotes.db.counts.stats(connection)   # {"articles": 3, "speakers": 6, …}
    """
    counts = {}
    for name, counted in COUNTED.items():
        query = select(func.count()).select_from(counted)
        if counted is _SPEAKER:
            query = query.where(_SPEAKER.c.merged_into_id.is_(None))
        counts[name] = session_or_connection.execute(query).scalar_one()
    return counts
