"""The App on the root group: every command opens its database the same way and fails with one line."""

import pytest


@pytest.mark.parametrize("command", [["db", "current"], ["db", "upgrade"], ["stats"], ["by", "X"],
                                     ["speakers"], ["speakers", "merge", "#1", "#2"], ["export"],
                                     ["ingest", "nothing.txt"]], ids=" ".join)
def test_a_url_we_cannot_use_is_one_line_for_every_command(invoke, command):
    result = invoke(*command, "--db", "nosuch://x")
    assert result.exit_code == 1
    assert result.output == ("Error: nosuch://x: quote-tracker stores in SQLite or PostgreSQL, not 'nosuch'; "
                             "pass a file path or a postgresql:// URL with --db or QUOTES_DB\n")


def test_a_driver_we_do_not_ship_is_refused_before_importing_it(invoke):
    result = invoke("stats", "--db", "mysql://user@host/quotes")
    assert result.exit_code == 1 and "not 'mysql'" in result.output and "Traceback" not in result.output


def test_a_password_in_the_url_is_never_echoed(invoke):
    result = invoke("db", "current", "--db", "postgresql://reader:s3cret@127.0.0.1:1/quotes")
    assert result.exit_code == 1
    assert "s3cret" not in result.output and "***" in result.output
    assert result.output.startswith("Error: cannot open database postgresql://reader:***@127.0.0.1:1/quotes: ")


def test_a_missing_database_is_one_line_and_never_created(invoke, tmp_path):
    missing = tmp_path / "typo.db"
    result = invoke("db", "current", "--db", missing)
    assert (result.exit_code, result.output) == (
        1, f"Error: no database at {missing}: store articles first with `quotes ingest FILE --db {missing}`, "
           "or check --db or QUOTES_DB\n")
    assert not missing.exists()


@pytest.mark.parametrize("command", [("stats",), ("speakers",), ("ingest", "nothing.txt")], ids=" ".join)
def test_a_folder_or_a_missing_folder_is_named_with_the_fix(invoke, tmp_path, command):
    """`quotes stats --db /tmp` said "no database at /tmp: store articles first with `quotes ingest FILE --db
    /tmp`", advice that fails too: for reading and for writing, a folder asks for a file path."""
    result = invoke(*command, "--db", tmp_path)
    assert (result.exit_code, result.output) == (
        1, f"Error: {tmp_path} is a folder, not a database file: pass a file path, e.g. --db {tmp_path / 'quotes.db'} "
           "(or set QUOTES_DB to one)\n")
    missing = tmp_path / "no" / "such" / "q.db"
    result = invoke(*command, "--db", missing)
    assert (result.exit_code, result.output) == (
        1, f"Error: no folder {missing.parent} for the database {missing}: pass a file path in a folder that exists "
           f"with --db or QUOTES_DB, or create the folder first (mkdir -p {missing.parent})\n")
    assert not missing.parent.exists()


def test_db_given_to_the_group_reaches_the_subcommand(invoke, stored):
    listed = invoke("speakers", "--db", stored, "merge", "Anna Lindqvist", "Ruth Ashdown")
    assert listed.exit_code == 0, listed.output
    assert "Merged" in listed.stderr


def test_db_falls_back_to_the_environment(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from quotes.cli.main import main

    path = tmp_path / "env.db"
    result = CliRunner(env={"QUOTES_DB": str(path)}).invoke(main, ["db", "upgrade"], catch_exceptions=False)
    assert result.exit_code == 0 and path.exists()
