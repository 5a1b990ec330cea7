"""What articles say about themselves: dateline, byline, wire outlet, front matter, sidecar .json, and
the usual JSONL field names (quotes/ingest/metadata.py, read through quotes.ingest.article)."""

import json
import logging
from datetime import date
from pathlib import Path

import pytest

from quotes.ingest.article import read_article, read_articles
from quotes.errors import InputError
from quotes.ingest.metadata import (body_start, find_byline, find_outlet_line, find_wire_outlet, known_fields,
                                    parse_date)
from quotes.records import outlet_key

SAMPLES = Path(__file__).resolve().parents[1] / "quotes" / "samples"


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_the_bundled_samples_carry_their_byline_and_outlet():
    ledger = read_article(str(SAMPLES / "ledger-almaty.txt"))
    assert (ledger.author, ledger.outlet, ledger.published_at) == ("Dana Okhotina", "The Eastern Ledger",
                                                                   date(2022, 1, 11))
    wire = read_article(str(SAMPLES / "wire-kazakhstan.txt"))
    assert (wire.author, wire.outlet) == (None, "Northwire")


@pytest.mark.parametrize("line, expected", [
    ("By Jane Doe", ("Jane Doe", None)),
    ("BY JANE DOE AND OLA NORDMANN", ("JANE DOE AND OLA NORDMANN", None)),
    ("By Jane Doe, Ola Nordmann", ("Jane Doe, Ola Nordmann", None)),
    ("By: Mary van Dyke, The Harbour Times", ("Mary van Dyke", "The Harbour Times")),
    ("By the time the ships came in, the strike was over", (None, None)),
    ("By Jane Doe said the minister was wrong", (None, None)),
    ("by staff", (None, None)),
    ("By Marcus Bell and Ana Lima, Harbor City Herald", ("Marcus Bell and Ana Lima", "Harbor City Herald")),
    ("By Jane Doe, Reuters", ("Jane Doe", "Reuters")),
    ("By Jane Doe, Staff Writer", ("Jane Doe", None)),
    ("By Jane Doe, Senior Correspondent, The Harbour Times", ("Jane Doe", "The Harbour Times")),
    ("By Jane Doe | Politico", ("Jane Doe", "Politico")),
    ("By Reuters", ("Reuters", "Reuters")),
    ("By The Associated Press", ("The Associated Press", "The Associated Press")),
])
def test_bylines(line, expected):
    assert find_byline([line]) == expected


@pytest.mark.parametrize("lines, outlet", [
    (["12 January 2022", "The Coastal Courier"], "The Coastal Courier"),
    (["Harbor City Herald", "By Jane Doe"], "Harbor City Herald"),
    (["Reuters"], "Reuters"),
    (["The Big Picture"], None),  # a subheading: no outlet word
    (["The harbour reopened on Monday after the Herald reported it."], None),
])
def test_an_outlet_on_a_line_of_its_own(lines, outlet):
    assert find_outlet_line(lines) == outlet


def test_a_text_with_its_outlet_on_a_line_of_its_own():
    courier = read_article(str(SAMPLES / "courier-harbour.txt"))
    assert (courier.outlet, courier.published_at) == ("The Coastal Courier", date(2022, 1, 12))


@pytest.mark.parametrize("written, key", [
    ("The Harbor City Herald", "harbor city herald"), ("Harbor City Herald", "harbor city herald"),
    ("HARBOR CITY HERALD", "harbor city herald"), ("The Times", "times"), ("Le Monde", "le monde"),
    ("  ", None), (None, None),
])
def test_outlet_names_fold_for_grouping(written, key):
    assert outlet_key(written) == key


def test_body_start_skips_front_matter_only():
    text = "---\ntitle: T\n---\n\nBody said it.\n"
    assert text[body_start(text):] == "Body said it.\n"
    assert body_start("Title\n\nBody.") == 0


@pytest.mark.parametrize("line, outlet", [
    ("ALMATY, Kazakhstan (Northwire) — The United Nations called for calm.", "Northwire"),
    ("KELMOUTH (Coastal Courier) - Dockers voted on Wednesday.", "Coastal Courier"),
    ("The minister (who spoke to Northwire) - said nothing.", None),
])
def test_wire_datelines_name_the_outlet(line, outlet):
    assert find_wire_outlet([line]) == outlet


def test_front_matter_gives_every_field_and_the_text_stays_whole(tmp_path):
    text = ("---\ntitle: Dockers end strike\ndate: 12 January 2022\noutlet: \"Coastal Courier\"\n"
            "url: https://courier.example/strike\nauthor: Ruth Ashdown\n---\n\"This is a fair offer,\" she said.\n")
    article = read_article(write(tmp_path, "a.txt", text))
    assert (article.title, article.published_at, article.outlet, article.url, article.author) == (
        "Dockers end strike", date(2022, 1, 12), "Coastal Courier", "https://courier.example/strike", "Ruth Ashdown")
    assert article.text == text


def test_unknown_front_matter_keys_are_named_once(tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="quotes"):
        read_article(write(tmp_path, "a.txt", "---\ntitle: T\ncolour: blue\nmood: calm\n---\nBody said it.\n"))
    [warning] = [r.getMessage() for r in caplog.records]
    assert "front matter keys ignored: colour, mood" in warning


