"""Ingest: one article and its extracted quotes, stored whole or not at all."""

from __future__ import annotations

import hashlib
import random
import re
import time
from datetime import date, datetime
from typing import Optional

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from .corrections import apply_corrections
from .locks import begin_write, lock_timeout_of
from .errors import IngestConflict, is_lock_wait
from .matching import match_speaker
from .merging import record_role
from .models import Quote, StoredArticle, utcnow
from .names import honorific_gender_of, name_parts
from .rows import IngestResult
from .statements import attach_statement, refresh_statements, seen_at, statement_key
from .upsert import insert_or_get
from quotes.records import outlet_key
from quotes.records import Article as ArticleRecord
from quotes.records import QuoteRecord

__all__ = ["IngestResult", "content_hash", "needs_extraction", "ingest_article"]

RETRIES = 6


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def needs_extraction(session: Session, *, text: str, pipeline_version: str, reprocess: bool) -> bool:
    """False when the article is stored already and would not be re-extracted (lets ingest skip the NLP)."""
    stored = session.execute(select(StoredArticle.pipeline_version)
                             .where(StoredArticle.content_hash == content_hash(text))).scalar_one_or_none()
    if stored is None:
        return True
    return reprocess and is_older(stored, pipeline_version)


def is_older(stored: str, current: str) -> bool:
    """Numeric parts compared ("1.10" is newer than "1.9"); an unequal version with equal numbers counts
    as older, so a relabelled pipeline still reprocesses."""
    if stored == current:
        return False
    numbers = [tuple(int(n) for n in re.findall(r"\d+", v)) for v in (stored, current)]
    return numbers[0] <= numbers[1]


def ingest_article(session: Session, *, article: ArticleRecord, records: list[QuoteRecord],
                   pipeline_version: str, reprocess: bool = False) -> IngestResult:
    """Store `article` with `records` in the session's transaction (the caller commits). On SQLite the
    transaction restarts as a writer first, so it must be the first write of its session_scope.

    Example:
        with quotes.session_scope(engine) as session:
            quotes.ingest_article(session, article=article, records=records,
                                  pipeline_version=quotes.PIPELINE_VERSION)     # .status == "ingested"

    Waiting for another writer's lock is bounded by the engine's lock timeout (make_engine(lock_timeout=…)):
    deadlocks and short waits are retried, up to RETRIES times within that time; then IngestConflict,
    with nothing of the article stored.
    """
    started, limit = time.monotonic(), lock_timeout_of(session)
    for attempt in range(1, RETRIES + 1):
        try:
            begin_write(session)  # on SQLite this is where a held write lock makes us wait
            return _ingest(session, article=article, records=records,
                           pipeline_version=pipeline_version, reprocess=reprocess)
        except OperationalError as error:
            if not is_lock_wait(error):  # lock waits and deadlocks are worth a retry; anything else is not
                raise
            session.rollback()
        waited = time.monotonic() - started
        if waited >= limit:
            break
        time.sleep(min(random.uniform(0.05, 0.2) * attempt, max(0.0, limit - waited)))
    raise IngestConflict(f"another process held the database's write lock for {time.monotonic() - started:.1f} s "
                         f"({attempt} attempt{'s' if attempt > 1 else ''}); run the same command again later (stored articles are "
                         "skipped) or raise --lock-timeout")


def _ingest(session: Session, *, article: ArticleRecord, records: list[QuoteRecord],
            pipeline_version: str, reprocess: bool) -> IngestResult:
    digest = content_hash(article.text)
    stored = session.execute(select(StoredArticle.id, StoredArticle.pipeline_version)
                             .where(StoredArticle.content_hash == digest)).one_or_none()
    if stored is not None:
        if not (reprocess and is_older(stored.pipeline_version, pipeline_version)):
            return IngestResult("duplicate", stored.id, _quote_count(session, stored.id))
        _replace_article(session, article_id=stored.id, article=article, pipeline_version=pipeline_version)
        _store_quotes(session, article_id=stored.id, article=article, records=records)
        apply_corrections(session, article_id=stored.id)  # a person's corrections outlive the machine's reading
        return IngestResult("reprocessed", stored.id, _quote_count(session, stored.id))
    values = _article_values(article, digest, pipeline_version)
    article_id, created = insert_or_get(session, StoredArticle, values=values, unique=["content_hash"])
    if not created:  # a parallel writer stored it between our check and our insert
        return IngestResult("duplicate", article_id, _quote_count(session, article_id))
    count = _store_quotes(session, article_id=article_id, article=article, records=records)
    return IngestResult("ingested", article_id, count)


