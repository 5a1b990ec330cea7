"""Run extraction over many input paths: expand them, read articles, extract in batches, in N processes.

The extractor is injected: `extractor_factory()` builds it once per process (the real one loads the
Stanza pipeline; tests pass a fake). Results stream back in input order, one per article, and a failure
of one article (unreadable, or the extractor raising on it) never stops the others.
"""

from __future__ import annotations

import dataclasses
import errno
import glob
import os
import re
import signal
import stat
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Union

from quotes.ingest.article import (DEFAULT_MAX_BYTES, SUFFIX_FORMATS, display_path, file_problem, is_sidecar,
                            read_articles, stat_problem)
from quotes.errors import InputError
from quotes.records import Article, QuoteRecord

Extractor = Callable[[list[str], list[str]], list[list[QuoteRecord]]]
"""extract(texts, sources) -> one list of records per text."""
ExtractorFactory = Callable[[], Extractor]


@dataclass
class Extracted:
    article: Article
    records: list[QuoteRecord]


@dataclass
class Skipped:
    """An article the caller did not want extracted (e.g. already stored)."""
    article: Article


@dataclass
class Failure:
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


Result = Union[Extracted, Skipped, Failure]


def stanza_extractor(stanza_dir: Optional[str] = None) -> Extractor:
    """The real extractor: builds the Stanza pipeline once and returns extract(texts, sources).

    Example:
        quotes.ingest_paths(engine, ["articles/"], extractor_factory=quotes.stanza_extractor)
    """
    from quotes.extraction.extract import extract_articles
    from quotes.runtime.nlp import load_pipeline

    nlp = load_pipeline(stanza_dir=stanza_dir)
    return partial(_run_extract_articles, extract_articles, nlp)


def _run_extract_articles(extract_articles, nlp, texts, sources):
    return extract_articles(texts, nlp=nlp, sources=sources)


def expand_paths(paths: Iterable[Union[str, Failure]]) -> Iterator[Union[str, Failure]]:
    """Files as given, directories recursively (article suffixes only), glob patterns, and `-` for stdin.

    Every path that cannot be read (a folder that cannot be listed, a symbolic link loop or a broken link,
    a FIFO, a socket, a device) is a Failure naming it; the paths around it are still yielded."""
    for path in paths:
        if isinstance(path, Failure) or path == "-":  # a Failure: already expanded once
            yield path
        elif glob.has_magic(path) and not os.path.lexists(path):
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                yield Failure(display_path(path), "no files match this pattern; check the pattern and quote "
                                                  "it so the shell does not expand it")
            for match in matches:
                if not is_sidecar(match):  # story.json beside story.txt is read with it, not as an article
                    yield from given_path(match)
        else:
            yield from given_path(path)


