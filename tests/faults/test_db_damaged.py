"""Issue 13 item 4: a file that is not a database, or a quote-tracker database damaged on disk, is one
clear line and exit 1 for every command that opens it: no traceback, no SQL."""

import os

import pytest

from faults_helpers import GOOD
from storage_helpers import invoke

COMMANDS = [["stats"], ["by", "Mayor"], ["speakers"], ["speakers", "merge", "#1", "#2"],
            ["speakers", "split", "#1", "x"], ["statements", "#1"], ["show", "1"], ["search", "pier"],
            ["export"], ["export", "--format", "jsonl"], ["db", "current"], ["db", "upgrade"],
            ["ingest", "ARTICLE"]]


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def not_a_database(tmp_path):
    path = tmp_path / "random.db"
    path.write_bytes(os.urandom(64 * 1024))
    return path


def damaged(tmp_path):
    """A real quote-tracker database whose pages after the first were overwritten on disk."""
    path = tmp_path / "damaged.db"
    source = tmp_path / "source"
    source.mkdir()
    for n in range(30):
        (source / f"{n}.txt").write_text(GOOD.replace("pier", f"pier {n} " + "and the long quay " * 40),
                                         encoding="utf-8")
    assert invoke("ingest", source, "--db", path).exit_code == 0
    data = bytearray(path.read_bytes())
    data[4096:] = os.urandom(len(data) - 4096)
    path.write_bytes(bytes(data))
    for leftover in (tmp_path / "damaged.db-wal", tmp_path / "damaged.db-shm"):
        if leftover.exists():
            leftover.unlink()
    return path


@pytest.mark.parametrize("make", [not_a_database, damaged])
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_says_one_line(tmp_path, article, make, command):
    path = make(tmp_path)
    args = [article if arg == "ARTICLE" else arg for arg in command]
    result = invoke(*args, "--db", path)
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    lines = result.output.strip().splitlines()
    assert lines[-1].startswith("Error: ") and str(path) in lines[-1], result.output
    assert "Traceback" not in result.output and "[SQL" not in result.output
    assert ("not a SQLite database" in lines[-1]) if make is not_a_database else (
        "is damaged" in lines[-1] or "not a SQLite database" in lines[-1])
