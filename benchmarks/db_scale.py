"""Storage at scale: synthetic quotes over many speakers and articles in SQLite, then look-up latencies.

    python benchmarks/db_scale.py                       # 1,000,000 quotes / 20,000 speakers / 100,000 articles
    python benchmarks/db_scale.py --quotes 100000 --speakers 2000 --articles 10000
    python benchmarks/db_scale.py --db /tmp/scale.db --only web   # reuse a filled file, time the web pages

Prints: bulk-insert rate; ingest_article rate (the real path: speaker and statement matching);
median/p95 of alias-aware lookup-by-speaker, of statement listing for one speaker; the web home page's
top 20 speakers; full-text search for a word in nearly every quote ('the') and a rarer one; CSV export rate
(one speaker's quotes, then every quote: what `quotes export --format csv` writes; then every quote through
the csv module, the path of databases other than SQLite); the web view's pages
requested through its ASGI app (Starlette's TestClient: routing, SQL, templates, no network): home, its 500th
page, a speaker with ~10,000 quotes (page 1, a later page, zoomed to a month), searches. Aim: lookups under
20 ms median, export at 50,000 rows per second or more, web pages under 300 ms median and p95. --db with an
existing file reuses it (no new rows). tests/test_benchmarks.py runs it at a small size.
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import tempfile
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, text

from quotes.cli.export import export_csv, write_csv
from quotes.db import make_engine, session_scope
from quotes.db.export import export_batches
from quotes.db.models import Alias, StoredArticle, Quote, StoredSpeaker, Statement
from quotes.db.names import name_parts
from quotes.db.queries import QuoteFilters, find_speakers, list_speakers, quotes_by, search_quotes, statements_by
from quotes.db.statements import statement_key
from quotes.db.store import content_hash, ingest_article
from quotes.records import Article as ArticleRecord
from quotes.records import QuoteRecord

FIRST = ["Amara", "Stéphane", "Chloe", "Owen", "Marta", "Tomas", "Élodie", "Bruno", "Ana", "Kwame", "Ingrid",
         "Rahul", "Mei", "Jonas", "Fatima", "Pavel", "Lucía", "Noah", "Aiko", "Dmitri"]
SYLLABLES = ["ka", "lo", "mi", "ren", "dor", "sta", "vi", "bel", "an", "tor", "su", "wen", "gar", "ne", "pol",
             "ru", "des", "fa", "ho", "qui", "ber", "lin", "mo", "za"]
WORDS = ("the council will review water supply budget schools hospital road border convoy ceasefire "
         "talks tariffs election vote reform housing rates inflation farmers workers strike safety").split()
OUTLETS = [f"Outlet {n}" for n in range(20)]
BATCH = 20_000
HEAVY_SPEAKERS = 10  # a few officials are quoted far more often than everyone else (~10,000 quotes each at 1M)


@dataclass
class Scale:
    quotes: int
    speakers: int
    articles: int
    statements_per_speaker: int


def synthetic_names(count: int, rng: random.Random) -> list[str]:
    names = set()
    while len(names) < count:
        surname = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3, 3, 4)))).capitalize()
        names.add(f"{rng.choice(FIRST)} {surname}")
    return sorted(names)


def sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(9, 20))).capitalize()


def timed(label: str, rows: int, start: float) -> None:
    seconds = time.perf_counter() - start
    print(f"{label}: {rows:,} rows in {seconds:.1f} s = {rows / seconds:,.0f} rows/s", flush=True)


def bulk_load(engine, scale: Scale, rng: random.Random) -> list[str]:
    names = synthetic_names(scale.speakers, rng)
    start = time.perf_counter()
    with engine.begin() as connection:
        connection.execute(insert(StoredSpeaker.__table__), [_speaker(i + 1, name) for i, name in enumerate(names)])
        connection.execute(insert(Alias.__table__), [a for i, name in enumerate(names) for a in _aliases(i + 1, name)])
        for first in range(0, scale.articles, BATCH):
            connection.execute(insert(StoredArticle.__table__), [_article(n, rng) for n in
                                                           range(first + 1, min(first + BATCH, scale.articles) + 1)])
        statements = _statements(scale, rng)
        connection.execute(insert(Statement.__table__), statements)
    timed("bulk insert speakers+aliases+articles+statements", scale.speakers * 3 + scale.articles + len(statements), start)
    start = time.perf_counter()
    for first in range(0, scale.quotes, BATCH):
        with engine.begin() as connection:
            count = min(BATCH, scale.quotes - first)
            connection.execute(insert(Quote.__table__), [_quote(scale, statements, rng) for _ in range(count)])
    timed("bulk insert quotes (with FTS5 triggers and indexes)", scale.quotes, start)
    with engine.begin() as connection:
        connection.execute(text("UPDATE statement SET occurrences = "
                                "(SELECT count(*) FROM quote WHERE quote.statement_id = statement.id)"))
        connection.exec_driver_sql("ANALYZE")
    return names


def _speaker(speaker_id: int, name: str) -> dict:
    parts = name_parts(name)
    return dict(id=speaker_id, name=name, kind="person", identity_key=parts.key, name_key=parts.key,
                surname_key=parts.surname, created_at=datetime(2024, 1, 1))


def _aliases(speaker_id: int, name: str) -> list[dict]:
    surname = name.split()[-1]
    return [dict(speaker_id=speaker_id, name=name, key=name_parts(name).key, manual=False),
            dict(speaker_id=speaker_id, name=f"{name[0]}. {surname}", key=name_parts(f"{name[0]}. {surname}").key,
                 manual=False)]


def _article(article_id: int, rng: random.Random) -> dict:
    body = f"Synthetic article {article_id}."
    return dict(id=article_id, source=f"a{article_id}.txt", title=f"Story {article_id}", outlet=rng.choice(OUTLETS),
                published_at=date(2022, 1, 1) + timedelta(days=rng.randrange(1000)), text=body,
                content_hash=content_hash(body), pipeline_version="1", ingested_at=datetime(2025, 1, 1))


def _statements(scale: Scale, rng: random.Random) -> list[dict]:
    rows = []
    for speaker_id in range(1, scale.speakers + 1):
        for _ in range(scale.statements_per_speaker):
            words = sentence(rng)
            rows.append(dict(id=len(rows) + 1, speaker_id=speaker_id, text=words, key=statement_key(words),
                             word_count=len(words.split()), first_seen=datetime(2022, 1, 1), occurrences=0))
    return rows


def _quote(scale: Scale, statements: list[dict], rng: random.Random) -> dict:
    if rng.random() < 0.1:
        speaker_id = rng.randint(1, HEAVY_SPEAKERS)
    else:
        speaker_id = rng.randint(1, scale.speakers)
    statement = statements[(speaker_id - 1) * scale.statements_per_speaker + rng.randrange(scale.statements_per_speaker)]
    start = rng.randrange(2000)
    return dict(article_id=rng.randint(1, scale.articles), speaker_id=speaker_id, statement_id=statement["id"],
                alias_key=None, source="synthetic", text=statement["text"], start=start,
                end=start + len(statement["text"]), spans=[], kind="direct", cue="said", speaker=None,
                speaker_kind="person", role=None, confidence=0.9, rule="nsubj-of-cue",
                updated_at=datetime(2025, 1, 1))


def ingest_rate(engine, names: list[str], rng: random.Random, articles: int) -> None:
    """The real write path: speaker resolution and statement matching for every quote."""
    start = time.perf_counter()
    quotes = 0
    for n in range(articles):
        doc = ArticleRecord(text=f"Fresh article {n} {rng.random()}", source=f"fresh{n}.txt", outlet="Wire",
                            published_at=date(2025, 2, 1))
        records = [QuoteRecord(source=doc.source, text=sentence(rng), start=0, end=10, kind="direct",
                               speaker=rng.choice(names), speaker_kind="person") for _ in range(10)]
        with session_scope(engine) as session:
            quotes += ingest_article(session, article=doc, records=records, pipeline_version="1").quote_count
    seconds = time.perf_counter() - start
    print(f"ingest_article: {articles} articles, {quotes} quotes in {seconds:.1f} s = "
          f"{articles / seconds:,.1f} articles/s, {quotes / seconds:,.0f} quotes/s", flush=True)


def latency(label: str, samples: list[float]) -> None:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    print(f"{label}: median {statistics.median(ordered) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms "
          f"over {len(ordered)} look-ups", flush=True)


def lookups(engine, names: list[str], rng: random.Random, count: int) -> None:
    find, by_speaker, listing = [], [], []
    with session_scope(engine) as session:
        for _ in range(count):
            name = rng.choice(names)
            query = rng.choice([name.upper(), f"Mr {name.split()[-1]}", f"{name[0]}. {name.split()[-1]}"])
            start = time.perf_counter()
            speakers = find_speakers(session, name=query)
            find.append(time.perf_counter() - start)
            rows = list(quotes_by(session, speaker_ids=[s.id for s in speakers], filters=QuoteFilters()))
            by_speaker.append(time.perf_counter() - start)
            assert speakers and rows is not None
            start = time.perf_counter()
            statements_by(session, speaker_id=speakers[0].id)
            listing.append(time.perf_counter() - start)
    latency("find_speakers (alias-aware)", find)
    latency("lookup-by-speaker (find_speakers + all their quotes)", by_speaker)
    latency("statements_by (one speaker)", listing)


def page_queries(engine, rounds: int) -> None:
    """The web home page's most quoted speakers, and full-text search for a common and a rarer word."""
    top, common, rare = [], [], []
    with session_scope(engine) as session:
        for _ in range(rounds):
            start = time.perf_counter()
            assert list_speakers(session, limit=20)
            top.append(time.perf_counter() - start)
            start = time.perf_counter()
            search_quotes(session, text="the", filters=QuoteFilters())
            common.append(time.perf_counter() - start)
            start = time.perf_counter()
            search_quotes(session, text="ceasefire convoy", filters=QuoteFilters())
            rare.append(time.perf_counter() - start)
    latency("home page: the 20 most quoted speakers (list_speakers limit=20)", top)
    latency("search 'the' (in nearly every quote)", common)
    latency("search 'ceasefire convoy'", rare)


