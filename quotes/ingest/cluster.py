"""Extraction on a Dask distributed cluster, for archives one machine cannot get through.

Same contract as `quotes.ingest.batch.extract_results`: results stream back in input order, one per article, and
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

import logging
from collections import deque
from typing import Callable, Iterable, Iterator, Union

from quotes.ingest.batch import ExtractorFactory, Failure, LazyExtractor, Result, batched_work, extract_batch, in_order
from quotes.errors import QuotesError
from quotes.records import Article

try:  # the `cluster` extra; this module is imported only when a cluster is asked for
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:
    WorkerPlugin = object

PLUGIN_NAME = "quote-tracker-extractor"
CONNECT_TIMEOUT = 30.0  # seconds to wait for the scheduler to answer
WORKER_TIMEOUT = 120.0
"""Seconds a run waits while the scheduler has no worker (none started yet, or all gone) before it stops."""
POLL_S = 2.0  # how often a wait for a batch looks whether the scheduler and its workers are still there


class ClusterUnavailable(QuotesError):
    """No scheduler at the address, or Dask not installed."""


def cluster_results(items: Iterable[Union[Article, Failure]], *, address, extractor_factory: ExtractorFactory,
                    batch_size: int = 8, wanted: Callable[[Article], bool] = lambda article: True,
                    connect_timeout: float | None = None, worker_timeout: float | None = None) -> Iterator[Result]:
    """`extract_results` with the batches extracted on the cluster at `address` (a scheduler URL such as
    tcp://host:8786, or a `distributed.Client` / `LocalCluster` already made by the caller)."""
    client, owned = connect(address, CONNECT_TIMEOUT if connect_timeout is None else connect_timeout)
    watch = Watch(client, address, WORKER_TIMEOUT if worker_timeout is None else worker_timeout)
    try:
        watch.wait_for_a_worker()
        client.register_plugin(ExtractorPlugin(extractor_factory), name=PLUGIN_NAME)
        window = 2 * max(1, len(client.scheduler_info().get("workers", {})))
        pending: deque = deque()
        for entries, articles in batched_work(items, wanted=wanted, batch_size=batch_size):
            future = watch.submit(articles) if articles else None
            pending.append((entries, articles, future))
            while len(pending) > window:
                yield from _finish(pending.popleft(), watch)
        while pending:
            yield from _finish(pending.popleft(), watch)
    finally:
        if owned:
            try:
                client.close(timeout=5)
            except Exception:  # the scheduler is gone already: nothing left to close cleanly
                pass


class Watch:
    """The client as the run uses it, watched: a scheduler that went away, or no worker for longer than
    `worker_timeout` seconds, stops the run with ClusterUnavailable instead of a traceback or a wait
    without end. Articles already stored stay stored; a rerun skips them."""

    def __init__(self, client, address, worker_timeout: float):
        self.client, self.address, self.worker_timeout = client, address, worker_timeout
        self.without_workers_since: float | None = None

    def lost(self, error: BaseException | None = None) -> ClusterUnavailable:
        why = f" ({type(error).__name__}: {error})" if error is not None and str(error) else ""
        return ClusterUnavailable(f"lost the Dask scheduler at {self.address}{why}: the articles not reported "
                                  "were not extracted; start the scheduler again and rerun the same command "
                                  "(articles already stored are skipped)")

    def connected(self) -> bool:
        return self.client.status not in ("closing", "closed")

    def workers(self) -> int:
        try:
            return len(self.client.nthreads())
        except Exception as error:  # the scheduler does not answer
            raise self.lost(error) from None

    def wait_for_a_worker(self) -> None:
        """Raise when the scheduler has had no worker for `worker_timeout` seconds (counted from the
        first time this found none)."""
        import time

        while self.workers() == 0:
            now = time.monotonic()
            if self.without_workers_since is None:
                self.without_workers_since = now
            elif now - self.without_workers_since > self.worker_timeout:
                raise ClusterUnavailable(f"the Dask scheduler at {self.address} has had no workers for "
                                         f"{self.worker_timeout:.0f} s: start some with `dask worker "
                                         f"{self.address}` and run the command again")
            time.sleep(min(POLL_S, self.worker_timeout / 4))
        self.without_workers_since = None

    def submit(self, articles):
        try:
            return self.client.submit(extract_on_worker, articles, pure=False)
        except Exception as error:  # ClosedClientError and the like: the scheduler is gone
            if not self.connected():
                raise self.lost(error) from None
            raise

    def result(self, future):
        """The batch's results, waiting while the scheduler and at least one worker are there."""
        while True:
            try:
                return future.result(timeout=POLL_S)
            except TimeoutError:
                if not self.connected():
                    raise self.lost() from None
                self.wait_for_a_worker()


def connect(address, timeout: float):
    """(client, whether we made it and must close it)."""
    try:
        from distributed import Client
    except ImportError as error:
        raise ClusterUnavailable("--cluster needs Dask distributed: pip install 'quote-tracker[cluster]'") from error
    if isinstance(address, Client):
        return address, False
    refuse_bad_address(address)
    logging.getLogger("distributed.client").setLevel(logging.CRITICAL)  # its reconnect errors: ours say more
    try:
        return Client(address, timeout=timeout, set_as_default=False), True
    except (OSError, TimeoutError, ValueError, TypeError) as error:  # ValueError: not an address at all
        raise ClusterUnavailable(f"no Dask scheduler answered at {address} within {timeout:.0f} s ({error}); "
                                 "start one with `dask scheduler` and workers with `dask worker ADDRESS`") from error


def refuse_bad_address(address) -> None:
    """Refuse an address Dask cannot parse before a Client is made of it: a Client that fails half-made
    waits 60 s when garbage-collected and prints a traceback of its own."""
    from distributed.comm.addressing import parse_address, parse_host_port

    try:
        scheme, location = parse_address(str(address))
        if scheme in ("tcp", "tls"):
            parse_host_port(location)
    except (ValueError, TypeError) as error:
        raise ClusterUnavailable(f"--cluster {address}: not a Dask scheduler address ({error}); write it as "
                                 "tcp://HOST:8786") from None


class ExtractorPlugin(WorkerPlugin):
    """Builds the extractor once per worker process, when the worker joins (or when the plugin arrives)."""

    def __init__(self, factory: ExtractorFactory):
        self.factory = factory

    def setup(self, worker) -> None:
        keep_large_blocks()
        extractor = LazyExtractor(self.factory)
        extractor.build()
        worker.quotes_extractor = extractor

    def teardown(self, worker) -> None:
        worker.__dict__.pop("quotes_extractor", None)


# glibc mallopt parameters, and the values its own dynamic rule reaches on 64-bit (a block up to 32 MiB from the
# heap, not mmap; the heap's free top kept up to twice that)
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
MMAP_THRESHOLD = 32 * 1024 * 1024
TRIM_THRESHOLD = 2 * MMAP_THRESHOLD


def keep_large_blocks() -> bool:
    """Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536 (memory back to the OS early). Setting it
    also switches off glibc's dynamic mmap threshold, so every tensor over 128 KiB was mapped and unmapped
    again and its pages faulted in afresh: 4.0 of a worker's 14.8 CPU-s were system time (0.3 without;
    benchmarks/cluster_speed.py). Here the worker keeps such blocks as glibc would by itself; the price is
    memory held for reuse (worker RSS 484 -> 655 MB after 50 articles, as in one process). Only where that
    variable is set and glibc is the C library; returns whether it changed anything."""
    import ctypes
    import os

    if "MALLOC_TRIM_THRESHOLD_" not in os.environ:
        return False
    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):  # not glibc
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD))


def extract_on_worker(articles: list[Article]) -> list[Result]:
    from distributed import get_worker

    return extract_batch(get_worker().quotes_extractor, articles)


def _finish(entry, watch: Watch) -> Iterator[Result]:
    entries, articles, future = entry
    if future is None:
        yield from in_order(entries, [])
        return
    try:
        extracted = watch.result(future)
    except ClusterUnavailable:
        raise
    except Exception as error:  # a worker died or the task could not run: these articles fail, others go on
        if not watch.connected():
            raise watch.lost(error) from None
        extracted = [Failure(article.source, f"cluster task failed: {type(error).__name__}: {error}")
                     for article in articles]
    finally:
        try:
            future.release()
        except Exception:  # released with the client already
            pass
    yield from in_order(entries, extracted)
