"""Corrections from the web view, only behind `quotes serve --allow-edits` (off by default, this machine only):
the article page gets a form per statement (right speaker, not a quote) and one for the article's metadata,
each posting to quotes.db.corrections like `quotes fix` and `quotes fix-article` do.

A post is refused unless it carries the page's token (a random secret of this server process, which only a
page this server served can know: another site cannot read it), comes from this server's own origin, and
names a loopback host (a page of another site whose name was re-pointed at 127.0.0.1 cannot post either).
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field
from urllib.parse import parse_qs

from sqlalchemy.engine import Engine
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse
from starlette.routing import Route

LOOPBACK = frozenset({"127.0.0.1", "::1", "[::1]", "localhost"})
MAX_FORM_BYTES = 10_000


@dataclass
class Edits:
    """What the edit routes need: an engine that may write, and this process's form token."""

    engine: Engine
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))


def edit_routes(edits: Edits) -> list[Route]:
    async def fix_quote(request: Request):
        form = await checked_form(request, edits)
        from sqlmodel import Session

        from quotes.db import corrections

        quote_id = request.path_params["quote_id"]
        with Session(edits.engine) as session:
            article_id = _article_of(session, quote_id)
            if form.get("not_a_quote"):
                corrections.reject_quote(session, quote_id=quote_id, by=web_user())
            elif form.get("speaker", "").strip():
                speaker_id, name = chosen_speaker(session, form["speaker"].strip())
                if speaker_id is None or speaker_id != _speaker_of(session, quote_id):  # the same again: nothing
                    corrections.correct_speaker(session, quote_id=quote_id, speaker_id=speaker_id, name=name,
                                                by=web_user())
            else:
                raise HTTPException(400, "Give the right speaker's name, or mark it as not a quote.")
            session.commit()
        return RedirectResponse(request.url_for("article", article_id=article_id), status_code=303)

    async def fix_article(request: Request):
        form = await checked_form(request, edits)
        from sqlmodel import Session

        from quotes.db import corrections
        from quotes.db.errors import ArticleNotFound
        from quotes.ingest.metadata import parse_date

        values = {name: form[name].strip() for name in ("outlet", "url", "author", "title") if name in form}
        if form.get("published", "").strip():
            try:
                values["published_at"] = parse_date(form["published"].strip())
            except (ValueError, OverflowError, OSError):
                raise HTTPException(400, f"{form['published']!r} is not a date: write it as YYYY-MM-DD.")
        article_id = request.path_params["article_id"]
        with Session(edits.engine) as session:
            try:
                corrections.correct_article(session, article_id=article_id, by=web_user(), **values)
            except ArticleNotFound:
                raise HTTPException(404, f"No article #{article_id}.")
            session.commit()
        return RedirectResponse(request.url_for("article", article_id=article_id), status_code=303)

    return [Route("/quotes/{quote_id:int}/fix", fix_quote, methods=["POST"], name="fix_quote"),
            Route("/articles/{article_id:int}/fix", fix_article, methods=["POST"], name="fix_article")]


async def checked_form(request: Request, edits: Edits) -> dict[str, str]:
    """The posted form, once the post is known to come from a page of this server (else 403)."""
    if (request.url.hostname or "") not in LOOPBACK:
        raise HTTPException(403, "Edits are taken on this machine only (127.0.0.1 or localhost).")
    origin = request.headers.get("origin")
    own = f"{request.url.scheme}://{request.url.netloc}"
    if (origin is not None and origin != own) or request.headers.get("sec-fetch-site") == "cross-site":
        raise HTTPException(403, "An edit must come from this server's own pages.")
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        raise HTTPException(413, "The form is too large.")
    form = {key: values[-1] for key, values in parse_qs(body.decode("utf-8", "replace")).items()}
    if not hmac.compare_digest(form.get("token", ""), edits.token):
        raise HTTPException(403, "The page is out of date (its form token is not this server's): reload it.")
    return form


def web_user() -> str:
    from quotes.db.corrections import corrector

    return f"{corrector()} (web)"


def chosen_speaker(session, typed: str):
    """(id, None) for a speaker on record, (None, name) for a new name, as `quotes fix --speaker` decides
    (quotes.db.choose.correction_speaker); where the command line would ask which of several, the page says
    who they are (400), and an id no speaker has is refused (it was stored as a speaker named "#99")."""
    from quotes.db.choose import correction_speaker
    from quotes.db.errors import SpeakerNotFound
    from quotes.db.matching import follow_merges

    target = correction_speaker(session, typed)
    if target.new_name is not None:
        return None, target.new_name
    if target.speaker_id is not None:
        try:
            return follow_merges(session, target.speaker_id), None
        except SpeakerNotFound:
            raise HTTPException(400, f"No speaker #{target.speaker_id}: type a name, or an id from a speaker's page.")
    choice = target.choice
    if choice.chosen is not None:
        return choice.chosen.id, None
    listing = ", ".join(f"#{s.id} {s.name}" for s in choice.candidates)
    raise HTTPException(400, f"{typed!r} could be {listing}: type the full name or the id (e.g. "
                             f"#{choice.candidates[0].id}).")


def _speaker_of(session, quote_id: int):
    from sqlalchemy import select

    from quotes.db.models import Quote

    return session.execute(select(Quote.speaker_id).where(Quote.id == quote_id)).scalar_one_or_none()


def _article_of(session, quote_id: int) -> int:
    from sqlalchemy import select

    from quotes.db.models import Quote

    article_id = session.execute(select(Quote.article_id).where(Quote.id == quote_id)).scalar_one_or_none()
    if article_id is None:
        raise HTTPException(404, f"No quote #{quote_id}.")
    return article_id
