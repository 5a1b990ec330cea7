"""The switch of a new SQLite file to write-ahead logging while other writers already store into it: SQLite
may refuse it at once ('database is locked') instead of waiting, so it is tried again until they pause."""

import sqlite3
import threading
import time

from sqlalchemy import create_engine

from quotes.db.locks import use_wal


def test_the_switch_waits_for_a_writer_that_holds_the_file(tmp_path, monkeypatch):
    path = tmp_path / "q.db"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")  # a writer storing its article: nobody else may touch the file
    holder.execute("INSERT INTO t VALUES (1)")
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 0.05})  # SQLite's own wait: 50 ms
    released = threading.Timer(0.5, lambda: holder.execute("COMMIT"))
    released.start()
    began = time.monotonic()
    use_wal(engine, timeout=10)
    released.join()
    assert time.monotonic() - began >= 0.4
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
