"""Read articles from .txt, .html and .jsonl files (or stdin) into `Article` records.

Every problem with an input becomes a `quotes.errors.InputError` naming the file (and line) and the fix.
`read_articles` yields such errors as values instead of raising them, so one bad JSONL line never hides
the good ones around it.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import re
import stat
import sys
from datetime import date, datetime
from itertools import chain
from pathlib import Path
from typing import BinaryIO, Iterator, Optional, Union

from quotes.errors import InputError
from quotes.ingest.metadata import (DATE_PATTERNS, KNOWN_HINT, MONTHS, as_text, date_from_match, find_byline,  # noqa: F401
                             exists_as_file, find_date, find_outlet_line, find_wire_outlet, front_matter,
                             known_fields, load_json, parse_date, read_byline, read_sidecar, sidecar_of)
from quotes.records import Article
from quotes.terminal import printable

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 5_000_000
"""Largest article read by default (5 MB, far above any news story); `--max-bytes` raises it."""

SUFFIX_FORMATS = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl",
                  ".ndjson": "jsonl"}

DATELINE_LINES = 6
"""How many non-empty lines at the top of a .txt article may hold its dateline."""

ReadResult = Union[Article, InputError]


def article_format(path: str) -> str:
    """'txt', 'html' or 'jsonl' from the file name; unknown suffixes are read as plain text."""
    return SUFFIX_FORMATS.get(Path(path).suffix.lower(), "txt")


def read_articles(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES,
                  stdin: Optional[BinaryIO] = None) -> Iterator[ReadResult]:
    """Yield the articles in `path` (`-` reads stdin) and an InputError for each part that cannot be read.

    Articles and errors name the file by `display_path(path)`, which stays printable and storable.

    Example:
        for article in quotes.read_articles("feed.jsonl"):
            if isinstance(article, quotes.Article):
                print(article.title, article.published_at)
    """
    source = display_path(path)
    try:
        if path != "-" and article_format(path) == "jsonl":
            with open_input(path) as fh:
                refuse_binary(fh.read(8192), source=source)
                fh.seek(0)
                yield from jsonl_articles(bounded_lines(fh, max_bytes), source=source, max_bytes=max_bytes)
            return
        if path == "-":
            yield from stdin_articles(stdin or sys.stdin.buffer, max_bytes=max_bytes)
            return
        data = read_limited(path, max_bytes=max_bytes)
        if article_format(path) == "html":
            article = html_article(decode(data, source=source), source=source)
        else:
            article = text_article(decode(data, source=source), source=source)
        sidecar = sidecar_of(path)
        if sidecar is not None:
            article = with_fields(article, read_sidecar(sidecar, source=source), source=source,
                                  where=f"sidecar {sidecar.name}: ")
        yield article
    except InputError as error:
        yield error


def is_sidecar(path: str) -> bool:
    """A .json beside an article file of the same name (story.json or story.txt.json by story.txt): the
    article's metadata, never an article itself."""
    if not path.lower().endswith(".json"):
        return False
    stem = Path(path)
    siblings = [Path(path[:-5])] + [stem.with_suffix(suffix) for suffix in SUFFIX_FORMATS if suffix != ".jsonl"]
    return any(s.suffix.lower() in SUFFIX_FORMATS and exists_as_file(s) for s in siblings)


