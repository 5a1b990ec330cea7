"""Manual fixes to speaker identity. Both are recorded (SpeakerDecision) and leave manual aliases behind,
which automatic matching always follows, so later ingests respect the user's decision. Matching also uses
merge_speakers (db/merging.py, re-exported here), unmarked (manual=False), to join a bare surname to its full
name (db/matching.py), and join_bare_surnames applies that rule to a database filled before it existed."""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlmodel import Session

from .locks import begin_write
from .errors import IdentityError
from .matching import SeenNow, join_waiting_surnames
from .merging import live_speaker, merge_speakers, record_role  # merge_speakers: public here too
from .models import Alias, StoredArticle, Quote, StoredSpeaker, SpeakerDecision, utcnow
from .names import name_parts, person_keys
from .rows import SurnameJoin
from .statements import attach_statement, refresh_statements, seen_at


def split_speaker(session: Session, *, speaker_id: int, alias: str) -> int:
    """Move `alias` and the quotes that came in under it to a new speaker; returns the new speaker's id."""
    begin_write(session)
    speaker = live_speaker(session, speaker_id)
    key = name_parts(alias).key
    row = session.execute(select(Alias).where(Alias.speaker_id == speaker.id, Alias.key == key)).scalar_one_or_none()
    if row is None:
        known = ", ".join(sorted(session.execute(select(Alias.name).where(Alias.speaker_id == speaker.id)).scalars()))
        raise IdentityError(f"speaker {speaker.id} ({speaker.name}) has no alias {alias!r}; its aliases: {known}")
    if key == speaker.name_key:
        raise IdentityError(f"{alias!r} is the canonical name of speaker {speaker.id}: split off the other "
                            "aliases instead, or merge the right speakers")
    new_id = _new_split_speaker(session, speaker=speaker, alias=row)
    session.execute(update(Alias).where(Alias.id == row.id).values(speaker_id=new_id, manual=True))
    _move_quotes_of_alias(session, old_id=speaker.id, new_id=new_id, key=key)
    session.add(SpeakerDecision(action="split", speaker_id=speaker.id, other_speaker_id=new_id, alias=row.name))
    session.flush()
    return new_id


def join_bare_surnames(session: Session, *, dry_run: bool = False) -> list[SurnameJoin]:
    """Join every bare-surname speaker ("Obama") to the full-named person it can only stand for, as ingest
    does when the full name comes after the bare one (matching.join_waiting_surnames, with all its guards:
    a user's merge or split, honorifics of the other gender or of both, a suffix ("Trump Jr."), roles, and
    exactly one plausible full name). For databases filled before that rule; a second run joins nothing.
    Returns the joins in surname order; `dry_run` makes them in a savepoint and rolls it back, so it
    answers what a real run would do and changes nothing.

    Example:
        for join in quotes.db.identity.join_bare_surnames(session, dry_run=True):
            print(join.bare_name, "->", join.full_name, join.quotes_moved)
    """
    begin_write(session)
    waiting = _bare_surnames(session)
    savepoint = session.begin_nested() if dry_run else None
    joins = []
    try:
        for surname, bare in sorted(waiting.items()):
            full_names = session.execute(select(StoredSpeaker.id, StoredSpeaker.name)
                                         .where(StoredSpeaker.surname_key == surname, StoredSpeaker.kind == "person",
                                                StoredSpeaker.merged_into_id.is_(None))
                                         .order_by(StoredSpeaker.id)).all()
            quotes = dict(session.execute(select(Quote.speaker_id, func.count()).where(Quote.speaker_id.in_(bare))
                                          .group_by(Quote.speaker_id)).all())
            for full in full_names:
                parts = name_parts(full.name)
                if parts.is_bare:
                    continue
                for bare_id in join_waiting_surnames(session, parts=parts, now=SeenNow(full.id, None, None)):
                    joins.append(SurnameJoin(bare_id=bare_id, bare_name=bare[bare_id], full_id=full.id,
                                             full_name=full.name, quotes_moved=quotes.get(bare_id, 0)))
    finally:
        if savepoint is not None:
            savepoint.rollback()
    return joins


def _bare_surnames(session: Session) -> dict[str, dict[int, str]]:
    """surname key -> {id: name} of the live people known by a bare surname only."""
    people = session.execute(select(StoredSpeaker.id, StoredSpeaker.name, StoredSpeaker.surname_key)
                             .where(StoredSpeaker.kind == "person", StoredSpeaker.merged_into_id.is_(None),
                                    StoredSpeaker.surname_key.is_not(None)))
    waiting: dict[str, dict[int, str]] = {}
    for row in people:
        if name_parts(row.name).is_bare:
            waiting.setdefault(row.surname_key, {})[row.id] = row.name
    return waiting


def _new_split_speaker(session: Session, *, speaker, alias: Alias) -> int:
    parts = name_parts(alias.name)
    # identity_key must stay unique; the suffix also keeps automatic matching from upserting into it by name.
    taken = session.execute(select(StoredSpeaker.id)
                            .where(StoredSpeaker.identity_key == parts.key)).scalar_one_or_none()
    identity_key = parts.key if taken is None else f"{parts.key}|split-from:{speaker.id}:{alias.id}"
    new = StoredSpeaker(name=alias.name, kind=speaker.kind, identity_key=identity_key, name_key=parts.key,
                        **person_keys(parts, speaker.kind))
    session.add(new)
    session.flush()
    return new.id


def _move_quotes_of_alias(session: Session, *, old_id: int, new_id: int, key: str) -> None:
    quotes = session.execute(
        select(Quote.id, Quote.text, Quote.statement_id, Quote.role, StoredArticle.published_at,
               StoredArticle.ingested_at)
        .join(StoredArticle, StoredArticle.id == Quote.article_id)
        .where(Quote.speaker_id == old_id, Quote.alias_key == key).order_by(Quote.id)).all()
    for quote in quotes:
        seen = seen_at(quote.published_at, quote.ingested_at)
        # Detach first so the old statement's count drops before the new one is found or made.
        session.execute(update(Quote).where(Quote.id == quote.id)
                        .values(speaker_id=new_id, statement_id=None, updated_at=utcnow()))
        if quote.statement_id is not None:
            refresh_statements(session, statement_ids=[quote.statement_id])
        match = attach_statement(session, speaker_id=new_id, text=quote.text, seen=seen)
        session.execute(update(Quote).where(Quote.id == quote.id).values(statement_id=match.statement_id))
        if quote.role:
            record_role(session, speaker_id=new_id, role=quote.role, seen=seen.date())
