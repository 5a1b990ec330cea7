"""Speaker identity across articles and the manual merge/split that overrides it."""

import pytest
from sqlalchemy import text

from dbhelpers import merged_into, one, quotes_of, said
from quotes.db import session_scope
from quotes.db.errors import IdentityError
from quotes.db.identity import merge_speakers, split_speaker
from quotes.db.queries import find_speakers

def looked_up(engine, name):
    with session_scope(engine) as session:
        return [row.name for row in find_speakers(session, name)]


def test_accents_case_and_honorifics_join_one_speaker(engine):
    first = said(engine, "Stephane Dujarric")
    assert said(engine, "Stéphane Dujarric") == first
    assert said(engine, "STEPHANE DUJARRIC") == first
    assert said(engine, "Mr Dujarric") == first  # bare surname, unambiguous
    assert said(engine, "Mr. Stéphane Dujarric") == first
    assert one(engine, "SELECT name FROM speaker") == "Stéphane Dujarric"  # the accented spelling wins


def test_namesakes_with_different_first_names_stay_apart(engine):
    owen = said(engine, "Owen Smith")
    chloe = said(engine, "Chloe Smith")
    assert owen != chloe


def test_bare_surname_joins_only_when_unambiguous(engine):
    owen = said(engine, "Owen Smith")
    said(engine, "Chloe Smith")
    bare = said(engine, "Mr Smith")
    assert bare not in (owen,)
    assert one(engine, "SELECT name FROM speaker WHERE id = :id", id=bare) == "Smith"


def test_bare_surname_with_clearly_different_role_stays_apart(engine):
    osei = said(engine, "Amara Osei", role="health minister")
    other = said(engine, "Osei", role="striker for Accra Hearts")
    assert other != osei
    assert said(engine, "Osei", role="Minister of Health") == osei


def test_initial_and_transliteration_join(engine):
    zelensky = said(engine, "Volodymyr Zelensky")
    assert said(engine, "Volodymyr Zelenskiy") == zelensky
    assert said(engine, "V. Zelenskyy") == zelensky
    assert said(engine, "Volodymyr Zelenskyy") == zelensky


def test_initial_matching_two_people_makes_a_new_speaker(engine):
    john, jane = said(engine, "John Brandt"), said(engine, "Jane Brandt")
    assert said(engine, "J. Brandt") not in (john, jane)


def test_organisation_matches_by_exact_name_only(engine):
    un = said(engine, "the United Nations", kind="organization")
    assert said(engine, "The United Nations", kind="organization") == un
    assert said(engine, "United Nations Children's Fund", kind="organization") != un


def test_merge_moves_everything_and_later_ingests_follow(engine):
    ana = said(engine, "Ana Ferreira", role="mayor", words="The harbour will reopen before the summer season starts here")
    nickname = said(engine, "Aninha", kind="person", words="The harbour will reopen before the summer season starts here")
    assert ana != nickname
    with session_scope(engine) as session:
        merge_speakers(session, keep_id=ana, merge_id=nickname)
    assert one(engine, "SELECT count(*) FROM quote WHERE speaker_id = :id", id=ana) == 2
    assert one(engine, "SELECT count(*) FROM statement") == 1  # the same words became one statement
    assert one(engine, "SELECT occurrences FROM statement") == 2
    assert said(engine, "Aninha") == ana
    assert one(engine, "SELECT count(*) FROM speaker_decision WHERE action = 'merge'") == 1


def test_split_moves_alias_and_its_quotes_and_later_ingests_follow(engine):
    owen = said(engine, "Owen Smith", words="Our plan for the railways is fully costed and ready today")
    # A wrong join: the extraction called her "O. Smith" once; simulate with the alias matching rules.
    wrong = said(engine, "O. Smith", words="I never said the railways plan was costed at all")
    assert wrong == owen
    with session_scope(engine) as session:
        new = split_speaker(session, speaker_id=owen, alias="O. Smith")
    assert new != owen
    assert one(engine, "SELECT count(*) FROM quote WHERE speaker_id = :id", id=new) == 1
    assert one(engine, "SELECT count(*) FROM statement WHERE speaker_id = :id", id=new) == 1
    assert one(engine, "SELECT count(*) FROM statement WHERE speaker_id = :id", id=owen) == 1
    assert said(engine, "O. Smith") == new


