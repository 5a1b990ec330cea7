"""`quotes export`: stored quotes as CSV, JSON lines, CSL-JSON, RIS or BibTeX, to a file or stdout.

The stable column set and the query live in quotes.db.export, the formats in cli/render.py; this command
picks the quotes (the filters of `quotes by`, plus --since-id / --updated-since for incremental feeds)
and the target.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import os
import sys
import tempfile
from contextlib import contextmanager
from datetime import date, datetime
from typing import IO, Callable, Iterable, Iterator, Optional

import click

from .context import current_app
from .errors import errors_to_click
from .options import db_option, quote_filters
from .pick import pick_speaker
from .render import (CITATION_FORMATS, EXPORT_FORMATS, FORMULA_STARTS, JSON_FIELDS, UTF8_BOM,
                     delimited_cell, raw_cells_option, raw_cells_wanted, render)


class LastId:
    """Passes records through, remembering the highest quote id seen (the next --since-id)."""

    def __init__(self, records):
        self.records, self.last, self.count = records, None, 0

    def __iter__(self):
        for record in self.records:
            self.last = max(self.last or 0, record["quote_id"])
            self.count += 1
            yield record


def export_csv(session, chosen: dict, out: IO[str], *, raw: bool = False, bom: bool = False,
               seen: Optional[LastId] = None) -> int:
    """`quotes export --format csv`: the quotes `chosen` names (the keyword arguments of
    `quotes.db.export.export_batches`) as CSV on `out`. On SQLite, SQLite writes the lines (write_csv_lines);
    on other databases they go through the csv module (write_csv); the text is the same. Returns the
    number of quotes; `seen` learns the count and the last id.

    Example:
        with session_scope(engine) as session, open("quotes.csv", "w", newline="") as out:
            export_csv(session, dict(speaker_ids=None, filters=None), out)
    """
    from quotes.db.export import export_batches, export_csv_lines, export_rows

    lines = export_csv_lines(session, **chosen, formula_starts=() if raw else FORMULA_STARTS)
    with cycle_collection_paused():
        if lines is None:
            return write_csv(export_batches(session, **chosen), out, raw=raw, bom=bom, seen=seen)
        try:
            return write_csv_lines(lines, out, rows_of=lambda ids: export_rows(session, ids), raw=raw, bom=bom,
                                   seen=seen)
        finally:
            lines.close()  # now, while the session is open (a full disk stops the export half way)


@contextmanager
def cycle_collection_paused():
    """Python's cyclic garbage collector off for the block, and on again after if it was on. An export makes
    two objects a quote (the driver's tuple, SQLAlchemy's row) and no cycles, yet the batches held alive set
    off collections, some of them of every object: 2,373 collections, 17 of them full, in a 1M-quote
    `quotes export --format csv`, 4% of its CPU (perf)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def write_csv(batches: Iterable[list], out: IO[str], *, raw: bool = False, bom: bool = False,
              seen: Optional[LastId] = None) -> int:
    """Quotes from `quotes.db.export.export_batches` as CSV on `out`, the same text the shared renderer
    writes for their records (`render(export_records(…), "csv", columns=EXPORT_COLUMNS)`), a batch at a time
    through the csv module, not a dict per quote and a flushed `click.echo` per row (issue 22: 9k rows per
    CPU-s). Returns the number of quotes; `seen` learns the count and the last id."""
    writer = _csv_writer(out, bom)
    cells = csv_cells(raw)
    count = 0
    for batch in batches:
        writer.writerows(cells(batch))
        count += len(batch)
        if seen is not None and batch:
            seen.last, seen.count = batch[-1][0], count  # quote_id, in id order
    return count


def write_csv_lines(batches: Iterable[list], out: IO[str], *, rows_of: Callable[[list[int]], list],
                    raw: bool = False, bom: bool = False, seen: Optional[LastId] = None) -> int:
    """Quotes from `quotes.db.export.export_csv_lines` (lines SQLite wrote) on `out`, the text write_csv
    writes for them: a line with a cell SQLite left to the csv module (NOT_WRITTEN) is written by write_csv's
    conversion from its row, which `rows_of(quote_ids)` gives (`quotes.db.export.export_rows`). `raw`: as
    the lines were made (formula_starts empty)."""
    from quotes.db.csvlines import NOT_WRITTEN

    _csv_writer(out, bom)
    count = 0
    for batch in batches:
        text = "".join([line for line, _quote_id in batch])
        if NOT_WRITTEN in text:
            text = "".join(_mended(batch, rows_of, raw, NOT_WRITTEN))
        out.write(text)
        count += len(batch)
        if seen is not None and batch:
            seen.last, seen.count = batch[-1][1], count
    return count


