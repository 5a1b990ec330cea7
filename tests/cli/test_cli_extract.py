import csv
import io
import json
from pathlib import Path

import pytest

from quotes.errors import ModelsNotFound
from quotes.records import CONTRACT_FIELDS

SAMPLES = Path(__file__).resolve().parents[2] / "quotes" / "samples"
LEDGER = str(SAMPLES / "ledger-almaty.txt")
COURIER = str(SAMPLES / "courier-harbour.txt")


def no_models():
    raise ModelsNotFound("no usable Stanza models in /nowhere: run `quotes train-models`")


def test_table(invoke):
    result = invoke("extract", COURIER)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "speaker       kind    cue   start  end  text\n"
        "------------  ------  ----  -----  ---  ----------------------------------------\n"
        "Ruth Ashdown  direct  said    232  285  This is a fair offer and our members\n"
        "                                        have accepted it\n"
        "              direct          341  378  Ships will be moving again by Friday.\n")


def test_csv_has_every_contract_field_and_offsets_index_the_file(invoke):
    result = invoke("extract", "--csv", LEDGER)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == CONTRACT_FIELDS
    text = Path(LEDGER).read_text(encoding="utf-8")
    assert [text[int(r["start"]):int(r["end"])] for r in rows] == [r["text"] for r in rows]
    assert result.stdout.splitlines()[2] == (
        f"{LEDGER},We are deeply concerned about the reports of deaths and injuries,555,619,[],direct,"
        "said,622,626,Matteo Lindqvist,person,Matteo Lindqvist,627,643,,0.9,fake")


@pytest.mark.parametrize("switch", ["--nl", "--format=jsonl"])
def test_json_lines_are_record_dicts(invoke, switch):
    result = invoke("extract", switch, COURIER)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["speaker"] for r in records] == ["Ruth Ashdown", None]
    assert list(records[0]) == list(CONTRACT_FIELDS)


def test_stdin(invoke):
    result = invoke("extract", "--nl", "-", input='Title\n"Hello there," said Ada Byron.\n')
    assert json.loads(result.stdout) ["source"] == "-"


def test_bad_inputs_are_reported_and_the_rest_goes_on(invoke, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "crash.txt").write_text("Title\nCRASH\n")
    result = invoke("extract", "--nl", tmp_path / "empty.txt", tmp_path / "crash.txt", COURIER)
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2
    assert result.stderr == (
        f"failed: {tmp_path / 'empty.txt'}: empty file; nothing to read (check that the file was saved)\n"
        f"failed: {tmp_path / 'crash.txt'}: extraction failed: RuntimeError: parser crashed\n")


def test_non_utf8_warning_on_stderr(invoke, tmp_path):
    (tmp_path / "old.txt").write_bytes('Title\n\u201cGood,\u201d said Ada Byron.\n'.encode("cp1252"))
    result = invoke("extract", "--nl", tmp_path / "old.txt")
    assert result.exit_code == 0
    assert result.stderr.startswith(f"warning: {tmp_path / 'old.txt'}: not valid UTF-8 (byte 6); read as cp1252")


def test_max_bytes(invoke, tmp_path):
    (tmp_path / "big.txt").write_text("Title\n" + "x" * 100)
    result = invoke("extract", "--max-bytes", "50", tmp_path / "big.txt")
    assert result.stderr == (f"failed: {tmp_path / 'big.txt'}: larger than the 50-byte limit for one article; "
                             "pass --max-bytes 500 to read it anyway\n")


def test_missing_models_is_one_clear_error(invoke):
    result = invoke("extract", COURIER, factory=no_models)
    assert (result.exit_code, result.output) == (
        1, "Error: no usable Stanza models in /nowhere: run `quotes train-models`\n")


def test_workers(invoke):
    result = invoke("extract", "--nl", "--workers", "2", LEDGER, COURIER)
    assert [json.loads(line)["speaker"] for line in result.stdout.splitlines()] == \
        [None, "Matteo Lindqvist", "Ruth Ashdown", None]


def test_help_shows_an_example(invoke):
    assert "quotes extract article.txt" in invoke("extract", "--help").output


def test_a_table_of_several_articles_says_which_article_each_statement_is_in(invoke, tmp_path):
    """`quotes extract a.txt b.html` printed one table with no file name: a reporter could not tell whose
    article a statement came from."""
    result = invoke("extract", COURIER, LEDGER)
    assert result.exit_code == 0
    header, _, first, *rest = result.stdout.splitlines()
    assert header.split()[:2] == ["source", "speaker"] and first.startswith(COURIER[:20])
    (tmp_path / "one.txt").write_text(Path(COURIER).read_text(encoding="utf-8"), encoding="utf-8")
    assert invoke("extract", str(tmp_path)).stdout.split()[0] == "source"
    assert invoke("extract", COURIER).stdout.split()[0] == "speaker"
