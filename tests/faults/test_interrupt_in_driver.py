"""Ctrl-C that lands inside a database driver call: the rollback then fails on the half-used connection
(seen on PostgreSQL: "can't change 'autocommit' now"). The user pressed Ctrl-C, so the answer is still the
one interrupt line with the count and exit 130, not a database error."""

import os
import signal

import pytest
from sqlalchemy import event, text

from faults_helpers import fake_factory
from storage_helpers import invoke

from quotes.ingest.batch import expand_paths
from quotes.db import make_engine
from quotes.db.errors import DatabaseUnavailable
from quotes.ingest.store import Stored, ingest_expanded


def interrupted_in_driver(*args, **kwargs):
    yield Stored("a.txt", "ingested", 2)
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt:
        raise DatabaseUnavailable("cannot open database x.db: can't change 'autocommit' now")


def test_ctrl_c_inside_a_driver_call_is_still_an_interrupt(tmp_path, monkeypatch):
    import quotes.ingest.store

    monkeypatch.setattr(quotes.ingest.store, "ingest_expanded", interrupted_in_driver)
    (tmp_path / "a.txt").write_text('"We will go on," said Ana Ruiz.\n')
    result = invoke("ingest", tmp_path / "a.txt", "--db", f"sqlite:///{tmp_path / 'q.db'}", "--no-progress")
    assert result.exit_code == 130, result.output
    assert result.output.startswith("Interrupted: 1 article")
    assert "autocommit" not in result.output and "Traceback" not in result.output


def test_a_database_error_without_ctrl_c_stays_a_database_error(tmp_path, monkeypatch):
    import quotes.ingest.store

    def failing(*args, **kwargs):
        yield Stored("a.txt", "ingested", 2)
        raise DatabaseUnavailable("cannot open database x.db: disk I/O error")

    monkeypatch.setattr(quotes.ingest.store, "ingest_expanded", failing)
    (tmp_path / "a.txt").write_text('"We will go on," said Ana Ruiz.\n')
    result = invoke("ingest", tmp_path / "a.txt", "--db", f"sqlite:///{tmp_path / 'q.db'}", "--no-progress")
    assert result.exit_code == 1 and "disk I/O error" in result.output


def test_ctrl_c_inside_a_commit_stops_the_run_with_that_article_counted(tmp_path, python_sigint):
    """A SIGINT that lands inside the commit of an article, made certain. Unheld, the interrupt left
    store() with the article stored but not counted; a moment later in Session.commit, the rollback that
    followed failed ("session is in 'committed' state") and replaced it, so the stored article counted as
    failed and the run went on (a CI run of test_db_kill's Ctrl-C test, 1 in many)."""
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(f'"Harbour day {n}," said Ana Ruiz.\n')
    engine = make_engine(f"sqlite:///{tmp_path / 'q.db'}")
    inserts = []

    @event.listens_for(engine, "before_cursor_execute")
    def note_an_article_insert(_connection, _cursor, statement, *_args):
        inserts.extend(["article"] if statement.startswith("INSERT INTO article") else [])

    @event.listens_for(engine, "commit")
    def ctrl_c_inside_the_first_article_commit(_connection):
        if inserts == ["article"]:
            inserts.append("interrupted")
            os.kill(os.getpid(), signal.SIGINT)

    seen = []
    with pytest.raises(KeyboardInterrupt):
        for outcome in ingest_expanded(engine, expand_paths([str(tmp_path)]), extractor_factory=fake_factory):
            seen.append(outcome)
    assert [(type(outcome).__name__, outcome.status) for outcome in seen] == [("Stored", "ingested")]
    with engine.connect() as connection:
        stored = connection.execute(text("SELECT count(*) FROM article")).scalar()
    assert stored == 1
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    engine.dispose()
