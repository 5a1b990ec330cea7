"""Turn the library's typed errors into one-line click errors (exit 1), and send warnings to stderr."""

from __future__ import annotations

import errno
import functools
import logging
import os
import re
import sys

import click

from quotes.errors import QuotesError
from quotes.terminal import printable


def errors_to_click(command):
    """Run `command`, turning a QuotesError into click.ClickException: "Error: <message>" and exit 1.

    A database driver error that escapes the library (a file damaged after it was opened, a server that
    went away) becomes one line too, never a traceback full of SQL."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        refuse_undecodable()
        try:
            return command(*args, **kwargs)
        except QuotesError as error:
            raise click.ClickException(printable(without_passwords(str(error)), keep="\n")) from error
        except OSError as error:
            if error.errno not in OUTPUT_ERRNOS or (error.errno == errno.EIO and error.filename):
                raise  # an I/O error naming a file is a read's, not the output's
            raise output_failed(error) from error
        except Exception as error:
            if not is_driver_error(error):
                raise
            from .context import current_app
            from quotes.db.failures import unavailable

            message = without_passwords(str(unavailable(error, current_app().db_url)))
            raise click.ClickException(printable(message, keep="\n")) from error

    return wrapper


def without_passwords(message: str) -> str:
    """The message with any password of --db / $QUOTES_DB as *** (a driver may echo the connection string)."""
    from quotes.db.url import given_url, redacted

    try:
        from .context import current_app

        url = given_url(current_app().db_url)
    except RuntimeError:  # no click context
        url = given_url()
    return redacted(message, url)


OUTPUT_ERRNOS = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO)
"""A write that failed for want of room or a working device: reading never raises these (quotes.ingest.article turns
its errors into InputError), so they come from writing the output or a file the command writes."""


def output_failed(error: OSError) -> click.ClickException:
    """One line for output that could not be written (`quotes export > full/x.csv`, `stats > /dev/full`).
    stdout is pointed at /dev/null, so the interpreter's own flush at exit does not fail a second time."""
    try:
        sys.stdout.flush()
    except OSError:
        pass
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # stdout with no file descriptor (tests, pipes in-process)
        pass
    where = getattr(error, "filename", None) or "the output"
    return click.ClickException(f"cannot write {where}: {error.strerror or error}; free some disk space (or "
                                "write elsewhere) and run the command again: what was written is incomplete")


_SURROGATE = re.compile("[\udc80-\udcff]")
PATH_PARAMETERS = ("paths", "files")
"""Arguments that are file names, which may be any bytes; every other argument is text and must be UTF-8."""


def refuse_undecodable() -> None:
    """A text argument of the running command holding bytes that are not UTF-8 (`--outlet $'\\xff'`; Python
    keeps them as lone surrogates, which no database or terminal accepts) is refused in one line naming it."""
    try:
        ctx = click.get_current_context()
    except RuntimeError:
        return
    params = {param.name: param for param in ctx.command.params}
    for name, value in ctx.params.items():
        param = params.get(name)
        if param is None or name in PATH_PARAMETERS or isinstance(param.type, click.Path):
            continue
        for text in value if isinstance(value, (tuple, list)) else [value]:
            if isinstance(text, str) and _SURROGATE.search(text):
                shown = os.fsencode(text).decode("utf-8", "backslashreplace")
                label = param.opts[0] if param.opts and param.opts[0].startswith("-") else name.upper()
                raise click.ClickException(f"{label}: '{shown}' is not UTF-8 text (the shell passed raw bytes); "
                                           "type it again in a UTF-8 terminal")


def is_driver_error(error: BaseException) -> bool:
    """A SQLAlchemy DBAPIError (checked without importing SQLAlchemy into commands that never load it)."""
    exc = sys.modules.get("sqlalchemy.exc")
    return exc is not None and isinstance(error, exc.DBAPIError)


class _ClickHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"{record.levelname.lower()}: {printable(record.getMessage())}", err=True)


def log_to_stderr(level: int = logging.WARNING) -> None:
    """Show the library's warnings (e.g. "read as cp1252") on stderr, once per process."""
    root = logging.getLogger("quotes")
    if not any(isinstance(handler, _ClickHandler) for handler in root.handlers):
        root.addHandler(_ClickHandler())
    root.setLevel(level)
