"""Fixtures: every store test runs on a temporary SQLite file and, when QUOTES_TEST_POSTGRES_URL is set,
on PostgreSQL (start one with `eval "$(.ci/postgres.sh)"`)."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import create_engine, text

from quotes.db import make_engine

POSTGRES_ENV = "QUOTES_TEST_POSTGRES_URL"
NO_POSTGRES = (f"{POSTGRES_ENV} is not set: run `eval \"$(.ci/postgres.sh)\"` (as root) to start a "
               "throwaway PostgreSQL and run these tests against it too")


def reset_postgres(url: str) -> None:
    """An empty public schema, so each test starts from a new database."""
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'quotes.db'}"
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(NO_POSTGRES)
    reset_postgres(url)
    return url


@pytest.fixture
def engine(db_url):
    engine = make_engine(db_url)
    yield engine
    engine.dispose()
