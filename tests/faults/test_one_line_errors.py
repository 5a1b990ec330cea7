"""Issue 23: failures that printed a traceback (or click's bare "Aborted!") and now print one line:
output to a full disk, arguments that are not UTF-8, ids too large for any row, a truncated or empty model
file, and Ctrl-C with --workers 2 (each worker printed its own 20-line traceback)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from faults_helpers import GOOD
from interrupt_checks import start_ingest, wait_for
from interrupt_worker import write_articles

ROOT = Path(__file__).resolve().parents[2]
MODELS = ROOT / "quotes" / "models" / "en"
HUGE = "99999999999999999999"


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    """A SQLite file with one article whose one quote Ana Varga said."""
    from interrupt_worker import quotes_in
    from quotes.db import make_engine, session_scope
    from quotes.db.store import ingest_article
    from quotes.records import Article

    text = '"We will rebuild the pier," said Ana Varga.\n'
    db = tmp_path_factory.mktemp("one-line") / "q.db"
    engine = make_engine(f"sqlite:///{db}")
    with session_scope(engine) as session:
        ingest_article(session, article=Article(text=text, source="a.txt"), records=quotes_in([text], ["a.txt"])[0],
                       pipeline_version="t")
    engine.dispose()
    return db


def quotes(*args, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    """`quotes ARGS` in a process of its own (arguments may be bytes, as a shell passes them)."""
    env = {key: value for key, value in os.environ.items() if key != "QUOTES_DB"}
    return subprocess.run([sys.executable, "-c", "from quotes.cli.main import main; main()", *args], stdout=stdout,
                          stderr=subprocess.PIPE, env=env, cwd=ROOT, timeout=120)


def one_error_line(done: subprocess.CompletedProcess) -> str:
    err = done.stderr.decode("utf-8")
    assert "Traceback" not in err and "Exception ignored" not in err, err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), err
    return lines[0]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize("command", [["stats"], ["by", "Varga"], ["export"], ["speakers", "--json"]], ids=" ".join)
def test_output_to_a_full_disk_is_one_line(stored, command):
    with open("/dev/full", "wb") as full:
        done = quotes(*command, "--db", str(stored), stdout=full)
    assert done.returncode == 1
    assert one_error_line(done).startswith("Error: cannot write the output: No space left on device; free some "
                                           "disk space")


@pytest.mark.parametrize("command", [["by", b"\xff\xfe"], ["by", "Varga", "--outlet", b"\xff"], ["search", b"a\xff"],
                                     ["speakers", "--like", b"\xff"], ["export", "--speaker", b"\xff"],
                                     ["show", b"\xff"], ["by", "Varga", "--contains", b"caf\xe9"]],
                         ids=lambda c: " ".join(os.fsdecode(a) for a in c).encode("ascii", "backslashreplace").decode())
def test_an_argument_that_is_not_utf8_is_one_line_naming_it(stored, command):
    done = quotes(*command, "--db", str(stored))
    assert done.returncode == 1
    line = one_error_line(done)
    assert "is not UTF-8 text" in line and "\\x" in line, line


def test_a_file_name_that_is_not_utf8_is_still_read(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(folder + b"/caf\xe9.txt", "w", encoding="utf-8") as fh:
        fh.write(GOOD)
    done = quotes("ingest", folder + b"/caf\xe9.txt", "--db", str(tmp_path / "q.db"), "--no-progress")
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("command", [["show", HUGE], ["by", f"#{HUGE}"], ["statements", f"#{HUGE}"],
                                     ["speakers", "merge", f"#{HUGE}", "1"], ["export", "--since-id", HUGE],
                                     ["show", "2147483648"]], ids=" ".join)
def test_a_huge_id_is_not_found_in_one_line(invoke, stored, command):
    result = invoke(*command, "--db", stored)
    assert result.exit_code in (1, 2), result.output
    assert "Traceback" not in result.output and "Overflow" not in result.output
    assert result.output.strip().splitlines()[-1].startswith("Error: "), result.output


def test_a_huge_id_in_the_web_view_is_404(stored):
    from starlette.testclient import TestClient

    from quotes.cli.web import create_app, open_readonly

    engine = open_readonly(str(stored))
    try:
        client = TestClient(create_app(engine), raise_server_exceptions=False)
        pages = [f"/speakers/{HUGE}", "/speakers/2147483648", f"/articles/{HUGE}", f"/speakers/{HUGE}/timeline.svg",
                 "/articles/9223372036854775808"]
        assert {page: client.get(page).status_code for page in pages} == {page: 404 for page in pages}
    finally:
        engine.dispose()


@pytest.fixture
def model_copy(tmp_path):
    """A copy of the bundled models to break."""
    folder = tmp_path / "models"
    shutil.copytree(MODELS, folder)
    return folder


@pytest.mark.parametrize("damage", ["truncated", "empty"])
def test_a_broken_model_file_is_one_line_naming_it(model_copy, damage, tmp_path):
    target = model_copy / "tokenizer.pt"
    if damage == "truncated":
        os.truncate(target, 1000)
    else:
        target.write_bytes(b"")
    (tmp_path / "a.txt").write_text(GOOD)
    done = quotes("extract", str(tmp_path / "a.txt"), "--stanza-dir", str(model_copy))
    assert done.returncode == 1
    line = one_error_line(done)
    reason = "tokenizer.pt is truncated or unreadable" if damage == "truncated" else "tokenizer.pt is empty (0 bytes)"
    assert line.startswith(f"Error: could not load models in {model_copy}: {reason}"), line


def test_ctrl_c_with_two_workers_is_one_line_and_stops_at_once(tmp_path):
    """10 articles, 1 s each: one worker extracts a batch of 8, the other finishes its 2 and waits idle. Such
    an idle worker printed a KeyboardInterrupt traceback, and the run waited for the busy one's batch."""
    folder = tmp_path / "in"
    write_articles(folder, range(10))
    marks = tmp_path / "marks"
    url = f"sqlite:///{tmp_path / 'q.db'}"
    process = start_ingest(url, [folder], marks=marks, delay=1.0, options=("--workers", "2"))
    # the batch of 2 is the last two files; once both have started, 1.5 s later that worker waits for work while
    # the other is still inside its batch of 8 (waiting for all 10 marks raced: the 10th is often that batch's last)
    small_batch = ("article-008", "article-009")
    reached = wait_for(lambda: marks.is_file() and all(name in marks.read_text(encoding="utf-8")
                                                       for name in small_batch), process=process, timeout=120)
    time.sleep(1.5)
    asked = time.monotonic()
    os.killpg(process.pid, signal.SIGINT)  # a terminal's Ctrl-C reaches the whole group: workers too
    _, err = process.communicate(timeout=60)
    took = time.monotonic() - asked
    assert reached, err
    assert process.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert err.count("\n") == 1 and err.startswith("Interrupted: "), err
    assert took < 4, f"{took:.1f} s from Ctrl-C to exit: the batch in flight was waited for"
