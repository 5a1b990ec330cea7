"""Issue 12 'kill -9 and Ctrl-C mid-ingest': an ingest killed at several moments (SIGKILL) leaves a sound
database in which every stored article has all its quotes, and a rerun completes the rest with no
duplicates; Ctrl-C (a real SIGINT to the process group) prints one clean line with the count stored.
Both on SQLite and PostgreSQL."""

import os
import signal
import sqlite3
import subprocess
import time

import pytest
from sqlalchemy import text

from quotes.db import make_engine
from interrupt_checks import ctrl_c_reaches_it
from storage_helpers import child_command, empty_postgres, quotes_cli

ARTICLES = 24
SPEAKERS = ["Ana Ruiz", "Bo Lind", "Cy Okafor"]


def write_articles(folder):
    """Article n holds (n % 3) + 1 quotes, so a half-stored article would show in its count."""
    folder.mkdir()
    expected = {}
    for n in range(ARTICLES):
        quotes = [f'"Statement {n}.{q} about the harbour," said {SPEAKERS[q]}.' for q in range(n % 3 + 1)]
        path = folder / f"{n:02}.txt"
        path.write_text(f"Harbour day {n}\n\n" + " ".join(quotes) + "\n", encoding="utf-8")
        expected[str(path)] = len(quotes)
    return expected


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "q.db")
    return empty_postgres()


def per_article(url):
    """source -> quotes stored, and the duplicate checks: articles by hash, speakers by name."""
    engine = make_engine(url, read_only=True)
    with engine.connect() as connection:
        counts = dict(connection.execute(text(
            "SELECT a.source, count(q.id) FROM article a LEFT JOIN quote q ON q.article_id = a.id "
            "GROUP BY a.source")).all())
        duplicates = connection.execute(text(
            "SELECT (SELECT count(*) - count(DISTINCT content_hash) FROM article) + "
            "(SELECT count(*) - count(DISTINCT name) FROM speaker)")).scalar()
    engine.dispose()
    return counts, duplicates


def sound(url):
    if "://" in url:
        return True
    connection = sqlite3.connect(f"file:{url}?mode=ro", uri=True)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        connection.close()


def stored_count(url):
    try:
        return len(per_article(url)[0])
    except Exception:  # not created yet, or busy being created
        return 0


def start(args, url):
    return subprocess.Popen(child_command("ingest", *args, "--db", url, factory="slow_factory"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=ctrl_c_reaches_it)


def wait_for(url, count, process, timeout=60):
    deadline = time.monotonic() + timeout
    while stored_count(url) < count:
        assert process.poll() is None, "the ingest ended before the moment to stop it"
        assert time.monotonic() < deadline, "the ingest made no progress"
        time.sleep(0.02)


@pytest.mark.parametrize("moment", [1, 6, 12])  # in the first and second batch of eight
def test_kill_9_leaves_whole_articles_and_a_rerun_completes(tmp_path, url, moment):
    expected = write_articles(tmp_path / "in")
    process = start([tmp_path / "in"], url)
    wait_for(url, moment, process)
    os.killpg(process.pid, signal.SIGKILL)
    process.communicate(timeout=30)
    assert sound(url)
    counts, duplicates = per_article(url)
    assert moment <= len(counts) < ARTICLES and duplicates == 0
    assert counts == {source: expected[source] for source in counts}  # every stored article is whole

    rerun = quotes_cli("ingest", tmp_path / "in", "--db", url)
    assert rerun.returncode == 0, rerun.stderr
    assert f"skipped {len(counts)} duplicate" in rerun.stderr
    counts, duplicates = per_article(url)
    assert counts == expected and duplicates == 0


def test_ctrl_c_is_one_clean_line_with_the_count_stored(tmp_path, url):
    # Ctrl-C is held while the database is used (quotes.ingest.store.interrupts_held): a SIGINT inside a commit
    # once made the article count as failed (SQLite) and inside a psycopg call broke the connection
    expected = write_articles(tmp_path / "in")
    process = start([tmp_path / "in"], url)
    wait_for(url, 5, process)
    os.killpg(process.pid, signal.SIGINT)
    _out, err = process.communicate(timeout=60)
    counts, duplicates = per_article(url)
    assert process.returncode == 130, err
    assert err == (f"Interrupted: {len(counts)} articles stored before it stopped; run the same command again "
                   "to go on (articles already stored are skipped)\n")
    assert counts == {source: expected[source] for source in counts} and duplicates == 0
    assert sound(url)
