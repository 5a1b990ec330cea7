"""Issue 12: 4 `quotes ingest` processes storing overlapping article sets into one new database (SQLite
file, PostgreSQL) at once: every one ends well (no "database is locked"), each article is stored once,
and no article, statement or speaker is doubled: "Stéphane Dujarric" and "Stephane Dujarric", spoken in
all four processes, stay one speaker."""

from __future__ import annotations

import re
import time

import pytest

from interrupt_checks import census, clean_census, start_ingest
from interrupt_worker import write_articles

WRITERS = 4
POOL = 32  # articles; each writer takes 16 of them, so every article is wanted by two writers


def share(writer: int) -> list[int]:
    return [(writer * POOL // WRITERS + k) % POOL for k in range(POOL // 2)]


@pytest.fixture
def db_url(own_db_url):
    return own_db_url


def run_writers(url: str, folder, *, delay: float = 0.01) -> list[tuple[int, str]]:
    """The 4 writers, started together on `url` (which none of them has opened before); (exit, stderr) each."""
    start_at = time.time() + 3  # after every process has imported SQLAlchemy and click
    processes = [start_ingest(url, write_articles(folder, share(w)), delay=delay, start_at=start_at)
                 for w in range(WRITERS)]
    results = []
    for process in processes:
        _, err = process.communicate(timeout=180)
        results.append((process.returncode, err))
    return results


INGESTED = re.compile(r"^Ingested (\d+) articles?", re.MULTILINE)


def test_four_writers_store_each_article_once_and_double_nothing(db_url, tmp_path):
    folder = tmp_path / "in"
    clean = clean_census(write_articles(folder, range(POOL)), tmp_path)
    results = run_writers(db_url, folder)
    for code, err in results:
        assert code == 0, err
        assert "locked" not in err and "Traceback" not in err, err
    assert sum(int(INGESTED.search(err).group(1)) for _, err in results) == POOL
    after = census(db_url)
    assert after.problems(clean, complete=True) == []
    assert len(after.quotes_per_article) == POOL
