"""The web view's read side: read-only connections, statements grouped with the articles that carried them."""

from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from quotes.cli.web import database, open_readonly
from quotes.db.errors import NoDatabase, NotADatabase, SchemaOutOfDate

from webdata import REOPEN, REOPEN_TRIMMED


def varga(engine, sample_ids, **options):
    speakers, _ = sample_ids
    with Session(engine) as session:
        return database.speaker_page(session, speakers["Ines Varga"], **options)


def test_the_connection_refuses_writes(engine):
    with engine.connect() as connection:
        with pytest.raises(DBAPIError, match="(?i)read.?only"):
            connection.execute(text("UPDATE speaker SET name = 'x'"))


def test_a_missing_sqlite_file_is_not_created(tmp_path):
    path = tmp_path / "absent.db"
    with pytest.raises(NoDatabase, match="quotes ingest"):
        open_readonly(str(path))
    assert not path.exists()


def test_a_file_that_is_not_quote_tracker_is_refused(tmp_path):
    import sqlite3

    sqlite3.connect(tmp_path / "other.db").execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(NotADatabase, match="no migration record: it is not a quote-tracker database"):
        open_readonly(str(tmp_path / "other.db"))


def test_an_empty_file_holds_no_quote_tracker_data(tmp_path):
    (tmp_path / "empty.db").touch()
    with pytest.raises(NotADatabase, match="holds no quote-tracker data"):
        open_readonly(str(tmp_path / "empty.db"))


def test_the_engine_is_the_libraries_read_only_one(tmp_path, sqlite_url):
    from sqlalchemy.pool import QueuePool

    engine = open_readonly(sqlite_url)
    assert isinstance(engine.pool, QueuePool)  # not SingletonThreadPool: the server reads from many threads
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA query_only")).scalar() == 1
    engine.dispose()


def test_an_old_schema_asks_for_an_upgrade(tmp_path, sqlite_url):
    import shutil
    import sqlite3

    copy = tmp_path / "old.db"
    shutil.copy(sqlite_url.removeprefix("sqlite:///"), copy)
    with sqlite3.connect(copy) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0001'")
    with pytest.raises(SchemaOutOfDate, match="quotes db upgrade"):
        open_readonly(str(copy))


def test_statements_are_grouped_with_every_article_that_carried_them(engine, sample_ids):
    page = varga(engine, sample_ids)
    reopen = next(s for s in page.statements.rows if s.text == REOPEN)
    assert sorted(c.outlet or "" for c in reopen.carriers) == ["", "Bay & <Port> Times", "Eastern Ledger",
                                                               "Northwire"]
    assert reopen.outlets == ["Bay & <Port> Times", "Eastern Ledger", "Northwire"]
    assert (reopen.first_seen, reopen.last_seen) == (date(2023, 3, 1), date(2023, 4, 18))


def test_each_statement_appears_once_earliest_first(engine, sample_ids):
    page = varga(engine, sample_ids)
    assert page.statements.total == len(page.statements.rows) == 4  # reopen (4 articles), routine, no cracks, tags
    assert len({s.statement_id for s in page.statements.rows}) == 4
    firsts = [s.first_seen for s in page.statements.rows]
    assert firsts == sorted(firsts)
    assert sum(s.quotes for s in page.statements.rows) == sum(len(s.carriers) for s in page.statements.rows) \
        == page.speaker.quotes == 7


def test_statements_are_paged_in_the_database(engine, sample_ids):
    every = [s.text for s in varga(engine, sample_ids).statements.rows]
    pages = [varga(engine, sample_ids, limit=3, offset=offset).statements for offset in (0, 3)]
    assert [p.total for p in pages] == [4, 4]
    assert [s.text for p in pages for s in p.rows] == every


def test_a_statement_lists_only_its_first_articles(engine, sample_ids):
    page = varga(engine, sample_ids, carriers=2)
    reopen = next(s for s in page.statements.rows if s.text == REOPEN)
    assert (reopen.quotes, reopen.articles, len(reopen.carriers)) == (4, 4, 2)
    assert [c.published_at for c in reopen.carriers] == [date(2023, 3, 1), date(2023, 3, 2)]


