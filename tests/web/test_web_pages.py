"""The pages, through Starlette's TestClient: they load, link to each other and escape what they show."""

import re
from xml.etree import ElementTree

import pytest
from sqlalchemy import text

import webdata
from webdata import REOPEN, REOPEN_TRIMMED


def without_tags(html: str) -> str:
    """Text of an HTML fragment without its tags (dates are <time> elements)."""
    return re.sub(r"<[^>]+>", "", html)


def article_text(page) -> str:
    return re.search(r'<div class="article-text" id="article-text">(.*?)</div>', page.text, re.S).group(1)


def test_home_has_a_search_box_counts_and_speakers(client):
    page = client.get("/")
    assert page.status_code == 200
    assert '<input type="search" name="q"' in page.text
    assert "5 articles" in page.text and "8 quotes" in page.text
    assert "Ines Varga" in page.text and "Tomas Reyes" in page.text


def test_search_lists_matching_statements_with_speaker_and_article(client, sample_ids):
    speakers, articles = sample_ids
    page = client.get("/search", params={"q": "cranes inspected"})
    assert page.status_code == 200
    assert REOPEN_TRIMMED in page.text
    assert f'/speakers/{speakers["Ines Varga"]}"' in page.text
    # the statement's best matching quote (which one is the backend's ranking) links to its article
    carriers = {articles[source] for source in ("wire.txt", "ledger.txt", "times.txt", "note.txt")}
    assert {int(n) for n in re.findall(r'/articles/(\d+)#q', page.text)} <= carriers


def test_search_by_name_lists_the_speaker(client, sample_ids):
    speakers, _ = sample_ids
    page = client.get("/search", params={"q": "Reyes"})
    assert f'/speakers/{speakers["Tomas Reyes"]}"' in page.text


def test_search_without_hits_says_so(client):
    page = client.get("/search", params={"q": "zeppelin"})
    assert page.status_code == 200 and 'id="no-results"' in page.text


def test_empty_search_explains_the_syntax(client):
    page = client.get("/search")
    assert page.status_code == 200 and "prefix*" in page.text


def test_search_operators_in_user_text_are_harmless(client):
    assert client.get("/search", params={"q": 'NEAR("a" OR) AND *'}).status_code == 200


def statement_items(page) -> list[str]:
    return re.findall(r"<li>\s*<blockquote>(.*?)</ul>\s*</li>", page.text, re.S)


def test_speaker_page_groups_statements_with_outlets_and_dates(client, sample_ids):
    speakers, _ = sample_ids
    page = client.get(f"/speakers/{speakers['Ines Varga']}")
    assert page.status_code == 200
    items = statement_items(page)
    assert len(items) == 4
    reopen = next(item for item in items if REOPEN in item)
    assert "4 quotes in 4 articles" in reopen
    assert "Bay &amp; &lt;Port&gt; Times, Eastern Ledger, Northwire" in reopen
    assert "first seen 2023-03-01, last seen 2023-04-18" in without_tags(reopen)
    assert reopen.count("<li>") == 4


def timeline_dots(page):
    svg = re.search(r"<svg.*?</svg>", page.text, re.S).group(0)
    return ElementTree.fromstring(svg).findall(".//{http://www.w3.org/2000/svg}circle")


def test_speaker_page_embeds_the_timeline(client, sample_ids):
    speakers, _ = sample_ids
    page = client.get(f"/speakers/{speakers['Ines Varga']}")
    dots = timeline_dots(page)
    assert len(dots) == 4 and sum(int(d.get("data-quotes")) for d in dots) == 6  # 7 quotes, one undated
    assert "1 undated quote not shown" in page.text


def test_each_timeline_dot_says_when_where_and_what(client, sample_ids):
    speakers, articles = sample_ids
    page = client.get(f"/speakers/{speakers['Ines Varga']}")
    titles = {d.find("{http://www.w3.org/2000/svg}title").text for d in timeline_dots(page)}
    assert "2023-03-20 · Coastal Courier · “We have found no cracks and the cranes are safe to use”" in titles
    assert any(t.startswith("2023-03-01 · Northwire · 2 quotes, the first “The harbour will reopen") for t in titles)
    assert f'<a href="/articles/{articles["courier.txt"]}#q' in page.text  # one quote: opens it
    assert f'<a href="/speakers/{speakers["Ines Varga"]}?from=2023-03-01&amp;to=2023-03-01">' in page.text  # zooms


