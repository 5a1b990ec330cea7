import io
import json
import logging
from datetime import date
from pathlib import Path

import pytest

from quotes.ingest.article import find_date, read_article, read_articles
from quotes.errors import InputError
from quotes.records import Article

SAMPLES = Path(__file__).resolve().parents[1] / "quotes" / "samples"

PAGE = """<html><head><title>UN urges calm | Northwire</title>
<meta property="og:site_name" content="Northwire">
<meta property="og:url" content="https://northwire.example/un-calm">
<meta name="date" content="2022-01-10"></head>
<body><nav>Home | World | Business</nav><article><h1>UN urges calm</h1>
<p>The United Nations on Monday called for restraint. "We are watching closely," said the spokesman,
Matteo Lindqvist, adding that the UN country team was in touch with the authorities.</p>
<p>The Interior Ministry said order had been restored in most regions of the country.</p>
</article><footer>Copyright Northwire</footer></body></html>"""


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return str(path)


def errors_of(path, **options):
    return [str(result) for result in read_articles(path, **options) if isinstance(result, InputError)]


def test_sample_txt_title_date_and_text_kept_whole():
    path = SAMPLES / "wire-kazakhstan.txt"
    article = read_article(str(path))
    assert article.title == "UN urges restraint as unrest in Kazakhstan spreads"
    assert article.published_at == date(2022, 1, 11)
    assert article.text == path.read_text(encoding="utf-8")
    assert article.source == str(path)


@pytest.mark.parametrize("lines, expected", [
    (["Updated: January 11, 2022, 7:08 AM"], date(2022, 1, 11)),
    (["Published 2022-01-10T08:00:00Z"], date(2022, 1, 10)),
    (["12 January 2022"], date(2022, 1, 12)),
    (["By staff", "Sept. 3, 2021"], date(2021, 9, 3)),
    (["ALMATY, Jan 10 (Northwire) - no year here"], None),
    (["February 30, 2022"], None),
])
def test_find_date(lines, expected):
    assert find_date(lines) == expected


def test_txt_without_dateline_has_no_date(tmp_path):
    article = read_article(write(tmp_path, "a.txt", "\n\n  Title here  \nBody text said nothing.\n"))
    assert (article.title, article.published_at) == ("Title here", None)


def test_html_through_trafilatura(tmp_path):
    article = read_article(write(tmp_path, "page.html", PAGE))
    assert article.title == "UN urges calm"
    assert article.outlet == "Northwire"
    assert article.url == "https://northwire.example/un-calm"
    assert article.published_at == date(2022, 1, 10)
    assert '"We are watching closely," said the spokesman' in article.text
    assert "Copyright" not in article.text and "Home | World" not in article.text


def test_html_text_starts_at_the_body_with_the_headline_kept_as_the_title(tmp_path):
    article = read_article(write(tmp_path, "page.html", PAGE))
    assert article.title == "UN urges calm"
    assert article.text.startswith("The United Nations on Monday called for restraint.")
    assert "authorities.\n\nThe Interior Ministry" in article.text  # paragraphs stay apart for the tokenizer


def test_html_byline_gives_authors_and_never_the_outlet_as_an_author(tmp_path):
    page = PAGE.replace("<h1>UN urges calm</h1>", '<h1>UN urges calm</h1><p class="byline">By Marcus Bell and '
                        "Ana Lima, Harbor City Herald</p>").replace('<meta property="og:site_name" content="Northwire">', "")
    article = read_article(write(tmp_path, "page.html", page))
    assert (article.author, article.outlet) == ("Marcus Bell, Ana Lima", "Harbor City Herald")


def test_jsonl_one_article_per_line_with_metadata(tmp_path):
    lines = [json.dumps({"text": "First story.", "title": "One", "url": "https://x.example/1",
                         "outlet": "Wire", "published_at": "2022-01-10"}),
             "",
             json.dumps({"id": "story-2", "text": "Second story."})]
    path = write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")
    assert list(read_articles(path)) == [
        Article(text="First story.", source=f"{path}:1", title="One", outlet="Wire",
                published_at=date(2022, 1, 10), url="https://x.example/1"),
        Article(text="Second story.", source="story-2"),
    ]


def test_stdin_is_sniffed():
    text = read_articles("-", stdin=io.BytesIO(b"Title\nBody.\n"))
    assert [a.title for a in text] == ["Title"]
    jsonl = read_articles("-", stdin=io.BytesIO(b'{"text": "a"}\n{"text": "b"}\n'))
    assert [a.text for a in jsonl] == ["a", "b"]
    html = list(read_articles("-", stdin=io.BytesIO(PAGE.encode())))
    assert html[0].outlet == "Northwire"


# -- bad input: one clear line naming the file (and line) and the fix ---------------------------------

