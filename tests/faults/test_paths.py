"""Paths that cannot be read: each is a failure that names it, and good files beside it are still read."""

import json
import os
import socket
import sqlite3
import subprocess
import sys

import pytest

from faults_helpers import GOOD, fake_factory
from quotes.ingest.article import read_article
from quotes.ingest.batch import Extracted, Failure, expand_paths, extract_results, read_inputs
from quotes.errors import InputError

LOOP = "a symbolic link loop (the link leads back to itself); fix or remove the link"
FIFO = "a named pipe (FIFO), not a file: skipped, since reading it could wait forever; pipe its contents to `-` instead"
READ_AS_CHILD = """
import json, sys
from quotes.ingest.batch import Failure, read_inputs
print(json.dumps([str(i) if isinstance(i, Failure) else "read " + i.source for i in read_inputs(sys.argv[1:])]))
"""


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(GOOD)
    return tmp_path / "in"


def outcomes(*paths):
    """What extraction makes of the paths: 'read SOURCE' per extracted article, 'SOURCE: reason' per failure."""
    results = extract_results(read_inputs([str(p) for p in paths]), extractor_factory=fake_factory)
    return [f"read {r.article.source}" if isinstance(r, Extracted) else str(r) for r in results]


def read_in_child(prefix, *paths):
    done = subprocess.run([*prefix, sys.executable, "-c", READ_AS_CHILD, *map(str, paths)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_unreadable_folder_is_a_failure_naming_it(folder, unprivileged):
    (folder / "locked").mkdir()
    (folder / "locked" / "inside.txt").write_text(GOOD)
    (folder / "locked").chmod(0)
    try:
        found = read_in_child(unprivileged, folder)
    finally:
        (folder / "locked").chmod(0o755)
    assert found == [f"read {folder / 'good.txt'}",
                     f"{folder / 'locked'}: permission denied: this folder cannot be read, so its articles were "
                     "not; make it readable"]


def test_unreadable_top_folder_is_a_failure_not_an_empty_run(folder, unprivileged):
    folder.chmod(0)
    try:
        found = read_in_child(unprivileged, folder)
    finally:
        folder.chmod(0o755)
    assert found == [f"{folder}: permission denied: this folder cannot be read, so its articles were not; "
                     "make it readable"]


def test_symlink_loop_beside_a_good_file(folder):
    os.symlink("loop.txt", folder / "loop.txt")
    assert outcomes(folder) == [f"read {folder / 'good.txt'}", f"{folder / 'loop.txt'}: {LOOP}"]


def test_symlink_loop_given_by_name_or_glob(folder):
    os.symlink("loop.txt", folder / "loop.txt")
    assert outcomes(folder / "loop.txt", folder / "*.txt") == [
        f"{folder / 'loop.txt'}: {LOOP}", f"read {folder / 'good.txt'}", f"{folder / 'loop.txt'}: {LOOP}"]


def test_broken_link_is_named_as_such(folder):
    os.symlink("gone.txt", folder / "gone-link.txt")
    assert outcomes(folder)[0] == (f"{folder / 'gone-link.txt'}: a broken symbolic link (what it points to is "
                                   "gone); fix or remove the link")


def test_fifo_is_never_opened(folder, time_limit):
    os.mkfifo(folder / "pipe.txt")  # opened, it would block forever: it has no writer
    with time_limit(20):
        found = outcomes(folder, folder / "pipe.txt")
    assert found == [
        f"read {folder / 'good.txt'}", f"{folder / 'pipe.txt'}: {FIFO}", f"{folder / 'pipe.txt'}: {FIFO}"]


def test_reading_a_fifo_directly_is_refused_too(folder, time_limit):
    os.mkfifo(folder / "late.txt")
    with time_limit(20), pytest.raises(InputError, match="late.txt: a named pipe"):
        read_article(str(folder / "late.txt"))


def test_socket_and_device(folder):
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "sock.txt"))
    try:
        assert outcomes(folder, "/dev/null") == [
            f"read {folder / 'good.txt'}",
            f"{folder / 'sock.txt'}: a socket, not a file: skipped; pass article files",
            "/dev/null: a device, not a file: skipped; pass article files"]
    finally:
        server.close()


def test_name_that_is_not_utf8_is_read_and_shown_readably(folder):
    raw = os.fsencode(folder)
    with open(raw + b"/caf\xe9.txt", "wb") as fh:
        fh.write(GOOD.encode())
    with open(raw + b"/empty\xff.txt", "wb"):
        pass
    found = outcomes(folder)
    assert found == [f"read {folder}/caf\\xe9.txt", f"{folder}/empty\\xff.txt: empty file; nothing to read (check "
                     "that the file was saved)", f"read {folder / 'good.txt'}"]
    assert all(line.encode("utf-8") for line in found)  # no lone surrogates: printable and storable


def test_expanding_twice_keeps_failures(folder):
    os.symlink("loop.txt", folder / "loop.txt")
    once = list(expand_paths([str(folder)]))
    assert list(expand_paths(once)) == once == [str(folder / "good.txt"), Failure(str(folder / "loop.txt"), LOOP)]


def test_ingest_names_each_bad_path_and_stores_the_good_file(invoke, folder, tmp_path):
    os.symlink("loop.txt", folder / "loop.txt")
    os.mkfifo(folder / "pipe.txt")
    result = invoke("ingest", folder, "--db", tmp_path / "q.db")
    assert result.exit_code == 1
    assert f"{folder / 'loop.txt'}: {LOOP}" in result.stderr
    assert f"{folder / 'pipe.txt'}: {FIFO}" in result.stderr
    assert "Ingested 1 article" in result.stderr


def test_a_name_that_is_not_utf8_is_ingested(invoke, folder, tmp_path):
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "wb") as fh:
        fh.write(GOOD.replace("pier", "quay").encode())
    result = invoke("ingest", folder, "--db", tmp_path / "q.db")
    assert result.exit_code == 0, result.stderr
    with sqlite3.connect(tmp_path / "q.db") as db:
        sources = [row[0] for row in db.execute("select source from article order by source")]
    assert sources == [f"{folder}/caf\\xe9.txt", str(folder / "good.txt")]


def test_a_glob_still_takes_any_regular_file_it_matches(folder):
    (folder / "notes.md").write_text(GOOD)
    os.mkfifo(folder / "pipe")
    assert outcomes(folder / "*") == [f"read {folder / 'good.txt'}", f"read {folder / 'notes.md'}",
                                      f"{folder / 'pipe'}: {FIFO}"]
