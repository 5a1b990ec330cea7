"""A small database for the web view's tests and screenshot: hand-written articles (no real article text)
from four outlets over seven weeks, one undated, with a statement that three articles carried (one of
them trimmed), an indirect quote, a discontinuous quote and text that needs HTML escaping."""

from __future__ import annotations

from datetime import date

from quotes.db import make_engine, session_scope
from quotes.db.store import ingest_article
from quotes.records import Article, QuoteRecord

REOPEN = "The harbour will reopen on Monday once the cranes are inspected, and not a day sooner"
REOPEN_TRIMMED = "The harbour will reopen on Monday once the cranes are inspected"
TAGS = "Tags like <b>this</b> & <script>alert(1)</script> mean nothing to a crane"


def quote(article, text, *, speaker, kind="direct", role=None, spans=None, cue="said", nth=0):
    start = article.text.index(text) if spans is None else spans[0][0]
    end = start + len(text) if spans is None else spans[-1][1]
    for _ in range(nth):
        start = article.text.index(text, start + 1)
        end = start + len(text)
    return QuoteRecord(source=article.source, text=text, start=start, end=end, kind=kind, spans=spans or [],
                       cue=cue, speaker=speaker, speaker_kind="person", mention=speaker.split()[-1], role=role,
                       confidence=0.9, rule="nsubj-of-cue")


def articles() -> list[tuple[Article, list[QuoteRecord]]]:
    wire = Article(source="wire.txt", title="Harbour to reopen after crane checks", outlet="Northwire",
                   url="https://northwire.example/harbour", published_at=date(2023, 3, 1), author="Jane Doe",
                   text=f'"{REOPEN}," said Ines Varga, who chairs the harbour authority.\n\n'
                        "Varga said the inspections were routine. Tomas Reyes said the union would wait "
                        "for the report.")
    ledger = Article(source="ledger.txt", title="Dockers welcome reopening date", outlet="Eastern Ledger",
                     url="https://ledger.example/dockers", published_at=date(2023, 3, 2),
                     text=f'"{REOPEN_TRIMMED}," Ines Varga said. Dockers welcomed the news.')
    courier_text = '"We have found no cracks," Varga said, "and the cranes are safe to use."'
    first, second = "We have found no cracks", "and the cranes are safe to use"
    spans = [[courier_text.index(first), courier_text.index(first) + len(first)],
             [courier_text.index(second), courier_text.index(second) + len(second)]]
    courier = Article(source="courier.txt", title="No cracks in harbour cranes", outlet="Coastal Courier",
                      url=None, published_at=date(2023, 3, 20), text=courier_text)
    times = Article(source="times.txt", title="Crane <operators> & the law", outlet="Bay & <Port> Times",
                    url="javascript:alert(1)", published_at=date(2023, 4, 18),
                    text=f'"{TAGS}," Varga joked. "{REOPEN}," she repeated.')
    undated = Article(source="note.txt", title=None, outlet=None, url=None, published_at=None,
                      text=f'"{REOPEN}," said Ines Varga.')
    return [
        (wire, [quote(wire, REOPEN, speaker="Ines Varga", role="harbour authority chair"),
                quote(wire, "the inspections were routine", speaker="Ines Varga", kind="indirect"),
                quote(wire, "the union would wait for the report", speaker="Tomas Reyes", kind="indirect",
                      role="union leader")]),
        (ledger, [quote(ledger, REOPEN_TRIMMED, speaker="Ines Varga")]),
        (courier, [quote(courier, f"{first} {second}", speaker="Ines Varga", spans=spans)]),
        (times, [quote(times, TAGS, speaker="Ines Varga", cue="joked"),
                 quote(times, REOPEN, speaker="Ines Varga", cue="repeated")]),
        (undated, [quote(undated, REOPEN, speaker="Ines Varga")]),
    ]


def build(url: str, stored=None) -> None:
    """Store the sample articles (or `stored`: (Article, [QuoteRecord]) pairs) in the database at `url`
    (created at the current schema)."""
    engine = make_engine(url)
    for article, records in (articles() if stored is None else stored):
        with session_scope(engine) as session:
            ingest_article(session, article=article, records=records, pipeline_version="test")
    engine.dispose()
