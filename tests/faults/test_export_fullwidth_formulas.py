"""Issue 23: a cell starting with the full-width ＝ (or another character a spreadsheet may fold to = + - @)
is neutralised like '=' in every CSV/TSV writer; --raw keeps it."""

import csv
import io
import sys
import unicodedata

import pytest
from click.testing import CliRunner

from quotes.cli.context import App
from quotes.cli.main import main
from quotes.cli.render import FORMULA_STARTS
from quotes.db import make_engine, session_scope
from quotes.db.store import ingest_article
from quotes.records import Article, QuoteRecord

WIDE = ["＝HYPERLINK(\"http://x.example\",\"click\")", "＋1+cmd|' /C calc'!A0", "－2+3", "＠SUM(A1:A2)",
        "﹦1+1", "⁼1"]


@pytest.fixture
def wide_db(tmp_path):
    url = f"sqlite:///{tmp_path / 'wide.db'}"
    engine = make_engine(url)
    text = " ".join(f"[{cell}]" for cell in WIDE)
    records = [QuoteRecord(source="wide.txt", text=cell, start=text.index(cell), end=text.index(cell) + len(cell),
                           kind="direct", speaker="＝Eve Wide", speaker_kind="person", confidence=0.5, rule="test")
               for cell in WIDE]
    with session_scope(engine) as session:
        ingest_article(session, article=Article(text=text, source="wide.txt", title="＝1+1", outlet="＠outlet"),
                       records=records, pipeline_version="1")
    engine.dispose()
    return url


def cells(*args, delimiter=","):
    result = CliRunner().invoke(main, [str(a) for a in args], obj=App(), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [cell for row in csv.reader(io.StringIO(result.stdout, newline=""), delimiter=delimiter) for cell in row]


@pytest.mark.parametrize("command, delimiter", [(["export"], ","), (["export", "--bom"], ","),
                                                (["by", "#1", "--csv"], ","), (["by", "#1", "--tsv"], "\t")])
def test_full_width_formula_starts_are_neutralised(wide_db, command, delimiter):
    written = cells(*command, "--db", wide_db, delimiter=delimiter)
    assert not [cell for cell in written if cell.lstrip("\ufeff").startswith(FORMULA_STARTS)]
    assert {"'" + cell for cell in WIDE} <= set(written) and "'＝Eve Wide" in written


def test_raw_keeps_them(wide_db):
    assert set(WIDE) <= set(cells("export", "--raw", "--db", wide_db))


def test_every_character_folding_to_a_formula_start_is_listed():
    folding = {chr(c) for c in range(sys.maxunicode + 1)
               if unicodedata.normalize("NFKC", chr(c))[:1] in ("=", "+", "-", "@")}
    assert folding <= set(FORMULA_STARTS)
