"""Issue 13 item 2: a write lock held by another process makes each article wait a bounded, configurable
time (SQLite busy timeout, PostgreSQL lock_timeout), retry, then fail clearly with nothing stored; the
run goes on and a rerun stores everything. Before: the retry never ran on SQLite (a traceback-like
"not stored: OperationalError … [SQL: BEGIN IMMEDIATE]") and PostgreSQL waited forever."""

import sqlite3
import threading

import pytest
from sqlalchemy import text

from faults_helpers import GOOD
from quotes.db import make_engine
from storage_helpers import empty_postgres, quotes_cli

HELD = "not stored: another process held the database's write lock for"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(request, tmp_path):
    """(url, hold): a quote-tracker database and a function that holds its write lock until released."""
    if request.param == "sqlite":
        path = tmp_path / "locked.db"
        url = str(path)

        def hold():
            holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            holder.execute("BEGIN IMMEDIATE")
            return holder
    else:
        url = empty_postgres()

        def hold():
            import psycopg

            holder = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))
            holder.execute("LOCK TABLE article, speaker IN EXCLUSIVE MODE")  # readers pass, writers wait
            return holder
    make_engine(url).dispose()
    return url, hold


def articles(tmp_path, count=2):
    paths = []
    for n in range(count):
        path = tmp_path / f"a{n}.txt"
        path.write_text(GOOD.replace("pier", f"pier number {n}"), encoding="utf-8")
        paths.append(path)
    return paths


def stored_articles(url):
    engine = make_engine(url, read_only=True)
    with engine.connect() as connection:
        count = connection.execute(text("SELECT count(*) FROM article")).scalar()
    engine.dispose()
    return count


def test_a_held_lock_fails_each_article_clearly_then_a_rerun_stores_them(database, tmp_path):
    url, hold = database
    paths = articles(tmp_path)
    holder = hold()
    try:
        run = quotes_cli("ingest", *paths, "--db", url, "--lock-timeout", "0.5")
    finally:
        holder.rollback()
        holder.close()
    assert run.returncode == 1
    failed = [line.strip() for line in run.stderr.splitlines() if HELD in line]
    assert [line.split(": ")[0] for line in failed] == [str(p) for p in paths]
    assert "Traceback" not in run.stderr and "[SQL" not in run.stderr
    assert stored_articles(url) == 0

    again = quotes_cli("ingest", *paths, "--db", url)
    assert again.returncode == 0, again.stderr
    assert stored_articles(url) == 2


def test_a_lock_released_within_the_timeout_is_waited_for(database, tmp_path):
    url, hold = database
    holder = hold()
    release = threading.Timer(1.0, lambda: (holder.rollback(), holder.close()))
    release.start()
    try:
        run = quotes_cli("ingest", *articles(tmp_path), "--db", url, "--lock-timeout", "20")
    finally:
        release.join()
    assert run.returncode == 0, run.stderr
    assert stored_articles(url) == 2


def test_a_merge_behind_a_held_lock_says_the_database_is_busy(database):
    url, hold = database
    from quotes.db import session_scope
    from quotes.db.store import ingest_article
    from quotes.records import Article, QuoteRecord

    engine = make_engine(url)
    for n, name in enumerate(["Ana Ruiz", "Bo Lind"]):
        text_ = f'"Statement {n}," {name} said.'
        with session_scope(engine) as session:
            ingest_article(session, article=Article(text=text_, source=f"{n}.txt"), pipeline_version="1",
                           records=[QuoteRecord(source=f"{n}.txt", text=f"Statement {n}", start=1, end=12,
                                                kind="direct", speaker=name, speaker_kind="person")])
    engine.dispose()
    holder = hold()
    try:
        run = quotes_cli("speakers", "merge", "#1", "#2", "--db", url, "--lock-timeout", "0.5")
    finally:
        holder.rollback()
        holder.close()
    assert run.returncode == 1
    assert run.stderr.startswith("Error: ") and " is busy: another process held its write lock" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and "[SQL" not in run.stderr
