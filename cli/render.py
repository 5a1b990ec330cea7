"""The one renderer every listing command streams its rows through, and the output switches it reads.

A person gets a table wrapped to the terminal; pipes get `--json` (an array), `--nl` (JSON lines),
`--csv` or `--tsv`; `quotes export` also writes CSL-JSON for reference managers. Rows are dicts or
dataclasses; machine formats carry every field, the table only the columns a command names as readable.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import json
import shutil
import sys
import textwrap
from datetime import date, datetime, time
from itertools import chain, islice
from typing import IO, Iterable, Iterator, Optional, Sequence

import click

from .context import App, current_app
from quotes.terminal import printable

FORMATS = ("table", "json", "jsonl", "csv", "tsv")
EXPORT_FORMATS = ("csv", "jsonl", "csl-json", "ris", "bibtex")
CITATION_FORMATS = ("csl-json", "ris", "bibtex")
# Fields holding structured data: a CSV/TSV cell shows them as JSON even when empty ("[]").
JSON_FIELDS = frozenset({"spans"})
# A text cell starting with one of these is a formula to a spreadsheet (OWASP "CSV injection"): CSV and
# TSV cells get a leading ' unless --raw. Numbers are never touched ("-3" stays a number). Every character
# whose NFKC form starts with = + - @ counts too: the full-width ＝ ＋ － ＠ an East Asian keyboard types, the
# small, superscript and subscript forms, ⩵ ⩶ (tests/cli/test_cli_render.py checks the list is complete).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r",
                  "\uff1d", "\uff0b", "\uff0d", "\uff20",  # full-width = + - @
                  "\ufe66", "\ufe62", "\ufe63", "\ufe6b",  # small = + - @
                  "\u207c", "\u207a", "\u208c", "\u208a",  # superscript = +, subscript = +
                  "\u2a75", "\u2a76", "\ufb29")  # two and three equals signs; Hebrew alternative plus
UTF8_BOM = "\ufeff"
SHORTCUTS = (("--json", "json", "a JSON array"), ("--nl", "jsonl", "one JSON object per line"),
             ("--csv", "csv", "CSV with a header row"), ("--tsv", "tsv", "tab-separated with a header row"))
TABLE_SIZING_ROWS = 200
"""The table sizes its columns on this many rows, then streams the rest with the same widths."""
GAP = "  "


def output_options(command):
    """Add --format and its shortcuts --json/--nl/--csv/--tsv; the command receives one `fmt` argument."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        chosen = {value for _, value, _ in SHORTCUTS if kwargs.pop(f"fmt_{value}")}
        given = kwargs.pop("fmt")
        if given:
            chosen.add(given)
        if len(chosen) > 1:
            raise click.UsageError(f"choose one output format, not {' and '.join(sorted(chosen))}")
        return command(*args, fmt=chosen.pop() if chosen else "table", **kwargs)

    wrapper = raw_cells_option(wrapper)
    for flag, value, help_text in reversed(SHORTCUTS):
        wrapper = click.option(flag, f"fmt_{value}", is_flag=True, help=f"Output {help_text}.")(wrapper)
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
                        help="Output format (default: a table for people).")(wrapper)


def raw_cells_option(command):
    """--raw: write CSV/TSV cells as stored, even those a spreadsheet would run as a formula."""
    def remember(ctx, param, value):
        if value:
            current_app().raw_cells = True

    return click.option("--raw", is_flag=True, expose_value=False, callback=remember,
                        help="CSV/TSV: keep cells that start with = + - @ as they are (by default they get a "
                             "leading ' so spreadsheets do not run them as formulas).")(command)


def raw_cells_wanted() -> bool:
    """Whether the running command was given --raw (False outside a command)."""
    ctx = click.get_current_context(silent=True)
    app = ctx.find_object(App) if ctx is not None else None
    return bool(app and app.raw_cells)


def plural(count: int, noun: str) -> str:
    """"1 quote", "2 quotes": counts in the messages commands write to stderr."""
    return f"{count} {noun}" + ("" if count == 1 else "s")