def test_a_zoomed_page_counts_only_its_dates(engine, sample_ids):
    page = varga(engine, sample_ids, since=date(2023, 3, 1), until=date(2023, 3, 5))
    assert [s.quotes for s in page.statements.rows] == [2, 1]
    assert page.timeline.quotes == 3 and page.undated == 0
    assert varga(engine, sample_ids).undated == 1


def test_a_merged_speaker_leads_to_the_one_it_joined(merged):
    url, speakers = merged
    engine = open_readonly(url)
    with Session(engine) as session:
        assert database.live_speaker_id(session, speakers["Tomas Reyes"]) == speakers["Ines Varga"]
        assert database.live_speaker_id(session, speakers["Ines Varga"]) == speakers["Ines Varga"]
        assert database.live_speaker_id(session, 99_999) is None
    engine.dispose()


def test_an_article_comes_with_its_exact_text_and_quotes(engine, sample_ids):
    _, articles = sample_ids
    with Session(engine) as session:
        page = database.article_page(session, articles["courier.txt"])
        assert page.text.startswith('"We have found no cracks,"')
        [quote] = page.quotes
        assert [page.text[s:e] for s, e in quote.spans] == ["We have found no cracks",
                                                             "and the cranes are safe to use"]
        assert database.article_page(session, 99_999) is None


def test_search_finds_statements_and_speakers(engine):
    with Session(engine) as session:
        assert [s.name for s in database.search(session, "Varga").speakers] == ["Ines Varga"]
        found = database.search(session, "cranes inspected")
        [hit] = found.statements.rows  # one statement, 4 quotes; the best matching one shown
        assert hit.quote.text.startswith(REOPEN_TRIMMED) and (hit.quotes, hit.articles) == (4, 4)
        empty = database.search(session, "   ")
        assert (empty.speakers, empty.statements.rows, empty.statements.total) == ([], [], 0)


def test_the_overview_counts_and_ranks(engine):
    with Session(engine) as session:
        found = database.overview(session)
        second = database.overview(session, limit=2, offset=2)
    assert found.counts["articles"] == 5 and found.counts["quotes"] == 8
    assert found.speakers[0].name == "Ines Varga"
    assert found.articles[0].published_at == date(2023, 4, 18) and found.articles[-1].published_at is None
    assert [a.id for a in second.articles] == [a.id for a in found.articles[2:4]]


def test_statements_of_one_day_keep_text_order_and_undated_articles_come_last(engine, sample_ids):
    page = varga(engine, sample_ids)
    assert [s.text for s in page.statements.rows[:2]] == [REOPEN, "the inspections were routine"]
    assert [c.published_at for c in page.statements.rows[0].carriers][-1] is None


def test_a_corrupted_file_is_one_clear_error(tmp_path):
    from quotes.db.errors import DatabaseError

    (tmp_path / "broken.db").write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(DatabaseError, match=r"broken\.db is not a SQLite database"):
        open_readonly(str(tmp_path / "broken.db"))


def test_the_most_quoted_speakers_are_counted_again_only_after_a_change(monkeypatch, tmp_path):
    import webdata
    from quotes.db import make_engine, session_scope
    from quotes.db.identity import merge_speakers

    url = f"sqlite:///{tmp_path / 'kept.db'}"
    webdata.build(url)
    engine = open_readonly(url)
    counted = []
    real = database.queries.list_speakers
    monkeypatch.setattr(database.queries, "list_speakers", lambda *a, **k: counted.append(1) or real(*a, **k))
    kept = database.TopSpeakers()

    def names():
        with Session(engine) as session:
            return [s.name for s in database.overview(session, kept=kept).speakers]

    assert names() == names() == ["Ines Varga", "Tomas Reyes"] and len(counted) == 1  # kept, not counted again
    writer = make_engine(url)
    with session_scope(writer) as session:
        ids = dict(session.execute(text("SELECT name, id FROM speaker")).all())
        merge_speakers(session, keep_id=ids["Ines Varga"], merge_id=ids["Tomas Reyes"])
    writer.dispose()
    assert names() == ["Ines Varga"] and len(counted) == 2  # the merge moved the marks
    engine.dispose()
