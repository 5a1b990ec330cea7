"""CPU of extraction on a Dask cluster against one process, on the same articles. Prints numbers; asserts nothing.

    python benchmarks/cluster_speed.py [FOLDER] [--limit 50] [--batch-size 8] [--dask-only]

One process: `quotes.ingest.batch.extract_results` (what `quotes ingest` runs), models loaded before the clock starts.
Dask: a LocalCluster of one worker process with one thread (the scheduler runs in this process, as a
`dask scheduler` would on its own machine), the models loaded on the worker by the extractor plugin and one
article extracted before the clock starts; then `quotes.ingest.cluster.cluster_results` on the same articles. CPU is
user + sys of every process of the run (this one, the nanny, the worker: psutil), so it counts what a cluster
pays: scheduler, serialisation both ways, the worker's event loop and its statistical profiler.
The worker runs as Dask's nanny starts it (MALLOC_TRIM_THRESHOLD_=65536, its profiler on), then the
extractor plugin's set-up (quotes.ingest.cluster.keep_large_blocks). --dask-only skips the one-process run (to
profile the cluster with py-spy --subprocesses).
Both runs must give the same records; the script says so.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract_speed import DEFAULT_DIR  # noqa: E402


def read_articles(folder: str, limit: int):
    from quotes.records import Article

    paths = sorted(Path(folder).glob("*.txt"))[:limit]
    if not paths:
        sys.exit(f"no .txt articles in {folder}: pass a folder of plain-text articles")
    return [Article(text=path.read_text(encoding="utf-8"), source=path.name) for path in paths]


def tree_cpu() -> dict:
    """User + sys CPU seconds of this process ('client': the client and, in a LocalCluster, the scheduler) and
    of each live child (the nanny, the worker), by process id."""
    import psutil

    found = {}
    for process in [psutil.Process(), *psutil.Process().children(recursive=True)]:
        try:
            times = process.cpu_times()
            found[process.pid] = (times.user, times.system)
        except psutil.NoSuchProcess:
            continue
    return found


def spent(before: dict, after: dict) -> dict:
    me = os.getpid()
    return {("client + scheduler" if pid == me else f"pid {pid}"):
            tuple(now - then for now, then in zip(times, before.get(pid, (0.0, 0.0)))) for pid, times in after.items()}


def records_of(results) -> list:
    from quotes.ingest.batch import Extracted

    return [(r.article.source, [record.to_dict() if hasattr(record, "to_dict") else vars(record)
                                for record in r.records]) if isinstance(r, Extracted) else repr(r)
            for r in results]


def single_process(articles, batch_size: int) -> tuple[float, float, list]:
    from quotes.ingest.batch import extract_results, stanza_extractor

    stanza_extractor()  # the pipeline is cached per process: loaded here, outside the clock
    cpu, wall = time.process_time(), time.perf_counter()
    results = list(extract_results(articles, extractor_factory=stanza_extractor, batch_size=batch_size))
    return time.process_time() - cpu, time.perf_counter() - wall, records_of(results)


def on_cluster(articles, batch_size: int) -> tuple[dict, dict, float, list]:
    from distributed import Client, LocalCluster

    from quotes.ingest.batch import stanza_extractor
    from quotes.ingest.cluster import cluster_results

    began = tree_cpu()
    cluster = LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                           env={"OMP_NUM_THREADS": "1"})
    client = Client(cluster, set_as_default=False)
    try:
        list(cluster_results(articles[:1], address=client, extractor_factory=stanza_extractor))  # models, warm-up
        ready = tree_cpu()
        wall = time.perf_counter()
        results = list(cluster_results(articles, address=client, extractor_factory=stanza_extractor,
                                       batch_size=batch_size))
        import psutil

        worker_mb = max(child.memory_info().rss for child in psutil.Process().children(recursive=True)) / 2**20
        print(f"dask worker RSS at the end {worker_mb:,.0f} MB")
        return spent(began, ready), spent(ready, tree_cpu()), time.perf_counter() - wall, records_of(results)
    finally:
        client.close()
        cluster.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", default=str(DEFAULT_DIR))
    parser.add_argument("--limit", type=int, default=50)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--dask-only", action="store_true", help="skip the one-process run")
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    articles = read_articles(args.folder, args.limit)
    words = sum(len(article.text.split()) for article in articles)

    one_cpu, one_wall, one_records = (float("nan"), float("nan"), None) if args.dask_only else \
        single_process(articles, args.batch_size)
    start_cpu, dask_cpu, dask_wall, dask_records = on_cluster(articles, args.batch_size)
    print(f"documents {len(articles)}  words {words}  batch {args.batch_size}  "
          f"same records: {one_records == dask_records}")
    print(f"one process  CPU {one_cpu:.1f} s  wall {one_wall:.1f} s  words per CPU-second {words / one_cpu:,.0f}")
    total = sum(sum(times) for times in dask_cpu.values())
    print(f"dask         CPU {total:.1f} s (all processes, user + sys: " + ", ".join(
        f"{name} {user:.1f} + {system:.1f}" for name, (user, system) in dask_cpu.items()) + f")  wall {dask_wall:.1f} s"
          f"  words per CPU-second {words / total:,.0f}   start-up (cluster + model load) "
          f"{sum(sum(times) for times in start_cpu.values()):.1f} CPU-s")
    print(f"dask / one process CPU {total / one_cpu:.2f}")


if __name__ == "__main__":
    main()
