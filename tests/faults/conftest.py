import os
import shutil
import signal

import pytest
from click.testing import CliRunner

from faults_helpers import DROP_ROOT, fake_factory
from interrupt_checks import POSTGRES_ENV, fresh_postgres


@pytest.fixture
def invoke():
    """Run `quotes ARGS` with the fake extractor; returns click's Result."""
    from quotes.cli.context import App
    from quotes.cli.main import main

    runner = CliRunner(env={"COLUMNS": "80", "QUOTES_DB": None, "QUOTES_STANZA_DIR": None})

    def run(*args, input=None):
        return runner.invoke(main, [str(a) for a in args], input=input, obj=App(extractor_factory=fake_factory),
                             catch_exceptions=False, prog_name="quotes")

    return run


@pytest.fixture
def unprivileged():
    """The command prefix that makes file permissions bite, or a skip where that cannot be had."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions cannot be made to bite")
    return DROP_ROOT


class OverTime(Exception):
    pass


@pytest.fixture
def time_limit():
    """`with time_limit(s):` fails the test when the block runs longer (SIGALRM also breaks a blocked open)."""
    import contextlib
    import signal

    @contextlib.contextmanager
    def limit(seconds: int):
        def expire(signum, frame):
            raise OverTime(f"still running after {seconds} s")

        previous = signal.signal(signal.SIGALRM, expire)
        signal.alarm(seconds)
        try:
            yield
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)

    return limit


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def own_db_url(request, tmp_path):
    """A new database of the test's own: a SQLite file, or a throwaway PostgreSQL database on the test server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'quotes.db'}"
        return
    server = os.environ.get(POSTGRES_ENV)
    if not server:
        pytest.skip(f"{POSTGRES_ENV} is not set: run `eval \"$(.ci/postgres.sh)\"`")
    with fresh_postgres(server) as url:
        yield url


@pytest.fixture
def python_sigint():
    """Python's own Ctrl-C handler for the test, as in a terminal: a run started in the background ('&',
    nohup) ignores SIGINT, and Python then installs no handler of its own."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
