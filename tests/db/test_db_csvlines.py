"""quotes.db.csvlines: the CSV lines SQLite writes for `quotes export --format csv` must be the csv module's
(cli/export.py write_csv over export_batches) byte for byte, cell by cell and row for row; a value SQLite
cannot write exactly must be left to the csv module (a NUL in its line), never written differently."""

from __future__ import annotations

import io
import random
import sqlite3
from datetime import date

import pytest

from dbhelpers import article, ingest, quote
from quotes.cli.export import export_csv, write_csv
from quotes.cli.render import FORMULA_STARTS
from quotes.db import make_engine, session_scope
from quotes.db.csvlines import NOT_WRITTEN
from quotes.db.export import EXPORT_COLUMNS, export_batches, export_csv_lines

# (table.column, stored value, whether SQLite writes the cell itself). Values go in through sqlite3 as
# they are, as an application changing the file would store them (the column's affinity applies).
TEXTS = [
    "plain words", "with, comma", 'with "quotes"', '"', '""', "line\nbreak", "carriage\rreturn", "crlf\r\nend",
    "  leading and trailing  ", "", "Ünïcode — “curly” ☃ 😀 中文", "'quoted", "A", "z", "~tilde", "0 leads",
    # formula starts (a leading ' unless --raw), and the characters either side of the range test
    "=1+1", "+44 20", "-3", "@handle", "@", "\tindented", "\rstarts with CR", "＝full width", "＋", "－",
    "＠", "﹦small", "⁺ superscript plus", "⁹ superscript nine", "₊", "⩵", "﬩", '=",\n', "=\"quoted\"",
]
CASES = (
    [("quote.text", value, True) for value in TEXTS]
    + [("quote.text", "a\x00b, c", False), ("quote.text", "\x00", False), ("quote.text", b"bytes", False),
       ("quote.role", None, True), ("quote.role", "", True), ("quote.role", "=role, \"x\"", True),
       ("quote.mention", "x\x00", False), ("article.title", "Title, with comma", True),
       ("article.title", None, True), ("article.url", "=HYPERLINK(\"x\")", True),
       ("speaker.name", "-Mallory, \"M\"", True)]
    + [("quote.cue_start", value, written) for value, written in [
        (0, True), (-5, True), (2**62, True), (None, True), ("12", True), (3.0, True),  # affinity: 12 and 3
        ("12x", False), (1.5, False), (b"\x01", False)]]
    + [("quote.confidence", value, written) for value, written in [
        (0.9, True), (0.85, True), (0.0, True), (1.0, True), (0.07, True), (0.01, True), (0.29, True),
        (0.57, True), (12345.67, True), (999999999.99, True), (1, True),  # affinity: 1.0
        (0.855, False), (0.1 + 0.2, False), (1 / 3, False), (0.001, False), (1e-05, False), (-0.5, False),
        (1e9, False), (1e16, False), (float("inf"), False), ("high", False)]]
    + [("article.published_at", value, written) for value, written in [
        ("2024-06-03", True), (None, True), ("2024-02-29", True), ("0001-01-01", True), ("9999-12-31", True),
        ("2023-02-29", False), ("2024-02-30", False), ("2024-04-31", False), ("2024-13-01", False),
        ("2024-00-10", False), ("0000-01-01", False), ("2024-6-3", False), ("20240603", False),
        ("2024-06-03 00:00:00", False), ("not-a-date", False), (" 2024-06-03", False), ("2024-06-03\x00", False),
        ("2024-06-03\x00junk", False)]]
    + [("quote.updated_at", value, written) for value, written in [
        ("2025-01-01 00:00:00.000000", True), ("2025-01-01 12:34:56.789012", True),
        ("2024-02-29 23:59:59.000001", True), ("2025-01-01 12:34:56.100000", True),
        ("2025-01-01 12:34:56.000010", True), ("2025-01-01 12:34:56", False),
        ("2025-01-01T12:34:56.000001", False), ("2025-02-30 00:00:00.000000", False),
        ("2025-01-01 24:00:00.000000", False), ("2025-01-01 12:60:00.000000", False),
        ("2025-01-01 12:34:56.789012+00:00", False), ("2025-01-01 12:34:56.7890", False),
        ("0000-01-01 00:00:00.000000", False), ("2025-01-01 12:34:56.789012\x00", False), ("yesterday", False)]]
    + [("quote.spans", value, written) for value, written in [
        ("[]", True), ("[[0, 2], [3, 4]]", True), ("[[0, 2]]", True), ("[5]", True),
        ("[123456789012345678901234567890]", True), ("[[0,2]]", False), (" []", False), ("[] ", False),
        ("{x", False), ("[1.5]", False), ("[-1]", False), ('["a"]', False), ("[01]", False), ("7", False),
        ("[[0, 2]]\x00", False)]]
)


