"""Records that cross module boundaries: an article as read, and one statement as extracted; and the
outlet key that groups articles by outlet (read by ingest, stored and queried by quotes.db)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Optional


@dataclass
class Article:
    """An article as read from a file or a JSONL line; `text` is exactly what offsets index into.

    Example:
        Article(text=body, source="story.txt", title="Harbour reopens", outlet="Northwire",
                published_at=date(2022, 1, 12), url="https://northwire.example/h")
    """

    text: str
    source: str
    title: Optional[str] = None
    outlet: Optional[str] = None
    published_at: Optional[date] = None
    url: Optional[str] = None
    author: Optional[str] = None  # the byline, as written ("Jane Doe and Ola Nordmann")


@dataclass
class QuoteRecord:
    """One statement found in an article: the output contract of `quotes extract` (see DESIGN.md).

    Example:
        record.speaker, record.kind, article_text[record.start:record.end] == record.text
    """

    source: str
    text: str
    start: int
    end: int
    kind: str  # "direct" | "indirect" | "mixed"
    spans: list[list[int]] = field(default_factory=list)
    cue: Optional[str] = None
    cue_start: Optional[int] = None
    cue_end: Optional[int] = None
    speaker: Optional[str] = None
    speaker_kind: str = "unknown"  # "person" | "organization" | "group" | "unknown"
    mention: Optional[str] = None
    mention_start: Optional[int] = None
    mention_end: Optional[int] = None
    role: Optional[str] = None
    confidence: float = 0.0
    rule: str = ""

    def to_dict(self) -> dict:
        """The record as the JSON object `quotes extract --format jsonl` prints, fields in contract order."""
        return {name: getattr(self, name) for name in CONTRACT_FIELDS}


CONTRACT_FIELDS = (
    "source", "text", "start", "end", "spans", "kind",
    "cue", "cue_start", "cue_end",
    "speaker", "speaker_kind", "mention", "mention_start", "mention_end",
    "role", "confidence", "rule",
)

def outlet_key(outlet: Optional[str]) -> Optional[str]:
    """The outlet's name folded for grouping and filtering: case, accents, punctuation and a leading "The"
    do not count ("The Harbor City Herald" and "Harbor City Herald" are one outlet). None for no name."""
    if not outlet or not outlet.strip():
        return None
    decomposed = unicodedata.normalize("NFKD", outlet)
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    words = re.sub(r"[^\w&]+", " ", folded).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words) or outlet.strip().casefold()
