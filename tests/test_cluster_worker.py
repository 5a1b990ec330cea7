"""The Dask worker set-up (quotes.ingest.cluster.ExtractorPlugin): glibc's large-block behaviour given back to a
worker that Dask's nanny started with MALLOC_TRIM_THRESHOLD_ (issue 22: 4.0 of 14.8 worker CPU-s were page
faults). Fake C library and worker: no cluster, no models."""

import ctypes

import pytest

from quotes.ingest import cluster


class FakeLibc:
    def __init__(self):
        self.calls = []

    def mallopt(self, parameter, value):
        self.calls.append((parameter, value))
        return 1


class Worker:
    pass


@pytest.fixture
def libc(monkeypatch):
    fake = FakeLibc()
    monkeypatch.setattr(ctypes, "CDLL", lambda name: fake)
    return fake


def test_a_worker_started_with_dasks_trim_threshold_keeps_large_blocks(libc, monkeypatch):
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "65536")
    worker = Worker()
    cluster.ExtractorPlugin(lambda: "extractor").setup(worker)
    assert libc.calls == [(cluster.M_MMAP_THRESHOLD, 32 * 2**20), (cluster.M_TRIM_THRESHOLD, 64 * 2**20)]
    assert worker.quotes_extractor.extractor == "extractor"


def test_a_worker_without_it_is_left_as_it_is(libc, monkeypatch):
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    cluster.ExtractorPlugin(lambda: "extractor").setup(Worker())
    assert libc.calls == []


def test_no_glibc_is_no_change(monkeypatch):
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "65536")

    def missing(name):
        raise OSError(f"{name}: cannot open shared object file")

    monkeypatch.setattr(ctypes, "CDLL", missing)
    assert cluster.keep_large_blocks() is False