def test_split_refuses_canonical_name_and_unknown_alias(engine):
    owen = said(engine, "Owen Smith")
    with session_scope(engine) as session, pytest.raises(IdentityError, match="canonical name"):
        split_speaker(session, speaker_id=owen, alias="Owen Smith")
    with session_scope(engine) as session, pytest.raises(IdentityError, match="aliases: Owen Smith"):
        split_speaker(session, speaker_id=owen, alias="Chloe Smith")


def test_merge_refuses_same_and_already_merged(engine):
    a, b = said(engine, "Ana Ferreira"), said(engine, "Bruno Costa")
    with session_scope(engine) as session, pytest.raises(IdentityError, match="itself"):
        merge_speakers(session, keep_id=a, merge_id=a)
    with session_scope(engine) as session:
        merge_speakers(session, keep_id=a, merge_id=b)
    with session_scope(engine) as session, pytest.raises(IdentityError, match=f"merged into {a}"):
        merge_speakers(session, keep_id=b, merge_id=a)


def test_bare_surname_stored_first_joins_the_full_name_when_it_comes(engine):
    bare = said(engine, "Obama")
    barack = said(engine, "Barack Obama")
    assert merged_into(engine, bare) == barack
    assert quotes_of(engine, barack) == 2
    assert said(engine, "Mr Obama") == barack
    assert one(engine, "SELECT count(*) FROM speaker_decision WHERE action = 'join'") == 1
    assert one(engine, "SELECT count(*) FROM alias WHERE manual") == 0  # automatic: later ingests still judge
    assert looked_up(engine, "Obama") == ["Barack Obama"]


def test_full_name_stored_first_takes_the_bare_surname(engine):
    barack = said(engine, "Barack Obama")
    assert said(engine, "Obama") == barack
    assert said(engine, "B. Obama") == barack  # a new alias: nothing waits, nothing moves
    assert one(engine, "SELECT count(*) FROM speaker_decision") == 0


def test_bare_surname_between_two_namesakes_waits(engine):
    said(engine, "Hillary Clinton")
    said(engine, "Bill Clinton")
    bare = said(engine, "Clinton")
    said(engine, "H. Clinton")  # Hillary gains an alias, but Bill is still a Clinton
    assert merged_into(engine, bare) is None
    assert said(engine, "Clinton") == bare
    assert sorted(looked_up(engine, "Clinton")) == ["Bill Clinton", "Clinton", "Hillary Clinton"]


def test_a_join_is_kept_when_a_namesake_comes_later(engine):
    bare = said(engine, "Obama")
    michelle = said(engine, "Michelle Obama")
    assert merged_into(engine, bare) == michelle
    barack = said(engine, "Barack Obama")
    assert merged_into(engine, bare) == michelle and quotes_of(engine, michelle) == 2  # kept: right when made
    later = said(engine, "Obama")  # now ambiguous: a new bare speaker, not the old join
    assert later not in (michelle, barack)
    assert one(engine, "SELECT name FROM speaker WHERE id = :id", id=later) == "Obama"
    assert sorted(looked_up(engine, "Obama")) == ["Barack Obama", "Michelle Obama", "Obama"]


def test_a_users_split_is_not_joined_back(engine):
    barack = said(engine, "Barack Obama")
    assert said(engine, "Obama") == barack
    with session_scope(engine) as session:
        apart = split_speaker(session, speaker_id=barack, alias="Obama")
    said(engine, "Barack H. Obama")  # a new alias of the full name: the split one stays apart
    assert merged_into(engine, apart) is None
    assert said(engine, "Obama") == apart


def test_a_bare_surname_a_user_merged_into_waits_for_the_user(engine):
    bare, misspelt = said(engine, "Clinton"), said(engine, "Klinton")
    with session_scope(engine) as session:
        merge_speakers(session, keep_id=bare, merge_id=misspelt)
    hillary = said(engine, "Hillary Clinton")
    assert merged_into(engine, bare) is None and quotes_of(engine, hillary) == 1


