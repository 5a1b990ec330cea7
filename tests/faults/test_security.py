"""Issue 23, security: control characters in file names and stored titles or quotes reached the terminal
(screen cleared, window title set, a fake summary line from a file name holding a newline); the web view
answered any Host header (DNS rebinding) and sent no CSP, X-Frame-Options or nosniff;
`compact_ner_model` unpickled a checkpoint with weights_only=False (a crafted one ran code)."""

from __future__ import annotations

import os

import pytest
import torch

from faults_helpers import GOOD
from interrupt_worker import quotes_in
from storage_helpers import invoke as run_cli

ESC_TITLE = "\x1b]0;PWNED\x07Harbour \x1b[2J plan"
ESC_TEXT = "We will \x1b[31mrebuild\x1b[0m the pier"
FAKE_LINE = "Ingested 99 articles (0 statements), skipped 0 duplicates, 0 failed"
FILLER = "The harbour board met again on Tuesday to discuss the works on the northern pier and the ferry.\n"


@pytest.fixture
def hostile_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(f'---\ntitle: "{ESC_TITLE}"\n---\n"{ESC_TEXT}," said Ana Varga.\n{FILLER}')
    (folder / f"evil\n{FAKE_LINE}.txt").write_text('T\n\n"Fine," said Bo Li.\n')
    (folder / "empty\x1b[2J\r.txt").write_text("")
    return folder


def test_ingest_output_escapes_control_characters_of_file_names(hostile_folder, tmp_path):
    result = run_cli("ingest", hostile_folder, "--db", tmp_path / "q.db", factory=lambda: quotes_in)
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\r" not in result.output
    assert "empty\\x1b[2J\\x0d.txt: empty file" in result.output
    assert not any(line.startswith(FAKE_LINE) for line in result.output.splitlines())


def test_the_stored_source_of_a_file_name_with_a_newline_is_one_line(hostile_folder, tmp_path):
    import sqlite3

    run_cli("ingest", hostile_folder, "--db", tmp_path / "q.db", factory=lambda: quotes_in)
    with sqlite3.connect(tmp_path / "q.db") as connection:
        sources = [row[0] for row in connection.execute("SELECT source FROM article")]
    connection.close()
    assert any(source.endswith(f"evil\\x0a{FAKE_LINE}.txt") for source in sources), sources


@pytest.mark.parametrize("command", [["by", "Varga"], ["show", "1"], ["search", "pier"], ["speakers"],
                                     ["statements", "Varga"]], ids=" ".join)
def test_tables_show_escapes_not_control_characters(hostile_folder, tmp_path, command):
    run_cli("ingest", hostile_folder, "--db", tmp_path / "q.db", factory=lambda: quotes_in)
    result = run_cli(*command, "--db", tmp_path / "q.db")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    if command[0] in ("by", "show", "search", "statements"):
        assert "\\x1b[31m" in result.output, result.output


def test_machine_formats_in_a_pipe_keep_the_data(hostile_folder, tmp_path):
    import json

    run_cli("ingest", hostile_folder, "--db", tmp_path / "q.db", factory=lambda: quotes_in)
    result = run_cli("by", "Varga", "--json", "--db", tmp_path / "q.db")
    [row] = json.loads(result.output)
    assert row["text"] == ESC_TEXT and row["title"] == ESC_TITLE


def test_warnings_escape_control_characters(tmp_path):
    from click.testing import CliRunner

    from faults_helpers import fake_factory
    from quotes.cli.context import App
    from quotes.cli.main import main

    (tmp_path / "caf\x1b[2J.txt").write_bytes(("Caf\xe9 talks\n\n" + GOOD).encode("cp1252"))  # warns: cp1252
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "caf\x1b[2J.txt"), "--db", str(tmp_path / "q.db")],
                                obj=App(extractor_factory=fake_factory))
    assert "read as cp1252" in result.output and "\x1b" not in result.output, result.output


# --- the web view ------------------------------------------------------------------------------------------

@pytest.fixture
def stored(tmp_path):
    result = run_cli("ingest", _one(tmp_path), "--db", tmp_path / "q.db", factory=lambda: quotes_in)
    assert result.exit_code == 0, result.output
    return tmp_path / "q.db"


def _one(tmp_path):
    (tmp_path / "a.txt").write_text('"We will rebuild the pier," said Ana Varga.\n')
    return tmp_path / "a.txt"


def web_client(db, **options):
    from starlette.testclient import TestClient

    from quotes.cli.web import create_app, open_readonly

    return TestClient(create_app(open_readonly(str(db)), **options), base_url="http://127.0.0.1:8000")


@pytest.mark.parametrize("host", ["evil.example", "attacker.test:8000", "127.0.0.1.nip.io"])
def test_a_foreign_host_header_is_refused(stored, host):
    client = web_client(stored)
    response = client.get("/speakers/1", headers={"host": host})
    assert response.status_code == 400
    assert "Ana Varga" not in response.text


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "localhost", "[::1]:8000"])
def test_this_machine_is_answered(stored, host):
    assert web_client(stored).get("/speakers/1", headers={"host": host}).status_code == 200


def test_the_address_given_to_serve_is_trusted_and_a_wildcard_trusts_all():
    from quotes.cli.web.security import trusted_hosts

    assert "192.168.1.5" in trusted_hosts("192.168.1.5") and "evil.example" not in trusted_hosts("192.168.1.5")
    assert trusted_hosts("0.0.0.0") == ["*"]


@pytest.mark.parametrize("page", ["/", "/speakers/1", "/speakers/1/timeline.svg", "/articles/1", "/search?q=pier",
                                  "/articles/999"])
def test_every_response_carries_the_security_headers(stored, page):
    response = web_client(stored).get(page)
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy and "script-src" not in policy


def test_serve_passes_its_host_to_the_app(monkeypatch, stored):
    import uvicorn

    from quotes.cli.web import security

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: seen.setdefault("app", app))
    monkeypatch.setattr(security, "trusted_hosts", lambda host="127.0.0.1", extra=(): seen.setdefault("host", host)
                        and ["127.0.0.1"])
    monkeypatch.setattr("quotes.cli.serve.refuse_taken_address", lambda host, port: None)  # no such address here
    result = run_cli("serve", "--db", stored, "--host", "10.1.2.3")
    assert result.exit_code == 0, result.output
    assert seen["host"] == "10.1.2.3"


# --- model files -------------------------------------------------------------------------------------------

class RunsCode:
    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_compact_ner_model_never_unpickles_code(tmp_path):
    from quotes.errors import UnsafeModel
    from quotes.training.ner import compact_ner_model

    marker = tmp_path / "ran"
    torch.save({"model": {}, "vocab": RunsCode(marker), "config": {}}, tmp_path / "ner.pt")
    with pytest.raises(UnsafeModel) as caught:
        compact_ner_model(tmp_path / "ner.pt", tmp_path / "out" / "ner.pt")
    assert not marker.exists()
    assert "\n" not in str(caught.value) and str(tmp_path / "ner.pt") in str(caught.value)


def test_compact_ner_model_still_compacts_a_genuine_model(tmp_path):
    from quotes.training.ner import compact_ner_model
    from quotes.runtime.nlp import BUNDLED_DIR

    compact_ner_model(BUNDLED_DIR / "ner.pt", tmp_path / "ner.pt")
    saved = torch.load(tmp_path / "ner.pt", map_location="cpu", weights_only=True)
    assert all(not value.is_floating_point() or value.dtype == torch.float16 for value in saved["model"].values())
