"""What the web view reads: a read-only engine over the same database `quotes` writes, and the few
shapes its pages need, built from quotes.db.queries (statements grouped with the articles that carried
them, an article with its text and quotes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel, Session

from quotes.db import queries
from quotes.db.engine import make_engine
from quotes.db.rows import ArticleRow, QuoteFilters, QuoteRow, SpeakerRow
from quotes.metadata import outlet_key

# Table objects rather than model classes: the web view only reads, and table names outlive class renames.
_ARTICLE = SQLModel.metadata.tables["article"]
_SPEAKER = SQLModel.metadata.tables["speaker"]


def open_readonly(url: Optional[str] = None) -> Engine:
    """The web view's engine: quotes.db.make_engine(url, read_only=True) (SQLite mode=ro, PostgreSQL
    read-only sessions, schema at head checked, nothing created or migrated; NoDatabase when absent)."""
    return make_engine(url, read_only=True)


@dataclass
class Carrier:
    """One article that carried a statement."""

    article_id: int
    title: Optional[str]
    outlet: Optional[str]
    published_at: Optional[date]
    quote_id: int
    source: Optional[str] = None


@dataclass
class GroupedStatement:
    """A distinct statement of one speaker with every article that carried it."""

    statement_id: Optional[int]
    text: str
    kind: str
    carriers: list[Carrier] = field(default_factory=list)

    @property
    def outlets(self) -> list[str]:
        named = {}
        for carrier in self.carriers:  # "The Herald" and "Herald" are one outlet, shown as first written
            if carrier.outlet:
                named.setdefault(outlet_key(carrier.outlet), carrier.outlet)
        return sorted(named.values(), key=str.casefold)

    @property
    def first_seen(self) -> Optional[date]:
        dates = [c.published_at for c in self.carriers if c.published_at]
        return min(dates) if dates else None

    @property
    def last_seen(self) -> Optional[date]:
        dates = [c.published_at for c in self.carriers if c.published_at]
        return max(dates) if dates else None


@dataclass
class SpeakerPage:
    speaker: SpeakerRow
    statements: list[GroupedStatement]
    quotes: list[QuoteRow]


@dataclass
class ArticlePage:
    article: ArticleRow
    text: str
    quotes: list[QuoteRow]


def live_speaker_id(session: Session, speaker_id: int) -> Optional[int]:
    """`speaker_id`, or the speaker it was merged into; None when there is no such speaker."""
    if not queries.is_stored_id(speaker_id):  # /speakers/2147483648: no row, and the database would refuse it
        return None
    for _ in range(20):  # merges chain at most a few steps; the bound guards against a cycle
        row = session.execute(select(_SPEAKER.c.merged_into_id).where(_SPEAKER.c.id == speaker_id)).one_or_none()
        if row is None:
            return None
        if row.merged_into_id is None:
            return speaker_id
        speaker_id = row.merged_into_id
    return None


def speaker_page(session: Session, speaker_id: int) -> Optional[SpeakerPage]:
    """The speaker, their statements grouped (earliest first) and every quote in publication order."""
    if not queries.is_stored_id(speaker_id):
        return None
    rows = queries.speaker_rows(session, [speaker_id])
    if not rows:
        return None
    quotes = list(queries.quotes_by(session, speaker_ids=[speaker_id], filters=QuoteFilters()))
    return SpeakerPage(speaker=rows[0], statements=group_statements(session, speaker_id, quotes), quotes=quotes)


def group_statements(session: Session, speaker_id: int, quotes: list[QuoteRow]) -> list[GroupedStatement]:
    """One entry per statement, carrying its quotes' articles; quotes without a statement stand alone."""
    texts = {row.id: row.text for row in queries.statements_by(session, speaker_id=speaker_id)}
    groups: dict[tuple, GroupedStatement] = {}
    for quote in quotes:
        key = ("statement", quote.statement_id) if quote.statement_id is not None else ("quote", quote.id)
        group = groups.get(key)
        if group is None:
            group = groups[key] = GroupedStatement(statement_id=quote.statement_id,
                                                   text=texts.get(quote.statement_id, quote.text), kind=quote.kind)
        group.carriers.append(Carrier(article_id=quote.article_id, title=quote.title, outlet=quote.outlet,
                                      published_at=quote.published_at, quote_id=quote.id, source=quote.source))
    for group in groups.values():  # dated articles in order, undated ones last
        group.carriers.sort(key=lambda c: (c.published_at is None, c.published_at or date.min, c.quote_id))
    return sorted(groups.values(), key=lambda g: (g.first_seen is None, g.first_seen or date.min,
                                                  min(c.quote_id for c in g.carriers)))


def article_page(session: Session, article_id: int) -> Optional[ArticlePage]:
    if not queries.is_stored_id(article_id):
        return None
    text = session.execute(select(_ARTICLE.c.text).where(_ARTICLE.c.id == article_id)).scalar_one_or_none()
    if text is None:
        return None
    found, quotes = queries.article_quotes(session, article=str(article_id))
    return ArticlePage(article=found, text=text, quotes=quotes)


def search(session: Session, text: str, *, limit: int = 100) -> tuple[list[SpeakerRow], list[QuoteRow]]:
    """Speakers whose names match `text`, and statements matching it by full-text search."""
    if not text.strip():
        return [], []
    return (queries.find_speakers(session, name=text),
            queries.search_quotes(session, text=text, filters=QuoteFilters(), limit=limit))


def overview(session: Session, *, top: int = 20) -> tuple[dict[str, int], list[SpeakerRow], list[ArticleRow]]:
    """Counts, the most quoted speakers and the latest articles, for the home page."""
    recent = session.execute(select(_ARTICLE.c.id, _ARTICLE.c.title, _ARTICLE.c.outlet, _ARTICLE.c.url,
                                    _ARTICLE.c.published_at, _ARTICLE.c.source)
                             .order_by(_ARTICLE.c.published_at.desc().nulls_last(), _ARTICLE.c.id.desc())
                             .limit(top))
    return (queries.stats(session), queries.list_speakers(session, limit=top),
            [ArticleRow(**row._asdict()) for row in recent])
