"""choose_speaker: which stored speaker a typed name means (the policy `quotes by` and the web view share)."""

import pytest

from quotes.db import session_scope
from quotes.db.choose import SpeakerChoice, choose_speaker, correction_speaker
from quotes.db.identity import merge_speakers
from quotes.db.rows import SpeakerRow

from dbhelpers import said


def Row(id: int, name: str, quotes: int) -> SpeakerRow:  # noqa: N802  (reads as the record it makes)
    return SpeakerRow(id=id, name=name, kind="person", quotes=quotes)


@pytest.fixture
def stored(monkeypatch):
    """find_speakers answers with the given rows, so the policy alone is tested."""
    import quotes.db.queries as queries

    def store(*rows):
        monkeypatch.setattr(queries, "find_speakers", lambda session, name: list(rows))

    return store


def ids(choice: SpeakerChoice):
    return (choice.chosen.id if choice.chosen else None), [row.id for row in choice.candidates]


def test_the_only_match_is_chosen(stored):
    stored(Row(7, "Obama", 1))
    assert ids(choose_speaker(None, "Obama")) == (7, [])


def test_a_full_name_typed_in_full_is_chosen_beside_longer_names(stored):
    stored(Row(2, "Barack Obama", 13), Row(12, "Barack Obama Sr.", 1))
    assert ids(choose_speaker(None, "  barack OBAMA ")) == (2, [])


def test_a_bare_surname_beside_full_names_is_not_decided(stored):
    stored(Row(7, "Obama", 1), Row(2, "Barack Obama", 13), Row(9, "Michelle Obama", 4))
    assert ids(choose_speaker(None, "Obama")) == (None, [2, 9, 7])  # most quoted first


def test_several_partial_matches_are_candidates(stored):
    stored(Row(3, "Ana Lima", 2), Row(4, "Ana Limaço", 5))
    assert ids(choose_speaker(None, "Lim")) == (None, [4, 3])


def test_nothing_matches(stored):
    stored()
    choice = choose_speaker(None, "Nobody")
    assert ids(choice) == (None, []) and not choice.found


def test_an_id_means_that_live_speaker(engine):
    barack, michelle = said(engine, "Barack Obama"), said(engine, "Michelle Obama")
    with session_scope(engine) as session:
        assert ids(choose_speaker(session, f"#{michelle}")) == (michelle, [])
        assert ids(choose_speaker(session, str(barack))) == (barack, [])
        assert ids(choose_speaker(session, "#99999999999")) == (None, [])  # past any stored id: no error
        assert choose_speaker(session, "Obama").candidates  # both Obamas, neither decided


def test_a_merged_id_is_not_chosen(engine):
    keep, gone = said(engine, "Ines Varga"), said(engine, "Tomas Reyes")
    with session_scope(engine) as session:
        merge_speakers(session, keep_id=keep, merge_id=gone)
    with session_scope(engine) as session:
        assert ids(choose_speaker(session, f"#{gone}")) == (None, [])
        assert ids(choose_speaker(session, "Tomas Reyes")) == (keep, [])  # the name leads to where it went


def test_a_choice_that_shares_only_part_of_the_name_says_so(stored):
    """`quotes by "Jane Ashdown"` and the web view both learn that they got Ruth Ashdown, not Jane."""
    stored(Row(4, "Ruth Ashdown", 3))
    assert choose_speaker(None, "Jane Ashdown").partial
    assert not choose_speaker(None, "Mr R. Ashdown").partial  # an honorific and an initial fit
    assert not choose_speaker(None, "ashd").partial


def test_a_merged_or_unknown_id_says_why_nobody_was_chosen(engine):
    keep, gone = said(engine, "Ines Varga"), said(engine, "Tomas Reyes")
    with session_scope(engine) as session:
        merge_speakers(session, keep_id=keep, merge_id=gone)
    with session_scope(engine) as session:
        assert choose_speaker(session, f"#{gone}").merged_into.id == keep
        assert choose_speaker(session, "#99999").unknown_id == 99999


def test_a_correction_means_a_stored_speaker_or_a_new_one(engine):
    """The existing-or-new decision `quotes fix --speaker` and the web view's form share."""
    ruth = said(engine, "Ruth Ashdown")
    with session_scope(engine) as session:
        assert correction_speaker(session, " Ruth Ash ").new_name == "Ruth Ash"  # a full name nobody goes by
        assert correction_speaker(session, "Ashdown").choice.chosen.id == ruth  # one word: a surname on record
        assert correction_speaker(session, "ruth ashdown").choice.chosen.id == ruth
        assert correction_speaker(session, f"#{ruth}").speaker_id == ruth