def _mended(batch: list, rows_of: Callable[[list[int]], list], raw: bool, not_written: str) -> Iterator[str]:
    """The lines of `batch`, those holding `not_written` written through the csv module."""
    rows = {row[0]: row for row in rows_of([quote_id for line, quote_id in batch if not_written in line])}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    cells = csv_cells(raw)
    for line, quote_id in batch:
        if not_written in line:
            buffer.seek(0)
            buffer.truncate()
            writer.writerows(cells([rows[quote_id]]))
            line = buffer.getvalue()
        yield line


def _csv_writer(out: IO[str], bom: bool):
    """A csv writer on `out` after the byte order mark (`bom`) and the header row."""
    from quotes.db.export import EXPORT_COLUMNS

    if bom:
        out.write(UTF8_BOM)
    writer = csv.writer(out, lineterminator="\r\n")  # "\r\n": see cli/render.py write_delimited
    writer.writerow(EXPORT_COLUMNS)
    return writer


def csv_cells(raw: bool) -> Callable[[list], list[list]]:
    """A function from a batch of export_batches rows to the values the csv module writes for them:
    what `delimited_cell` makes of each record value."""
    from quotes.db.export import EXPORT_COLUMNS

    special = [_csv_cell(column, raw) for column in EXPORT_COLUMNS]
    json_at = [index for index, column in enumerate(EXPORT_COLUMNS) if column in JSON_FIELDS]
    formulas = frozenset() if raw else FORMULA_CHARACTERS

    def cells(batch: list) -> list[list]:
        # A number, None or text that starts no formula goes to the csv module as it is (it writes None as
        # an empty cell and numbers as str() does); anything else, and every JSON field, through _csv_cell.
        rows = [[value if (kind := value.__class__) is int or value is None or kind is float
                 or (kind is str and value[:1] not in formulas) else special[index](value)
                 for index, value in enumerate(row)] for row in batch]
        for index in json_at:
            convert = special[index]
            for row in rows:
                row[index] = convert(row[index])
        return rows

    return cells


def _csv_cell(column: str, raw: bool) -> Callable:
    """The CSV cell of one export column's value: what `delimited_cell` makes of the record's value (dates
    there are ISO text, spans a list), with the common types done directly."""
    def general(value):
        return delimited_cell(value.isoformat() if isinstance(value, (date, datetime)) else value,
                              json_field=column in JSON_FIELDS, raw=raw)

    if column in JSON_FIELDS:
        def json_cell(value):
            if value is None:
                return general(value)
            if type(value) is str:  # the stored JSON text (export_batches): the renderer's form of its value
                if value == "[]":
                    return value
                try:
                    return json.dumps(json.loads(value), ensure_ascii=False)
                except ValueError:  # changed outside quote-tracker: missing, as every other reader takes it
                    from quotes.db.tolerant import warn_once  # here: `quotes --help` loads no SQLAlchemy

                    warn_once("JSON", value, "an empty list")
                    return "[]"
            return json.dumps(value, ensure_ascii=False)

        return json_cell

    def cell(value):
        kind = type(value)
        if kind is date or kind is datetime:  # ISO text starts with a digit: never a formula
            return value.isoformat()
        if kind is str:
            return value if raw or value[:1] not in FORMULA_CHARACTERS else "'" + value
        return general(value)

    return cell


FORMULA_CHARACTERS = frozenset(FORMULA_STARTS)
assert all(len(start) == 1 for start in FORMULA_STARTS)  # `value[:1] in FORMULA_CHARACTERS` relies on it


