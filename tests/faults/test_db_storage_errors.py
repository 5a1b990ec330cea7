"""Issue 13 item 10 (storage side): what a failed store says, where a run stops, and when.
- "not stored" names the reason, never the SQL or the article text;
- a password in a PostgreSQL URL is never echoed;
- a database that cannot be written stops `ingest` before any article is parsed;
- Ctrl-C says how many articles were stored, in one line, exit 130."""

import subprocess
import sys
from pathlib import Path

import pytest

from faults_helpers import DROP_ROOT, GOOD, fake_extract
from quotes.records import QuoteRecord
from storage_helpers import POSTGRES_ENV, empty_postgres
from storage_helpers import invoke as invoke_with

SECRET_TEXT = "Confidential harbour figures"


def invoke(*args, factory):
    return invoke_with(*args, factory=factory, catch_exceptions=False)


def write(folder: Path, count: int, body=GOOD):
    folder.mkdir(exist_ok=True)
    for n in range(count):
        (folder / f"{n:02}.txt").write_text(body.replace("pier", f"pier {n}"), encoding="utf-8")
    return folder


def test_not_stored_says_why_without_sql_or_article_text(tmp_path):
    def broken_records(texts, sources):  # a record the database refuses: text is NOT NULL
        return [[QuoteRecord(source=s, text=None, start=0, end=1, kind="direct")] for s in sources]

    folder = write(tmp_path / "in", 1, body=f"{SECRET_TEXT}. " + GOOD)
    result = invoke("ingest", folder, "--db", tmp_path / "q.db", factory=lambda: broken_records)
    assert result.exit_code == 1
    assert f"{folder / '00.txt'}: not stored: NOT NULL constraint failed: quote.text" in result.stderr
    assert "[SQL" not in result.stderr and SECRET_TEXT not in result.stderr and "INSERT" not in result.stderr


def test_a_password_in_the_url_is_never_echoed(tmp_path):
    folder = write(tmp_path / "in", 1)
    result = invoke("ingest", folder, "--db", "postgresql://writer:hunter2@127.0.0.1:1/quotes",
                    factory=lambda: fake_extract)
    assert result.exit_code == 1 and "hunter2" not in result.output and "writer:***@" in result.output


def test_ctrl_c_says_how_many_articles_were_stored(tmp_path):
    def interrupted(texts, sources):
        if any("pier 9" in text for text in texts):  # the second batch of eight
            raise KeyboardInterrupt
        return fake_extract(texts, sources)

    folder = write(tmp_path / "in", 12)
    result = invoke("ingest", folder, "--db", tmp_path / "q.db", factory=lambda: interrupted)
    assert result.exit_code == 130
    assert result.stderr == ("Interrupted: 8 articles stored before it stopped; run the same command again "
                             "to go on (articles already stored are skipped)\n")
    again = invoke("ingest", folder, "--db", tmp_path / "q.db", factory=lambda: fake_extract)
    assert again.stderr.startswith("Ingested 4 articles") and "skipped 8 duplicates" in again.stderr


@pytest.fixture
def unprivileged(tmp_path):
    import os
    import shutil

    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions cannot be made to bite")
    return DROP_ROOT


def test_a_read_only_database_stops_ingest_before_any_parsing(tmp_path, unprivileged):
    folder = write(tmp_path / "in", 3)
    db = tmp_path / "ro" / "q.db"
    db.parent.mkdir()
    assert invoke("db", "upgrade", "--db", db, factory=lambda: fake_extract).exit_code == 0
    for path in db.parent.iterdir():
        path.chmod(0o444)
    db.parent.chmod(0o555)
    marker = tmp_path / "parsed"
    script = ("import sys, pathlib; sys.path.insert(0, sys.argv.pop(1)); marker = pathlib.Path(sys.argv.pop(1))\n"
              "from faults_helpers import fake_extract\n"
              "from quotes.cli.context import App\nfrom quotes.cli.main import main\n"
              "def factory():\n    marker.write_text('the extractor was built')\n    return fake_extract\n"
              "main(sys.argv[1:], prog_name='quotes', obj=App(extractor_factory=factory))")
    try:
        run = subprocess.run([*unprivileged, sys.executable, "-c", script, str(Path(__file__).parent), str(marker),
                              "ingest", str(folder), "--db", str(db)], capture_output=True, text=True, timeout=120)
    finally:
        db.parent.chmod(0o755)
    assert run.returncode == 1
    assert run.stderr.startswith(f"Error: cannot write to {db}: ") and "Traceback" not in run.stderr, run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    assert not marker.exists()


def test_a_nul_after_the_first_8_kb_is_stored_alike_on_every_backend(tmp_path):
    """Item 10: SQLite stored such a NUL and PostgreSQL refused the article; reading now replaces it (8b2a940),
    so both backends store the same text."""
    import os

    from sqlalchemy import text

    from quotes.db import make_engine

    urls = [str(tmp_path / "q.db")]
    if os.environ.get(POSTGRES_ENV):
        urls.append(empty_postgres())
    folder = write(tmp_path / "in", 1, body=GOOD + "The board met. " * 700 + "\x00 and after.\n")
    stored = []
    for url in urls:
        result = invoke("ingest", folder, "--db", url, factory=lambda: fake_extract)
        assert result.exit_code == 0, result.output
        engine = make_engine(url, read_only=True)
        with engine.connect() as connection:
            stored.append(connection.execute(text("SELECT text FROM article")).scalar())
        engine.dispose()
    assert "\x00" not in stored[0] and len(set(stored)) == 1
