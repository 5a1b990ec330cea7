"""The database commands never load the NLP stack, and reading an up-to-date database never loads
Alembic: `quotes by …` must start in a blink. `quotes --help` loads no database library at all, `quotes
stats` on a SQLite file not even SQLAlchemy (sqlite3 alone), and on any other URL no model classes (SQLModel,
pydantic, the ORM): see benchmarks/cli_startup.py."""

import json
import subprocess
import sys

import pytest

PROBE = """
import json, sys
from click.testing import CliRunner
from quotes.cli.main import main
result = CliRunner(env={"COLUMNS": "80"}).invoke(main, sys.argv[1:], prog_name="quotes")
print(json.dumps({"exit": result.exit_code, "output": result.output[-300:],
                  "heavy": sorted(m for m in ("torch", "stanza", "trafilatura") if m in sys.modules),
                  "alembic": "alembic" in sys.modules,
                  "loaded": sorted(m for m in LOOK_FOR if m in sys.modules)}))
"""
# Modules a quick command may not need; the probe says which of them a command loaded.
LOOK_FOR = ("torch", "stanza", "trafilatura", "sqlalchemy", "sqlalchemy.orm", "sqlmodel", "pydantic", "rapidfuzz",
            "quotes.ingest.metadata", "quotes.ingest.batch", "quotes.runtime.nlp", "quotes.db.models", "quotes.db.queries")


def run_probe(*args):
    done = subprocess.run([sys.executable, "-c", f"LOOK_FOR = {LOOK_FOR!r}\n{PROBE}", *map(str, args)], capture_output=True, text=True,
                          timeout=120, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("args", [
    ["--help"], ["by", "--help"], ["by", "Ashdown", "--csv"], ["speakers", "--json"], ["export", "--format", "jsonl"],
    ["stats"], ["statements", "Ashdown"], ["search", "offer"], ["show", "1"], ["db", "current"],
], ids=lambda args: " ".join(args))
def test_database_commands_do_not_import_the_nlp_stack(stored, args):
    probe = run_probe(*args, *([] if "--help" in args else ["--db", stored]))
    assert probe["exit"] == 0, probe["output"]
    assert probe["heavy"] == []
    assert probe["alembic"] == (args[0] == "db")  # `db current` compares with the scripts' head


def test_help_loads_no_database_library_and_no_command_module():
    probe = run_probe("--help")
    assert probe["exit"] == 0, probe["output"]
    assert probe["loaded"] == []


def test_stats_on_a_sqlite_file_loads_no_database_library(stored):
    for db in (stored.removeprefix("sqlite:///"), stored):  # a path, and the same file as a sqlite:/// URL
        probe = run_probe("stats", "--db", db)
        assert probe["exit"] == 0, probe["output"]
        assert probe["loaded"] == []  # SQLAlchemy alone takes longer to import than the counting


def test_stats_through_sqlalchemy_loads_neither_the_models_nor_the_orm(stored):
    probe = run_probe("stats", "--db", stored.replace("sqlite:", "sqlite+pysqlite:", 1))  # the engine path
    assert probe["exit"] == 0, probe["output"]
    assert probe["loaded"] == ["sqlalchemy"]  # Core only: counting needs no model class
