"""A separate process that ingests a fixed set of articles; test_db_concurrency runs two of them at once."""

from __future__ import annotations

import sys
import time
from datetime import date

SPEAKERS = ["Stéphane Dujarric", "Stephane Dujarric", "Amara Osei", "Dr Amara Osei", "Tomas Brandt"]
SENTENCES = [
    "The convoy reached the northern districts late on Tuesday evening after long delays",
    "We have asked both sides to let the engineers repair the water station",
    "Nobody should have to choose between food and medicine this winter",
    "The ceasefire has held in the east for a full week now",
]


def articles_for(worker: int, count: int):
    """(article text, [(speaker, sentence), ...]) pairs: half shared by both workers, half their own."""
    result = []
    for i in range(count):
        for text in (f"Shared article number {i}.", f"Worker {worker} article number {i}."):
            pairs = [(SPEAKERS[(i + j) % len(SPEAKERS)], SENTENCES[(i * 3 + j) % len(SENTENCES)]) for j in range(2)]
            result.append((text, pairs))
    return result


def main(url: str, worker: int, count: int, start_at: float) -> None:
    from quotes.db import make_engine, session_scope
    from quotes.db.store import ingest_article
    from quotes.records import Article, QuoteRecord

    engine = make_engine(url)
    time.sleep(max(0.0, start_at - time.time()))  # both processes begin writing together
    for text, pairs in articles_for(worker, count):
        doc = Article(text=text, source=f"w{worker}.txt", outlet=f"Outlet {worker}", published_at=date(2024, 1, 2))
        records = [QuoteRecord(source=doc.source, text=sentence, start=0, end=len(sentence), kind="direct",
                               speaker=speaker, speaker_kind="person") for speaker, sentence in pairs]
        with session_scope(engine) as session:
            ingest_article(session, article=doc, records=records, pipeline_version="1")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]))
