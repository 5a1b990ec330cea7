"""The CSV lines of `quotes export --format csv` written by SQLite itself: one SQL expression per quote gives
its whole line, the text cli/export.py write_csv makes of the same row through the csv module, so the export
makes one Python string per quote instead of a Python value per cell and a csv module call per row.

A cell SQLite cannot write exactly as the csv module would (a value changed outside quote-tracker: a blob, a
date that is no date, a NUL character; a confidence that is no multiple of 0.01) comes out as NOT_WRITTEN,
and the caller writes that quote through the csv module instead.
"""

from __future__ import annotations

from typing import Callable, Optional, Sequence

from sqlalchemy import JSON, Date, DateTime, Float, Integer, String
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import TypeDecorator

NOT_WRITTEN = "\uffff"
"""What a line holds where SQLite left a cell to the csv module: U+FFFF, a noncharacter that no text should
hold (a line whose data holds one goes to the csv module too: slower, the same text). Not NUL: printf's %s
stops at a NUL, so a text holding one is left to the csv module as well."""
LEFT = f"char({ord(NOT_WRITTEN)})"


def quoted(cell: str) -> str:
    """The csv module's QUOTE_MINIMAL with lineterminator "\\r\\n": a cell holding the delimiter, the quote
    character or a line-ending character is put in quotes, its quote characters doubled. LIKE rather than
    instr because it is cheaper; it stops at a NUL character, but a text with one never gets here."""
    return (f"CASE WHEN {cell} LIKE '%\"%' THEN '\"' || replace({cell}, '\"', '\"\"') || '\"' "
            f"WHEN {cell} LIKE '%,%' OR {cell} LIKE '%\n%' OR {cell} LIKE '%\r%' THEN '\"' || {cell} || '\"' "
            f"ELSE {cell} END")


def text_cell(value: str, formula_starts: Sequence[str]) -> str:
    """Text as the csv module writes it, with a leading ' where it starts with one of `formula_starts`
    (cli/render.py FORMULA_STARTS; none for --raw); NULL is an empty cell."""
    invalid = f"typeof({value}) <> 'text' OR instr({value}, char(0))"
    if not formula_starts:
        return f"CASE WHEN {value} IS NULL THEN '' WHEN {invalid} THEN {LEFT} ELSE {quoted(value)} END"
    starts = sorted(ord(start) for start in formula_starts)
    return (f"CASE WHEN {starts_between(value, starts)} AND NOT instr({value}, char(0)) THEN {quoted(value)} "
            f"WHEN {value} IS NULL THEN '' WHEN {invalid} THEN {LEFT} "
            f"WHEN unicode({value}) IN ({', '.join(map(str, starts))}) THEN {quoted(literal(chr(39)) + ' || ' + value)} "
            f"ELSE {quoted(value)} END")


def starts_between(value: str, starts: list[int]) -> str:
    """Whether text `value` starts with a character between the code points in `starts` either side of
    "a": two comparisons (text compares in code point order) that spare most cells the look-up in the list;
    false for numbers (they sort before text) and blobs (after)."""
    below = max((start for start in starts if start < ord("a")), default=-1)
    above = min((start for start in starts if start > ord("a")), default=None)
    if ord("a") in starts:
        return "0"
    bounds = [f"{value} >= {literal(chr(below + 1) if below >= 0 else '')} COLLATE BINARY"]
    if above is not None:
        bounds.append(f"{value} < {literal(chr(above))} COLLATE BINARY")
    return " AND ".join(bounds)


