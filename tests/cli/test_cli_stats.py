"""`quotes stats` on a SQLite file answers with sqlite3 alone (quotes.db.counts.file_stats), never making an
engine; every answer, counts or one-line error, is the one the engine path gives for the same file (reached
here through sqlite+pysqlite:///, a URL the quick path leaves to SQLAlchemy)."""

import os
import shutil
import sqlite3

import pytest


def no_engine(*args, **kwargs):
    raise AssertionError("quotes stats on a SQLite file made an engine")


def sqlite_file_with(path, *statements):
    with sqlite3.connect(path) as connection:
        for statement in statements:
            connection.execute(statement)
    connection.close()
    return path


def stamped(revision):
    return ("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)",
            f"INSERT INTO alembic_version VALUES ('{revision}')")


CASES = {
    "missing file": lambda tmp: tmp / "typo.db",
    "folder": lambda tmp: tmp,
    "missing folder": lambda tmp: tmp / "no" / "such" / "q.db",
    "empty file": lambda tmp: (tmp / "empty.db").write_bytes(b"") and None or tmp / "empty.db",
    "not a database": lambda tmp: (tmp / "text.db").write_text("plain text, not SQLite " * 100) and tmp / "text.db",
    "another app's tables": lambda tmp: sqlite_file_with(tmp / "notes.db", "CREATE TABLE notes (id INTEGER)"),
    "our tables, no stamp": lambda tmp: sqlite_file_with(tmp / "bare.db", "CREATE TABLE article (id INTEGER)"),
    "another app's stamp": lambda tmp: sqlite_file_with(tmp / "alien.db", *stamped("ae1027a6acf")),
    "older schema": lambda tmp: sqlite_file_with(tmp / "old.db", *stamped("0001")),
    "newer schema": lambda tmp: sqlite_file_with(tmp / "new.db", *stamped("0999")),
    "stamp table, no row": lambda tmp: sqlite_file_with(tmp / "blank.db", stamped("0001")[0]),
}


@pytest.mark.parametrize("case", CASES)
def test_the_quick_path_fails_as_the_engine_path_does(invoke, tmp_path, monkeypatch, case):
    path = CASES[case](tmp_path)
    engine_path = invoke("stats", "--db", f"sqlite+pysqlite:///{path}")
    with monkeypatch.context() as patched:
        patched.setattr("quotes.db.engine.make_engine", no_engine)
        quick = invoke("stats", "--db", path)
        quick_url = invoke("stats", "--db", f"sqlite:///{path}")
    assert engine_path.exit_code == 1 and engine_path.output.startswith("Error: ")
    assert (quick.exit_code, quick.output) == (quick_url.exit_code, quick_url.output) == (1, engine_path.output)


def test_the_quick_path_counts_what_the_engine_path_counts(invoke, stored, monkeypatch):
    path = stored.removeprefix("sqlite:///")
    for fmt in ([], ["--json"], ["--csv"]):
        engine_path = invoke("stats", "--db", f"sqlite+pysqlite:///{path}", *fmt)
        with monkeypatch.context() as patched:
            patched.setattr("quotes.db.engine.make_engine", no_engine)
            quick = invoke("stats", "--db", path, *fmt)
        assert (quick.exit_code, quick.output) == (0, engine_path.output)


def test_the_environment_and_the_default_file_take_the_quick_path(invoke, stored, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from quotes.cli.main import main

    path = stored.removeprefix("sqlite:///")
    monkeypatch.setattr("quotes.db.engine.make_engine", no_engine)
    expected = invoke("stats", "--db", path).output
    assert CliRunner(env={"QUOTES_DB": path}).invoke(main, ["stats"]).output == expected
    shutil.copy(path, tmp_path / "quotes.db")
    monkeypatch.chdir(tmp_path)
    assert CliRunner(env={"QUOTES_DB": None}).invoke(main, ["stats"]).output == expected


def test_a_live_write_ahead_log_is_read(invoke, stored, monkeypatch):
    """A writer's uncommitted-to-file rows (still in the -wal) are counted, as the engine path counts them."""
    path = stored.removeprefix("sqlite:///")
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("INSERT INTO role (speaker_id, title, title_key) SELECT speaker_id, title || ' 2', title_key || ' 2' FROM role LIMIT 1")
    writer.commit()
    try:
        assert os.path.getsize(f"{path}-wal") > 0
        engine_path = invoke("stats", "--db", f"sqlite+pysqlite:///{path}", "--json")
        monkeypatch.setattr("quotes.db.engine.make_engine", no_engine)
        assert invoke("stats", "--db", path, "--json").output == engine_path.output
        assert '"what": "roles", "count": 4' in engine_path.output
    finally:
        writer.close()
