"""Reading a SQLite file whose values were changed outside quote-tracker: a date column holding
'not-a-date', `spans` holding '{x', a confidence of 'high'. SQLite stores any value in any column, and
SQLAlchemy's converters raise on such a value, which took down every command and web page that read the
row. Read tolerantly instead: the value counts as missing, with one warning per distinct value.

PostgreSQL needs none of this: its columns are typed, so such values cannot be stored.
"""

from __future__ import annotations

import logging
from typing import Callable

from sqlalchemy.engine import Engine
from sqlalchemy.types import Date, DateTime, Float, JSON

log = logging.getLogger(__name__)
_warned: set[str] = set()


def warn_once(what: str, value: object, fallback: str) -> None:
    shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "…"
    message = (f"the database holds {shown} where {what} belongs (changed outside quote-tracker?): read as "
               f"{fallback}; fix the row, or ingest the article again into a new database")
    if message not in _warned:
        _warned.add(message)
        log.warning(message)


def _tolerant(base: type, what: str, fallback: Callable[[], object], shown: str) -> type:
    """A subclass of the dialect type `base` whose converter turns a value it cannot read into fallback()."""

    class Tolerant(base):
        cache_ok = True

        def result_processor(self, dialect, coltype):
            process = super().result_processor(dialect, coltype)

            def read(value):
                try:
                    return process(value) if process is not None else value
                except (ValueError, TypeError):
                    warn_once(what, value, shown)
                    return fallback()

            return read

    Tolerant.__name__ = f"Tolerant{base.__name__}"
    return Tolerant


class _TolerantFloat(Float):
    """A float column: SQLite hands back whatever was stored, so a string is converted (or given up on) here."""

    cache_ok = True

    def result_processor(self, dialect, coltype):
        def read(value):
            if value is None or isinstance(value, (int, float)):
                return value
            try:
                return float(value)
            except (ValueError, TypeError):
                warn_once("a number", value, "no value")
                return None

        return read


_made: dict[type, dict] = {}


def read_tolerantly(engine: Engine) -> None:
    """Make a SQLite engine read values its columns' types do not allow as missing (see the module)."""
    dialect = engine.dialect
    kind = type(dialect)
    if kind not in _made:
        specs = dict(dialect.colspecs)
        specs[Date] = _tolerant(specs.get(Date, Date), "a date", lambda: None, "no date")
        specs[DateTime] = _tolerant(specs.get(DateTime, DateTime), "a date and time", lambda: None, "no time")
        # The one JSON column is quote.spans, a list of [start, end] pieces.
        specs[JSON] = _tolerant(specs.get(JSON, JSON), "JSON", list, "an empty list")
        specs[Float] = _TolerantFloat
        _made[kind] = specs
    dialect.colspecs = _made[kind]
