"""Helpers of the storage and export fault tests (test_db_*.py, test_export_*.py)."""

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from faults_helpers import fake_factory
from quotes.cli.context import App
from quotes.cli.main import main

FAULTS = str(Path(__file__).parent)
CLI = ("import sys; sys.path.insert(0, sys.argv.pop(1)); from faults_helpers import fake_factory; "
       "from quotes.cli.context import App; from quotes.cli.main import main; "
       "main(sys.argv[1:], prog_name='quotes', obj=App(extractor_factory=fake_factory))")


def invoke(*args, factory=fake_factory, catch_exceptions=True):
    """`quotes ARGS` in this process with the fake extractor (or `factory`); click's Result."""
    return CliRunner().invoke(main, [str(a) for a in args], obj=App(extractor_factory=factory),
                              prog_name="quotes", catch_exceptions=catch_exceptions)


def quotes_cli(*args, prefix=(), timeout=90):
    """`quotes ARGS` in a fresh process with the fake extractor; the harness bounds its time."""
    return subprocess.run([*prefix, sys.executable, "-c", CLI, FAULTS, *map(str, args)], capture_output=True,
                          text=True, timeout=timeout)