@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"", "empty.txt: empty file; nothing to read (check that the file was saved)"),
    ("blank.txt", b"  \n\n \t\n", "blank.txt: empty file; nothing to read (check that the file was saved)"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
     "image.txt: looks like a binary file (NUL bytes); pass a .txt, .html or .jsonl article"),
    ("report.txt", b"%PDF-1.7\n%\xe2\xe3", "report.txt: a PDF, not text; convert it first (e.g. `pdftotext"),
    ("broken.html", b"<<<>>>",
     "broken.html: no article text found in the HTML (broken markup or not an article page);"
     " save the article page itself, or convert it to .txt"),
    ("empty.jsonl", b"\n\n", "empty.jsonl: empty file; nothing to read (expected one JSON object per line)"),
    ("data.jsonl", b"\x00\x01\x02", "data.jsonl: looks like a binary file (NUL bytes)"),
])
def test_bad_files(tmp_path, name, data, message):
    path = write(tmp_path, name, data)
    [error] = errors_of(path)
    assert error.startswith(str(tmp_path / message.split(":")[0]) + ":" + message.split(":", 1)[1])


def test_enormous_file_names_the_limit_and_the_option(tmp_path):
    path = write(tmp_path, "big.txt", "Title\n" + "word " * 300)
    assert errors_of(path, max_bytes=1000) == [
        f"{path}: larger than the 1,000-byte limit for one article; pass --max-bytes 10000 to read it anyway"]
    assert read_article(path, max_bytes=10000).title == "Title"


def test_enormous_jsonl_line_is_refused_alone(tmp_path):
    path = write(tmp_path, "big.jsonl", json.dumps({"text": "x" * 200}) + "\n" + '{"text": "ok"}\n')
    results = list(read_articles(path, max_bytes=100))
    assert str(results[0]) == f"{path}:1: larger than the 100-byte limit for one article; " \
                              "pass --max-bytes 1000 to read it anyway"
    assert results[1].text == "ok"


def test_stdin_over_the_limit():
    [error] = list(read_articles("-", stdin=io.BytesIO(b"x" * 50), max_bytes=10))
    assert str(error).startswith("-: larger than the 10-byte limit")


@pytest.mark.parametrize("data, text", [
    ("Caf\u00e9 \u201cquoted\u201d said\n".encode("cp1252"), "Caf\u00e9 \u201cquoted\u201d said\n"),
    (b"Title\nbad byte \x81 here\n", "Title\nbad byte \ufffd here\n"),  # 0x81 means nothing in cp1252
])
def test_legacy_8bit_text_is_read_as_cp1252_and_says_so(tmp_path, caplog, data, text):
    path = write(tmp_path, "legacy.txt", data)
    with caplog.at_level(logging.WARNING, logger="quotes.ingest.article"):
        article = read_article(path)
    assert article.text == text
    assert caplog.messages[0].startswith(f"{path}: not valid UTF-8 (byte ")
    assert "read as cp1252 — re-save it as UTF-8" in caplog.messages[0]


def test_utf8_bom_and_utf16_are_read(tmp_path):
    assert read_article(write(tmp_path, "bom.txt", b"\xef\xbb\xbfTitle\nx\n")).text == "Title\nx\n"
    assert read_article(write(tmp_path, "u16.txt", "Titl\u00e9\nx\n".encode("utf-16"))).title == "Titl\u00e9"


def test_bad_jsonl_lines_are_reported_and_the_rest_read(tmp_path):
    lines = ['{"text": "good one"}', '{"text": "broken', '["a", "list"]', '{"title": "no text"}',
             '{"text": "bad date", "published_at": "last Tuesday"}', '{"text": "good two"}']
    path = write(tmp_path, "mixed.jsonl", "\n".join(lines))
    results = list(read_articles(path))
    assert [r.text for r in results if isinstance(r, Article)] == ["good one", "good two"]
    assert errors_of(path) == [
        f"{path}:2: not JSON (Unterminated string starting at, column 10); write one JSON object per line",
        f"{path}:3: a JSON list, not an object; write one object per line, e.g. {{\"text\": \"...\"}}",
        f'{path}:4: no "text" field with the article text; add it, e.g. {{"text": "..."}}',
        f"{path}:5: published_at 'last Tuesday' is not a date; write it as YYYY-MM-DD",
    ]


def test_missing_file_and_directory(tmp_path):
    assert errors_of(str(tmp_path / "nope.txt")) == [f"{tmp_path / 'nope.txt'}: no such file or directory; check the path"]
    with pytest.raises(InputError, match="is a directory"):
        read_article(str(tmp_path))


def test_stdin_jsonl_is_streamed_with_the_limit_per_line():
    feed = b"".join(json.dumps({"text": f"story {n} " + "x" * 50}).encode() + b"\n" for n in range(200))
    results = list(read_articles("-", stdin=io.BytesIO(feed), max_bytes=100))
    assert len(results) == 200 and all(isinstance(r, Article) for r in results)
    assert results[150].source == "-:151"


def test_one_enormous_jsonl_line_without_newline_is_skipped(tmp_path):
    path = write(tmp_path, "huge.jsonl", b'{"text": "ok"}\n{"text": "' + b"x" * 5000 + b'"}\n{"text": "after"}')
    results = list(read_articles(path, max_bytes=1000))
    assert [getattr(r, "text", None) for r in results] == ["ok", None, "after"]
    assert str(results[1]) == f"{path}:2: larger than the 1,000-byte limit for one article; " \
                              "pass --max-bytes 10000 to read it anyway"
