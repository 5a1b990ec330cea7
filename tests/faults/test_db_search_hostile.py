"""Issue 12 'Exports' (held in the issue 13 run, kept by this test): whatever a person types into
`quotes search` (SQL, FTS5 and tsquery syntax, unbalanced quotes, control characters, 10 KB) never
raises and never changes the query's meaning or the data, on SQLite and PostgreSQL."""


import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from quotes.db import make_engine, session_scope
from quotes.db.queries import QuoteFilters, search_quotes
from quotes.db.store import ingest_article
from quotes.records import Article, QuoteRecord
from storage_helpers import empty_postgres

SYNTAX = ['"', "'", "*", "(", ")", "NEAR(", "NEAR/2", "AND", "OR", "NOT", "^", ":", "-", "+", "&", "|", "!",
          "<->", ":*", "\\", ";", "--", "/*", "*/", "'; DROP TABLE quote; --", "\x00", "\x1b", "\u202e", "é",
          "ß", "中", "pier", "harbour", " ", "\t", "\n"]
TYPED = st.lists(st.sampled_from(SYNTAX) | st.text(max_size=8), max_size=40).map("".join)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request, tmp_path_factory):
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("search") / "q.db")
    else:
        url = empty_postgres()
    engine = make_engine(url)
    body = '"We will rebuild the harbour pier," the mayor said.'
    with session_scope(engine) as session:
        ingest_article(session, article=Article(text=body, source="a.txt"), pipeline_version="1",
                       records=[QuoteRecord(source="a.txt", text="We will rebuild the harbour pier", start=1,
                                            end=33, kind="direct", speaker="Ana Ruiz", speaker_kind="person")])
    yield engine
    engine.dispose()


def quotes_stored(engine):
    with engine.connect() as connection:
        return connection.execute(text("SELECT count(*) FROM quote")).scalar()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=TYPED)
def test_any_typed_text_is_a_search_never_syntax(engine, typed):
    with session_scope(engine) as session:
        found = search_quotes(session, text=typed, filters=QuoteFilters(), limit=5)
    assert len(found) <= 1
    assert quotes_stored(engine) == 1


@pytest.mark.parametrize("typed", ["'; DROP TABLE quote; --", 'pier" OR "x', "NEAR(pier harbour)", '"pier',
                                   "harbour" * 1500, "pier*" * 2000, "(" * 5000])
def test_known_hostile_strings(engine, typed):
    with session_scope(engine) as session:
        search_quotes(session, text=typed, filters=QuoteFilters(), limit=5)
    assert quotes_stored(engine) == 1
