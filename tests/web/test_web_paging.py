"""Every list of the web view is paged in a stable order, a page past the end is a clear 404 page, search
shows each statement once, and counts read as English ("1 article")."""

import re
from datetime import date

import pytest
from starlette.testclient import TestClient

import webdata
from quotes.cli.web import create_app, open_readonly
from quotes.records import Article
from webdata import REOPEN_TRIMMED


@pytest.fixture
def small_pages(engine):
    with TestClient(create_app(engine, page_size=2)) as client:
        yield client


def listed_articles(page) -> list[str]:
    return re.findall(r'<li><a href="[^"]*/articles/\d+">([^<]*)</a>', page.text.split('id="articles"')[1])


def test_page_two_of_the_home_page_lists_older_articles(small_pages):
    first, second = small_pages.get("/"), small_pages.get("/", params={"page": 2})
    assert second.status_code == 200
    assert listed_articles(first) == ["Crane &lt;operators&gt; &amp; the law", "No cracks in harbour cranes"]
    assert listed_articles(second) == ["Dockers welcome reopening date", "Harbour to reopen after crane checks"]
    assert '?page=2" rel="next"' in first.text and '?page=1" rel="prev"' in second.text
    assert "3–4 of 5 articles" in second.text
    assert listed_articles(small_pages.get("/", params={"page": 3})) == ["note.txt"]  # undated: last


def test_every_article_is_on_exactly_one_page(small_pages):
    seen = [title for n in (1, 2, 3) for title in listed_articles(small_pages.get("/", params={"page": n}))]
    assert len(seen) == len(set(seen)) == 5


@pytest.mark.parametrize("page, status, says", [
    ("4", 404, "There is no page 4 of the latest articles: there are 3 pages."),
    ("99999999999999999999", 400, "?page= takes a page number"),
    ("0", 400, "?page= takes a page number"), ("two", 400, "?page= takes a page number"),
])
def test_a_page_that_does_not_exist_is_a_clear_page(small_pages, page, status, says):
    response = small_pages.get("/", params={"page": page})
    assert response.status_code == status and says in response.text
    assert "Back to the start page" in response.text


def test_past_the_last_page_links_to_the_last_one(small_pages):
    response = small_pages.get("/", params={"page": 7})
    assert re.search(r'<a href="[^"]*\?page=3">Go to page 3</a>', response.text)


def test_search_shows_each_statement_once_with_how_often_it_was_quoted(client):
    page = client.get("/search", params={"q": "reopen cranes"})
    items = re.findall(r"<li>\s*<blockquote>(.*?)</blockquote>(.*?)</li>", page.text, re.S)
    assert len(items) == 1 and items[0][0].startswith(REOPEN_TRIMMED)  # 4 quotes of one statement: one row
    assert "4 quotes in 4 articles" in items[0][1]
    assert "1 statement matching" in page.text


def test_search_results_are_paged(engine):
    with TestClient(create_app(engine, page_size=1)) as client:
        first = client.get("/search", params={"q": "cranes"})
        second = client.get("/search", params={"q": "cranes", "page": 2})
        past = client.get("/search", params={"q": "cranes", "page": 9})
    statement = re.compile(r"<blockquote>(.*?)</blockquote>")
    assert len(statement.findall(first.text)) == len(statement.findall(second.text)) == 1
    assert statement.findall(first.text) != statement.findall(second.text)
    assert 'href="http://testserver/search?q=cranes&amp;page=2"' in first.text  # the query is kept
    assert '<ol id="quote-results" start="2">' in second.text
    assert past.status_code == 404 and "There is no page 9 of statements matching" in past.text


@pytest.fixture
def one_article(tmp_path):
    url = f"sqlite:///{tmp_path / 'one.db'}"
    webdata.build(url, [(Article(source="quiet.txt", title="Nothing said", outlet="Northwire",
                                 published_at=date(2023, 3, 1), text="The harbour was quiet all week."), [])])
    engine = open_readonly(url)
    with TestClient(create_app(engine)) as client:
        yield client
    engine.dispose()


def test_one_is_singular(one_article):
    counts = re.search(r'<p class="meta" id="counts">(.*?)</p>', one_article.get("/").text).group(1)
    assert counts == "1 article · 0 speakers · 0 statements · 0 quotes"


def test_no_statements_is_a_sentence_not_a_numbered_item(one_article):
    page = one_article.get("/articles/1").text
    assert '<p class="muted" id="no-statements">No statements found in this article.</p>' in page
    assert 'id="article-quotes"' not in page and "0 statements" in page


def test_dates_never_break_across_lines(client):
    page = client.get("/").text
    assert re.search(r"time, \.undated \{ white-space: nowrap; \}", page)
    cells = re.findall(r"<td>(<time[^>]*>[^<]*</time>)</td>", page)
    assert cells and all(re.fullmatch(r'<time datetime="\d{4}-\d\d-\d\d">\d{4}-\d\d-\d\d</time>', c) for c in cells)
