"""Export of stored quotes: CSV, JSON lines and CSL-JSON, over one documented and stable column set.

EXPORT_COLUMNS is a promise to users' scripts: columns may be added at the end, never renamed or removed.
  quote_id, statement_id     stable ids; statement_id groups the same statement across articles
  speaker_id, speaker        resolved speaker (canonical name), speaker_kind person|organization|group|unknown
  role                       role as stated in this article
  text, kind, cue            the statement, direct|indirect|mixed, the reporting expression
  mention                    the words in the article that name the speaker
  article_id, title, outlet, url, published_at (YYYY-MM-DD)
  start, end, spans          character offsets into the article text; spans is a JSON list of [start, end]
  confidence, rule           how sure extraction was, and which rule decided
  updated_at                 when the quote was stored or last changed (UTC), for incremental exports
"""

from __future__ import annotations

import csv
import json
from datetime import date, datetime
from typing import IO, Iterable, Iterator, Optional

from sqlmodel import Session

from quotes.db.models import Quote
from quotes.db.queries import apply_filters, quote_query
from quotes.db.rows import QuoteFilters

EXPORT_COLUMNS: tuple[str, ...] = (
    "quote_id", "statement_id", "speaker_id", "speaker", "speaker_kind", "role", "text", "kind", "cue",
    "mention", "article_id", "title", "outlet", "url", "published_at", "start", "end", "spans",
    "confidence", "rule", "updated_at",
)
STREAM_BATCH = 1000
UTF8_BOM = "\ufeff"


def export_records(session: Session, *, speaker_ids: Optional[list[int]], filters: Optional[QuoteFilters],
                   since_id: Optional[int] = None, updated_since: Optional[datetime] = None) -> Iterator[dict]:
    """Quotes as dicts keyed by EXPORT_COLUMNS, in quote id order so `since_id` resumes where a previous
    export stopped; `updated_since` also picks up quotes moved by a merge or split."""
    query = apply_filters(quote_query(), filters)
    if speaker_ids is not None:
        query = query.where(Quote.speaker_id.in_(speaker_ids))
    if since_id is not None:
        query = query.where(Quote.id > since_id)
    if updated_since is not None:
        query = query.where(Quote.updated_at >= updated_since)
    for row in session.execute(query.order_by(Quote.id).execution_options(yield_per=STREAM_BATCH)):
        yield _record(row)


def _record(row) -> dict:
    values = row._asdict()
    values["quote_id"] = values.pop("id")
    values["published_at"] = _iso(values["published_at"])
    values["updated_at"] = _iso(values["updated_at"])
    return {column: values.get(column) for column in EXPORT_COLUMNS}


def _iso(value) -> Optional[str]:
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def write_csv(records: Iterable[dict], fh: IO[str], *, bom: bool = False) -> int:
    """CSV with a header row; `bom=True` starts with a UTF-8 byte order mark so Excel reads accents.
    Returns the number of records written. Open `fh` with newline="" as the csv module asks."""
    if bom:
        fh.write(UTF8_BOM)
    writer = csv.DictWriter(fh, fieldnames=EXPORT_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow({**record, "spans": json.dumps(record.get("spans") or [])})
        count += 1
    return count


def write_jsonl(records: Iterable[dict], fh: IO[str]) -> int:
    count = 0
    for record in records:
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csl_json(records: Iterable[dict], fh: IO[str]) -> int:
    """A CSL-JSON array (one article-newspaper item per quote) for Zotero and other reference managers."""
    fh.write("[")
    count = 0
    for record in records:
        fh.write(("," if count else "") + "\n" + json.dumps(csl_item(record), ensure_ascii=False))
        count += 1
    fh.write("\n]\n" if count else "]\n")
    return count


def csl_item(record: dict) -> dict:
    item = {"id": f"quote-{record['quote_id']}", "type": "article-newspaper", "title": record.get("title") or ""}
    if record.get("outlet"):
        item["container-title"] = record["outlet"]
    if record.get("url"):
        item["URL"] = record["url"]
    if record.get("published_at"):
        year, month, day = (int(part) for part in record["published_at"][:10].split("-"))
        item["issued"] = {"date-parts": [[year, month, day]]}
    item["note"] = _csl_note(record)
    return item


def _csl_note(record: dict) -> str:
    lines = [f"Speaker: {record.get('speaker') or 'unknown'}"]
    if record.get("role"):
        lines.append(f"Role: {record['role']}")
    lines.append(f"Statement: {record['text']}")
    return "\n".join(lines)
