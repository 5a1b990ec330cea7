"""Read side over a small fixed corpus, on SQLite and PostgreSQL."""

from datetime import date

import pytest

from dbhelpers import article, ingest, quote
from quotes.db import session_scope
from quotes.db.errors import AmbiguousArticle, ArticleNotFound
from quotes.db.queries import (QuoteFilters, article_quotes, find_speakers, list_speakers, quotes_by,
                               search_quotes, statements_by, stats)

RIVER = "The river will crest on Friday and the old town must be evacuated before then"
BRIDGE = "The bridges are closed to lorries until engineers have inspected every pier"


@pytest.fixture
def corpus(engine):
    ingest(engine, article("Flood story one.", source="wire.txt", title="Floods close in on old town",
                           outlet="Wire", published_at=date(2024, 5, 2), url="https://wire.example/floods"),
           [quote(RIVER, "Stéphane Dujarric", role="UN spokesman"),
            quote(BRIDGE, "Marta Lindqvist", role="transport minister", kind="indirect", start=120)])
    ingest(engine, article("Flood story two.", source="paper.txt", title="Evacuation ordered",
                           outlet="Paper", published_at=date(2024, 5, 3)),
           [quote("the old town must be evacuated before then, the river will crest on Friday", "Mr Dujarric"),
            quote(RIVER, "Mr Dujarric", start=200)])
    return engine


def names(rows):
    return [row.name for row in rows]


def test_find_speakers_is_alias_aware(corpus):
    with session_scope(corpus) as session:
        assert names(find_speakers(session, name="dujarric")) == ["Stéphane Dujarric"]
        assert names(find_speakers(session, name="Stephane DUJARRIC")) == ["Stéphane Dujarric"]
        assert names(find_speakers(session, name="lindq")) == ["Marta Lindqvist"]  # partial
        assert find_speakers(session, name="Nobody") == []
        row = find_speakers(session, name="Mr Dujarric")[0]
    assert (row.quotes, row.statements, row.roles) == (3, 2, ["UN spokesman"])
    assert (row.first_seen, row.last_seen) == (date(2024, 5, 2), date(2024, 5, 3))
    assert sorted(row.aliases) == ["Mr Dujarric", "Stéphane Dujarric"]


def test_list_speakers_filters_and_orders_by_quotes(corpus):
    with session_scope(corpus) as session:
        assert names(list_speakers(session)) == ["Stéphane Dujarric", "Marta Lindqvist"]
        assert names(list_speakers(session, role="minister")) == ["Marta Lindqvist"]
        assert names(list_speakers(session, like="stephane")) == ["Stéphane Dujarric"]
        assert list_speakers(session, kind="organization") == []


def test_quotes_by_applies_filters(corpus):
    with session_scope(corpus) as session:
        speaker = find_speakers(session, name="Dujarric")[0].id
        every = list(quotes_by(session, speaker_ids=[speaker], filters=QuoteFilters()))
        later = list(quotes_by(session, speaker_ids=[speaker], filters=QuoteFilters(since=date(2024, 5, 3))))
        wire = list(quotes_by(session, speaker_ids=[speaker], filters=QuoteFilters(outlet="wire")))
        crest = list(quotes_by(session, speaker_ids=[speaker], filters=QuoteFilters(contains="CREST ON")))
        none = list(quotes_by(session, speaker_ids=[speaker], filters=QuoteFilters(kind="indirect")))
    assert [q.outlet for q in every] == ["Wire", "Paper", "Paper"]
    assert every[0].speaker == "Stéphane Dujarric" and every[0].title == "Floods close in on old town"
    assert len(later) == 2 and len(wire) == 1 and len(crest) == 3 and none == []


def test_statements_by_groups_outlets(corpus):
    with session_scope(corpus) as session:
        speaker = find_speakers(session, name="Dujarric")[0].id
        rows = statements_by(session, speaker_id=speaker)
    river = [row for row in rows if row.text == RIVER][0]
    assert (river.quotes, river.articles, river.outlets) == (2, 2, ["Paper", "Wire"])
    assert len(rows) == 2  # the reordered sentence is a different statement


def test_article_quotes_by_id_url_and_title(corpus):
    ingest(corpus, article("Third.", title="Floods recede"), [])
    with session_scope(corpus) as session:
        by_url, quotes = article_quotes(session, article="https://wire.example/floods")
        by_title, _ = article_quotes(session, article="evacuation")
        by_id, _ = article_quotes(session, article=str(by_url.id))
        with pytest.raises(ArticleNotFound, match="no article matches"):
            article_quotes(session, article="volcano")
        with pytest.raises(AmbiguousArticle, match="several articles"):
            article_quotes(session, article="floods")
    assert by_id == by_url and by_title.outlet == "Paper"
    assert [q.start for q in quotes] == [0, 120]


