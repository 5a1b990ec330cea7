"""Helpers of the storage and export fault tests (test_db_*.py, test_export_*.py)."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text

from faults_helpers import fake_extract, fake_factory
from quotes.cli.context import App
from quotes.cli.main import main

FAULTS = str(Path(__file__).parent)
CLI = ("import sys; sys.path.insert(0, sys.argv.pop(1)); import storage_helpers; "
       "factory = getattr(storage_helpers, sys.argv.pop(1)); "
       "from quotes.cli.context import App; from quotes.cli.main import main; "
       "main(sys.argv[1:], prog_name='quotes', obj=App(extractor_factory=factory))")


def invoke(*args, factory=fake_factory, catch_exceptions=True):
    """`quotes ARGS` in this process with the fake extractor (or `factory`); click's Result."""
    return CliRunner().invoke(main, [str(a) for a in args], obj=App(extractor_factory=factory),
                              prog_name="quotes", catch_exceptions=catch_exceptions)


def quotes_cli(*args, prefix=(), timeout=90, factory="fake_factory"):
    """`quotes ARGS` in a fresh process with the fake extractor (or the factory of that name here); the
    harness bounds its time."""
    return subprocess.run([*prefix, *child_command(*args, factory=factory)], capture_output=True, text=True,
                          timeout=timeout)


def child_command(*args, factory="fake_factory"):
    return [sys.executable, "-c", CLI, FAULTS, factory, *map(str, args)]


def fill(folder: Path) -> None:
    """Leave no room at all on `folder`'s (small) file system: a file `filler` written until it is full."""
    filler = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(filler, b"x" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(filler)


def slow_factory():
    """The fake extractor, 0.1 s per article: long enough to stop a run in the middle."""
    def extract(texts, sources):
        time.sleep(0.1 * len(texts))
        return fake_extract(texts, sources)
    return extract


POSTGRES_ENV = "QUOTES_TEST_POSTGRES_URL"


def empty_postgres() -> str:
    """The test PostgreSQL's URL with an empty public schema; the test skips when no server is set."""
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"{POSTGRES_ENV} is not set: run `eval \"$(.ci/postgres.sh)\"`")
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url