def read_article(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """The single article in a .txt or .html file; raises InputError when it cannot be read."""
    results = list(read_articles(path, max_bytes=max_bytes))
    for result in results:
        if isinstance(result, InputError):
            raise result
    if len(results) != 1:
        raise InputError(f"{display_path(path)}: holds {len(results)} articles; use read_articles() for JSONL files")
    return results[0]


def display_path(path: str) -> str:
    """The path as people can read and store it: bytes that are not UTF-8 (a name from another system,
    kept by Python as surrogate escapes) are written as \\xNN instead of breaking printing and storage."""
    return printable(os.fsencode(path).decode("utf-8", "backslashreplace"))


def file_problem(path: str, mode: int) -> Optional[str]:
    """Why a path of this stat mode is not read as an article (None for a regular file). A FIFO is never
    opened: with no writer, opening it waits forever."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a directory; pass the files in it, or the directory to `quotes ingest`"
    if stat.S_ISFIFO(mode):
        return ("a named pipe (FIFO), not a file: skipped, since reading it could wait forever; "
                "pipe its contents to `-` instead")
    if stat.S_ISSOCK(mode):
        return "a socket, not a file: skipped; pass article files"
    return "a device, not a file: skipped; pass article files"


def stat_problem(path: str, error: OSError) -> str:
    """One line saying why `path` could not be looked at or opened, and what to do."""
    if error.errno == errno.ELOOP:
        return "a symbolic link loop (the link leads back to itself); fix or remove the link"
    if error.errno == errno.ENOENT:
        if os.path.islink(path):
            return "a broken symbolic link (what it points to is gone); fix or remove the link"
        return "no such file or directory; check the path"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied; make it readable"
    return f"cannot be read ({error.strerror or error}); check the path"


def open_input(path: str) -> BinaryIO:
    """The file opened for reading; anything but a regular file is refused before it is opened, and again
    after (non-blocking), in case it was swapped for a pipe in between."""
    source = display_path(path)
    try:
        problem = file_problem(path, os.stat(path).st_mode)
        if problem is None:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
            problem = file_problem(path, os.fstat(fd).st_mode)
            if problem is None:
                os.set_blocking(fd, True)
                return os.fdopen(fd, "rb")
            os.close(fd)
    except OSError as error:
        raise InputError(f"{source}: {stat_problem(path, error)}")
    raise InputError(f"{source}: {problem}")


def stdin_articles(stream: BinaryIO, *, max_bytes: int) -> Iterator[ReadResult]:
    """Articles from stdin, which has no file name: JSON lines are streamed (the limit is per line)."""
    head = stream.read(4096)
    fmt = sniff_format(head)
    if fmt == "jsonl":
        first_lines = (head + stream.readline(max_bytes + 1)).splitlines(keepends=True)  # completes the cut line
        lines = chain(first_lines, bounded_lines(stream, max_bytes))
        yield from jsonl_articles(lines, source="-", max_bytes=max_bytes)
        return
    data = head + stream.read(max(0, max_bytes + 1 - len(head)))
    if len(data) > max_bytes:
        raise InputError(too_large("-", max_bytes))
    text = decode(data, source="-")
    yield html_article(text, source="-") if fmt == "html" else text_article(text, source="-")


def bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[Optional[bytes]]:
    """Lines of the stream; None stands for a line over `max_bytes`, skipped without holding it in memory."""
    while line := stream.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def read_limited(path: str, *, max_bytes: int) -> bytes:
    """The file's bytes, refusing anything over `max_bytes` before reading it all."""
    with open_input(path) as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(too_large(display_path(path), max_bytes))
    return data


def too_large(source: str, max_bytes: int) -> str:
    return (f"{source}: larger than the {max_bytes:,}-byte limit for one article; "
            f"pass --max-bytes {max_bytes * 10} to read it anyway")


def sniff_format(data: bytes) -> str:
    """Guess the format of stdin, which has no file name: JSON object lines, HTML, or plain text."""
    head = data.lstrip()[:512].lower()
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"<"):
        return "html"
    return "txt"


def decode(data: bytes, *, source: str) -> str:
    """Text of a file: UTF-8 (with or without BOM), UTF-16 (BOM, or the NUL pattern of one without), cp1252
    for a file with no UTF-8 multibyte sequence at all, else UTF-8 with only the bad bytes replaced (U+FFFD).
    NUL characters become U+FFFD too: same length, so offsets hold, and every database can store them."""
    if not data.strip():
        raise InputError(f"{source}: empty file; nothing to read (check that the file was saved)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return without_nul(data.decode("utf-16", errors="replace"), source=source)
    utf16 = utf16_without_bom(data)
    if utf16:
        log.warning("%s: UTF-16 without a byte-order mark; read as %s", source, utf16)
        return without_nul(data.decode(utf16, errors="replace"), source=source)
    refuse_binary(data, source=source)
    try:
        return without_nul(data.decode("utf-8-sig"), source=source)
    except UnicodeDecodeError as error:
        position = error.start
    if not UTF8_MULTIBYTE.search(data):
        log.warning("%s: not valid UTF-8 (byte %d); read as cp1252 — re-save it as UTF-8 if the text looks wrong",
                    source, position)
        return without_nul(data.decode("cp1252", errors="replace"), source=source)
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    log.warning("%s: %d places are not valid UTF-8 (the first at byte %d); each is read as U+FFFD — re-save the "
                "file as UTF-8", source, bad, position)
    return without_nul(text, source=source)


UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
"""A well-formed UTF-8 multibyte sequence (near enough): a legacy 8-bit file almost never holds one."""


def utf16_without_bom(data: bytes) -> Optional[str]:
    """'utf-16-le' or 'utf-16-be' when the first bytes show the NUL of every other byte that UTF-16 text in
    a Latin script has (an 'A' is 41 00 or 00 41); None otherwise."""
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    if len(odd) < 8:
        return None
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if nul_odd >= 0.3 and nul_even <= 0.02:
        return "utf-16-le"
    if nul_even >= 0.3 and nul_odd <= 0.02:
        return "utf-16-be"
    return None


def without_nul(text: str, *, source: str) -> str:
    """NUL characters as U+FFFD (same length, so offsets hold; PostgreSQL stores no NUL), with a warning."""
    count = text.count("\x00")
    if not count:
        return text
    log.warning("%s: %d NUL character%s read as U+FFFD", source, count, "" if count == 1 else "s")
    return text.replace("\x00", "\ufffd")


def refuse_binary(data: bytes, *, source: str) -> None:
    """A PDF, or a file whose start is over 1% NUL bytes (images, archives), is not an article. A stray NUL
    in text is not enough: `decode` replaces it."""
    if data.startswith(b"%PDF"):
        raise InputError(f"{source}: a PDF, not text; convert it first (e.g. `pdftotext {source}`)")
    head = data[:8192]
    if head.count(0) > len(head) / 100:
        raise InputError(f"{source}: looks like a binary file (NUL bytes); pass a .txt, .html or .jsonl article")


LANGUAGE_SAMPLE = 64
"""Below this many visible characters the ratios below say too little to refuse anything."""
LANGUAGE_BLOCK = 5_000
MAX_CONTROL_SHARE = 0.05
MIN_LETTER_SHARE = 0.30


_SPACE = re.compile(r"\s+")
_LETTER = re.compile(r"[^\W\d_]")  # a word character that is neither digit nor underscore: a letter
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ufffd\ud800-\udfff]")  # controls, U+FFFD, lone surrogates


