"""Storage and cross-article tracking of extracted statements (SQLModel; SQLite by default).

`make_engine` and `session_scope` load on first use, so importing quotes.db.url or quotes.db.errors
(as the CLI does to build its options and messages) does not import SQLAlchemy.
"""

__all__ = ["make_engine", "session_scope"]


def __getattr__(name):
    if name in __all__:
        from . import engine

        return getattr(engine, name)
    raise AttributeError(f"module 'quotes.db' has no attribute {name!r}")