@pytest.fixture(scope="module")
def cases_db(tmp_path_factory):
    """One article with one quote per case, the case's value stored over the ingested one."""
    path = tmp_path_factory.mktemp("csvlines") / "cases.db"
    engine = make_engine(str(path))
    for n in range(len(CASES)):
        ingest(engine, article(f"Body {n}.", source=f"a{n}.txt", published_at=date(2024, 3, 1)),
               [quote(f"Statement {n}", f"Speaker Number{n}", role="minister", start=n)])
    engine.dispose()
    with sqlite3.connect(path) as connection:
        for n, (column, value, _written) in enumerate(CASES, start=1):
            table, name = column.split(".")
            key = {"quote": "id", "article": "id", "speaker": "id"}[table]
            connection.execute(f'UPDATE {table} SET "{name}" = ? WHERE {key} = ?', (value, n))
    connection.close()
    engine = make_engine(str(path))
    yield engine
    engine.dispose()


def sqlite_lines(session, raw: bool) -> dict[int, str]:
    batches = export_csv_lines(session, speaker_ids=None, filters=None, formula_starts=() if raw else FORMULA_STARTS)
    return {quote_id: line for batch in batches for line, quote_id in batch}


def csv_module_lines(session, raw: bool) -> dict[int, str]:
    lines = {}
    for batch in export_batches(session, speaker_ids=None, filters=None):
        for row in batch:
            out = io.StringIO()
            write_csv([[row]], out, raw=raw)
            lines[row[0]] = out.getvalue().split("\r\n", 1)[1]  # after the header
    return lines


@pytest.fixture(scope="module", params=[False, True], ids=["formulas", "raw"])
def both_lines(request, cases_db):
    with session_scope(cases_db) as session:
        return sqlite_lines(session, request.param), csv_module_lines(session, request.param)


@pytest.mark.parametrize("case", range(len(CASES)), ids=[f"{c}={v!r}" for c, v, _w in CASES])
def test_a_cell_is_the_csv_modules_or_left_to_it(both_lines, case):
    column, value, written = CASES[case]
    from_sqlite, from_csv_module = both_lines
    line = from_sqlite[case + 1]
    if written:
        assert line == from_csv_module[case + 1]
    else:
        assert NOT_WRITTEN in line, (line, from_csv_module[case + 1])


@pytest.mark.parametrize("raw", [False, True])
def test_the_export_is_the_csv_modules_byte_for_byte(cases_db, raw):
    with session_scope(cases_db) as session:
        fast, slow = io.StringIO(), io.StringIO()
        assert export_csv(session, dict(speaker_ids=None, filters=None), fast, raw=raw, bom=True) == len(CASES)
        write_csv(export_batches(session, speaker_ids=None, filters=None), slow, raw=raw, bom=True)
    assert fast.getvalue() == slow.getvalue()
    assert "\x00" in slow.getvalue()  # the NUL cases: written by the csv module, with their NUL


# Characters that make the csv module quote, that start formulas, and ordinary ones around them
ALPHABET = [",", '"', "\n", "\r", " ", "=", "+", "-", "@", "\t", "'", "a", "Z", "7", "é", "＝", "⁺", "⁹", "😀", "."]


