"""Fixtures: the sample database (webdata.py) on SQLite and, when QUOTES_TEST_POSTGRES_URL is set, on
PostgreSQL; a Starlette TestClient over it; and a real uvicorn server for the browser tests."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import create_engine, text

import webdata

POSTGRES_ENV = "QUOTES_TEST_POSTGRES_URL"


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}"
    webdata.build(url)
    return url


@pytest.fixture(scope="session")
def postgres_url():
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"{POSTGRES_ENV} is not set: run `eval \"$(bash .ci/postgres.sh)\"` (as root) to test "
                    "the web view on PostgreSQL too")
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    webdata.build(url)
    return url


@pytest.fixture
def merged(tmp_path):
    """A copy of the sample database where Tomas Reyes was merged into Ines Varga: (url, ids by name)."""
    from quotes.db import make_engine, session_scope
    from quotes.db.identity import merge_speakers

    url = f"sqlite:///{tmp_path / 'merged.db'}"
    webdata.build(url)
    writer = make_engine(url)
    with session_scope(writer) as session:
        speakers = dict(session.execute(text("SELECT name, id FROM speaker")).all())
        merge_speakers(session, keep_id=speakers["Ines Varga"], merge_id=speakers["Tomas Reyes"])
    writer.dispose()
    return url, speakers


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request):
    return request.getfixturevalue(f"{request.param}_url")


@pytest.fixture
def engine(db_url):
    from quotes.cli.web import open_readonly

    engine = open_readonly(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def client(engine):
    from starlette.testclient import TestClient

    from quotes.cli.web import create_app

    with TestClient(create_app(engine)) as client:
        yield client


def ids(engine):
    """Speaker ids by name and article ids by source, read from the sample database."""
    with engine.connect() as connection:
        speakers = dict(connection.execute(text("SELECT name, id FROM speaker")).all())
        articles = dict(connection.execute(text("SELECT source, id FROM article")).all())
    return speakers, articles


@pytest.fixture
def sample_ids(engine):
    return ids(engine)
