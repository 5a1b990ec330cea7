"""Which stored speaker a typed name means: the one policy the command line and the web view share, so
the two can never pick different people for the same words. Asking the user is the caller's part."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from sqlalchemy import select
from sqlmodel import Session

from quotes.extraction.lexicon import honorifics

from . import queries
from .errors import SpeakerNotFound
from .matching import follow_merges
from .models import StoredSpeaker, is_stored_id
from .rows import SpeakerRow

SPEAKER_ID = re.compile(r"#?(\d+)")
"""How a speaker id is typed: "12" or "#12"."""


@dataclass(frozen=True)
class SpeakerChoice:
    """What a typed name decides: `chosen`, or (when it is not decided) the `candidates`, most quoted first.
    Neither: no stored speaker matches; then an id typed as "#12" of a speaker merged away says where it went
    (`merged_into`), and one no speaker ever had is `unknown_id`."""

    chosen: Optional[SpeakerRow] = None
    candidates: list[SpeakerRow] = field(default_factory=list)
    partial: bool = False
    """The chosen speaker shares only part of the name typed ("Jane Ashdown" chose Ruth Ashdown): say so."""
    merged_into: Optional[SpeakerRow] = None
    unknown_id: Optional[int] = None

    @property
    def found(self) -> bool:
        return self.chosen is not None or bool(self.candidates)


def choose_speaker(session: Session, name: str) -> SpeakerChoice:
    """The speaker `name` means: the live speaker of an id (#12), else the only match (quotes.find_speakers),
    else the one whose name is `name` in full. A bare surname stored alone beside full names of that surname
    ("Obama" beside "Barack Obama") is not decided: all of them are candidates.

    Example:
        choice = quotes.db.choose.choose_speaker(session, "Barack Obama")
        speaker = choice.chosen or ask_the_user(choice.candidates)
    """
    typed = name.strip()
    matches = queries.find_speakers(session, name=name)
    given = SPEAKER_ID.fullmatch(typed)
    if given:
        matches = _live_with_id(session, int(given.group(1))) or matches
    if len(matches) == 1:
        return SpeakerChoice(chosen=matches[0], partial=not names_fit(typed, matches[0]))
    exact = [s for s in matches if s.name.casefold() == typed.casefold()]
    if len(exact) == 1 and not (len(exact[0].name.split()) == 1 and len(matches) > 1):
        return SpeakerChoice(chosen=exact[0])
    if not matches and given and typed.startswith("#"):
        return _gone(session, int(given.group(1)))
    return SpeakerChoice(candidates=sorted(matches, key=lambda s: -s.quotes))  # stable: ties keep their order


def means_stored_speaker(session: Session, name: str) -> bool:
    """Whether a speaker typed for a correction (`quotes fix --speaker`, the web view's form) means one on
    record: an id, a stored name or alias, or one word (a surname); else it is a full name no speaker goes by
    (a new speaker, found or made as ingest would), and a name that only contains a stored one ("Ana Lima"
    beside "Ana Limaço") is not that speaker.

    Example:
        if quotes.db.choose.means_stored_speaker(session, "Ruth Ash"):
            choice = quotes.db.choose.choose_speaker(session, "Ruth Ash")
    """
    name = name.strip()
    matches = queries.find_speakers(session, name=name)
    exact = any(name.casefold() == alias.casefold() for s in matches for alias in [s.name, *s.aliases])
    return bool(SPEAKER_ID.fullmatch(name) or exact or (matches and len(name.split()) == 1))


def names_fit(typed: str, speaker: SpeakerRow) -> bool:
    """Whether every word typed but an honorific starts a word of the speaker's name or aliases ("lindq",
    "M. Lindqvist", "Mr Lindqvist", "#2"); a reader who typed "Jane Ashdown" and got Ruth Ashdown is told."""
    if SPEAKER_WORD.sub("", typed.strip().lstrip("#")).isdigit():
        return True
    known = {word for alias in [speaker.name, *speaker.aliases] for word in _words(alias)}
    return all(any(word.startswith(part) for word in known) for part in _words(typed) if part not in honorifics())


SPEAKER_WORD = re.compile(r"[\W_]+")


def _words(text: str) -> list[str]:
    return [word for word in SPEAKER_WORD.split(text.casefold()) if word]


def _gone(session: Session, speaker_id: int) -> SpeakerChoice:
    """Nobody chosen for "#N": where speaker N was merged, or that no speaker ever had that id."""
    try:
        live = follow_merges(session, speaker_id)
    except SpeakerNotFound:
        return SpeakerChoice(unknown_id=speaker_id)
    return SpeakerChoice(merged_into=queries.speaker_rows(session, [live])[0])


def _live_with_id(session: Session, speaker_id: int) -> list[SpeakerRow]:
    """The speaker with this id when it was not merged away; [] otherwise (a merged id may still be a name)."""
    if not is_stored_id(speaker_id):
        return []
    live = session.execute(select(StoredSpeaker.id).where(StoredSpeaker.id == speaker_id,
                                                          StoredSpeaker.merged_into_id.is_(None))).first()
    return queries.speaker_rows(session, [speaker_id]) if live else []


@dataclass(frozen=True)
class CorrectionSpeaker:
    """Whom a speaker typed for a correction (`quotes fix --speaker`, the web view's form) means: `new_name`, a
    full name no speaker goes by (quotes.db.corrections finds or makes it as ingest would); else a speaker on
    record: `speaker_id` when typed as an id (#12), else `choice` as choose_speaker decides (which may leave
    candidates for the caller to ask about)."""

    new_name: Optional[str] = None
    speaker_id: Optional[int] = None
    choice: Optional[SpeakerChoice] = None


def correction_speaker(session: Session, typed: str) -> CorrectionSpeaker:
    """The existing-or-new decision of a correction, shared by `quotes fix --speaker` and the web view.

    Example:
        target = quotes.db.choose.correction_speaker(session, "Ruth Ash")   # new_name="Ruth Ash"
    """
    name = typed.strip()
    if not means_stored_speaker(session, name):
        return CorrectionSpeaker(new_name=name)
    given = SPEAKER_ID.fullmatch(name)
    if given:
        return CorrectionSpeaker(speaker_id=int(given.group(1)))
    return CorrectionSpeaker(choice=choose_speaker(session, name))
