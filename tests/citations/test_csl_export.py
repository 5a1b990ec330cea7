"""`quotes export --format csl-json` end to end: what a reference manager imports validates against the
CSL-JSON schema, one item per article by default and one per quote with --per-quote."""

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes.cli.main import main
from quotes.db import make_engine, session_scope
from quotes.db.store import ingest_article
from quotes.records import Article, QuoteRecord

jsonschema = pytest.importorskip("jsonschema")
SCHEMA = json.loads((Path(__file__).parent / "csl-data.json").read_text(encoding="utf-8"))
TEXT = '"The cranes are safe," said Ines Varga. She said the harbour would reopen on Monday.'


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'csl.db'}"
    engine = make_engine(url)
    for number, (outlet, day) in enumerate([("Northwire", date(2023, 3, 1)), (None, None)], start=1):
        text = TEXT if number == 1 else TEXT.replace("Monday", "Tuesday")
        article = Article(text=text, source=f"story-{number}.txt", title=f"Story {number}", outlet=outlet,
                          published_at=day, author="Jane Doe and Ola Nordmann" if number == 1 else None)
        records = [QuoteRecord(source=article.source, text=piece, start=text.index(piece),
                               end=text.index(piece) + len(piece), kind=kind, cue="said", speaker="Ines Varga",
                               speaker_kind="person", confidence=0.9, rule="test")
                   for piece, kind in (("The cranes are safe", "direct"),
                                       (text[text.index("the harbour"):-1], "indirect"))]
        with session_scope(engine) as session:
            ingest_article(session, article=article, records=records, pipeline_version="1")
    engine.dispose()
    return url


def export(db, *args):
    result = CliRunner().invoke(main, ["export", "--format", "csl-json", "--db", db, *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_one_valid_item_per_article(db):
    items = export(db)
    jsonschema.Draft7Validator(SCHEMA).validate(items)
    assert [(item["id"], item["title"], len(item["custom"]["quotes"])) for item in items] == [
        ("article-1", "Story 1", 2), ("article-2", "Story 2", 2)]
    assert items[0]["abstract"].splitlines() == ["Ines Varga: “The cranes are safe”",
                                                 "Ines Varga: the harbour would reopen on Monday"]


def test_one_valid_item_per_quote_behind_the_switch(db):
    items = export(db, "--per-quote")
    jsonschema.Draft7Validator(SCHEMA).validate(items)
    assert [item["id"] for item in items] == ["quote-1", "quote-2", "quote-3", "quote-4"]


def test_the_stored_byline_is_the_items_author(db):
    first, second = export(db)
    assert first["author"] == [{"family": "Doe", "given": "Jane"}, {"family": "Nordmann", "given": "Ola"}]
    assert "author" not in second


def test_ingest_stores_the_byline_a_text_file_carries(tmp_path):
    import sqlite3

    from quotes.cli.context import App

    path = tmp_path / "story.txt"
    path.write_text('Harbour reopens\n2023-03-01\n\nBy Jane Doe, The Harbour Times\n\n"We are ready," said Ines Varga.\n')
    db = tmp_path / "q.db"
    fake = lambda: (lambda texts, sources: [[] for _ in texts])  # no extraction needed: the article row is the point
    result = CliRunner().invoke(main, ["ingest", str(path), "--db", str(db)], obj=App(extractor_factory=fake))
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT author, outlet FROM article").fetchall() == [
            ("Jane Doe", "The Harbour Times")]


def exported_text(db, fmt, *args):
    result = CliRunner().invoke(main, ["export", "--format", fmt, "--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


def test_ris_reads_back_one_record_per_article_with_a_note_per_quote(db):
    rispy = pytest.importorskip("rispy")
    out, err = exported_text(db, "ris")
    records = rispy.loads(out)
    assert [(r["type_of_reference"], r["title"], len(r["notes"])) for r in records] == [
        ("NEWS", "Story 1", 2), ("NEWS", "Story 2", 2)]
    assert records[0]["authors"] == ["Doe, Jane", "Nordmann, Ola"] and records[0]["date"] == "2023/03/01"
    assert records[0]["notes"][0].startswith("quote 1 [1-20] Ines Varga: The cranes are safe")
    assert err == "Exported 4 quotes as 2 article items; next time pass --since-id 4 for newer ones\n"


def test_bibtex_reads_back_with_its_special_characters_escaped(db):
    bibtexparser = pytest.importorskip("bibtexparser")
    out, _ = exported_text(db, "bibtex", "--per-quote")
    library = bibtexparser.parse_string(out)
    assert [entry.key for entry in library.entries] == ["quote-1", "quote-2", "quote-3", "quote-4"]
    first = library.entries[0]
    assert first.fields_dict["author"].value == "Doe, Jane and Nordmann, Ola"
    assert first.fields_dict["date"].value == "2023-03-01" and first.fields_dict["journal"].value == "Northwire"
    assert not library.failed_blocks


def test_ris_without_its_library_says_how_to_install_it(db, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "rispy", None)
    result = CliRunner().invoke(main, ["export", "--format", "ris", "--db", db])
    assert result.exit_code == 1 and "pip install 'quote-tracker[citations]'" in result.output
