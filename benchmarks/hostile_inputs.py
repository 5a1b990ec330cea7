"""Hostile and broken inputs, tried the way a careless user or a flaky machine would: prints tried / passed /
held per category and the worst-case CPU seconds of the huge-token and caps cases.

    OMP_NUM_THREADS=1 python benchmarks/hostile_inputs.py [--budget 60] [--only huge] [--skip caps] [-v]

Each case runs in its own process with a time limit, so a hang (a FIFO, a tokenizer stuck on one enormous
"word") counts as a failure instead of stopping the run. A case passes when the input is handled the way
issues 13 and 23 ask: every unreadable path is a failure that names it while good files beside it are read;
text that is not language is refused; a hostile pickle never runs; no article costs over 60 CPU-s (caps);
one bad entry fails alone (batch); what used to be a traceback is one line (one line); every message is
true (messages); a cluster run ends (cluster); control characters, foreign hosts and crafted checkpoints are
harmless (security); the web view answers 50 clients at once (web). The budget is wall-clock seconds per
case: on a busy machine give the model cases more (--budget 300), their CPU limit stays 60 s.
Run as root, the unreadable-folder cases drop to user nobody (root reads everything).
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOOD = "Harbour plan\n\n“We will rebuild the pier,” the mayor said on Monday.\n"
MARKER = "PWNED"


# --- paths -------------------------------------------------------------------------------------------------

def _read_all(paths):
    """(sources of the articles read, sources of the failures) for the paths, through the batch reader."""
    from quotes.ingest.batch import Failure, read_inputs

    articles, failures = [], []
    for item in read_inputs([str(p) for p in paths]):
        (failures if isinstance(item, Failure) else articles).append(item)
    return [a.source for a in articles], [f"{f.source}: {f.reason}" for f in failures]


def _folder_with_good(tmp: Path) -> Path:
    folder = tmp / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    return folder


def _good_read_and_named(folder: Path, bad: str, *, extra_paths=()) -> bool:
    read, failed = _read_all([folder, *extra_paths])
    return any(s.endswith("good.txt") for s in read) and any(bad in f for f in failed)


def paths_unreadable_folder(tmp: Path) -> bool:
    folder = _folder_with_good(tmp)
    (folder / "locked").mkdir()
    (folder / "locked" / "inside.txt").write_text(GOOD)
    (folder / "locked").chmod(0)
    return _good_read_and_named(folder, "locked")


def paths_unreadable_file(tmp: Path) -> bool:
    folder = _folder_with_good(tmp)
    (folder / "secret.txt").write_text(GOOD)
    (folder / "secret.txt").chmod(0)
    return _good_read_and_named(folder, "secret.txt")


def paths_symlink_loop_in_folder(tmp: Path) -> bool:
    folder = _folder_with_good(tmp)
    os.symlink("loop.txt", folder / "loop.txt")
    return _good_read_and_named(folder, "loop.txt")


def paths_symlink_loop_given(tmp: Path) -> bool:
    loop = tmp / "loop.txt"
    os.symlink("loop.txt", loop)
    _, failed = _read_all([loop])
    return len(failed) == 1 and "symbolic link" in failed[0] and "no such file" not in failed[0]


def paths_fifo_in_folder(tmp: Path) -> bool:
    folder = _folder_with_good(tmp)
    os.mkfifo(folder / "pipe.txt")
    return _good_read_and_named(folder, "pipe.txt")


def paths_fifo_given(tmp: Path) -> bool:
    os.mkfifo(tmp / "pipe.txt")
    _, failed = _read_all([tmp / "pipe.txt"])
    return len(failed) == 1 and "pipe.txt" in failed[0] and "no such file" not in failed[0]


def paths_socket_in_folder(tmp: Path) -> bool:
    folder = _folder_with_good(tmp)
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "sock.txt"))
    return _good_read_and_named(folder, "sock.txt")


def paths_device_given(tmp: Path) -> bool:
    _, failed = _read_all(["/dev/zero"])
    return len(failed) == 1 and "/dev/zero" in failed[0] and "no such file" not in failed[0]


def paths_broken_symlink(tmp: Path) -> bool:
    folder = _folder_with_good(tmp)
    os.symlink("gone.txt", folder / "dangling.txt")
    return _good_read_and_named(folder, "dangling.txt")


def paths_non_utf8_name(tmp: Path) -> bool:
    folder = _folder_with_good(tmp)
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "wb") as fh:
        fh.write(GOOD.encode())
    with open(os.fsencode(folder) + b"/empty\xff.txt", "wb"):
        pass
    read, failed = _read_all([folder])
    readable = all(_printable(s) for s in read + failed)
    return readable and any("caf\\xe9.txt" in s for s in read) and any("empty\\xff.txt" in f for f in failed)


def _printable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


UNPRIVILEGED = {"paths_unreadable_folder", "paths_unreadable_file"}
"""Cases that need permissions to bite: as root they run without the capabilities that bypass them."""
DROP_ROOT = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


# --- decoding ----------------------------------------------------------------------------------------------

def _read_text(tmp: Path, data: bytes, name: str = "article.txt"):
    """The article text, or None when the reader refused the file with a message naming it."""
    from quotes.ingest.article import read_article
    from quotes.errors import InputError

    path = tmp / name
    path.write_bytes(data)
    try:
        return read_article(str(path)).text
    except InputError as error:
        assert str(error).startswith(str(path)), error
        return None


BODY = ("Officials said on Tuesday that the bridge would reopen in May. “It is safe,” said Ana Müller, "
        "the engineer in charge — “safer than before.”\n") * 40


def decoding_random_bytes_refused(tmp: Path) -> bool:
    rng = random.Random(13)
    return _read_text(tmp, bytes(rng.randrange(1, 256) for _ in range(20_000))) is None


def decoding_5mb_noise_refused(tmp: Path) -> bool:
    noise = random.Random(13).randbytes(4_900_000).replace(b"\x00", b"\x01")
    return _read_text(tmp, noise) is None


def decoding_control_characters_refused(tmp: Path) -> bool:
    rng = random.Random(13)
    junk = "".join(chr(rng.choice([c for c in range(1, 32) if chr(c) not in "\t\n\r"])) for _ in range(80_000))
    return _read_text(tmp, ("Title\n" + junk).encode()) is None


def decoding_few_bad_bytes_replaced_only(tmp: Path) -> bool:
    first, second = BODY.index(" ", 500), BODY.index(" ", 3000)
    broken = (BODY[:first].encode() + b"\x93" + BODY[first:second].encode() + b"\xff\xfe"
              + BODY[second:].encode())
    text = _read_text(tmp, broken)
    return text == BODY[:first] + "\ufffd" + BODY[first:second] + "\ufffd\ufffd" + BODY[second:]


def decoding_cp1252_still_read(tmp: Path) -> bool:
    legacy = "Caf\u00e9 talks\n\n\u201cWe agree,\u201d the minister said \u2014 na\u00efvely.\n" * 5
    return _read_text(tmp, legacy.encode("cp1252")) == legacy


def decoding_utf16le_without_bom(tmp: Path) -> bool:
    return _read_text(tmp, BODY.encode("utf-16-le")) == BODY


def decoding_utf16be_without_bom(tmp: Path) -> bool:
    return _read_text(tmp, BODY.encode("utf-16-be")) == BODY


def decoding_nul_after_8k_replaced(tmp: Path) -> bool:
    body = BODY * 3
    at = body.index(" ", 9000)
    text = _read_text(tmp, (body[:at] + "\x00" + body[at + 1:]).encode())
    return text == body[:at] + "\ufffd" + body[at + 1:]


def decoding_nul_in_jsonl_text(tmp: Path) -> bool:
    from quotes.ingest.article import read_articles

    path = tmp / "feed.jsonl"
    path.write_text('{"text": "A \\u0000 statement, she said."}\n')
    [article] = list(read_articles(str(path)))
    return "\x00" not in article.text and len(article.text) == len("A \x00 statement, she said.")


def decoding_other_scripts_accepted(tmp: Path) -> bool:
    text = ("Ο υπουργός είπε: «Θα το κάνουμε». 部长说：“我们会做到。” Министр сказал: «Сделаем».\n") * 20
    return _read_text(tmp, text.encode()) == text


def decoding_plain_english_accepted(tmp: Path) -> bool:
    return _read_text(tmp, BODY.encode()) == BODY


# --- pickles -----------------------------------------------------------------------------------------------

class _Evil:
    def __init__(self, marker: str):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def _hostile_checkpoint(path: Path, marker: Path) -> None:
    import torch

    torch.save({"vocab": _Evil(str(marker)), "model": {}}, path)


def pickles_warmstart_hostile(tmp: Path) -> bool:
    from quotes.training.parser import warmstart_vocab

    marker = tmp / MARKER
    _hostile_checkpoint(tmp / "parser.pt", marker)
    try:
        warmstart_vocab(str(tmp / "parser.pt"))
    except Exception:
        pass
    return not marker.exists()


def pickles_warmstart_genuine(tmp: Path) -> bool:
    from quotes.training.parser import warmstart_vocab

    vocab = warmstart_vocab(str(ROOT / "quotes" / "models" / "en" / "parser.pt"))
    return len(vocab["word"]) > 100


def pickles_stanza_dir_hostile(tmp: Path) -> bool:
    from quotes.errors import QuotesError
    from quotes.runtime.nlp import MODEL_FILES, load_pipeline

    models = tmp / "models"
    models.mkdir()
    for name in MODEL_FILES.values():
        shutil.copy(ROOT / "quotes" / "models" / "en" / name, models / name)
    marker = tmp / MARKER
    _hostile_checkpoint(models / "tokenizer.pt", marker)
    try:
        load_pipeline(stanza_dir=str(models))
    except QuotesError as error:
        return not marker.exists() and "\n" not in str(error) and str(models) in str(error)
    except BaseException:
        return False
    return False


# --- huge tokens (real models) -----------------------------------------------------------------------------

TIMES: dict[str, float] = {}
CPU_BUDGET = 60.0
"""CPU seconds one article may cost at most (issue 23); the wall-clock --budget allows for a busy machine."""


def _extract_timed(tmp: Path, text: str, name: str) -> bool:
    from quotes.ingest.batch import stanza_extractor

    extract = stanza_extractor()
    started, cpu = time.perf_counter(), time.process_time()
    extract([text], [str(tmp / name)])
    print(f"TIME {time.perf_counter() - started:.2f}")
    cpu = time.process_time() - cpu
    print(f"CPU {cpu:.2f}")
    print(f"RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")  # MB, models included
    return cpu < CPU_BUDGET


def huge_word_100kb(tmp: Path) -> bool:
    return _extract_timed(tmp, "Title\n\n“" + "a" * 100_000 + ",” he said.\n", "word.txt")


def huge_single_line_5mb(tmp: Path) -> bool:
    rng = random.Random(13)
    words = ["the", "minister", "said", "that", "harbour", "works", "would", "go", "on", "“fine,”", "and"]
    line = " ".join(rng.choice(words) for _ in range(800_000))[:4_990_000]
    return _extract_timed(tmp, line, "line.txt")


def huge_control_characters_82kb(tmp: Path) -> bool:
    rng = random.Random(13)
    junk = "".join(chr(rng.choice([c for c in range(1, 32) if not chr(c).isspace()])) for _ in range(82_000))
    return _extract_timed(tmp, "Title\n\n" + junk + "\n“Yes,” she said.\n", "control.txt")


# --- one bad entry in a batch (issue 23) ---------------------------------------------------------------------

DEEP_JSON = "[" * 100_000 + "]" * 100_000


def batch_deep_json_line(tmp: Path) -> bool:
    import json

    feed = tmp / "feed.jsonl"
    feed.write_text(json.dumps({"text": GOOD}) + "\n" + '{"text": "x", "m": ' + DEEP_JSON + "}\n"
                    + json.dumps({"text": GOOD + " Again."}) + "\n")
    read, failed = _read_all([feed])
    return len(read) == 2 and len(failed) == 1 and failed[0].startswith(f"{feed}:2: nested deeper")


def batch_deep_json_sidecar(tmp: Path) -> bool:
    folder = _folder_with_good(tmp)
    (folder / "side.txt").write_text(GOOD + "Side.\n")
    (folder / "side.json").write_text(DEEP_JSON)
    return _good_read_and_named(folder, "side.json")


def batch_deep_json_stdin(tmp: Path) -> bool:
    import io
    import json

    from quotes.ingest.article import read_articles
    from quotes.errors import InputError

    data = ('{"text": "x", "m": ' + DEEP_JSON + "}\n" + json.dumps({"text": GOOD}) + "\n").encode()
    results = list(read_articles("-", stdin=io.BytesIO(data)))
    return (len(results) == 2 and isinstance(results[0], InputError) and "nested deeper" in str(results[0])
            and not isinstance(results[1], InputError))


def batch_251_character_name(tmp: Path) -> bool:
    folder = _folder_with_good(tmp)
    (folder / ("a" * 251 + ".txt")).write_text(GOOD + "Long.\n")
    read, failed = _read_all([folder])
    return len(read) == 2 and not failed


# --- tracebacks that are one line now (issue 23) --------------------------------------------------------------

def _stored_db(tmp: Path) -> Path:
    from interrupt_worker import quotes_in
    from quotes.db import make_engine, session_scope
    from quotes.db.store import ingest_article
    from quotes.records import Article

    text = "---\ntitle: Harbour plan\ndate: 2024-03-01\n---\n\"We will rebuild the pier,\" said Ana Varga.\n"
    db = tmp / "q.db"
    engine = make_engine(f"sqlite:///{db}")
    with session_scope(engine) as session:
        ingest_article(session, article=Article(text=text, source="a.txt", title="Harbour plan",
                                                published_at=__import__("datetime").date(2024, 3, 1)),
                       records=quotes_in([text], ["a.txt"])[0], pipeline_version="t")
    engine.dispose()
    return db


def _quotes(*args, stdout=subprocess.PIPE) -> tuple[int, str]:
    done = subprocess.run([sys.executable, "-c", "from quotes.cli.main import main; main()", *args], stdout=stdout,
                          stderr=subprocess.PIPE, cwd=ROOT, timeout=120)
    return done.returncode, done.stderr.decode("utf-8", "replace")


def _one_line(code: int, err: str, *, says: str, exit_code: int = 1) -> bool:
    return code == exit_code and "Traceback" not in err and err.count("\n") == 1 and says in err


def _corrupted(tmp: Path, sql: str) -> bool:
    import sqlite3

    db = _stored_db(tmp)
    with sqlite3.connect(db) as connection:
        connection.execute(sql)
    connection.close()
    shown = all(_quotes(*command, "--db", str(db))[0] == 0
                for command in (["by", "Varga"], ["speakers"], ["statements", "Varga"], ["show", "1"],
                                ["search", "pier"], ["export"]))
    from starlette.testclient import TestClient

    from quotes.cli.web import create_app, open_readonly

    client = TestClient(create_app(open_readonly(str(db))), raise_server_exceptions=False)
    pages = ["/", "/search?q=pier", "/speakers/1", "/articles/1", "/speakers/1/timeline.svg"]
    return shown and all(client.get(page).status_code == 200 for page in pages)


def one_line_corrupted_date(tmp: Path) -> bool:
    return _corrupted(tmp, "UPDATE article SET published_at = 'not-a-date'")


def one_line_corrupted_spans(tmp: Path) -> bool:
    return _corrupted(tmp, "UPDATE quote SET spans = '{x'")


def one_line_corrupted_confidence(tmp: Path) -> bool:
    return _corrupted(tmp, "UPDATE quote SET confidence = 'high'")


def _stamped(tmp: Path, revision: str, says: str) -> bool:
    import sqlite3

    db = _stored_db(tmp)
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    connection.close()
    return all(_one_line(*_quotes(*command, "--db", str(db)), says=says)
               for command in (["db", "upgrade"], ["db", "current"], ["by", "Varga"]))


def one_line_foreign_alembic_stamp(tmp: Path) -> bool:
    return _stamped(tmp, "ae1027a6acf", "not quote-tracker's")


def one_line_newer_revision(tmp: Path) -> bool:
    return _stamped(tmp, "0999", "made by a newer quote-tracker")


def one_line_stdout_full(tmp: Path) -> bool:
    db = _stored_db(tmp)
    with open("/dev/full", "wb") as full:
        return all(_one_line(*_quotes(*command, "--db", str(db), stdout=full), says="No space left on device")
                   for command in (["stats"], ["export"], ["by", "Varga"]))


def one_line_non_utf8_arguments(tmp: Path) -> bool:
    db = _stored_db(tmp)
    commands = [["by", b"\xff"], ["by", "Varga", "--outlet", b"\xff"], ["search", b"\xfe"], ["show", b"\xff"],
                ["speakers", "--like", b"\xff"], ["export", "--speaker", b"\xff"]]
    return all(_one_line(*_quotes(*command, "--db", str(db)), says="is not UTF-8 text") for command in commands)


def one_line_huge_ids(tmp: Path) -> bool:
    from starlette.testclient import TestClient

    from quotes.cli.web import create_app, open_readonly

    db = _stored_db(tmp)
    huge = "99999999999999999999"
    cli = all(_one_line(*_quotes(*command, "--db", str(db)), says="Error: ")
              for command in (["show", huge], ["by", f"#{huge}"], ["speakers", "merge", f"#{huge}", "1"]))
    client = TestClient(create_app(open_readonly(str(db))), raise_server_exceptions=False)
    pages = [f"/speakers/{huge}", "/speakers/2147483648", f"/articles/{huge}"]
    return cli and all(client.get(page).status_code == 404 for page in pages)


def _broken_model(tmp: Path, damage) -> bool:
    models = tmp / "models"
    shutil.copytree(ROOT / "quotes" / "models" / "en", models)
    damage(models / "parser.pt")
    (tmp / "a.txt").write_text(GOOD)
    return _one_line(*_quotes("extract", str(tmp / "a.txt"), "--stanza-dir", str(models)),
                     says="parser.pt is")


def one_line_truncated_model(tmp: Path) -> bool:
    return _broken_model(tmp, lambda path: os.truncate(path, 1000))


def one_line_empty_model(tmp: Path) -> bool:
    return _broken_model(tmp, lambda path: path.write_bytes(b""))


def one_line_ctrl_c_two_workers(tmp: Path) -> bool:
    import signal

    from interrupt_checks import marks_seen, start_ingest, wait_for
    from interrupt_worker import write_articles

    marks = tmp / "marks"
    process = start_ingest(f"sqlite:///{tmp / 'q.db'}", write_articles(tmp / "in", range(10)), marks=marks, delay=1.0,
                           options=("--workers", "2"))
    wait_for(lambda: marks_seen(marks) >= 10, process=process, timeout=120)
    time.sleep(1.5)
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    return _one_line(process.returncode, err, says="Interrupted: ", exit_code=130)


# --- messages that are true (issue 23) -----------------------------------------------------------------------

def messages_read_only_folder(tmp: Path) -> bool:
    db = _stored_db(tmp)
    folder = tmp / "ro"
    folder.mkdir()
    shutil.copy(db, folder / "q.db")
    folder.chmod(0o555)
    drop = DROP_ROOT if os.geteuid() == 0 else []
    try:
        return all(subprocess.run([*drop, sys.executable, "-c", "from quotes.cli.main import main; main()", *command,
                                   "--db", str(folder / "q.db")], capture_output=True, cwd=ROOT).returncode == 0
                   for command in (["stats"], ["by", "Varga"], ["export"], ["db", "current"]))
    finally:
        folder.chmod(0o755)


def messages_disk_io_error_on_full_disk(tmp: Path) -> bool:
    from sqlalchemy.exc import OperationalError

    from quotes.db import failures as errors

    error = OperationalError("SELECT 1", {}, Exception("disk I/O error"))
    errors.free_bytes_beside, real = (lambda url: 0), errors.free_bytes_beside
    try:
        full = str(errors.unavailable(error, str(tmp / "q.db")))
    finally:
        errors.free_bytes_beside = real
    room = str(errors.unavailable(error, str(tmp / "q.db")))
    return "its disk is full" in full and "damaged" not in full + room


def messages_like_pattern_too_long(tmp: Path) -> bool:
    db = _stored_db(tmp)
    code, err = _quotes("speakers", "--like", "a" * 60_000, "--db", str(db))
    return _one_line(code, err, says="the text to look for is too long") and "check --db" not in err


def messages_password_in_url_hidden(tmp: Path) -> bool:
    urls = ["postgresql://bob@127.0.0.1:1/q?password=S3cr3tPw", "postgresql://bob:S3cr3tPw@127.0.0.1:1/q",
            "postgresql://bob@127.0.0.1:1/q?sslmode=bogus&password=S3cr3tPw", "mysql://bob@h/q?password=S3cr3tPw"]
    results = [_quotes(command, "--db", url) for url in urls for command in ("stats", "serve")]
    return all(code == 1 and "S3cr3tPw" not in err and "***" in err for code, err in results)


def messages_nul_warned(tmp: Path) -> bool:
    import logging

    from quotes.ingest.article import read_article

    seen = []
    handler = logging.Handler()
    handler.emit = lambda record: seen.append(record.getMessage())
    logging.getLogger("quotes.ingest.article").addHandler(handler)
    body = BODY * 3
    at = body.index(" ", 9000)
    (tmp / "a.txt").write_bytes((body[:at] + "\x00" + body[at + 1:]).encode())
    read_article(str(tmp / "a.txt"))
    return any("NUL character read as U+FFFD" in message for message in seen)


def messages_in_memory_db_refused(tmp: Path) -> bool:
    (tmp / "a.txt").write_text(GOOD)
    return all(_one_line(*_quotes("ingest", str(tmp / "a.txt"), "--db", url), says="is a database in memory")
               for url in ("sqlite://", "sqlite:///:memory:"))


# --- web view (issue 23) -------------------------------------------------------------------------------------

def _filled_sqlite(tmp: Path) -> str:
    from interrupt_checks import start_ingest
    from interrupt_worker import write_articles

    url = f"sqlite:///{tmp / 'q.db'}"
    process = start_ingest(url, write_articles(tmp / "first", range(6)))
    process.communicate(timeout=120)
    return url


def web_50_clients_at_once(tmp: Path) -> bool:
    from test_web_concurrency import Served, requests_for

    url = _filled_sqlite(tmp)
    with Served(url) as served:
        results = served.get_all(requests_for(50))
        alive = served.process.poll() is None
    return alive and results == [200] * 50


def web_50_clients_during_ingest(tmp: Path) -> bool:
    from interrupt_checks import start_ingest
    from interrupt_worker import write_articles
    from test_web_concurrency import Served, requests_for

    url = _filled_sqlite(tmp)
    with Served(url) as served:
        ingest = start_ingest(url, write_articles(tmp / "more", range(100, 130)), delay=0.05)
        rounds = [served.get_all(requests_for(50)) for _ in range(3)]
        ingest.communicate(timeout=180)
        alive = served.process.poll() is None
    return alive and ingest.returncode == 0 and rounds == [[200] * 50] * 3


def _quoted_sentences(chars: int, per_line: int) -> str:
    rng = random.Random(13)
    sentences = ["“We will rebuild the pier by May,” the mayor said.", "Officials met on Tuesday in the harbour.",
                 "The minister said that the works would go on.", "“It is safe,” said Ana Varga, the engineer."]
    lines, line, size = [], [], 0
    while size < chars:
        line.append(rng.choice(sentences))
        size += len(line[-1]) + 1
        if len(line) >= per_line or size >= chars:
            lines.append(" ".join(line))
            line = []
    return "Title\n\n" + "\n".join(lines) + "\n"


def caps_5mb_line_of_quotes(tmp: Path) -> bool:
    return _extract_timed(tmp, _quoted_sentences(4_900_000, 10**9).replace("\n", " ", 2), "quotes-line.txt")


def caps_400kb_line_of_quotes(tmp: Path) -> bool:
    return _extract_timed(tmp, _quoted_sentences(400_000, 10**9).replace("\n", " ", 2), "quotes-line.txt")


def caps_100k_short_lines(tmp: Path) -> bool:
    return _extract_timed(tmp, "Title\n\n" + "“Yes,” she said.\n" * 100_000, "lines.txt")


def caps_5mb_of_quoted_paragraphs(tmp: Path) -> bool:
    return _extract_timed(tmp, _quoted_sentences(4_900_000, 4), "paragraphs.txt")


def caps_html_50k_paragraphs(tmp: Path) -> bool:
    from quotes.ingest.article import read_article

    html = ("<html><head><title>Harbour</title></head><body><article>"
            + "".join(f"<p>“We will rebuild pier {i},” the mayor said.</p>" for i in range(50_000))
            + "</article></body></html>")
    (tmp / "p.html").write_text(html)
    started = time.process_time()
    text = read_article(str(tmp / "p.html")).text
    print(f"READ {time.process_time() - started:.2f}")
    return _extract_timed(tmp, text, "p.html")


def caps_html_200k_attributes(tmp: Path) -> bool:
    from quotes.ingest.article import read_article

    html = ("<html><body><p " + " ".join(f'a{i}="x"' for i in range(200_000)) + ">“Yes,” she said.</p>"
            + "<p>The mayor said that the works would go on.</p>" * 20 + "</body></html>")
    (tmp / "a.html").write_text(html)
    started = time.process_time()
    text = read_article(str(tmp / "a.html")).text
    print(f"CPU {time.process_time() - started:.2f}")
    return "works would go on" in text and time.process_time() - started < 30


def _pytest_passes(test: str) -> bool:
    """A fault test of tests/faults run as a case (the cluster ones need a scheduler and a worker of their own)."""
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"tests/faults/{test}"],
                          capture_output=True, text=True, cwd=ROOT)
    return done.returncode == 0


def cluster_no_workers(tmp: Path) -> bool:
    return _pytest_passes("test_cluster_faults.py::test_a_scheduler_without_workers_stops_the_run_with_one_line")


def cluster_scheduler_killed_mid_run(tmp: Path) -> bool:
    return _pytest_passes("test_cluster_faults.py::test_a_scheduler_killed_mid_run_gives_the_summary_and_one_line")


def cluster_not_an_address(tmp: Path) -> bool:
    return _pytest_passes("test_cluster_faults.py::test_not_an_address_is_one_line_at_once")


def security_file_name_escapes(tmp: Path) -> bool:
    return _pytest_passes("test_security.py::test_ingest_output_escapes_control_characters_of_file_names")


def security_stored_text_escapes(tmp: Path) -> bool:
    return _pytest_passes("test_security.py::test_tables_show_escapes_not_control_characters")


def security_foreign_host_refused(tmp: Path) -> bool:
    return _pytest_passes("test_security.py::test_a_foreign_host_header_is_refused")


def security_headers(tmp: Path) -> bool:
    return _pytest_passes("test_security.py::test_every_response_carries_the_security_headers")


def security_ner_checkpoint_weights_only(tmp: Path) -> bool:
    from quotes.errors import UnsafeModel
    from quotes.training.ner import compact_ner_model

    marker = tmp / MARKER
    import torch

    torch.save({"model": {}, "vocab": _Evil(str(marker)), "config": {}}, tmp / "ner.pt")
    try:
        compact_ner_model(tmp / "ner.pt", tmp / "out.pt")
    except UnsafeModel:
        pass
    return not marker.exists()


CATEGORIES = {
    "paths": [paths_unreadable_folder, paths_unreadable_file, paths_symlink_loop_in_folder,
              paths_symlink_loop_given, paths_fifo_in_folder, paths_fifo_given,
              paths_socket_in_folder, paths_device_given, paths_broken_symlink, paths_non_utf8_name],
    "decoding": [decoding_random_bytes_refused, decoding_5mb_noise_refused, decoding_control_characters_refused,
                 decoding_few_bad_bytes_replaced_only, decoding_cp1252_still_read, decoding_utf16le_without_bom,
                 decoding_utf16be_without_bom, decoding_nul_after_8k_replaced, decoding_nul_in_jsonl_text,
                 decoding_other_scripts_accepted, decoding_plain_english_accepted],
    "pickles": [pickles_warmstart_hostile, pickles_warmstart_genuine, pickles_stanza_dir_hostile],
    "huge tokens": [huge_word_100kb, huge_single_line_5mb, huge_control_characters_82kb],
    "caps": [caps_400kb_line_of_quotes, caps_5mb_line_of_quotes, caps_100k_short_lines, caps_5mb_of_quoted_paragraphs,
             caps_html_50k_paragraphs, caps_html_200k_attributes],
    "cluster": [cluster_no_workers, cluster_scheduler_killed_mid_run, cluster_not_an_address],
    "batch": [batch_deep_json_line, batch_deep_json_sidecar, batch_deep_json_stdin, batch_251_character_name],
    "one line": [one_line_corrupted_date, one_line_corrupted_spans, one_line_corrupted_confidence,
                 one_line_foreign_alembic_stamp, one_line_newer_revision, one_line_stdout_full,
                 one_line_non_utf8_arguments, one_line_huge_ids, one_line_truncated_model, one_line_empty_model,
                 one_line_ctrl_c_two_workers],
    "messages": [messages_read_only_folder, messages_disk_io_error_on_full_disk, messages_like_pattern_too_long,
                 messages_password_in_url_hidden, messages_nul_warned, messages_in_memory_db_refused],
    "security": [security_file_name_escapes, security_stored_text_escapes, security_foreign_host_refused,
                 security_headers, security_ner_checkpoint_weights_only],
    "web": [web_50_clients_at_once, web_50_clients_during_ingest],
}
CASES = {case.__name__: case for cases in CATEGORIES.values() for case in cases}


def run_case(name: str, budget: float) -> tuple[bool, str, float]:
    """(passed, why not, seconds) for one case, run in a child process with `budget` seconds."""
    tmp = Path(tempfile.mkdtemp(prefix="hostile-"))
    tmp.chmod(0o755)
    started = time.perf_counter()
    try:
        drop = DROP_ROOT if name in UNPRIVILEGED and os.geteuid() == 0 else []
        done = subprocess.run([*drop, sys.executable, __file__, "--case", name, str(tmp)], capture_output=True,
                              text=True, timeout=budget, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return False, f"still running after {budget:.0f} s", time.perf_counter() - started
    finally:
        _remove(tmp)
    elapsed = time.perf_counter() - started
    timed = [float(line.split()[1]) for line in done.stdout.splitlines() if line.startswith("TIME ")]
    cpu = [line.split()[1] for line in done.stdout.splitlines() if line.startswith("CPU ")]
    seconds = timed[0] if timed else elapsed
    rss = [line.split()[1] for line in done.stdout.splitlines() if line.startswith("RSS ")]
    if done.returncode == 0 and "PASS" in done.stdout:
        said = ([f"{cpu[0]} CPU-s"] if cpu else []) + ([f"peak RSS {rss[0]} MB"] if rss else [])
        return True, ", ".join(said), seconds
    tail = (done.stderr.strip().splitlines() or done.stdout.strip().splitlines() or ["failed"])[-1]
    return False, tail[:150], seconds


def child(name: str, tmp: str) -> None:
    sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "faults")]  # the fault tests' helpers serve cases too
    print("PASS" if CASES[name](Path(tmp)) else "FAIL")


def _remove(tmp: Path) -> None:
    """Remove a case's folder, locked folders included."""
    for path in tmp.rglob("*"):
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=float, default=60.0, help="seconds per case (default 60)")
    parser.add_argument("--only", choices=sorted({c.split()[0] for c in CATEGORIES}), help="one category")
    parser.add_argument("--skip", action="append", default=[], help="leave out a category (repeatable)")
    parser.add_argument("--case", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("-v", "--verbose", action="store_true", help="print every case")
    args = parser.parse_args()
    if args.case:
        return child(*args.case)
    print(f"{'category':<12} {'tried':>5} {'passed':>6} {'held':>5}")
    worst: dict[str, str] = {}
    for category, cases in CATEGORIES.items():
        if args.only and not category.startswith(args.only) or category.split()[0] in args.skip:
            continue
        passed = 0
        for case in cases:
            ok, why, seconds = run_case(case.__name__, args.budget)
            passed += ok
            if category in ("huge tokens", "caps"):
                worst[case.__name__] = f"{seconds:.1f} s, {why}" if ok else f"> {args.budget:.0f} s ({why})"
            if args.verbose or not ok:
                print(f"  {'pass' if ok else 'FAIL'} {case.__name__}{': ' + why if why and not ok else ''}",
                      file=sys.stderr)
        print(f"{category:<12} {len(cases):>5} {passed:>6} {100 * passed / len(cases):>4.0f}%", flush=True)
    for name, seconds in worst.items():
        print(f"time {name}: {seconds}")


if __name__ == "__main__":
    main()