def refuse_non_language(text: str, *, source: str) -> None:
    """Refuse text that is not language: random bytes read as characters, control characters, U+FFFD.
    A long text is judged on 20 blocks spread over it (a 5 MB text in milliseconds, not seconds)."""
    if len(text) > 20 * LANGUAGE_BLOCK:
        step = len(text) // 20
        text = "".join(text[start:start + LANGUAGE_BLOCK] for start in range(0, 20 * step, step))
    visible = _SPACE.sub("", text)
    if len(visible) < LANGUAGE_SAMPLE:
        return
    letters = len(visible) - len(_LETTER.sub("", visible))
    control = len(visible) - len(_CONTROL.sub("", visible))
    if control > MAX_CONTROL_SHARE * len(visible) or letters < MIN_LETTER_SHARE * len(visible):
        raise InputError(f"{source}: does not look like text ({percent(letters, visible)} letters, "
                         f"{percent(control, visible)} control or undecodable characters); pass an article "
                         "saved as text, in UTF-8")


def percent(part: int, whole: str) -> str:
    return f"{100 * part / len(whole):.0f}%"


def text_article(text: str, *, source: str) -> Article:
    """A plain-text article: front matter (a `---` block of `key: value` lines) if it opens with one; else
    the first non-empty line is the title, and the lines below it may hold a dateline, a "By …" line and a
    wire dateline naming the outlet ("ALMATY (Northwire) — …").

    The text is kept whole (front matter, title and dateline included) so offsets index the file exactly
    as read.
    """
    fields, body_start = front_matter(text, source=source)
    lines = [line.strip() for line in text[body_start:].splitlines() if line.strip()]
    if not lines and not fields:
        raise InputError(f"{source}: empty file; nothing to read (check that the file was saved)")
    refuse_non_language(text, source=source)
    title = as_text(fields.get("title"))
    top = lines[:DATELINE_LINES] if title else lines[1:DATELINE_LINES + 1]
    author, byline_outlet = find_byline(top)
    article = Article(text=text, source=source, title=title or (lines[0] if lines else None),
                      outlet=byline_outlet or find_wire_outlet(top) or find_outlet_line(top),
                      published_at=find_date(top), author=author)
    return with_fields(article, fields, source=source, where="front matter ")


def with_fields(article: Article, fields: dict, *, source: str, where: str = "") -> Article:
    """`article` with the metadata `fields` (by Article field, from front matter, a sidecar or a JSONL
    record) written over what was found in the text."""
    for field in ("title", "outlet", "url", "author"):
        value = as_text(fields.get(field))
        if value:
            setattr(article, field, value)
    if fields.get("published_at") not in (None, ""):
        try:
            article.published_at = parse_date(fields["published_at"])
        except (ValueError, OverflowError, OSError):  # a timestamp out of the platform's range raises the last two
            raise InputError(f"{source}: {where}published_at {fields['published_at']!r} is not a date; "
                             "write it as YYYY-MM-DD")
    return article


MAX_HTML_ATTRIBUTES = 1_000
"""A tag with more attributes loses them before lxml parses the page: lxml's time grows with the square of
one tag's attribute count (80,000 took 26.6 s, 200,000 over 180 s); a real page's tags have a few dozen."""
_TAG = re.compile(r"<([A-Za-z][\w:.-]*)(\s[^<>]{%d,})>" % (2 * MAX_HTML_ATTRIBUTES))