@contextmanager
def output_stream(path: str):
    """stdout for "-"; else a new temporary file beside `path`, renamed over it only when the export is
    complete (no half-written exports). The temporary name is created exclusively, so a file or symbolic
    link already there is never written through; a full disk is one line, and nothing is left behind."""
    if path == "-":
        yield sys.stdout
        return
    directory = os.path.dirname(os.path.abspath(path))
    try:
        fd, partial = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".part", dir=directory)
    except OSError as error:
        raise click.ClickException(f"cannot write {path}: {error.strerror}; choose another -o") from None
    try:
        os.chmod(partial, 0o666 & ~current_umask())  # mkstemp makes 0600; an export is an ordinary file
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
        os.replace(partial, path)
    except OSError as error:
        raise click.ClickException(f"cannot write {path}: {error.strerror}; free some space or choose another "
                                   "-o (nothing was written)") from None
    finally:
        if os.path.exists(partial):
            os.remove(partial)


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@click.command(short_help="Export quotes as CSV, JSON lines, CSL-JSON, RIS or BibTeX.", epilog="""\b
Examples:
  quotes export --format csv -o quotes.csv --bom          (for Excel)
  quotes export --format jsonl --since-id 1200 >> feed.jsonl
  quotes export --format csl-json --speaker Lindqvist -o lindqvist.json   (import into Zotero)
  quotes export --format csl-json --per-quote -o quotes.json
  quotes export --format ris -o quotes.ris                 (EndNote, RefWorks; needs quote-tracker[citations])
  quotes export --format bibtex -o quotes.bib              (LaTeX, pandoc; needs quote-tracker[citations])""")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="csv", show_default=True,
              help="csv and jsonl share one documented column set; csl-json, ris and bibtex are for "
                   "reference managers.")
@click.option("--speaker", "speaker_names", multiple=True, metavar="NAME",
              help="Only quotes by this speaker (as in `quotes by`); repeat for several.")
@quote_filters
@click.option("--since-id", type=click.IntRange(min=0, max=2**31 - 1), help="Only quotes with an id above this one.")
@click.option("--updated-since", type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"]),
              help="Only quotes stored or changed at or after this UTC time.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Write to this file (default: stdout).")
@click.option("--bom", is_flag=True, help="Start CSV with a UTF-8 byte order mark so Excel shows accents.")
@click.option("--per-quote", is_flag=True,
              help="csl-json/ris/bibtex: one item per quote instead of one per article with its quotes attached.")
@raw_cells_option
@db_option
@errors_to_click
def export(fmt, speaker_names, filters, since_id, updated_since, output, bom, per_quote):
    """Export stored quotes for spreadsheets (csv), citation databases (jsonl) or reference managers
    (csl-json for Zotero, ris for EndNote and RefWorks, bibtex for LaTeX and pandoc).

    csl-json makes one item per article (author, outlet, date, URL) with its quotes attached: readable in
    the abstract, one line per quote with its character offsets in the note (Zotero's "Extra"), and the
    full records under custom.quotes; --per-quote gives one item per quote instead.

    Quotes come in id order, so `--since-id` with the last id of a previous export fetches only new ones.
    """
    from quotes.db.export import EXPORT_COLUMNS, export_records

    if bom and fmt != "csv":
        raise click.UsageError("--bom applies to --format csv only")
    if per_quote and fmt not in CITATION_FORMATS:
        raise click.UsageError("--per-quote applies to --format csl-json, ris and bibtex only")
    with current_app().session() as s:
        speaker_ids = [pick_speaker(s, name).id for name in speaker_names] or None
        chosen = dict(speaker_ids=speaker_ids, filters=filters, since_id=since_id, updated_since=updated_since)
        if fmt == "csv":
            records = LastId(())
            with output_stream(output) as fh:
                items = export_csv(s, chosen, fh, raw=raw_cells_wanted(), bom=bom, seen=records)
        else:
            records = LastId(export_records(s, **chosen))
            with output_stream(output) as fh:
                items = render(records, fmt, columns=EXPORT_COLUMNS, out=fh, bom=bom, per_quote=per_quote)
    where = "" if output == "-" else f" to {output}"
    resume = f"; next time pass --since-id {records.last} for newer ones" if records.last else ""
    grouped = (f" as {items} article item{'' if items == 1 else 's'}" if fmt in CITATION_FORMATS and not per_quote
               else "")
    count = records.count
    click.echo(f"Exported {count} quote{'' if count == 1 else 's'}{grouped}{where}{resume}", err=True)
