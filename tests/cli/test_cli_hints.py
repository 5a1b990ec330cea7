"""What a new user is told when a command reads differently from what they typed: a search for a speaker's
name points to `quotes by`."""

import json


def run(invoke, stored, *args):
    result = invoke(*args, "--db", stored)
    return result.exit_code, result.stdout, result.stderr


def test_a_search_for_a_name_points_to_quotes_by(invoke, stored):
    code, out, err = run(invoke, stored, "search", "Ashdown")
    assert code == 0 and out == ""
    assert err == ("No statements match 'Ashdown'.\n"
                   "'Ashdown' also names 1 speaker (Ruth Ashdown): `quotes by Ashdown` lists what they said.\n")


def test_a_search_that_names_nobody_gets_no_hint(invoke, stored):
    code, out, err = run(invoke, stored, "search", "detained")
    assert code == 0 and "detained" in out and err == ""


def test_phrases_and_machine_formats_get_no_hint(invoke, stored):
    assert run(invoke, stored, "search", '"Lindqvist"')[2] == "No statements match '\"Lindqvist\"'.\n"
    assert run(invoke, stored, "search", "Lindqvist", "--nl") == (0, "", "")


def test_a_search_for_a_name_several_speakers_share_points_to_their_ids(invoke, stored):
    """`quotes by Lindqvist` fails for two Lindqvists outside a terminal: the hint names a command that works."""
    code, out, err = run(invoke, stored, "search", "Lindqvist")
    assert (code, out) == (0, "")
    assert err == ("No statements match 'Lindqvist'.\n"
                   "'Lindqvist' also names 2 speakers (#2 Matteo Lindqvist, #3 Anna Lindqvist): "
                   "`quotes by \"#2\"` lists what one of them said.\n")


def test_a_name_that_finds_nobody_points_to_a_listing_that_shows_someone(invoke, stored):
    """`quotes speakers --like Nobody` lists nobody either: point to the whole list instead."""
    assert run(invoke, stored, "by", "Nobody") == (
        1, "", "Error: no speaker matches 'Nobody'; `quotes speakers` lists everyone on record\n")
    assert run(invoke, stored, "statements", "Nobody Atall")[2] == (
        "Error: no speaker matches 'Nobody Atall'; `quotes speakers` lists everyone on record\n")


def test_an_id_that_finds_nobody_says_so_or_where_it_was_merged(invoke, stored):
    assert run(invoke, stored, "by", "#99") == (
        1, "", "Error: no speaker #99; `quotes speakers` lists them with their ids\n")
    assert invoke("speakers", "merge", "#2", "#3", "--db", stored).exit_code == 0
    assert run(invoke, stored, "by", "#3") == (
        1, "", "Error: speaker #3 was merged into #2 Matteo Lindqvist: pass \"#2\"\n")


def test_a_name_no_speaker_has_says_whose_quotes_it_took(invoke, stored):
    """"Jane Ashdown" finds Ruth Ashdown, the one Ashdown on record: a reporter must not read Ruth's quotes
    as Jane's."""
    code, out, err = run(invoke, stored, "by", "Jane Ashdown", "--nl")
    assert code == 0 and json.loads(out)["speaker"] == "Ruth Ashdown"
    assert err == ("No speaker is named 'Jane Ashdown': taking #4 Ruth Ashdown, the one speaker that shares "
                   "part of the name.\n")
    for fits in ("Ruth Ashdown", "ashdown", "R. Ashdown", "Ms Ashdown", "ashd", "#4", "4"):
        assert run(invoke, stored, "by", fits, "--nl")[2] == "", fits


def test_the_question_which_speaker_takes_an_id_as_listed(invoke, stored, monkeypatch):
    """The candidates are listed as '#2  Matteo Lindqvist'; answering '#3' was refused: '#3' is not one of '2', '3'."""
    monkeypatch.setattr("quotes.cli.pick.stdin_is_terminal", lambda: True)
    result = invoke("by", "Lindqvist", "--db", stored, "--nl", input="#3\n")
    assert result.exit_code == 0 and json.loads(result.stdout)["speaker"] == "Anna Lindqvist"


def test_search_help_says_every_word_must_be_there(invoke):
    """`quotes search "storm OR port"` found nothing and the help said only 'words, "a phrase", prefix*'."""
    flat = " ".join(invoke("search", "--help").stdout.split())
    assert "holding every word of TEXT" in flat and "There is no OR" in flat