def render(rows: Iterable, fmt: str, *, columns: Optional[Sequence[str]] = None,
           table_columns: Optional[Sequence[str]] = None, width: Optional[int] = None,
           empty: Optional[str] = None, out: Optional[IO[str]] = None, bom: bool = False,
           raw: Optional[bool] = None, per_quote: bool = False, undated: Sequence[str] = ()) -> int:
    """Write `rows` to `out` (default stdout) in `fmt`, streaming; returns how many rows were written
    (for csl-json: how many items, one per article unless `per_quote`).

    `undated` names date columns whose empty cells a table writes "undated", as the web view does (machine
    formats keep null/empty).

    `empty` is said on stderr when a table has no rows (machine formats stay well-formed and silent).
    `bom` starts CSV with a UTF-8 byte order mark, so Excel reads accents. CSV/TSV text cells that a
    spreadsheet would run as a formula get a leading ' unless `raw` (None: as --raw said).
    """
    echo = terminal_echo(out)
    rows = (as_dict(row) for row in rows)
    first = list(islice(rows, 1))
    if columns is None:
        columns = list(first[0]) if first else []
    rows = chain(first, rows)
    if fmt == "table":
        if not first and empty:
            click.echo(empty, err=True)
        return write_table(rows, table_columns or columns, width=width or terminal_width(), echo=echo,
                           undated=undated)
    if fmt in ("csv", "tsv"):
        if bom and fmt == "csv":
            echo(UTF8_BOM, nl=False)
        return write_delimited(rows, columns, delimiter="," if fmt == "csv" else "\t", echo=echo,
                               raw=raw_cells_wanted() if raw is None else raw)
    if fmt == "jsonl":
        return write_lines((json_line(row, columns) for row in rows), echo=echo)
    if fmt == "json":
        return write_json_array((project(row, columns) for row in rows), echo=echo)
    if fmt == "csl-json":
        from quotes.citations import csl_items

        return write_json_array(csl_items((project(row, columns) for row in rows), per_quote=per_quote),
                                echo=echo, per_line=True)
    if fmt in ("ris", "bibtex"):
        return write_citations(rows, columns, fmt, per_quote=per_quote, echo=echo)
    raise ValueError(f"unknown output format {fmt!r}")


def write_citations(rows: Iterable[dict], columns: Sequence[str], fmt: str, *, per_quote: bool, echo) -> int:
    """RIS or BibTeX through the citations extra's libraries (rispy, bibtexparser), from the CSL items."""
    from quotes.citations import bibtex_text, csl_items, ris_text

    try:
        write = ris_text if fmt == "ris" else bibtex_text
        items = list(csl_items((project(row, columns) for row in rows), per_quote=per_quote))
        text = write(items) if items else ""
    except ImportError as error:
        raise click.ClickException(f"--format {fmt} needs its optional package ({error.name}): "
                                   "pip install 'quote-tracker[citations]'") from None
    echo(text, nl=False)
    return len(items)


def as_dict(row) -> dict:
    if isinstance(row, dict):
        return row
    if dataclasses.is_dataclass(row):
        return {field.name: getattr(row, field.name) for field in dataclasses.fields(row)}
    raise TypeError(f"cannot render {type(row).__name__}")


def terminal_width() -> int:
    return shutil.get_terminal_size((100, 24)).columns


def write_lines(lines: Iterable[str], *, echo=click.echo) -> int:
    count = 0
    for count, line in enumerate(lines, start=1):
        echo(line)
    return count


def json_value(value):
    return value.isoformat() if isinstance(value, (date, datetime)) else str(value)


def project(row: dict, columns: Sequence[str]) -> dict:
    return {key: row.get(key) for key in columns}


def json_line(row: dict, columns: Sequence[str]) -> str:
    return json.dumps(project(row, columns), ensure_ascii=False, default=json_value)


def write_json_array(objects: Iterable[dict], *, echo=click.echo, per_line: bool = False) -> int:
    """A JSON array written as it streams; `per_line` puts "[" and "]" on lines of their own."""
    count = 0
    opening, separator = ("[\n", ",\n") if per_line else ("[", ",\n ")
    for count, item in enumerate(objects, start=1):
        text = json.dumps(item, ensure_ascii=False, default=json_value)
        echo((opening if count == 1 else separator) + text, nl=False)
    echo(("\n]" if per_line else "]") if count else "[]")
    return count


class _Echo:
    """A file-like object over `echo`, so the csv module writes wherever click writes."""

    def __init__(self, echo):
        self.echo = echo

    def write(self, text: str) -> None:
        self.echo(text, nl=False)


