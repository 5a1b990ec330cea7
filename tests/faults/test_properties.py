"""Property tests (hypothesis) of the quote-mark scanner, the readers and the tokenizer's view, on hostile
text: random quote marks and apostrophes, NULs, control characters, mixed scripts, megabyte tokens."""

import json
import os

from hypothesis import HealthCheck, assume, example, given, settings, strategies as st

from quotes.ingest.article import decode, display_path, read_articles
from quotes.errors import InputError
from quotes.runtime.guard import MAX_PARAGRAPH_CHARS, MAX_TOKEN_CHARS, tokenizer_view
from quotes.extraction.marks import quote_spans
from quotes.records import Article
from quotes.terminal import printable

MARKS = "\"'“”‘’«»„‟‹›「」"
HOSTILE = MARKS + " \n\t\r\x00\x01\x0b\x0c\x1b\x7f\x85\u2028\u2029\ufeff\ufffd" + "aZé說ж٣ -.,:;—"

hostile_text = st.text(alphabet=st.sampled_from(HOSTILE), max_size=400) | st.text(max_size=200)
huge_token = st.builds(lambda piece, times, tail: piece * times + tail, st.sampled_from(["a", "“", "'", "\x00", "é"]),
                       st.integers(0, 1_000_000), hostile_text)
SLOW = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_spans(text: str) -> None:
    spans = quote_spans(text)
    previous_end = 0
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.start >= previous_end, "quotations overlap"
        previous_end = span.end
        pieces = span.pieces or [(span.start, span.end)]
        assert pieces[0][0] == span.start and pieces[-1][1] == span.end
        for (start, end), (next_start, _) in zip(pieces, pieces[1:] + [(span.end, None)]):
            assert start < end <= next_start
            assert "\n" not in text[start:end], "a piece runs over a paragraph end"


@given(hostile_text)
@example('"')
@example("“ ” “")
@example("He said: “It is ‘fine’ … \n\n“Again.”")
def test_quote_spans_are_ordered_bounded_and_per_paragraph(text):
    check_spans(text)


@given(huge_token)
@SLOW
@example("“" * 1_000_000)
@example("He said: “" + "a" * 1_000_000 + "” and '" + "\x00" * 1_000_000)
def test_quote_spans_survive_megabyte_tokens(text):
    check_spans(text)


@given(st.text(max_size=300))
def test_utf8_text_decodes_to_itself(text):
    assume(text.strip() and "\x00" not in text and not text.startswith("\ufeff"))
    assume(text.encode().strip())
    try:
        assert decode(text.encode(), source="t.txt") == text
    except InputError as error:  # only a PDF header may be refused
        assert text.startswith("%PDF"), error


@given(st.text(alphabet="abc xyzé“”\n", min_size=1, max_size=200), st.integers(0, 200),
       st.integers(0x80, 0xBF))
def test_a_bad_byte_becomes_one_replacement_character(text, at, byte):
    text = "é " + text
    at = min(at, len(text))
    data = text[:at].encode() + bytes([byte]) + text[at:].encode()
    assert decode(data, source="t.txt") == text[:at] + "\ufffd" + text[at:]


@given(st.binary(max_size=3000))
@example(b"\x00" * 40)
@example(b"a\x00" * 40)
@example(b"\xff\xfe")
def test_any_bytes_decode_without_nul_or_fail_with_one_line(data):
    try:
        text = decode(data, source="t.txt")
    except InputError as error:
        assert str(error).startswith("t.txt: ") and "\n" not in str(error)
    else:
        assert "\x00" not in text


@given(st.binary(max_size=2000), st.sampled_from([".txt", ".jsonl"]))
@settings(max_examples=60, deadline=None)
def test_reading_any_file_yields_articles_or_one_line_errors(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("r") / f"article{suffix}"
    path.write_bytes(data)
    for result in read_articles(str(path)):
        if isinstance(result, InputError):
            assert str(result).startswith(str(path)) and "\n" not in str(result)
        else:
            assert isinstance(result, Article) and "\x00" not in result.text and result.text.strip()


html_soup = st.lists(st.sampled_from(["<p>", "</p>", "<div>", "<script>", "<!--", "-->", "<![CDATA[", "&#0;",
                                     "&amp", "<title>", "\u201c", "\x00", "\x01", "said", " ", "\n", "<<", ">"]),
                     max_size=300).map("".join)


@given(html_soup | st.text(max_size=300))
@settings(max_examples=40, deadline=None)
def test_reading_any_html_yields_an_article_or_one_line_error(tmp_path_factory, page):
    path = tmp_path_factory.mktemp("h") / "page.html"
    path.write_bytes(page.encode("utf-8", "surrogatepass"))
    for result in read_articles(str(path)):
        if isinstance(result, InputError):
            assert str(result).startswith(str(path)) and "\n" not in str(result)
        else:
            assert "\x00" not in result.text and result.text.strip()


@given(st.dictionaries(st.sampled_from(["text", "title", "id", "published_at", "url"]),
                       st.none() | st.integers() | hostile_text | st.lists(st.integers(), max_size=2)))
@settings(deadline=None)
@example({"text": "A statement, she said.", "published_at": -9223372036854775809})
@example({"text": "A statement, she said.", "published_at": 10**30})
def test_any_jsonl_record_is_an_article_or_one_line_error(tmp_path_factory, record):
    path = tmp_path_factory.mktemp("j") / "feed.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    for result in read_articles(str(path)):
        if isinstance(result, InputError):
            assert "\n" not in str(result)
        else:
            assert "\x00" not in result.text


@given(st.binary(min_size=1, max_size=40).filter(lambda name: b"/" not in name and b"\x00" not in name))
def test_any_file_name_is_shown_printably(name):
    shown = display_path(os.fsdecode(name))
    shown.encode("utf-8")
    try:
        assert shown == printable(name.decode("utf-8"))  # control characters escaped (issue 23), else as named
    except UnicodeDecodeError:
        assert "\\x" in shown


@given(hostile_text | huge_token)
@SLOW
@example("x" * (MAX_TOKEN_CHARS + 1) + "\n" + "y " * MAX_PARAGRAPH_CHARS)
@example("\u201c" + "a" * 1_000_000 + "\u201d said Ana.")
def test_the_tokenizer_view_keeps_offsets_and_caps_what_it_shows(text):
    view = tokenizer_view(text).text
    assert len(view) <= len(text)  # shorter only when cut short (quotes.runtime.guard.MAX_ANALYSED_*): a prefix
    assert all(shown == original or shown == " " for shown, original in zip(view, text))
    assert max((len(run) for run in view.split()), default=0) <= MAX_TOKEN_CHARS
    assert max((len(line.rstrip()) for line in view.split("\n")), default=0) <= MAX_PARAGRAPH_CHARS
    assert tokenizer_view(view).text == view
