"""Speaker identity across articles: which stored Speaker a name from a new article belongs to.

Evidence, strongest first: an alias seen before (or set by a manual merge/split); for people, the same
surname (or a transliteration of it) with a compatible first name and the same generational suffix, and no
clearly different role; a bare surname joins only when exactly one full-named speaker fits. Anything else
becomes a new speaker. A bare surname that had to wait (stored before its full name) joins the full name
once that is the only one it can stand for (join_waiting_surnames).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from sqlalchemy import select, update
from sqlmodel import Session

from .errors import SpeakerNotFound
from .merging import merge_speakers
from .models import Alias, Quote, Role, SpeakerDecision, StoredSpeaker
from .models import is_stored_id
from .names import (FoldedName, fold_words, given_names_compatible, honorific_gender_of, name_parts,
                    person_keys, roles_conflict, surname_prefix_range, surnames_match)
from .upsert import insert_or_get
from quotes.extraction.names import parts as written_parts


@dataclass
class Candidate:
    id: int
    name: str
    parts: FoldedName
    roles: list[str]


@dataclass(frozen=True)
class SeenNow:
    """What the article being stored says about a speaker whose quotes and role are not written yet."""
    id: int
    role: Optional[str]
    gender: Optional[str]


@dataclass
class MatchedSpeaker:
    id: int
    alias_key: str


def match_speaker(session: Session, *, name: str, kind: str, role: Optional[str],
                  gender: Optional[str] = None) -> Optional[MatchedSpeaker]:
    """The stored speaker for `name` as written in one article (None for an empty name); records the alias.
    `gender` is what an honorific in the article said ("Mrs. Trump": "f"); a bare surname never joins a
    full-named speaker whose own honorifics say the other."""
    parts = name_parts(name)
    if not parts.key:
        return None
    speaker_id = _by_alias(session, parts=parts, role=role)
    if speaker_id is None and kind == "person":
        speaker_id = _by_surname(session, parts=parts, role=role, name=name, gender=gender)
    if speaker_id is None:
        speaker_id = _create(session, name=name, parts=parts, kind=kind)
    _alias_id, new_alias = insert_or_get(session, Alias, unique=["speaker_id", "key"],
                                         values=dict(speaker_id=speaker_id, name=name, key=parts.key, manual=False))
    _improve(session, speaker_id=speaker_id, name=name, parts=parts, kind=kind)
    if new_alias and kind == "person" and not parts.is_bare:
        join_waiting_surnames(session, parts=parts, now=SeenNow(speaker_id, role, gender))
    return MatchedSpeaker(id=speaker_id, alias_key=parts.key)


def join_waiting_surnames(session: Session, *, parts: FoldedName, now: SeenNow) -> list[int]:
    """Bare-surname speakers ("Obama", stored before any full name fitted) that join speaker `now.id`, a
    person who just gained the full name `parts`, because it is now the only full-named person they can
    stand for (the rule a bare surname meets at ingest, _full_names_for). Returns the ids joined.

    Never joined: a speaker a user merged or split (a manual alias or a recorded decision), one whose
    quotes carry honorifics of both genders (two people), or one whose roles conflict with every role
    of the full name. The join is an unmarked merge_speakers (decision "join"); the bare speaker's identity
    key is retired, so a bare surname that is ambiguous later collects under a new bare speaker instead of
    following the join.

    A join is kept when a namesake appears later (Michelle Obama after "Obama" joined Barack Obama): it was
    the only reading when it was made, the quotes it moved were said in articles that named no other Obama,
    and moving them back on a guess would shuffle quotes a user may already have checked. A look-up of the
    bare surname lists every namesake (db/queries.find_speakers), and `quotes speakers split` undoes a
    wrong join for good.
    """
    rows = session.execute(
        select(StoredSpeaker.id, StoredSpeaker.name, StoredSpeaker.identity_key)
        .where(StoredSpeaker.surname_key == parts.surname, StoredSpeaker.kind == "person",
               StoredSpeaker.merged_into_id.is_(None), StoredSpeaker.id != now.id)).all()
    waiting = [row for row in rows if name_parts(row.name).is_bare]
    if not waiting:
        return []
    ids = [row.id for row in waiting]
    decided, roles, genders = _decided_by_a_user(session, ids), _roles_of(session, ids), _genders_of(session, ids)
    joined = []
    for row in waiting:
        if row.id in decided or len(genders.get(row.id, ())) > 1:
            continue
        bare_gender = next(iter(genders.get(row.id, ())), None)
        fits = _full_names_for(session, parts=name_parts(row.name), roles=roles.get(row.id, []), gender=bare_gender,
                               now=now)
        if fits != [now.id] or _merged_meanwhile(session, row.id):
            continue
        merge_speakers(session, keep_id=now.id, merge_id=row.id, manual=False)
        session.execute(update(StoredSpeaker).where(StoredSpeaker.id == row.id)
                        .values(identity_key=f"{row.identity_key}|joined:{row.id}"))
        joined.append(row.id)
    return joined


def _by_alias(session: Session, *, parts: FoldedName, role: Optional[str]) -> Optional[int]:
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


def _by_surname(session: Session, *, parts: FoldedName, role: Optional[str], name: str,
                gender: Optional[str]) -> Optional[int]:
    if parts.is_bare:
        fits = _full_names_for(session, parts=parts, roles=[role] if role else [], gender=gender)
        return fits[0] if len(fits) == 1 else _bare_placeholder(session, parts, name)
    # A written suffix must be the stored one ("Donald Trump Jr." never joins "Donald Trump"); a name written
    # without one may join a person stored with one, as writers drop it ("James Comey" for "James B. Comey
    # Jr."), but the person stored without one wins when both fit.
    candidates = [c for c in _surname_candidates(session, parts.surname)
                  if not roles_conflict(c.roles, role) and parts.suffix in (None, c.parts.suffix)]
    scored = []
    for candidate in candidates:
        surname_score = surnames_match(candidate.parts.surname, parts.surname)
        if surname_score and given_names_compatible(candidate.parts.given, parts.given):
            same = (candidate.parts.suffix == parts.suffix, candidate.parts.given == parts.given)
            scored.append((*same, surname_score, candidate.id))
    scored.sort(reverse=True)
    if not scored or (len(scored) > 1 and scored[0][:3] == scored[1][:3]):
        return None  # nobody fits, or two people fit equally well: a new speaker is safer than a wrong merge
    return scored[0][3]


def _full_names_for(session: Session, *, parts: FoldedName, roles: list[str], gender: Optional[str],
                    now: Optional[SeenNow] = None) -> list[int]:
    """Full-named people a bare surname can stand for: the same surname (and suffix, when it has one:
    "Trump Jr."), not known only by roles clearly different from every role the bare name was given, and no
    honorific of the other gender on their quotes (plus what the article being stored says of `now`). When
    several fit, those with a known role that fits one of the bare name's roles.

    A bare surname's speaker can hold several roles, some of them wrong ("Climate change"): one role that
    fits keeps a candidate in, else a stray role would rule out everyone with known roles and leave the one
    person the database knows nothing about."""
    candidates = _surname_candidates(session, parts.surname)
    for candidate in candidates:
        if now and candidate.id == now.id and now.role:
            candidate.roles.append(now.role)
    fits = [c for c in candidates
            if c.parts.surname == parts.surname and (parts.suffix is None or c.parts.suffix == parts.suffix)
            and not (roles and all(roles_conflict(c.roles, role) for role in roles))]
    if gender and fits:
        genders = _genders_of(session, [c.id for c in fits])
        if now and now.gender:
            genders.setdefault(now.id, set()).add(now.gender)
        fits = [c for c in fits if genders.get(c.id, {gender}) != {"m" if gender == "f" else "f"}]
    if len(fits) > 1 and roles:
        fits = [c for c in fits if c.roles and not all(roles_conflict(c.roles, role) for role in roles)]
    return [c.id for c in fits]


def _surname_candidates(session: Session, surname: str) -> list[Candidate]:
    """Full-named people whose surname shares its first three letters (an index range scan)."""
    low, high = surname_prefix_range(surname)
    speakers = session.execute(
        select(StoredSpeaker.id, StoredSpeaker.name)
        .where(StoredSpeaker.surname_key >= low, StoredSpeaker.surname_key < high, StoredSpeaker.kind == "person",
               StoredSpeaker.merged_into_id.is_(None))).all()
    full = [(s, name_parts(s.name)) for s in speakers]
    full = [(s, parts) for s, parts in full if not parts.is_bare]
    roles = _roles_of(session, [s.id for s, _ in full])
    return [Candidate(id=s.id, name=s.name, parts=parts, roles=roles.get(s.id, [])) for s, parts in full]


def _genders_of(session: Session, speaker_ids: list[int]) -> dict[int, set[str]]:
    """The genders the honorifics on each speaker's quotes carry ("Mr. Trump" -> {"m"}), computed from the
    stored quotes so merges and splits never leave it stale (no column to keep in step)."""
    result: dict[int, set[str]] = {}
    if not speaker_ids:
        return result
    rows = session.execute(select(Quote.speaker_id, Quote.speaker, Quote.mention)
                           .where(Quote.speaker_id.in_(speaker_ids)).distinct())
    for row in rows:
        said = honorific_gender_of(row.speaker, row.mention)
        if said:
            result.setdefault(row.speaker_id, set()).add(said)
    return result


def _merged_meanwhile(session: Session, speaker_id: int) -> bool:
    """Locks the speaker's row (PostgreSQL; SQLite writers are serial already) and says whether a parallel
    writer merged it since it was read, so two writers never both merge it."""
    return session.execute(select(StoredSpeaker.merged_into_id).where(StoredSpeaker.id == speaker_id)
                           .with_for_update()).scalar_one() is not None


def _decided_by_a_user(session: Session, speaker_ids: list[int]) -> set[int]:
    """Speakers with a manual alias or in a user's merge or split: automatic matching leaves them be."""
    manual = session.execute(select(Alias.speaker_id).where(Alias.speaker_id.in_(speaker_ids), Alias.manual))
    decisions = session.execute(select(SpeakerDecision.speaker_id, SpeakerDecision.other_speaker_id)
                                .where(SpeakerDecision.action.in_(["merge", "split"]),
                                       (SpeakerDecision.speaker_id.in_(speaker_ids)
                                        | SpeakerDecision.other_speaker_id.in_(speaker_ids))))
    return set(manual.scalars()) | {i for row in decisions for i in row if i in speaker_ids}


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


