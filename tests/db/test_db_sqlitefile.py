"""Reading a SQLite file without SQLAlchemy (quotes.db.url.sqlite_file, quotes.db.sqlitefile.reading): the
file it opens is the one make_engine opens, and where it cannot tell, it says so (None) instead of guessing."""

import sqlite3
import sys
import subprocess

import pytest

from quotes.db.errors import NotADatabase
from quotes.db.sqlitefile import reading
from quotes.db.url import resolve_url, sqlite_file


@pytest.mark.parametrize("url", ["quotes.db", "data/q.db", "/tmp/x y.db", "./a@b:c.db", "sqlite:///rel.db",
                                 "sqlite:////abs/q.db", "sqlite:///a#b.db", "dé jà/ü.db", "q.db\nnext"])
def test_a_file_path_is_the_database_resolve_url_finds(url):
    assert sqlite_file(url) == resolve_url(url).database


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///", "sqlite:///:memory:", ":memory:", "sqlite:///q.db?mode=ro",
                                 "what?.db", "x%20y.db", "sqlite:///x%2Fy.db", "sqlite+pysqlite:///q.db",
                                 "postgresql://u@h/q", "nosuch://x"])
def test_anything_else_is_left_to_the_engine(url):
    assert sqlite_file(url) is None


def test_the_default_and_the_environment_are_read_as_resolve_url_reads_them(monkeypatch):
    monkeypatch.delenv("QUOTES_DB", raising=False)
    assert sqlite_file(None) == resolve_url(None).database == "quotes.db"
    monkeypatch.setenv("QUOTES_DB", "sqlite:////tmp/elsewhere.db")
    assert sqlite_file(None) == sqlite_file("") == "/tmp/elsewhere.db"


def test_reading_checks_the_stamp_before_the_block_runs(tmp_path):
    path = tmp_path / "empty.db"
    sqlite3.connect(path).close()
    path.write_bytes(b"")
    with pytest.raises(NotADatabase, match="holds no quote-tracker data"):
        with reading(str(path)):
            raise AssertionError("not reached")


def test_reading_loads_no_sqlalchemy(tmp_path):
    path = tmp_path / "q.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num TEXT)")
        connection.execute("INSERT INTO alembic_version VALUES ('0001')")
    connection.close()
    probe = ("import sys\nfrom quotes.db.counts import file_stats\ntry:\n    file_stats(sys.argv[1])\n"
             "except Exception as error:\n    print(type(error).__name__)\nprint('sqlalchemy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["SchemaOutOfDate", "False"]
