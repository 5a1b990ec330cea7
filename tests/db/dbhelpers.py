"""Builders for test articles and quote records, a one-value SQL helper, and one-quote ingests for identity tests."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from quotes.db import session_scope
from quotes.db.store import ingest_article
from quotes.records import Article, QuoteRecord


def article(text: str, *, source: str = "a.txt", title: str = "A title", outlet: str = "Wire",
            published_at: date | None = date(2024, 3, 1), url: str | None = None) -> Article:
    return Article(text=text, source=source, title=title, outlet=outlet, published_at=published_at, url=url)


def quote(text: str, speaker: str | None, *, kind: str = "direct", speaker_kind: str = "person",
          role: str | None = None, source: str = "a.txt", start: int = 0, cue: str = "said",
          mention: str | None = None) -> QuoteRecord:
    return QuoteRecord(source=source, text=text, start=start, end=start + len(text), kind=kind, cue=cue,
                       speaker=speaker, speaker_kind=speaker_kind, mention=mention or speaker, role=role,
                       confidence=0.9, rule="nsubj-of-cue")


def ingest(engine, doc: Article, records: list[QuoteRecord], *, version: str = "1", reprocess: bool = False):
    with session_scope(engine) as session:
        return ingest_article(session, article=doc, records=records, pipeline_version=version,
                              reprocess=reprocess)


def one(engine, statement: str, **params):
    with engine.connect() as connection:
        return connection.execute(text(statement), params).scalar_one()


counter = iter(range(10_000))


def said(engine, name, *, role=None, kind="person", words=None, mention=None):
    """Ingest a one-quote article by `name`; returns the speaker id it was stored under."""
    n = next(counter)
    ingest(engine, article(f"Article body {n}."), [quote(words or f"Words of statement {n}", name, role=role,
                                                         speaker_kind=kind, mention=mention)])
    return one(engine, "SELECT speaker_id FROM quote ORDER BY id DESC LIMIT 1")


def quotes_of(engine, speaker_id):
    return one(engine, "SELECT count(*) FROM quote WHERE speaker_id = :id", id=speaker_id)


def merged_into(engine, speaker_id):
    return one(engine, "SELECT merged_into_id FROM speaker WHERE id = :id", id=speaker_id)
