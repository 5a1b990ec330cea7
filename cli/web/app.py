"""The web view's pages (Starlette + Jinja2): home with a search box, search results, a speaker's
statements with their timeline, and an article with its statements marked. Read-only unless `serve
--allow-edits` (cli/web/edits.py)."""

from __future__ import annotations

from datetime import date
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

from quotes.ingest.metadata import body_start

from . import database, security
from .edits import Edits, edit_routes
from .highlight import segments
from .paging import Pages, requested_page
from .security import trusted_hosts
from .timeline import Dot, bin_name, timeline_svg

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
    templates = Jinja2Templates(env=environment)

    def page(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context, status_code=status_code)

    top_speakers = database.TopSpeakers()

    def home(request: Request):
        number = requested_page(request)
        with Session(engine) as session:
            found = database.overview(session, limit=page_size, offset=(number - 1) * page_size, kept=top_speakers)
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
        since, until = requested_dates(request)
        number = requested_page(request)
        with Session(engine) as session:
            live = database.live_speaker_id(session, requested)
            if live is not None and live != requested:  # merged: its quotes now live on the other page
                moved = request.url.replace(path=request.url_for("speaker", speaker_id=live).path)
                return RedirectResponse(str(moved), status_code=301)
            found = live is not None and database.speaker_page(session, live, since=since, until=until,
                                                               limit=page_size, offset=(number - 1) * page_size)
        if not found:
            raise HTTPException(404, f"No speaker #{requested}.")
        pages = Pages(number, page_size, found.statements.total).check(f"{found.speaker.name}'s statements", request)
        return page(request, "speaker.html", page=found, pages=pages,
                    timeline=Markup(speaker_timeline(request, found)), unit=found.timeline and found.timeline.unit)

    def speaker_svg(request: Request):
        since, until = requested_dates(request)
        with Session(engine) as session:
            found = database.speaker_page(session, request.path_params["speaker_id"], since=since, until=until,
                                          limit=0)
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


def requested_dates(request: Request) -> tuple[Optional[date], Optional[date]]:
    """The dates a speaker page is zoomed to (`?from=YYYY-MM-DD&to=YYYY-MM-DD`, either may be left out);
    400 for anything else."""
    found = []
    for name in ("from", "to"):
        given = request.query_params.get(name, "").strip()
        try:
            found.append(date.fromisoformat(given) if given else None)
        except ValueError:
            raise HTTPException(400, f"?{name}= takes a date written YYYY-MM-DD, not {given[:40]!r}.") from None
    since, until = found
    if since and until and since > until:
        raise HTTPException(400, f"?from={since.isoformat()} is after ?to={until.isoformat()}: swap them.")
    return since, until


def speaker_timeline(request: Request, found: database.SpeakerPage) -> str:
    """The SVG timeline of a speaker page. A dot of one quote links to it in its article; a dot of several
    zooms the page to the dates it covers."""
    if found.timeline is None:
        return ""
    unit, glimpses = found.timeline.unit, found.glimpses
    speaker_url = request.url_for("speaker", speaker_id=found.speaker.id)

    def label(dot: Dot) -> str:
        glimpse = glimpses.get(dot.quote_id)
        words = f"“{shorten(glimpse.start, 60)}”" if glimpse else ""
        if dot.quotes == 1:
            return f"{bin_name(dot, unit)} · {dot.row} · {words}"
        return f"{bin_name(dot, unit)} · {dot.row} · {dot.quotes:,} quotes, the first {words} (click to zoom in)"

    def href(dot: Dot) -> str:
        glimpse = glimpses.get(dot.quote_id)
        if dot.quotes == 1 and glimpse:
            return f"{request.url_for('article', article_id=glimpse.article_id).path}#q{dot.quote_id}"
        return str(speaker_url.include_query_params(**{"from": dot.first.isoformat(), "to": dot.last.isoformat()})
                   .replace(scheme="", netloc=""))

    return timeline_svg(found.timeline, label=label, href=href)


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
