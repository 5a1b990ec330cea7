"""Plain records the query, store and export functions return (never ORM objects, never tuples)."""

from __future__ import annotations

import typing
from dataclasses import dataclass, field, make_dataclass
from datetime import date, datetime
from typing import Optional

from quotes.records import CONTRACT_FIELDS, QuoteRecord


@dataclass
class IngestResult:
    status: str  # "ingested" | "duplicate" | "reprocessed"
    article_id: int
    quote_count: int


@dataclass
class SurnameJoin:
    """A bare-surname speaker joined (or, in a dry run, to be joined) to the one full name it stands for."""
    bare_id: int
    bare_name: str
    full_id: int
    full_name: str
    quotes_moved: int


@dataclass
class QuoteFilters:
    """Which quotes a look-up returns; every field is optional (None: no limit).

    Example:
        QuoteFilters(since=date(2022, 1, 1), outlet="Northwire", kind="direct")
    """

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
    role: Optional[str] = None  # the latest of `roles`: the one tables show


# A stored quote as read back: where it is filed, the output contract (quotes.records), the article it
# came from, and when it last changed. The query columns (queries.quote_query) and the export columns
# (export.EXPORT_COLUMNS) are derived from this list.
QUOTE_IDS = (("id", int), ("statement_id", Optional[int]), ("speaker_id", Optional[int]), ("article_id", int))
ARTICLE_FIELDS = (("title", Optional[str]), ("outlet", Optional[str]), ("url", Optional[str]),
                  ("published_at", Optional[date]), ("author", Optional[str]))
QUOTE_ROW_FIELDS = (*QUOTE_IDS, *((name, typing.get_type_hints(QuoteRecord)[name]) for name in CONTRACT_FIELDS),
                    *ARTICLE_FIELDS, ("updated_at", Optional[datetime]), ("corrected", Optional[str]))
QuoteRow = make_dataclass("QuoteRow", QUOTE_ROW_FIELDS)
QuoteRow.__module__ = __name__
QuoteRow.__doc__ = "One stored quote with its ids and article (fields: QUOTE_ROW_FIELDS)."


@dataclass
class StatementRow:
    id: int
    speaker: str
    text: str
    quotes: int
    articles: int
    outlets: list[str]
    first_seen: Optional[date]  # the earliest publication date of an article that carried it; None: undated only
    speaker_id: Optional[int] = None


@dataclass
class ArticleRow:
    id: int
    title: Optional[str]
    outlet: Optional[str]
    url: Optional[str]
    published_at: Optional[date]
    source: str
    author: Optional[str] = None


@dataclass
class CorrectionRow:
    """One correction as labelled data: the machine's answer (`original`) and the person's (`value`) for
    `field`, and where the quote stood (`article_id`, `start`, `end`, `spans`, `text`, `kind`)."""
    id: int
    field: str  # "speaker" | "not_a_quote" | an article field ("outlet", "published_at", "url", "author", "title")
    value: Optional[str]
    original: Optional[str]
    speaker_id: Optional[int]
    original_speaker_id: Optional[int]
    article_id: int
    title: Optional[str]
    url: Optional[str]
    quote_id: Optional[int]
    start: Optional[int]
    end: Optional[int]
    spans: list
    text: Optional[str]
    kind: Optional[str]
    created_by: str
    created_at: datetime
