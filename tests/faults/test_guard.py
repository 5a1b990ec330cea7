"""Caps before the NLP: the tokenizer's view of a text (same length, overlong runs and paragraph tails left
out) and the sentence-length limit of the parse. The real-model runs are few and small; the test harness
enforces their time budget by running them in a child process with a timeout."""

import json
import logging
import subprocess
import sys

import pytest
from stanza.models.common.doc import Document

from quotes.extraction.extract import selected_sentences
from quotes.runtime.guard import MAX_PARAGRAPH_CHARS, MAX_PARSE_WORDS, MAX_TOKEN_CHARS, tokenizer_texts, tokenizer_view

STATEMENT = "\u201cWe will rebuild the pier,\u201d the mayor said."
BUDGET_S = 120  # the model load plus seconds of work; before the caps a 100 KB word alone took 157 s


def test_ordinary_text_is_its_own_view():
    text = f"Harbour plan\n\n{STATEMENT} https://example.org/a/long/but/ordinary/link?id=42\n"
    view = tokenizer_view(text)
    assert view.text == text and view.left_out() == ""


def test_a_huge_word_is_blanked_whole_and_offsets_hold():
    word = "x" * (MAX_TOKEN_CHARS + 1)
    text = f"Before {word} after. {STATEMENT}"
    view = tokenizer_view(text)
    assert len(view.text) == len(text)
    assert view.text == text.replace(word, " " * len(word))
    assert view.left_out() == f"1 run(s) of over {MAX_TOKEN_CHARS} characters without a space (the longest 201)"


def test_a_word_of_exactly_the_limit_is_kept():
    text = "a" * MAX_TOKEN_CHARS + " b"
    assert tokenizer_view(text).text == text


def test_a_long_paragraph_is_read_up_to_the_limit_and_the_next_one_whole():
    long_line = ("word " * (MAX_PARAGRAPH_CHARS // 5 + 100)).strip()
    text = long_line + "\n" + STATEMENT
    view = tokenizer_view(text)
    assert len(view.text) == len(text)
    assert view.text[:MAX_PARAGRAPH_CHARS] == long_line[:MAX_PARAGRAPH_CHARS]
    assert view.text[MAX_PARAGRAPH_CHARS:len(long_line)].strip() == ""
    assert view.text.endswith("\n" + STATEMENT)


def test_a_huge_word_alone_is_one_thing_left_out():
    assert tokenizer_view("z" * 100_000).left_out() == (f"1 run(s) of over {MAX_TOKEN_CHARS} characters "
                                                        "without a space (the longest 100,000)")


def test_the_view_takes_linear_time(time_limit):
    lines = ("a " * (MAX_PARAGRAPH_CHARS // 2 - 1) + "a\n") * 50  # 1 MB in lines one character short
    runs = (("b" * MAX_TOKEN_CHARS + " ") * 90 + "\n") * 60  # 1 MB in runs of exactly the limit
    just_under = lines + runs
    with time_limit(10):  # unanchored patterns rescanned each line and run from every position: 27 s
        view = tokenizer_view(just_under)
    assert just_under.startswith(view.text) and view.long_runs == view.cut_paragraphs == 0  # only cut short


def test_the_warning_names_the_file(caplog):
    with caplog.at_level(logging.WARNING, logger="quotes.runtime.guard"):
        views = tokenizer_texts(["fine text", "y" * 300], ["a.txt", "b.txt"])
    assert views == ["fine text", " " * 300]
    assert caplog.messages == ["b.txt: left out of the analysis: 1 run(s) of over 200 characters without a space "
                               "(the longest 300); statements there are not found"]


def test_overlong_sentences_are_not_parsed():
    short = [{"id": 1, "text": "She"}, {"id": 2, "text": "said"}, {"id": 3, "text": "so"}]
    long = [{"id": i + 1, "text": "said"} for i in range(MAX_PARSE_WORDS + 1)]
    assert selected_sentences(Document([short, long])) == {0}


CHILD = """
import json, logging, sys, time
logging.basicConfig(level=logging.WARNING, format="%(message)s")
from quotes.extraction.extract import extract_articles
from quotes.runtime.nlp import load_pipeline
nlp = load_pipeline()
text = sys.stdin.read()
started = time.perf_counter()
[records] = extract_articles([text], nlp=nlp, sources=["huge.txt"])
print(json.dumps({"seconds": time.perf_counter() - started,
                  "found": [[r.text, r.start, r.end] for r in records]}))
"""


def extract_in_child(text: str) -> tuple[dict, str]:
    done = subprocess.run([sys.executable, "-c", CHILD], input=text, capture_output=True, text=True,
                          timeout=BUDGET_S)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout), done.stderr


@pytest.mark.models
def test_a_100kb_word_takes_seconds_and_the_statement_after_it_is_found():
    text = "Harbour plan\n\n" + "a" * 100_000 + "\n\n" + STATEMENT + "\n"
    result, stderr = extract_in_child(text)
    start = text.index("We will")
    # the frame's comma stays inside the offsets, not in the text shown
    assert ["We will rebuild the pier", start, start + len("We will rebuild the pier,")] in result["found"]
    assert "huge.txt: left out of the analysis: 1 run(s) of over 200 characters" in stderr


@pytest.mark.models
def test_a_1mb_single_line_takes_seconds():
    line = " ".join(["the", "minister", "said", "that", "work", "goes", "on"] * 30_000)[:1_000_000]
    _, stderr = extract_in_child(STATEMENT + " " + line + "\n")
    assert f"huge.txt: left out of the analysis: what follows the first {MAX_PARAGRAPH_CHARS:,}" in stderr
    assert f"sentence(s) of over {MAX_PARSE_WORDS} words" in stderr
