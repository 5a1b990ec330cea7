"""What an article says about itself: its date, byline, outlet, URL and title, read from what articles
carry (a dateline and a "By …" line near the top, simple front matter, a sidecar .json beside the file, the
fields of a JSONL record). One table of field names serves JSONL, front matter and sidecars alike."""

from __future__ import annotations

import json
import logging
import re
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Optional

from quotes.errors import InputError
from quotes.extraction.lexicon import byline_roles, outlet_words, wire_agencies

log = logging.getLogger(__name__)

# Article field -> the names it goes by in feeds and exports (compared case-, space- and dash-blind).
FIELD_NAMES = {
    "text": ("text", "body", "content", "article", "maintext", "full_text", "article_text"),
    "id": ("id", "doc_id", "uuid", "guid", "article_id"),
    "title": ("title", "headline", "heading"),
    "outlet": ("outlet", "source", "publication", "publisher", "site", "site_name", "newspaper",
               "source_name", "source_domain", "medium"),
    "published_at": ("published_at", "date", "published", "publish_date", "date_publish", "publication_date",
                     "pubdate", "date_published", "published_date", "pub_date", "issued"),
    "url": ("url", "link", "uri", "canonical_url", "source_url", "href"),
    "author": ("author", "authors", "byline", "by", "creator", "writer"),
}


def _fold(key: str) -> str:
    return re.sub(r"[\s_\-]+", "", key).lower()


# folded name -> (field, rank): the first name listed wins when a record has several for one field
_ALIASES = {_fold(name): (field, rank) for field, names in FIELD_NAMES.items() for rank, name in enumerate(names)}

MONTHS = {name: number for number, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for name in names}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DATE_PATTERNS = (
    re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})(?!\d)"),
    re.compile(r"\b(?P<year>\d{4})/(?P<mon>\d{1,2})/(?P<day>\d{1,2})(?!\d)"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I),
)

_NAME = r"[A-Z][\w'’.\-]*(?:\s+(?:(?:van|von|de|der|den|del|della|da|di|du|la|le|bin|al|el|ter)\s+)*[A-Z][\w'’.\-]*){1,3}"
# the names of a byline: "Jane Doe", "Jane Doe and Ola Nordmann", "JANE DOE & OLA NORDMANN"
BYLINE_NAMES = re.compile(rf"(?!The\s){_NAME}(?:\s*(?:&|\b(?i:and)\b)\s*(?!The\s){_NAME})*")
BYLINE_START = re.compile(r"^(?i:by):?\s+(?P<rest>.+?)\s*$")
# the parts of a byline after "By": "Jane Doe, Staff Writer, Harbor City Herald" or "Jane Doe | Reuters"
BYLINE_PARTS = re.compile(r"\s*(?:,|\||\s[-–—]\s)\s*")
# the words an outlet's name may hold besides capitalised ones ("Bank of England Review", "News & Record")
_OUTLET_LINKS = frozenset({"of", "the", "and", "&", "for", "on", "in"})
# A wire dateline: "ALMATY, Kazakhstan (Northwire) — The United Nations ..."
WIRE_DATELINE = re.compile(r"^[A-Z][A-Z .'’\-]{1,40}(?:,[^()\n]{1,40})?\s+\((?P<outlet>[A-Z][\w .&'’\-]{1,40})\)\s*[-–—]")
FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<body>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
FRONT_MATTER_LINE = re.compile(r"^\s*(?P<key>[\w][\w \-]*?)\s*:\s*(?P<value>.*?)\s*$")


def known_fields(record: dict) -> tuple[dict, list[str]]:
    """The values of `record` by Article field (the first name listed wins) and the keys it did not know."""
    found: dict[str, tuple[int, object]] = {}
    unknown = []
    for key, value in record.items():
        known = _ALIASES.get(_fold(str(key)))
        if known is None:
            unknown.append(str(key))
            continue
        field, rank = known
        if field not in found or rank < found[field][0]:
            found[field] = (rank, value)
    return {field: value for field, (_, value) in found.items()}, unknown


