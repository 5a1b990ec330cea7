"""Issue 13 item 7: CSV/TSV cells that a spreadsheet would run as a formula are neutralised (OWASP: a
leading '), in every command that writes them; --raw keeps them as stored; JSON is never touched."""

import csv
import io
import json

import pytest
from click.testing import CliRunner

from quotes.cli.context import App
from quotes.cli.main import main
from quotes.cli.render import delimited_cell
from quotes.db import make_engine, session_scope
from quotes.db.store import ingest_article
from quotes.records import Article, QuoteRecord

HOSTILE = ["=HYPERLINK(\"http://x.example\",\"click\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)",
           "\tTAB=1", "\rCR=1"]
SPEAKER = "=Eve Formula"


@pytest.fixture
def hostile_db(tmp_path):
    url = f"sqlite:///{tmp_path / 'hostile.db'}"
    engine = make_engine(url)
    text = " ".join(f"[{cell}]" for cell in HOSTILE)
    article = Article(text=text, source="hostile.txt", title="=1+1", outlet="@outlet")
    records = []
    for cell in HOSTILE:
        start = text.index(cell)
        records.append(QuoteRecord(source="hostile.txt", text=cell, start=start, end=start + len(cell),
                                   kind="direct", speaker=SPEAKER, speaker_kind="person", confidence=0.5,
                                   rule="test"))
    with session_scope(engine) as session:
        ingest_article(session, article=article, records=records, pipeline_version="1")
    engine.dispose()
    return url


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], obj=App(), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def cells(text, delimiter=","):
    return [cell for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) for cell in row]


@pytest.mark.parametrize("command, delimiter", [
    (["by", "#1", "--csv"], ","), (["search", "SUM", "--tsv"], "\t"), (["export"], ","),
    (["export", "--bom"], ","), (["show", "1", "--csv"], ","), (["speakers", "--csv"], ","),
], ids=lambda value: " ".join(value) if isinstance(value, list) else repr(value))
def test_no_cell_starts_a_formula(hostile_db, command, delimiter):
    out = run(*command, "--db", hostile_db).lstrip("\ufeff")
    written = cells(out, delimiter)
    assert not [cell for cell in written if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert "'=Eve Formula" in written


def test_raw_keeps_cells_as_stored(hostile_db):
    written = cells(run("export", "--raw", "--db", hostile_db))
    assert set(HOSTILE) <= set(written) and SPEAKER in written
    by_tsv = cells(run("by", "#1", "--tsv", "--raw", "--db", hostile_db), "\t")
    assert set(HOSTILE) <= set(by_tsv)


def test_json_is_never_altered(hostile_db):
    lines = run("export", "--format", "jsonl", "--db", hostile_db).splitlines()
    assert [json.loads(line)["text"] for line in lines] == HOSTILE


def test_numbers_stay_numbers():
    assert delimited_cell(-3) == "-3" and delimited_cell(-0.5) == "-0.5"
    assert delimited_cell("-3") == "'-3"  # text that looks like arithmetic is still text
    assert delimited_cell("plain") == "plain" and delimited_cell(None) == ""


def test_a_carriage_return_inside_a_cell_keeps_the_row_whole(hostile_db, tmp_path):
    target = tmp_path / "raw.csv"
    run("export", "--raw", "-o", target, "--db", hostile_db)
    with open(target, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [row["text"] for row in rows] == HOSTILE
