"""Issue 23: a database stamped by another application's Alembic, or by a newer quote-tracker. Every
command told the user to run `quotes db upgrade`, which then failed with a 70-line CommandError ("Can't
locate revision"). Now each command, `db upgrade` and `db current` included, says in one line what the
stamp means and what to do; the file is not changed."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from faults_helpers import GOOD

STAMPS = {
    "newer": ("0009", "schema revision 0009 was made by a newer quote-tracker (this one knows revisions up to "),
    "foreign": ("ae1027a6acf", "is stamped with Alembic revision 'ae1027a6acf', which is not quote-tracker's"),
}


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    from quotes.db import make_engine, session_scope
    from quotes.db.store import ingest_article
    from quotes.records import Article

    folder = tmp_path_factory.mktemp("stamped")
    engine = make_engine(f"sqlite:///{folder / 'good.db'}")
    with session_scope(engine) as session:
        ingest_article(session, article=Article(text=GOOD, source="a.txt"), records=[], pipeline_version="t")
    engine.dispose()
    return folder / "good.db"


@pytest.fixture(params=sorted(STAMPS))
def stamped(request, stored, tmp_path):
    revision, message = STAMPS[request.param]
    db = tmp_path / f"{request.param}.db"
    shutil.copy(stored, db)
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    connection.close()
    return db, message


@pytest.mark.parametrize("command", [["db", "upgrade"], ["db", "current"], ["by", "Varga"], ["speakers"],
                                     ["ingest", "-"], ["export"]], ids=" ".join)
def test_a_foreign_or_newer_stamp_is_one_line_and_never_asks_for_an_upgrade(invoke, stamped, command):
    db, message = stamped
    before = db.read_bytes()
    result = invoke(*command, "--db", db, input=GOOD)
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {db}") and message in result.output, result.output
    assert result.output.count("\n") == 1, result.output
    assert "run `quotes db upgrade`" not in result.output
    assert db.read_bytes() == before


def test_the_web_view_says_the_same(stamped):
    from quotes.cli.web import open_readonly
    from quotes.db.errors import DatabaseError

    db, message = stamped
    with pytest.raises(DatabaseError, match=message.replace("(", r"\(").replace(")", r"\)")):
        open_readonly(str(db))
