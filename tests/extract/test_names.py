"""Whole names as written: hyphens, particles, diacritics, suffixes; the title before a name is its role,
and a name in apposition to a title is the speaker."""

import pytest

TOKAYEV = """
Kazakh Kazakh ADJ 2 amod
President President PROPN 6 compound
Kassym Kassym PROPN 6 compound
- - PUNCT 5 punct
Jomart Jomart PROPN 3 flat
Tokayev Tokayev PROPN 7 nsubj
said say VERB 0 root
the the DET 9 det
talks talk NOUN 10 nsubj
went go VERB 7 ccomp
well well ADV 10 advmod
. . PUNCT 7 punct
"""


def test_hyphenated_given_name_stays_whole_and_the_title_is_the_role(extract):
    text = "Kazakh President Kassym-Jomart Tokayev said the talks went well."
    [record] = extract(text, TOKAYEV)
    assert (record.speaker, record.role, record.speaker_kind) == ("Kassym-Jomart Tokayev", "Kazakh President", "person")


def test_hyphens_in_given_name_and_surname_are_kept(extract):
    text = "Jean-Luc Armitage-Smith said it was over."
    rows = """
Jean Jean PROPN 7 nsubj
- - PUNCT 3 punct
Luc Luc PROPN 1 flat
Armitage Armitage PROPN 1 flat
- - PUNCT 6 punct
Smith Smith PROPN 1 flat
said say VERB 0 root
it it PRON 10 nsubj
was be AUX 10 cop
over over ADV 7 ccomp
. . PUNCT 7 punct
"""
    [record] = extract(text, rows)
    assert record.speaker == "Jean-Luc Armitage-Smith"


LEYEN = """
European European ADJ 2 amod
Commission Commission PROPN 3 compound
President President PROPN 4 compound
Ursula Ursula PROPN 8 nsubj
von von PROPN 4 flat
der der PROPN 4 flat
Leyen Leyen PROPN 4 flat
said say VERB 0 root
the the DET 10 det
plan plan NOUN 12 nsubj
would would AUX 12 aux
work work VERB 8 ccomp
. . PUNCT 8 punct
"""

LEYEN_LATER = """
Later later ADV 6 advmod
, , PUNCT 1 punct
von von ADP 5 case
der der DET 5 det
Leyen Leyen PROPN 6 nsubj
added add VERB 0 root
that that SCONJ 10 mark
it it PRON 10 nsubj
was be AUX 10 cop
late late ADJ 6 ccomp
. . PUNCT 6 punct
"""


def test_particles_stay_in_the_name_and_a_bare_surname_with_particles_finds_it(extract):
    text = "European Commission President Ursula von der Leyen said the plan would work. Later, von der Leyen added that it was late."
    first, later = extract(text, LEYEN, LEYEN_LATER)
    assert (first.speaker, first.role) == ("Ursula von der Leyen", "European Commission President")
    assert later.mention == "von der Leyen"
    assert later.speaker == "Ursula von der Leyen"


COFFEY = """
The the DET 3 det
Environment Environment PROPN 3 compound
Secretary Secretary PROPN 8 nsubj
, , PUNCT 5 punct
Thérèse Thérèse PROPN 3 appos
Coffey Coffey PROPN 5 flat
, , PUNCT 5 punct
said say VERB 0 root
the the DET 10 det
rules rule NOUN 12 nsubj
would would AUX 12 aux
change change VERB 8 ccomp
. . PUNCT 8 punct
"""


def test_a_name_in_apposition_to_a_title_is_the_speaker(extract):
    text = "The Environment Secretary, Thérèse Coffey, said the rules would change."
    [record] = extract(text, COFFEY)
    assert (record.speaker, record.role, record.speaker_kind) == ("Thérèse Coffey", "Environment Secretary", "person")


KING = """
Martin Martin PROPN 5 nsubj
Luther Luther PROPN 1 flat
King King PROPN 1 flat
III III PROPN 1 flat
said say VERB 0 root
it it PRON 8 nsubj
was be AUX 8 cop
time time NOUN 5 ccomp
. . PUNCT 5 punct
"""