def random_text(rng: random.Random) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.choice([0, 1, 1, 2, 3, 5, 12])))


def test_random_rows_are_the_csv_modules(tmp_path):
    rng = random.Random(22)
    engine = make_engine(str(tmp_path / "random.db"))
    for n in range(40):
        body = f"Random body {n}."
        ingest(engine, article(body, source=f"r{n}.txt", title=random_text(rng) or None, outlet=random_text(rng),
                               url=random_text(rng) or None),
               [quote(random_text(rng) + f" {n}.{k}", "Speaker " + random_text(rng), role=random_text(rng) or None,
                      cue=random_text(rng), mention=random_text(rng), start=k) for k in range(10)])
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE quote SET confidence = abs(random() % 100000) / 100.0 WHERE id % 3 = 0")
        connection.exec_driver_sql("UPDATE quote SET confidence = abs(random() % 100000) / 3.0 WHERE id % 3 = 1")
    for raw in (False, True):
        with session_scope(engine) as session:
            from_sqlite, from_csv_module = sqlite_lines(session, raw), csv_module_lines(session, raw)
        written = [quote_id for quote_id, line in from_sqlite.items() if NOT_WRITTEN not in line]
        assert len(written) >= 0.6 * len(from_sqlite)  # a third of the confidences are off the 0.01 grid
        assert {quote_id: from_sqlite[quote_id] for quote_id in written} == {
            quote_id: from_csv_module[quote_id] for quote_id in written}
    engine.dispose()


def test_every_export_column_is_written_by_sqlite_and_the_page_cache_is_restored(cases_db):
    with session_scope(cases_db) as session:
        connection = session.connection()
        before = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
        batches = export_csv_lines(session, speaker_ids=None, filters=None, formula_starts=FORMULA_STARTS)
        assert batches is not None  # None: a column type without a cell writer, and all goes through Python
        first = next(iter(batches))[0][0]
        assert first.count(",") >= len(EXPORT_COLUMNS) - 1 and first.endswith("\r\n")
        batches.close()
        assert connection.exec_driver_sql("PRAGMA cache_size").scalar_one() == before


def test_a_utf16_file_goes_through_the_csv_module(tmp_path):
    """The range test before the formula look-up compares UTF-8 bytes; a UTF-16 file would let '﹢' (U+FE62)
    through it without its '."""
    path = tmp_path / "utf16.db"
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA encoding = 'UTF-16le'")
        connection.execute("CREATE TABLE made_utf16 (x)")  # fixes the encoding; the file stays empty
        connection.execute("DROP TABLE made_utf16")
    connection.close()
    engine = make_engine(str(path))
    ingest(engine, article("Body.", source="u.txt"), [quote("\ufe62 starts a formula", "Speaker Name")])
    with session_scope(engine) as session:
        assert session.connection().exec_driver_sql("PRAGMA encoding").scalar_one() == "UTF-16le"
        assert export_csv_lines(session, speaker_ids=None, filters=None, formula_starts=FORMULA_STARTS) is None
        out = io.StringIO()
        export_csv(session, dict(speaker_ids=None, filters=None), out)
    assert ",'\ufe62 starts a formula," in out.getvalue()
    engine.dispose()


def test_the_export_pauses_cycle_collection_and_restores_it(cases_db):
    import gc

    seen = []
    with session_scope(cases_db) as session:
        for enabled in (True, False):
            (gc.enable if enabled else gc.disable)()
            try:
                export_csv(session, dict(speaker_ids=None, filters=None), PausedCheck(seen))
                assert gc.isenabled() is enabled
            finally:
                gc.enable()
    assert seen and not any(seen)  # collection was off while the lines were written


class PausedCheck(io.StringIO):
    def __init__(self, seen):
        super().__init__()
        self.seen = seen

    def write(self, text):
        import gc

        self.seen.append(gc.isenabled())
        return super().write(text)
