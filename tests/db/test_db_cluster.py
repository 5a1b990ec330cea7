"""`ingest --cluster`: extraction on a real Dask LocalCluster (2 worker processes) stores exactly what a plain
single-process ingest stores, on SQLite and on PostgreSQL; a bad article fails alone; no scheduler is one
clear error."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from quotes.db import make_engine
from quotes.ingest.store import Failure, Stored, ingest_paths

distributed = pytest.importorskip("distributed")

import cluster_fakes  # noqa: E402  (a module the worker processes can import)

NAMES = ["Amara Osei", "Tomas Brandt", "Lena Virtanen", "Kofi Mensah"]
SENTENCES = ["The convoy reached the northern districts late on Tuesday",
             "We have asked both sides to let the engineers repair the pumps",
             "Nobody should have to choose between food and medicine this winter"]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def write_articles(folder, count=20):
    folder.mkdir()
    for i in range(count):
        quotes = " ".join(f'"{SENTENCES[(i + j) % 3]}," said {NAMES[(i * 2 + j) % 4]}. More text follows.'
                          for j in range(2))
        (folder / f"story-{i:02d}.txt").write_text(f"Story {i}\n\nA report on day {i}. {quotes}\n")
    (folder / "story-bad.txt").write_text('Story bad\n\n"It breaks," said Amara Osei. CRASH\n')
    return folder


def snapshot(url):
    engine = make_engine(url)
    queries = {
        "articles": "SELECT title, content_hash FROM article ORDER BY content_hash",
        "quotes": "SELECT a.content_hash, q.start, q.end, q.text, s.name FROM quote q JOIN article a ON "
                  "a.id = q.article_id LEFT JOIN speaker s ON s.id = q.speaker_id "
                  "ORDER BY a.content_hash, q.start",
        "speakers": "SELECT name FROM speaker ORDER BY name",
        "statements": "SELECT s.name, st.text, st.occurrences FROM statement st JOIN speaker s ON "
                      "s.id = st.speaker_id ORDER BY s.name, st.text",
    }
    with engine.connect() as connection:
        found = {name: [tuple(row) for row in connection.execute(text(sql.replace("q.end", 'q."end"')))]
                 for name, sql in queries.items()}
    engine.dispose()
    return found


def test_cluster_ingest_equals_plain_ingest(client, db_url, tmp_path):
    folder = write_articles(tmp_path / "articles")
    plain_url = f"sqlite:///{tmp_path / 'plain.db'}"
    plain = list(ingest_paths(make_engine(plain_url), [str(folder)], extractor_factory=cluster_factory))
    clustered = list(ingest_paths(make_engine(db_url), [str(folder)], extractor_factory=cluster_factory,
                                  cluster=client))

    assert [type(o).__name__ for o in clustered] == [type(o).__name__ for o in plain]
    failed = [o for o in clustered if isinstance(o, Failure)]
    assert len(failed) == 1 and failed[0].source.endswith("story-bad.txt") and "parser crashed" in failed[0].reason
    assert sum(o.statements for o in clustered if isinstance(o, Stored)) == 40
    expected, got = snapshot(plain_url), snapshot(db_url)
    assert got == expected
    assert len(got["articles"]) == 20 and len(got["speakers"]) == 4

    again = list(ingest_paths(make_engine(db_url), [str(folder)], extractor_factory=cluster_factory, cluster=client))
    assert {o.status for o in again if isinstance(o, Stored)} == {"duplicate"}  # rerun: nothing doubled
    assert snapshot(db_url) == expected


def test_each_worker_builds_the_extractor_once(client, tmp_path):
    folder = write_articles(tmp_path / "articles")
    before = client.run(cluster_fakes.builds_here)
    list(ingest_paths(make_engine(f"sqlite:///{tmp_path / 'a.db'}"), [str(folder)],
                      extractor_factory=cluster_factory, cluster=client))
    after = client.run(cluster_fakes.builds_here)
    # 21 articles in 3 batches: one build per worker process for the run, not one per batch
    assert sorted(after[worker] - before.get(worker, 0) for worker in after) == [1, 1]


def test_no_scheduler_is_one_clear_line_and_nothing_stored(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from quotes.ingest import cluster
    from quotes.cli.context import App
    from quotes.cli.main import main

    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1.0)
    folder = write_articles(tmp_path / "articles", count=1)
    url = f"sqlite:///{tmp_path / 'a.db'}"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", url, "--cluster", "tcp://127.0.0.1:9",
                                       "--no-progress"], obj=App(extractor_factory=cluster_factory))
    assert result.exit_code == 1
    assert "Error: no Dask scheduler answered at tcp://127.0.0.1:9" in result.output
    assert "Traceback" not in result.output
    assert snapshot(url)["articles"] == []


def cluster_factory():
    return cluster_fakes.factory()
