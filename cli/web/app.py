"""The web view's pages (Starlette + Jinja2): home with a search box, search results, a speaker's
statements with their timeline, and an article with its statements marked. Read-only unless `serve
--allow-edits` (cli/web/edits.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from sqlalchemy.engine import Engine
from sqlmodel import Session
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates

from quotes.cli.web import database, security
from quotes.cli.web.edits import Edits, edit_routes
from quotes.cli.web.highlight import segments
from quotes.cli.web.paging import Pages, requested_page
from quotes.cli.web.security import trusted_hosts
from quotes.cli.web.timeline import Point, statement_colour, timeline_svg
from quotes.metadata import body_start

TEMPLATES = Path(__file__).parent / "templates"
PAGE_SIZE = 20
"""Articles, statements or search results to a page."""


def create_app(engine: Engine, *, edits: Optional[Edits] = None, hosts: Optional[Sequence[str]] = None,
               page_size: int = PAGE_SIZE) -> Starlette:
    """The ASGI app over `engine` (make it with database.open_readonly). It answers only requests for
    `hosts` (default: this machine's names, see security.trusted_hosts) and sends security headers. With
    `edits` (`serve --allow-edits`) the article page also takes corrections, written through `edits.engine`.
    Lists are cut into pages of `page_size`."""
    environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    environment.globals["edits"] = edits
    environment.filters["day"] = day
    environment.filters["number"] = lambda value: f"{value:,}"
    environment.filters["counted"] = counted
    environment.globals["statement_colour"] = statement_colour
    templates = Jinja2Templates(env=environment)

    def page(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context, status_code=status_code)

    def home(request: Request):
        number = requested_page(request)
        with Session(engine) as session:
            found = database.overview(session, limit=page_size, offset=(number - 1) * page_size)
        pages = Pages(number, page_size, found.counts["articles"]).check("the latest articles", request)
        return page(request, "home.html", overview=found, counts=found.counts, pages=pages)

    def search(request: Request):
        query = request.query_params.get("q", "").strip()
        number = requested_page(request)
        with Session(engine) as session:
            found = database.search(session, query, limit=page_size, offset=(number - 1) * page_size)
        pages = Pages(number, page_size, found.statements.total).check(f"statements matching {query!r}", request)
        return page(request, "search.html", query=query, found=found, pages=pages,
                    capped=found.statements.total and found.matched_quotes >= database.SEARCH_CAP)

    def speaker(request: Request):
        requested = request.path_params["speaker_id"]
        with Session(engine) as session:
            live = database.live_speaker_id(session, requested)
            if live is not None and live != requested:  # merged: its quotes now live on the other page
                return RedirectResponse(request.url_for("speaker", speaker_id=live), status_code=301)
            found = live is not None and database.speaker_page(session, live)
        if not found:
            raise HTTPException(404, f"No speaker #{requested}.")
        return page(request, "speaker.html", page=found, timeline=Markup(speaker_timeline(request, found)),
                    undated=sum(1 for q in found.quotes if q.published_at is None))

    def speaker_svg(request: Request):
        with Session(engine) as session:
            found = database.speaker_page(session, request.path_params["speaker_id"])
        if not found:
            raise HTTPException(404, "No such speaker.")
        return Response(speaker_timeline(request, found), media_type="image/svg+xml")

    def article(request: Request):
        with Session(engine) as session:
            found = database.article_page(session, request.path_params["article_id"])
        if found is None:
            raise HTTPException(404, f"No article #{request.path_params['article_id']}.")
        quotes = {q.id: q for q in found.quotes}
        shown = segments(found.text, found.quotes, start=body_start(found.text))  # front matter is metadata
        return page(request, "article.html", page=found, quotes=quotes, segments=shown)

    async def not_found(request: Request, exc: HTTPException):
        return page(request, "error.html", status_code=exc.status_code, status=exc.status_code, message=exc.detail,
                    link=getattr(exc, "link", None))

    routes = [Route("/", home, name="home"), Route("/search", search, name="search"),
              Route("/speakers/{speaker_id:int}", speaker, name="speaker"),
              Route("/speakers/{speaker_id:int}/timeline.svg", speaker_svg, name="speaker_svg"),
              Route("/articles/{article_id:int}", article, name="article")]
    if edits is not None:
        routes += edit_routes(edits)
    return Starlette(routes=routes, exception_handlers={HTTPException: not_found},
                     middleware=security.middleware(trusted_hosts() if hosts is None else hosts))


def day(value) -> Markup:
    """A date as a <time> element the page never breaks across lines; "undated" without one."""
    if not value:
        return Markup('<span class="undated">undated</span>')
    shown = value.isoformat()[:10]
    return Markup('<time datetime="{0}">{0}</time>').format(shown)


def counted(number: int, noun: str) -> str:
    """ "1 article", "2 articles", "12,000 quotes"."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def speaker_timeline(request: Request, found: database.SpeakerPage) -> str:
    """The SVG timeline of a speaker page: each dated quote, coloured by its statement."""
    points = []
    for index, statement in enumerate(found.statements):
        for carrier in statement.carriers:
            if carrier.published_at is None:
                continue
            label = f"{carrier.published_at.isoformat()} · {carrier.outlet or 'no outlet'} · {statement.text}"
            href = f"{request.url_for('article', article_id=carrier.article_id).path}#q{carrier.quote_id}"
            points.append(Point(when=carrier.published_at, outlet=carrier.outlet, statement=index,
                                label=label if len(label) <= 300 else label[:299] + "…", href=href))
    return timeline_svg(points)
