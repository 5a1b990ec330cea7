"""Corrections a person makes to what the machine stored: a quote's speaker, a quote that is no quote, an
article's metadata. Each is stored as such (who, when, the machine's answer beside the person's), applied at
once, and applied again whenever the article's quotes are stored anew (`ingest --reprocess`, a pipeline
upgrade), so a correction is never lost to the machine. The rows double as labelled data for scoring or
training the extractor (`corrections`).

A quote is known to a correction by where it stands in the article (its spans), not by its id: reprocessing
writes new quote rows, and the quote the correction meant is the new one covering the same words.
"""

from __future__ import annotations

import getpass
import os
from datetime import date, datetime
from typing import Iterator, Optional

from sqlalchemy import delete, select, update
from sqlmodel import Session

from .errors import ArticleNotFound, DatabaseError
from .matching import follow_merges, match_speaker
from .models import Correction, Quote, StoredArticle, StoredSpeaker, utcnow
from .rows import CorrectionRow
from .statements import attach_statement, refresh_statements, seen_at
from quotes.records import outlet_key

__all__ = ["ARTICLE_FIELDS", "QuoteNotFound", "CorrectionError", "correct_speaker", "reject_quote",
           "correct_article", "apply_corrections", "corrections", "corrector"]

# article fields a person may correct, as `fix-article` options name them
ARTICLE_FIELDS = ("title", "outlet", "published_at", "url", "author")
QUOTE_FIELDS = ("speaker", "not_a_quote")
# the share of a quote's characters a reprocessed quote must share with the corrected one to be the same quote
SAME_QUOTE_OVERLAP = 0.5


class QuoteNotFound(DatabaseError):
    """No stored quote has the id given."""


class CorrectionError(DatabaseError):
    """A correction that cannot be made as asked (no speaker given, a field that is not an article's)."""


def corrector() -> str:
    """Who corrects, when the caller does not say: $QUOTES_USER, else the login name."""
    try:
        return os.environ.get("QUOTES_USER") or getpass.getuser()
    except (KeyError, OSError):  # no login name (a container without a passwd entry)
        return "unknown"


def correct_speaker(session: Session, *, quote_id: int, speaker_id: Optional[int] = None,
                    name: Optional[str] = None, kind: str = "person", by: Optional[str] = None) -> CorrectionRow:
    """File quote `quote_id` under another speaker: `speaker_id`, or `name` (found as ingest finds a name,
    or made). The quote's statement moves with it; the machine's speaker is kept in the correction.

    Example:
        quotes.db.corrections.correct_speaker(session, quote_id=12, name="Ana Lima", by="desk")
    """
    quote = _quote(session, quote_id)
    if speaker_id is None:
        if not name or not name.strip():
            raise CorrectionError("give the speaker's id or name")
        speaker_id = match_speaker(session, name=name.strip(), kind=kind, role=None).id
    speaker = _live_speaker(session, speaker_id)
    row = _record(session, quote=quote, field="speaker", value=speaker.name, speaker_id=speaker.id,
                  original=_speaker_name(session, quote), original_speaker_id=quote.speaker_id, by=by)
    _move_quote(session, quote_id=quote.id, speaker_id=speaker.id)
    return row


def reject_quote(session: Session, *, quote_id: int, by: Optional[str] = None) -> CorrectionRow:
    """Quote `quote_id` is no quote (a headline, a title in quote marks): it is removed from the speaker's
    record and stays out after reprocessing; the correction keeps its text, offsets and machine speaker."""
    quote = _quote(session, quote_id)
    row = _record(session, quote=quote, field="not_a_quote", value=None, speaker_id=None,
                  original=_speaker_name(session, quote), original_speaker_id=quote.speaker_id, by=by)
    _remove_quote(session, quote_id=quote.id, statement_id=quote.statement_id)
    return row


