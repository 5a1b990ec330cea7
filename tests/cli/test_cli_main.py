"""The command table of `quotes --help` (listed without importing a command's module) says what the
commands themselves say."""

import importlib

import pytest

from quotes.cli.main import COMMANDS


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_listed_short_help_is_the_commands_own(name):
    target, short_help = COMMANDS[name]
    module, attribute = target.split(":")
    command = getattr(importlib.import_module(f"quotes.cli.{module}"), attribute)
    assert command.name == name
    assert command.short_help == short_help


@pytest.mark.parametrize("args", [("fix",), ("fix-article",), ("speakers", "merge"), ("speakers", "split"),
                                  ("speakers", "join-surnames")])
def test_lock_timeout_help_speaks_of_an_article_only_where_one_fails(invoke, args):
    """`quotes fix --help` said the wait ends 'before an article fails': a correction or a merge is no article."""
    flat = " ".join(invoke(*args, "--help").stdout.split())
    assert "before giving up with nothing changed (default 30)" in flat and "article fails" not in flat
    assert "before an article fails (default 30)" in " ".join(invoke("ingest", "--help").stdout.split())