def test_the_caption_says_what_a_dot_is(client, sample_ids):
    speakers, _ = sample_ids
    caption = re.search(r"<figcaption.*?</figcaption>", client.get(f"/speakers/{speakers['Ines Varga']}").text,
                        re.S).group(0)
    assert "quotes one outlet published in one day" in caption and "colour" not in caption


def test_a_speaker_page_zooms_to_dates(client, sample_ids):
    speakers, _ = sample_ids
    page = client.get(f"/speakers/{speakers['Ines Varga']}", params={"from": "2023-03-01", "to": "2023-03-05"})
    assert page.status_code == 200
    assert sum(int(d.get("data-quotes")) for d in timeline_dots(page)) == 3
    assert len(statement_items(page)) == 2 and 'id="all-dates"' in page.text
    assert 'name="from" value="2023-03-01"' in page.text


@pytest.mark.parametrize("dates, says", [({"from": "March"}, "?from= takes a date written YYYY-MM-DD"),
                                         ({"from": "2023-04-01", "to": "2023-03-01"}, "is after ?to=")])
def test_wrong_dates_are_a_clear_page(client, sample_ids, dates, says):
    speakers, _ = sample_ids
    page = client.get(f"/speakers/{speakers['Ines Varga']}", params=dates)
    assert page.status_code == 400 and says in page.text


def test_a_speakers_statements_are_paged(engine, sample_ids):
    from starlette.testclient import TestClient

    from quotes.cli.web import create_app

    speakers, _ = sample_ids
    with TestClient(create_app(engine, page_size=3)) as client:
        first = client.get(f"/speakers/{speakers['Ines Varga']}")
        second = client.get(f"/speakers/{speakers['Ines Varga']}", params={"page": 2})
        past = client.get(f"/speakers/{speakers['Ines Varga']}", params={"page": 3})
    assert len(statement_items(first)) == 3 and len(statement_items(second)) == 1
    assert TAGS_ESCAPED in second.text and '<ol class="statements" id="statements" start="4">' in second.text
    assert past.status_code == 404 and "There is no page 3 of Ines Varga" in past.text


TAGS_ESCAPED = "Tags like &lt;b&gt;this&lt;/b&gt;"


def test_the_timeline_is_also_served_alone(client, sample_ids):
    speakers, _ = sample_ids
    svg = client.get(f"/speakers/{speakers['Ines Varga']}/timeline.svg")
    assert svg.headers["content-type"].startswith("image/svg+xml")
    ElementTree.fromstring(svg.text)


def test_article_page_marks_each_statement_at_its_offsets(client, sample_ids):
    _, articles = sample_ids
    page = client.get(f"/articles/{articles['courier.txt']}")
    assert page.status_code == 200
    marks = re.findall(r"<mark[^>]*>(.*?)</mark>", article_text(page), re.S)
    assert marks == ["We have found no cracks", "and the cranes are safe to use"]
    assert re.search(r'<mark class="direct" id="q\d+"', page.text)


def test_article_text_is_shown_exactly_under_its_byline(client, sample_ids):
    _, articles = sample_ids
    page = client.get(f"/articles/{articles['wire.txt']}")
    assert "By Jane Doe · Northwire · 2023-03-01" in without_tags(page.text)
    plain = re.sub(r"<[^>]+>", "", article_text(page)).replace("&#34;", '"').replace("&quot;", '"')
    assert plain.startswith(f'"{REOPEN}," said Ines Varga') and "\n\nVarga said" in plain


def test_what_articles_say_is_escaped_not_run(client, sample_ids):
    _, articles = sample_ids
    page = client.get(f"/articles/{articles['times.txt']}")
    assert "<script>alert(1)</script>" not in page.text and "&lt;script&gt;" in page.text
    assert "Crane &lt;operators&gt; &amp; the law" in page.text
    assert 'href="javascript:' not in page.text


