"""Storage and export faults (issue 13 items 2, 4, 7, 9, 10): prints tried / passed per category.

Each case runs `quotes …` as a user would (in this process through click, or in a child process where a
lock holder or dropped privileges are needed), with a stand-in extractor so no models load. A case passes
when the command does the right thing: one clear line and exit 1 for trouble, nothing half-stored,
nothing changed that a reader should not change, no formula a spreadsheet would run.
Run: .venv/bin/python benchmarks/storage_faults.py [-v]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from click.testing import CliRunner

from quotes.cli.context import App
from quotes.cli.main import main as quotes_main
from quotes.records import QuoteRecord

BODY = '"We will rebuild the pier,{n}" the mayor said. The harbour board met on day {n}.'
FORMULAS = ["=HYPERLINK(CONCAT(A1;B1))", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\tTAB=1", "\rCR=1"]
READERS = [["stats"], ["by", "Mayor"], ["speakers"], ["statements", "#1"], ["show", "1"], ["search", "pier"],
           ["export"], ["db", "current"]]
COMMANDS = READERS + [["speakers", "merge", "#1", "#2"], ["speakers", "split", "#1", "x"],
                      ["export", "--format", "jsonl"], ["db", "upgrade"], ["ingest", "ARTICLES"]]
CHILD = ("import sys; sys.path.insert(0, sys.argv.pop(1)); import storage_faults as s; from quotes.cli.context "
         "import App; from quotes.cli.main import main; main(sys.argv[1:], prog_name='quotes', "
         "obj=App(extractor_factory=s.factory))")


def extract(texts, sources):
    """Stand-in extractor: every "…" span is a direct quote by the mayor; a FORMULA text quotes itself."""
    found = []
    for text, source in zip(texts, sources):
        records = []
        for match in re.finditer(r'"([^"]+)"', text):
            records.append(QuoteRecord(source=source, text=match.group(1), start=match.start(1), end=match.end(1),
                                       kind="direct", speaker="=Mayor Formula" if "FORMULA" in text else "Mayor",
                                       speaker_kind="person", confidence=0.9, rule="stand-in"))
        found.append(records)
    return found


def factory():
    return extract


def run(*args):
    return CliRunner().invoke(quotes_main, [str(a) for a in args], obj=App(extractor_factory=factory),
                              prog_name="quotes")


def child(*args, prefix=(), timeout=60):
    return subprocess.run([*prefix, sys.executable, "-c", CHILD, str(Path(__file__).parent), *map(str, args)],
                          capture_output=True, text=True, timeout=timeout)


def articles(folder: Path, count: int = 3, body: str = BODY) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"{n:03}.txt").write_text(body.format(n=n), encoding="utf-8")
    return folder


def one_clear_line(result) -> bool:
    out = result.output if hasattr(result, "output") else result.stderr
    code = result.exit_code if hasattr(result, "exit_code") else result.returncode
    lines = out.strip().splitlines()
    return (code == 1 and bool(lines) and lines[-1].startswith("Error: ") and "Traceback" not in out
            and "[SQL" not in out)


def fingerprint(path: Path):
    return hashlib.sha256(path.read_bytes()).hexdigest(), sorted(p.name for p in path.parent.iterdir())


# --- cases: each returns a list of (name, passed) ---

def damaged(tmp: Path):
    articles_dir = articles(tmp / "in", 30, BODY + " and the long quay" * 40)
    random_file = tmp / "random.db"
    random_file.write_bytes(os.urandom(64 * 1024))
    pages = tmp / "pages.db"
    run("ingest", articles_dir, "--db", pages)
    data = bytearray(pages.read_bytes())
    data[4096:] = os.urandom(len(data) - 4096)
    pages.write_bytes(bytes(data))
    results = []
    for db in (random_file, pages):
        for command in COMMANDS:
            args = [articles_dir if a == "ARTICLES" else a for a in command]
            results.append((f"{db.name}: {' '.join(command)}", one_clear_line(run(*args, "--db", db))))
    return results


def formulas(tmp: Path):
    body = "FORMULA " + " ".join(f'"{cell}"' for cell in FORMULAS)
    db = tmp / "q.db"
    run("ingest", articles(tmp / "in", 1, body), "--db", db)
    results = []
    for command, delimiter in ((["export"], ","), (["by", "Formula", "--csv"], ","),
                               (["statements", "Formula", "--tsv"], "\t"), (["show", "1", "--csv"], ",")):
        out = run(*command, "--db", db).stdout
        cells = {c for row in csv.reader(io.StringIO(out, newline=""), delimiter=delimiter) for c in row}
        for cell in FORMULAS:
            results.append((f"{' '.join(command)}: {cell!r}", cell not in cells and "'" + cell in cells))
    return results


def read_only(tmp: Path):
    foreign = tmp / "foreign.db"
    missing = tmp / "missing" / "typo.db"
    missing.parent.mkdir()
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.commit()
    connection.close()
    before = fingerprint(foreign)
    results = []
    for command in READERS:
        result = run(*command, "--db", foreign)
        results.append((f"foreign: {' '.join(command)}", one_clear_line(result) and fingerprint(foreign) == before))
        result = run(*command, "--db", missing)
        results.append((f"missing: {' '.join(command)}", one_clear_line(result) and not missing.exists()))
    return results


def locks(tmp: Path):
    db = tmp / "locked.db"
    run("db", "upgrade", "--db", db)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        done = child("ingest", articles(tmp / "in", 2), "--db", db, "--lock-timeout", "1", timeout=120)
    except subprocess.TimeoutExpired:
        return [("sqlite lock held: bounded wait, clear line", False)]
    finally:
        holder.rollback()
        holder.close()
    clear = done.returncode == 1 and done.stderr.count("not stored: another process held") == 2
    rerun = run("ingest", tmp / "in", "--db", db)
    return [("sqlite lock held: bounded wait, clear line", clear and "[SQL" not in done.stderr),
            ("sqlite lock held: rerun stores all", rerun.exit_code == 0 and "Ingested 2 articles" in rerun.stderr)]


def storage(tmp: Path):
    results = []
    leaked = run("ingest", articles(tmp / "a", 1), "--db", "postgresql://w:hunter2@127.0.0.1:1/q")
    results.append(("password never echoed", one_clear_line(leaked) and "hunter2" not in leaked.output))
    mysql = run("stats", "--db", "mysql://u@h/q")
    results.append(("mysql:// is one line", one_clear_line(mysql)))
    victim = tmp / "victim.txt"
    victim.write_text("precious")
    db = tmp / "q.db"
    run("ingest", articles(tmp / "b", 2), "--db", db)
    (tmp / "out.csv.part").symlink_to(victim)
    exported = run("export", "-o", tmp / "out.csv", "--db", db)
    results.append(("export -o never writes through X.part", exported.exit_code == 0
                    and victim.read_text() == "precious"))
    results.append(("export -o missing folder is one line", one_clear_line(run("export", "-o", tmp / "no" / "x.csv",
                                                                               "--db", db))))
    if os.geteuid() == 0 and shutil.which("setpriv"):
        ro = tmp / "ro"
        ro.mkdir()
        run("db", "upgrade", "--db", ro / "q.db")
        for path in ro.iterdir():
            path.chmod(0o444)
        ro.chmod(0o555)
        try:
            started = time.perf_counter()
            done = child("ingest", articles(tmp / "c", 3), "--db", ro / "q.db",
                         prefix=["setpriv", "--bounding-set=-dac_override,-dac_read_search"])
        finally:
            ro.chmod(0o755)
        results.append(("read-only database refused before parsing",
                        one_clear_line(done) and "cannot write to" in done.stderr
                        and time.perf_counter() - started < 30))
    return results


CATEGORIES = {"damaged db (4)": damaged, "formulas (7)": formulas, "read-only (9)": read_only,
              "locks (2)": locks, "storage (10)": storage}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print every case")
    args = parser.parse_args()
    print(f"{'category':<16} {'tried':>5} {'passed':>6}")
    for category, cases in CATEGORIES.items():
        tmp = Path(tempfile.mkdtemp(prefix="storage-faults-"))
        try:
            results = cases(tmp)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        for name, ok in results:
            if args.verbose or not ok:
                print(f"  {'pass' if ok else 'FAIL'} {name}", file=sys.stderr)
        print(f"{category:<16} {len(results):>5} {sum(ok for _, ok in results):>6}")


if __name__ == "__main__":
    main()
