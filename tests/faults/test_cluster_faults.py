"""Issue 23: `quotes ingest --cluster` against a scheduler with no workers waited forever; a scheduler killed
mid-run ended in a ClosedClientError traceback with no summary; `--cluster not-an-address` printed a
ValueError and a second traceback 60 s later. Each now ends in one clear line (after the summary, when
articles were stored)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from interrupt_checks import census, marks_seen, start_ingest, wait_for
from interrupt_worker import write_articles

pytest.importorskip("distributed")
FAULTS = Path(__file__).resolve().parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(*args) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(FAULTS), OMP_NUM_THREADS="1")
    return subprocess.Popen([sys.executable, "-m", *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=env)


@pytest.fixture
def scheduler():
    """A real `dask scheduler` on a free port, with no worker: (address, process)."""
    port = free_port()
    process = start("distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", str(port),
                    "--no-dashboard")
    address = f"tcp://127.0.0.1:{port}"

    def listening() -> bool:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return True
        except OSError:
            return False

    assert wait_for(listening, process=process, timeout=60), "dask scheduler did not start"
    yield address, process
    process.kill()
    process.wait()


@pytest.fixture
def worker(scheduler):
    """One `dask worker` on the scheduler, able to import the fake extractors here."""
    process = start("distributed.cli.dask_worker", scheduler[0], "--nthreads", "1", "--no-dashboard")
    yield process
    process.kill()
    process.wait()


def test_a_scheduler_without_workers_stops_the_run_with_one_line(scheduler, tmp_path, monkeypatch, time_limit):
    from click.testing import CliRunner

    from quotes.ingest import cluster
    from quotes.cli.context import App
    from quotes.cli.main import main

    from faults_helpers import fake_factory

    monkeypatch.setattr(cluster, "WORKER_TIMEOUT", 3.0)
    monkeypatch.setattr(cluster, "POLL_S", 0.5)
    folder = write_articles(tmp_path / "in", range(3))[0].parent
    started = time.monotonic()
    with time_limit(90):  # it waited forever
        result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(tmp_path / "q.db"), "--cluster",
                                           scheduler[0], "--no-progress"], obj=App(extractor_factory=fake_factory),
                                    catch_exceptions=False)
    assert time.monotonic() - started < 60
    assert result.exit_code == 1
    assert result.output == (f"Error: the Dask scheduler at {scheduler[0]} has had no workers for 3 s: start some "
                             f"with `dask worker {scheduler[0]}` and run the command again\n")


def test_a_scheduler_killed_mid_run_gives_the_summary_and_one_line(scheduler, worker, tmp_path):
    address, process = scheduler
    marks = tmp_path / "marks"
    url = f"sqlite:///{tmp_path / 'q.db'}"
    ingest = start_ingest(url, write_articles(tmp_path / "in", range(60)), marks=marks, delay=0.2,
                          options=("--cluster", address))
    # the worker writes the marks: once it has done 2 batches, the scheduler goes
    reached = wait_for(lambda: marks_seen(marks) >= 16, process=ingest, timeout=120)
    process.kill()
    _, err = ingest.communicate(timeout=120)
    assert reached, err
    assert ingest.returncode == 1, err
    assert "Traceback" not in err and "ClosedClientError" not in err.split("Error:")[0], err
    lines = err.strip().splitlines()
    assert lines[0].startswith("Ingested "), err
    assert lines[-1].startswith(f"Error: lost the Dask scheduler at {address}") and \
        "articles stored before it stopped)" in lines[-1], err
    stored = int(lines[-1].rsplit("(", 1)[1].split()[0])
    assert stored == len(census(url).quotes_per_article) > 0


def test_not_an_address_is_one_line_at_once(tmp_path):
    started = time.monotonic()
    done = subprocess.run([sys.executable, str(FAULTS / "interrupt_worker.py"), "", "0", "--", "ingest",
                           str(write_articles(tmp_path / "in", range(1))[0]), "--db", str(tmp_path / "q.db"),
                           "--cluster", "not-an-address", "--no-progress"], capture_output=True, text=True,
                          timeout=120, env=dict(os.environ, PYTHONPATH=str(FAULTS)))
    assert time.monotonic() - started < 30
    assert done.returncode == 1
    assert done.stderr == ("Error: --cluster not-an-address: not a Dask scheduler address (missing port number in "
                           "address 'not-an-address'); write it as tcp://HOST:8786\n")
