"""All table models of quote-tracker in one place; Alembic migrations in migrations/ build exactly this schema."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Optional

from sqlalchemy import JSON, Column, DateTime, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    # Naive UTC: SQLite has no time zones and mixing aware/naive values breaks comparisons.
    return datetime.now(timezone.utc).replace(tzinfo=None)


def naive_utc(*, nullable: bool, index: bool = False) -> Column:
    """A plain DateTime column: SQLModel's default datetime type refuses naive values."""
    return Column(DateTime(), nullable=nullable, index=index)


class Article(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    source: str
    url: Optional[str] = Field(default=None, index=True)
    title: Optional[str] = None
    outlet: Optional[str] = Field(default=None, index=True)
    published_at: Optional[date] = Field(default=None, index=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    content_hash: str = Field(unique=True)
    pipeline_version: str
    ingested_at: datetime = Field(default_factory=utcnow, sa_column=naive_utc(nullable=False))


class Speaker(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str
    kind: str = "unknown"
    # Folded name, plus a suffix for namesakes and manual splits; unique so parallel writers upsert one row.
    identity_key: str = Field(unique=True)
    name_key: str = Field(index=True)
    surname_key: Optional[str] = Field(default=None, index=True)
    merged_into_id: Optional[int] = Field(default=None, foreign_key="speaker.id")
    created_at: datetime = Field(default_factory=utcnow, sa_column=naive_utc(nullable=False))


class Alias(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("speaker_id", "key", name="uq_alias_speaker_key"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    speaker_id: int = Field(foreign_key="speaker.id", index=True)
    name: str
    key: str = Field(index=True)
    # Set by a manual merge or split: automatic matching never moves a manual alias.
    manual: bool = False


class Role(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("speaker_id", "title_key", name="uq_role_speaker_title"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    speaker_id: int = Field(foreign_key="speaker.id", index=True)
    title: str
    title_key: str = Field(index=True)
    first_seen: Optional[date] = None
    last_seen: Optional[date] = None


class Statement(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("speaker_id", "key", name="uq_statement_speaker_key"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    speaker_id: int = Field(foreign_key="speaker.id", index=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    key: str = Field(sa_column=Column(Text, nullable=False))
    word_count: int = 0
    first_seen: Optional[datetime] = Field(default=None, sa_column=naive_utc(nullable=True))
    occurrences: int = 0


class Quote(SQLModel, table=True):
    __table_args__ = (Index("ix_quote_speaker_article", "speaker_id", "article_id"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    speaker_id: Optional[int] = Field(default=None, foreign_key="speaker.id")
    statement_id: Optional[int] = Field(default=None, foreign_key="statement.id", index=True)
    # Folded form of the record's speaker name: which alias brought this quote to its speaker (for splits).
    alias_key: Optional[str] = None
    source: str
    text: str = Field(sa_column=Column(Text, nullable=False))
    start: int
    end: int
    spans: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    kind: str
    cue: Optional[str] = None
    cue_start: Optional[int] = None
    cue_end: Optional[int] = None
    speaker: Optional[str] = None
    speaker_kind: str = "unknown"
    mention: Optional[str] = None
    mention_start: Optional[int] = None
    mention_end: Optional[int] = None
    role: Optional[str] = None
    confidence: float = 0.0
    rule: str = ""
    # Revision 0002: lets `export --updated-since` pick up quotes moved by merges and splits.
    updated_at: datetime = Field(default_factory=utcnow, sa_column=naive_utc(nullable=False, index=True))


class SpeakerDecision(SQLModel, table=True):
    """A manual merge or split, kept as an audit trail of what a user decided."""

    __tablename__ = "speaker_decision"
    id: Optional[int] = Field(default=None, primary_key=True)
    action: str  # "merge" | "split"
    speaker_id: int = Field(foreign_key="speaker.id")
    other_speaker_id: int = Field(foreign_key="speaker.id")
    alias: Optional[str] = None
    created_at: datetime = Field(default_factory=utcnow, sa_column=naive_utc(nullable=False))