def test_a_sidecar_json_fills_in_what_the_text_lacks_and_wins_over_it(tmp_path):
    path = write(tmp_path, "story.txt", "Harbour reopens\n2022-01-12\n\nBy Jane Doe\n\nBody text.\n")
    (tmp_path / "story.json").write_text(json.dumps({"outlet": "Northwire", "published": "2022-01-13",
                                                     "link": "https://northwire.example/h"}), encoding="utf-8")
    article = read_article(path)
    assert (article.outlet, article.published_at, article.url, article.author) == (
        "Northwire", date(2022, 1, 13), "https://northwire.example/h", "Jane Doe")


def test_a_broken_sidecar_is_an_error_naming_both_files(tmp_path):
    path = write(tmp_path, "story.txt", "Title\n\nBody text here.\n")
    (tmp_path / "story.json").write_text("{not json", encoding="utf-8")
    [error] = list(read_articles(path))
    assert isinstance(error, InputError)
    assert str(error).startswith(f"{path}: its sidecar story.json cannot be read")


def test_a_sidecar_date_that_is_not_a_date_says_where(tmp_path):
    path = write(tmp_path, "story.txt", "Title\n\nBody text here.\n")
    (tmp_path / "story.json").write_text('{"date": "soon"}', encoding="utf-8")
    [error] = list(read_articles(path))
    assert str(error) == f"{path}: sidecar story.json: published_at 'soon' is not a date; write it as YYYY-MM-DD"


def test_jsonl_takes_the_usual_field_names(tmp_path):
    record = {"headline": "Harbour reopens", "body": "Body text here.", "date": "2022-01-12T08:00:00Z",
              "source": {"id": "nw", "name": "Northwire"}, "link": "https://northwire.example/h",
              "authors": ["Jane Doe", "Ola Nordmann"], "uuid": "a-1"}
    [article] = list(read_articles(write(tmp_path, "feed.jsonl", json.dumps(record) + "\n")))
    assert (article.title, article.text, article.published_at, article.outlet, article.url, article.author,
            article.source) == ("Harbour reopens", "Body text here.", date(2022, 1, 12), "Northwire",
                                "https://northwire.example/h", "Jane Doe and Ola Nordmann", "a-1")


def test_jsonl_names_unknown_fields_once_per_file(tmp_path, caplog):
    lines = [json.dumps({"text": f"Body {n} said.", "date": "2022-01-12", "sentiment": 0.2, "tags": []})
             for n in range(3)]
    with caplog.at_level(logging.WARNING, logger="quotes"):
        articles = list(read_articles(write(tmp_path, "feed.jsonl", "\n".join(lines))))
    assert len(articles) == 3 and all(a.published_at == date(2022, 1, 12) for a in articles)
    [warning] = [r.getMessage() for r in caplog.records]
    assert "fields ignored: sentiment (3 lines), tags (3 lines)" in warning


def field_of(key: str):
    """The Article field a record key stands for, or None."""
    values, _unknown = known_fields({key: "value"})
    return next(iter(values), None)


def test_the_first_listed_name_wins_when_a_record_has_two():
    values, unknown = known_fields({"date": "2022-01-01", "published_at": "2023-01-01"})
    assert values == {"published_at": "2023-01-01"} and unknown == []


@pytest.mark.parametrize("key, field", [("datePublished", "published_at"), ("Date-Published", "published_at"),
                                        ("HEADLINE", "title"), ("site_name", "outlet"), ("colour", None)])
def test_field_names_are_matched_case_and_separator_blind(key, field):
    assert field_of(key) == field


@pytest.mark.parametrize("value, expected", [
    ("2022-01-12", date(2022, 1, 12)), ("2022-01-12T23:30:00Z", date(2022, 1, 12)),
    ("2022-01-12 08:00:00", date(2022, 1, 12)), ("Wed, 12 Jan 2022 08:00:00 GMT", date(2022, 1, 12)),
    ("January 12, 2022", date(2022, 1, 12)), ("2022/1/12", date(2022, 1, 12)),
    (1641974400, date(2022, 1, 12)), (1641974400000, date(2022, 1, 12)), (None, None), ("", None),
])
def test_dates_as_feeds_write_them(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["last Tuesday", "2022-13-45", True, [2022, 1, 12]])
def test_what_is_not_a_date_is_refused(value):
    with pytest.raises(ValueError):
        parse_date(value)


def test_the_readme_lists_the_field_names_that_are_read():
    import re

    from quotes.ingest.metadata import FIELD_NAMES

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)`[^|]*\| (.+) \|$", readme, re.M)
    assert {field for field, _ in rows} == set(FIELD_NAMES)
    for field, names in rows:
        listed = [name for name in re.findall(r"`([^`]+)`", names) if not name.startswith("{")]
        assert listed and all(field_of(name) == field for name in listed), (field, listed)


def test_a_glob_does_not_take_a_sidecar_for_an_article(tmp_path):
    from quotes.ingest.batch import expand_paths

    for name in ("story.txt", "story.json", "page.html", "page.html.json", "data.json"):
        (tmp_path / name).write_text("{}" if name.endswith(".json") else "Title\n\nBody.\n", encoding="utf-8")
    found = [Path(p).name for p in expand_paths([str(tmp_path / "*")])]
    assert found == ["data.json", "page.html", "story.txt"]  # a .json without an article beside it is asked for
