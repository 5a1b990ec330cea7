"""Export: the stable column set, its CSV/JSONL/CSL-JSON forms (cli/render.py), incremental exports."""

import io
import json
import time
from datetime import date, datetime

from dbhelpers import article, ingest, quote
from quotes.db import session_scope
from quotes.cli.render import render
from quotes.db.export import EXPORT_COLUMNS, FIRST_COLUMNS, export_records
from quotes.db.identity import merge_speakers
from quotes.db.queries import QuoteFilters, find_speakers

SAID = "Les écoles rouvriront lundi, a-t-il dit, and the “exams” go ahead"


def fill(engine):
    ingest(engine, article("Body one.", title="Schools reopen", outlet="Wire", published_at=date(2024, 6, 3),
                           url="https://wire.example/schools"),
           [quote(SAID, "Élodie Marchand", role="education minister", start=4)])
    ingest(engine, article("Body two.", title="Exams", outlet="Paper", published_at=None),
           [quote("Second statement by someone else", "Bruno Costa")])


def exported(engine, **options):
    options.setdefault("speaker_ids", None)
    options.setdefault("filters", QuoteFilters())
    with session_scope(engine) as session:
        return list(export_records(session, **options))


def written(records, fmt, out, **options):
    return render(records, fmt, columns=EXPORT_COLUMNS, out=out, **options)


def test_columns_are_the_documented_stable_set(engine):
    fill(engine)
    records = exported(engine)
    assert EXPORT_COLUMNS[:len(FIRST_COLUMNS)] == FIRST_COLUMNS  # only ever added to at the end
    assert EXPORT_COLUMNS[len(FIRST_COLUMNS):] == ("source", "cue_start", "cue_end", "mention_start", "mention_end",
                                                     "author", "corrected")
    assert all(tuple(record) == EXPORT_COLUMNS for record in records)
    first = records[0]
    assert (first["speaker"], first["speaker_kind"], first["role"], first["kind"], first["cue"]) == (
        "Élodie Marchand", "person", "education minister", "direct", "said")
    assert (first["title"], first["outlet"], first["url"], first["published_at"]) == (
        "Schools reopen", "Wire", "https://wire.example/schools", "2024-06-03")
    assert (first["start"], first["end"], first["confidence"], first["rule"]) == (4, 4 + len(SAID), 0.9, "nsubj-of-cue")


def test_csv_round_trips_through_the_csv_module_with_bom(engine):
    import csv
    fill(engine)
    out = io.StringIO(newline="")
    assert written(exported(engine), "csv", out, bom=True) == 2
    text = out.getvalue()
    assert text.startswith("\ufeffquote_id,statement_id,speaker_id,speaker,")
    rows = list(csv.DictReader(io.StringIO(text[1:], newline="")))
    assert rows[0]["text"] == SAID and rows[0]["spans"] == "[]" and rows[1]["published_at"] == ""
    plain = io.StringIO(newline="")
    written([], "csv", plain)
    assert plain.getvalue() == ",".join(EXPORT_COLUMNS) + "\r\n"


def test_jsonl_since_id_resumes(engine):
    fill(engine)
    everything = exported(engine)
    rest = exported(engine, since_id=everything[0]["quote_id"])
    assert [r["quote_id"] for r in rest] == [everything[1]["quote_id"]]
    out = io.StringIO()
    written(rest, "jsonl", out)
    assert json.loads(out.getvalue()) == rest[0]


def test_updated_since_picks_up_merged_quotes(engine):
    fill(engine)
    time.sleep(0.01)
    mark = datetime.utcnow()
    assert exported(engine, updated_since=mark) == []
    with session_scope(engine) as session:
        keep = find_speakers(session, name="Marchand")[0].id
        merged = find_speakers(session, name="Costa")[0].id
        merge_speakers(session, keep_id=keep, merge_id=merged)
    moved = exported(engine, updated_since=mark)
    assert [(r["text"], r["speaker"]) for r in moved] == [("Second statement by someone else", "Élodie Marchand")]


def test_speaker_filter(engine):
    fill(engine)
    with session_scope(engine) as session:
        costa = find_speakers(session, name="Costa")[0].id
    assert [r["speaker"] for r in exported(engine, speaker_ids=[costa])] == ["Bruno Costa"]


def test_csl_json_items(engine):
    fill(engine)
    out = io.StringIO()
    assert written(exported(engine), "csl-json", out, per_quote=True) == 2
    items = json.loads(out.getvalue())
    assert [item.pop("custom")["article_id"] for item in items] == [1, 2]  # quotes.citations' record copy
    assert items[0] == {
        "id": f"quote-{items[0]['id'].split('-')[1]}", "type": "article-newspaper", "title": "Schools reopen",
        "container-title": "Wire", "URL": "https://wire.example/schools",
        "issued": {"date-parts": [[2024, 6, 3]]},
        "note": f"Speaker: Élodie Marchand\nRole: education minister\nStatement: {SAID}",
    }
    assert "issued" not in items[1] and "URL" not in items[1]
    empty = io.StringIO()
    written([], "csl-json", empty)
    assert json.loads(empty.getvalue()) == []


def test_streamed_csv_is_what_the_shared_renderer_writes(engine):
    """`quotes export --format csv` writes batches straight through the csv module (cli/export.py write_csv),
    and on SQLite has SQLite write the lines (export_csv, quotes.db.csvlines); the text must be the
    renderer's for the same records, cell for cell, with and without --raw, on every database."""
    import io
    from datetime import date

    from quotes.cli.export import export_csv, write_csv
    from quotes.cli.render import render
    from quotes.db import session_scope
    from quotes.db.export import export_batches, export_records
    from quotes.db.store import ingest_article
    from quotes.records import Article, QuoteRecord

    texts = ["=1+1", "＝wide", "plain, with comma", 'with "quotes"', "line\nbreak", "cr\rinside", "-3", "Ünïcode",
             "\ttab"]
    for n, published in enumerate([date(2021, 5, 6), None]):
        body = " ".join(texts) + f" article {n}"
        records = [QuoteRecord(source=f"a{n}.txt", text=text, start=body.index(text), end=body.index(text) + len(text),
                               kind="direct", speaker="@Ann Lee" if i % 2 else None,
                               speaker_kind="person" if i % 2 else "unknown", role="=role" if i == 3 else None,
                               confidence=0.25 * (i % 4), rule="test", spans=[[0, 2], [3, 4]] if i == 2 else [])
                   for i, text in enumerate(texts)]
        with session_scope(engine) as session:
            ingest_article(session, article=Article(text=body, source=f"a{n}.txt", title="-title", outlet=None,
                                                    published_at=published), records=records, pipeline_version="1")
    with session_scope(engine) as session:
        for raw in (False, True):
            expected, got = io.StringIO(), io.StringIO()
            render(export_records(session, speaker_ids=None, filters=None), "csv", columns=EXPORT_COLUMNS,
                   out=expected, raw=raw, bom=True)
            count = write_csv(export_batches(session, speaker_ids=None, filters=None, size=4), got, raw=raw,
                              bom=True)
            assert count == 2 * len(texts)
            assert got.getvalue() == expected.getvalue()
            chosen, lines = dict(speaker_ids=None, filters=None), io.StringIO()
            assert export_csv(session, chosen, lines, raw=raw, bom=True) == 2 * len(texts)
            assert lines.getvalue() == expected.getvalue()
