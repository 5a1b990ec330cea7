import csv
import io
import json

import pytest


def quotes_by(invoke, stored, speaker):
    return [json.loads(line)["text"] for line in invoke("by", speaker, "--nl", "--db", stored).stdout.splitlines()]


def run(invoke, stored, *args):
    result = invoke(*args, "--db", stored)
    return result.exit_code, result.stdout, result.stderr


def test_by_full_name_table(invoke, stored):
    assert run(invoke, stored, "by", "Matteo Lindqvist") == (0, (
        "quote_id  published_at  outlet          title                text\n"
        "--------  ------------  --------------  -------------------  -------------------\n"
        "       1  2022-01-10    Northwire       UN urges restraint   We are deeply\n"
        "                                        in Kazakhstan        concerned about the\n"
        "                                                             reports of deaths\n"
        "                                                             and injuries, and\n"
        "                                                             we call on all\n"
        "                                                             sides to refrain\n"
        "                                                             from violence\n"
        "       2  2022-01-10    Northwire       UN urges restraint   the UN had not\n"
        "                                        in Kazakhstan        received a request\n"
        "                                                             for assistance\n"
        "       4  2022-01-11    Eastern Ledger  Almaty counts the    We are deeply\n"
        "                                        cost                 concerned about the\n"
        "                                                             reports of deaths\n"
        "                                                             and injuries\n"), "")


def test_quote_listings_use_the_export_column_names(invoke, stored):
    from quotes.db.export import EXPORT_COLUMNS

    for command in (["by", "Ruth Ashdown"], ["search", "fair"], ["show", "Dockers"]):
        code, out, err = run(invoke, stored, *command, "--csv")
        [row] = list(csv.DictReader(io.StringIO(out)))
        assert tuple(row) == EXPORT_COLUMNS and row["quote_id"] == "6", command
    exported = invoke("export", "--format", "csv", "--speaker", "Ruth Ashdown", "--db", stored).stdout
    assert exported.splitlines()[0] == out.splitlines()[0]


def test_by_ambiguous_surname_lists_the_candidates(invoke, stored):
    assert run(invoke, stored, "by", "lindqvist") == (1, "", (
        "Error: 2 speakers match 'lindqvist':\n"
        "  #2  Matteo Lindqvist (person, UN spokesman, 3 quotes)\n"
        "  #3  Anna Lindqvist (person, lawyer, 1 quote)\n"
        "pass the full name or the id, e.g. `#2`\n"))


def test_by_asks_on_a_terminal(invoke, stored, monkeypatch):
    monkeypatch.setattr("quotes.cli.pick.stdin_is_terminal", lambda: True)
    result = invoke("by", "Lindqvist", "--db", stored, "--nl", input="3\n")
    assert result.exit_code == 0
    assert [json.loads(line)["text"] for line in result.stdout.splitlines()] == ["Nobody can tell them anything"]
    assert "Which one (id) (2, 3): " in result.stderr


def test_by_id_and_filters(invoke, stored):
    code, out, err = run(invoke, stored, "by", "#2", "--kind", "direct", "--outlet", "Eastern Ledger", "--nl")
    assert [json.loads(line)["published_at"] for line in out.splitlines()] == ["2022-01-11"]
    code, out, err = run(invoke, stored, "by", "Matteo Lindqvist", "--since", "2022-01-11", "--until",
                         "2022-01-11", "--csv")
    assert len(list(csv.DictReader(io.StringIO(out)))) == 1
    code, out, err = run(invoke, stored, "by", "Matteo Lindqvist", "--role", "spokes", "--contains", "assistance",
                         "--json")
    assert [q["kind"] for q in json.loads(out)] == ["indirect"]


def test_by_with_nothing_left_after_filters(invoke, stored):
    assert run(invoke, stored, "by", "Ruth Ashdown", "--since", "2023-01-01") == (
        0, "", "No quotes by Ruth Ashdown match these filters.\n")


def test_by_unknown_speaker(invoke, stored):
    assert run(invoke, stored, "by", "Nobody Atall") == (
        1, "", "Error: no speaker matches 'Nobody Atall'; `quotes speakers` lists everyone on record\n")


def test_by_bad_date_is_a_usage_error(invoke, stored):
    code, out, err = run(invoke, stored, "by", "Ruth Ashdown", "--since", "last week")
    assert code == 2 and "Invalid value for '--since': 'last week' does not match the format '%Y-%m-%d'" in err


def test_speakers_table(invoke, stored):
    assert run(invoke, stored, "speakers") == (0, (
        "id  name       kind        role       statements  quotes  first_seen  last_seen\n"
        "--  ---------  ----------  ---------  ----------  ------  ----------  ----------\n"
        " 2  Matteo     person      UN                  2       3  2022-01-10  2022-01-11\n"
        "    Lindqvist              spokesman\n"
        " 3  Anna       person      lawyer              1       1  2022-01-11  2022-01-11\n"
        "    Lindqvist\n"
        " 1  Interior   organizati                      1       1  2022-01-10  2022-01-10\n"
        "    Ministry   on\n"
        " 4  Ruth       person      union               1       1  2022-01-12  2022-01-12\n"
        "    Ashdown                secretary\n"), "")


def test_speakers_filters_csv(invoke, stored):
    assert run(invoke, stored, "speakers", "--role", "spokesman", "--csv") == (0, (
        "id,name,kind,roles,aliases,statements,quotes,first_seen,last_seen,role\n"
        "2,Matteo Lindqvist,person,UN spokesman,Matteo Lindqvist,2,3,2022-01-10,2022-01-11,UN spokesman\n"), "")
    code, out, err = run(invoke, stored, "speakers", "--kind", "organization", "--nl")
    assert [json.loads(line)["name"] for line in out.splitlines()] == ["Interior Ministry"]
    assert run(invoke, stored, "speakers", "--like", "zzz") == (0, "", "No speakers match.\n")


def test_statements_each_once_with_articles_and_outlets(invoke, stored):
    """The id column is labelled statement_id: `quotes fix` takes quote ids, and other tables say quote_id."""
    assert run(invoke, stored, "statements", "Matteo Lindqvist") == (0, (
        "statement_id  first_seen  articles  outlets                text\n"
        "------------  ----------  --------  ---------------------  ---------------------\n"
        "           2  2022-01-10         1  Northwire              the UN had not\n"
        "                                                           received a request\n"
        "                                                           for assistance\n"
        "           3  2022-01-10         2  Eastern Ledger;        We are deeply\n"
        "                                    Northwire              concerned about the\n"
        "                                                           reports of deaths and\n"
        "                                                           injuries, and we call\n"
        "                                                           on all sides to\n"
        "                                                           refrain from violence\n"), "")


def test_statements_csv(invoke, stored):
    assert run(invoke, stored, "statements", "Matteo Lindqvist", "--csv") == (0, (
        "id,speaker,text,quotes,articles,outlets,first_seen,speaker_id\n"
        "2,Matteo Lindqvist,the UN had not received a request for assistance,1,1,Northwire,2022-01-10,2\n"
        '3,Matteo Lindqvist,"We are deeply concerned about the reports of deaths and injuries, and we call on all '
        'sides to refrain from violence",2,2,Eastern Ledger; Northwire,2022-01-10,2\n'), "")


def test_show_article_in_text_order(invoke, stored):
    assert run(invoke, stored, "show", "Almaty") == (0, (
        "#2 Almaty counts the cost (Eastern Ledger, 2022-01-11, https://ledger.example/almaty)\n"
        "quote_id  speaker           kind    cue   text\n"
        "--------  ----------------  ------  ----  --------------------------------------\n"
        "       4  Matteo Lindqvist  direct  said  We are deeply concerned about the\n"
        "                                          reports of deaths and injuries\n"
        "       5  Anna Lindqvist    direct  said  Nobody can tell them anything\n"), "")
    code, out, err = run(invoke, stored, "show", "1", "--nl")
    assert [json.loads(line)["start"] for line in out.splitlines()] == [1, 170, 247]


def test_show_unknown_article(invoke, stored):
    """The error pointed to `quotes stats`, which only counts: `quotes articles` lists them with their ids."""
    assert run(invoke, stored, "show", "99") == (1, "", "Error: no article matches '99': pass an id, URL or words "
                                                        "from its title (`quotes articles` lists them)\n")


