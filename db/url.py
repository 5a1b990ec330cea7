"""Which database a command means: the one place that reads $QUOTES_DB and knows the default file.

Kept free of SQLAlchemy at import time, so `quotes … --help` can name the default without loading it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from sqlalchemy.engine.url import URL

DB_ENV = "QUOTES_DB"
DEFAULT_PATH = "quotes.db"
DEFAULT_URL = f"sqlite:///{DEFAULT_PATH}"
# Drivers we ship; a URL naming another backend gets a message instead of a ModuleNotFoundError.
SHIPPED_BACKENDS = ("sqlite", "postgresql")


def given_url(url: Optional[str] = None) -> str:
    """The URL as the user gave it: `url`, else $QUOTES_DB, else ./quotes.db."""
    return url or os.environ.get(DB_ENV) or DEFAULT_URL


def resolve_url(url: Optional[str] = None) -> "URL":
    """`url`, else $QUOTES_DB, else ./quotes.db, as a SQLAlchemy URL; a bare path means a SQLite file.

    Raises DatabaseURLError for text that is not a URL or names a backend we do not ship."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from quotes.db.errors import DatabaseURLError

    raw = given_url(url)
    if "://" not in raw:
        raw = f"sqlite:///{raw}"
    try:
        parsed = make_url(raw)
    except (ArgumentError, ValueError) as error:
        raise DatabaseURLError(f"{shown(raw)} is not a database URL ({error}): pass a SQLite file path or a "
                               f"URL such as postgresql://user@host/quotes with --db or {DB_ENV}") from None
    backend = parsed.get_backend_name()
    if backend in ("postgresql", "postgres"):
        # Plain postgresql:// would pick psycopg2, which we do not ship; psycopg 3 is the driver we test.
        parsed = parsed.set(drivername="postgresql+psycopg")
    elif backend not in SHIPPED_BACKENDS:
        raise DatabaseURLError(f"{shown(parsed)}: quote-tracker stores in SQLite or PostgreSQL, not "
                               f"{backend!r}; pass a file path or a postgresql:// URL with --db or {DB_ENV}")
    return parsed


def shown(url) -> str:
    """A URL as it may appear in a message: a SQLite file's path, else the URL with any password as ***."""
    if isinstance(url, str):
        if "://" not in url:
            return url
        from sqlalchemy.engine import make_url

        try:
            url = make_url(url)
        except Exception:  # not a URL: a file path is shown as given; anything else loses its credentials
            return url if "://" not in url or "@" not in url else url.split("://", 1)[0] + "://***"
    if url.get_backend_name() == "sqlite" and url.database:
        return url.database  # a file: its path, as people write it
    return url.render_as_string(hide_password=True)
