"""Quote-mark spans found in raw text: straight and curly, double and single marks (single ones told from
apostrophes), a quotation nested in the other kind of mark, quotes that run over several paragraphs by
re-opening the mark, and unbalanced or stray marks that must never swallow the article."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Optional

from quotes.extraction.lexicon import elisions, quote_mark_families, quote_marks

# characters that may stand right before an opening mark / right after a closing one
_BEFORE_OPEN = set(" \t\n\xa0([{—–-/:;“‘„«\"'")
_AFTER_CLOSE = set(" \t\n\xa0)]}.,;:!?—–-/”’»\"'")
# every character that can be (part of) a quotation mark, and the closing ones, for rules that
# look at the text around a quote
MARK_CHARS = "\"“”„«»`'‘’"
CLOSING_MARKS = "”\"'’»"
# the s of a possessive written right after a mark that ends a word ('s', not 'sure' or 'she')
_POSSESSIVE_S = re.compile(r"s(?!\w)")
# an apostrophe that opens a word: ’90s, ’n’, ’em
_ELIDED = re.compile(r"(\d\ds\b|\d\d(?![\w-])|[a-z]+\b)", re.IGNORECASE)  # ’90s, ’16; not ‘50-state


@dataclass
class QuoteSpan:
    """The inside of one quotation (marks excluded). `pieces` are the per-paragraph parts of a quote that
    re-opens its mark in each paragraph; `closed` is False when the closing mark was missing and the
    paragraph end stood in for it (or the opening mark was missing and the paragraph start did)."""

    start: int
    end: int
    pieces: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = True

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


# markup left in extracted text ('<blockquote author="@name" id="74…">'): attribute values are not quotations
_ATTRIBUTE_VALUE = re.compile(r"[\w-]=(\"[^\"\n]{0,200}\")")


def _mark_pattern() -> re.Pattern:
    marks = sorted(quote_marks(), key=len, reverse=True)
    return re.compile("|".join(re.escape(mark) for mark in marks))


def _role(text: str, match: re.Match) -> str:
    """"open", "close" or "either" for one mark: from its shape, or for a straight mark from its neighbours
    (an opener follows a space and precedes a word; a closer does the reverse). A single mark can also be
    "stray" (an apostrophe: don’t, ’90s, rock ’n’ roll) or "possessive" (the candidates’ plans: a closing
    mark only if no other closes the quote)."""
    declared = quote_marks()[match.group()]
    before = text[match.start() - 1] if match.start() > 0 else " "
    after = text[match.end()] if match.end() < len(text) else " "
    if quote_mark_families()[match.group()] == "single":
        role = _single_role(text, match, before, after)
        if role is not None:
            return role
    if declared == "open" and after.isspace() and not before.isspace():
        return "close"  # “ typed for ” after a word: closes, as the writer meant
    if declared == "open" and after.isspace() and not text[match.end():match.end() + 6].lstrip().startswith(
        ("…", "...", ". . .")
    ):
        return "stray"  # an opener followed by a space opens nothing (bullets, typos), unless an ellipsis
    if declared != "either":
        return declared
    open_like = before in _BEFORE_OPEN and not after.isspace()
    close_like = after in _AFTER_CLOSE and not before.isspace()
    if open_like and not close_like:
        return "open"
    if close_like and not open_like:
        return "close"
    return "either"


def _single_role(text: str, match: re.Match, before: str, after: str) -> Optional[str]:
    """What tells an apostrophe from a single quotation mark; None leaves the mark to the shared rules."""
    if before.isalnum() and after.isalnum():
        return "stray"  # don’t, O’Brien, Hawai‘i
    if not before.isspace() and before not in _BEFORE_OPEN and _POSSESSIVE_S.match(text, match.end()):
        return "stray"  # the possessive of an abbreviation: L.A.’s, U.S.'s, Yahoo!'s
    if not before.isalnum() and after.isalnum():
        elided = _ELIDED.match(text, match.end())
        if elided and (elided.group().lower() in elisions() or elided.group()[0].isdigit()):
            return "stray"  # ’90s, ’em, the first mark of ’n’
    if before.isalpha() and not after.isalnum():
        role = _after_word_role(text, match, after)
        if role is not None:
            return role
    if match.group() == "’" and not before.isalnum() and after.isalnum():
        return "close"  # typed for ‘ or an unknown elision: it opens nothing
    return None


def _after_word_role(text: str, match: re.Match, after: str) -> Optional[str]:
    """A single mark right after a word and before no word: an elision's second mark or a plural's possessive."""
    word = re.search(r"(\w+)$", text[max(0, match.start() - 30):match.start()])
    previous = text[max(0, match.start() - 3):match.start() - 1]
    if word and word.group(1).lower() in elisions() and previous[-1:] in "'‘’":
        return "stray"  # the second mark of rock ’n’ roll
    if after.isspace() and word and word.group(1)[-1].lower() in "sxz" \
            and re.match(r"\s+[\w$£€]", text[match.end():match.end() + 3]):
        return "possessive"  # the candidates’ plans
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in re.finditer(r"\n", text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _reopens(text: str, paragraph: tuple[int, int], pattern: re.Pattern) -> Optional[re.Match]:
    """The mark that opens `paragraph`, if its first non-space character opens a quote."""
    start, end = _trim(text, *paragraph)
    match = pattern.match(text, start, end)
    if match and _role(text, match) in ("open", "either"):
        return match
    return None


def quote_spans(text: str) -> list[QuoteSpan]:
    """Every quotation in `text`, in order. A missing closing mark is closed at the paragraph end, so a
    stray mark costs at most one paragraph; a paragraph that re-opens the mark continues the quote. Inside a
    quotation the other kind of mark is a nested quotation and belongs to it; a single mark inside a single
    quotation nests one level deeper (‘He called it ‘fake’,’ she said)."""
    pattern = _mark_pattern()
    families = quote_mark_families()
    markup = {i for m in _ATTRIBUTE_VALUE.finditer(text) for i in (m.start(1), m.end(1) - 1)}
    paragraphs = [(start, end) for start, end in _paragraphs(text) if text[start:end].strip()]
    spans: list[QuoteSpan] = []
    pieces: list[tuple[int, int]] = []  # finished pieces of a quote still open across paragraphs
    open_at: Optional[int] = None  # offset just after the opening mark of the current piece
    family, depth = "", 0  # the kind of mark that opened the current quote, and its nesting depth
    for index, (p_start, p_end) in enumerate(paragraphs):
        matches = [m for m in pattern.finditer(text, p_start, p_end)]
        for position, match in enumerate(matches):
            if open_at is not None and match.start() < open_at:
                continue  # the re-open mark that started this piece
            role = "stray" if match.start() in markup else _role(text, match)
            if role == "stray":
                continue
            kind = families[match.group()]
            if open_at is None:
                if role == "open" or role == "either":
                    open_at, family, depth = match.end(), kind, 1
                elif role == "close" and (not spans or spans[-1].end < p_start):
                    _missing_open(text, p_start, match.start(), spans)
                continue
            if kind != family:
                continue  # a quotation nested in the other kind of mark
            if kind == "single":
                if role == "open":
                    depth += 1
                    continue
                if role == "possessive" and depth == 1 and _closed_later(text, matches[position + 1:]):
                    continue
                depth -= 1
                if depth > 0:
                    continue
            elif role == "open" and quote_marks()[match.group()] == "open":
                spans.append(_span(text, pieces + [(open_at, match.start())], closed=False))
                pieces, open_at = [], match.end()
                continue
            spans.append(_span(text, pieces + [(open_at, match.start())], closed=True))
            pieces, open_at = [], None
        if open_at is None:
            continue
        following = _next_paragraph(text, paragraphs, index)
        reopen = _reopens(text, following, pattern) if following else None
        if reopen is not None and families[reopen.group()] == family and _quote_ends_sentence(text, open_at, p_end):
            pieces.append((open_at, p_end))
            open_at, depth = reopen.end(), 1
        else:
            spans.append(_span(text, pieces + [(open_at, p_end)], closed=False))
            pieces, open_at = [], None
    return [span for span in spans if span.end > span.start]


def _closed_later(text: str, later: list[re.Match]) -> bool:
    """Another single mark later in the paragraph closes the quote before any new one opens: the mark
    before it was an apostrophe."""
    for match in later:
        if quote_mark_families()[match.group()] != "single":
            continue
        role = _role(text, match)
        if role in ("close", "either", "possessive"):
            return True
        if role == "open":
            return False
    return False


def _next_paragraph(text, paragraphs, index) -> Optional[tuple[int, int]]:
    return paragraphs[index + 1] if index + 1 < len(paragraphs) else None


def _quote_ends_sentence(text: str, open_at: int, p_end: int) -> bool:
    """A quote carried to the next paragraph ends its paragraph on sentence punctuation (news style)."""
    start, end = _trim(text, open_at, p_end)
    return end > start and text[end - 1] in ".!?…:;,—-)"


def _missing_open(text: str, p_start: int, close_at: int, spans: list[QuoteSpan]) -> None:
    """A closing mark with no opener, at the end of a paragraph-initial clause: the writer dropped the
    opening mark; take the paragraph start as the opener when the quote is a whole clause."""
    start, end = _trim(text, p_start, close_at)
    if end - start >= 20 and text[end - 1] in ",.!?":
        spans.append(QuoteSpan(start, end, [(start, end)], closed=False))


def _span(text: str, pieces: list[tuple[int, int]], closed: bool) -> QuoteSpan:
    trimmed = [_trim(text, start, end) for start, end in pieces]
    trimmed = [(start, end) for start, end in trimmed if end > start] or [(pieces[0][0], pieces[0][0])]
    return QuoteSpan(trimmed[0][0], trimmed[-1][1], trimmed, closed)
