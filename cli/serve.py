"""`quotes serve`: the read-only web view over a database, served by uvicorn on this machine."""

from __future__ import annotations

import click

from quotes.cli.context import current_app
from quotes.cli.errors import errors_to_click
from quotes.cli.options import db_option

MISSING_EXTRA = ("the web view needs its optional packages: pip install 'quote-tracker[web]' "
                 "(Starlette, Jinja2, uvicorn)")


@click.command(short_help="A local web view: search, speakers, timelines, articles.", epilog="""\b
Examples:
  quotes serve --db quotes.db
  quotes serve --db postgresql://reader@db.example/quotes --port 8080""")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 shows the view to your network).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@db_option
@errors_to_click
def serve(host, port):
    """Browse the stored statements in a web browser: a search box, a page per speaker with a timeline of
    their statements by date and outlet, and each article with its statements marked. The database is
    opened read-only; stop with Ctrl-C."""
    from quotes.db.url import given_url, shown

    db = current_app().db_url
    try:
        import uvicorn

        from quotes.cli.web import create_app, open_readonly
    except ImportError as error:
        raise click.ClickException(f"{MISSING_EXTRA} (missing: {error.name})") from error
    from quotes.cli.web.security import trusted_hosts

    app = create_app(open_readonly(db), hosts=trusted_hosts(host))
    click.echo(f"Serving {shown(given_url(db))} read-only at http://{host}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
