"""Same statement across articles: a normalised text key, and containment of trimmed fragments."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Optional

from sqlalchemy import delete, select, update
from sqlmodel import Session

from .models import StoredArticle, Quote, Statement
from .upsert import earliest, insert_or_get

# A fragment this long found inside another statement by the same speaker is the same statement trimmed
# by an outlet; shorter ones ("we will not give up") are too common to prove it.
MIN_FRAGMENT_WORDS = 8

_QUOTE_MARKS = str.maketrans({c: "" for c in "\"'\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\u2039\u203a`\u00b4\u02bc"})
_NON_WORD = re.compile(r"[^\w]+")


def statement_key(text: str) -> str:
    """Case, accents, punctuation, quote marks (curly or straight) and whitespace folded away."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_QUOTE_MARKS)
    return " ".join(_NON_WORD.sub(" ", stripped.casefold()).replace("_", " ").split())


def seen_at(published: Optional[date], ingested: datetime) -> datetime:
    """When a statement was seen in an article: its publication date, else when it was ingested."""
    return datetime.combine(published, datetime.min.time()) if published is not None else ingested


@dataclass
class StatementMatch:
    statement_id: int
    created: bool


def contains_words(longer: str, shorter: str) -> bool:
    """`shorter` occurs in `longer` on word boundaries (both are statement keys)."""
    return f" {shorter} " in f" {longer} "


def attach_statement(session: Session, *, speaker_id: int, text: str, seen: datetime) -> StatementMatch:
    """The Statement of `speaker_id` this text is an occurrence of (created if new); counts the occurrence."""
    key = statement_key(text) or text.strip()
    statement_id = _exact(session, speaker_id=speaker_id, key=key)
    created = False
    if statement_id is None:
        statement_id = _containing(session, speaker_id=speaker_id, key=key, text=text)
    if statement_id is None:
        values = dict(speaker_id=speaker_id, key=key, text=text, word_count=len(key.split()),
                      first_seen=seen, occurrences=0)
        statement_id, created = insert_or_get(session, Statement, values=values, unique=["speaker_id", "key"])
    _count_occurrence(session, statement_id=statement_id, seen=seen)
    return StatementMatch(statement_id=statement_id, created=created)


def _exact(session: Session, *, speaker_id: int, key: str) -> Optional[int]:
    query = select(Statement.id).where(Statement.speaker_id == speaker_id, Statement.key == key)
    return session.execute(query).scalar_one_or_none()


def _containing(session: Session, *, speaker_id: int, key: str, text: str) -> Optional[int]:
    """A statement that contains this fragment, or one this text contains (then it grows to this text)."""
    words = len(key.split())
    rows = session.execute(select(Statement.id, Statement.key, Statement.word_count)
                           .where(Statement.speaker_id == speaker_id)
                           .order_by(Statement.word_count.desc(), Statement.id)).all()
    if words >= MIN_FRAGMENT_WORDS:
        for row in rows:
            if row.word_count > words and contains_words(row.key, key):
                return row.id
    for row in rows:
        if MIN_FRAGMENT_WORDS <= row.word_count < words and contains_words(key, row.key):
            _grow(session, statement_id=row.id, key=key, text=text)
            return row.id
    return None


def _grow(session: Session, *, statement_id: int, key: str, text: str) -> None:
    # The statement is known by its longest version; the shorter key stays reachable by containment.
    session.execute(update(Statement).where(Statement.id == statement_id)
                    .values(key=key, text=text, word_count=len(key.split())))


def _count_occurrence(session: Session, *, statement_id: int, seen: datetime) -> None:
    # One UPDATE with arithmetic in SQL, so two writers cannot lose an increment.
    first = Statement.first_seen
    session.execute(update(Statement).where(Statement.id == statement_id).values(
        occurrences=Statement.occurrences + 1,
        first_seen=earliest(first, seen)))


def refresh_statements(session: Session, *, statement_ids) -> None:
    """Recount occurrences and first_seen from the quotes left; drop statements no quote carries any more.
    Used after quotes are deleted or moved (reprocess, merge, split)."""
    for statement_id in sorted(set(statement_ids)):
        seen = session.execute(
            select(StoredArticle.published_at, StoredArticle.ingested_at)
            .join(Quote, Quote.article_id == StoredArticle.id).where(Quote.statement_id == statement_id)).all()
        if not seen:
            session.execute(delete(Statement).where(Statement.id == statement_id))
            continue
        first = min(seen_at(row.published_at, row.ingested_at) for row in seen)
        session.execute(update(Statement).where(Statement.id == statement_id)
                        .values(occurrences=len(seen), first_seen=first))
