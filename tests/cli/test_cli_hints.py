"""What a new user is told when a command reads differently from what they typed: a search for a speaker's
name points to `quotes by`."""


def run(invoke, stored, *args):
    result = invoke(*args, "--db", stored)
    return result.exit_code, result.stdout, result.stderr


def test_a_search_for_a_name_points_to_quotes_by(invoke, stored):
    code, out, err = run(invoke, stored, "search", "Lindqvist")
    assert code == 0 and out == ""
    assert err == ("No statements match 'Lindqvist'.\n"
                   "'Lindqvist' also names 2 speakers (Matteo Lindqvist, Anna Lindqvist): "
                   "`quotes by Lindqvist` lists what they said.\n")


def test_a_search_that_names_nobody_gets_no_hint(invoke, stored):
    code, out, err = run(invoke, stored, "search", "detained")
    assert code == 0 and "detained" in out and err == ""


def test_phrases_and_machine_formats_get_no_hint(invoke, stored):
    assert run(invoke, stored, "search", '"Lindqvist"')[2] == "No statements match '\"Lindqvist\"'.\n"
    assert run(invoke, stored, "search", "Lindqvist", "--nl") == (0, "", "")
