"""`quotes speakers merge` / `split`: fixing a wrong identity decision, and later ingests following the fix."""

import csv
import io
import json

import pytest


def run(invoke, stored, *args, input=None):
    result = invoke(*args, "--db", stored, input=input)
    return result.exit_code, result.stdout, result.stderr


def speakers(invoke, stored):
    """id -> (name, aliases, quotes) of every live speaker."""
    out = run(invoke, stored, "speakers", "--csv")[1]
    return {int(row["id"]): (row["name"], row["aliases"], int(row["quotes"]))
            for row in csv.DictReader(io.StringIO(out))}


def ingest(invoke, stored, path, text):
    path.write_text(text, encoding="utf-8")
    code, out, err = run(invoke, stored, "ingest", path)
    assert (code, out, err.splitlines()[0]) == (0, "", "Ingested 1 article (1 statement), skipped 0 duplicates, 0 failed")


def quotes_by(invoke, stored, speaker):
    return [json.loads(line)["text"] for line in run(invoke, stored, "by", speaker, "--nl")[1].splitlines()]


def test_merge_prints_the_kept_speaker_and_later_ingests_follow(invoke, stored, tmp_path):
    assert run(invoke, stored, "speakers", "merge", "Matteo Lindqvist", "Anna Lindqvist") == (0, (
        "id  name              kind    role    statements  quotes  first_seen  last_seen\n"
        "--  ----------------  ------  ------  ----------  ------  ----------  ----------\n"
        " 2  Matteo Lindqvist  person  lawyer           3       4  2022-01-10  2022-01-11\n"), "Merged #3 Anna Lindqvist into #2 Matteo Lindqvist.\n")
    # Without the merge "Anna Lindqvist" is an exact alias of #3; now the decision sends her to #2.
    ingest(invoke, stored, tmp_path / "court.txt", 'Court news\n\n"The appeal goes ahead," said Anna Lindqvist.\n')
    assert speakers(invoke, stored) == {
        2: ("Matteo Lindqvist", "Matteo Lindqvist; Anna Lindqvist", 5),
        1: ("Interior Ministry", "Interior Ministry", 1),
        4: ("Ruth Ashdown", "Ruth Ashdown", 1)}
    assert "The appeal goes ahead" in quotes_by(invoke, stored, "Anna Lindqvist")


def test_split_prints_both_speakers_and_later_ingests_follow(invoke, stored, tmp_path):
    ingest(invoke, stored, tmp_path / "later.txt", 'Later news\n\n"We will look into it," said Matt Lindqvist.\n')
    assert speakers(invoke, stored)[2] == ("Matteo Lindqvist", "Matteo Lindqvist; Matt Lindqvist", 4)
    assert run(invoke, stored, "speakers", "split", "Matteo Lindqvist", "Matt Lindqvist", "--csv") == (0, (
        "id,name,kind,roles,aliases,statements,quotes,first_seen,last_seen,role\n"
        "2,Matteo Lindqvist,person,UN spokesman,Matteo Lindqvist,2,3,2022-01-10,2022-01-11,UN spokesman\n"
        "5,Matt Lindqvist,person,,Matt Lindqvist,1,1,,,\n"),  # undated articles: no first/last seen
        "Split Matt Lindqvist off #2 Matteo Lindqvist as new speaker #5.\n")
    # Automatic matching joined "Matt" to "Matteo" before; after the split the name goes to #5.
    ingest(invoke, stored, tmp_path / "more.txt", 'More news\n\n"We have nothing to add," said Matt Lindqvist.\n')
    assert speakers(invoke, stored)[2][2] == 3
    assert speakers(invoke, stored)[5] == ("Matt Lindqvist", "Matt Lindqvist", 2)
    assert quotes_by(invoke, stored, "#5") == ["We will look into it", "We have nothing to add"]


def test_split_undoes_a_merge_by_ids_with_json(invoke, stored):
    run(invoke, stored, "speakers", "merge", "#2", "#3")
    code, out, err = run(invoke, stored, "speakers", "split", "#2", "anna lindqvist", "--json")
    assert (code, err) == (0, "Split Anna Lindqvist off #2 Matteo Lindqvist as new speaker #5.\n")
    assert [(s["id"], s["name"], s["aliases"], s["quotes"]) for s in json.loads(out)] == [
        (2, "Matteo Lindqvist", ["Matteo Lindqvist"], 3), (5, "Anna Lindqvist", ["Anna Lindqvist"], 1)]
    assert quotes_by(invoke, stored, "Anna Lindqvist") == ["Nobody can tell them anything"]


def test_merge_asks_on_a_terminal_when_a_name_is_ambiguous(invoke, stored, monkeypatch):
    monkeypatch.setattr("quotes.cli.pick.stdin_is_terminal", lambda: True)
    code, out, err = run(invoke, stored, "speakers", "merge", "Lindqvist", "Ruth Ashdown", "--nl", input="3\n")
    assert (code, [json.loads(line)["id"] for line in out.splitlines()]) == (0, [3])
    assert err == ("2 speakers match 'Lindqvist':\n"
                   "  #2  Matteo Lindqvist (person, UN spokesman, 3 quotes)\n"
                   "  #3  Anna Lindqvist (person, lawyer, 1 quote)\n"
                   "Which one (id) (2, 3): 3\n"
                   "Merged #4 Ruth Ashdown into #3 Anna Lindqvist.\n")


