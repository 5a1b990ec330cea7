"""CSL-JSON for reference managers: one item per article with its quotes attached, valid against the
CSL-JSON schema (csl-data.json, shipped beside this file)."""

import json
from pathlib import Path

import pytest

from quotes.citations import csl_authors, csl_items

jsonschema = pytest.importorskip("jsonschema")
SCHEMA = json.loads((Path(__file__).parent / "csl-data.json").read_text(encoding="utf-8"))


def validate(items):
    jsonschema.Draft7Validator(SCHEMA).validate(items)


def record(quote_id, article_id, text, start, **extra):
    values = {"quote_id": quote_id, "statement_id": quote_id, "speaker_id": 1, "speaker": "Ines Varga",
              "speaker_kind": "person", "role": "harbour authority chair", "text": text, "kind": "direct",
              "cue": "said", "mention": "Varga", "article_id": article_id, "title": f"Story {article_id}",
              "outlet": "Northwire", "url": f"https://northwire.example/{article_id}",
              "published_at": "2023-03-01", "start": start, "end": start + len(text), "spans": [],
              "confidence": 0.9, "rule": "nsubj-of-cue", "updated_at": "2023-03-02T10:00:00"}
    values.update(extra)
    return values


RECORDS = [record(1, 10, "We are ready", 40), record(2, 11, "The cranes are safe", 5),
           record(3, 10, "Work starts on Monday", 3, kind="indirect", role=None),
           record(4, 12, "No comment", 0, title=None, outlet=None, url=None, published_at=None, speaker=None,
                  source="note.txt")]


def test_one_item_per_article_with_its_quotes_in_text_order():
    items = list(csl_items(RECORDS))
    assert [item["id"] for item in items] == ["article-10", "article-11", "article-12"]
    first = items[0]
    assert [q["quote_id"] for q in first["custom"]["quotes"]] == [3, 1]
    assert first["abstract"] == ("Ines Varga: Work starts on Monday\n"
                                 "Ines Varga (harbour authority chair): “We are ready”")
    assert first["note"].splitlines() == ["quote 3 [3-24] Ines Varga: Work starts on Monday",
                                          "quote 1 [40-52] Ines Varga: We are ready"]
    assert first["container-title"] == "Northwire" and first["URL"] == "https://northwire.example/10"
    assert first["issued"] == {"date-parts": [[2023, 3, 1]]}


def test_articles_and_quotes_are_valid_csl_json():
    validate(list(csl_items(RECORDS)))
    validate(list(csl_items(RECORDS, per_quote=True)))


def test_an_article_without_metadata_is_still_a_valid_item():
    [item] = csl_items([RECORDS[3]])
    assert item["title"] == "note.txt" and not {"container-title", "issued", "URL", "author"} & set(item)
    assert item["note"] == "quote 4 [0-10] unknown: No comment"
    validate([item])


def test_per_quote_mode_keeps_one_item_per_quote():
    items = list(csl_items(RECORDS, per_quote=True))
    assert [item["id"] for item in items] == ["quote-1", "quote-2", "quote-3", "quote-4"]
    assert items[0]["note"] == "Speaker: Ines Varga\nRole: harbour authority chair\nStatement: We are ready"


def test_discontinuous_quotes_note_every_span():
    spanned = record(5, 13, "We will stay until it is done", 1, spans=[[1, 13], [27, 44]])
    [item] = csl_items([spanned])
    assert item["note"].startswith("quote 5 [1-13,27-44] ")
    assert item["custom"]["quotes"][0]["spans"] == [[1, 13], [27, 44]]


def test_the_byline_becomes_the_author():
    [item] = csl_items([record(6, 14, "Fine", 0, author="By Jane Doe and Ola Nordmann")])
    assert item["author"] == [{"family": "Doe", "given": "Jane"}, {"family": "Nordmann", "given": "Ola"}]
    validate([item])


@pytest.mark.parametrize("byline, expected", [
    ("By Jane Doe", [{"family": "Doe", "given": "Jane"}]),
    ("Mary Anne van Dyke, Tom Roe", [{"family": "van Dyke", "given": "Mary Anne"},
                                     {"family": "Roe", "given": "Tom"}]),
    ("Juan de la Cruz", [{"family": "de la Cruz", "given": "Juan"}]),
    ("Reuters", [{"literal": "Reuters"}]),
    ("AP STAFF", [{"literal": "AP STAFF"}]),
    ("Marcus Bell and Ana Lima, Harbor City Herald", [{"family": "Bell", "given": "Marcus"},
                                                      {"family": "Lima", "given": "Ana"}]),
    ("By Jane Doe, Reuters", [{"family": "Doe", "given": "Jane"}]),
    ("Jane Doe, Staff Writer", [{"family": "Doe", "given": "Jane"}]),
    ("", []), (None, []),
])
def test_bylines_as_csl_names(byline, expected):
    assert csl_authors(byline) == expected


def test_bibtex_escapes_what_latex_would_read_as_commands():
    pytest.importorskip("bibtexparser")
    from quotes.citations import bibtex_text

    items = list(csl_items([record(9, 20, "50% & more, said she", 0, title="Rates & rents: 5% #up",
                                   url="https://northwire.example/a_b?x=1")]))
    text = bibtex_text(items)
    assert r"Rates \& rents: 5\% \#up" in text
    assert "url = {https://northwire.example/a_b?x=1}" in text  # verbatim: a \url{} inside is printed as such


def test_bibtex_is_a_news_article_with_its_full_date_and_protected_proper_nouns():
    pytest.importorskip("bibtexparser")
    from quotes.citations import bibtex_text

    text = bibtex_text(csl_items([record(9, 20, "Fine", 0, title="Mayor Voss unveils plan for Riverside bridge")]))
    assert "title = {Mayor {Voss} unveils plan for {Riverside} bridge}" in text
    assert "entrysubtype = {newspaper}" in text and "date = {2023-03-01}" in text


@pytest.mark.parametrize("title, protected", [
    ("Mayor Voss unveils plan for Riverside bridge", "Mayor {Voss} unveils plan for {Riverside} bridge"),
    ("UN urges calm in Almaty", "{UN} urges calm in {Almaty}"),
    ("Mayor Voss Unveils Plan for Riverside Bridge", "{Mayor Voss Unveils Plan for Riverside Bridge}"),
    ("Rates & rents rise", "Rates \\& rents rise"),
    ("Élodie Marchand speaks", "\\'Elodie {Marchand} speaks"),
])
def test_titles_keep_their_proper_nouns(title, protected):
    pytest.importorskip("pylatexenc")
    from quotes.citations import protected_title

    assert protected_title(title) == protected


def test_a_corrected_quote_says_so_in_its_custom_record():
    [item] = csl_items([record(9, 20, "Fine", 0, corrected="speaker")])
    assert item["custom"]["quotes"][0]["corrected"] == "speaker"
    validate([item])
