"""The read side the web view pages through (db/queries): latest articles, statements of a speaker and of a
search each once, per-day counts for a timeline, merged speakers followed. On SQLite and PostgreSQL."""

from datetime import date

import pytest

from dbhelpers import article, ingest, one, quote
from quotes.db import session_scope
from quotes.db.identity import merge_speakers
from quotes.db.queries import (QuoteFilters, article_text, latest_articles, live_speaker_id, quote_glimpses,
                               search_statements, speaker_days, speaker_statements)

RIVER = "The river will crest on Friday and the old town must be evacuated before then"
LOCKS = "The lock gates will stay shut until the water falls below the red line"


@pytest.fixture
def flood(engine):
    """Dujarric says RIVER in three articles (two outlets, one undated) and LOCKS once; Reyes speaks once."""
    for n, (outlet, day) in enumerate([("Wire", date(2024, 5, 2)), ("The Paper", date(2024, 5, 2)),
                                       ("Paper", date(2024, 5, 9)), (None, None)]):
        records = [quote(RIVER, "Stéphane Dujarric", source=f"{n}.txt")] if n != 2 else []
        if n == 2:
            records = [quote(LOCKS, "Stéphane Dujarric", source=f"{n}.txt"),
                       quote("the river would crest later than feared", "Tomas Reyes", kind="indirect",
                             source=f"{n}.txt", start=100)]
        ingest(engine, article(f"Flood story {n}.", source=f"{n}.txt", title=f"Story {n}", outlet=outlet,
                               published_at=day), records)
    return engine


def dujarric(engine):
    return one(engine, "SELECT id FROM speaker WHERE name = 'Stéphane Dujarric'")


def test_latest_articles_newest_first_undated_last_and_paged(flood):
    with session_scope(flood) as session:
        every = latest_articles(session, limit=10)
        pages = latest_articles(session, limit=2) + latest_articles(session, limit=2, offset=2)
    assert [a.title for a in every] == ["Story 2", "Story 1", "Story 0", "Story 3"]  # same day: newest stored first
    assert [a.id for a in pages] == [a.id for a in every]


def test_speaker_statements_once_each_with_counts_and_outlets(flood):
    with session_scope(flood) as session:
        found = speaker_statements(session, speaker_id=dujarric(flood))
        second = speaker_statements(session, speaker_id=dujarric(flood), limit=1, offset=1)
        may_9 = speaker_statements(session, speaker_id=dujarric(flood), filters=QuoteFilters(since=date(2024, 5, 9)))
    assert found.total == 2 and [s.text for s in found.rows] == [RIVER, LOCKS]
    river = found.rows[0]
    assert (river.quotes, river.articles, river.first_seen, river.last_seen) == (3, 3, date(2024, 5, 2),
                                                                                 date(2024, 5, 2))
    assert river.outlets in (["Paper", "Wire"], ["The Paper", "Wire"])  # "The Paper" = "Paper": one outlet
    assert [c.published_at for c in river.carriers] == [date(2024, 5, 2), date(2024, 5, 2), None]
    assert [s.text for s in second.rows] == [LOCKS] and second.total == 2
    assert [s.text for s in may_9.rows] == [LOCKS]


def test_search_statements_shows_a_statement_once(flood):
    with session_scope(flood) as session:
        found = search_statements(session, text="river crest")
        paged = search_statements(session, text="river crest", limit=1, offset=1)
        assert search_statements(session, text="  ").total == 0
    assert found.total == 2 and found.quotes == 4  # RIVER three times, Reyes' once
    assert sorted((hit.quote.speaker, hit.quotes, hit.articles) for hit in found.rows) == [
        ("Stéphane Dujarric", 3, 3), ("Tomas Reyes", 1, 1)]
    assert len(paged.rows) == 1 and paged.rows[0].quote.id == found.rows[1].quote.id


def test_speaker_days_counts_dated_quotes_per_day_and_outlet(flood):
    with session_scope(flood) as session:
        days = speaker_days(session, speaker_id=dujarric(flood))
        glimpses = quote_glimpses(session, [d.quote_id for d in days], length=9)
    assert sorted((d.day, d.outlet_key, d.quotes) for d in days) == [
        (date(2024, 5, 2), "paper", 1), (date(2024, 5, 2), "wire", 1), (date(2024, 5, 9), "paper", 1)]
    assert sorted(g.start for g in glimpses.values()) == ["The lock ", "The river", "The river"]


def test_live_speaker_id_follows_merges(flood):
    reyes = one(flood, "SELECT id FROM speaker WHERE name = 'Tomas Reyes'")
    with session_scope(flood) as session:
        merge_speakers(session, keep_id=dujarric(flood), merge_id=reyes)
    with session_scope(flood) as session:
        assert live_speaker_id(session, reyes) == live_speaker_id(session, dujarric(flood)) == dujarric(flood)
        assert live_speaker_id(session, 99_999) is None and live_speaker_id(session, 2**31) is None


def test_article_text(flood):
    with session_scope(flood) as session:
        first = latest_articles(session, limit=1)[0]
        assert article_text(session, first.id) == "Flood story 2."
        assert article_text(session, 99_999) is None and article_text(session, 2**40) is None


@pytest.mark.parametrize("unit, bins", [
    ("day", [(date(2024, 5, 2), 2), (date(2024, 5, 9), 1)]), ("week", [(date(2024, 4, 29), 2), (date(2024, 5, 6), 1)]),
    ("month", [(date(2024, 5, 1), 3)]), ("quarter", [(date(2024, 4, 1), 3)]), ("year", [(date(2024, 1, 1), 3)]),
])
def test_speaker_days_bins_in_the_database(flood, unit, bins):
    with session_scope(flood) as session:
        days = speaker_days(session, speaker_id=dujarric(flood), unit=unit)
    totals = {}
    for day in days:
        totals[day.day] = totals.get(day.day, 0) + day.quotes
    assert sorted(totals.items()) == bins