def _bare_placeholder(session: Session, parts: FoldedName, name: str) -> int:
    """The speaker that collects an ambiguous bare surname until a user merges it."""
    written = "" if parts.suffix else written_parts(name).surname  # "von der Leyen" from "Mrs von der Leyen"
    label = written if fold_words(written) == parts.key else parts.key.title()
    return _create(session, name=label, parts=parts, kind="person")


def _create(session: Session, *, name: str, parts: FoldedName, kind: str) -> int:
    values = dict(name=name.strip(), kind=kind, identity_key=parts.key, name_key=parts.key,
                  **person_keys(parts, kind))
    speaker_id, _created = insert_or_get(session, StoredSpeaker, values=values, unique=["identity_key"])
    return follow_merges(session, speaker_id)


def follow_merges(session: Session, speaker_id: int) -> int:
    """The live speaker `speaker_id` leads to: itself, or the speaker it was merged into, however many merges
    away (a damaged chain that loops ends where it closes). Raises SpeakerNotFound when no speaker has that id.

    Example:
        speaker_id = quotes.db.matching.follow_merges(session, 12)   # 12, or where #12 was merged
    """
    seen = set()
    while speaker_id not in seen:
        seen.add(speaker_id)
        row = None
        if is_stored_id(speaker_id):  # a number past any id would overflow the database's integer
            row = session.execute(select(StoredSpeaker.merged_into_id)
                                  .where(StoredSpeaker.id == speaker_id)).one_or_none()
        if row is None:
            raise SpeakerNotFound(f"no speaker #{speaker_id}: list them with `quotes speakers`")
        if row.merged_into_id is None:
            return speaker_id
        speaker_id = row.merged_into_id
    return speaker_id