@pytest.mark.parametrize("text, expected", [
    ("crest Friday", 3),
    ("bridges", 1),
    ("bridge", 1),  # stemmed
    ('crest" OR "bridges', 0),  # operators are words: no row has all of them
    ("'; DROP TABLE quote; --", 0),
    ("", 0),
    ('"crest on Friday"', 3),  # a phrase
    ('"Friday crest"', 0),  # words in the wrong order are not the phrase
    ("evacu*", 3),  # a prefix
    ("brid* NEAR(crest) ^river _ :* & | !", 0),  # tsquery and FTS5 operators are not syntax here
])
def test_search_quotes_full_text(corpus, text, expected):
    with session_scope(corpus) as session:
        hits = search_quotes(session, text=text, filters=QuoteFilters())
        assert len(hits) == expected
        assert stats(session)["quotes"] == 4


def test_search_quotes_respects_filters_and_limit(corpus):
    with session_scope(corpus) as session:
        assert len(search_quotes(session, text="river", filters=QuoteFilters(outlet="Paper"))) == 2
        assert len(search_quotes(session, text="river", filters=QuoteFilters(), limit=1)) == 1


def test_stats_counts_rows(corpus):
    with session_scope(corpus) as session:
        assert stats(session) == {"articles": 2, "speakers": 2, "aliases": 3, "roles": 2, "statements": 3,
                                  "quotes": 4}


def test_an_outlet_written_with_or_without_the_is_one_outlet(engine):
    for n, outlet in enumerate(["The Harbor City Herald", "Harbor City Herald", "harbor city herald"]):
        ingest(engine, article(f"Bridge story {n}.", source=f"h{n}.txt", outlet=outlet), [quote(RIVER, "Lena Voss")])
    with session_scope(engine) as session:
        speaker = find_speakers(session, name="Voss")[0].id
        herald = list(quotes_by(session, speaker_ids=[speaker], filters=QuoteFilters(outlet="the harbor city HERALD")))
        [statement] = statements_by(session, speaker_id=speaker)
    assert [q.outlet for q in herald] == ["The Harbor City Herald", "Harbor City Herald", "harbor city herald"]
    assert statement.outlets == ["The Harbor City Herald"]  # grouped; shown as first written


def test_list_speakers_limit_is_the_head_of_the_full_list(engine):
    """`limit` counts and cuts in SQL (the web home page's top 20): the same rows, in the same order, as the
    full list's head, ties at the cut broken by casefolded name then id, quoteless speakers last."""
    from quotes.db.models import StoredSpeaker

    counts = {"Zoë Ames": 3, "émile Brun": 2, "Emma Cole": 2, "ÉLISE Dorn": 2, "adam Eck": 1, "Bo Fay": 1}
    for n, (name, count) in enumerate(counts.items()):
        ingest(engine, article(f"Story {n}.", source=f"{n}.txt"),
               [quote(f"Statement number {i} of {name}", name, source=f"{n}.txt", start=10 * i) for i in range(count)])
    with session_scope(engine) as session:
        for n, name in enumerate(["Quiet Quinn", "ábel Quiet"]):
            session.add(StoredSpeaker(name=name, kind="person", identity_key=f"quiet{n}", name_key=f"quiet{n}"))
    with session_scope(engine) as session:
        everyone = list_speakers(session)
        assert len(everyone) == 8 and names(everyone)[-2:] == ["Quiet Quinn", "ábel Quiet"]
        for limit in range(0, 10):
            assert names(list_speakers(session, limit=limit)) == names(everyone)[:limit], limit
        assert names(list_speakers(session, kind="person", like="e", limit=3)) == \
            names(list_speakers(session, kind="person", like="e"))[:3]


def test_search_ranks_only_the_newest_matches_past_the_cap(engine):
    for n in range(12):
        ingest(engine, article(f"Story {n}.", source=f"{n}.txt"),
               [quote(f"The council said the vote number {n} is due", f"Speaker {n}", source=f"{n}.txt")])
    with session_scope(engine) as session:  # 'council', not 'the': PostgreSQL's English search drops 'the'
        everything = search_quotes(session, text="council", filters=QuoteFilters(), cap=None)
        capped = search_quotes(session, text="council", filters=QuoteFilters(), cap=5)
        assert len(everything) == 12
        newest = sorted(row.id for row in everything)[-5:]
        assert sorted(row.id for row in capped) == newest
        assert len(search_quotes(session, text="council", filters=QuoteFilters(), cap=5, limit=3)) == 3
        assert len(search_quotes(session, text="council", filters=QuoteFilters())) == 12  # below the default cap


def test_file_stats_counts_a_sqlite_file_as_stats_does(corpus):
    """`quotes stats` on a file counts with sqlite3 alone (quotes.db.counts.file_stats): the same numbers,
    a merged speaker left out too."""
    from quotes.db.counts import file_stats
    from quotes.db.identity import merge_speakers

    if corpus.dialect.name != "sqlite":
        pytest.skip("file_stats reads SQLite files")
    with session_scope(corpus) as session:
        ids = [row.id for row in list_speakers(session)]
        merge_speakers(session, keep_id=ids[0], merge_id=ids[1])
    with session_scope(corpus) as session:
        counted = stats(session)
    assert counted["speakers"] == 1
    assert file_stats(corpus.url.database) == file_stats(f"sqlite:///{corpus.url.database}") == counted