def test_articles_lists_the_ids_show_takes_newest_first(invoke, stored):
    assert run(invoke, stored, "articles") == (0, (
        "id  published_at  outlet           title\n"
        "--  ------------  ---------------  --------------------------------\n"
        " 3  2022-01-12    Coastal Courier  Dockers end strike\n"
        " 2  2022-01-11    Eastern Ledger   Almaty counts the cost\n"
        " 1  2022-01-10    Northwire        UN urges restraint in Kazakhstan\n"), "")
    code, out, err = run(invoke, stored, "articles", "--limit", "2", "--nl")
    assert [json.loads(line)["id"] for line in out.splitlines()] == [3, 2]
    assert err == "Only the 2 newest are shown: pass --limit to see more.\n"
    assert json.loads(out.splitlines()[0])["source"] == "courier.txt"


def test_articles_in_an_empty_database(invoke, tmp_path):
    from quotes.db import make_engine

    make_engine(f"sqlite:///{tmp_path / 'empty.db'}").dispose()
    assert invoke("articles", "--db", tmp_path / "empty.db").stderr == (
        "No articles stored yet: `quotes ingest FILE` stores some.\n")


def test_search(invoke, stored):
    assert run(invoke, stored, "search", "detained") == (0, (
        "quote_id  speaker        published_at  outlet     title          text\n"
        "--------  -------------  ------------  ---------  -------------  -------------\n"
        "       3  Interior       2022-01-10    Northwire  UN urges       9,900 people\n"
        "          Ministry                                restraint in   had been\n"
        "                                                  Kazakhstan     detained\n"), "")
    code, out, err = run(invoke, stored, "search", "concerned", "--outlet", "Eastern Ledger", "--nl")
    assert [json.loads(line)["outlet"] for line in out.splitlines()] == ["Eastern Ledger"]
    assert run(invoke, stored, "search", 'zebra" OR 1=1 --') == (0, "", "No statements match 'zebra\" OR 1=1 --'.\n")


def test_stats(invoke, stored):
    assert run(invoke, stored, "stats") == (0, (
        "what        count\n"
        "----------  -----\n"
        "articles        3\n"
        "speakers        4\n"
        "aliases         4\n"
        "roles           3\n"
        "statements      5\n"
        "quotes          6\n"), "")
    assert json.loads(run(invoke, stored, "stats", "--json")[1])[0] == {"what": "articles", "count": 3}


@pytest.mark.parametrize("command", ["by", "speakers", "statements", "articles", "show", "search", "stats"])
def test_every_lookup_has_an_example_and_the_output_switches(invoke, command):
    help_text = invoke(command, "--help").output
    assert f"quotes {command}" in help_text.split("Example")[1]
    assert all(switch in help_text for switch in ("--json", "--nl", "--csv", "--tsv", "--db URL"))


def test_empty_database(invoke, tmp_path):
    assert invoke("db", "upgrade", "--db", tmp_path / "new.db").exit_code == 0
    result = invoke("stats", "--db", tmp_path / "new.db", "--csv")
    assert result.stdout == ("what,count\narticles,0\nspeakers,0\naliases,0\nroles,0\nstatements,0\nquotes,0\n")


def test_tables_show_a_time_to_the_minute_and_machine_formats_keep_it_whole(invoke, stored):
    import re

    assert run(invoke, stored, "fix", "3", "--not-a-quote")[0] == 0
    code, out, err = run(invoke, stored, "corrections")
    assert re.search(r"\s\d\d:\d\d\n", out) and not re.search(r"\d\d:\d\d:\d\d", out)
    [row] = [json.loads(line) for line in run(invoke, stored, "corrections", "--nl")[1].splitlines()]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+", row["created_at"])


def test_an_undated_article_gives_no_first_seen_but_undated_as_the_web_view(invoke, stored, tmp_path):
    """Its ingest time (e.g. 2026-12-07 05:45) once stood in the statements' first_seen column, where a reporter
    reads a publication date; `statements`, `speakers` and the web view now all say "undated"."""
    (tmp_path / "undated.txt").write_text('Court news\n\n"The appeal goes ahead," said Ruth Ashdown.\n'
                                          '"We go on," said Ines Varga.\n')
    invoke("ingest", tmp_path / "undated.txt", "--db", stored)
    lines = run(invoke, stored, "statements", "Ruth Ashdown")[1].splitlines()
    assert [line.split()[:2] for line in lines[2:]] == [["5", "2022-01-12"], ["6", "undated"]]  # undated last
    statements = [json.loads(line) for line in run(invoke, stored, "statements", "Ruth Ashdown", "--nl")[1].splitlines()]
    assert [s["first_seen"] for s in statements] == ["2022-01-12", None]
    [varga] = [line for line in run(invoke, stored, "speakers")[1].splitlines() if " Ines " in line]
    assert varga.split()[-2:] == ["undated", "undated"]
    assert "5,Ines Varga,person,,Ines Varga,1,1,,,\n" in run(invoke, stored, "speakers", "--csv")[1]  # CSV: empty


