"""Two real processes writing to one database lose nothing and duplicate nothing."""

import subprocess
import sys
import time
from pathlib import Path

from dbhelpers import one
from ingest_worker import articles_for
from quotes.db import make_engine
from quotes.db.names import name_parts

ARTICLES_EACH = 30
WORKER = Path(__file__).with_name("ingest_worker.py")


def run_two_writers(url: str) -> None:
    make_engine(url).dispose()  # schema first, so the race is over rows, not over CREATE TABLE
    start_at = time.time() + 4  # after both have imported SQLAlchemy
    processes = [subprocess.Popen([sys.executable, str(WORKER), url, str(worker), str(ARTICLES_EACH),
                                   str(start_at)], stderr=subprocess.PIPE, text=True) for worker in (1, 2)]
    for process in processes:
        _, errors = process.communicate(timeout=240)
        assert process.returncode == 0, errors


def expected_counts():
    articles = {}
    for worker in (1, 2):
        articles.update(dict(articles_for(worker, ARTICLES_EACH)))
    pairs = [pair for quotes in articles.values() for pair in quotes]
    speakers = {name_parts(speaker).key for speaker, _ in pairs}
    statements = {(name_parts(speaker).key, sentence) for speaker, sentence in pairs}
    return len(articles), len(pairs), len(speakers), len(statements)


def assert_nothing_lost_or_doubled(engine):
    articles, quotes, speakers, statements = expected_counts()
    assert one(engine, "SELECT count(*) FROM article") == articles
    assert one(engine, "SELECT count(*) FROM quote") == quotes
    assert one(engine, "SELECT count(*) FROM speaker") == speakers == 3
    assert one(engine, "SELECT count(*) FROM statement") == statements
    assert one(engine, "SELECT sum(occurrences) FROM statement") == quotes


def test_two_processes_share_one_database(db_url):
    run_two_writers(db_url)
    assert_nothing_lost_or_doubled(make_engine(db_url))
