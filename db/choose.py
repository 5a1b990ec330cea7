"""Which stored speaker a typed name means: the one policy the command line and the web view share, so
the two can never pick different people for the same words. Asking the user is the caller's part."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from sqlalchemy import select
from sqlmodel import Session

from . import queries
from .models import StoredSpeaker
from .rows import SpeakerRow

SPEAKER_ID = re.compile(r"#?(\d+)")
"""How a speaker id is typed: "12" or "#12"."""


@dataclass(frozen=True)
class SpeakerChoice:
    """What a typed name decides: `chosen`, or (when it is not decided) the `candidates`, most quoted first.
    Neither: no stored speaker matches."""

    chosen: Optional[SpeakerRow] = None
    candidates: list[SpeakerRow] = field(default_factory=list)

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
        return SpeakerChoice(chosen=matches[0])
    exact = [s for s in matches if s.name.casefold() == typed.casefold()]
    if len(exact) == 1 and not (len(exact[0].name.split()) == 1 and len(matches) > 1):
        return SpeakerChoice(chosen=exact[0])
    return SpeakerChoice(candidates=sorted(matches, key=lambda s: -s.quotes))  # stable: ties keep their order


def _live_with_id(session: Session, speaker_id: int) -> list[SpeakerRow]:
    """The speaker with this id when it was not merged away; [] otherwise (a merged id may still be a name)."""
    if not queries.is_stored_id(speaker_id):
        return []
    live = session.execute(select(StoredSpeaker.id).where(StoredSpeaker.id == speaker_id,
                                                          StoredSpeaker.merged_into_id.is_(None))).first()
    return queries.speaker_rows(session, [speaker_id]) if live else []
