"""make_engine: URL resolution, SQLite settings, refusal of foreign databases."""

import sqlite3

import pytest
from sqlalchemy import text

from quotes.db import make_engine
from quotes.db.url import resolve_url
from quotes.db.errors import NotADatabase


def test_resolve_url_defaults_and_paths(monkeypatch):
    monkeypatch.delenv("QUOTES_DB", raising=False)
    assert resolve_url(None).render_as_string() == "sqlite:///quotes.db"
    assert resolve_url("data/q.db").database == "data/q.db"
    monkeypatch.setenv("QUOTES_DB", "sqlite:////tmp/elsewhere.db")
    assert resolve_url(None).database == "/tmp/elsewhere.db"
    assert resolve_url("postgresql://u@h/db").drivername == "postgresql+psycopg"


def test_sqlite_file_uses_wal_foreign_keys_and_busy_timeout(tmp_path):
    engine = make_engine(str(tmp_path / "q.db"))
    with engine.connect() as connection:
        settings = [connection.execute(text(f"PRAGMA {name}")).scalar() for name in
                    ("journal_mode", "foreign_keys", "busy_timeout")]
    assert settings == ["wal", 1, 30000]


def test_foreign_keys_are_enforced(tmp_path):
    engine = make_engine(str(tmp_path / "q.db"))
    with pytest.raises(Exception, match="FOREIGN KEY"):
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO alias (speaker_id, name, key, manual) VALUES (99, 'x', 'x', 0)"))


def test_in_memory_database_is_shared_between_sessions():
    engine = make_engine("sqlite://")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO speaker (name, kind, identity_key, name_key, created_at) "
                                "VALUES ('A', 'person', 'a', 'a', '2024-01-01')"))
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM speaker")).scalar() == 1


def test_foreign_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE article (id INTEGER PRIMARY KEY)")
    with pytest.raises(NotADatabase, match="no migration record"):
        make_engine(str(path))