def as_text(value: object) -> Optional[str]:
    """A metadata value as one string: lists of names joined ("A and B"), {"name": …} objects unwrapped."""
    if value is None:
        return None
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or value.get("url")
    if isinstance(value, (list, tuple)):
        parts = [as_text(item) for item in value]
        value = " and ".join(part for part in parts if part)
    text = str(value).strip() if value is not None else ""
    return text or None


def parse_date(value: object) -> Optional[date]:
    """A date from what feeds write: ISO dates and datetimes ("2022-01-11", "2022-01-11T07:08:00Z"),
    RFC 2822 ("Tue, 11 Jan 2022 07:08:00 GMT"), written dates ("January 11, 2022", "11 Jan 2022") or a
    Unix timestamp. None for None or ""; ValueError for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        seconds = value / 1000 if value > 10_000_000_000 else value  # milliseconds, as JavaScript writes them
        return datetime.fromtimestamp(seconds, tz=timezone.utc).date()
    if not isinstance(value, str):
        raise ValueError(value)
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
        if re.match(r"\d{4}-\d{2}-\d{2}[T ]", text):
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    found = find_date([text])
    if found is None:
        raise ValueError(value)
    return found


def find_date(lines: list[str]) -> Optional[date]:
    """The first date written in `lines` ("Updated: January 11, 2022, 7:08 AM", "2022-01-11", "11 Jan 2022")."""
    for line in lines:
        for pattern in DATE_PATTERNS:
            for match in pattern.finditer(line):
                found = date_from_match(match)
                if found:
                    return found
    return None


def date_from_match(match: re.Match) -> Optional[date]:
    parts = match.groupdict()
    month = int(parts["mon"]) if parts.get("mon") else MONTHS[parts["month"].lower()]
    try:
        return date(int(parts["year"]), month, int(parts["day"]))
    except ValueError:
        return None


def find_byline(lines: list[str]) -> tuple[Optional[str], Optional[str]]:
    """(author, outlet) from a "By …" line among `lines`: "By Marcus Bell and Ana Lima, Harbor City Herald"
    names both, "By Jane Doe, Staff Writer" only the author (a job title is neither), "By Reuters" an agency
    that is both. (None, None) when no line is a byline ("By the time the ships came in, …")."""
    for line in lines:
        match = BYLINE_START.match(line.strip())
        if match:
            found = read_byline(match["rest"])
            if found != (None, None):
                return found
    return None, None


def read_byline(rest: str) -> tuple[Optional[str], Optional[str]]:
    """(author, outlet) of what follows "By": names first, then job titles and the outlet, in either order."""
    parts = [part for part in BYLINE_PARTS.split(rest.strip().rstrip(".")) if part]
    if len(parts) == 1 and is_wire_agency(parts[0]):
        return parts[0], parts[0]
    outlet = None
    while len(parts) > 1 and (is_byline_role(parts[-1]) or (outlet is None and is_outlet_name(parts[-1], loose=True))):
        tail = parts.pop()
        if not is_byline_role(tail):
            outlet = tail
    if not all(BYLINE_NAMES.fullmatch(part) for part in parts):
        return None, None
    return ", ".join(parts), outlet


def is_byline_role(part: str) -> bool:
    """A job title in a byline ("Staff Writer", "Senior Correspondent for Europe" is not: Europe is not a
    role word)."""
    words = [w.lower() for w in re.findall(r"[\w&]+", part)]
    roles = byline_roles()
    return bool(words) and all(w in roles or w in _OUTLET_LINKS for w in words) and any(w in roles for w in words)


def is_outlet_name(text: str, *, loose: bool = False) -> bool:
    """Does `text` read as the name of a news outlet: a news agency ("Reuters", "AFP"), or capitalised
    words ending in an outlet word ("Harbor City Herald", "The Coastal Courier"). `loose` (the last part of
    a byline, where a name of people would be two words or more) also takes "The …" and one capitalised word
    ("Politico")."""
    text = text.strip()
    if is_wire_agency(text):
        return True
    words = text.split()
    if not words or len(words) > 6 or re.search(r"[\d.!?:;\"“”()]", text.rstrip(".")):
        return False
    if not all(w[0].isupper() or w.lower() in _OUTLET_LINKS for w in words) or not words[0][0].isupper():
        return False
    if re.sub(r"\W", "", words[-1].lower()) in outlet_words():
        return True
    return loose and (words[0] == "The" and len(words) > 1 or len(words) == 1)


def is_wire_agency(text: str) -> bool:
    return " ".join(text.lower().split()) in wire_agencies()


def find_outlet_line(lines: list[str]) -> Optional[str]:
    """An outlet's name on a line of its own near the top ("The Coastal Courier" under the dateline)."""
    return next((line.strip() for line in lines if is_outlet_name(line)), None)



