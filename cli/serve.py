"""`quotes serve`: the web view over a database, served by uvicorn on this machine; read-only unless
--allow-edits."""

from __future__ import annotations

import click

from .context import current_app
from .errors import errors_to_click
from .options import db_option

MISSING_EXTRA = ("the web view needs its optional packages: pip install 'quote-tracker[web]' "
                 "(Starlette, Jinja2, uvicorn)")


@click.command(short_help="A local web view: search, speakers, timelines, articles.", epilog="""\b
Examples:
  quotes serve --db quotes.db
  quotes serve --db postgresql://reader@db.example/quotes --port 8080""")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 shows the view to your network).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on.")
@click.option("--allow-edits", is_flag=True, help="Let the article pages correct a statement's speaker, mark "
              "one as not a quote, and correct the article's metadata (as `quotes fix` does). Only with a "
              "loopback --host; forms carry a per-process token.")
@db_option
@errors_to_click
def serve(host, port, allow_edits):
    """Browse the stored statements in a web browser: a search box, a page per speaker with a timeline of
    their statements by date and outlet, and each article with its statements marked. The database is
    opened read-only unless --allow-edits; stop with Ctrl-C."""
    from quotes.db.url import given_url, shown

    if allow_edits and host not in ("127.0.0.1", "localhost", "::1"):
        raise click.UsageError(f"--allow-edits serves this machine only: leave --host at 127.0.0.1, not {host}")
    db = current_app().db_url
    try:
        import uvicorn

        from .web import create_app, open_readonly
        from .web.edits import Edits
    except ImportError as error:
        raise click.ClickException(f"{MISSING_EXTRA} (missing: {error.name})") from error
    from .web.security import trusted_hosts

    edits = Edits(engine=current_app().engine(write=True)) if allow_edits else None
    app = create_app(open_readonly(db), edits=edits, hosts=trusted_hosts(host))
    refuse_taken_address(host, port)
    mode = "with edits" if allow_edits else "read-only"
    click.echo(f"Serving {shown(given_url(db))} {mode} at http://{host}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def refuse_taken_address(host: str, port: int) -> None:
    """A port another server holds (a second `quotes serve`), or a host this machine cannot listen on, is
    one line before "Serving … at" is printed, not uvicorn's log line after it and exit code 3."""
    import errno
    import socket

    if port == 0:
        return
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _, address = infos[0]
        with socket.socket(family, kind, proto) as trial:
            trial.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
            trial.bind(address)
    except OSError as error:
        if getattr(error, "errno", None) == errno.EADDRINUSE:
            raise click.ClickException(f"port {port} on {host} is in use (another `quotes serve`?): pass --port "
                                       "with another number, or stop the other server") from None
        raise click.ClickException(f"cannot listen on {host} port {port}: {getattr(error, 'strerror', None) or error}; "
                                   "check --host") from None
