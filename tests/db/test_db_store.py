"""Ingest semantics and statement tracking, on SQLite and PostgreSQL."""

from datetime import date, datetime

import pytest
from sqlalchemy.exc import IntegrityError

from dbhelpers import article, ingest, one, quote

LONG = "We will keep the aid convoys moving through the northern crossing every single day"


def test_ingest_then_same_text_again_adds_nothing(engine):
    doc = article("Body one.")
    first = ingest(engine, doc, [quote(LONG, "Stéphane Dujarric")])
    again = ingest(engine, article("Body one.", source="copy.txt", title="Other"), [quote(LONG, "Someone Else")])
    assert (first.status, first.quote_count) == ("ingested", 1)
    assert (again.status, again.article_id, again.quote_count) == ("duplicate", first.article_id, 1)
    assert one(engine, "SELECT count(*) FROM quote") == 1
    assert one(engine, "SELECT count(*) FROM speaker") == 1


def test_failed_article_leaves_nothing_behind(engine):
    broken = quote(LONG, "Amara Osei")
    broken.start = None  # NOT NULL: fails after the article and speaker rows were written
    with pytest.raises(IntegrityError):
        ingest(engine, article("Body two."), [quote("First words here", "Amara Osei"), broken])
    for table in ("article", "speaker", "alias", "statement", "quote"):
        assert one(engine, f"SELECT count(*) FROM {table}") == 0, table


def test_reprocess_replaces_quotes_only_for_older_pipeline(engine):
    doc = article("Body three.")
    ingest(engine, doc, [quote(LONG, "Amara Osei"), quote("An old wrong quote that goes away", "Amara Osei")],
           version="1")
    same = ingest(engine, doc, [quote("ignored", "Nobody Here")], version="1", reprocess=True)
    redone = ingest(engine, doc, [quote(LONG, "Amara Osei")], version="2", reprocess=True)
    assert same.status == "duplicate"
    assert (redone.status, redone.quote_count) == ("reprocessed", 1)
    assert one(engine, "SELECT count(*) FROM quote") == 1
    # The statement only the old extraction had is gone; the kept one counts one occurrence, not two.
    assert one(engine, "SELECT count(*) FROM statement") == 1
    assert one(engine, "SELECT occurrences FROM statement") == 1
    assert one(engine, "SELECT pipeline_version FROM article") == "2"


def test_newer_stored_pipeline_is_not_reprocessed(engine):
    doc = article("Body four.")
    ingest(engine, doc, [quote(LONG, "Amara Osei")], version="1.10")
    assert ingest(engine, doc, [], version="1.9", reprocess=True).status == "duplicate"


def test_same_words_in_two_outlets_are_one_statement(engine):
    ingest(engine, article("Body A.", outlet="Wire", published_at=date(2024, 3, 2)),
           [quote('We\'re "ready" to talk, now.', "Amara Osei")])
    ingest(engine, article("Body B.", outlet="Paper", published_at=date(2024, 3, 1)),
           [quote("we’re “ready” to  talk — NOW", "Amara Osei")])
    assert one(engine, "SELECT count(*) FROM statement") == 1
    assert one(engine, "SELECT occurrences FROM statement") == 2
    first_seen = one(engine, "SELECT first_seen FROM statement")
    assert str(first_seen).startswith("2024-03-01")


def test_trimmed_fragment_joins_the_longer_statement_either_order(engine):
    fragment = "keep the aid convoys moving through the northern crossing"
    ingest(engine, article("Body C."), [quote(fragment, "Amara Osei")])
    ingest(engine, article("Body D."), [quote(LONG, "Amara Osei")])
    ingest(engine, article("Body E."), [quote(fragment + ".", "Amara Osei")])
    assert one(engine, "SELECT count(*) FROM statement") == 1
    assert one(engine, "SELECT occurrences FROM statement") == 3
    assert one(engine, "SELECT text FROM statement") == LONG  # known by its longest version


def test_short_fragment_stays_its_own_statement(engine):
    ingest(engine, article("Body F."), [quote(LONG, "Amara Osei")])
    ingest(engine, article("Body G."), [quote("the northern crossing every single day", "Amara Osei")])
    assert one(engine, "SELECT count(*) FROM statement") == 2


def test_same_words_by_two_speakers_are_two_statements(engine):
    ingest(engine, article("Body H."), [quote(LONG, "Amara Osei"), quote(LONG, "Tomas Brandt", start=90)])
    assert one(engine, "SELECT count(*) FROM statement") == 2


def test_first_seen_falls_back_to_ingest_time(engine):
    before = datetime.utcnow()
    ingest(engine, article("Body I.", published_at=None), [quote(LONG, "Amara Osei")])
    first_seen = one(engine, "SELECT first_seen FROM statement")
    if isinstance(first_seen, str):
        first_seen = datetime.fromisoformat(first_seen)
    assert first_seen >= before.replace(microsecond=0)


def test_quote_keeps_every_contract_field(engine):
    record = quote(LONG, "Amara Osei", role="health minister", kind="mixed", start=12)
    record.spans = [[12, 40], [52, 101]]
    record.cue_start, record.cue_end, record.mention_start, record.mention_end = 5, 9, 0, 10
    ingest(engine, article("Body J."), [record])
    from quotes.db import session_scope
    from quotes.db.models import Quote
    from sqlmodel import select
    with session_scope(engine) as session:
        stored = session.exec(select(Quote)).one()
        assert (stored.spans, stored.kind, stored.cue, stored.cue_start, stored.cue_end) == (
            [[12, 40], [52, 101]], "mixed", "said", 5, 9)
        assert (stored.mention, stored.mention_start, stored.mention_end, stored.role) == (
            "Amara Osei", 0, 10, "health minister")
        assert (stored.start, stored.end, stored.confidence, stored.rule) == (12, 12 + len(LONG), 0.9, "nsubj-of-cue")


def test_quote_without_speaker_is_stored_without_statement(engine):
    result = ingest(engine, article("Body K."), [quote(LONG, None, speaker_kind="unknown")])
    assert result.quote_count == 1
    assert one(engine, "SELECT count(*) FROM statement") == 0
    assert one(engine, "SELECT count(*) FROM quote WHERE speaker_id IS NULL") == 1


def test_role_dates_widen_across_articles(engine):
    for day in (5, 1, 9):
        ingest(engine, article(f"Body L{day}.", published_at=date(2024, 4, day)),
               [quote(f"Statement number {day}", "Amara Osei", role="Health Minister")])
    assert one(engine, "SELECT count(*) FROM role") == 1
    assert str(one(engine, "SELECT first_seen FROM role")) == "2024-04-01"
    assert str(one(engine, "SELECT last_seen FROM role")) == "2024-04-09"
