"""Decoding: bad bytes are replaced one by one (no whole-file mojibake), UTF-16 needs no BOM, NULs never get
through, and what is not language is refused with one line naming the file."""

import logging
import random
import sqlite3

import pytest

from quotes.ingest.article import read_article, read_articles
from quotes.errors import InputError

BODY = ("Officials said on Tuesday that the bridge would reopen in May. \u201cIt is safe,\u201d said Ana M\u00fcller, "
        "the engineer in charge \u2014 \u201csafer than before.\u201d\n") * 30
NOT_TEXT = "does not look like text"


def read(tmp_path, data: bytes, name="article.txt") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return read_article(str(path)).text


def refusal(tmp_path, data: bytes, name="article.txt") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_article(str(path))
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    return message


def test_random_bytes_without_nul_are_refused(tmp_path):
    rng = random.Random(7)
    noise = bytes(rng.randrange(1, 256) for _ in range(20_000))
    message = refusal(tmp_path, noise)
    assert NOT_TEXT in message and message.endswith("pass an article saved as text, in UTF-8")


def test_megabytes_of_noise_are_refused_in_seconds(tmp_path, time_limit):
    noise = random.Random(7).randbytes(4_900_000).replace(b"\x00", b"\x01")
    with time_limit(60):  # counting the bad bytes one decode at a time made this quadratic
        assert NOT_TEXT in refusal(tmp_path, noise)


def test_control_characters_are_refused(tmp_path):
    rng = random.Random(7)
    junk = "".join(chr(rng.choice([c for c in range(1, 32) if not chr(c).isspace()])) for _ in range(5_000))
    assert NOT_TEXT in refusal(tmp_path, ("Title\n" + junk + "\nA sentence.\n").encode())


def test_a_few_bad_bytes_are_replaced_alone(tmp_path, caplog):
    first, second = BODY.index(" ", 500), BODY.index(" ", 3000)
    data = BODY[:first].encode() + b"\x93" + BODY[first:second].encode() + b"\xff\xfe" + BODY[second:].encode()
    with caplog.at_level(logging.WARNING, logger="quotes.ingest.article"):
        text = read(tmp_path, data)
    assert text == BODY[:first] + "\ufffd" + BODY[first:second] + "\ufffd\ufffd" + BODY[second:]
    assert "3 places are not valid UTF-8 (the first at byte" in caplog.messages[0]


def test_legacy_cp1252_is_still_read(tmp_path):
    legacy = "Caf\u00e9 talks\n\n\u201cWe agree,\u201d the minister said \u2014 na\u00efvely.\n" * 5
    assert read(tmp_path, legacy.encode("cp1252")) == legacy


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(tmp_path, encoding):
    assert read(tmp_path, BODY.encode(encoding)) == BODY


def test_nul_bytes_past_the_first_8kb_become_replacement_characters(tmp_path):
    body = BODY * 3
    at = body.index(" ", 9000)
    assert read(tmp_path, (body[:at] + "\x00" + body[at + 1:]).encode()) == body[:at] + "\ufffd" + body[at + 1:]


def test_nul_written_as_an_escape_in_jsonl(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "A \\u0000 statement, she said."}\n')
    [article] = read_articles(str(path))
    assert article.text == "A \ufffd statement, she said."


def test_binary_files_are_still_refused_as_binary(tmp_path):
    assert "looks like a binary file (NUL bytes)" in refusal(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40)


@pytest.mark.parametrize("text", [
    "\u039f \u03c5\u03c0\u03bf\u03c5\u03c1\u03b3\u03cc\u03c2 \u03b5\u03af\u03c0\u03b5: \u00ab\u0398\u03b1 \u03c4\u03bf "
    "\u03ba\u03ac\u03bd\u03bf\u03c5\u03bc\u03b5\u00bb. \u90e8\u957f\u8bf4\uff1a\u201c\u6211\u4eec\u4f1a\u505a\u5230"
    "\u3002\u201d\n" * 20,
    "Results\n\n" + "Ajax 3-1 PSV (45', 67', 88'); Feyenoord 2-0 AZ (12', 80').\n" * 20,
    "x\x01\x02\x03 too short to judge\n",
])
def test_language_in_any_script_is_accepted(tmp_path, text):
    assert read(tmp_path, text.encode()) == text


def test_garbage_is_not_stored_and_the_run_says_so(invoke, tmp_path):
    rng = random.Random(7)
    (tmp_path / "noise.txt").write_bytes(bytes(rng.randrange(1, 256) for _ in range(20_000)))
    result = invoke("ingest", tmp_path / "noise.txt", "--db", tmp_path / "q.db")
    assert result.exit_code == 1 and f"{tmp_path / 'noise.txt'}: {NOT_TEXT}" in result.stderr
    with sqlite3.connect(tmp_path / "q.db") as db:
        assert db.execute("select count(*) from article").fetchone() == (0,)
