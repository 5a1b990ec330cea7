"""Typed errors of the storage layer; each message says how to fix the problem."""

from __future__ import annotations

from typing import Optional

from quotes.errors import QuotesError


class DatabaseError(QuotesError):
    """Base of every error quotes.db raises on purpose."""


class DatabaseURLError(DatabaseError):
    """--db / $QUOTES_DB is not a URL we can use (malformed, or a backend we do not ship)."""


class DatabaseUnavailable(DatabaseError):
    """The database cannot be opened or reached: missing folder, no permission, server down, damaged file."""


class SchemaOutOfDate(DatabaseError):
    """The database was created by an older (or newer) quote-tracker and needs a migration."""


class NotADatabase(DatabaseError):
    """The URL points at a database that quote-tracker did not create."""


class ArticleNotFound(DatabaseError):
    """No stored article matches the id, URL or title fragment given."""


class AmbiguousArticle(DatabaseError):
    """A title fragment matches more than one stored article."""


class SpeakerNotFound(DatabaseError):
    """No stored speaker has the id or alias given."""


class IdentityError(DatabaseError):
    """A merge or split that cannot be done as asked (same speaker, unknown alias, ...)."""


class IngestConflict(DatabaseError):
    """An article could not be written after several retries because other writers held the database."""


def unavailable(error: BaseException, url: Optional[str]) -> DatabaseUnavailable:
    """A driver error met while opening or reading the database, as one line with the fix (no SQL, no
    parameters, no password)."""
    from quotes.db.url import DB_ENV, given_url, shown

    reason = str(getattr(error, "orig", None) or error).strip().splitlines()
    return DatabaseUnavailable(f"cannot open database {shown(given_url(url))}: "
                               f"{reason[0] if reason else type(error).__name__}; check --db or {DB_ENV}")
