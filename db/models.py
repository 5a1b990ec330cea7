"""All table models of quote-tracker in one place; Alembic migrations in migrations/ build exactly this schema.

Stored* names keep the tables apart from the records of the same things (quotes.records.Article,
quotes.extraction.speakers.Speaker). A quote's contract fields are not written here: QuoteBase takes them from
quotes.records.QuoteRecord, the output contract, so a field added there is a column here (plus a migration).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime, timezone
from typing import Optional

from sqlalchemy import JSON, Column, DateTime, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from quotes.records import CONTRACT_FIELDS, QuoteRecord

MAX_ID = 2**31 - 1
"""The largest id a row can have (PostgreSQL's SERIAL ids are 32-bit): a bigger number is no stored id, and
asking the database about it fails (OverflowError on SQLite, out of range on PostgreSQL)."""


def is_stored_id(number: int) -> bool:
    """Whether `number` can be the id of a stored row at all (see MAX_ID)."""
    return 0 < number <= MAX_ID


def utcnow() -> datetime:
    # Naive UTC: SQLite has no time zones and mixing aware/naive values breaks comparisons.
    return datetime.now(timezone.utc).replace(tzinfo=None)


def naive_utc(*, nullable: bool, index: bool = False) -> Column:
    """A plain DateTime column: SQLModel's default datetime type refuses naive values."""
    return Column(DateTime(), nullable=nullable, index=index)


class StoredArticle(SQLModel, table=True):
    __tablename__ = "article"
    id: Optional[int] = Field(default=None, primary_key=True)
    source: str
    url: Optional[str] = Field(default=None, index=True)
    title: Optional[str] = None
    outlet: Optional[str] = Field(default=None, index=True)
    # the outlet folded for grouping and filtering, "The Herald" = "Herald" (quotes.records.outlet_key; 0005)
    outlet_key: Optional[str] = Field(default=None, index=True)
    author: Optional[str] = None  # the byline as written (revision 0003)
    published_at: Optional[date] = Field(default=None, index=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    content_hash: str = Field(unique=True)
    pipeline_version: str
    ingested_at: datetime = Field(default_factory=utcnow, sa_column=naive_utc(nullable=False))


class StoredSpeaker(SQLModel, table=True):
    __tablename__ = "speaker"
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str
    kind: str = "unknown"
    # Folded name, plus a suffix for namesakes and manual splits; unique so parallel writers upsert one row.
    identity_key: str = Field(unique=True)
    name_key: str = Field(index=True)
    surname_key: Optional[str] = Field(default=None, index=True)
    # A person's folded first name, for a look-up by one word ("Hillary"); None for bare names (revision 0004).
    given_key: Optional[str] = Field(default=None, index=True)
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


# How some contract fields are stored; every other field is a column of the type the contract gives it.
_STORED_AS = {
    "text": lambda: Field(sa_column=Column(Text, nullable=False)),
    "spans": lambda: Field(default_factory=list, sa_column=Column(JSON, nullable=False)),
}


def _contract_namespace(namespace: dict) -> None:
    """Fill a class body with QuoteRecord's fields, in contract order, with their types and defaults."""
    hints = typing.get_type_hints(QuoteRecord)
    fields = {field.name: field for field in dataclasses.fields(QuoteRecord)}
    namespace["__annotations__"] = {name: hints[name] for name in CONTRACT_FIELDS}
    namespace["__module__"] = __name__
    namespace["__doc__"] = "The fields of the output contract (quotes.records.QuoteRecord) as columns."
    for name in CONTRACT_FIELDS:
        field = fields[name]
        if name in _STORED_AS:
            namespace[name] = _STORED_AS[name]()
        elif field.default is not dataclasses.MISSING:
            namespace[name] = field.default
        elif field.default_factory is not dataclasses.MISSING:
            namespace[name] = Field(default_factory=field.default_factory)


QuoteBase = types.new_class("QuoteBase", (SQLModel,), exec_body=_contract_namespace)


class Quote(QuoteBase, table=True):
    """One occurrence of a statement in one article: the contract fields plus where it is filed."""

    # Revision 0008: a speaker's statements grouped from the index alone (the web view's speaker page).
    __table_args__ = (Index("ix_quote_speaker_article", "speaker_id", "article_id"),
                      Index("ix_quote_speaker_statement", "speaker_id", "statement_id", "article_id"))
    id: Optional[int] = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    speaker_id: Optional[int] = Field(default=None, foreign_key="speaker.id")
    statement_id: Optional[int] = Field(default=None, foreign_key="statement.id", index=True)
    # Folded form of the record's speaker name: which alias brought this quote to its speaker (for splits).
    alias_key: Optional[str] = None
    # Revision 0002: lets `export --updated-since` pick up quotes moved by merges and splits.
    updated_at: datetime = Field(default_factory=utcnow, sa_column=naive_utc(nullable=False, index=True))
    # Revision 0006: "speaker" when a person filed this quote under its speaker (a Correction says who, when)
    corrected: Optional[str] = None


class SpeakerDecision(SQLModel, table=True):
    """A manual merge or split, kept as an audit trail of what a user decided, and the automatic joins of a
    bare surname to its full name ("join", db/matching.py), so no quote moves without a record."""

    __tablename__ = "speaker_decision"
    id: Optional[int] = Field(default=None, primary_key=True)
    action: str  # "merge" | "split" (a user's) | "join" (automatic)
    speaker_id: int = Field(foreign_key="speaker.id")
    other_speaker_id: int = Field(foreign_key="speaker.id")
    alias: Optional[str] = None
    created_at: datetime = Field(default_factory=utcnow, sa_column=naive_utc(nullable=False))


class Correction(SQLModel, table=True):
    """A person's correction of what the machine stored (db/corrections.py): a quote's speaker ("speaker"), a
    quote that is none ("not_a_quote"), or an article field ("outlet", "published_at", "url", "author",
    "title"). The machine's answer stays beside the person's; a quote is known by where it stands in the
    article (start, end, spans), so the correction finds it again after reprocessing gives it a new id."""

    __tablename__ = "correction"
    id: Optional[int] = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    field: str
    value: Optional[str] = Field(default=None, sa_column=Column(Text, nullable=True))
    original: Optional[str] = Field(default=None, sa_column=Column(Text, nullable=True))
    speaker_id: Optional[int] = Field(default=None, foreign_key="speaker.id")
    original_speaker_id: Optional[int] = Field(default=None, foreign_key="speaker.id")
    # the quote as it was when corrected (no foreign key: reprocessing replaces quote rows)
    quote_id: Optional[int] = None
    start: Optional[int] = None
    end: Optional[int] = None
    spans: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    text: Optional[str] = Field(default=None, sa_column=Column(Text, nullable=True))
    kind: Optional[str] = None
    created_by: str
    created_at: datetime = Field(default_factory=utcnow, sa_column=naive_utc(nullable=False))
