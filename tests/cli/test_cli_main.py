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


def every_option(command, path=("quotes",)):
    import click

    context = click.Context(command)
    if isinstance(command, click.Group):
        for name in command.list_commands(context):
            yield from every_option(command.get_command(context, name), (*path, name))
    for param in command.params:
        if isinstance(param, click.Option):
            yield " ".join(path), param


def test_every_option_says_what_it_does():
    """`quotes search --help` showed `--limit INTEGER RANGE [default: 100; x>=1]` and nothing else; `speakers
    --kind`, `fix-article --outlet/--url/--title`, `serve --port` were as bare."""
    from quotes.cli.main import main

    bare = [f"{path} {param.opts[0]}" for path, param in every_option(main) if not param.help]
    assert bare == []
