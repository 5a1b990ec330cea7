"""Soak test of issue 12: N rounds of (kill -9 a real `quotes ingest` at a random moment, run it again),
then 4 processes ingesting overlapping article sets into one new database, on SQLite and (when
QUOTES_TEST_POSTGRES_URL is set) PostgreSQL. Prints rounds / integrity ok / duplicates / lost articles.
No timing is measured or asserted: the figures are counts.

    python benchmarks/soak.py --rounds 10 [--articles 20] [--seed 1]

Uses the fake extractor of tests/faults/interrupt_worker.py (no model loads)."""

from __future__ import annotations

import argparse
import os
import random
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "faults"))

from interrupt_checks import (POSTGRES_ENV, census, clean_census, fresh_postgres, kill,  # noqa: E402
                              start_ingest)
from interrupt_worker import write_articles  # noqa: E402


def kill_rounds(url: str, folder: Path, clean, rounds: int, rng: random.Random, delay: float) -> dict:
    """Each round: a fresh database, one ingest killed after a random 0.3-4 s, one rerun to the end."""
    figures = {"rounds": 0, "killed mid-run": 0, "integrity ok": 0, "duplicates": 0, "articles with lost quotes": 0,
               "lost articles after rerun": 0, "failed reruns": 0}
    for _ in range(rounds):
        with database(url, folder.parent) as db:
            process = start_ingest(db, [folder], delay=delay)
            time.sleep(rng.uniform(0.3, 4.0))
            figures["killed mid-run"] += process.poll() is None
            kill(process, signal.SIGKILL)
            after = census(db)
            figures["integrity ok"] += after.integrity == "ok"
            figures["articles with lost quotes"] += sum(1 for p in after.problems(clean, complete=False)
                                                        if "quotes stored" in p)
            rerun = start_ingest(db, [folder])
            _, err = rerun.communicate(timeout=300)
            figures["failed reruns"] += rerun.returncode != 0
            final = census(db)
            figures["duplicates"] += sum(after.duplicates.values()) + sum(final.duplicates.values())
            figures["lost articles after rerun"] += len(set(clean.quotes_per_article) - set(final.quotes_per_article))
            figures["rounds"] += 1
    return figures


def race(url: str, folder: Path, clean, articles: int) -> dict:
    """4 writers, each with half of the articles (every article wanted by two), started together."""
    with database(url, folder.parent) as db:
        start_at = time.time() + 3
        shares = [[(w * articles // 4 + k) % articles for k in range(articles // 2)] for w in range(4)]
        processes = [start_ingest(db, write_articles(folder, share), delay=0.01, start_at=start_at)
                     for share in shares]
        errors = [p.communicate(timeout=300)[1] for p in processes]
        final = census(db)
        return {"writers ok": sum(p.returncode == 0 for p in processes),
                "'locked' failures": sum("locked" in err for err in errors),
                "duplicates": sum(final.duplicates.values()),
                "problems": len(final.problems(clean, complete=True))}


class database:
    """A new database for one round: a SQLite file under `tmp`, or a new database on the PostgreSQL server."""

    def __init__(self, kind: str, tmp: Path):
        self.kind, self.tmp, self.postgres = kind, tmp, None

    def __enter__(self) -> str:
        if self.kind == "sqlite":
            path = Path(tempfile.mkdtemp(dir=self.tmp)) / "quotes.db"
            return f"sqlite:///{path}"
        self.postgres = fresh_postgres(os.environ[POSTGRES_ENV])
        return self.postgres.__enter__()

    def __exit__(self, *exc) -> None:
        if self.postgres is not None:
            self.postgres.__exit__(*exc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--delay", type=float, default=0.1, help="seconds of fake extraction per article")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    backends = ["sqlite"] + (["postgres"] if os.environ.get(POSTGRES_ENV) else [])
    if len(backends) == 1:
        print(f"{POSTGRES_ENV} is not set: SQLite only", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        paths = write_articles(folder, range(args.articles))
        clean = clean_census(paths, Path(tmp))
        for backend in backends:
            figures = kill_rounds(backend, folder, clean, args.rounds, rng, args.delay)
            print(f"{backend:8} kill -9 + rerun: " + ", ".join(f"{k} {v}" for k, v in figures.items()))
            figures = race(backend, folder, clean, args.articles)
            print(f"{backend:8} 4 writers:       " + ", ".join(f"{k} {v}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
