"""Plain records the query, store and export functions return (never ORM objects, never tuples)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Optional


@dataclass
class IngestResult:
    status: str  # "ingested" | "duplicate" | "reprocessed"
    article_id: int
    quote_count: int


@dataclass
class QuoteFilters:
    since: Optional[date] = None
    until: Optional[date] = None
    outlet: Optional[str] = None
    role: Optional[str] = None
    kind: Optional[str] = None
    contains: Optional[str] = None


@dataclass
class SpeakerRow:
    id: int
    name: str
    kind: str
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    statements: int = 0
    quotes: int = 0
    first_seen: Optional[date] = None
    last_seen: Optional[date] = None


@dataclass
class QuoteRow:
    id: int
    statement_id: Optional[int]
    speaker_id: Optional[int]
    speaker: Optional[str]
    speaker_kind: str
    role: Optional[str]
    text: str
    kind: str
    cue: Optional[str]
    article_id: int
    title: Optional[str]
    outlet: Optional[str]
    url: Optional[str]
    published_at: Optional[date]
    start: int
    end: int
    confidence: float
    rule: str
    # Added beyond the contract; consumers may ignore them.
    spans: list = field(default_factory=list)
    mention: Optional[str] = None
    cue_start: Optional[int] = None
    cue_end: Optional[int] = None
    mention_start: Optional[int] = None
    mention_end: Optional[int] = None
    source: Optional[str] = None
    updated_at: Optional[datetime] = None


@dataclass
class StatementRow:
    id: int
    speaker: str
    text: str
    quotes: int
    articles: int
    outlets: list[str]
    first_seen: Optional[datetime]
    speaker_id: Optional[int] = None


@dataclass
class ArticleRow:
    id: int
    title: Optional[str]
    outlet: Optional[str]
    url: Optional[str]
    published_at: Optional[date]
    source: str