def literal(text: str) -> str:
    """`text` as an SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def integer_cell(value: str) -> str:
    """An integer as str() writes it (SQLite's own text of it); NULL is an empty cell."""
    return f"CASE WHEN typeof({value}) = 'integer' THEN {value} WHEN {value} IS NULL THEN '' ELSE {LEFT} END"


def real_cell(value: str) -> str:
    """A real as Python's repr writes it, for multiples of 0.01 (confidences are rounded to them) below 10**9:
    `value` equals k / 100.0, the double nearest to k/100 (IEEE division rounds correctly), so the shortest
    decimal that reads back as `value`, repr's, is k/100's own digits (other decimals that short are 0.01
    or more away, and a double there is within 10**-7 of its decimal)."""
    k = f"CAST({value} * 100 + 0.5 AS INTEGER)"
    return (f"CASE WHEN {value} IS NULL THEN '' WHEN typeof({value}) = 'real' AND {value} >= 0 "
            f"AND {value} < 1000000000 AND {value} = {k} / 100.0 "
            f"THEN ({k} / 100) || '.' || CASE WHEN {k} % 10 THEN substr({k} % 100 + 100, 2) ELSE {k} % 100 / 10 END "
            f"ELSE {LEFT} END")


def date_cell(value: str) -> str:
    """A date as date.isoformat() writes what SQLAlchemy reads (date.fromisoformat): the stored text where it
    is a date of years 1-9999 in that form. date() takes days up to 31 in any month; from the 29th, it must
    also survive date()'s normalising ('+0 days' moves 2023-02-29 to 03-01)."""
    return (f"CASE WHEN {value} IS NULL THEN '' WHEN date({value}) = {value} AND substr({value}, 1, 4) <> '0000' "
            f"AND (substr({value}, 9) < '29' OR date({value}, '+0 days') = {value}) THEN {value} ELSE {LEFT} END")


def datetime_cell(value: str) -> str:
    """A time as datetime.isoformat() writes what SQLAlchemy stores and reads: 'YYYY-MM-DD HH:MM:SS.ffffff'
    becomes 'YYYY-MM-DDTHH:MM:SS', with '.ffffff' unless the microseconds are 0. datetime() with '+0 days'
    gives the first 19 characters back only where they are a real date and time in that form, and the
    comparison with the whole value sees past a NUL character, where GLOB and substr() stop."""
    return (f"CASE WHEN {value} IS NULL THEN '' WHEN datetime({value}, '+0 days') || substr({value}, 20) = {value} "
            f"AND substr({value}, 20) GLOB '.[0-9][0-9][0-9][0-9][0-9][0-9]' AND substr({value}, 1, 4) <> '0000' "
            f"THEN replace(CASE WHEN substr({value}, 21) = '000000' THEN substr({value}, 1, 19) ELSE {value} END, "
            f"' ', 'T') ELSE {LEFT} END")


def json_cell(value: str) -> str:
    """A JSON field (spans: lists of [start, end]) as json.dumps(json.loads(stored text)) writes it: the stored
    text where it is already that (nested lists of whole numbers, ", " between items)."""
    return (f"CASE WHEN {value} = '[]' THEN '[]' WHEN {value} IS NULL THEN '' WHEN typeof({value}) = 'text' "
            f"AND {value} NOT GLOB '*[^][0-9, ]*' AND json_valid({value}) AND replace(json({value}), ',', ', ') = {value} "
            f"THEN CASE WHEN {value} LIKE '%,%' THEN '\"' || {value} || '\"' ELSE {value} END ELSE {LEFT} END")


# Which cell each column type gets; the first that fits (a JSON or DateTime column is no String or Date here).
CELL_WRITERS: tuple[tuple[type, Callable[..., str]], ...] = (
    (JSON, json_cell), (Integer, integer_cell), (Float, real_cell), (DateTime, datetime_cell), (Date, date_cell),
    (String, text_cell))


def csv_line(columns: Sequence[ColumnElement], *, formula_starts: Sequence[str], compile_sql) -> Optional[str]:
    """The SQL of one CSV line (with its "\\r\\n") of `columns`; None where a column's type has no cell writer
    (then the caller writes every row through the csv module). `compile_sql` turns a column into its SQL."""
    cells = []
    for column in columns:
        kind = column.type.impl_instance if isinstance(column.type, TypeDecorator) else column.type
        writer = next((write for base, write in CELL_WRITERS if isinstance(kind, base)), None)
        if writer is None:
            return None
        sql = compile_sql(column)
        cells.append(writer(sql, formula_starts) if writer is text_cell else writer(sql))
    # printf, not ||: one string built per line, not one per cell (see NOT_WRITTEN on NUL)
    return f"printf('{','.join(['%s'] * len(cells))}\r\n', {', '.join(cells)})"
