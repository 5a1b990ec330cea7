"""What every command shares, made once per run: the App on the root group's context.

Options that name a resource (--db, --stanza-dir) only record it here (see cli/options.py); commands ask
`current_app()` for an engine, a session or the extractor factory, so opening a database and reporting
why it cannot be opened happen in one place.
"""

from __future__ import annotations

from functools import partial
from typing import Optional

import click


class App:
    """Resources of one `quotes` invocation. `extractor_factory` replaces the Stanza extractor (tests)."""

    def __init__(self, *, extractor_factory=None):
        self.db_url: Optional[str] = None
        self.stanza_dir: Optional[str] = None
        self.raw_cells = False  # --raw: CSV/TSV cells as stored, formulas included
        self.lock_timeout: Optional[float] = None  # --lock-timeout; None: quotes.db's default
        self._extractor_factory = extractor_factory
        self._engines: dict = {}

    def engine(self, *, write: bool = False, migrate: bool = True):
        """The engine for --db (else $QUOTES_DB, else ./quotes.db), made once. Read-only unless `write`:
        a command that only reads never creates, migrates or changes a database. Raises quotes.db's typed
        errors (DatabaseURLError, DatabaseUnavailable, NoDatabase, SchemaOutOfDate …), which
        errors_to_click shows as one line."""
        key = (self.db_url, write, migrate)
        if key not in self._engines:
            from quotes.db.engine import make_engine

            if write:
                refuse_in_memory(self.db_url)

            self._engines[key] = make_engine(self.db_url, migrate=migrate, read_only=not write, **self.lock_options())
        return self._engines[key]

    def lock_options(self) -> dict:
        """--lock-timeout as keyword arguments of quotes.db's openers; none given: their default."""
        return {} if self.lock_timeout is None else {"lock_timeout": self.lock_timeout}

    def session(self, *, write: bool = False):
        """A short session over `engine(write=…)` that commits on success (quotes.db.session_scope)."""
        from quotes.db.engine import session_scope

        return session_scope(self.engine(write=write))

    def extractor_factory(self):
        """What builds the extractor in each process: the Stanza pipeline from --stanza-dir, unless replaced."""
        if self._extractor_factory is not None:
            return self._extractor_factory
        from quotes.ingest.batch import stanza_extractor

        return partial(stanza_extractor, self.stanza_dir)

    def close(self) -> None:
        for engine in self._engines.values():
            engine.dispose()
        self._engines.clear()


def refuse_in_memory(url: Optional[str]) -> None:
    """A command that stores refuses `--db sqlite://` (or sqlite:///:memory:): the database would vanish when
    the command ends, after it reported the articles as stored."""
    from quotes.db.url import given_url, resolve_url

    parsed = resolve_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:"):
        raise click.ClickException(f"--db {given_url(url)} is a database in memory: what this command stores would "
                                   "be gone when it ends; pass a file path (e.g. --db quotes.db)")


def current_app() -> App:
    """The App of the running command (made on the spot when a command runs without the root group)."""
    ctx = click.get_current_context()
    app = ctx.find_object(App)
    if app is None:
        app = install_app(ctx.find_root())
    return app


def install_app(ctx: click.Context) -> App:
    """Put an App on `ctx` (keeping one passed in as obj) and dispose its engines when the run ends."""
    app = ctx.obj if isinstance(ctx.obj, App) else App()
    ctx.obj = app
    ctx.call_on_close(app.close)
    return app
