"""What a database holds after a killed, interrupted or raced ingest, compared with a clean ingest of the
same articles (tests/faults/test_interrupts.py, test_concurrency.py and benchmarks/soak.py share it)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, inspect, text

WORKER = Path(__file__).with_name("interrupt_worker.py")


@dataclass
class Census:
    integrity: str  # "ok", or what PRAGMA integrity_check said (PostgreSQL: "ok", it has no such check)
    quotes_per_article: dict[str, int]  # file name -> quotes stored with it
    speakers: int
    statements: int
    duplicates: dict[str, int] = field(default_factory=dict)  # what -> extra rows (all 0 when sound)

    def problems(self, clean: "Census", *, complete: bool) -> list[str]:
        """Every way this differs from `clean`: an article with missing quotes is always one; an article
        not stored yet is one only when `complete`."""
        found = [] if self.integrity == "ok" else [f"integrity_check: {self.integrity}"]
        found += [f"{n} duplicate {what}" for what, n in self.duplicates.items() if n]
        for name, count in self.quotes_per_article.items():
            if count != clean.quotes_per_article.get(name):
                found.append(f"{name}: {count} quotes stored, a clean ingest stores "
                             f"{clean.quotes_per_article.get(name)}")
        if complete:
            missing = sorted(set(clean.quotes_per_article) - set(self.quotes_per_article))
            found += [f"{name}: not stored" for name in missing]
            if (self.speakers, self.statements) != (clean.speakers, clean.statements):
                found.append(f"{self.speakers} speakers / {self.statements} statements, a clean ingest has "
                             f"{clean.speakers} / {clean.statements}")
        return found


DUPLICATE_QUERIES = {
    "articles": "SELECT count(*) - count(DISTINCT content_hash) FROM article",
    "quotes": "SELECT count(*) FROM (SELECT article_id, start, \"end\" FROM quote "
              "GROUP BY article_id, start, \"end\" HAVING count(*) > 1) AS d",
    "statements": "SELECT count(*) FROM (SELECT speaker_id, key FROM statement "
                  "GROUP BY speaker_id, key HAVING count(*) > 1) AS d",
    "speakers": "SELECT count(*) - count(DISTINCT name_key) FROM speaker WHERE merged_into_id IS NULL",
}


def census(url: str) -> Census:
    if "://" not in url:
        url = f"sqlite:///{url}"
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            integrity = "ok"
            if engine.dialect.name == "sqlite":
                integrity = "; ".join(row[0] for row in connection.execute(text("PRAGMA integrity_check")))
            if not inspect(connection).has_table("quote"):  # killed before the schema was made
                return Census(integrity, {}, 0, 0, {what: 0 for what in DUPLICATE_QUERIES})
            rows = connection.execute(text(
                "SELECT article.source, count(quote.id) FROM article LEFT JOIN quote ON quote.article_id = "
                "article.id GROUP BY article.id, article.source")).all()
            per_article = {Path(source).name: count for source, count in rows}
            speakers = connection.execute(text("SELECT count(*) FROM speaker")).scalar_one()
            statements = connection.execute(text("SELECT count(*) FROM statement")).scalar_one()
            duplicates = {what: connection.execute(text(sql)).scalar_one() for what, sql in DUPLICATE_QUERIES.items()}
    finally:
        engine.dispose()
    return Census(integrity, per_article, speakers, statements, duplicates)


def clean_census(paths, tmp: Path) -> Census:
    """A clean ingest of `paths` (in this process, into a new SQLite file): what every run must end with."""
    from quotes.db import make_engine
    from quotes.ingest.store import ingest_paths

    from interrupt_worker import quotes_in

    db = tmp / "clean.db"
    if db.exists():
        db.unlink()
    engine = make_engine(f"sqlite:///{db}")
    try:
        for _ in ingest_paths(engine, [str(p) for p in paths], extractor_factory=lambda: quotes_in):
            pass
    finally:
        engine.dispose()
    return census(str(db))


def start_ingest(url: str, paths, *, marks: Path | None = None, delay: float = 0.0, start_at: float | None = None,
                 cwd: Path | None = None, options: tuple = ()) -> subprocess.Popen:
    """`quotes ingest PATHS --db URL [OPTIONS]` with the slow fake extractor, in a new process (new session,
    so a signal sent to it reaches nobody else; os.killpg reaches it and its workers, as Ctrl-C would)."""
    own = [str(marks or ""), str(delay)] + ([str(start_at)] if start_at is not None else [])
    command = [sys.executable, str(WORKER), *own, "--", "ingest", *map(str, paths), "--db", url, "--no-progress",
               *options]
    env = dict(os.environ, OMP_NUM_THREADS="1", PYTHONPATH=str(WORKER.parent))
    env.pop("QUOTES_DB", None)
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            cwd=cwd, start_new_session=True, preexec_fn=ctrl_c_reaches_it)


def ctrl_c_reaches_it() -> None:
    """In the child before it runs: SIGINT back to its default, as in a terminal. A test run started in the
    background (a shell's '&', nohup) ignores SIGINT, every child inherits that, and Python then installs no
    KeyboardInterrupt handler: the Ctrl-C tests would see an ingest that never stops."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def marks_seen(marks: Path) -> int:
    try:
        return marks.read_text(encoding="utf-8").count("\n")
    except FileNotFoundError:
        return 0


def stored_articles(url: str) -> int:
    """Articles committed so far (0 while the schema is not there yet)."""
    if "://" not in url:
        url = f"sqlite:///{url}"
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT count(*) FROM article")).scalar_one()
    except Exception:  # no table yet, or the file is mid-creation
        return 0
    finally:
        engine.dispose()


def wait_for(condition, *, process: subprocess.Popen, timeout: float = 60.0, poll: float = 0.02) -> bool:
    """True once `condition()` holds; False when the process ended first (or the time ran out)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        if process.poll() is not None:
            return False
        time.sleep(poll)
    return False


def kill(process: subprocess.Popen, sig: int = signal.SIGKILL) -> tuple[int, str, str]:
    """Send `sig` to the process and return (exit code, stdout, stderr)."""
    if process.poll() is None:
        os.kill(process.pid, sig)
    out, err = process.communicate(timeout=60)
    return process.returncode, out, err


POSTGRES_ENV = "QUOTES_TEST_POSTGRES_URL"


class fresh_postgres:
    """`with fresh_postgres(server_url) as url:` a new, empty database on that server, dropped afterwards
    (a database of its own: other test runs may be using the server's test database meanwhile)."""

    def __init__(self, server_url: str):
        import uuid

        self.server_url = server_url
        self.name = f"quotes_soak_{uuid.uuid4().hex[:12]}"

    def _admin(self, statement: str) -> None:
        engine = create_engine(self.server_url, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as connection:
                connection.execute(text(statement))
        finally:
            engine.dispose()

    def __enter__(self) -> str:
        from sqlalchemy.engine import make_url

        self._admin(f'CREATE DATABASE "{self.name}"')
        return make_url(self.server_url).set(database=self.name).render_as_string(hide_password=False)

    def __exit__(self, *exc) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
