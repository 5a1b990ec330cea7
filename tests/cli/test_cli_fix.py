"""`quotes fix`, `fix-article` and `corrections` over the shared three-article database (quote ids: wire
1-3, ledger 4-5, courier 6)."""

import json


def run(invoke, stored, *args):
    result = invoke(*args, "--db", stored)
    return result.exit_code, result.stdout, result.stderr


def nl(out):
    return [json.loads(line) for line in out.splitlines()]


def test_fix_speaker_moves_the_quote_and_shows_it_corrected(invoke, stored, monkeypatch):
    monkeypatch.setenv("QUOTES_USER", "desk")
    code, out, err = run(invoke, stored, "fix", "5", "--speaker", "Ruth Ashdown", "--nl")
    assert code == 0 and err == "Quote #5 now by #4 Ruth Ashdown (the machine said Anna Lindqvist).\n"
    [row] = nl(out)
    assert (row["field"], row["original"], row["value"], row["created_by"], row["text"]) == (
        "speaker", "Anna Lindqvist", "Ruth Ashdown", "desk", "Nobody can tell them anything")
    shown = run(invoke, stored, "show", "Almaty")[1]
    assert "Ruth Ashdown (corrected)" in shown and "Anna Lindqvist" not in shown
    code, out, err = run(invoke, stored, "by", "Ruth Ashdown")
    assert "Nobody can tell" in out and "This is a fair" in out
    assert err == "1 of these was filed under Ruth Ashdown by a correction (`quotes corrections` lists them)\n"
    [exported] = [r for r in nl(invoke("export", "--format", "jsonl", "--db", stored).stdout) if r["quote_id"] == 5]
    assert (exported["speaker"], exported["corrected"]) == ("Ruth Ashdown", "speaker")


def test_fix_speaker_by_id_or_a_new_name(invoke, stored):
    assert run(invoke, stored, "fix", "6", "--speaker", "#2", "--nl")[0] == 0
    code, out, err = run(invoke, stored, "fix", "3", "--speaker", "Kazakh Interior Ministry", "--kind",
                         "organization", "--nl")
    assert code == 0 and nl(out)[0]["value"] == "Kazakh Interior Ministry"
    speakers = nl(run(invoke, stored, "speakers", "--nl")[1])
    assert {(s["name"], s["kind"]) for s in speakers} >= {("Kazakh Interior Ministry", "organization")}


def test_a_new_full_name_is_a_new_speaker_even_beside_a_longer_one(invoke, stored):
    code, out, err = run(invoke, stored, "fix", "6", "--speaker", "Ruth Ash", "--nl")
    assert code == 0 and err == "Quote #6 now by #5 Ruth Ash (the machine said Ruth Ashdown).\n"
    assert run(invoke, stored, "fix", "5", "--speaker", "Ashdown", "--nl")[2] == (
        "Quote #5 now by #4 Ruth Ashdown (the machine said Anna Lindqvist).\n")


def test_not_a_quote_removes_it_and_keeps_it_as_labelled_data(invoke, stored):
    code, out, err = run(invoke, stored, "fix", "3", "--not-a-quote", "--by", "night desk")
    assert code == 0 and err == "Quote #3 is no quote: removed (Interior Ministry had it).\n"
    assert "9,900 people" not in run(invoke, stored, "show", "Kazakhstan")[1]
    [row] = nl(run(invoke, stored, "corrections", "--nl")[1])
    assert (row["field"], row["original"], row["value"], row["created_by"], row["quote_id"], row["kind"]) == (
        "not_a_quote", "Interior Ministry", None, "night desk", 3, "indirect")


def test_fix_article_corrects_metadata_a_duplicate_ingest_ignores(invoke, stored):
    code, out, err = run(invoke, stored, "fix-article", "Dockers", "--outlet", "The Coastal Courier",
                         "--published", "2022-01-13", "--url", "https://courier.example/strike", "--json")
    assert code == 0 and err == "Article #3: 3 fields corrected.\n"
    assert [(r["field"], r["original"], r["value"]) for r in json.loads(out)] == [
        ("outlet", "Coastal Courier", "The Coastal Courier"), ("published_at", "2022-01-12", "2022-01-13"),
        ("url", None, "https://courier.example/strike")]
    [quote] = nl(run(invoke, stored, "show", "3", "--nl")[1])
    assert (quote["outlet"], quote["published_at"], quote["url"]) == (
        "The Coastal Courier", "2022-01-13", "https://courier.example/strike")
    assert run(invoke, stored, "fix-article", "3", "--outlet", "The Coastal Courier")[2] == (
        "Article #3 already says that; nothing changed.\n")