def _improve(session: Session, *, speaker_id: int, name: str, parts: FoldedName, kind: str) -> None:
    """Upgrade an unknown kind, and prefer the fuller name ("S. Dujarric" -> "Stéphane Dujarric")."""
    speaker = session.execute(select(StoredSpeaker.name, StoredSpeaker.kind)
                              .where(StoredSpeaker.id == speaker_id)).one()
    changes = {}
    if _fuller(name_parts(speaker.name), speaker.name, parts, name):
        changes.update(name=name.strip(), name_key=parts.key)
    if speaker.kind == "unknown" and kind != "unknown":
        changes.update(kind=kind)
    if changes:
        # A person is found by surname_key and given_key: set them as _create would have ("Obama" first seen
        # untyped; "S. Dujarric" now "Stéphane Dujarric").
        changes.update(person_keys(name_parts(changes.get("name", speaker.name)), changes.get("kind", speaker.kind)))
        session.execute(update(StoredSpeaker).where(StoredSpeaker.id == speaker_id).values(**changes))


def _fuller(old: FoldedName, old_name: str, new: FoldedName, new_name: str) -> bool:
    if old.is_bare or new.is_bare or old.surname != new.surname or old.suffix != new.suffix:
        return False
    if len(new.given or "") > len(old.given or "") and given_names_compatible(old.given, new.given):
        return True
    # Same letters once folded: keep the accented spelling, it is the one people write.
    return old.key == new.key and sum(map(str.isascii, new_name)) < sum(map(str.isascii, old_name))
