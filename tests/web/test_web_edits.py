"""Corrections from the web view: only behind `serve --allow-edits`, only from this server's own pages on this
machine, and stored as `quotes fix` stores them."""

import re

import pytest
from click.testing import CliRunner
from sqlalchemy import text

import webdata
from quotes.cli.main import main


@pytest.fixture
def site(tmp_path):
    """(client factory, ids): a fresh copy of the sample database served with edits allowed."""
    from starlette.testclient import TestClient

    from quotes.cli.web import create_app, open_readonly
    from quotes.cli.web.edits import Edits
    from quotes.db import make_engine

    url = f"sqlite:///{tmp_path / 'edits.db'}"
    webdata.build(url)
    writer, reader = make_engine(url), open_readonly(url)
    edits = Edits(engine=writer)
    with writer.connect() as connection:
        quote_id, article_id = connection.execute(text("SELECT id, article_id FROM quote ORDER BY id")).first()

    def client(base_url="http://127.0.0.1:8000"):
        return TestClient(create_app(reader, edits=edits), base_url=base_url)

    yield client, edits, writer, quote_id, article_id
    writer.dispose()
    reader.dispose()


def corrections(engine):
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text("SELECT field, value, created_by FROM correction"))]


def test_pages_carry_no_forms_and_take_no_posts_without_allow_edits(client, sample_ids):
    _, articles = sample_ids
    page = client.get(f"/articles/{articles['wire.txt']}").text
    assert 'name="token"' not in page and "/fix" not in page
    assert client.post("/quotes/1/fix", data={"speaker": "X"}).status_code in (404, 405)


def test_a_speaker_corrected_on_the_article_page(site):
    client, edits, writer, quote_id, article_id = site
    with client() as browser:
        page = browser.get(f"/articles/{article_id}").text
        [token] = set(re.findall(r'name="token" value="([^"]+)"', page))
        assert token == edits.token
        done = browser.post(f"/quotes/{quote_id}/fix", data={"token": token, "speaker": "Lena Voss"},
                            headers={"origin": "http://127.0.0.1:8000"}, follow_redirects=False)
        assert done.status_code == 303 and done.headers["location"].endswith(f"/articles/{article_id}")
        assert re.search(r">Lena Voss</a> \(speaker corrected\)", browser.get(f"/articles/{article_id}").text)
    [(field, value, by)] = corrections(writer)
    assert (field, value) == ("speaker", "Lena Voss") and by.endswith(" (web)")


def test_not_a_quote_and_article_metadata_from_the_page(site):
    client, edits, writer, quote_id, article_id = site
    with client() as browser:
        assert browser.post(f"/quotes/{quote_id}/fix", data={"token": edits.token, "not_a_quote": "1"},
                            follow_redirects=False).status_code == 303
        assert browser.post(f"/articles/{article_id}/fix", data={"token": edits.token, "outlet": "Harbor City Herald",
                            "published": "2023-03-02"}, follow_redirects=False).status_code == 303
        assert browser.post(f"/articles/{article_id}/fix", data={"token": edits.token, "published": "soon"}
                            ).status_code == 400
    assert [(field, value) for field, value, _ in corrections(writer)] == [
        ("not_a_quote", None), ("outlet", "Harbor City Herald"), ("published_at", "2023-03-02")]


@pytest.mark.parametrize("base_url, headers, token", [
    ("http://127.0.0.1:8000", {}, None),                                      # no token
    ("http://127.0.0.1:8000", {}, "guessed"),                                 # a wrong one
    ("http://127.0.0.1:8000", {"origin": "https://evil.example"}, "right"),   # another site's page
    ("http://127.0.0.1:8000", {"sec-fetch-site": "cross-site"}, "right"),
    ("http://evil.example", {}, "right"),                                     # a name re-pointed at us
])
def test_a_post_from_anywhere_else_is_refused(site, base_url, headers, token):
    client, edits, writer, quote_id, _ = site
    data = {"speaker": "Lena Voss"}
    if token is not None:
        data["token"] = edits.token if token == "right" else token
    with client(base_url) as browser:  # a name re-pointed at us: the trusted-hosts check refuses it first (400)
        assert browser.post(f"/quotes/{quote_id}/fix", data=data, headers=headers).status_code == \
            (400 if "evil" in base_url else 403)
    assert corrections(writer) == []


def test_serve_allows_edits_on_this_machine_only(monkeypatch, sqlite_url):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append(options))
    runner = CliRunner(env={"QUOTES_DB": None})
    refused = runner.invoke(main, ["serve", "--db", sqlite_url, "--allow-edits", "--host", "0.0.0.0"])
    assert refused.exit_code == 2 and "--allow-edits serves this machine only" in refused.output and not calls
    served = runner.invoke(main, ["serve", "--db", sqlite_url, "--allow-edits"])
    assert served.exit_code == 0 and "with edits at http://127.0.0.1:8000/" in served.output


def test_a_speaker_typed_on_the_page_is_chosen_as_quotes_fix_chooses(site):
    """The form stored a new speaker named '#99' for an id no speaker has, a new bare 'Voss' beside Lena and
    Peter Voss, and a second correction 'Lena Voss -> Lena Voss' when the same name was posted twice."""
    client, edits, writer, quote_id, article_id = site
    with writer.connect() as connection:
        other = connection.execute(text("SELECT id FROM quote WHERE id != :q ORDER BY id"), {"q": quote_id}).scalar()

    def post(quote, speaker):
        with client() as browser:
            return browser.post(f"/quotes/{quote}/fix", data={"token": edits.token, "speaker": speaker},
                                follow_redirects=False)

    assert post(quote_id, "Lena Voss").status_code == 303
    assert post(other, "Peter Voss").status_code == 303
    assert post(quote_id, "Lena Voss").status_code == 303  # already hers: nothing stored
    refused = post(quote_id, "#99")
    assert refused.status_code == 400 and "No speaker #99" in refused.text
    refused = post(quote_id, "Voss")
    assert refused.status_code == 400 and "could be #" in refused.text and "Peter Voss" in refused.text
    with writer.connect() as connection:
        peter = connection.execute(text("SELECT id FROM speaker WHERE name = 'Peter Voss'")).scalar()
        assert connection.execute(text("SELECT count(*) FROM speaker WHERE name IN ('#99', 'Voss')")).scalar() == 0
    assert post(quote_id, f"#{peter}").status_code == 303
    assert [value for _, value, _ in corrections(writer)] == ["Lena Voss", "Peter Voss", "Peter Voss"]


def test_the_speaker_box_names_the_quote_by_its_id(site):
    """The box was labelled 'Right speaker for statement 18', 18 being the quote's id, not a statement's."""
    client, edits, writer, quote_id, article_id = site
    with client() as browser:
        page = browser.get(f"/articles/{article_id}").text
    assert f'aria-label="Right speaker for quote #{quote_id}"' in page and "for statement" not in page