def given_path(path: str) -> Iterator[Union[str, Failure]]:
    """`path` itself when it is a regular file, the files under it when it is a folder, else its Failure."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        yield Failure(display_path(path), stat_problem(path, error))
        return
    if stat.S_ISDIR(mode):
        yield from directory_files(path)
    elif stat.S_ISREG(mode):
        yield path
    else:
        yield Failure(display_path(path), file_problem(path, mode))


def is_article_name(path: str) -> bool:
    name = os.path.basename(path)
    return not name.startswith(".") and Path(name).suffix.lower() in SUFFIX_FORMATS


def directory_files(directory: str) -> Iterator[Union[str, Failure]]:
    """Article files under `directory`, sorted, skipping hidden files and folders; a folder that cannot be
    listed, or an article-named entry that is not a readable file, is a Failure (os.walk would skip them)."""
    unreadable: list[OSError] = []
    for root, folders, files in os.walk(directory, onerror=unreadable.append):
        while unreadable:
            yield unlisted(unreadable.pop(0))
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(files):
            if is_article_name(name):
                yield from given_path(os.path.join(root, name))
    while unreadable:
        yield unlisted(unreadable.pop(0))


def unlisted(error: OSError) -> Failure:
    path = error.filename or "?"
    problem = stat_problem(path, error)
    if error.errno in (errno.EACCES, errno.EPERM):
        problem = "permission denied: this folder cannot be read, so its articles were not; make it readable"
    return Failure(display_path(path), problem)


def read_inputs(paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES, outlet: Optional[str] = None,
                url: Optional[str] = None) -> Iterator[Union[Article, Failure]]:
    """Every article under `paths`, with `outlet`/`url` overriding what the files say."""
    return read_expanded(expand_paths(paths), max_bytes=max_bytes, outlet=outlet, url=url)


def read_expanded(expanded: Iterable[Union[str, Failure]], *, max_bytes: int = DEFAULT_MAX_BYTES,
                  outlet: Optional[str] = None, url: Optional[str] = None) -> Iterator[Union[Article, Failure]]:
    """`read_inputs` over what expand_paths yielded (files, `-`, and the failures to pass on)."""
    for path in expanded:
        if isinstance(path, Failure):
            yield path
            continue
        for result in read_articles(path, max_bytes=max_bytes):
            if isinstance(result, InputError):
                yield input_failure(path, result)
            else:
                yield override(result, outlet=outlet, url=url)


def input_failure(path: str, error: InputError) -> Failure:
    """A Failure from an InputError whose message reads "PATH[:LINE]: reason"."""
    path = display_path(path)
    match = re.match(re.escape(path) + r"(:\d+)?: (.*)", str(error), re.S)
    if match is None:
        return Failure(path, str(error))
    return Failure(path + (match.group(1) or ""), match.group(2))


def override(article: Article, *, outlet: Optional[str], url: Optional[str]) -> Article:
    changes = {key: value for key, value in (("outlet", outlet), ("url", url)) if value}
    return dataclasses.replace(article, **changes) if changes else article


def extract_results(items: Iterable[Union[Article, Failure]], *, extractor_factory: ExtractorFactory,
                    workers: int = 1, batch_size: int = 8,
                    wanted: Callable[[Article], bool] = lambda article: True) -> Iterator[Result]:
    """Extract the articles among `items` in batches; `wanted(article)` False yields Skipped instead."""
    batches = batched_work(items, wanted=wanted, batch_size=batch_size)
    if workers <= 1:
        extractor = LazyExtractor(extractor_factory)
        for entries, articles in batches:
            yield from in_order(entries, extract_batch(extractor, articles))
        return
    pool = ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(extractor_factory,))
    try:
        pending: deque = deque()
        for entries, articles in batches:
            pending.append((entries, pool.submit(_extract_in_worker, articles) if articles else None))
            while len(pending) > workers * 2:
                yield from _finish(pending.popleft())
        while pending:
            yield from _finish(pending.popleft())
    except BaseException:  # Ctrl-C, or the caller stopped early: the batches still running are not wanted
        stop_workers(pool)
        raise
    pool.shutdown()


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """End the pool now: queued batches cancelled, running ones killed (their articles were not stored, so
    a rerun does them), instead of waiting for every batch in flight as `shutdown()` does."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # no public way to stop a running task
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=10)


def batched_work(items, *, wanted, batch_size) -> Iterator[tuple[list, list[Article]]]:
    """Per chunk of input: its entries in order (a Result, or an Article to extract) and those articles."""
    iterator = iter(items)
    while chunk := list(islice(iterator, batch_size)):
        entries = [item if isinstance(item, Failure) else item if wanted(item) else Skipped(item)
                   for item in chunk]
        yield entries, [entry for entry in entries if isinstance(entry, Article)]


def in_order(entries: list, extracted: list[Result]) -> Iterator[Result]:
    """The chunk's results in input order: extraction results take the places of their articles."""
    results = iter(extracted)
    for entry in entries:
        yield next(results) if isinstance(entry, Article) else entry


class LazyExtractor:
    """Builds the extractor on first use, so a run where every article is skipped never loads models."""

    def __init__(self, factory: ExtractorFactory):
        self.factory, self.extractor = factory, None

    def build(self) -> None:
        """Build now: a setup error (e.g. no models) stops the run instead of failing every article."""
        if self.extractor is None:
            self.extractor = self.factory()

    def __call__(self, texts, sources):
        self.build()
        return self.extractor(texts, sources)


def extract_batch(extractor: LazyExtractor, articles: list[Article]) -> list[Result]:
    """Records for each article; when the batch fails, each article is retried alone to isolate the culprit."""
    if not articles:
        return []
    extractor.build()
    try:
        found = extractor([a.text for a in articles], [a.source for a in articles])
        return [Extracted(a, records) for a, records in zip(articles, found, strict=True)]
    except Exception as error:
        if len(articles) == 1:
            return [Failure(articles[0].source, f"extraction failed: {type(error).__name__}: {error}")]
    return [result for article in articles for result in extract_batch(extractor, [article])]


_worker_extractor: Optional[LazyExtractor] = None


def _init_worker(factory: ExtractorFactory) -> None:
    """Runs once in each worker: one thread each (torch reads this when first imported); workers are the
    parallelism, so threads inside them would only compete for the same cores."""
    global _worker_extractor
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    # Ctrl-C reaches every process of the terminal's group: the parent alone handles it (it stops the
    # workers and says how many articles were stored); a worker would print a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_extractor = LazyExtractor(factory)


def _extract_in_worker(articles: list[Article]) -> list[Result]:
    return extract_batch(_worker_extractor, articles)


def _finish(entry) -> Iterator[Result]:
    entries, future = entry
    yield from in_order(entries, future.result() if future is not None else [])
