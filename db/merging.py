"""Folding one stored speaker into another (merge_speakers) and the roles a speaker holds (record_role): the
pieces both automatic matching (db/matching.py, which joins a bare surname to its full name) and a user's fixes
(db/identity.py) use, kept below both so neither imports the other back."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, select, update
from sqlmodel import Session

from .locks import begin_write
from .errors import IdentityError, SpeakerNotFound
from .models import Alias, Quote, Role, SpeakerDecision, Statement, StoredSpeaker, utcnow
from .names import fold_words, name_parts, person_keys
from .statements import refresh_statements
from .upsert import earliest, insert_or_get, latest


def merge_speakers(session: Session, *, keep_id: int, merge_id: int, manual: bool = True) -> None:
    """Fold speaker `merge_id` into `keep_id`: aliases, roles, quotes and statements move; the merged row
    stays as a pointer (merged_into_id) so old ids still lead somewhere. A user's merge (`manual`) marks the
    moved aliases manual and is recorded as "merge"; an automatic one keeps the aliases automatic and is
    recorded as "join", so later matching may still judge those names afresh."""
    begin_write(session)
    if keep_id == merge_id:
        raise IdentityError(f"speaker {keep_id} cannot be merged into itself: pass two different ids")
    keep, merged = live_speaker(session, keep_id), live_speaker(session, merge_id)
    _move_aliases(session, keep_id=keep.id, merge_id=merged.id, manual=manual)
    _move_roles(session, keep_id=keep.id, merge_id=merged.id)
    _move_statements(session, keep_id=keep.id, merge_id=merged.id)
    session.execute(update(Quote).where(Quote.speaker_id == merged.id)
                    .values(speaker_id=keep.id, updated_at=utcnow()))
    session.execute(update(StoredSpeaker).where(StoredSpeaker.merged_into_id == merged.id)
                    .values(merged_into_id=keep.id))
    session.execute(update(StoredSpeaker).where(StoredSpeaker.id == merged.id).values(merged_into_id=keep.id))
    if keep.kind == "unknown" and merged.kind != "unknown":
        # Typed now: a person is found by its surname and first name from here on.
        session.execute(update(StoredSpeaker).where(StoredSpeaker.id == keep.id)
                        .values(kind=merged.kind, **person_keys(name_parts(keep.name), merged.kind)))
    session.add(SpeakerDecision(action="merge" if manual else "join", speaker_id=keep.id, other_speaker_id=merged.id))
    session.flush()


def record_role(session: Session, *, speaker_id: int, role: str, seen: date) -> None:
    """Role held by the speaker, widening its first/last seen dates."""
    values = dict(speaker_id=speaker_id, title=role.strip(), title_key=fold_words(role), first_seen=seen,
                  last_seen=seen)
    if not values["title_key"]:
        return
    role_id, created = insert_or_get(session, Role, values=values, unique=["speaker_id", "title_key"])
    if not created:
        session.execute(update(Role).where(Role.id == role_id).values(
            first_seen=earliest(Role.first_seen, seen), last_seen=latest(Role.last_seen, seen)))


def live_speaker(session: Session, speaker_id: int):
    row = session.execute(select(StoredSpeaker.id, StoredSpeaker.name, StoredSpeaker.kind, StoredSpeaker.name_key,
                                 StoredSpeaker.surname_key, StoredSpeaker.merged_into_id)
                          .where(StoredSpeaker.id == speaker_id)).one_or_none()
    if row is None:
        raise SpeakerNotFound(f"no speaker with id {speaker_id}: list them with `quotes speakers`")
    if row.merged_into_id is not None:
        raise IdentityError(f"speaker {speaker_id} was merged into {row.merged_into_id}: use that id")
    return row


def _move_aliases(session: Session, *, keep_id: int, merge_id: int, manual: bool) -> None:
    kept = set(session.execute(select(Alias.key).where(Alias.speaker_id == keep_id)).scalars())
    mark = dict(manual=True) if manual else {}
    for alias in session.execute(select(Alias.id, Alias.key).where(Alias.speaker_id == merge_id)).all():
        if alias.key in kept:
            if manual:
                session.execute(update(Alias).where(Alias.speaker_id == keep_id, Alias.key == alias.key)
                                .values(manual=True))
            session.execute(delete(Alias).where(Alias.id == alias.id))
        else:
            session.execute(update(Alias).where(Alias.id == alias.id).values(speaker_id=keep_id, **mark))


def _move_roles(session: Session, *, keep_id: int, merge_id: int) -> None:
    for role in session.execute(select(Role).where(Role.speaker_id == merge_id)).scalars().all():
        for seen in {role.first_seen, role.last_seen} - {None}:
            record_role(session, speaker_id=keep_id, role=role.title, seen=seen)
        if role.first_seen is None:
            insert_or_get(session, Role, values=dict(speaker_id=keep_id, title=role.title, title_key=role.title_key),
                          unique=["speaker_id", "title_key"])
        session.execute(delete(Role).where(Role.id == role.id))


def _move_statements(session: Session, *, keep_id: int, merge_id: int) -> None:
    """Statements both speakers made (same key) become one; the rest change owner."""
    kept = dict(session.execute(select(Statement.key, Statement.id).where(Statement.speaker_id == keep_id)).all())
    touched = []
    for statement in session.execute(select(Statement.id, Statement.key)
                                     .where(Statement.speaker_id == merge_id)).all():
        target = kept.get(statement.key)
        if target is None:
            session.execute(update(Statement).where(Statement.id == statement.id).values(speaker_id=keep_id))
            continue
        session.execute(update(Quote).where(Quote.statement_id == statement.id)
                        .values(statement_id=target, updated_at=utcnow()))
        touched += [statement.id, target]
    refresh_statements(session, statement_ids=touched)
