"""Issue 23: `quotes serve` answers 50 clients at once, alone and while an ingest writes the same database
(SQLite file, PostgreSQL). The read-only SQLite engine once got SQLAlchemy's SingletonThreadPool, which
closed connections other server threads were using: SIGSEGV at 6 concurrent requests.

The server is a real `quotes serve` process on a free port, so a crash fails the test instead of pytest."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from interrupt_checks import start_ingest, stored_articles, wait_for
from interrupt_worker import write_articles

CLIENTS = 50
ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Served:
    """`quotes serve --db URL` in a process of its own, on a free port of 127.0.0.1."""

    def __init__(self, url: str):
        self.port = free_port()
        env = dict(os.environ, OMP_NUM_THREADS="1")
        env.pop("QUOTES_DB", None)
        self.process = subprocess.Popen([sys.executable, "-c", "from quotes.cli.main import main; main()", "serve", "--db", url,
                                         "--port", str(self.port)], stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)

    def __enter__(self) -> "Served":
        def listening() -> bool:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return True
            except OSError:
                return False

        if not wait_for(listening, process=self.process, timeout=60):
            self.process.kill()
            raise AssertionError(f"quotes serve did not start: {self.process.communicate()[1]}")
        return self

    def __exit__(self, *exc) -> None:
        if self.process.poll() is None:
            self.process.terminate()
        self.process.communicate(timeout=30)

    def get_all(self, paths: list[str]) -> list[object]:
        """GET every path at once, one thread each; the status codes (or the error) in order."""
        results: list[object] = [None] * len(paths)
        start = threading.Barrier(len(paths))

        def get(index: int, path: str) -> None:
            start.wait()
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=60) as response:
                    response.read()
                    results[index] = response.status
            except urllib.error.HTTPError as error:
                results[index] = error.code
            except Exception as error:  # a connection the server dropped
                results[index] = f"{type(error).__name__}: {error}"

        threads = [threading.Thread(target=get, args=pair) for pair in enumerate(paths)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        return results


PAGES = ["/", "/speakers/1", "/speakers/2", "/articles/1", "/search?q=pier", "/speakers/1/timeline.svg"]


def requests_for(clients: int) -> list[str]:
    return [PAGES[k % len(PAGES)] for k in range(clients)]


@pytest.fixture
def filled(own_db_url, tmp_path):
    """own_db_url holding 6 articles of the fake extractor's (speakers and statements to show)."""
    process = start_ingest(own_db_url, write_articles(tmp_path / "first", range(6)))
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    return own_db_url


def test_fifty_clients_at_once_all_get_their_page(filled):
    with Served(filled) as served:
        results = served.get_all(requests_for(CLIENTS))
        alive = served.process.poll() is None
    assert alive, f"quotes serve died with exit {served.process.returncode}"
    assert results == [200] * CLIENTS


def test_fifty_clients_at_once_while_an_ingest_writes(filled, tmp_path):
    more = write_articles(tmp_path / "more", range(100, 140))
    with Served(filled) as served:
        ingest = start_ingest(filled, more, delay=0.05)
        try:
            assert wait_for(lambda: stored_articles(filled) > 8, process=ingest, timeout=60)
            rounds = [served.get_all(requests_for(CLIENTS)) for _ in range(3)]
        finally:
            _, err = ingest.communicate(timeout=180)
        alive = served.process.poll() is None
    assert alive, f"quotes serve died with exit {served.process.returncode}"
    assert ingest.returncode == 0, err
    assert rounds == [[200] * CLIENTS] * 3