def test_generational_suffix_is_another_person(engine):
    father = said(engine, "Donald Trump")
    son = said(engine, "Donald Trump Jr.")
    assert son != father
    assert said(engine, "Trump Jr.") == son
    assert said(engine, "Donald Trump") == father
    bare = said(engine, "Trump")
    assert bare not in (father, son)  # either of them
    assert looked_up(engine, "Trump Jr.") == ["Donald Trump Jr."]


def test_bare_suffixed_surname_waits_for_its_own_full_name(engine):
    bare = said(engine, "Trump Jr.")
    father = said(engine, "Donald Trump")
    assert merged_into(engine, bare) is None
    son = said(engine, "Donald Trump Jr.")
    assert merged_into(engine, bare) == son != father


def test_suffix_written_by_one_article_only(engine):
    comey = said(engine, "James B. Comey Jr.")
    assert said(engine, "James Comey") == comey  # writers drop the "Jr.": no namesake without one is stored
    father = said(engine, "Donald Trump")
    son = said(engine, "Donald Trump Jr.")
    assert son != father and said(engine, "Donald Trump") == father  # the one stored without a suffix wins


def test_untyped_bare_surname_typed_later_still_waits_for_its_full_name(engine):
    untyped = said(engine, "Obama", kind="unknown")
    assert said(engine, "Obama") == untyped
    barack = said(engine, "Barack Obama")
    assert merged_into(engine, untyped) == barack


def test_a_stray_role_does_not_send_a_waiting_surname_to_the_one_person_without_roles(engine):
    said(engine, "Barack Obama", role="President")
    said(engine, "Barry Obama", role="President")  # two who fit the role: the bare surname waits
    bare = said(engine, "Obama", role="President")
    assert said(engine, "Obama", role="Climate change") == bare  # a role read from the wrong words
    said(engine, "Michelle Obama")  # nothing known of her roles
    assert merged_into(engine, bare) is None


def test_honorific_of_the_other_gender_does_not_join(engine):
    donald = said(engine, "Donald Trump", mention="Mr. Trump")
    assert said(engine, "Trump", mention="Mrs. Trump") != donald
    assert said(engine, "Trump", mention="Mr. Trump") == donald


def test_waiting_surname_joins_the_full_name_of_its_gender(engine):
    bare = said(engine, "Clinton", mention="Mrs. Clinton")
    said(engine, "Bill Clinton", mention="Mr. Clinton")
    assert merged_into(engine, bare) is None
    hillary = said(engine, "Hillary Clinton")
    assert merged_into(engine, bare) == hillary


def test_waiting_surname_with_a_clearly_different_role_stays_apart(engine):
    bare = said(engine, "Osei", role="striker for Accra Hearts")
    said(engine, "Amara Osei", role="health minister")
    assert merged_into(engine, bare) is None


def test_one_word_also_means_the_people_of_that_first_name(engine):
    hillary = said(engine, "Hillary Clinton")
    said(engine, "Stop Hillary", kind="organization")
    assert looked_up(engine, "Hillary") == looked_up(engine, "HILLARY") == ["Hillary Clinton"]
    said(engine, "Stéphane Dujarric")
    assert looked_up(engine, "Stephane") == ["Stéphane Dujarric"]
    assert looked_up(engine, "Hillary Clinton") == ["Hillary Clinton"]  # a full name: its exact alias only
    assert said(engine, "Hillary") not in (hillary,)  # matching is unchanged: a bare word is a surname there


def test_an_organisation_has_no_surname(engine):
    said(engine, "Stop Hillary", kind="organization")
    assert looked_up(engine, "Hillary") == ["Stop Hillary"]  # nobody else: the part of its name still finds it
    # A row stored as if "Hillary" were its surname (what the issue saw) is not a namesake of Hillary Clinton.
    with engine.begin() as connection:
        connection.execute(text("UPDATE speaker SET surname_key = 'hillary' WHERE name = 'Stop Hillary'"))
    said(engine, "Hillary Clinton")
    assert looked_up(engine, "Hillary") == ["Hillary Clinton"]
    assert looked_up(engine, "stop hillary") == ["Stop Hillary"]  # its exact name


