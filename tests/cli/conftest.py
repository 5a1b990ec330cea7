import pytest
from click.testing import CliRunner

from cli_fakes import fake_factory
from quotes.cli.main import main


@pytest.fixture
def invoke():
    """Run `quotes ARGS` with an 80-column terminal and the fake extractor; returns click's Result."""
    runner = CliRunner(env={"COLUMNS": "80", "QUOTES_DB": None, "QUOTES_STANZA_DIR": None})

    def run(*args, input=None, factory=fake_factory):
        return runner.invoke(main, [str(a) for a in args], input=input, obj={"extractor_factory": factory},
                             catch_exceptions=False, prog_name="quotes")

    return run
