"""Issue 13 item 10 / issue 12 'Database trouble': a disk that fills up mid-ingest (a small tmpfs, when
the tests run as root) stops the run with one line and the count stored; what was stored is whole, and
the database checks out. `export -o` onto a full disk is one line and leaves nothing."""

import os
import sqlite3
import subprocess

import pytest

from storage_helpers import fill, invoke


@pytest.fixture
def small_disk(tmp_path):
    """A 512 KiB tmpfs, unmounted afterwards."""
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a small tmpfs (the simulated case is in test_export_output.py)")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    yield mount
    if subprocess.run(["umount", str(mount)], capture_output=True).returncode != 0:
        subprocess.run(["umount", "--lazy", str(mount)], check=False)  # a handle still open: detach it anyway


def articles(folder, count, size=40_000):
    folder.mkdir()
    for n in range(count):
        filler = f" The harbour board met again on day {n}." * (size // 40)
        (folder / f"{n:03}.txt").write_text(f'"We will rebuild pier {n}," the mayor said.{filler}', encoding="utf-8")
    return folder


def test_a_full_disk_stops_ingest_with_one_line_and_a_sound_database(small_disk, tmp_path):
    db = small_disk / "q.db"
    result = invoke("ingest", articles(tmp_path / "in", 40), "--db", db)
    assert result.exit_code == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"Error: cannot write to {db}: database or disk is full; free some disk space"), \
        result.stderr
    assert "Traceback" not in result.stderr and "[SQL" not in result.stderr
    stored = int(last.rsplit("(", 1)[1].split()[0])
    assert 0 < stored < 40
    connection = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        per_article = connection.execute("SELECT count(*) FROM quote GROUP BY article_id").fetchall()
    finally:
        connection.close()
    assert len(per_article) == stored and set(per_article) == {(1,)}  # every stored article has its quote


def test_export_onto_a_full_disk_is_one_line_and_leaves_nothing(small_disk, tmp_path):
    db = tmp_path / "q.db"
    assert invoke("ingest", articles(tmp_path / "in", 30, size=20_000), "--db", db).exit_code == 0
    fill(small_disk)
    target = small_disk / "quotes.jsonl"
    result = invoke("export", "--format", "jsonl", "-o", target, "--db", db)
    assert result.exit_code == 1
    assert result.output == (f"Error: cannot write {target}: No space left on device; free some space or "
                             "choose another -o (nothing was written)\n")
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]
