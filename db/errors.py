"""Typed errors of the storage layer (each message says how to fix the problem) and what a driver's error
text tells; the lowest module of quotes.db: it imports no other. A driver error as the user's one line with
the fix is quotes.db.failures.unavailable."""

from __future__ import annotations

from quotes.errors import QuotesError


class DatabaseError(QuotesError):
    """Base of every error quotes.db raises on purpose."""


class DatabaseURLError(DatabaseError):
    """--db / $QUOTES_DB is not a URL we can use (malformed, or a backend we do not ship)."""


class DatabaseUnavailable(DatabaseError):
    """The database cannot be opened or reached: missing folder, no permission, server down, damaged file."""


class NoDatabase(DatabaseError):
    """A command that only reads was pointed at a database that does not exist (it never creates one)."""


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


def driver_reason(error: BaseException) -> str:
    """The driver's own first line ("database is locked"), without SQLAlchemy's SQL and parameters."""
    lines = str(getattr(error, "orig", None) or error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


LOCK_WAITS = ("database is locked", "deadlock detected", "could not serialize", "lock timeout")
"""Driver messages of a writer that waited too long for, or lost a race for, another writer's lock."""


def is_lock_wait(error: BaseException) -> bool:
    """A wait for another writer's lock ran out, or two writers deadlocked: worth a retry, not a fault."""
    lowered = driver_reason(error).lower()
    return any(sign in lowered for sign in LOCK_WAITS)


def concerns_the_database(error: BaseException) -> bool:
    """True for driver errors that no other article would escape (cannot write, disk full, damaged file,
    connection lost); False for a problem with one article's data (a constraint, a value the database
    refuses), which fails that article only."""
    exc = _sqlalchemy_exc()
    if exc is None or not isinstance(error, exc.DBAPIError):
        return False
    if isinstance(error, (exc.IntegrityError, exc.DataError)):
        return False
    if error.connection_invalidated:
        return True
    lowered = driver_reason(error).lower()
    return any(sign in lowered for sign in ("readonly", "read-only", "permission denied", "disk is full",
                                            "no space left", "not a database", "malformed", "disk i/o error",
                                            "unable to open", "server closed", "connection", "terminating"))


def _sqlalchemy_exc():
    import sys

    return sys.modules.get("sqlalchemy.exc")