@pytest.mark.parametrize("path", ["/speakers/99999", "/articles/99999", "/speakers/99999/timeline.svg",
                                  "/nowhere"])
def test_unknown_pages_are_404_pages(client, path):
    page = client.get(path)
    assert page.status_code == 404 and "Back to the start page" in page.text


def test_a_merged_speakers_page_redirects_to_the_one_it_joined(merged):
    from starlette.testclient import TestClient

    from quotes.cli.web import create_app, open_readonly

    url, speakers = merged
    engine = open_readonly(url)
    with TestClient(create_app(engine)) as client:
        page = client.get(f"/speakers/{speakers['Tomas Reyes']}", follow_redirects=False)
        assert page.status_code == 301
        assert page.headers["location"].endswith(f"/speakers/{speakers['Ines Varga']}")
    engine.dispose()


def test_a_speaker_a_person_corrected_is_marked_on_the_article_page(tmp_path):
    from starlette.testclient import TestClient

    from quotes.cli.web import create_app, open_readonly
    from quotes.db import make_engine, session_scope
    from quotes.db.corrections import correct_speaker

    url = f"sqlite:///{tmp_path / 'corrected.db'}"
    webdata.build(url)
    writer = make_engine(url)
    with session_scope(writer) as session:
        quote_id, article_id = session.execute(text("SELECT id, article_id FROM quote ORDER BY id")).first()
        correct_speaker(session, quote_id=quote_id, name="Lena Voss", by="desk")
    writer.dispose()
    engine = open_readonly(url)
    with TestClient(create_app(engine)) as client:
        page = client.get(f"/articles/{article_id}").text
    engine.dispose()
    assert re.search(r">Lena Voss</a> \(speaker corrected\) ·", page)


def test_an_empty_search_page_has_a_title(client):
    """/search with no words had the title ' · quote-tracker'."""
    assert "<title>Search · quote-tracker</title>" in client.get("/search", params={"q": ""}).text


def test_a_speaker_left_without_quotes_is_not_among_the_most_quoted(tmp_path):
    """After `quotes fix` moved a speaker's only quote away, the home page listed them as most quoted with
    0 statements, 0 quotes, first seen 'undated', last seen 'undated'."""
    from starlette.testclient import TestClient

    from quotes.cli.web import create_app, open_readonly
    from quotes.db import make_engine, session_scope
    from quotes.db.corrections import correct_speaker

    url = f"sqlite:///{tmp_path / 'moved.db'}"
    webdata.build(url)
    writer = make_engine(url)
    with session_scope(writer) as session:
        quote_id, name = session.execute(text(
            "SELECT min(quote.id), speaker.name FROM quote JOIN speaker ON speaker.id = quote.speaker_id "
            "GROUP BY speaker.id HAVING count(*) = 1 ORDER BY speaker.id")).first()
        correct_speaker(session, quote_id=quote_id, name="Lena Voss", by="desk")
    writer.dispose()
    engine = open_readonly(url)
    with TestClient(create_app(engine)) as client:
        home = client.get("/").text
    engine.dispose()
    speakers = re.search(r'<table id="speakers">(.*?)</table>', home, re.S).group(1)
    assert "Lena Voss" in speakers and f">{name}</a>" not in speakers and "undated" not in speakers


def test_also_written_lists_the_other_names_only(merged):
    """After a merge the page said 'Also written: HARBOR CITY, Lena Voss' on Lena Voss's own page."""
    from starlette.testclient import TestClient

    from quotes.cli.web import create_app, open_readonly

    url, speakers = merged
    engine = open_readonly(url)
    with TestClient(create_app(engine)) as client:
        page = client.get(f"/speakers/{speakers['Ines Varga']}").text
    engine.dispose()
    assert re.search(r'<p class="meta" id="aliases">Also written: ([^<]*)</p>', page).group(1) == "Tomas Reyes"