def web_pages(path: Path, rounds: int) -> None:
    """Each page of the web view `rounds` times through its ASGI app, as a browser would ask for it."""
    from starlette.testclient import TestClient

    from quotes.cli.web import create_app, open_readonly

    engine = open_readonly(str(path))
    with engine.connect() as connection:  # the most quoted speaker, and the busiest month of theirs
        speaker, quoted = connection.execute(text("SELECT speaker_id, count(*) FROM quote GROUP BY speaker_id "
                                                  "ORDER BY count(*) DESC LIMIT 1")).one()
        month = connection.execute(text("SELECT min(published_at) FROM article")).scalar_one()
        articles, statements = (connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                                for table in ("article", "statement"))
        said = connection.execute(text("SELECT count(DISTINCT statement_id) FROM quote WHERE speaker_id = :id"),
                                  {"id": speaker}).scalar_one()
    month = date.fromisoformat(str(month)[:10]).replace(day=1)
    deep, later = max(1, min(500, articles // 20)), max(1, min(20, statements // 100))  # pages that exist
    pages = {"home": "/", f"home, page {deep}": f"/?page={deep}",
             f"speaker ({quoted:,} quotes)": f"/speakers/{speaker}",
             f"speaker, statements page {2 if said > 20 else 1}": f"/speakers/{speaker}?page={2 if said > 20 else 1}",
             "speaker zoomed to a month": f"/speakers/{speaker}?from={month}&to={month + timedelta(days=30)}",
             "search 'the' (in nearly every quote)": "/search?q=the",
             f"search 'the', page {later}": f"/search?q=the&page={later}",
             "search 'ceasefire convoy'": "/search?q=ceasefire+convoy"}
    with TestClient(create_app(engine)) as client:
        for label, url in pages.items():
            samples, cpu = [], []
            for _ in range(rounds + 1):
                start, start_cpu = time.perf_counter(), time.process_time()
                response = client.get(url)
                samples.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)  # the app runs in this process: its CPU time
                assert response.status_code == 200, (url, response.status_code)
            latency(f"web {label} ({len(response.content) / 1000:,.0f} kB)", samples[1:])  # the first warms caches
            print(f"  CPU: median {statistics.median(cpu[1:]) * 1000:.0f} ms", flush=True)
    engine.dispose()


def filled(path: Path) -> bool:
    if not path.is_file():
        return False
    engine = make_engine(str(path))
    with engine.connect() as connection:
        quotes = connection.execute(text("SELECT count(*) FROM quote")).scalar_one()
    engine.dispose()
    return quotes > 0


def export_rate(engine) -> None:
    """`quotes export --format csv` (export_csv: on SQLite, lines written by SQLite), and every quote through
    the csv module as well, the path other databases take."""
    every = dict(speaker_ids=None, filters=QuoteFilters())
    runs = (("one (heavily quoted) speaker's quotes", lambda session, out: export_csv(
                session, dict(speaker_ids=[1], filters=QuoteFilters()), out)),
            ("every quote", lambda session, out: export_csv(session, every, out)),
            ("every quote through the csv module (other databases)", lambda session, out: write_csv(
                export_batches(session, **every), out)))
    for label, export in runs:
        with session_scope(engine) as session:
            start, cpu = time.perf_counter(), time.process_time()
            rows = export(session, io.StringIO())
            cpu = time.process_time() - cpu
        timed(f"CSV export of {label}", rows, start)
        print(f"  ({rows / cpu:,.0f} rows per CPU-second)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--speakers", type=int, default=20_000)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--statements-per-speaker", type=int, default=30)
    parser.add_argument("--lookups", type=int, default=300)
    parser.add_argument("--page-rounds", type=int, default=10, help="home page and search look-ups")
    parser.add_argument("--ingest-articles", type=int, default=200)
    parser.add_argument("--db", help="SQLite file to fill (default: a temporary file, deleted afterwards); one "
                        "already filled is reused as it is")
    parser.add_argument("--only", choices=["all", "web"], default="all", help="web: time the web pages only")
    parser.add_argument("--web-rounds", type=int, default=20, help="requests per web page")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    scale = Scale(args.quotes, args.speakers, args.articles, args.statements_per_speaker)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(args.db or Path(folder) / "scale.db")
        print(f"SQLite {path}: {scale.quotes:,} quotes, {scale.speakers:,} speakers, {scale.articles:,} articles",
              flush=True)
        reused = filled(path)
        engine = make_engine(str(path))
        if reused:
            print("reusing the rows already there", flush=True)
            with engine.connect() as connection:
                names = list(connection.execute(text("SELECT name FROM speaker ORDER BY id")).scalars())
        else:
            names = bulk_load(engine, scale, rng)
        if args.only == "all":
            if not reused:
                ingest_rate(engine, names, rng, args.ingest_articles)
            lookups(engine, names, rng, args.lookups)
            page_queries(engine, args.page_rounds)
            export_rate(engine)
        engine.dispose()
        web_pages(path, args.web_rounds)
        print(f"database size: {path.stat().st_size / 1e6:,.0f} MB")


if __name__ == "__main__":
    main()