def test_first_names_and_surnames_are_listed_most_quoted_first(engine):
    said(engine, "Hillary Clinton")
    for _ in range(2):
        said(engine, "Edmund Hillary")
    said(engine, "Stop Hillary")  # typed a person by the extraction: a surname like any other
    assert looked_up(engine, "Hillary") == ["Edmund Hillary", "Hillary Clinton", "Stop Hillary"]
    for _ in range(2):
        said(engine, "Hillary Clinton")
    assert looked_up(engine, "Hillary") == ["Hillary Clinton", "Edmund Hillary", "Stop Hillary"]


def test_a_bare_surname_with_a_suffix_means_no_first_name(engine):
    said(engine, "Donald Trump Jr.")
    said(engine, "Trump Williams")
    assert looked_up(engine, "Trump Jr.") == ["Donald Trump Jr."]
    assert sorted(looked_up(engine, "Trump")) == ["Donald Trump Jr.", "Trump Williams"]


def test_the_first_name_follows_the_fuller_name_a_typing_a_merge_and_a_split(engine):
    said(engine, "Anna Stephane")  # a surname match, so the part-of-a-name fallback cannot hide a missing key
    said(engine, "S. Dujarric")
    said(engine, "Stéphane Dujarric")  # the same speaker, now under the fuller name
    assert sorted(looked_up(engine, "Stephane")) == ["Anna Stephane", "Stéphane Dujarric"]

    said(engine, "Edmund Hillary")
    untyped = said(engine, "Hillary Clinton", kind="unknown")
    assert said(engine, "Hillary Clinton") == untyped  # typed a person now
    assert sorted(looked_up(engine, "Hillary")) == ["Edmund Hillary", "Hillary Clinton"]

    keep, other = said(engine, "Chelsea Victoria", kind="unknown"), said(engine, "Vicky Smithers")
    said(engine, "Tom Chelsea"), said(engine, "Victoria Beckham")
    with session_scope(engine) as session:
        merge_speakers(session, keep_id=keep, merge_id=other)  # typed a person by what it took in
    assert sorted(looked_up(engine, "Chelsea")) == ["Chelsea Victoria", "Tom Chelsea"]
    assert sorted(looked_up(engine, "Victoria")) == ["Chelsea Victoria", "Victoria Beckham"]

    matteo = said(engine, "Matteo Lindqvist")
    assert said(engine, "Matt Lindqvist") == matteo
    with session_scope(engine) as session:
        split_speaker(session, speaker_id=matteo, alias="Matt Lindqvist")
    assert looked_up(engine, "Matt") == ["Matt Lindqvist"]


def test_follow_merges_leads_through_a_chain_to_the_live_speaker(engine):
    from quotes.db.errors import SpeakerNotFound
    from quotes.db.matching import follow_merges

    first, second, third = said(engine, "Ines Varga"), said(engine, "Tomas Reyes"), said(engine, "Ana Lima")
    with session_scope(engine) as session:
        merge_speakers(session, keep_id=second, merge_id=first)
    with session_scope(engine) as session:
        merge_speakers(session, keep_id=third, merge_id=second)
    with session_scope(engine) as session:
        assert [follow_merges(session, i) for i in (first, second, third)] == [third, third, third]
        for missing in (99_999, 2**40):
            with pytest.raises(SpeakerNotFound, match=f"no speaker #{missing}"):
                follow_merges(session, missing)


def test_follow_merges_stops_on_a_damaged_chain_that_loops(engine):
    from quotes.db.matching import follow_merges

    first, second = said(engine, "Ines Varga"), said(engine, "Tomas Reyes")
    with engine.begin() as connection:
        connection.execute(text("UPDATE speaker SET merged_into_id = :b WHERE id = :a"), {"a": first, "b": second})
        connection.execute(text("UPDATE speaker SET merged_into_id = :a WHERE id = :b"), {"a": first, "b": second})
    with session_scope(engine) as session:
        assert follow_merges(session, first) == first
