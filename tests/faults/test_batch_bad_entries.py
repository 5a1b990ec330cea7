"""Issue 23: one bad entry never stops a batch. JSON nested 100,000 deep (a JSONL line, a sidecar .json,
stdin) raised RecursionError and stored none of the good lines; a file name of 251+ characters raised
OSError from the sidecar look-up and stopped the run. Each now fails alone with one line, the good entries
are stored, and the run exits 1 at the end."""

from __future__ import annotations

import json

from faults_helpers import GOOD

DEEP = "[" * 100_000 + "]" * 100_000
OTHER = "Pier report\n\n\"The pier opens in May,\" the engineer said.\n"


def jsonl(*texts: str) -> str:
    return "".join(json.dumps({"text": text}) + "\n" for text in texts)


def summary_and_failures(output: str) -> tuple[str, list[str]]:
    lines = output.splitlines()
    start = next(k for k, line in enumerate(lines) if line.startswith("Ingested"))
    return lines[start], [line.strip() for line in lines[start + 1:] if line.startswith("  ")]


def test_deep_json_line_fails_alone(invoke, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(jsonl('"Fine," she said.') + '{"text": "x", "m": ' + DEEP + "}\n" + jsonl('"Also," he said.'))
    result = invoke("ingest", feed, "--db", tmp_path / "q.db", "--no-progress")
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "RecursionError" not in result.output
    summary, failures = summary_and_failures(result.output)
    assert summary.startswith("Ingested 2 articles")
    assert failures == [f"{feed}:2: nested deeper than a JSON record can be read (thousands of levels); write one "
                        "flat JSON object per line"]


def test_deep_json_sidecar_fails_its_article_alone(invoke, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(GOOD)
    (tmp_path / "in" / "side.txt").write_text(OTHER)
    (tmp_path / "in" / "side.json").write_text(DEEP)
    result = invoke("ingest", tmp_path / "in", "--db", tmp_path / "q.db", "--no-progress")
    assert result.exit_code == 1
    summary, failures = summary_and_failures(result.output)
    assert summary.startswith("Ingested 1 article ")
    assert len(failures) == 1 and failures[0].startswith(f"{tmp_path / 'in' / 'side.txt'}: its sidecar side.json "
                                                         "cannot be read (nested deeper")


def test_deep_json_on_stdin_fails_its_line_alone(invoke, tmp_path):
    lines = '{"text": "x", "m": ' + DEEP + "}\n" + jsonl('"Fine," she said.')
    result = invoke("ingest", "-", "--db", tmp_path / "q.db", "--no-progress", input=lines)
    assert result.exit_code == 1
    summary, failures = summary_and_failures(result.output)
    assert summary.startswith("Ingested 1 article ")
    assert failures == ["-:1: nested deeper than a JSON record can be read (thousands of levels); write one flat "
                        "JSON object per line"]


def test_a_251_character_file_name_is_read_like_any_other(invoke, tmp_path):
    (tmp_path / "in").mkdir()
    for number in range(9):
        (tmp_path / "in" / f"good-{number}.txt").write_text(GOOD.replace("pier", f"pier {number}"))
    long_name = tmp_path / "in" / ("a" * 251 + ".txt")  # 255 bytes: no room left for its .json sidecar
    long_name.write_text(OTHER)
    result = invoke("ingest", tmp_path / "in", "--db", tmp_path / "q.db", "--no-progress")
    assert "Traceback" not in result.output and "File name too long" not in result.output, result.output
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Ingested 10 articles")