def test_a_date_filter_says_how_many_undated_quotes_it_left_out(invoke, stored, tmp_path):
    (tmp_path / "undated.txt").write_text('Court news\n\n"The appeal goes ahead," said Ruth Ashdown.\n')
    invoke("ingest", tmp_path / "undated.txt", "--db", stored)
    code, out, err = run(invoke, stored, "by", "Ruth Ashdown", "--since", "2022-01-01", "--nl")
    assert [json.loads(line)["text"] for line in out.splitlines()] == ["This is a fair offer"]
    assert err == "1 quote by Ruth Ashdown is from an undated article, so --since/--until left it out\n"
    assert run(invoke, stored, "by", "Ruth Ashdown", "--nl")[2] == ""


def test_by_bare_surname_finds_the_full_name_stored_after_it(invoke, tmp_path):
    """The bare surname came first (its article named no one else); `by Obama` still shows one person."""
    db = f"sqlite:///{tmp_path / 'order.db'}"
    articles = {"a.txt": '"The harbour will be rebuilt," said Obama.', "b.txt": '"Jobs come first," said Barack Obama.',
                "c.txt": '"Schools matter most," said Michelle Obama.'}
    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        assert invoke("ingest", tmp_path / name, "--db", db, "--no-progress").exit_code == 0
    found = [json.loads(line) for line in invoke("by", "Obama", "--db", db, "--nl").stdout.splitlines()]
    assert [(q["speaker"], q["text"]) for q in found] == [("Barack Obama", "The harbour will be rebuilt"),
                                                          ("Barack Obama", "Jobs come first")]
    assert invoke("ingest", tmp_path / "c.txt", "--db", db, "--no-progress").exit_code == 0
    code, out, err = run(invoke, db, "by", "Obama")
    assert (code, err) == (1, "Error: 2 speakers match 'Obama':\n"
                              "  #2  Barack Obama (person, 2 quotes)\n"
                              "  #3  Michelle Obama (person, 1 quote)\n"
                              "pass the full name or the id, e.g. `#2`\n")


def test_by_one_word_means_a_first_name_too_and_a_group_has_no_surname(invoke, one_quote_each):
    db = one_quote_each([("Hillary Clinton", "person"), ("Stop Hillary", "group"), ("Hillary Clinton", "person")])
    assert quotes_by(invoke, db, "Hillary") == ["Statement number 0", "Statement number 2"]
    assert quotes_by(invoke, db, "Stop Hillary") == ["Statement number 1"]
    edmund = one_quote_each([("Hillary Clinton", "person"), ("Edmund Hillary", "person"), ("Edmund Hillary", "person")])
    assert run(invoke, edmund, "by", "hillary") == (1, "", (  # the surname and the first name, most quoted first
        "Error: 2 speakers match 'hillary':\n"
        "  #2  Edmund Hillary (person, 2 quotes)\n"
        "  #1  Hillary Clinton (person, 1 quote)\n"
        "pass the full name or the id, e.g. `#2`\n"))


@pytest.mark.parametrize("command", [("by", "Ruth Ashdown"), ("search", "offer"), ("export",)])
def test_dates_the_wrong_way_round_are_a_usage_error(invoke, stored, command):
    """`quotes by X --since 2023-03-05 --until 2023-03-01` said 'No quotes by X match these filters.'"""
    code, out, err = run(invoke, stored, *command, "--since", "2022-01-12", "--until", "2022-01-10")
    assert (code, out) == (2, "") and err.endswith("Error: --since 2022-01-12 is after --until 2022-01-10: swap them\n")
    assert run(invoke, stored, *command, "--since", "2022-01-12", "--until", "2022-01-12")[0] == 0
