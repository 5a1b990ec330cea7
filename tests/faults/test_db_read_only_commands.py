"""Issue 13 item 9: a command that only reads never creates, migrates or changes a database; only
`ingest` and `db upgrade` create one, and a database that is not quote-tracker's is refused by all."""

import hashlib
import sqlite3

import pytest

from faults_helpers import GOOD
from storage_helpers import invoke

READERS = [["stats"], ["by", "Mayor"], ["speakers"], ["statements", "#1"], ["show", "1"], ["search", "pier"],
           ["export"], ["db", "current"]]


@pytest.fixture
def foreign(tmp_path):
    """Someone else's SQLite file: a table of theirs, the default rollback journal."""
    path = tmp_path / "foreign.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        connection.execute("INSERT INTO notes (body) VALUES ('mine')")
    connection.close()
    return path


def fingerprint(path):
    """The file's bytes, its journal mode and what lies beside it."""
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as connection:
        mode = connection.execute("PRAGMA journal_mode").fetchone()[0]
    connection.close()
    return hashlib.sha256(path.read_bytes()).hexdigest(), mode, sorted(p.name for p in path.parent.iterdir())


@pytest.mark.parametrize("command", READERS + [["ingest", "ARTICLE"], ["db", "upgrade"]], ids=" ".join)
def test_a_foreign_database_is_refused_and_left_as_it_was(foreign, tmp_path, command):
    article = tmp_path / "article.txt"
    article.write_text(GOOD, encoding="utf-8")
    before = fingerprint(foreign)
    result = invoke(*[article if arg == "ARTICLE" else arg for arg in command], "--db", foreign)
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "quote-tracker" in result.output, result.output
    assert len(result.output.strip().splitlines()) == 1 or command[0] == "ingest"
    assert fingerprint(foreign) == before
    assert before[1] == "delete"


@pytest.mark.parametrize("command", READERS, ids=" ".join)
def test_a_missing_database_is_not_created_by_a_reader(tmp_path, command):
    path = tmp_path / "typo.db"
    result = invoke(*command, "--db", path)
    assert result.exit_code == 1 and result.output.startswith(f"Error: no database at {path}: ")
    assert list(tmp_path.iterdir()) == []


def test_readers_leave_our_database_byte_for_byte(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(GOOD, encoding="utf-8")
    path = tmp_path / "ours.db"
    assert invoke("ingest", article, "--db", path).exit_code == 0
    before = fingerprint(path)
    for command in READERS:
        assert invoke(*command, "--db", path).exit_code in (0, 1)
    assert fingerprint(path) == before and before[1] == "wal"


def test_only_ingest_and_upgrade_create(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(GOOD, encoding="utf-8")
    assert invoke("db", "upgrade", "--db", tmp_path / "a.db").exit_code == 0
    assert invoke("ingest", article, "--db", tmp_path / "b.db").exit_code == 0
    assert invoke("stats", "--db", tmp_path / "a.db").exit_code == 0
