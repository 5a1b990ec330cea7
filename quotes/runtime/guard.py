"""Caps on what the NLP sees of an article, so no accepted input runs for minutes: the Stanza tokenizer's
time grows with the square of a token's length (a 100 KB "word" took 157 s), the parser's with the square
of a sentence's (a 5 MB line is one 4,600-word "sentence": minutes).

The tokenizer gets a view of the text with what is too long left out: it only ever puts spaces where
characters were, so every offset into the view is an offset into the text as read, and the tokens that
remain read the same in both. What is left out is logged, naming the file. Control characters are not
blanked one by one: the reader refuses text with over 5% of them, a run of them is a long run here, and
three PolNeAR texts hold a lone one inside a word that blanking would split. The view of every PolNeAR
text and sample is the text itself, so extraction there is unchanged.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

log = logging.getLogger(__name__)

MAX_TOKEN_CHARS = 200
"""Longer runs without whitespace are no words (a 100 KB 'word', base64, a line of dashes): left out whole."""
MAX_PARAGRAPH_CHARS = 20_000
"""A paragraph (one line) is read up to here: a whole news story fits; the rest of a 5 MB line does not."""

MAX_ANALYSED_CHARS = 150_000
"""Of a longer article only the first 150,000 characters are analysed (the end of the last whole line
before): the longest PolNeAR text has 34,309. Dense quoted text costs about 0.2 CPU-ms a character, so
this keeps an article under ~40 CPU-s; a 5 MB article was 898 CPU-s and more."""
MAX_ANALYSED_LINES = 3_000
"""Of an article with more non-empty lines (paragraphs) only the first 3,000 are analysed: the most in
PolNeAR is 616; 100,000 short lines took 108 CPU-s and 957 MB."""

MAX_PARSE_WORDS = 300
"""Longer sentences are not parsed (300 words take 2.2 s, 600 words 10 s); the longest of PolNeAR dev has 222."""

# anchored at the start of a run / a line: unanchored, every position inside a run or line just under the
# limit would start a fresh scan to its end (quadratic: 26 s for 1 MB of 19,999-character paragraphs)
_LONG_RUN = re.compile(r"(?<!\S)\S{%d,}" % (MAX_TOKEN_CHARS + 1))
_LONG_PARAGRAPH = re.compile(r"^[^\n]{%d,}" % (MAX_PARAGRAPH_CHARS + 1), re.M)


@dataclass
class TokenizerView:
    """`text` as the tokenizer should see it, and what was left out of it."""

    text: str
    long_runs: int = 0
    longest_run: int = 0
    cut_paragraphs: int = 0
    cut_at: int = 0  # when the text was cut short (MAX_ANALYSED_*): where the view ends; 0 when it was not
    cut_because: str = ""

    def left_out(self) -> str:
        """What was left out, in words; empty when the view is the text itself."""
        parts = []
        if self.long_runs:
            parts.append(f"{self.long_runs} run(s) of over {MAX_TOKEN_CHARS} characters without a space "
                         f"(the longest {self.longest_run:,})")
        if self.cut_paragraphs:
            parts.append(f"what follows the first {MAX_PARAGRAPH_CHARS:,} characters of {self.cut_paragraphs} "
                         "paragraph(s)")
        if self.cut_at:
            parts.append(f"everything after character {self.cut_at:,} ({self.cut_because})")
        return ", ".join(parts)


def tokenizer_view(text: str) -> TokenizerView:
    """The view of `text` for the tokenizer: spaces where runs of over MAX_TOKEN_CHARS non-space characters
    and paragraph tails past MAX_PARAGRAPH_CHARS were, and only the first MAX_ANALYSED_CHARS characters or
    MAX_ANALYSED_LINES non-empty lines of a longer text. Every offset into the view is one into the text
    (the view is as long as the text, or a prefix of it when it was cut short)."""
    view = TokenizerView(text)
    cut_short(view)

    def blank_run(match: re.Match) -> str:
        view.longest_run = max(view.longest_run, len(match.group()))
        return " " * len(match.group())

    view.text, view.long_runs = _LONG_RUN.subn(blank_run, view.text)

    def cut(match: re.Match) -> str:
        if match.group()[MAX_PARAGRAPH_CHARS:].strip():  # a tail already blanked above is nothing left out
            view.cut_paragraphs += 1
        return match.group()[:MAX_PARAGRAPH_CHARS] + " " * (len(match.group()) - MAX_PARAGRAPH_CHARS)

    view.text = _LONG_PARAGRAPH.sub(cut, view.text)
    if view.cut_at:
        view.text = view.text.rstrip()  # still a prefix: no blank tail for the tokenizer to walk
    return view


_LINE = re.compile(r"[^\n]*\S[^\n]*(\n|$)")


def cut_short(view: TokenizerView) -> None:
    """Keep the first MAX_ANALYSED_LINES non-empty lines and at most MAX_ANALYSED_CHARS characters of
    `view.text`, ending at a line end (else a space) where there is one."""
    text = view.text
    end, because = len(text), ""
    if len(text) > MAX_ANALYSED_CHARS:
        limit = MAX_ANALYSED_CHARS
        at_line = text.rfind("\n", 0, limit)
        at_space = text.rfind(" ", 0, limit)
        end = at_line + 1 if at_line > limit // 2 else at_space + 1 if at_space > limit // 2 else limit
        because = f"only the first {MAX_ANALYSED_CHARS:,} characters of an article are analysed"
    if text.count("\n", 0, end) >= MAX_ANALYSED_LINES:
        for number, line in enumerate(_LINE.finditer(text, 0, end), start=1):
            if number == MAX_ANALYSED_LINES:
                if line.end() < end:
                    end = line.end()
                    because = f"only the first {MAX_ANALYSED_LINES:,} non-empty lines of an article are analysed"
                break
    if end < len(text) and text[end:].strip():
        view.text, view.cut_at, view.cut_because = text[:end], end, because


def tokenizer_texts(texts: list[str], sources: list[str]) -> list[str]:
    """The views of `texts` for the tokenizer, with a warning naming each source where something was left
    out (statements there are not found)."""
    views = []
    for text, source in zip(texts, sources, strict=True):
        view = tokenizer_view(text)
        if view.text != text:
            log.warning("%s: left out of the analysis: %s; statements there are not found", source,
                        view.left_out())
        views.append(view.text)
    return views


def parseable(sentence) -> bool:
    """Is this tokenized sentence short enough to parse?"""
    return len(sentence.words) <= MAX_PARSE_WORDS


def warn_unparsed(docs: list, sources: list[str]) -> None:
    """A warning naming each source with sentences too long to parse (statements there are not found)."""
    for doc, source in zip(docs, sources, strict=True):
        lengths = [len(sentence.words) for sentence in doc.sentences if not parseable(sentence)]
        if lengths:
            log.warning("%s: %d sentence(s) of over %d words (the longest %d) left out of the analysis; "
                        "statements there are not found", source, len(lengths), MAX_PARSE_WORDS, max(lengths))
