"""join_bare_surnames: the ingest rule for a bare surname stored before its full name, applied to a database
filled before that rule existed."""

import pytest

from dbhelpers import merged_into, one, quotes_of, said
from quotes.db import session_scope
from quotes.db.identity import join_bare_surnames, merge_speakers, split_speaker
from quotes.db.queries import find_speakers
from quotes.db.rows import SurnameJoin


@pytest.fixture
def before_the_rule(monkeypatch):
    """Ingest as it was before bare surnames waited for their full name: nothing joins when it comes."""
    monkeypatch.setattr("quotes.db.matching.join_waiting_surnames", lambda session, **kwargs: [])


def joined(engine, *, dry_run=False):
    with session_scope(engine) as session:
        return join_bare_surnames(session, dry_run=dry_run)


def decisions(engine):
    return one(engine, "SELECT count(*) FROM speaker_decision")


def test_a_bare_surname_joins_its_only_full_name_once(engine, before_the_rule):
    bare = said(engine, "Obama")
    said(engine, "Mr Obama")
    barack = said(engine, "Barack Obama")
    assert merged_into(engine, bare) is None  # as an old database left it
    expected = [SurnameJoin(bare_id=bare, bare_name="Obama", full_id=barack, full_name="Barack Obama",
                            quotes_moved=2)]
    assert joined(engine, dry_run=True) == expected
    assert (merged_into(engine, bare), quotes_of(engine, barack), decisions(engine)) == (None, 1, 0)

    assert joined(engine) == expected
    assert (merged_into(engine, bare), quotes_of(engine, barack)) == (barack, 3)
    assert one(engine, "SELECT action FROM speaker_decision") == "join"
    assert one(engine, "SELECT count(*) FROM alias WHERE manual") == 0
    with session_scope(engine) as session:
        assert [row.name for row in find_speakers(session, name="Obama")] == ["Barack Obama"]
    assert joined(engine) == [] and decisions(engine) == 1  # idempotent


def test_two_plausible_full_names_join_nothing(engine, before_the_rule):
    bare = said(engine, "Clinton")
    said(engine, "Hillary Clinton"), said(engine, "Bill Clinton")
    assert joined(engine) == [] and merged_into(engine, bare) is None


def test_an_honorific_picks_the_full_name_of_its_gender(engine, before_the_rule):
    bare = said(engine, "Clinton", mention="Mrs. Clinton")
    said(engine, "Bill Clinton", mention="Mr. Clinton")
    assert joined(engine) == []
    hillary = said(engine, "Hillary Clinton")
    assert [(j.bare_id, j.full_id) for j in joined(engine)] == [(bare, hillary)]


def test_a_users_split_and_merge_are_left_alone(engine, before_the_rule):
    barack = said(engine, "Barack Obama")
    assert said(engine, "Obama") == barack  # the full name came first: the bare surname joined at ingest
    with session_scope(engine) as session:
        apart = split_speaker(session, speaker_id=barack, alias="Obama")
    bare, misspelt = said(engine, "Clinton"), said(engine, "Klinton")
    with session_scope(engine) as session:
        merge_speakers(session, keep_id=bare, merge_id=misspelt)
    said(engine, "Hillary Clinton")
    assert joined(engine) == []
    assert merged_into(engine, apart) is None and merged_into(engine, bare) is None


def test_a_generational_suffix_must_match(engine, before_the_rule):
    bare, bare_junior = said(engine, "Trump"), said(engine, "Trump Jr.")
    father = said(engine, "Donald Trump")
    # "Trump Jr." never means Donald Trump; "Trump" means him while he is the only Trump.
    assert [(j.bare_name, j.full_name) for j in joined(engine)] == [("Trump", "Donald Trump")]
    assert merged_into(engine, bare) == father and merged_into(engine, bare_junior) is None
    son = said(engine, "Donald Trump Jr.")
    assert [(j.bare_id, j.full_id) for j in joined(engine)] == [(bare_junior, son)]


def test_a_surname_with_particles_joins_its_full_name(engine, before_the_rule):
    bare = said(engine, "von der Leyen")
    ursula = said(engine, "Ursula von der Leyen")
    assert [(j.bare_id, j.full_id) for j in joined(engine)] == [(bare, ursula)]


def test_a_fifth_generation_is_named_by_surname_and_suffix(engine, before_the_rule):
    bare = said(engine, "King V")
    fifth = said(engine, "Martin Luther King V")
    said(engine, "Martin Luther King")
    assert [(j.bare_id, j.full_id) for j in joined(engine)] == [(bare, fifth)]
    assert one(engine, "SELECT surname_key FROM speaker WHERE id = :id", id=fifth) == "king"


def test_a_bare_surname_between_a_father_and_son_waits(engine, before_the_rule):
    bare = said(engine, "Trump")
    said(engine, "Donald Trump"), said(engine, "Donald Trump Jr.")
    assert joined(engine) == [] and merged_into(engine, bare) is None


def test_an_organisation_is_never_a_bare_surname(engine, before_the_rule):
    said(engine, "Hamas", kind="organization")
    said(engine, "Ismail Hamas")
    assert joined(engine) == []
