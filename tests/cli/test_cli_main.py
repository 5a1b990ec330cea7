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
