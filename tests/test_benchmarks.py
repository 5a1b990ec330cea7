"""The storage benchmark runs as committed (it once imported a function that no longer existed): a small size,
checked for its report lines, never for its numbers."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_db_scale_runs_at_a_small_size():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "db_scale.py"), "--quotes", "600",
                           "--speakers", "30", "--articles", "60", "--statements-per-speaker", "3", "--lookups", "3",
                           "--ingest-articles", "2", "--page-rounds", "1", "--web-rounds", "1"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    for line in ("bulk insert quotes", "ingest_article:", "find_speakers", "home page:", "search 'the'",
                 "CSV export of every quote: 6", "web home", "web speaker", "web search 'the'", "database size"):
        assert line in done.stdout, (line, done.stdout)


@pytest.mark.models
def test_cli_startup_runs_once_each():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "cli_startup.py"), "--runs", "1"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    for line in ("quotes --help", "quotes stats", "quotes by Lindqvist", "quotes search concerned"):
        assert line in done.stdout, (line, done.stdout)
