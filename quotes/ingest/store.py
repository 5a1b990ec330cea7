"""Ingest: articles under some paths, through extraction, into the database, one transaction per article.

The library room for `quotes ingest` (the command adds only options, progress and the summary); the one
module that imports both the extraction core and quotes.db. Extraction itself is quotes.ingest.batch's, with
the extractor injected, so a caller without Stanza (tests, another NLP) passes its own factory.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from typing import Callable, Iterable, Iterator, Optional, Union

from sqlalchemy.exc import DBAPIError

from quotes import PIPELINE_VERSION
from quotes.ingest.article import DEFAULT_MAX_BYTES
from quotes.ingest.batch import Extracted, ExtractorFactory, Failure, Skipped, expand_paths, extract_results, read_expanded
from quotes.db.engine import session_scope
from quotes.db.errors import concerns_the_database, driver_reason
from quotes.db.failures import unavailable
from quotes.db.store import ingest_article, needs_extraction
from quotes.errors import QuotesError
from quotes.records import Article

__all__ = ["Stored", "Outcome", "Failure", "ingest_paths", "ingest_expanded", "store"]


@dataclass
class Stored:
    source: str
    status: str  # "ingested" | "duplicate" | "reprocessed"
    statements: int
    dated: bool = True  # False when the article has no publication date (`--since`/`--until` leave it out)


Outcome = Union[Stored, Failure]


def ingest_paths(engine, paths: Iterable[str], *, extractor_factory: ExtractorFactory, workers: int = 1,
                 reprocess: bool = False, max_bytes: int = DEFAULT_MAX_BYTES, outlet: Optional[str] = None,
                 url: Optional[str] = None, published: Optional[date] = None,
                 pipeline_version: str = PIPELINE_VERSION, cluster=None) -> Iterator[Outcome]:
    """Store every article under `paths` (files, directories, globs, `-`); yields what happened to each.

    Articles already stored (same text) are not sent through the NLP unless `reprocess` and their
    pipeline version is older. One article that fails is a Failure; the rest go on. `cluster` (a Dask
    scheduler address or Client) extracts on that cluster instead of `workers` local processes; storing
    stays here, one transaction per article.

    Example:
        for outcome in quotes.ingest_paths(engine, ["articles/"], extractor_factory=quotes.stanza_extractor):
            print(outcome)      # Stored(source, status, statements) or Failure(source, reason)
    """
    return ingest_expanded(engine, expand_paths(paths), extractor_factory=extractor_factory, workers=workers,
                           reprocess=reprocess, max_bytes=max_bytes, outlet=outlet, url=url,
                           published=published, pipeline_version=pipeline_version, cluster=cluster)


def ingest_expanded(engine, expanded: Iterable[Union[str, Failure]], *, extractor_factory: ExtractorFactory,
                    workers: int = 1, reprocess: bool = False, max_bytes: int = DEFAULT_MAX_BYTES,
                    outlet: Optional[str] = None, url: Optional[str] = None, published: Optional[date] = None,
                    pipeline_version: str = PIPELINE_VERSION, cluster=None) -> Iterator[Outcome]:
    """`ingest_paths` over paths that quotes.ingest.batch.expand_paths has expanded already (a caller that counts
    the files first expands them once and passes the list here)."""
    def wanted(article) -> bool:
        try:
            with interrupts_held() as deliver, session_scope(engine) as session:
                needed = needs_extraction(session, text=article.text, pipeline_version=pipeline_version,
                                          reprocess=reprocess)
        except DBAPIError as error:
            raise unavailable(error, engine.url) from None
        deliver()
        return needed

    items = read_expanded(expanded, max_bytes=max_bytes, outlet=outlet, url=url)
    if published is not None:  # --published: one date for every article, over what the files say
        items = (replace(item, published_at=published) if isinstance(item, Article) else item for item in items)
    if cluster is not None:
        from quotes.ingest.cluster import cluster_results  # Dask is an optional extra

        results = cluster_results(items, address=cluster, extractor_factory=extractor_factory, wanted=wanted)
    else:
        results = extract_results(items, extractor_factory=extractor_factory, workers=workers, wanted=wanted)
    for result in results:
        if isinstance(result, Failure):
            yield result
        elif isinstance(result, Skipped):
            yield Stored(result.article.source, "duplicate", 0)
        else:
            # held until the caller has counted the stored article: a Ctrl-C in the instant after the hold
            # would otherwise stop the run with the article stored but not counted
            with interrupts_held() as deliver:
                yield store(engine, result, pipeline_version=pipeline_version, reprocess=reprocess)
            deliver()


@contextmanager
def interrupts_held() -> Iterator[Callable[[], None]]:
    """Hold Ctrl-C (SIGINT) while the block talks to the database; yields `deliver`, which raises the
    KeyboardInterrupt that came meanwhile, if one did, once called after the block.

    A KeyboardInterrupt raised inside the database layer does harm: inside Session.commit after the
    transaction committed, the rollback that follows fails ("session is in 'committed' state") and that
    error replaces the interrupt, so the article counts as failed though it is stored and the run goes on;
    inside a psycopg call it leaves the connection unusable. Held, the transaction ends whole first.
    Outside the main thread no signal arrives and nothing changes.
    """
    if threading.current_thread() is not threading.main_thread():
        yield lambda: None
        return
    came = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: came.append(signum))

    def deliver() -> None:  # to the handler in place again: Python's raises KeyboardInterrupt here
        if came:
            came.clear()
            signal.raise_signal(signal.SIGINT)
    try:
        yield deliver
    finally:
        signal.signal(signal.SIGINT, previous)


def store(engine, result: Extracted, *, pipeline_version: str = PIPELINE_VERSION,
          reprocess: bool = False) -> Outcome:
    """One extracted article in its own transaction: Stored, or a Failure with nothing of it kept.

    A problem no later article would escape (the database is read-only, full, damaged or gone) raises
    DatabaseUnavailable instead, so a run stops at once rather than parsing everything for nothing.
    """
    try:
        with session_scope(engine) as session:
            stored = ingest_article(session, article=result.article, records=result.records,
                                    pipeline_version=pipeline_version, reprocess=reprocess)
    except DBAPIError as error:  # rolled back: nothing of this article is stored
        if concerns_the_database(error):
            raise unavailable(error, engine.url) from None
        return Failure(result.article.source, f"not stored: {driver_reason(error)}")  # never the SQL or text
    except QuotesError as error:
        return Failure(result.article.source, f"not stored: {error}")
    except Exception as error:
        return Failure(result.article.source, f"not stored: {type(error).__name__}: {error}")
    return Stored(result.article.source, stored.status, stored.quote_count if stored.status != "duplicate" else 0,
                  dated=result.article.published_at is not None)
