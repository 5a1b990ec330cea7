"""A name typed on the command line: a bare surname that is also stored alone does not hide the full name."""

from dataclasses import dataclass, field

import click
import pytest

from quotes.cli import pick


@dataclass
class Row:
    id: int
    name: str
    quotes: int
    kind: str = "person"
    roles: list = field(default_factory=list)
    aliases: list = field(default_factory=list)


def stored(monkeypatch, rows):
    import quotes.db.queries as queries

    monkeypatch.setattr(queries, "find_speakers", lambda session, name: list(rows))
    monkeypatch.setattr(pick, "stdin_is_terminal", lambda: False)


def test_a_bare_surname_lists_the_full_names_largest_first(monkeypatch):
    stored(monkeypatch, [Row(7, "Obama", 1), Row(2, "Barack Obama", 13), Row(9, "Michelle Obama", 4)])
    with pytest.raises(click.ClickException) as caught:
        pick.pick_speaker(None, "Obama")
    listing = caught.value.message.splitlines()
    assert listing[0] == "3 speakers match 'Obama':"
    assert [line.split()[0] for line in listing[1:4]] == ["#2", "#9", "#7"]


def test_a_full_name_typed_in_full_is_taken(monkeypatch):
    stored(monkeypatch, [Row(2, "Barack Obama", 13), Row(12, "Barack Obama Sr.", 1)])
    assert pick.pick_speaker(None, "barack obama").id == 2


def test_the_only_match_is_taken(monkeypatch):
    stored(monkeypatch, [Row(7, "Obama", 1)])
    assert pick.pick_speaker(None, "Obama").id == 7
