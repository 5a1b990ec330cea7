"""The web view in a real headless Chromium (Debian's package) driven by Playwright: pages load without
console errors, the search form works, the timeline renders. Skipped without Chromium unless CI is set."""

from __future__ import annotations

import os
import shutil

import pytest

from webserver import LiveServer
from webdata import REOPEN_TRIMMED

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("QUOTES_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@pytest.fixture(scope="module")
def browser():
    missing = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing = "the playwright package is not installed (pip install -e '.[test]')"
    if missing is None and not shutil.which(CHROMIUM):
        missing = f"no Chromium at {CHROMIUM}: apt-get install chromium (or set QUOTES_TEST_CHROMIUM)"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests cannot run in CI: {missing}")
        pytest.skip(missing)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def server(sqlite_url):
    with LiveServer(sqlite_url) as server:
        yield server


class Watched:
    """A page that records console errors, uncaught exceptions and failed requests."""

    def __init__(self, page):
        self.page, self.problems = page, []
        page.on("console", lambda message: message.type == "error" and self.problems.append(message.text))
        page.on("pageerror", lambda error: self.problems.append(f"uncaught: {error}"))
        page.on("requestfailed", lambda request: self.problems.append(f"failed: {request.url}"))
        page.on("response", lambda response: response.status >= 400
                and self.problems.append(f"{response.status}: {response.url}"))


@pytest.fixture
def watched(browser):
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    watched = Watched(context.new_page())
    yield watched
    context.close()


def speaker_id(server, name):
    from sqlalchemy import text

    with server.engine.connect() as connection:
        return connection.execute(text("SELECT id FROM speaker WHERE name = :n"), {"n": name}).scalar_one()


def test_home_loads_without_console_errors(server, watched):
    response = watched.page.goto(server.base + "/")
    assert response.status == 200
    assert watched.page.title() == "quote-tracker"
    assert watched.page.locator("#speakers").is_visible()
    assert watched.problems == []


def test_searching_from_the_home_page_shows_the_statement(server, watched):
    page = watched.page
    page.goto(server.base + "/")
    page.locator("#home-search input[name=q]").fill("cranes inspected")
    page.locator("#home-search button").click()
    page.wait_for_url("**/search?q=cranes+inspected")
    results = page.locator("#quote-results > li")
    assert results.count() == 1  # the statement once, however many of its quotes match
    assert REOPEN_TRIMMED in page.locator("#quote-results").inner_text()
    assert watched.problems == []


def test_a_search_result_leads_to_the_marked_statement(server, watched):
    page = watched.page
    page.goto(server.base + "/search?q=cracks")
    page.locator("#quote-results a[href*='/articles/']").first.click()
    page.wait_for_url("**/articles/*#q*")
    target = page.locator("mark:target")
    assert target.count() == 1 and target.inner_text() == "We have found no cracks"
    assert watched.problems == []


def test_the_timeline_renders_one_visible_dot_per_outlet_and_day(server, watched):
    page = watched.page
    page.goto(f"{server.base}/speakers/{speaker_id(server, 'Ines Varga')}")
    svg = page.locator("#timeline svg")
    box = svg.bounding_box()
    assert box and box["width"] > 500 and box["height"] > 100
    dots = page.locator("#timeline circle.quote")
    assert dots.count() == 4  # 6 dated quotes: two days with two quotes in one outlet
    for index in range(dots.count()):
        dot = dots.nth(index).bounding_box()
        assert dot and dot["width"] > 5
        assert box["x"] <= dot["x"] and dot["x"] + dot["width"] <= box["x"] + box["width"] + 1
    assert page.locator("#statements > li").count() == 4
    assert watched.problems == []


def test_a_timeline_dot_opens_its_article(server, watched):
    page = watched.page
    page.goto(f"{server.base}/speakers/{speaker_id(server, 'Ines Varga')}")
    page.locator('#timeline circle.quote[data-quotes="1"]').first.click()
    page.wait_for_url("**/articles/*#q*")
    assert page.locator("mark:target").count() == 1
    assert watched.problems == []


def test_a_dot_of_several_quotes_zooms_in_to_its_day(server, watched):
    page = watched.page
    page.goto(f"{server.base}/speakers/{speaker_id(server, 'Ines Varga')}")
    page.locator('#timeline circle.quote[data-quotes="2"]').first.click()
    page.wait_for_url("**/speakers/*?from=*&to=*")
    assert page.locator("#timeline circle.quote").count() == 1
    assert page.locator("#all-dates").is_visible()
    assert watched.problems == []


def test_dates_stay_on_one_line_in_a_narrow_window(server, browser):
    page = browser.new_page(viewport={"width": 420, "height": 900})
    page.goto(server.base + "/")
    heights = page.eval_on_selector_all("#speakers time", "cells => cells.map(c => c.getBoundingClientRect().height)")
    line = page.eval_on_selector("#counts", "p => parseFloat(getComputedStyle(p).lineHeight)")
    assert heights and max(heights) < 1.5 * line
    page.close()


def test_escaped_markup_in_an_article_never_runs(server, watched):
    page = watched.page
    page.goto(f"{server.base}/search?q=tags")
    page.locator("#quote-results a[href*='/articles/']").first.click()
    page.wait_for_url("**/articles/*")
    assert "<script>alert(1)</script>" in page.locator("#article-text").inner_text()
    assert page.locator("#article-text script").count() == 0
    assert watched.problems == []


def test_a_missing_page_is_a_404_page(server, browser):
    page = browser.new_page()
    response = page.goto(server.base + "/speakers/99999")
    assert response.status == 404 and "Back to the start page" in page.content()
    page.close()
