"""Issue 12: kill -9 and Ctrl-C at several moments of a real `quotes ingest` process, on SQLite and
PostgreSQL. Afterwards the database is sound (PRAGMA integrity_check), every stored article has all its
quotes (the counts of a clean ingest), and running the command again stores the rest, duplicating nothing.
Ctrl-C prints one line with the count stored and exits 130.

The process is the real click group with a slow fake extractor (interrupt_worker.py): no model loads."""

from __future__ import annotations

import re
import signal

import pytest

from interrupt_checks import (census, clean_census, kill, marks_seen,
                              start_ingest, stored_articles, wait_for)
from interrupt_worker import write_articles

ARTICLES = 20  # batches of 8: three batches
DELAY = 0.05  # seconds of "extraction" per article


@pytest.fixture
def db_url(own_db_url):
    return own_db_url


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "in"
    paths = write_articles(folder, range(ARTICLES))
    return folder, clean_census(paths, tmp_path)


MOMENTS = {  # name -> (what the test waits for, given the marks file and the database URL)
    "first batch extracting": lambda marks, url: marks_seen(marks) >= 2,
    "first batch storing": lambda marks, url: stored_articles(url) >= 3,
    "second batch extracting": lambda marks, url: marks_seen(marks) >= 11,
    "second batch storing": lambda marks, url: stored_articles(url) >= 10,
}


def interrupt_at(moment, url, folder, tmp_path, sig):
    marks = tmp_path / "marks"
    process = start_ingest(url, [folder], marks=marks, delay=DELAY)
    reached = wait_for(lambda: MOMENTS[moment](marks, url), process=process)
    code, out, err = kill(process, sig)
    assert reached, f"the ingest ended before '{moment}' (exit {code}): {err}"
    return code, out, err


def rerun_completes(url, folder, clean, stored_before):
    process = start_ingest(url, [folder])
    _, err = process.communicate(timeout=120)
    code = process.returncode
    assert code == 0, err
    assert err.startswith(f"Ingested {ARTICLES - stored_before} articles"), err
    assert f"skipped {stored_before} duplicate" in err, err
    assert census(url).problems(clean, complete=True) == []


@pytest.mark.parametrize("moment", MOMENTS)
def test_kill_9_loses_no_quote_of_a_stored_article_and_a_rerun_completes(db_url, articles, moment, tmp_path):
    folder, clean = articles
    code, _, _ = interrupt_at(moment, db_url, folder, tmp_path, signal.SIGKILL)
    assert code == -signal.SIGKILL
    after = census(db_url)
    assert after.problems(clean, complete=False) == []
    assert len(after.quotes_per_article) < ARTICLES
    rerun_completes(db_url, folder, clean, stored_before=len(after.quotes_per_article))


INTERRUPTED = re.compile(r"Interrupted: (\d+) articles? stored before it stopped; run the same command again "
                         r"to go on \(articles already stored are skipped\)\n")


@pytest.mark.parametrize("moment", ["first batch extracting", "second batch storing"])
def test_ctrl_c_prints_one_line_with_the_count_and_exits_130(db_url, articles, moment, tmp_path):
    folder, clean = articles
    code, out, err = interrupt_at(moment, db_url, folder, tmp_path, signal.SIGINT)
    assert code == 130, err
    assert out == ""
    said = INTERRUPTED.fullmatch(err)
    assert said, err
    after = census(db_url)
    assert int(said.group(1)) == len(after.quotes_per_article)
    assert after.problems(clean, complete=False) == []
    rerun_completes(db_url, folder, clean, stored_before=len(after.quotes_per_article))
