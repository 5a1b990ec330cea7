"""`quotes serve`: the command opens the database read-only and hands the app to uvicorn."""

import sys

import pytest
from click.testing import CliRunner

from quotes.cli.main import main


@pytest.fixture
def invoke():
    runner = CliRunner(env={"QUOTES_DB": None})
    return lambda *args: runner.invoke(main, list(args), prog_name="quotes")


def test_serve_is_a_command(invoke):
    result = invoke("serve", "--help")
    assert result.exit_code == 0 and "read-only" in result.output and "--port" in result.output


def test_serve_runs_uvicorn_on_the_address_given(invoke, monkeypatch, sqlite_url):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append((app, options)))
    result = invoke("serve", "--db", sqlite_url, "--port", "8123")
    assert result.exit_code == 0, result.output
    [(app, options)] = calls
    assert options["host"] == "127.0.0.1" and options["port"] == 8123
    assert "read-only at http://127.0.0.1:8123/" in result.output


def test_serve_never_creates_a_database(invoke, tmp_path):
    result = invoke("serve", "--db", str(tmp_path / "typo.db"))
    assert result.exit_code == 1
    assert "Error: no database at" in result.output and "quotes ingest" in result.output
    assert not (tmp_path / "typo.db").exists()


def test_serve_without_the_web_extra_says_how_to_install_it(invoke, monkeypatch, sqlite_url):
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import uvicorn now raises ImportError
    result = invoke("serve", "--db", sqlite_url)
    assert result.exit_code == 1 and "pip install 'quote-tracker[web]'" in result.output


def test_the_package_ships_the_templates():
    import configparser
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    config = configparser.ConfigParser()
    config.read(root / "setup.cfg")
    assert "quotes.cli.web" in config["options"]["packages"].split()
    patterns = config["options.package_data"]["quotes.cli.web"].split()
    shipped = {path for pattern in patterns for path in (root / "cli" / "web").glob(pattern)}
    assert shipped == set((root / "cli" / "web" / "templates").iterdir())


def test_a_port_in_use_is_one_line_before_serving_is_announced(invoke, monkeypatch, sqlite_url):
    """A second `quotes serve` printed 'Serving … at http://127.0.0.1:8000/', then uvicorn's 'ERROR: [Errno 98]
    error while attempting to bind', exit code 3."""
    import socket

    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, **options: pytest.fail("uvicorn started"))
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        result = invoke("serve", "--db", sqlite_url, "--port", str(port))
    assert (result.exit_code, result.output) == (1, f"Error: port {port} on 127.0.0.1 is in use (another "
                                                    "`quotes serve`?): pass --port with another number, or stop "
                                                    "the other server\n")
    result = invoke("serve", "--db", sqlite_url, "--host", "no-such-host.invalid")
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot listen on no-such-host.invalid port 8000: ")
