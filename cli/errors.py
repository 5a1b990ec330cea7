"""Turn the library's typed errors into one-line click errors (exit 1), and send warnings to stderr."""

from __future__ import annotations

import functools
import logging
import sys

import click

from quotes.errors import QuotesError


def errors_to_click(command):
    """Run `command`, turning a QuotesError into click.ClickException: "Error: <message>" and exit 1.

    A database driver error that escapes the library (a file damaged after it was opened, a server that
    went away) becomes one line too, never a traceback full of SQL."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except QuotesError as error:
            raise click.ClickException(str(error)) from error
        except Exception as error:
            if not is_driver_error(error):
                raise
            from quotes.cli.context import current_app
            from quotes.db.errors import unavailable

            raise click.ClickException(str(unavailable(error, current_app().db_url))) from error

    return wrapper


def is_driver_error(error: BaseException) -> bool:
    """A SQLAlchemy DBAPIError (checked without importing SQLAlchemy into commands that never load it)."""
    exc = sys.modules.get("sqlalchemy.exc")
    return exc is not None and isinstance(error, exc.DBAPIError)


class _ClickHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"{record.levelname.lower()}: {record.getMessage()}", err=True)


def log_to_stderr(level: int = logging.WARNING) -> None:
    """Show the library's warnings (e.g. "read as cp1252") on stderr, once per process."""
    root = logging.getLogger("quotes")
    if not any(isinstance(handler, _ClickHandler) for handler in root.handlers):
        root.addHandler(_ClickHandler())
    root.setLevel(level)