def correct_article(session: Session, *, article_id: int, by: Optional[str] = None,
                    **values) -> list[CorrectionRow]:
    """Correct an article's metadata: keyword arguments among ARTICLE_FIELDS (published_at a date, the
    others text; "" clears a field). One correction per field that changes; its quotes count as updated, so
    `export --updated-since` picks them up."""
    unknown = set(values) - set(ARTICLE_FIELDS)
    if unknown:
        raise CorrectionError(f"not an article field: {', '.join(sorted(unknown))} (fields: {', '.join(ARTICLE_FIELDS)})")
    article = session.execute(select(StoredArticle).where(StoredArticle.id == article_id)).scalar_one_or_none()
    if article is None:
        raise ArticleNotFound(f"no article #{article_id}: `quotes articles` lists the ids")
    rows = []
    for field, value in values.items():
        value = value if value != "" else None
        if _as_text(getattr(article, field)) == _as_text(value):
            continue
        rows.append(_record(session, article_id=article_id, field=field, value=_as_text(value),
                            original=_as_text(getattr(article, field)), by=by))
        _set_article_field(session, article_id=article_id, field=field, value=value)
    if rows:
        session.execute(update(Quote).where(Quote.article_id == article_id).values(updated_at=utcnow()))
    return rows


def apply_corrections(session: Session, *, article_id: int) -> int:
    """Apply the article's corrections to what is stored now, the latest of each kind winning; called after
    its quotes are stored anew. Returns how many quote corrections found their quote."""
    found = session.execute(select(Correction).where(Correction.article_id == article_id)
                            .order_by(Correction.created_at, Correction.id)).scalars().all()
    latest_article: dict[str, Correction] = {}
    latest_quote: dict[tuple, Correction] = {}
    for correction in found:
        if correction.field in ARTICLE_FIELDS:
            latest_article[correction.field] = correction
        else:
            latest_quote[_location(correction)] = correction
    for field, correction in latest_article.items():
        value = date.fromisoformat(correction.value) if field == "published_at" and correction.value else correction.value
        _set_article_field(session, article_id=article_id, field=field, value=value)
    quotes = session.execute(select(Quote.id, Quote.start, Quote.end, Quote.spans, Quote.statement_id,
                                    Quote.speaker_id).where(Quote.article_id == article_id)).all()
    applied = 0
    for correction in latest_quote.values():
        quote = _same_quote(correction, quotes)
        if quote is None:
            continue
        applied += 1
        if correction.field == "not_a_quote":
            _remove_quote(session, quote_id=quote.id, statement_id=quote.statement_id)
            quotes = [q for q in quotes if q.id != quote.id]
        elif correction.speaker_id is not None and _exists(session, correction.speaker_id):
            _move_quote(session, quote_id=quote.id, speaker_id=_live_speaker(session, correction.speaker_id).id)
    return applied


def corrections(session: Session, *, since_id: Optional[int] = None) -> Iterator[CorrectionRow]:
    """Every correction in the order made, as labelled data: where the quote stands (article, offsets,
    text), what the machine said and what the person said.

    Example:
        for row in quotes.db.corrections.corrections(session):
            print(row.field, row.original, "->", row.value)
    """
    query = (select(Correction, StoredArticle.title, StoredArticle.url)
             .join(StoredArticle, StoredArticle.id == Correction.article_id).order_by(Correction.id))
    if since_id is not None:
        query = query.where(Correction.id > since_id)
    for correction, title, url in session.execute(query):
        yield _row(correction, title=title, url=url)


# --- helpers


def _quote(session: Session, quote_id: int):
    quote = session.execute(select(Quote).where(Quote.id == quote_id)).scalar_one_or_none()
    if quote is None:
        raise QuoteNotFound(f"no quote #{quote_id}: the ids are in the quote_id column of `quotes show ARTICLE` "
                            "or `quotes by SPEAKER`")
    return quote


def _live_speaker(session: Session, speaker_id: int):
    live_id = follow_merges(session, speaker_id)
    return session.execute(select(StoredSpeaker).where(StoredSpeaker.id == live_id)).scalar_one()


def _exists(session: Session, speaker_id: int) -> bool:
    return session.execute(select(StoredSpeaker.id).where(StoredSpeaker.id == speaker_id)).first() is not None


def _speaker_name(session: Session, quote) -> Optional[str]:
    if quote.speaker_id is None:
        return quote.speaker
    return session.execute(select(StoredSpeaker.name).where(StoredSpeaker.id == quote.speaker_id)).scalar_one()