def _article_values(article: ArticleRecord, digest: str, pipeline_version: str) -> dict:
    return dict(source=article.source, url=article.url, title=article.title, outlet=article.outlet,
                outlet_key=outlet_key(article.outlet), author=article.author, published_at=article.published_at, text=article.text, content_hash=digest,
                pipeline_version=pipeline_version, ingested_at=utcnow())


def _replace_article(session: Session, *, article_id: int, article: ArticleRecord, pipeline_version: str) -> None:
    old_statements = set(session.execute(select(Quote.statement_id).where(
        Quote.article_id == article_id, Quote.statement_id.is_not(None))).scalars())
    session.execute(delete(Quote).where(Quote.article_id == article_id))
    session.execute(update(StoredArticle).where(StoredArticle.id == article_id).values(
        source=article.source, url=article.url, title=article.title, outlet=article.outlet,
        outlet_key=outlet_key(article.outlet), author=article.author, published_at=article.published_at,
        pipeline_version=pipeline_version))
    refresh_statements(session, statement_ids=old_statements)


def _store_quotes(session: Session, *, article_id: int, article: ArticleRecord, records: list[QuoteRecord]) -> int:
    seen = _seen_at(session, article_id=article_id, published=article.published_at)
    speakers = _match_speakers(session, records=records, seen=seen.date())
    statements = _attach_statements(session, records=records, speakers=speakers, seen=seen)
    now = utcnow()
    rows = []
    for index, record in enumerate(records):
        speaker = speakers.get(_speaker_key(record))
        rows.append(_quote_values(record, article_id=article_id, now=now,
                                  speaker_id=speaker.id if speaker else None,
                                  alias_key=speaker.alias_key if speaker else None,
                                  statement_id=statements.get(index)))
    if rows:
        session.execute(insert(Quote.__table__), rows)
    return len(rows)


def _seen_at(session: Session, *, article_id: int, published: Optional[date]) -> datetime:
    """When the statements were first seen: the publication date, else when the article was ingested."""
    if published is not None:
        return seen_at(published, None)
    return session.execute(select(StoredArticle.ingested_at).where(StoredArticle.id == article_id)).scalar_one()


def _speaker_key(record: QuoteRecord) -> Optional[tuple]:
    if not record.speaker or not record.speaker.strip():
        return None
    gender = honorific_gender_of(record.speaker, record.mention) or ""
    return (record.speaker.strip(), record.speaker_kind or "unknown", record.role or "", gender)


def _match_speakers(session: Session, *, records: list[QuoteRecord], seen: date) -> dict:
    # Sorted, so parallel PostgreSQL writers take row locks in one order and do not deadlock; bare surnames
    # last, so they meet this article's full names already stored (a full name matched after a bare
    # surname of the same article would join that surname's speaker before its quotes are written).
    resolved = {}
    keys = {k for k in map(_speaker_key, records) if k is not None}
    for key in sorted(keys, key=lambda k: (name_parts(k[0]).is_bare, k)):
        name, kind, role, gender = key
        speaker = match_speaker(session, name=name, kind=kind, role=role or None, gender=gender or None)
        if speaker is not None:
            resolved[key] = speaker
            if role:
                record_role(session, speaker_id=speaker.id, role=role, seen=seen)
    return resolved


def _attach_statements(session: Session, *, records: list[QuoteRecord], speakers: dict, seen: datetime) -> dict:
    """record index -> Statement id, attached in (speaker, key) order for the same reason as above."""
    order = []
    for index, record in enumerate(records):
        speaker = speakers.get(_speaker_key(record))
        if speaker is not None and record.text.strip():
            order.append((speaker.id, statement_key(record.text), index))
    result = {}
    for speaker_id, _key, index in sorted(order):
        match = attach_statement(session, speaker_id=speaker_id, text=records[index].text, seen=seen)
        result[index] = match.statement_id
    return result


def _quote_values(record: QuoteRecord, *, article_id: int, now: datetime, speaker_id: Optional[int],
                  alias_key: Optional[str], statement_id: Optional[int]) -> dict:
    """The Quote row for `record`: its contract fields (normalised where a record may leave them loose)
    and where it is filed."""
    values = record.to_dict()
    values.update(spans=[list(span) for span in record.spans or []], speaker_kind=record.speaker_kind or "unknown",
                  confidence=float(record.confidence or 0.0), rule=record.rule or "")
    values.update(article_id=article_id, speaker_id=speaker_id, statement_id=statement_id, alias_key=alias_key,
                  updated_at=now)
    return values


def _quote_count(session: Session, article_id: int) -> int:
    return session.execute(select(func.count()).select_from(Quote).where(Quote.article_id == article_id)).scalar_one()
