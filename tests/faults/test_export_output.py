"""Issue 13 item 10 (export side): `export -o FILE` never writes through a file or link that is already
at FILE.part, and a full disk is one line with nothing left behind."""

import errno
import os

import pytest

from faults_helpers import GOOD
from storage_helpers import invoke


@pytest.fixture
def db(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(GOOD, encoding="utf-8")
    path = tmp_path / "q.db"
    assert invoke("ingest", article, "--db", path).exit_code == 0
    return path


def test_a_symlink_at_the_partial_name_is_never_followed(db, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    target = tmp_path / "out" / "quotes.csv"
    target.parent.mkdir()
    (target.parent / "quotes.csv.part").symlink_to(victim)
    result = invoke("export", "-o", target, "--db", db)
    assert result.exit_code == 0, result.output
    assert victim.read_text(encoding="utf-8") == "precious"
    assert target.read_text(encoding="utf-8").startswith("quote_id,")
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~current_umask())


def test_a_full_disk_is_one_line_and_leaves_nothing(db, tmp_path, monkeypatch):
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, fh):
            self.fh = fh

        def write(self, text):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

    monkeypatch.setattr("quotes.cli.export.os.fdopen", lambda *a, **k: FullDisk(real_fdopen(*a, **k)))
    target = tmp_path / "out.csv"
    result = invoke("export", "-o", target, "--db", db)
    assert (result.exit_code, result.output) == (
        1, f"Error: cannot write {target}: No space left on device; free some space or choose another -o "
           "(nothing was written)\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt", "q.db", "q.db-shm", "q.db-wal"] or \
        sorted(p.name for p in tmp_path.iterdir()) == ["article.txt", "q.db"]


def test_an_unwritable_folder_is_one_line(db, tmp_path):
    result = invoke("export", "-o", tmp_path / "no" / "such" / "out.csv", "--db", db)
    assert result.exit_code == 1 and result.output.startswith("Error: cannot write ")
    assert "No such file or directory" in result.output


def current_umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask
