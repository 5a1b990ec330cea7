"""Extraction on a Dask distributed cluster, for archives one machine cannot get through.

Same contract as `quotes.batch.extract_results`: results stream back in input order, one per article, and
a failure (an article, a batch, or a worker lost) never stops the others. Each worker builds the extractor
once, through a worker plugin, and reuses it for every batch it is sent; articles travel to the workers
and records travel back, so the database is written by the caller alone, one transaction per article,
exactly as with `--workers` on one machine.

    dask scheduler                                   # on one machine (port 8786)
    dask worker tcp://SCHEDULER:8786 --nthreads 1    # on each worker machine, N of them
    quotes ingest archive/ --cluster tcp://SCHEDULER:8786 --db postgresql://...

Needs the `cluster` extra (`pip install 'quote-tracker[cluster]'`) on the client and on every worker, with
the same quote-tracker version and models.
"""

from __future__ import annotations

from collections import deque
from typing import Callable, Iterable, Iterator, Union

from quotes.batch import ExtractorFactory, Failure, LazyExtractor, Result, batched_work, extract_batch, in_order
from quotes.errors import QuotesError
from quotes.records import Article

try:  # the `cluster` extra; this module is imported only when a cluster is asked for
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:
    WorkerPlugin = object

PLUGIN_NAME = "quote-tracker-extractor"
CONNECT_TIMEOUT = 30.0  # seconds to wait for the scheduler to answer


class ClusterUnavailable(QuotesError):
    """No scheduler at the address, or Dask not installed."""


def cluster_results(items: Iterable[Union[Article, Failure]], *, address, extractor_factory: ExtractorFactory,
                    batch_size: int = 8, wanted: Callable[[Article], bool] = lambda article: True,
                    connect_timeout: float | None = None) -> Iterator[Result]:
    """`extract_results` with the batches extracted on the cluster at `address` (a scheduler URL such as
    tcp://host:8786, or a `distributed.Client` / `LocalCluster` already made by the caller)."""
    client, owned = connect(address, CONNECT_TIMEOUT if connect_timeout is None else connect_timeout)
    try:
        client.register_plugin(ExtractorPlugin(extractor_factory), name=PLUGIN_NAME)
        window = 2 * max(1, len(client.scheduler_info().get("workers", {})))
        pending: deque = deque()
        for entries, articles in batched_work(items, wanted=wanted, batch_size=batch_size):
            future = client.submit(extract_on_worker, articles, pure=False) if articles else None
            pending.append((entries, articles, future))
            while len(pending) > window:
                yield from _finish(pending.popleft())
        while pending:
            yield from _finish(pending.popleft())
    finally:
        if owned:
            client.close()


def connect(address, timeout: float):
    """(client, whether we made it and must close it)."""
    try:
        from distributed import Client
    except ImportError as error:
        raise ClusterUnavailable("--cluster needs Dask distributed: pip install 'quote-tracker[cluster]'") from error
    if isinstance(address, Client):
        return address, False
    try:
        return Client(address, timeout=timeout, set_as_default=False), True
    except (OSError, TimeoutError) as error:
        raise ClusterUnavailable(f"no Dask scheduler answered at {address} within {timeout:.0f} s ({error}); "
                                 "start one with `dask scheduler` and workers with `dask worker ADDRESS`") from error


class ExtractorPlugin(WorkerPlugin):
    """Builds the extractor once per worker process, when the worker joins (or when the plugin arrives)."""

    def __init__(self, factory: ExtractorFactory):
        self.factory = factory

    def setup(self, worker) -> None:
        extractor = LazyExtractor(self.factory)
        extractor.build()
        worker.quotes_extractor = extractor

    def teardown(self, worker) -> None:
        worker.__dict__.pop("quotes_extractor", None)


def extract_on_worker(articles: list[Article]) -> list[Result]:
    from distributed import get_worker

    return extract_batch(get_worker().quotes_extractor, articles)


def _finish(entry) -> Iterator[Result]:
    entries, articles, future = entry
    if future is None:
        yield from in_order(entries, [])
        return
    try:
        extracted = future.result()
    except Exception as error:  # a worker died or the task could not run: these articles fail, others go on
        extracted = [Failure(article.source, f"cluster task failed: {type(error).__name__}: {error}")
                     for article in articles]
    finally:
        future.release()
    yield from in_order(entries, extracted)
