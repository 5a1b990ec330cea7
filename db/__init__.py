"""Storage and cross-article tracking of extracted statements (SQLModel; SQLite by default)."""

from quotes.db.engine import make_engine, session_scope

__all__ = ["make_engine", "session_scope"]