def _record(session: Session, *, field: str, value: Optional[str], original: Optional[str], by: Optional[str],
            quote=None, article_id: Optional[int] = None, speaker_id: Optional[int] = None,
            original_speaker_id: Optional[int] = None) -> CorrectionRow:
    correction = Correction(article_id=quote.article_id if quote is not None else article_id, field=field,
                            value=value, original=original, speaker_id=speaker_id,
                            original_speaker_id=original_speaker_id, created_by=by or corrector(),
                            created_at=utcnow())
    if quote is not None:
        correction.quote_id, correction.start, correction.end = quote.id, quote.start, quote.end
        correction.spans, correction.text, correction.kind = list(quote.spans or []), quote.text, quote.kind
    session.add(correction)
    session.flush()
    article = session.execute(select(StoredArticle.title, StoredArticle.url)
                              .where(StoredArticle.id == correction.article_id)).one()
    return _row(correction, title=article.title, url=article.url)


def _row(correction: Correction, *, title: Optional[str], url: Optional[str]) -> CorrectionRow:
    return CorrectionRow(id=correction.id, field=correction.field, value=correction.value,
                         original=correction.original, speaker_id=correction.speaker_id,
                         original_speaker_id=correction.original_speaker_id, article_id=correction.article_id,
                         title=title, url=url, quote_id=correction.quote_id, start=correction.start,
                         end=correction.end, spans=correction.spans or [], text=correction.text,
                         kind=correction.kind, created_by=correction.created_by, created_at=correction.created_at)


def _move_quote(session: Session, *, quote_id: int, speaker_id: int) -> None:
    """File the quote under `speaker_id` with the statement it is there; marked as corrected. Its alias
    key goes: no split of the machine's name moves a quote a person filed."""
    quote = session.execute(select(Quote.text, Quote.statement_id, Quote.speaker_id, StoredArticle.published_at,
                                   StoredArticle.ingested_at)
                            .join(StoredArticle, StoredArticle.id == Quote.article_id)
                            .where(Quote.id == quote_id)).one()
    values = dict(speaker_id=speaker_id, alias_key=None, corrected="speaker", updated_at=utcnow())
    if quote.speaker_id == speaker_id and quote.statement_id is not None:
        session.execute(update(Quote).where(Quote.id == quote_id).values(**values))
        return
    # Detach first, so the old statement's count drops before the new one is found or made.
    session.execute(update(Quote).where(Quote.id == quote_id).values(statement_id=None, **values))
    if quote.statement_id is not None:
        refresh_statements(session, statement_ids=[quote.statement_id])
    if quote.text.strip():
        match = attach_statement(session, speaker_id=speaker_id, text=quote.text,
                                 seen=seen_at(quote.published_at, quote.ingested_at))
        session.execute(update(Quote).where(Quote.id == quote_id).values(statement_id=match.statement_id))


def _remove_quote(session: Session, *, quote_id: int, statement_id: Optional[int]) -> None:
    session.execute(delete(Quote).where(Quote.id == quote_id))
    if statement_id is not None:
        refresh_statements(session, statement_ids=[statement_id])


def _set_article_field(session: Session, *, article_id: int, field: str, value) -> None:
    values = {field: value}
    if field == "outlet":
        values["outlet_key"] = outlet_key(value)
    session.execute(update(StoredArticle).where(StoredArticle.id == article_id).values(**values))


def _as_text(value) -> Optional[str]:
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, (date, datetime)) else str(value)


def _pieces(start, end, spans) -> list[tuple[int, int]]:
    return [(int(s), int(e)) for s, e in (spans or [])] or [(int(start), int(end))]


def _location(correction: Correction) -> tuple:
    return tuple(_pieces(correction.start, correction.end, correction.spans))


def _same_quote(correction: Correction, quotes):
    """The stored quote covering the corrected words best, if it shares at least SAME_QUOTE_OVERLAP of
    their characters (a newer pipeline may have trimmed a comma or joined a piece)."""
    wanted = {i for s, e in _location(correction) for i in range(s, e)}
    best, best_overlap = None, 0.0
    for quote in quotes:
        chars = {i for s, e in _pieces(quote.start, quote.end, quote.spans) for i in range(s, e)}
        overlap = len(wanted & chars) / len(wanted | chars) if wanted and chars else 0.0
        if overlap > best_overlap:
            best, best_overlap = quote, overlap
    return best if best_overlap >= SAME_QUOTE_OVERLAP else None