def without_attribute_floods(html: str, *, source: str) -> str:
    """`html` with the attributes of every tag holding over MAX_HTML_ATTRIBUTES of them dropped, warned about."""
    flooded = []

    def strip(match: re.Match) -> str:
        count = len(match.group(2).split())
        if count <= MAX_HTML_ATTRIBUTES:
            return match.group()
        flooded.append(count)
        return f"<{match.group(1)}>"

    html = _TAG.sub(strip, html)
    if flooded:
        log.warning("%s: the attributes of %d HTML tag(s) with over %s of them (the most %s) were dropped before "
                    "reading the page", source, len(flooded), f"{MAX_HTML_ATTRIBUTES:,}", f"{max(flooded):,}")
    return html


def html_article(html: str, *, source: str) -> Article:
    """The main text and metadata of a web page, through trafilatura."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    html = without_attribute_floods(html, source=source)

    try:
        document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                               include_tables=False)
    except Exception as error:  # trafilatura/lxml raise many types on bad markup
        raise InputError(f"{source}: broken HTML ({error}); save the page again or convert it to .txt")
    if document is None or not (document.text or "").strip():
        raise InputError(f"{source}: no article text found in the HTML (broken markup or not an article page);"
                         " save the article page itself, or convert it to .txt")
    text = html_body(document.text, document.title)
    refuse_non_language(text, source=source)
    author, byline_outlet = read_byline(document.author.replace(";", ",")) if document.author else (None, None)
    sitename = document.sitename or None
    if byline_outlet and (not sitename or re.fullmatch(r"[\w.-]+\.[a-z]{2,}", sitename)):
        sitename = byline_outlet  # the byline's name over trafilatura's fallback, the page's domain
    return Article(text=text, source=source, title=document.title or None,
                   outlet=sitename, url=document.url or None,
                   published_at=parse_date(document.date), author=author)


def html_body(text: str, title: Optional[str]) -> str:
    """The article text of a page without its headline, one blank line between paragraphs. trafilatura
    puts the headline first and each paragraph on one line: read as text, the headline ran into the lede's
    first sentence (it became a statement, and the lede lost its speaker). The title is kept as metadata."""
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    if len(paragraphs) > 1 and title and _folded(paragraphs[0]) == _folded(title):
        paragraphs = paragraphs[1:]
    return "\n\n".join(paragraphs)


def _folded(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def jsonl_articles(lines, *, source: str, max_bytes: int) -> Iterator[ReadResult]:
    """One article per non-blank line of JSON; each bad line is one InputError naming its number. Fields
    go by their usual names (quotes.ingest.metadata.FIELD_NAMES); keys it does not know are named in one warning."""
    seen_any = False
    ignored: dict[str, int] = {}
    for number, raw in enumerate(lines, start=1):
        where = f"{source}:{number}"
        if raw is None or len(raw) > max_bytes:
            yield InputError(too_large(where, max_bytes))
            continue
        if not raw.strip():
            continue
        seen_any = True
        try:
            yield jsonl_article(decode(raw, source=where), source=where, ignored=ignored)
        except InputError as error:
            yield error
    if ignored:
        listing = ", ".join(f"{key} ({count} line{'' if count == 1 else 's'})" for key, count in ignored.items())
        log.warning("%s: fields ignored: %s (known: %s)", source, listing, KNOWN_HINT)
    if not seen_any:
        yield InputError(f"{source}: empty file; nothing to read (expected one JSON object per line)")


def jsonl_article(line: str, *, source: str, ignored: Optional[dict] = None) -> Article:
    """One JSONL record as an Article; `ignored` counts the keys it did not know."""
    try:
        record = load_json(line.rstrip("\r\n"))
    except json.JSONDecodeError as error:
        raise InputError(f"{source}: not JSON ({error.msg}, column {error.colno}); "
                         "write one JSON object per line")
    except ValueError as error:  # nested too deep
        raise InputError(f"{source}: {error}; write one flat JSON object per line")
    if not isinstance(record, dict):
        raise InputError(f"{source}: a JSON {type(record).__name__}, not an object; "
                         'write one object per line, e.g. {"text": "..."}')
    fields, unknown = known_fields(record)
    for key in unknown:
        if ignored is not None:
            ignored[key] = ignored.get(key, 0) + 1
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f'{source}: no "text" field with the article text; add it, e.g. {{"text": "..."}}')
    text = without_nul(text, source=source)  # a NUL written as \u0000 in the JSON
    refuse_non_language(text, source=source)
    article = Article(text=text, source=as_text(fields.get("id")) or source)
    return with_fields(article, fields, source=source, where="")
