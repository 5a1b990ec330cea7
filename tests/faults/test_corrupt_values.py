"""Issue 23: a SQLite file whose values were changed outside quote-tracker (a date column holding
'not-a-date', `spans` holding '{x', a confidence of 'high') took down by/speakers/statements/show/search/
export with a traceback and every web page with HTTP 500. Such a value now reads as missing, with one
warning naming it; everything else in the row is shown."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from interrupt_worker import quotes_in

ARTICLE = ("---\ntitle: Harbour plan\ndate: 2024-03-01\noutlet: Northwire\n---\n"
           "\"We will rebuild the pier,\" said Ana Varga.\n")
CORRUPTIONS = {
    "date": ("UPDATE article SET published_at = 'not-a-date'", "'not-a-date' where a date belongs"),
    "datetime": ("UPDATE statement SET first_seen = 'yesterday'", "'yesterday' where a date and time belongs"),
    "spans": ("UPDATE quote SET spans = '{x'", "'{x' where JSON belongs"),
    "confidence": ("UPDATE quote SET confidence = 'high'", "'high' where a number belongs"),
}
COMMANDS = [["by", "Varga"], ["by", "Varga", "--json"], ["speakers"], ["statements", "Varga"], ["show", "1"],
            ["search", "pier"], ["export"], ["export", "--format", "jsonl"], ["stats"]]


def run(*args):
    from quotes.cli.context import App
    from quotes.cli.main import main

    runner = CliRunner(env={"COLUMNS": "120", "QUOTES_DB": None})
    return runner.invoke(main, [str(a) for a in args], obj=App(extractor_factory=lambda: quotes_in),
                         catch_exceptions=True, prog_name="quotes")


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corrupt")
    (folder / "a.txt").write_text(ARTICLE)
    result = run("ingest", folder / "a.txt", "--db", folder / "good.db", "--no-progress")
    assert result.exit_code == 0, result.output
    return folder


@pytest.fixture(params=sorted(CORRUPTIONS))
def corrupted(request, stored, tmp_path):
    import shutil

    sql, warning = CORRUPTIONS[request.param]
    db = tmp_path / f"{request.param}.db"
    shutil.copy(stored / "good.db", db)
    with sqlite3.connect(db) as connection:
        connection.execute(sql)
    connection.close()
    return db, warning


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_corrupted_value_reads_as_missing_with_a_warning(corrupted, command, caplog):
    db, warning = corrupted
    result = run(*command, "--db", db)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 0, result.output
    if command[0] not in ("stats", "speakers"):
        assert "We will rebuild the pier" in result.output
    elif command[0] == "speakers":
        assert "Ana Varga" in result.output


def test_the_warning_names_the_value(corrupted, caplog):
    db, warning = corrupted
    from quotes.db import tolerant

    tolerant._warned.clear()
    with caplog.at_level("WARNING", logger="quotes.db.tolerant"):
        for command in COMMANDS:
            run(*command, "--db", db)
    messages = [r.getMessage() for r in caplog.records if r.name == "quotes.db.tolerant"]
    assert len(messages) == 1 and warning in messages[0], messages


def test_every_web_page_is_shown(corrupted):
    from starlette.testclient import TestClient

    from quotes.cli.web import create_app, open_readonly

    db, _ = corrupted
    engine = open_readonly(str(db))
    try:
        client = TestClient(create_app(engine), raise_server_exceptions=False)
        pages = ["/", "/search?q=pier", "/speakers/1", "/articles/1", "/speakers/1/timeline.svg"]
        assert {page: client.get(page).status_code for page in pages} == {page: 200 for page in pages}
    finally:
        engine.dispose()
