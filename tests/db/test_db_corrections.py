"""Corrections by a person: stored as such, applied at once, and applied again after reprocessing, on SQLite
and PostgreSQL."""

from datetime import date

import pytest

from dbhelpers import article, ingest, one, quote
from quotes.db import session_scope
from quotes.db.corrections import (QuoteNotFound, apply_corrections, correct_article, correct_speaker,
                                   corrections, reject_quote)
from quotes.db.errors import DatabaseError
from quotes.db.export import export_records
from quotes.db.queries import QuoteFilters, article_quotes, find_speakers, quotes_by

TEXT = 'Bridge opens\n\n"The bridge opens in May," said Mayor Lena Voss. "Bridge" is a word, said Ana Lima.'
OPENS = "The bridge opens in May"


def records():
    return [quote(OPENS, "Ana Lima", start=TEXT.index(OPENS)),
            quote("Bridge", "Ana Lima", start=TEXT.index('"Bridge"') + 1)]


@pytest.fixture
def stored(engine):
    ingest(engine, article(TEXT, outlet="The Herald", published_at=date(2023, 3, 1)), records())
    return engine


def quote_ids(engine):
    with session_scope(engine) as session:
        _, rows = article_quotes(session, article="1")
    return {row.text: row.id for row in rows}


def test_a_quote_filed_under_the_wrong_person_moves_with_its_statement(stored):
    ids = quote_ids(stored)
    with session_scope(stored) as session:
        row = correct_speaker(session, quote_id=ids[OPENS], name="Lena Voss", by="desk")
    assert (row.field, row.original, row.value, row.created_by) == ("speaker", "Ana Lima", "Lena Voss", "desk")
    assert (row.start, row.end, row.text, row.kind) == (TEXT.index(OPENS), TEXT.index(OPENS) + len(OPENS), OPENS,
                                                       "direct")
    with session_scope(stored) as session:
        [voss] = find_speakers(session, name="Lena Voss")
        [lima] = find_speakers(session, name="Ana Lima")
        by_voss = list(quotes_by(session, speaker_ids=[voss.id], filters=QuoteFilters()))
    assert [(q.text, q.speaker, q.corrected) for q in by_voss] == [(OPENS, "Lena Voss", "speaker")]
    assert (voss.quotes, voss.statements, lima.quotes, lima.statements) == (1, 1, 1, 1)


def test_a_correction_survives_reprocessing_and_a_pipeline_upgrade(stored):
    ids = quote_ids(stored)
    with session_scope(stored) as session:
        correct_speaker(session, quote_id=ids[OPENS], name="Lena Voss")
        reject_quote(session, quote_id=ids["Bridge"])
        correct_article(session, article_id=1, outlet="Harbor City Herald", published_at=date(2023, 3, 2))
    # a newer pipeline reads the same quotes again (the first one with its closing comma this time)
    again = [quote(OPENS + ",", "Ana Lima", start=TEXT.index(OPENS)),
             quote("Bridge", "Ana Lima", start=TEXT.index('"Bridge"') + 1)]
    result = ingest(stored, article(TEXT, outlet="The Herald", published_at=date(2023, 3, 1)), again,
                    version="2", reprocess=True)
    assert result.status == "reprocessed"
    with session_scope(stored) as session:
        found, rows = article_quotes(session, article="1")
    assert [(q.text, q.speaker, q.corrected) for q in rows] == [(OPENS + ",", "Lena Voss", "speaker")]
    assert (found.outlet, found.published_at) == ("Harbor City Herald", date(2023, 3, 2))
    assert one(stored, "SELECT outlet_key FROM article") == "harbor city herald"
    assert one(stored, "SELECT count(*) FROM statement") == 1


def test_article_corrections_keep_the_old_values_and_touch_its_quotes(stored):
    before = one(stored, "SELECT max(updated_at) FROM quote")
    with session_scope(stored) as session:
        rows = correct_article(session, article_id=1, outlet="Harbor City Herald", url="https://herald.example/b",
                               author="Marcus Bell", title="A title")  # the title is unchanged
    assert [(r.field, r.original, r.value) for r in rows] == [
        ("outlet", "The Herald", "Harbor City Herald"), ("url", None, "https://herald.example/b"),
        ("author", None, "Marcus Bell")]
    with session_scope(stored) as session:
        exported = list(export_records(session, speaker_ids=None, filters=QuoteFilters(outlet="harbor city herald")))
    assert {(r["outlet"], r["url"], r["author"]) for r in exported} == {
        ("Harbor City Herald", "https://herald.example/b", "Marcus Bell")}
    assert str(one(stored, "SELECT min(updated_at) FROM quote")) >= str(before)


def test_corrections_list_as_labelled_data(stored):
    ids = quote_ids(stored)
    with session_scope(stored) as session:
        reject_quote(session, quote_id=ids["Bridge"], by="desk")
        correct_speaker(session, quote_id=ids[OPENS], name="Lena Voss", by="desk")
    with session_scope(stored) as session:
        listed = list(corrections(session))
        later = list(corrections(session, since_id=listed[0].id))
    assert [(r.field, r.original, r.value, r.text) for r in listed] == [
        ("not_a_quote", "Ana Lima", None, "Bridge"), ("speaker", "Ana Lima", "Lena Voss", OPENS)]
    assert [r.id for r in later] == [listed[1].id] and listed[0].created_at is not None


def test_the_latest_correction_of_a_quote_wins_after_reprocessing(stored):
    ids = quote_ids(stored)
    with session_scope(stored) as session:
        correct_speaker(session, quote_id=ids[OPENS], name="Lena Voss")
        correct_speaker(session, quote_id=ids[OPENS], name="Marcus Bell")
    ingest(stored, article(TEXT), records(), version="2", reprocess=True)
    with session_scope(stored) as session:
        _, rows = article_quotes(session, article="1")
        assert apply_corrections(session, article_id=1) == 1  # applying again changes nothing
    assert [q.speaker for q in rows if q.text == OPENS] == ["Marcus Bell"]


def test_unknown_ids_say_where_to_find_them(stored):
    with session_scope(stored) as session:
        with pytest.raises(QuoteNotFound, match=r"no quote #99: the ids are in the quote_id column of `quotes show ARTICLE`"):
            correct_speaker(session, quote_id=99, name="Lena Voss")
        with pytest.raises(DatabaseError, match="no speaker #77"):
            correct_speaker(session, quote_id=quote_ids(stored)[OPENS], speaker_id=77)
