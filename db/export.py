"""What `quotes export` writes: the stored quotes, streamed in id order, over one documented column set.
The formats (CSV, JSON lines, CSL-JSON) are cli/render.py's, like every other listing; on SQLite the CSV
lines themselves come from SQL (export_csv_lines, quotes.db.csvlines), the same text.

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
  then every other field of a stored quote (db/rows.py QUOTE_ROW_FIELDS), in that order: today source,
  cue_start, cue_end, mention_start, mention_end, author (the article's byline); a field added to the
  output contract appears here by itself.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Iterator, Optional, Sequence

from sqlalchemy import Text, literal_column, type_coerce
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from .csvlines import csv_line
from .models import Quote
from .queries import apply_filters, quote_query
from .rows import QUOTE_ROW_FIELDS, QuoteFilters

# The first release's columns, in its order; quote_id is QuoteRow's id.
FIRST_COLUMNS = (
    "quote_id", "statement_id", "speaker_id", "speaker", "speaker_kind", "role", "text", "kind", "cue",
    "mention", "article_id", "title", "outlet", "url", "published_at", "start", "end", "spans",
    "confidence", "rule", "updated_at",
)
EXPORT_COLUMNS: tuple[str, ...] = FIRST_COLUMNS + tuple(
    name for name, _type in QUOTE_ROW_FIELDS if name != "id" and name not in FIRST_COLUMNS)
STREAM_BATCH = 1000
LINE_BATCH = 5000  # CSV lines from SQLite: one short string per quote
EXPORT_PAGE_CACHE = -65536  # KiB (PRAGMA cache_size): 64 MiB


def export_records(session: Session, *, speaker_ids: Optional[list[int]], filters: Optional[QuoteFilters],
                   since_id: Optional[int] = None, updated_since: Optional[datetime] = None) -> Iterator[dict]:
    """Quotes as dicts keyed by EXPORT_COLUMNS, in quote id order so `since_id` resumes where a previous
    export stopped; `updated_since` also picks up quotes moved by a merge or split."""
    query = _export_query(speaker_ids, filters, since_id, updated_since)
    for row in session.execute(query.execution_options(yield_per=STREAM_BATCH)):
        yield quote_record(row)


def export_batches(session: Session, *, speaker_ids: Optional[list[int]], filters: Optional[QuoteFilters],
                   since_id: Optional[int] = None, updated_since: Optional[datetime] = None,
                   size: int = STREAM_BATCH) -> Iterator[list]:
    """The quotes of `export_records` (same choice, same order) as lists of up to `size` rows, each row's
    values in EXPORT_COLUMNS order as the database gives them (dates as date/datetime; spans as its stored
    JSON text where the driver leaves it text, SQLite, else the decoded list): for writers that convert a
    whole batch at once, with no dict per quote (cli/export.py write_csv).

    Example:
        for batch in quotes.db.export.export_batches(session, speaker_ids=None, filters=None):
            writer.writerows(batch)
    """
    query = _batch_query(_export_query(speaker_ids, filters, since_id, updated_since))
    # Core rows (session.connection()), not the ORM's: the same values without its per-row loading work
    yield from session.connection().execute(query.execution_options(yield_per=size)).partitions(size)


def export_rows(session: Session, quote_ids: list[int]) -> list:
    """The rows of `export_batches` for these quotes, in id order (the quotes export_csv_lines left to the
    csv module)."""
    query = _batch_query(_export_query(None, None, None, None).where(Quote.id.in_(quote_ids)))
    return list(session.connection().execute(query))


def export_csv_lines(session: Session, *, speaker_ids: Optional[list[int]], filters: Optional[QuoteFilters],
                     since_id: Optional[int] = None, updated_since: Optional[datetime] = None,
                     formula_starts: Sequence[str], size: int = LINE_BATCH) -> Optional[Iterator[list]]:
    """The quotes of `export_records` (same choice, same order) as CSV lines written by SQLite
    (quotes.db.csvlines), in lists of up to `size` (line, quote_id) pairs; a line holding
    quotes.db.csvlines.NOT_WRITTEN has a cell SQLite left to the csv module (write that quote from
    `export_rows` instead). None where the database is not SQLite: use export_batches there. Text cells
    starting with one of `formula_starts` get a leading ' (cli/render.py FORMULA_STARTS; none for --raw).
    Close the iterator if you stop early: it puts the connection's page cache back.

    Example:
        for batch in quotes.db.export.export_csv_lines(session, speaker_ids=None, filters=None,
                                                       formula_starts=()):
            out.write("".join(line for line, _quote_id in batch))   # where none holds NOT_WRITTEN
    """
    connection = session.connection()
    if not _sqlite_writes_lines(connection):
        return None
    query = _export_query(speaker_ids, filters, since_id, updated_since)
    line = csv_line(_export_columns(query), formula_starts=formula_starts,
                    compile_sql=lambda column: str(column.compile(dialect=connection.dialect)))
    if line is None:
        return None
    query = query.with_only_columns(literal_column(line), Quote.id, maintain_column_froms=True)
    return _line_batches(connection, query, size)


def _sqlite_writes_lines(connection) -> bool:
    """Whether the database is SQLite that can run quotes.db.csvlines: a UTF-8 file (its range test
    compares code points as UTF-8 bytes) with the JSON functions (built in since SQLite 3.38)."""
    if connection.dialect.name != "sqlite":
        return False
    try:
        connection.exec_driver_sql("SELECT json_valid('[]')")
    except OperationalError:  # no such function
        return False
    return connection.exec_driver_sql("PRAGMA encoding").scalar_one() == "UTF-8"


def _line_batches(connection, query, size: int) -> Iterator[list]:
    """The rows of `query` in lists of `size`, read with a larger SQLite page cache: the export reads every
    quote's article and speaker pages in quote order, and with the default 2 MB most of those reads went back
    to the file (at 1M quotes, 3 of about 20 CPU-seconds in the kernel). The cache size is put back after."""
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
    connection.exec_driver_sql(f"PRAGMA cache_size = {EXPORT_PAGE_CACHE}")
    try:
        # no yield_per: pysqlite steps the query only as far as each fetchmany asks, and the buffer yield_per
        # adds is a deque pop per row
        yield from connection.execute(query).partitions(size)
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")


def _export_columns(query) -> list:
    """The columns of an export query in EXPORT_COLUMNS order."""
    named = {column.name: column for column in query.selected_columns}
    named["quote_id"] = named["id"]
    return [named[column] for column in EXPORT_COLUMNS]


def _batch_query(query):
    """An export query selecting EXPORT_COLUMNS in order, spans as its stored text."""
    columns = _export_columns(query)
    # spans undecoded: json.loads and json.dumps again of '[]' was a fifth of the time
    columns[EXPORT_COLUMNS.index("spans")] = type_coerce(Quote.spans, Text).label("spans")
    return query.with_only_columns(*columns, maintain_column_froms=True)


def _export_query(speaker_ids, filters, since_id, updated_since):
    query = apply_filters(quote_query(), filters)
    if speaker_ids is not None:
        query = query.where(Quote.speaker_id.in_(speaker_ids))
    if since_id is not None:
        query = query.where(Quote.id > since_id)
    if updated_since is not None:
        query = query.where(Quote.updated_at >= updated_since)
    return query.order_by(Quote.id)


def quote_record(row) -> dict:
    """A QuoteRow (or a quote_query row) as an export record: the names and order of EXPORT_COLUMNS, dates
    as ISO strings. Every command that lists quotes (`by`, `search`, `show`, `export`) writes these."""
    values = dataclasses.asdict(row) if dataclasses.is_dataclass(row) else row._asdict()
    values["quote_id"] = values.pop("id")
    values["published_at"] = _iso(values["published_at"])
    values["updated_at"] = _iso(values["updated_at"])
    return {column: values.get(column) for column in EXPORT_COLUMNS}


def _iso(value) -> Optional[str]:
    return value.isoformat() if isinstance(value, (date, datetime)) else value
