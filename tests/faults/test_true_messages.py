"""Issue 23: messages that were not true. Read commands refused a database in a read-only folder ("cannot
write … make the file and its folder writable"); a full disk was "damaged … try .recover"; a search text
too long for LIKE was "cannot open database … check --db"; a password given as ?password= was printed in
every error; NUL characters became U+FFFD without the warning README promises; `--db sqlite://` reported
articles stored into a database that vanished on exit."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from faults_helpers import GOOD
from interrupt_worker import quotes_in
from storage_helpers import fill, invoke as run_cli

ROOT = Path(__file__).resolve().parents[2]
SAID = '"We will rebuild the pier," said Ana Varga.\n'
READERS = [["stats"], ["by", "Varga"], ["speakers"], ["statements", "Varga"], ["show", "1"], ["search", "pier"],
           ["export"], ["db", "current"]]


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    folder = tmp_path_factory.mktemp("stored")
    (folder / "a.txt").write_text(SAID)
    result = run_cli("ingest", folder / "a.txt", "--db", folder / "q.db", factory=lambda: quotes_in)
    assert result.exit_code == 0, result.output
    return folder / "q.db"


def child(*args, prefix=()) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "QUOTES_DB"}
    return subprocess.run([*prefix, sys.executable, "-c", "from quotes.cli.main import main; main()", *map(str, args)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


@pytest.fixture
def read_only_folder(stored, tmp_path, unprivileged):
    """The stored database (WAL mode, no -shm beside it) alone in a folder nobody may write."""
    folder = tmp_path / "ro"
    folder.mkdir()
    shutil.copy(stored, folder / "q.db")
    (folder / "q.db").chmod(0o444)
    folder.chmod(0o555)
    yield folder / "q.db", unprivileged
    folder.chmod(0o755)


@pytest.mark.parametrize("command", READERS, ids=" ".join)
def test_reads_work_on_a_database_in_a_read_only_folder(read_only_folder, command):
    db, prefix = read_only_folder
    done = child(*command, "--db", db, prefix=prefix)
    assert done.returncode == 0, done.stderr
    assert "cannot write" not in done.stderr
    assert sorted(p.name for p in db.parent.iterdir()) == ["q.db"]


def test_the_web_view_works_on_a_database_in_a_read_only_folder(read_only_folder):
    db, prefix = read_only_folder
    script = ("from starlette.testclient import TestClient\nfrom quotes.cli.web import create_app, open_readonly\n"
              f"client = TestClient(create_app(open_readonly({str(db)!r})))\n"
              "print([client.get(p).status_code for p in ('/', '/speakers/1', '/articles/1', '/search?q=pier')])")
    done = subprocess.run([*prefix, sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.stdout.strip() == "[200, 200, 200, 200]", done.stderr


def test_ingest_into_a_read_only_folder_still_says_it_cannot_write(read_only_folder, tmp_path):
    db, prefix = read_only_folder
    (tmp_path / "b.txt").write_text(GOOD.replace("pier", "harbour wall"))
    done = child("ingest", tmp_path / "b.txt", "--db", db, "--no-progress", prefix=prefix)
    assert done.returncode == 1 and done.stderr.startswith(f"Error: cannot write to {db}"), done.stderr


def test_a_disk_io_error_on_a_full_disk_is_not_called_damage(stored, tmp_path):
    from sqlalchemy.exc import OperationalError

    from quotes.db import failures as errors

    error = OperationalError("SELECT 1", {}, Exception("disk I/O error"))
    full = errors.unavailable.__globals__["free_bytes_beside"]
    try:
        errors.unavailable.__globals__["free_bytes_beside"] = lambda url: 0
        said = str(errors.unavailable(error, str(stored)))
    finally:
        errors.unavailable.__globals__["free_bytes_beside"] = full
    assert said == (f"cannot use {stored}: its disk is full (disk I/O error); free some disk space and run the "
                    "command again (articles already stored are skipped)")
    elsewhere = str(errors.unavailable(error, str(stored)))  # room left: a failing disk, not a damaged file
    assert "damaged" not in elsewhere and ".recover" not in elsewhere and "integrity_check" in elsewhere


@pytest.fixture
def small_full_disk(tmp_path):
    """A 512 KiB tmpfs (root only), the stored database on it, then filled."""
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a small tmpfs")
    mount = tmp_path / "small"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)]).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    yield mount
    subprocess.run(["umount", "--lazy", str(mount)], check=False)


def test_reading_on_a_full_disk_says_the_disk_is_full(stored, small_full_disk):
    shutil.copy(stored, small_full_disk / "q.db")
    fill(small_full_disk)
    done = child("by", "Varga", "--db", small_full_disk / "q.db")
    assert done.returncode == 1
    assert done.stderr.startswith(f"Error: cannot use {small_full_disk / 'q.db'}: its disk is full"), done.stderr
    assert "damaged" not in done.stderr


@pytest.mark.parametrize("command", [["speakers", "--like", "LONG"], ["by", "Varga", "--contains", "LONG"],
                                     ["show", "LONG"]], ids=" ".join)
def test_a_search_text_too_long_for_like_says_so(stored, command):
    result = run_cli(*["a" * 60_000 if arg == "LONG" else arg for arg in command], "--db", stored)
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: the text to look for is too long for {stored} (LIKE or GLOB pattern "
                                    "too complex"), result.output[:300]
    assert "check --db" not in result.output


SECRET = "S3cr3t-pw"


@pytest.mark.parametrize("url", [f"postgresql://bob@127.0.0.1:1/q?password={SECRET}",
                                 f"postgresql://bob:{SECRET}@127.0.0.1:1/q",
                                 f"postgresql://bob@127.0.0.1:1/q?sslmode=bogus&password={SECRET}",
                                 f"postgresql://bob@127.0.0.1:notaport/q?password={SECRET}",
                                 f"mysql://bob@h/q?password={SECRET}"])
@pytest.mark.parametrize("command", [["stats"], ["ingest", "-"], ["db", "upgrade"], ["serve", "--port", "1"]],
                         ids=" ".join)
def test_a_password_in_the_url_is_never_printed(invoke, url, command):
    result = invoke(*command, "--db", url, input=GOOD)
    assert result.exit_code == 1, result.output
    assert SECRET not in result.output and "***" in result.output, result.output


def test_the_password_is_hidden_from_the_environment_variable_too():
    done = subprocess.run([sys.executable, "-c", "from quotes.cli.main import main; main()", "stats"],
                          capture_output=True, text=True, cwd=ROOT, timeout=60,
                          env=dict(os.environ, QUOTES_DB=f"postgresql://bob@127.0.0.1:1/q?password={SECRET}"))
    assert done.returncode == 1 and SECRET not in done.stderr and "password=***" in done.stderr, done.stderr


def test_nul_characters_become_u_fffd_with_a_warning(tmp_path, caplog):
    from quotes.ingest.article import read_article

    body = ("Officials said on Tuesday that the bridge would reopen in May. " * 200)
    at = body.index(" ", 9000)
    (tmp_path / "a.txt").write_bytes((body[:at] + "\x00" + body[at + 1:]).encode())
    with caplog.at_level(logging.WARNING, logger="quotes.ingest.article"):
        text = read_article(str(tmp_path / "a.txt")).text
    assert "\x00" not in text and text.count("\ufffd") == 1
    assert [r.getMessage() for r in caplog.records] == [f"{tmp_path / 'a.txt'}: 1 NUL character read as U+FFFD"]


def test_nul_in_a_jsonl_text_warns_too(tmp_path, caplog):
    from quotes.ingest.article import read_articles

    (tmp_path / "f.jsonl").write_text('{"text": "A \\u0000 statement, she said, and \\u0000 another."}\n')
    with caplog.at_level(logging.WARNING, logger="quotes.ingest.article"):
        list(read_articles(str(tmp_path / "f.jsonl")))
    assert [r.getMessage() for r in caplog.records] == [f"{tmp_path / 'f.jsonl'}:1: 2 NUL characters read as U+FFFD"]


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:"])
@pytest.mark.parametrize("command", [["ingest", "ARTICLE"], ["db", "upgrade"]], ids=" ".join)
def test_an_in_memory_database_is_refused_for_storing(tmp_path, url, command):
    (tmp_path / "a.txt").write_text(GOOD)
    result = run_cli(*[tmp_path / "a.txt" if arg == "ARTICLE" else arg for arg in command], "--db", url)
    assert result.exit_code == 1
    assert result.output == (f"Error: --db {url} is a database in memory: what this command stores would be gone "
                             "when it ends; pass a file path (e.g. --db quotes.db)\n")
