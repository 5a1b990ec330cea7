"""An article's text cut into segments at its quotes' character offsets, so a template can mark each
statement exactly where the extractor found it (discontinuous quotes mark each span; overlaps keep both)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence


@dataclass
class Segment:
    text: str
    quote_ids: list[int] = field(default_factory=list)  # quotes covering this piece, in text order
    starts: list[int] = field(default_factory=list)  # quotes whose first span begins here (anchor targets)


def quote_spans(quote) -> list[tuple[int, int]]:
    """The [start, end) pieces of one quote: its spans when discontinuous, else start..end."""
    pieces = [(int(s), int(e)) for s, e in (quote.spans or [])]
    return pieces or [(quote.start, quote.end)]


def segments(text: str, quotes: Sequence, *, start: int = 0) -> list[Segment]:
    """`text` from `start` (the body after front matter) as consecutive segments; offsets stay those of the
    whole text. Offsets outside the shown text are clipped, empty pieces skipped."""
    first = max(0, min(start, len(text)))
    pieces = []
    for quote in quotes:
        for index, (left, right) in enumerate(quote_spans(quote)):
            left, right = max(first, min(left, len(text))), max(first, min(right, len(text)))
            if left < right:
                pieces.append((left, right, quote.id, index == 0))
    cuts = sorted({first, len(text)} | {p[0] for p in pieces} | {p[1] for p in pieces})
    result = []
    for left, right in zip(cuts, cuts[1:]):
        covering = [p for p in pieces if p[0] <= left and right <= p[1]]
        result.append(Segment(text=text[left:right],
                              quote_ids=sorted({p[2] for p in covering}),
                              starts=sorted({p[2] for p in covering if p[3] and p[0] == left})))
    return result