def test_a_generational_suffix_is_part_of_a_person_s_name(extract):
    text = "Martin Luther King III said it was time."
    [record] = extract(text, KING)
    assert (record.speaker, record.speaker_kind) == ("Martin Luther King III", "person")


CHAIR = """
“ “ PUNCT 3 punct
We we PRON 3 nsubj
agree agree VERB 0 root
, , PUNCT 3 punct
” ” PUNCT 3 punct
said say VERB 3 parataxis
the the DET 8 det
chairwoman chairwoman NOUN 6 nsubj
of of ADP 12 case
the the DET 12 det
National National PROPN 12 amod
Assembly Assembly PROPN 8 nmod
. . PUNCT 3 punct
"""


def test_the_body_a_person_chairs_is_not_the_speaker(extract):
    text = "“We agree,” said the chairwoman of the National Assembly."
    [record] = extract(text, CHAIR)
    assert (record.speaker, record.role) == (None, "chairwoman of the National Assembly")


MORA = """
“ “ PUNCT 4 punct
It it PRON 4 nsubj
will will AUX 4 aux
work work VERB 0 root
, , PUNCT 4 punct
” ” PUNCT 4 punct
said say VERB 4 parataxis
David David PROPN 7 obj
Mora Mora PROPN 8 flat
, , PUNCT 12 punct
the the DET 12 det
architect architect NOUN 7 nsubj
of of ADP 16 case
the the DET 16 det
city city NOUN 16 compound
plan plan NOUN 12 nmod
. . PUNCT 4 punct
"""


def test_said_name_then_role_the_name_speaks_and_the_role_is_its_role(extract):
    text = "“It will work,” said David Mora, the architect of the city plan."
    [record] = extract(text, MORA)
    assert (record.mention, record.speaker, record.role) == ("David Mora", "David Mora", "architect of the city plan")


def test_a_name_headed_by_its_particle_is_a_name(extract):
    """'Ms. van der Berg' with 'van' (lower case, tagged a noun) as the head: the whole name speaks."""
    text = '"There is no plan B," Ms. van der Berg told reporters.'
    rows = """
" " PUNCT 3 punct
There there PRON 3 expl
is be VERB 0 root
no no DET 5 det
plan plan NOUN 3 nsubj
B B PROPN 3 nsubj
, , PUNCT 10 punct
" " PUNCT 10 punct
Ms. Ms. PROPN 10 compound
van van NOUN 13 nsubj
der der PROPN 10 flat
Berg Berg PROPN 11 flat
told tell VERB 3 parataxis
reporters reporter NOUN 13 obj
. . PUNCT 3 punct
"""
    [record] = extract(text, rows)
    assert (record.speaker, record.speaker_kind) == ("van der Berg", "person")


ZARDARI = """
Speaking speak VERB 14 advcl
in in ADP 3 case
Islamabad Islamabad PROPN 1 obl
, , PUNCT 3 punct
Pakistan Pakistan PROPN 8 nmod:poss
's 's PART 5 case
foreign foreign ADJ 8 amod
minister minister NOUN 1 obl
, , PUNCT 10 punct
Bilawal Bilawal PROPN 8 appos
Bhutto Bhutto PROPN 10 flat
Zardari Zardari PROPN 10 flat
, , PUNCT 1 punct
said say VERB 0 root
the the DET 16 det
talks talk NOUN 18 nsubj
were be AUX 18 cop
difficult difficult ADJ 14 ccomp
. . PUNCT 14 punct
"""


def test_the_person_a_country_employs_speaks_not_the_country(extract):
    """No subject for 'said': of the phrase that opens after a comma, "Pakistan's" only says whose minister."""
    text = "Speaking in Islamabad, Pakistan's foreign minister, Bilawal Bhutto Zardari, said the talks were difficult."
    [record] = extract(text, ZARDARI)
    assert (record.speaker, record.role) == ("Bilawal Bhutto Zardari", "Pakistan's foreign minister")


