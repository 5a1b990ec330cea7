"""What the web view reads: a read-only engine over the same database `quotes` writes, and the few
shapes its pages need, built from quotes.db.queries (statements grouped with the articles that carried
them, an article with its text and quotes)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date
from typing import Optional

from sqlalchemy.engine import Engine
from sqlmodel import Session

from quotes.db import queries
from quotes.db.engine import make_engine
from quotes.db.rows import ArticleRow, QuoteFilters, QuoteRow, SpeakerRow

from . import timeline


def open_readonly(url: Optional[str] = None) -> Engine:
    """The web view's engine: quotes.db.make_engine(url, read_only=True) (SQLite mode=ro, PostgreSQL
    read-only sessions, schema at head checked, nothing created or migrated; NoDatabase when absent)."""
    return make_engine(url, read_only=True)


@dataclass
class SpeakerPage:
    """A speaker, one page of their statements and their quotes counted by day and outlet for the
    timeline, all over the dates `since`..`until` when the page is zoomed to them."""

    speaker: SpeakerRow
    statements: queries.Paged[queries.SpokenStatement]
    timeline: Optional[timeline.Timeline]
    glimpses: dict[int, queries.QuoteGlimpse]
    since: Optional[date] = None
    until: Optional[date] = None

    @property
    def zoomed(self) -> bool:
        return self.since is not None or self.until is not None

    @property
    def undated(self) -> int:
        """Quotes without a date, which the timeline cannot show (none count when zoomed to dates)."""
        return 0 if self.zoomed else self.speaker.quotes - (self.timeline.quotes if self.timeline else 0)


@dataclass
class ArticlePage:
    article: ArticleRow
    text: str
    quotes: list[QuoteRow]


def live_speaker_id(session: Session, speaker_id: int) -> Optional[int]:
    """`speaker_id`, or the speaker it was merged into; None when there is no such speaker."""
    return queries.live_speaker_id(session, speaker_id)


def speaker_page(session: Session, speaker_id: int, *, since: Optional[date] = None, until: Optional[date] = None,
                 limit: int = 20, offset: int = 0, carriers: int = 5) -> Optional[SpeakerPage]:
    """The speaker; their statements earliest first from `offset` (`limit` of them, each with its first
    `carriers` articles); the timeline of their dated quotes. `since`/`until` zoom to those dates."""
    if not queries.is_stored_id(speaker_id):
        return None
    rows = queries.speaker_rows(session, [speaker_id])
    if not rows:
        return None
    dates = QuoteFilters(since=since, until=until)
    statements = queries.speaker_statements(session, speaker_id=speaker_id, filters=dates, limit=limit,
                                            offset=offset, carriers=carriers)
    first, last = since or rows[0].first_seen, until or rows[0].last_seen
    plotted = None
    if first and last and first <= last:  # counted in the bins the timeline will draw
        first, last = timeline.shown_dates(first, last)
        days = queries.speaker_days(session, speaker_id=speaker_id, filters=dates,
                                    unit=timeline.bin_unit(first, last))
        plotted = timeline.plan(days, since=first, until=last)
    glimpses = queries.quote_glimpses(session, [dot.quote_id for dot in plotted.dots] if plotted else [])
    return SpeakerPage(speaker=rows[0], statements=statements, timeline=plotted, glimpses=glimpses, since=since,
                       until=until)


def article_page(session: Session, article_id: int) -> Optional[ArticlePage]:
    text = queries.article_text(session, article_id)
    if text is None:
        return None
    found, quotes = queries.article_quotes(session, article=str(article_id))
    return ArticlePage(article=found, text=text, quotes=quotes)


SEARCH_CAP = queries.SEARCH_CAP


@dataclass
class Found:
    """What a search shows: speakers whose names match, and a page of the statements that match."""

    speakers: list[SpeakerRow]
    statements: queries.SearchResults

    @property
    def matched_quotes(self) -> int:
        return self.statements.quotes


def search(session: Session, text: str, *, limit: int = 20, offset: int = 0) -> Found:
    """Speakers whose names match `text`, and statements matching it by full-text search (each statement
    once, best first; `limit` and `offset` page through them)."""
    if not text.strip():
        return Found(speakers=[], statements=queries.SearchResults(total=0, rows=[]))
    return Found(speakers=queries.find_speakers(session, name=text) if offset == 0 else [],
                 statements=queries.search_statements(session, text=text, limit=limit, offset=offset))


@dataclass
class Overview:
    """The home page: counts, the most quoted speakers, and one page of the latest articles."""

    counts: dict[str, int]
    speakers: list[SpeakerRow]
    articles: list[ArticleRow]


class TopSpeakers:
    """The home page's most quoted speakers, kept until the stored data changes (queries.change_marks):
    counting every quote per speaker took 0.3-0.5 s at a million quotes, the marks take a few ms. One per app,
    shared by its threads."""

    def __init__(self):
        self._lock = threading.Lock()
        self._kept: tuple = (None, [])

    def get(self, session: Session, *, top: int, counts: Optional[dict[str, int]] = None) -> list[SpeakerRow]:
        marks = (top, queries.change_marks(session, counts))
        with self._lock:
            kept_marks, speakers = self._kept
        if kept_marks != marks:
            speakers = queries.list_speakers(session, limit=top)
            with self._lock:
                self._kept = (marks, speakers)
        return speakers


def overview(session: Session, *, top: int = 20, limit: int = 20, offset: int = 0,
             kept: Optional[TopSpeakers] = None) -> Overview:
    """Counts, the `top` most quoted speakers (through `kept` when given) and the latest articles from
    `offset` on (`limit` of them)."""
    counts = queries.stats(session)
    speakers = kept.get(session, top=top, counts=counts) if kept else queries.list_speakers(session, limit=top)
    return Overview(counts=counts, speakers=speakers,
                    articles=queries.latest_articles(session, limit=limit, offset=offset))
