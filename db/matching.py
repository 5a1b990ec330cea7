"""Speaker identity across articles: which stored Speaker a name from a new article belongs to.

Evidence, strongest first: an alias seen before (or set by a manual merge/split); for people, the same
surname (or a transliteration of it) with a compatible first name and no clearly different role; a bare
surname joins only when exactly one full-named speaker fits. Anything else becomes a new speaker.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from sqlalchemy import select, update
from sqlmodel import Session

from quotes.db.models import Alias, Role, StoredSpeaker
from quotes.db.names import (NameParts, fold_words, given_names_compatible, name_parts, roles_conflict,
                             surname_prefix_range, surnames_match)
from quotes.db.upsert import earliest, insert_or_get, latest


@dataclass
class Candidate:
    id: int
    name: str
    parts: NameParts
    roles: list[str]


@dataclass
class MatchedSpeaker:
    id: int
    alias_key: str


def match_speaker(session: Session, *, name: str, kind: str, role: Optional[str]) -> Optional[MatchedSpeaker]:
    """The stored speaker for `name` as written in one article (None for an empty name); records the alias."""
    parts = name_parts(name)
    if not parts.key:
        return None
    speaker_id = _by_alias(session, parts=parts, role=role)
    if speaker_id is None and kind == "person":
        speaker_id = _by_surname(session, parts=parts, role=role, name=name)
    if speaker_id is None:
        speaker_id = _create(session, name=name, parts=parts, kind=kind)
    insert_or_get(session, Alias, values=dict(speaker_id=speaker_id, name=name, key=parts.key, manual=False),
                  unique=["speaker_id", "key"])
    _improve(session, speaker_id=speaker_id, name=name, parts=parts, kind=kind)
    return MatchedSpeaker(id=speaker_id, alias_key=parts.key)


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


def _by_alias(session: Session, *, parts: NameParts, role: Optional[str]) -> Optional[int]:
    rows = session.execute(
        select(Alias.speaker_id, Alias.manual, StoredSpeaker.name_key, StoredSpeaker.identity_key)
        .join(StoredSpeaker, StoredSpeaker.id == Alias.speaker_id)
        .where(Alias.key == parts.key, StoredSpeaker.merged_into_id.is_(None))
        .order_by(Alias.speaker_id)).all()
    manual = [row.speaker_id for row in rows if row.manual]
    if manual:
        return manual[0]  # a user's decision beats every automatic rule
    if parts.is_bare:
        # A bare surname seen before may have joined a speaker when it was unambiguous; re-check now.
        return None
    if not rows:
        return None
    if len(rows) == 1:
        return rows[0].speaker_id
    primary = [row.speaker_id for row in rows if row.identity_key == parts.key]
    fitting = _fitting_role(session, [row.speaker_id for row in rows], role)
    return (fitting or primary or [rows[0].speaker_id])[0]


def _by_surname(session: Session, *, parts: NameParts, role: Optional[str], name: str) -> Optional[int]:
    candidates = [c for c in _surname_candidates(session, parts.surname)
                  if not roles_conflict(c.roles, role)]
    if parts.is_bare:
        exact = [c for c in candidates if c.parts.surname == parts.surname]
        if len(exact) > 1:
            exact = [c for c in exact if c.id in _fitting_role(session, [e.id for e in exact], role)]
        if len(exact) == 1:
            return exact[0].id
        return _bare_placeholder(session, parts, name)
    scored = []
    for candidate in candidates:
        surname_score = surnames_match(candidate.parts.surname, parts.surname)
        if surname_score and given_names_compatible(candidate.parts.given, parts.given):
            same_given = candidate.parts.given == parts.given
            scored.append((same_given, surname_score, candidate.id))
    scored.sort(reverse=True)
    if not scored or (len(scored) > 1 and scored[0][:2] == scored[1][:2]):
        return None  # nobody fits, or two people fit equally well: a new speaker is safer than a wrong merge
    return scored[0][2]


def _surname_candidates(session: Session, surname: str) -> list[Candidate]:
    """Full-named people whose surname shares its first three letters (an index range scan)."""
    low, high = surname_prefix_range(surname)
    speakers = session.execute(
        select(StoredSpeaker.id, StoredSpeaker.name, StoredSpeaker.name_key)
        .where(StoredSpeaker.surname_key >= low, StoredSpeaker.surname_key < high, StoredSpeaker.kind == "person",
               StoredSpeaker.merged_into_id.is_(None))).all()
    full = [s for s in speakers if " " in s.name_key]
    roles = _roles_of(session, [s.id for s in full])
    return [Candidate(id=s.id, name=s.name, parts=name_parts(s.name), roles=roles.get(s.id, [])) for s in full]


def _roles_of(session: Session, speaker_ids: list[int]) -> dict[int, list[str]]:
    if not speaker_ids:
        return {}
    result: dict[int, list[str]] = {}
    for row in session.execute(select(Role.speaker_id, Role.title).where(Role.speaker_id.in_(speaker_ids))):
        result.setdefault(row.speaker_id, []).append(row.title)
    return result


def _fitting_role(session: Session, speaker_ids: list[int], role: Optional[str]) -> list[int]:
    """Speakers with a known role compatible with `role` (positive evidence, not just no conflict)."""
    if not role:
        return []
    roles = _roles_of(session, speaker_ids)
    return [sid for sid in speaker_ids if roles.get(sid) and not roles_conflict(roles[sid], role)]


def _bare_placeholder(session: Session, parts: NameParts, name: str) -> int:
    """The speaker that collects an ambiguous bare surname until a user merges it."""
    written = name.split()[-1].strip(".,") if name.split() else ""
    label = written if fold_words(written) == parts.key else parts.key.title()
    return _create(session, name=label, parts=parts, kind="person")


def _create(session: Session, *, name: str, parts: NameParts, kind: str) -> int:
    values = dict(name=name.strip(), kind=kind, identity_key=parts.key, name_key=parts.key,
                  surname_key=parts.surname if kind == "person" else None)
    speaker_id, _created = insert_or_get(session, StoredSpeaker, values=values, unique=["identity_key"])
    return _follow_merges(session, speaker_id)


def _follow_merges(session: Session, speaker_id: int) -> int:
    seen = set()
    while speaker_id not in seen:
        seen.add(speaker_id)
        target = session.execute(select(StoredSpeaker.merged_into_id)
                                 .where(StoredSpeaker.id == speaker_id)).scalar_one()
        if target is None:
            return speaker_id
        speaker_id = target
    return speaker_id


def _improve(session: Session, *, speaker_id: int, name: str, parts: NameParts, kind: str) -> None:
    """Upgrade an unknown kind, and prefer the fuller name ("S. Dujarric" -> "Stéphane Dujarric")."""
    speaker = session.execute(select(StoredSpeaker.name, StoredSpeaker.kind)
                              .where(StoredSpeaker.id == speaker_id)).one()
    changes = {}
    if speaker.kind == "unknown" and kind != "unknown":
        changes["kind"] = kind
    if _fuller(name_parts(speaker.name), speaker.name, parts, name):
        changes.update(name=name.strip(), name_key=parts.key)
    if changes:
        session.execute(update(StoredSpeaker).where(StoredSpeaker.id == speaker_id).values(**changes))


def _fuller(old: NameParts, old_name: str, new: NameParts, new_name: str) -> bool:
    if old.is_bare or new.is_bare or old.surname != new.surname:
        return False
    if len(new.given or "") > len(old.given or "") and given_names_compatible(old.given, new.given):
        return True
    # Same letters once folded: keep the accented spelling, it is the one people write.
    return old.key == new.key and sum(map(str.isascii, new_name)) < sum(map(str.isascii, old_name))