def write_delimited(rows: Iterator[dict], columns: Sequence[str], *, delimiter: str, echo=click.echo,
                    raw: bool = False) -> int:
    # "\r\n" (RFC 4180), not "\n": the csv module quotes a cell holding any line-terminator character,
    # so with "\n" a cell with a bare "\r" would be written unquoted and split the row for readers.
    writer = csv.writer(_Echo(echo), delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(columns)
    count = 0
    for count, row in enumerate(rows, start=1):
        writer.writerow([delimited_cell(row.get(key), json_field=key in JSON_FIELDS, raw=raw) for key in columns])
    return count


def delimited_cell(value, *, json_field: bool = False, raw: bool = False) -> str:
    """One CSV/TSV cell: JSON for structured fields, else cell_text; text a spreadsheet would take for a
    formula gets a leading ' (OWASP), unless `raw`."""
    if json_field and value is not None:
        return json.dumps(value, ensure_ascii=False)
    text = cell_text(value)
    if raw or isinstance(value, (int, float)) or not text.startswith(FORMULA_STARTS):
        return text
    return "'" + text


def table_text(value) -> str:
    """A value as a person reads it in a table: like cell_text, but a time of day only to the minute (an
    ingest time's seconds and microseconds are noise there; machine formats keep them)."""
    if isinstance(value, datetime) and value.time() != time():
        return value.strftime("%Y-%m-%d %H:%M")
    return printable(cell_text(value), keep="\n")  # a stored ESC sequence is shown, not obeyed


def cell_text(value) -> str:
    """A value as one flat string: lists joined with "; ", nested lists as JSON, None as empty."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        if any(isinstance(item, (list, tuple, dict)) for item in value):
            return json.dumps(value)
        return "; ".join(cell_text(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=json_value)
    return str(value)


def terminal_echo(out: Optional[IO[str]]):
    """click.echo to `out` (stdout when None); on a terminal, control characters are escaped (quotes.terminal),
    so machine formats read on screen obey no ESC sequence either. Files and pipes get the data as stored."""
    stream = out if out is not None else sys.stdout
    try:
        on_terminal = stream.isatty()
    except (AttributeError, ValueError):
        on_terminal = False
    if not on_terminal:
        return functools.partial(click.echo, file=out)
    return lambda text="", nl=True: click.echo(printable(text, keep="\n\t"), file=out, nl=nl)


UNDATED = "undated"
"""What a table (and the web view) shows for a date that only undated articles could give."""


def write_table(rows: Iterator[dict], columns: Sequence[str], *, width: int, echo=click.echo,
                undated: Sequence[str] = ()) -> int:
    """A plain table, header underlined with dashes, long cells wrapped so each line fits `width`; an empty
    cell of an `undated` column says "undated"."""
    if undated:
        rows = ({**row, **{c: UNDATED for c in undated if c in row and row[c] is None}} for row in rows)
    sizing = list(islice(rows, TABLE_SIZING_ROWS))
    if not sizing:
        return 0
    texts = [[table_text(row.get(c)) for c in columns] for row in sizing]
    widths = fit_widths(longest(texts, columns, str.splitlines), [len(c) for c in columns], width,
                        words=longest(texts, columns, str.split))
    numeric = [all(isinstance(r.get(c), (int, float)) or r.get(c) is None for r in sizing) for c in columns]
    echo(table_line(columns, widths, numeric=[False] * len(columns)))
    echo(table_line(["-" * w for w in widths], widths, numeric=numeric))
    count = 0
    for count, row in enumerate(chain(sizing, rows), start=1):
        cells = [wrap(table_text(row.get(c)), w) for c, w in zip(columns, widths)]
        for depth in range(max(len(lines) for lines in cells)):
            parts = [lines[depth] if depth < len(lines) else "" for lines in cells]
            echo(table_line(parts, widths, numeric=numeric))
    return count


def longest(texts: list[list[str]], columns: Sequence[str], split) -> list[int]:
    """Per column, the length of the longest piece of any cell (its header included) once `split`."""
    return [max([len(column)] + [len(piece) for row in texts for piece in split(row[i])])
            for i, column in enumerate(columns)]


def fit_widths(natural: list[int], headers: list[int], width: int, *, words: Optional[list[int]] = None
               ) -> list[int]:
    """Column widths summing (with gaps) to at most `width`: the widest columns give way first, wrapping
    between words when they can, inside words when they must; never narrower than a header."""
    available = width - len(GAP) * (len(natural) - 1)
    headers = [min(n, h) for n, h in zip(natural, headers)]
    floors = [min(n, w) for n, w in zip(natural, words or headers)]
    if sum(floors) > available:  # some words must break: the longest words give way first
        floors = level_widths(floors, headers, available)
    return level_widths(natural, floors, available)


def level_widths(natural: list[int], floors: list[int], available: int) -> list[int]:
    """Cap every column at one level (but not below its floor), the highest level that fits, or the floors."""
    def capped(cap):
        return [max(floor, min(n, cap)) for n, floor in zip(natural, floors)]

    cap = max(natural)
    while cap > 1 and sum(capped(cap)) > available:
        cap -= 1
    return capped(cap)


def wrap(text: str, width: int) -> list[str]:
    lines = [piece for line in text.splitlines()
             for piece in (textwrap.wrap(line, width, break_on_hyphens=False) or [""])]
    return lines or [""]


def table_line(cells: Sequence[str], widths: Sequence[int], *, numeric: Sequence[bool]) -> str:
    return GAP.join(cell.rjust(w) if right else cell.ljust(w)
                    for cell, w, right in zip(cells, widths, numeric)).rstrip()