def test_a_corrected_date_moves_the_statements_first_seen_as_the_speakers(invoke, stored):
    """After `fix-article 1 --published`, `statements` and `speakers` give Matteo Lindqvist the same first date
    (the statement carried by wire and ledger was still dated by the wire's old date)."""
    assert run(invoke, stored, "fix-article", "1", "--published", "2022-01-15")[0] == 0
    statements = nl(run(invoke, stored, "statements", "Matteo Lindqvist", "--nl")[1])
    [speaker] = [s for s in nl(run(invoke, stored, "speakers", "--nl")[1]) if s["name"] == "Matteo Lindqvist"]
    assert [s["first_seen"] for s in statements] == ["2022-01-11", "2022-01-15"]  # earliest first
    assert (speaker["first_seen"], speaker["last_seen"]) == ("2022-01-11", "2022-01-15")


def test_bad_requests_say_how_to_fix_them(invoke, stored):
    assert run(invoke, stored, "fix", "99", "--speaker", "Ruth Ashdown")[::2] == (
        1, "Error: no quote #99: the ids are in the quote_id column of `quotes show ARTICLE` or "
           "`quotes by SPEAKER`\n")
    code, _, err = run(invoke, stored, "fix", "5")
    assert code == 2 and "give one of --speaker NAME|ID and --not-a-quote" in err
    code, _, err = run(invoke, stored, "fix-article", "3", "--published", "soon")
    assert code == 2 and "'soon' is not a date; write it as YYYY-MM-DD" in err
    code, _, err = run(invoke, stored, "fix-article", "3")
    assert code == 2 and "nothing to correct" in err
    assert run(invoke, stored, "corrections")[2] == "No corrections yet.\n"


def test_a_second_correction_names_the_machine_and_a_repeat_changes_nothing(invoke, stored):
    """Correcting twice said "the machine said <the first correction>", and repeating a correction stored a
    second row "Ruth Ashdown -> Ruth Ashdown" as labelled data."""
    assert run(invoke, stored, "fix", "5", "--speaker", "Ruth Ashdown", "--nl")[0] == 0
    code, out, err = run(invoke, stored, "fix", "5", "--speaker", "#4", "--nl")
    assert (code, out, err) == (0, "", "Quote #5 is already filed under #4; nothing changed.\n")
    code, out, err = run(invoke, stored, "fix", "5", "--speaker", "Matteo Lindqvist", "--nl")
    assert code == 0 and err == ("Quote #5 now by #2 Matteo Lindqvist (a correction had filed it under Ruth "
                                 "Ashdown; the machine said Anna Lindqvist).\n")
    assert [(row["original"], row["value"]) for row in nl(run(invoke, stored, "corrections", "--nl")[1])] == [
        ("Anna Lindqvist", "Ruth Ashdown"), ("Ruth Ashdown", "Matteo Lindqvist")]


def test_a_quote_removed_as_no_quote_is_not_called_missing(invoke, stored):
    """A second --not-a-quote said "no quote #6: the ids are in `quotes show ARTICLE --json`", as if the id
    were mistyped."""
    assert run(invoke, stored, "fix", "6", "--not-a-quote", "--by", "desk")[0] == 0
    assert run(invoke, stored, "fix", "6", "--not-a-quote", "--nl") == (
        0, "", "Quote #6 was already removed as no quote (correction #1); nothing changed.\n")
    assert run(invoke, stored, "fix", "6", "--speaker", "Ruth Ashdown") == (
        1, "", "Error: quote #6 was removed as no quote (correction #1 by desk), so it has no speaker to correct\n")
    assert run(invoke, stored, "fix", "99", "--not-a-quote")[2].startswith("Error: no quote #99: ")


def test_the_quote_ids_fix_takes_are_in_the_tables(invoke, stored):
    """`quotes fix QUOTE_ID` needed `quotes show ARTICLE --json` to find an id: the tables of show, by and search
    now have the quote_id column."""
    shown = run(invoke, stored, "show", "Almaty")[1].splitlines()
    assert shown[1].split()[0] == "quote_id"
    [anna] = [line for line in shown if "Anna Lindqvist" in line]
    assert run(invoke, stored, "fix", anna.split()[0], "--speaker", "Ruth Ashdown")[2].startswith(
        "Quote #5 now by #4 Ruth Ashdown")
    assert run(invoke, stored, "by", "Ruth Ashdown")[1].split()[0] == "quote_id"
    assert run(invoke, stored, "search", "offer")[1].split()[0] == "quote_id"
