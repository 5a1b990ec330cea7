"""How quickly the everyday commands answer: median wall and CPU seconds of `quotes --help`, `quotes stats`,
`quotes by NAME` and `quotes search WORD` on a small database. Prints numbers; asserts nothing.

    python benchmarks/cli_startup.py [--runs 7] [--db FILE] [--name Lindqvist] [--word concerned]

The database is built once from quotes/samples with `quotes ingest` (the bundled models, a few seconds)
into a temporary folder, unless --db names one that exists. CPU is the command's own user + system time
(what a busy machine spends on it); wall is what a person waits, and grows when other work shares the cores.
Where the time goes: `python -X importtime "$(which quotes)" stats --db FILE 2>&1 | sort -t"|" -k2 -n | tail`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "quotes" / "samples"


def quotes_command() -> list[str]:
    """The `quotes` of this Python's environment (its console script), else the module."""
    script = Path(sys.executable).with_name("quotes")
    return [str(script)] if script.exists() else [sys.executable, "-m", "quotes.cli.main"]


def timed(command: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) of one run; fails loudly if the command fails."""
    began = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - began
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode()[-500:]}")
    process.stderr.close()
    return wall, usage.ru_utime + usage.ru_stime


def build_database(path: Path) -> None:
    files = sorted(str(p) for p in SAMPLES.glob("*.txt"))
    done = subprocess.run([*quotes_command(), "ingest", *files, "--db", str(path)], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"could not build the database: {done.stderr[-500:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--db", type=Path, help="an existing database to read (default: built from quotes/samples)")
    parser.add_argument("--name", default="Lindqvist", help="who `quotes by` looks up")
    parser.add_argument("--word", default="concerned", help="what `quotes search` looks for")
    options = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="cli-startup-"))
    try:
        db = options.db
        if db is None or not db.exists():
            db = db or folder / "small.db"
            began = time.perf_counter()
            build_database(db)
            print(f"built {db} from {SAMPLES.relative_to(ROOT)} in {time.perf_counter() - began:.1f} s")
        quotes = quotes_command()
        commands = {"quotes --help": [*quotes, "--help"],
                    "quotes stats": [*quotes, "stats", "--db", str(db)],
                    f"quotes by {options.name}": [*quotes, "by", options.name, "--db", str(db)],
                    f"quotes search {options.word}": [*quotes, "search", options.word, "--db", str(db)]}
        print(f"{'command':<28} {'median wall s':>13} {'median CPU s':>13}   ({options.runs} runs, {os.cpu_count()} cores, "
              f"load {os.getloadavg()[0]:.1f})")
        for label, command in commands.items():
            timed(command)  # warm the file cache
            runs = [timed(command) for _ in range(options.runs)]
            print(f"{label:<28} {statistics.median(w for w, _ in runs):>13.3f} "
                  f"{statistics.median(c for _, c in runs):>13.3f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
