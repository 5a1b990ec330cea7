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


def unavailable(error: BaseException, url: Optional[str]) -> DatabaseUnavailable:
    """A driver error that concerns the whole database (it cannot be opened, written, or read back), as
    one line with the fix: never the SQL, its parameters or a password."""
    from quotes.db.url import DB_ENV, given_url, shown

    where = shown(given_url(url))
    reason = driver_reason(error)
    lowered = reason.lower()
    if "readonly" in lowered or "read-only" in lowered or "permission denied" in lowered:
        return DatabaseUnavailable(f"cannot write to {where}: {reason}; make the file and its folder writable "
                                   f"(or give the user write access), or pass another --db")
    if "disk is full" in lowered or "no space left" in lowered:
        return DatabaseUnavailable(f"cannot write to {where}: {reason}; free some disk space and run the "
                                   "command again (articles already stored are skipped)")
    if is_lock_wait(error):
        return DatabaseUnavailable(f"{where} is busy: another process held its write lock past the lock timeout "
                                   f"({reason}); run the command again when that process is done")
    if "pattern too complex" in lowered or "string or blob too big" in lowered:  # the query's text, not the file
        return DatabaseUnavailable(f"the text to look for is too long for {where} ({reason}; SQLite takes "
                                   "patterns up to 50,000 bytes): give a shorter part of it")
    if "not a database" in lowered:
        return DatabaseUnavailable(f"{where} is not a SQLite database (or it is encrypted or damaged): "
                                   f"check --db or {DB_ENV}")
    if "disk i/o error" in lowered:  # a full disk says this too (the -shm or -wal file cannot grow)
        if free_bytes_beside(url) < LOW_SPACE:
            return DatabaseUnavailable(f"cannot use {where}: its disk is full ({reason}); free some disk space "
                                       "and run the command again (articles already stored are skipped)")
        return DatabaseUnavailable(f"cannot read or write {where} ({reason}): check that its disk works and has "
                                   "room (`df`, `dmesg`) and run the command again; if it fails again, check the "
                                   "file with `sqlite3 FILE 'PRAGMA integrity_check'`")
    if "malformed" in lowered:
        return DatabaseUnavailable(f"{where} is damaged ({reason}): restore it from a backup, or try "
                                   "`sqlite3 FILE .recover` on a copy")
    return DatabaseUnavailable(f"cannot open database {where}: {reason}; check --db or {DB_ENV}")


LOW_SPACE = 1 << 20
"""Below this many free bytes a SQLite "disk I/O error" is taken for a full disk (its -shm alone needs 32 KiB)."""


def free_bytes_beside(url) -> int:
    """Free bytes on the file system of a SQLite file's folder; a large number when unknown (not SQLite)."""
    import os

    from quotes.db.url import resolve_url

    try:
        parsed = url if hasattr(url, "get_backend_name") else resolve_url(url)  # a URL object, or text
        if parsed.get_backend_name() != "sqlite" or not parsed.database:
            return 1 << 62
        stats = os.statvfs(os.path.dirname(os.path.abspath(parsed.database)))
        return stats.f_bavail * stats.f_frsize
    except Exception:  # no such folder, a URL we cannot parse: not a full disk that we know of
        return 1 << 62


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