@pytest.mark.parametrize("args, message", [
    (("merge", "Nobody Atall", "#2"), "no speaker matches 'Nobody Atall'; `quotes speakers` lists everyone on record"),
    (("merge", "#2", "#99"), "no speaker with id 99: list them with `quotes speakers`"),
    (("merge", "#2", "Matteo Lindqvist"), "speaker 2 cannot be merged into itself: pass two different ids"),
    (("merge", "Lindqvist", "#4"), "2 speakers match 'Lindqvist':\n"
                                   "  #2  Matteo Lindqvist (person, UN spokesman, 3 quotes)\n"
                                   "  #3  Anna Lindqvist (person, lawyer, 1 quote)\n"
                                   "pass the full name or the id, e.g. `#2`"),
    (("split", "Nobody Atall", "Atall"), "no speaker matches 'Nobody Atall'; `quotes speakers` lists everyone on record"),
    (("split", "#2", "Anna Lindqvist"), "speaker 2 (Matteo Lindqvist) has no alias 'Anna Lindqvist'; "
                                        "its aliases: Matteo Lindqvist"),
    (("split", "Matteo Lindqvist", "matteo lindqvist"), "'matteo lindqvist' is the canonical name of speaker 2: "
                                                        "split off the other aliases instead, or merge the right speakers"),
])
def test_errors_say_how_to_fix_and_change_nothing(invoke, stored, args, message):
    before = speakers(invoke, stored)
    assert run(invoke, stored, "speakers", *args) == (1, "", f"Error: {message}\n")
    assert speakers(invoke, stored) == before


def test_merging_an_already_merged_id_names_the_live_one(invoke, stored):
    run(invoke, stored, "speakers", "merge", "#2", "#3")
    assert run(invoke, stored, "speakers", "merge", "#4", "#3") == (
        1, "", "Error: speaker 3 was merged into 2: use that id\n")


def test_db_before_the_subcommand_counts(invoke, stored):
    result = invoke("speakers", "--db", stored, "merge", "#2", "#3", "--nl")
    assert (result.exit_code, result.stderr) == (0, "Merged #3 Anna Lindqvist into #2 Matteo Lindqvist.\n")


def test_listing_options_before_a_subcommand_are_a_usage_error(invoke, stored):
    code, out, err = run(invoke, stored, "speakers", "--json", "merge", "#2", "#3")
    assert (code, out) == (2, "")
    assert err.endswith("Error: --like, --role, --kind and output switches only apply to the listing: "
                        "put merge's options after it\n")


@pytest.mark.parametrize("command", ["merge", "split"])
def test_help_has_examples_and_output_switches(invoke, command):
    help_text = invoke("speakers", command, "--help").output
    assert f"quotes speakers {command} " in help_text.split("Examples:")[1]
    assert all(switch in help_text for switch in ("--json", "--nl", "--csv", "--tsv", "--db URL"))
    assert f"quotes speakers {command} " in invoke("speakers", "--help").output.split("Examples:")[1]


def test_join_surnames_dry_run_then_joins_once(invoke, one_quote_each):
    db = one_quote_each([("Obama", "person"), ("Obama", "person"), ("Barack Obama", "person"),
                         ("Clinton", "person"), ("Hillary Clinton", "person"), ("Bill Clinton", "person")],
                        before_joins=True)
    table = ("bare_id  bare_name  full_id  full_name     quotes_moved\n"
             "-------  ---------  -------  ------------  ------------\n"
             "      1  Obama            2  Barack Obama             2\n")
    assert run(invoke, db, "speakers", "join-surnames", "--dry-run") == (
        0, table, "Would join 1 bare surname (2 quotes); nothing changed.\n")
    assert speakers(invoke, db)[1] == ("Obama", "Obama", 2)

    code, out, err = run(invoke, db, "speakers", "join-surnames", "--json")
    assert (code, json.loads(out), err) == (0, [{"bare_id": 1, "bare_name": "Obama", "full_id": 2,
                                                 "full_name": "Barack Obama", "quotes_moved": 2}],
                                            "Joined 1 bare surname (2 quotes).\n")
    assert 1 not in speakers(invoke, db) and speakers(invoke, db)[2] == ("Barack Obama", "Obama; Barack Obama", 3)
    assert quotes_by(invoke, db, "Obama") == ["Statement number 0", "Statement number 1", "Statement number 2"]
    # "Clinton" stays apart (two plausible full names), and nothing is left to join.
    assert run(invoke, db, "speakers", "join-surnames") == (0, "", "Joined 0 bare surnames (0 quotes).\n")
    assert run(invoke, db, "speakers", "join-surnames", "--json") == (0, "[]\n", "Joined 0 bare surnames (0 quotes).\n")


def test_join_surnames_leaves_a_users_split_and_a_different_suffix_alone(invoke, one_quote_each):
    db = one_quote_each([("Barack Obama", "person"), ("Obama", "person"), ("Trump Jr.", "person"),
                         ("Donald Trump", "person")], before_joins=True)
    assert speakers(invoke, db)[1][1] == "Barack Obama; Obama"  # the full name came first: joined at ingest
    assert run(invoke, db, "speakers", "split", "Barack Obama", "Obama")[0] == 0
    assert run(invoke, db, "speakers", "join-surnames", "--nl") == (0, "", "Joined 0 bare surnames (0 quotes).\n")
    assert sorted(speakers(invoke, db).values()) == [
        ("Barack Obama", "Barack Obama", 1), ("Donald Trump", "Donald Trump", 1), ("Obama", "Obama", 1),
        ("Trump Jr", "Trump Jr.", 1)]
