"""A driver's error that concerns the whole database (it cannot be opened, written or read back) as the
user's one line with the fix, naming the database as given (quotes.db.url) and never its password."""

from __future__ import annotations

import os
from typing import Optional

from .errors import DatabaseUnavailable, driver_reason, is_lock_wait
from .url import DB_ENV, given_url, resolve_url, shown


def unavailable(error: BaseException, url: Optional[str]) -> DatabaseUnavailable:
    """A driver error that concerns the whole database (it cannot be opened, written, or read back), as
    one line with the fix: never the SQL, its parameters or a password."""
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
    try:
        parsed = url if hasattr(url, "get_backend_name") else resolve_url(url)  # a URL object, or text
        if parsed.get_backend_name() != "sqlite" or not parsed.database:
            return 1 << 62
        stats = os.statvfs(os.path.dirname(os.path.abspath(parsed.database)))
        return stats.f_bavail * stats.f_frsize
    except Exception:  # no such folder, a URL we cannot parse: not a full disk that we know of
        return 1 << 62