def test_a_hyphened_title_is_no_part_of_the_name_a_pronoun_points_back_to(extract):
    text = 'UN Secretary-General Ana Ruiz urged restraint. "War is no answer," she said.'
    first = """
UN UN PROPN 6 compound
Secretary Secretary PROPN 5 compound
- - PUNCT 2 punct
General General ADJ 6 amod
Ana Ana PROPN 6 compound
Ruiz Ruiz PROPN 7 nsubj
urged urge VERB 0 root
restraint restraint NOUN 7 obj
. . PUNCT 7 punct
"""
    second = """
" " PUNCT 5 punct
War war NOUN 5 nsubj
is be AUX 5 cop
no no DET 5 det
answer answer NOUN 0 root
, , PUNCT 5 punct
" " PUNCT 9 punct
she she PRON 9 nsubj
said say VERB 5 parataxis
. . PUNCT 5 punct
"""
    [record] = extract(text, first, second)
    assert (record.mention, record.speaker) == ("she", "Ana Ruiz")


def test_a_surname_after_an_honorific_is_a_name_even_a_month_or_a_title(extract):
    text = "'I have not seen the report,' Mrs May said. Mr. King said he had."
    first = """
' ' PUNCT 5 punct
I I PRON 5 nsubj
have have AUX 5 aux
not not PART 5 advmod
seen see VERB 0 root
the the DET 7 det
report report NOUN 5 obj
, , PUNCT 5 punct
' ' PUNCT 10 punct
Mrs Mrs PROPN 12 nsubj
May May PROPN 10 flat
said say VERB 5 parataxis
. . PUNCT 5 punct
"""
    second = """
Mr. Mr. PROPN 2 compound
King King PROPN 3 nsubj
said say VERB 0 root
he he PRON 5 nsubj
had have VERB 3 ccomp
. . PUNCT 3 punct
"""
    may, king = extract(text, first, second)
    assert (may.speaker, may.speaker_kind, may.role) == ("May", "person", None)
    assert (king.speaker, king.role) == ("King", None)


def test_a_religious_or_royal_title_is_the_role_not_part_of_the_name(extract):
    text = "Sheikh Tamim Al Mansour said the talks had ended."
    rows = """
Sheikh Sheikh PROPN 5 nsubj
Tamim Tamim PROPN 1 flat
Al Al PROPN 1 flat
Mansour Mansour PROPN 1 flat
said say VERB 0 root
the the DET 7 det
talks talk NOUN 9 nsubj
had have AUX 9 aux
ended end VERB 5 ccomp
. . PUNCT 5 punct
"""
    [record] = extract(text, rows)
    assert (record.speaker, record.role) == ("Tamim Al Mansour", "Sheikh")


@pytest.mark.parametrize("text, rows, speaker, role", [
    ("Tom Bishop, a local organiser, said it was over.", """
Tom Tom PROPN 7 nsubj
Bishop Bishop PROPN 1 flat
, , PUNCT 6 punct
a a DET 6 det
local local ADJ 6 amod
organiser organiser NOUN 1 appos
said say VERB 0 root
it it PRON 10 nsubj
was be AUX 10 cop
over over ADV 7 ccomp
. . PUNCT 7 punct
""", "Tom Bishop", "local organiser"),
    ("Texas Senator Ted Cruz said it was over.", """
Texas Texas PROPN 2 compound
Senator Senator PROPN 4 compound
Ted Ted PROPN 4 compound
Cruz Cruz PROPN 5 nsubj
said say VERB 0 root
it it PRON 8 nsubj
was be AUX 8 cop
over over ADV 5 ccomp
. . PUNCT 5 punct
""", "Ted Cruz", "Texas Senator"),
])
def test_a_title_word_after_a_first_name_ends_the_name_as_its_surname(extract, text, rows, speaker, role):
    [record] = extract(text, rows)
    assert (record.speaker, record.role) == (speaker, role)
