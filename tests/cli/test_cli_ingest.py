import json
import sqlite3
from pathlib import Path

import pytest

import quotes

from cli_fakes import fake_extract
from quotes.errors import ModelsNotFound
from quotes.ingest.store import Stored
from quotes.records import QuoteRecord

SAMPLES = Path(__file__).resolve().parents[2] / "quotes" / "samples"


def undated_one(source) -> str:
    return ("1 stored article has no date, so --since/--until leave it out: date it with `quotes fix-article "
            f"--published YYYY-MM-DD {source}`; next time give the date in the file (README 'Article files') or "
            "pass --published\n")


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "quotes.db")


def rows(db, sql):
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


def no_models():
    raise ModelsNotFound("no usable Stanza models: run `quotes train-models`")


def test_ingest_samples_then_skip_duplicates_without_the_nlp(invoke, db):
    first = invoke("ingest", SAMPLES, "--db", db)
    assert (first.exit_code, first.stdout, first.stderr) == (
        0, "", "Ingested 3 articles (7 statements), skipped 0 duplicates, 0 failed\n")
    assert rows(db, "select title, published_at from article order by id") == [
        ("Harbour workers vote to end strike after pay deal", "2022-01-12"),
        ("Almaty counts the cost of a week of protests", "2022-01-11"),
        ("UN urges restraint as unrest in Kazakhstan spreads", "2022-01-11")]
    again = invoke("ingest", SAMPLES / "ledger-almaty.txt", "--db", db, factory=no_models)
    assert (again.exit_code, again.stderr) == (0, "Ingested 0 articles (0 statements), skipped 1 duplicate, 0 failed\n")


