"""Issue 23: caps per article so that no input costs more than about a minute of CPU. What the analysis
sees of an article is its first MAX_ANALYSED_CHARS characters and MAX_ANALYSED_LINES non-empty lines (the
tokenizer's view, a prefix of the text, so offsets hold), with a warning naming the file and what was cut;
quotation marks are looked for only in what it saw (a 5 MB line of quotes was walked quote by quote: 898
CPU-s); an HTML tag with over MAX_HTML_ATTRIBUTES attributes loses them before lxml (quadratic in them)."""

from __future__ import annotations

import logging

from stanza.models.common.doc import Document

from quotes.runtime.guard import MAX_ANALYSED_CHARS, MAX_ANALYSED_LINES, tokenizer_texts, tokenizer_view

QUOTED = "\u201cWe will rebuild the pier,\u201d the mayor said. "


def test_a_text_over_the_character_cap_is_cut_at_a_line_end_and_says_so():
    line = QUOTED * 10 + "\n"
    text = line * (MAX_ANALYSED_CHARS // len(line) + 50)
    view = tokenizer_view(text)
    assert len(view.text) <= MAX_ANALYSED_CHARS and text[view.cut_at - 1] == "\n"
    assert text.startswith(view.text)
    assert view.left_out() == (f"everything after character {view.cut_at:,} (only the first "
                               f"{MAX_ANALYSED_CHARS:,} characters of an article are analysed)")


def test_a_text_over_the_line_cap_keeps_that_many_non_empty_lines():
    text = "Title\n\n" + "\u201cYes,\u201d she said.\n\n" * (MAX_ANALYSED_LINES * 3)
    view = tokenizer_view(text)
    assert text.startswith(view.text)
    assert sum(1 for line in view.text.splitlines() if line.strip()) == MAX_ANALYSED_LINES
    assert f"only the first {MAX_ANALYSED_LINES:,} non-empty lines of an article are analysed" in view.left_out()


def test_texts_within_the_caps_are_their_own_view():
    text = "Title\n\n" + (QUOTED + "\n") * (MAX_ANALYSED_LINES - 5)
    assert len(text) < MAX_ANALYSED_CHARS
    assert tokenizer_view(text).text == text


def test_one_huge_line_is_cut_to_the_character_cap_without_a_blank_tail():
    text = QUOTED * 100_000  # 5 MB in one line
    view = tokenizer_view(text)
    assert len(view.text) <= MAX_ANALYSED_CHARS and view.text == view.text.rstrip()
    assert text.startswith(view.text.rstrip()[:1000])


def test_the_warning_names_the_file_and_the_cut(caplog):
    with caplog.at_level(logging.WARNING, logger="quotes.runtime.guard"):
        tokenizer_texts(["Title\n\n" + "Short line.\n" * (MAX_ANALYSED_LINES + 10)], ["many.txt"])
    [message] = caplog.messages
    assert message.startswith("many.txt: left out of the analysis: everything after character ")
    assert f"only the first {MAX_ANALYSED_LINES:,} non-empty lines" in message


def test_the_caps_take_linear_time(time_limit):
    with time_limit(5):
        tokenizer_view("a\n" * 2_500_000)
        tokenizer_view(QUOTED * 100_000)


def test_quotes_beyond_what_the_tokenizer_saw_are_not_walked(monkeypatch):
    """extract_from_doc looks for quotation marks in doc.text, the view: not in the 5 MB behind it."""
    from quotes.extraction import extract

    text = QUOTED * 100_000
    view = tokenizer_view(text).text
    doc = Document([[{"id": 1, "text": "Yes", "start_char": 0, "end_char": 3}]], text=view)
    seen = []
    monkeypatch.setattr(extract, "quote_spans", lambda shown: seen.append(len(shown)) or [])
    extract.extract_from_doc(doc, text, source="huge.txt")
    assert seen == [len(view)] and len(view) < len(text) // 30


def test_an_attribute_flood_is_dropped_before_lxml_with_a_warning(caplog, time_limit):
    from quotes.ingest.article import MAX_HTML_ATTRIBUTES, html_article

    flood = " ".join(f'a{i}="x"' for i in range(200_000))
    html = (f"<html><head><title>Harbour</title></head><body><article><p {flood}>{QUOTED}</p>"
            + "<p>The minister said that the works on the harbour would go on all winter.</p>" * 10
            + "</article></body></html>")
    with caplog.at_level(logging.WARNING, logger="quotes.ingest.article"), time_limit(30):  # was over 180 s
        article = html_article(html, source="flood.html")
    assert "the works on the harbour" in article.text
    assert caplog.messages == [f"flood.html: the attributes of 1 HTML tag(s) with over {MAX_HTML_ATTRIBUTES:,} of "
                               "them (the most 200,000) were dropped before reading the page"]


def test_an_ordinary_page_keeps_its_attributes():
    from quotes.ingest.article import without_attribute_floods

    html = '<p class="lead" id="x1" data-a="1">' + "x" * 5000 + "</p>"
    assert without_attribute_floods(html, source="ok.html") == html
