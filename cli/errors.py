"""Turn the library's typed errors into one-line click errors (exit 1), and send warnings to stderr."""

from __future__ import annotations

import functools
import logging

import click

from quotes.errors import QuotesError


def errors_to_click(command):
    """Run `command`, turning a QuotesError into click.ClickException: "Error: <message>" and exit 1."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except QuotesError as error:
            raise click.ClickException(str(error)) from error

    return wrapper


class _ClickHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"{record.levelname.lower()}: {record.getMessage()}", err=True)


def log_to_stderr(level: int = logging.WARNING) -> None:
    """Show the library's warnings (e.g. "read as cp1252") on stderr, once per process."""
    root = logging.getLogger("quotes")
    if not any(isinstance(handler, _ClickHandler) for handler in root.handlers):
        root.addHandler(_ClickHandler())
    root.setLevel(level)