def test_failures_are_listed_and_the_rest_stored(invoke, db, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("")
    (tmp_path / "in" / "crash.txt").write_text("Title\nCRASH\n")
    (tmp_path / "in" / "feed.jsonl").write_text('{"text": "\\"Fine,\\" said Ada Byron."}\n{"title": "x"}\n')
    result = invoke("ingest", tmp_path / "in", SAMPLES / "courier-harbour.txt", "--db", db)
    assert result.exit_code == 1
    assert result.stderr == (
        "Ingested 2 articles (3 statements), skipped 0 duplicates, 3 failed:\n"
        f"  {tmp_path / 'in' / 'crash.txt'}: extraction failed: RuntimeError: parser crashed\n"
        f"  {tmp_path / 'in' / 'empty.txt'}: empty file; nothing to read (check that the file was saved)\n"
        f"  {tmp_path / 'in' / 'feed.jsonl'}:2: no \"text\" field with the article text; "
        "add it, e.g. {\"text\": \"...\"}\n" + undated_one(f"{tmp_path / 'in' / 'feed.jsonl'}:1"))
    assert rows(db, "select count(*) from article") == [(2,)]


def broken_store_factory():
    """Records whose second quote cannot be stored (no text), so the article's transaction must roll back."""
    def extract(texts, sources):
        good = fake_extract(texts, sources)
        return [records + [QuoteRecord(source=s, text=None, start=0, end=1, kind="direct")]
                for records, s in zip(good, sources)]
    return extract


def test_an_article_that_cannot_be_stored_leaves_nothing_behind(invoke, db):
    result = invoke("ingest", SAMPLES / "courier-harbour.txt", "--db", db, factory=broken_store_factory)
    assert result.exit_code == 1
    assert result.stderr.startswith("Ingested 0 articles (0 statements), skipped 0 duplicates, 1 failed:\n"
                                    f"  {SAMPLES / 'courier-harbour.txt'}: not stored: ")
    assert rows(db, "select (select count(*) from article), (select count(*) from quote), "
                    "(select count(*) from speaker)") == [(0, 0, 0)]


def test_outlet_and_url_override_and_stdin_jsonl(invoke, db):
    feed = json.dumps({"text": '"We will appeal," said Ada Byron.', "outlet": "Feed", "url": "https://f.example/1"})
    result = invoke("ingest", "-", "--db", db, "--outlet", "Coastal Courier", "--url", "https://cc.example/a",
                    input=feed + "\n")
    assert result.exit_code == 0
    assert rows(db, "select source, outlet, url from article") == [("-:1", "Coastal Courier", "https://cc.example/a")]


def test_workers(invoke, db):
    result = invoke("ingest", SAMPLES, "--db", db, "--workers", "2")
    assert result.stderr == "Ingested 3 articles (7 statements), skipped 0 duplicates, 0 failed\n"


def test_missing_models_stops_with_one_line(invoke, db):
    result = invoke("ingest", SAMPLES, "--db", db, factory=no_models)
    assert (result.exit_code, result.output) == (1, "Error: no usable Stanza models: run `quotes train-models`\n")


def test_bad_database_url(invoke, tmp_path):
    result = invoke("ingest", SAMPLES, "--db", tmp_path / "no" / "such" / "dir.db")
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: no folder {tmp_path / 'no' / 'such'} for the database ")


def test_help_shows_an_example(invoke):
    assert "quotes ingest quotes/samples/" in invoke("ingest", "--help").output


def test_reprocess_reextracts_articles_of_an_older_pipeline(invoke, db):
    from cli_fakes import fake_factory
    from quotes.ingest.store import ingest_paths
    from quotes.db import make_engine

    engine = make_engine(db)
    old = list(ingest_paths(engine, [str(SAMPLES / "courier-harbour.txt")], extractor_factory=fake_factory,
                            pipeline_version="0"))
    assert old == [Stored(str(SAMPLES / "courier-harbour.txt"), "ingested", 2)]
    engine.dispose()
    plain = invoke("ingest", SAMPLES / "courier-harbour.txt", "--db", db)
    assert plain.stderr == "Ingested 0 articles (0 statements), skipped 1 duplicate, 0 failed\n"
    again = invoke("ingest", SAMPLES / "courier-harbour.txt", "--db", db, "--reprocess")
    assert again.stderr == "Ingested 0 articles, reprocessed 1 (2 statements), skipped 0 duplicates, 0 failed\n"
    assert rows(db, "select pipeline_version from article") == [(quotes.PIPELINE_VERSION,)]


def test_html_and_globs(invoke, db, tmp_path):
    (tmp_path / "page.html").write_text(
        '<html><head><title>Dockers vote</title><meta property="og:site_name" content="Coastal Courier">'
        '</head><body><article><p>"We have a deal," said Ruth Ashdown on Wednesday, after nine days of strike '
        'action at the port.</p><p>Ships will move again by Friday, the harbour authority said.</p></article>'
        '</body></html>')
    (tmp_path / "skip.md").write_text("not matched by the glob")
    result = invoke("ingest", str(tmp_path / "*.html"), "--db", db)
    assert result.stderr == ("Ingested 1 article (1 statement), skipped 0 duplicates, 0 failed\n"
                             + undated_one(tmp_path / "page.html"))
    assert rows(db, "select title, outlet from article") == [("Dockers vote", "Coastal Courier")]


def test_the_summary_counts_undated_articles_and_published_dates_them(invoke, db, tmp_path):
    (tmp_path / "a.txt").write_text('Strike ends\n\n"We have a deal," said Ruth Ashdown.\n')
    (tmp_path / "b.txt").write_text('Ships move\n\n"Cranes are safe," said Ines Varga.\n')
    undated = invoke("ingest", tmp_path / "a.txt", tmp_path / "b.txt", "--db", db)
    assert undated.stderr.endswith(
        "2 stored articles have no date, so --since/--until leave them out: date each with `quotes fix-article "
        "--published YYYY-MM-DD ARTICLE` (`quotes articles` lists them last); next time give the date in the file "
        "(README 'Article files') or pass --published\n")
    one = invoke("ingest", "-", "--db", db, input='{"text": "\\"Fine,\\" said Ada Byron."}\n')
    assert one.stderr.endswith(undated_one("-- -:1"))
    assert invoke("fix-article", "--db", db, "--published", "2022-01-13", "--", "-:1").exit_code == 0  # as printed
    assert rows(db, "select published_at from article where source = '-:1'") == [("2022-01-13",)]
    (tmp_path / "c.txt").write_text('Port reopens\n\n"All clear," said Ines Varga.\n')
    dated = invoke("ingest", tmp_path / "c.txt", "--db", db, "--published", "2022-01-14")
    assert dated.stderr == "Ingested 1 article (1 statement), skipped 0 duplicates, 0 failed\n"
    assert rows(db, "select title, published_at from article where title = 'Port reopens'") == [
        ("Port reopens", "2022-01-14")]


def test_without_a_terminal_ingest_reports_progress_as_plain_lines(invoke, db, monkeypatch):
    import quotes.cli.progress as progress

    monkeypatch.setattr(progress, "LINE_INTERVAL", 0.0)
    result = invoke("ingest", SAMPLES, "--db", db)
    lines = result.stderr.splitlines()
    assert [line.split(" articles")[0] for line in lines[:3]] == ["progress: 1/3", "progress: 2/3", "progress: 3/3"]
    assert "left" in lines[0] and "\r" not in result.stderr and lines[3].startswith("Ingested 3 articles")


def test_outlet_given_for_a_stored_article_says_it_changed_nothing(invoke, db):
    """`quotes ingest story.txt --outlet X` on a stored article printed 'skipped 1 duplicate' alone; the reporter
    believed the outlet was corrected."""
    assert invoke("ingest", SAMPLES / "ledger-almaty.txt", "--db", db).exit_code == 0
    again = invoke("ingest", SAMPLES / "ledger-almaty.txt", "--outlet", "The Ledger", "--published", "2022-01-12",
                   "--db", db, factory=no_models)
    assert (again.exit_code, again.stderr) == (0, (
        "Ingested 0 articles (0 statements), skipped 1 duplicate, 0 failed\n"
        "--outlet/--published did not change the 1 duplicate: a stored article keeps what it had; correct one "
        f"with `quotes fix-article --outlet 'The Ledger' --published 2022-01-12 {SAMPLES / 'ledger-almaty.txt'}`\n"))
    fixed = invoke("fix-article", str(SAMPLES / "ledger-almaty.txt"), "--outlet", "The Ledger", "--db", db)
    assert fixed.exit_code == 0 and rows(db, "select outlet from article") == [("The Ledger",)]
