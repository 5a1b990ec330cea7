"""Which database a command means: the one place that reads $QUOTES_DB and knows the default file.

Kept free of SQLAlchemy at import time, so `quotes … --help` can name the default without loading it.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Optional

from .errors import DatabaseURLError

if TYPE_CHECKING:
    from sqlalchemy.engine.url import URL

DB_ENV = "QUOTES_DB"
DEFAULT_PATH = "quotes.db"
DEFAULT_URL = f"sqlite:///{DEFAULT_PATH}"
# Drivers we ship; a URL naming another backend gets a message instead of a ModuleNotFoundError.
SHIPPED_BACKENDS = ("sqlite", "postgresql")
SQLITE_FILE_PREFIX = "sqlite:///"


def given_url(url: Optional[str] = None) -> str:
    """The URL as the user gave it: `url`, else $QUOTES_DB, else ./quotes.db."""
    return url or os.environ.get(DB_ENV) or DEFAULT_URL


def url_text(url: Optional[str] = None) -> str:
    """The URL as text (see given_url); a bare path means a SQLite file: sqlite:///PATH."""
    raw = given_url(url)
    return raw if "://" in raw else f"{SQLITE_FILE_PREFIX}{raw}"


def sqlite_file(url: Optional[str] = None) -> Optional[str]:
    """The path of the SQLite file `url` names, read without SQLAlchemy: exactly resolve_url(url).database
    for a bare path or a plain sqlite:///PATH. None where only resolve_url can tell, or where the path
    would not be the text as given: another backend or driver, in memory, a ?query, a %-escape."""
    raw = url_text(url)
    if not raw.startswith(SQLITE_FILE_PREFIX):
        return None
    path = raw[len(SQLITE_FILE_PREFIX):]
    if not path or path == ":memory:" or "?" in path or "%" in path:
        return None
    return path


def resolve_url(url: Optional[str] = None) -> "URL":
    """`url`, else $QUOTES_DB, else ./quotes.db, as a SQLAlchemy URL; a bare path means a SQLite file.

    Raises DatabaseURLError for text that is not a URL or names a backend we do not ship."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    raw = url_text(url)
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


SECRET_PARAMETERS = ("password", "passwd", "pwd", "sslpassword")
"""Query parameters that carry a password (postgresql://bob@host/db?password=…): shown as *** too."""
_SECRET_IN_TEXT = re.compile(r"(?i)\b(" + "|".join(SECRET_PARAMETERS) + r")=([^&\s'\"]*)")


def shown(url) -> str:
    """A URL as it may appear in a message: a SQLite file's path, else the URL with any password (in the
    user part or a ?password= parameter) as ***."""
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
    hidden = {key: "***" for key in url.query if key.lower() in SECRET_PARAMETERS}
    return _SECRET_IN_TEXT.sub(r"\1=***", (url.update_query_dict(hidden) if hidden else url)
                               .render_as_string(hide_password=True))


def secrets_in(url) -> list[str]:
    """The passwords `url` (text or URL object) carries, to be taken out of any message that might echo them."""
    found = [match.group(2) for match in _SECRET_IN_TEXT.finditer(str(url if isinstance(url, str) else ""))]
    try:
        from sqlalchemy.engine import make_url

        parsed = make_url(url) if isinstance(url, str) else url
        found.append(parsed.password or "")
        for key, value in parsed.query.items():
            if key.lower() in SECRET_PARAMETERS:
                found.extend([value] if isinstance(value, str) else list(value))
    except Exception:  # not a URL: the text match above is all there is
        if isinstance(url, str) and "://" in url and "@" in url:
            userinfo = url.split("://", 1)[1].split("@", 1)[0]
            found.append(userinfo.split(":", 1)[1] if ":" in userinfo else "")
    return sorted({secret for secret in found if len(secret) >= 3}, key=len, reverse=True)


def redacted(text: str, url) -> str:
    """`text` with every password of `url` replaced by ***."""
    for secret in secrets_in(url):
        text = text.replace(secret, "***")
    return text