def find_wire_outlet(lines: list[str]) -> Optional[str]:
    """The agency of a wire dateline ("ALMATY, Kazakhstan (Northwire) — …")."""
    for line in lines:
        match = WIRE_DATELINE.match(line.strip())
        if match:
            return match["outlet"].strip()
    return None


def front_matter(text: str, *, source: str) -> tuple[dict, int]:
    """The fields of a `---`-fenced block of `key: value` lines opening the text, and where the block ends
    (0 when there is none). Unknown keys are named in one warning."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    record = {}
    for line in match["body"].splitlines():
        pair = FRONT_MATTER_LINE.match(line)
        if pair and not line.lstrip().startswith("#"):
            record[pair["key"]] = pair["value"].strip().strip("\"'")
    values, unknown = known_fields(record)
    if unknown:
        log.warning("%s: front matter keys ignored: %s (known: %s)", source, ", ".join(unknown), KNOWN_HINT)
    return values, match.end()


def body_start(text: str) -> int:
    """Where the article starts after its front matter (0 when it has none): a page shows the text from
    here, and offsets into the whole text still hold."""
    match = FRONT_MATTER.match(text)
    if not match:
        return 0
    return match.end() + len(text[match.end():]) - len(text[match.end():].lstrip())


def sidecar_of(path: str) -> Optional[Path]:
    """`story.json` (or `story.txt.json`) beside `story.txt`, if there is one."""
    candidates = [Path(path).with_suffix(".json"), Path(path + ".json")]
    return next((c for c in candidates if exists_as_file(c) and str(c) != path), None)


def exists_as_file(path: Path) -> bool:
    """`path.is_file()`, False where the name cannot exist at all (longer than the file system allows:
    a 251-character story name has no room for its `.json`)."""
    try:
        return path.is_file()
    except OSError:
        return False


JSON_TOO_DEEP = "nested deeper than a JSON record can be read (thousands of levels)"


def load_json(text: str):
    """json.loads, with a record nested too deep for Python's parser as a ValueError, not RecursionError."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError(JSON_TOO_DEEP) from None


def read_sidecar(path: Path, *, source: str) -> dict:
    """The fields of a sidecar .json (one JSON object with the same field names as JSONL records)."""
    try:
        record = load_json(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as error:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise InputError(f"{source}: its sidecar {path.name} cannot be read ({error}); fix it or move it away")
    if not isinstance(record, dict):
        raise InputError(f"{source}: its sidecar {path.name} is not a JSON object; write "
                         '{"date": "YYYY-MM-DD", "outlet": "...", "url": "...", "author": "..."}')
    values, unknown = known_fields(record)
    values.pop("text", None)
    if unknown:
        log.warning("%s: sidecar %s keys ignored: %s (known: %s)", source, path.name, ", ".join(unknown),
                    KNOWN_HINT)
    return values


KNOWN_HINT = "text, id, title, outlet, date/published_at, url, author; see README 'Article files'"
