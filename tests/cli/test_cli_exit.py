"""A one-shot `quotes extract` run from the command line ends without interpreter teardown (quotes.cli.main);
the exit code and everything written stay as they were, and CliRunner / library calls return normally."""

import subprocess
import sys

import pytest
from click.testing import CliRunner

# the console script's own code, plus an atexit handler that says whether teardown ran
SCRIPT = """
import atexit, sys
atexit.register(lambda: print("teardown ran", file=sys.stderr))
from quotes.cli.main import main
sys.argv = ["quotes"] + sys.argv[1:]
sys.exit(main())
"""


def run(*args):
    return subprocess.run([sys.executable, "-c", SCRIPT, *args], capture_output=True, text=True, timeout=120)


def test_extract_exits_without_teardown_keeping_code_and_output(tmp_path):
    done = run("extract", str(tmp_path / "missing.txt"))
    assert done.returncode == 1
    assert "missing.txt" in done.stderr and "teardown ran" not in done.stderr


@pytest.mark.parametrize("args", [["--version"], ["stats", "--db", "sqlite:///:memory:"]])
def test_other_commands_tear_down_as_usual(args):
    assert "teardown ran" in run(*args).stderr


def test_cli_runner_returns_normally(tmp_path):
    from quotes.cli.main import main

    result = CliRunner().invoke(main, ["extract", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1  # reaching this line: the test process was not ended
