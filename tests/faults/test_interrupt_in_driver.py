"""Ctrl-C that lands inside a database driver call: the rollback then fails on the half-used connection
(seen on PostgreSQL: "can't change 'autocommit' now"). The user pressed Ctrl-C, so the answer is still the
one interrupt line with the count and exit 130, not a database error."""

from storage_helpers import invoke

from quotes.db.errors import DatabaseUnavailable
from quotes.ingest import Stored


def interrupted_in_driver(*args, **kwargs):
    yield Stored("a.txt", "ingested", 2)
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt:
        raise DatabaseUnavailable("cannot open database x.db: can't change 'autocommit' now")


def test_ctrl_c_inside_a_driver_call_is_still_an_interrupt(tmp_path, monkeypatch):
    import quotes.ingest

    monkeypatch.setattr(quotes.ingest, "ingest_expanded", interrupted_in_driver)
    (tmp_path / "a.txt").write_text('"We will go on," said Ana Ruiz.\n')
    result = invoke("ingest", tmp_path / "a.txt", "--db", f"sqlite:///{tmp_path / 'q.db'}", "--no-progress")
    assert result.exit_code == 130, result.output
    assert result.output.startswith("Interrupted: 1 article")
    assert "autocommit" not in result.output and "Traceback" not in result.output


def test_a_database_error_without_ctrl_c_stays_a_database_error(tmp_path, monkeypatch):
    import quotes.ingest

    def failing(*args, **kwargs):
        yield Stored("a.txt", "ingested", 2)
        raise DatabaseUnavailable("cannot open database x.db: disk I/O error")

    monkeypatch.setattr(quotes.ingest, "ingest_expanded", failing)
    (tmp_path / "a.txt").write_text('"We will go on," said Ana Ruiz.\n')
    result = invoke("ingest", tmp_path / "a.txt", "--db", f"sqlite:///{tmp_path / 'q.db'}", "--no-progress")
    assert result.exit_code == 1 and "disk I/O error" in result.output
