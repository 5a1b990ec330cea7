"""Speaker mentions kept whole when the parse breaks a name apart."""

TWO_SUBJECTS = """
Kwame Kwame PROPN 3 nsubj
Asante Asante PROPN 3 nsubj
says say VERB 0 root
the the DET 5 det
port port NOUN 7 nsubj
will will AUX 7 aux
reopen reopen VERB 3 ccomp
. . PUNCT 3 punct
"""


def test_name_parsed_as_two_subjects_is_one_mention(extract):
    text = "Kwame Asante says the port will reopen."
    [record] = extract(text, TWO_SUBJECTS)
    assert (record.mention, record.speaker) == ("Kwame Asante", "Kwame Asante")


LIST_OF_TWO = """
Lagos Lagos PROPN 4 nsubj
and and CCONJ 3 cc
Abuja Abuja PROPN 1 conj
said say VERB 0 root
the the DET 6 det
talks talk NOUN 7 nsubj
failed fail VERB 4 ccomp
. . PUNCT 4 punct
"""


def test_coordinated_names_are_not_twins(extract):
    text = "Lagos and Abuja said the talks failed."
    [record] = extract(text, LIST_OF_TWO)
    assert record.mention == "Lagos and Abuja"


CHANTING = """
Police police NOUN 2 nsubj
met meet VERB 0 root
them they PRON 2 obj
, , PUNCT 6 punct
with with ADP 6 case
protesters protester NOUN 2 obl
chanting chant VERB 6 acl
“ “ PUNCT 9 punct
Open open VERB 7 ccomp
the the DET 11 det
gates gate NOUN 9 obj
! ! PUNCT 9 punct
” ” PUNCT 9 punct
"""


def test_participle_hung_straight_on_people_is_theirs(extract):
    text = "Police met them, with protesters chanting “Open the gates!”"
    [record] = extract(text, CHANTING)
    assert (record.text, record.mention, record.speaker_kind) == ("Open the gates!", "protesters", "group")


LED_TO_FEAR = """
The the DET 2 det
vote vote NOUN 3 nsubj
led lead VERB 0 root
the the DET 6 det
veteran veteran ADJ 6 amod
diplomat diplomat NOUN 3 obj
Ama Ama PROPN 6 appos
Owusu Owusu PROPN 7 flat
to to PART 10 mark
fear fear VERB 3 xcomp
“ “ PUNCT 13 punct
a a DET 13 det
crisis crisis NOUN 10 obj
. . PUNCT 3 punct
” ” PUNCT 3 punct
"""

WANTS_TO_KNOW = """
She she PRON 2 nsubj
wants want VERB 0 root
voters voter NOUN 2 obj
to to PART 5 mark
know know VERB 2 xcomp
that that SCONJ 8 mark
she she PRON 8 nsubj
cares care VERB 5 ccomp
. . PUNCT 2 punct
"""


def test_object_of_a_causing_verb_speaks_for_its_infinitive(extract):
    text = "The vote led the veteran diplomat Ama Owusu to fear “a crisis.”"
    [record] = extract(text, LED_TO_FEAR)
    assert record.speaker == "Ama Owusu" and record.rule == "object-control"
    [record] = extract("She wants voters to know that she cares.", WANTS_TO_KNOW)
    assert record.mention == "She"


# 'X, the board said, “…”': the parser gives 'said' two subjects; the one set off before the comma is what
# was said, the noun phrase right before the cue spoke
SET_OFF = """
That that PRON 5 nsubj
, , PUNCT 1 punct
the the DET 4 det
board board NOUN 5 nsubj
said say VERB 0 root
, , PUNCT 5 punct
“ “ PUNCT 9 punct
is be AUX 9 cop
final final ADJ 5 ccomp
. . PUNCT 9 punct
” ” PUNCT 9 punct
"""


def test_subject_set_off_by_a_comma_gives_way_to_the_phrase_before_the_cue(extract):
    text = "That, the board said, “is final.”"
    [record] = extract(text, SET_OFF)
    assert (record.mention, record.rule) == ("the board", "adjacent")
    plain = "The board said the vote “is final.”"
    [record] = extract(plain, """
The the DET 2 det
board board NOUN 3 nsubj
said say VERB 0 root
the the DET 5 det
vote vote NOUN 8 nsubj
“ “ PUNCT 8 punct
is be AUX 8 cop
final final ADJ 3 ccomp
. . PUNCT 3 punct
” ” PUNCT 3 punct
""")
    assert record.mention == "The board"


# the parser hung the speaker on the phrase before it ('appos' of 'team') and gave 'said' no subject
HUNG_ELSEWHERE = """
Unlike unlike ADP 3 case
the the DET 3 det
team team NOUN 9 obl
, , PUNCT 6 punct
an a DET 6 det
official official NOUN 3 appos
who who PRON 8 nsubj
spoke speak VERB 6 acl:relcl
said say VERB 0 root
, , PUNCT 13 punct
“ “ PUNCT 13 punct
talks talk NOUN 13 nsubj
continue continue VERB 9 ccomp
. . PUNCT 13 punct
” ” PUNCT 13 punct
"""


def test_phrase_ending_right_before_a_subjectless_cue_is_the_speaker(extract):
    text = "Unlike the team, an official who spoke said, “talks continue.”"
    [record] = extract(text, HUNG_ELSEWHERE)
    assert (record.mention, record.rule) == ("an official", "adjacent")


# 'Mei said little but added, “…”' with 'added' hung on the object 'little'
BUT_ADDED = """
Mei Mei PROPN 2 nsubj
said say VERB 0 root
little little ADJ 2 obj
but but CCONJ 5 cc
added add VERB 3 conj
, , PUNCT 9 punct
“ “ PUNCT 9 punct
we we PRON 9 nsubj
hope hope VERB 5 ccomp
. . PUNCT 2 punct
” ” PUNCT 2 punct
"""


def test_cue_after_but_shares_the_speaker_of_the_cue_before(extract):
    text = "Mei said little but added, “we hope.”"
    records = extract(text, BUT_ADDED)
    direct = [r for r in records if r.kind == "direct"]
    assert direct and direct[0].mention == "Mei" and direct[0].cue == "added"


# 'conceded the situation in the country is “…”': the words after the cue start what was conceded
CONCEDED = """
Earlier earlier ADV 5 advmod
, , PUNCT 1 punct
Ito Ito PROPN 5 obl
, , PUNCT 3 punct
conceded concede VERB 0 root
the the DET 7 det
situation situation NOUN 5 obj
in in ADP 10 case
the the DET 10 det
country country NOUN 7 nmod
is be AUX 13 cop
“ “ PUNCT 13 punct
regrettable regrettable ADJ 5 ccomp
. . PUNCT 13 punct
” ” PUNCT 13 punct
"""


def test_noun_and_clause_after_the_cue_are_not_an_inverted_speaker(extract):
    text = "Earlier, Ito, conceded the situation in the country is “regrettable.”"
    records = extract(text, CONCEDED)
    assert records and all(r.mention != "the situation in the country" for r in records)


SET_OFF_PRONOUN = """
The the DET 2 det
nominee nominee NOUN 5 nsubj
, , PUNCT 2 punct
he he PRON 5 nsubj
said say VERB 0 root
, , PUNCT 5 punct
watched watch VERB 5 ccomp
“ “ PUNCT 9 punct
everything everything PRON 7 obj
. . PUNCT 5 punct
” ” PUNCT 5 punct
"""


def test_pronoun_right_before_an_interrupting_cue_is_the_speaker(extract):
    text = "The nominee, he said, watched “everything.”"
    records = extract(text, SET_OFF_PRONOUN)
    assert records and all(r.mention == "he" for r in records)


PROMPTED_AND_CALL = """
That that PRON 2 nsubj
prompted prompt VERB 0 root
Ana Ana PROPN 2 obj
Ruiz Ruiz PROPN 3 flat
to to PART 6 mark
joke joke VERB 2 xcomp
and and CCONJ 8 cc
call call VERB 6 conj
him he PRON 8 obj
“ “ PUNCT 11 punct
flexible flexible ADJ 8 xcomp
. . PUNCT 2 punct
” ” PUNCT 2 punct
"""


def test_object_control_reaches_a_coordinated_infinitive(extract):
    text = "That prompted Ana Ruiz to joke and call him “flexible.”"
    records = extract(text, PROMPTED_AND_CALL)
    assert records and records[0].speaker == "Ana Ruiz"


RELATIVE_THAT = """
A a DET 2 det
group group NOUN 7 nsubj
that that PRON 4 nsubj
said say VERB 2 acl:relcl
“ “ PUNCT 6 punct
no no INTJ 4 ccomp
” ” PUNCT 6 punct
left leave VERB 0 root
. . PUNCT 7 punct
"""


def test_relative_that_is_the_mention_and_its_noun_the_speaker(extract):
    text = "A group that said “no” left."
    records = extract(text, RELATIVE_THAT)
    assert records and records[0].mention == "that" and records[0].rule.endswith("relative")
    assert records[0].speaker_kind in ("group", "organization")  # from 'A group', not from 'that'


EXPLAINING = """
Officials official NOUN 2 nsubj
rejected reject VERB 0 root
the the DET 4 det
idea idea NOUN 2 obj
that that SCONJ 8 mark
a a DET 7 det
shakeup shakeup NOUN 8 nsubj
loomed loom VERB 4 acl
, , PUNCT 10 punct
explaining explain VERB 4 acl
that that SCONJ 13 mark
he he PRON 13 nsubj
rested rest VERB 10 ccomp
. . PUNCT 2 punct
"""


def test_participle_after_a_comma_speaks_for_the_main_clause(extract):
    text = "Officials rejected the idea that a shakeup loomed, explaining that he rested."
    records = extract(text, EXPLAINING)
    explained = [r for r in records if r.cue == "explaining"]
    assert explained and explained[0].mention == "Officials"


MOST_SAID = """
Voters voter NOUN 2 nsubj
worried worry VERB 0 root
; ; PUNCT 5 punct
most most ADV 5 advmod
said say VERB 2 parataxis
they they PRON 9 nsubj
were be AUX 9 cop
“ “ PUNCT 9 punct
furious furious ADJ 5 ccomp
. . PUNCT 5 punct
” ” PUNCT 5 punct
"""


def test_a_quantifier_before_a_subjectless_cue_is_the_speaker(extract):
    text = "Voters worried; most said they were “furious.”"
    said = [r for r in extract(text, MOST_SAID) if r.cue == "said"]
    assert said and (said[0].mention, said[0].speaker_kind) == ("most", "group")


LOUDLY_ASKED = """
Anchor anchor NOUN 0 root
Norah Norah PROPN 1 flat
Dale Dale PROPN 2 flat
, , PUNCT 7 punct
who who PRON 7 nsubj
was be AUX 7 cop
away away ADV 1 acl:relcl
, , PUNCT 11 punct
then then ADV 11 advmod
loudly loudly ADV 11 advmod
asked ask VERB 7 parataxis
, , PUNCT 14 punct
“ “ PUNCT 14 punct
Really really ADV 11 advmod
? ? PUNCT 14 punct
” ” PUNCT 14 punct
"""


def test_adverbs_before_a_subjectless_cue_are_skipped_to_the_speaker(extract):
    text = "Anchor Norah Dale, who was away, then loudly asked, “Really?”"
    records = extract(text, LOUDLY_ASKED)
    assert records and records[-1].speaker == "Norah Dale"


ASKED_THEN_CUE = """
Asked ask VERB 5 advcl
again again ADV 1 advmod
, , PUNCT 1 punct
he he PRON 5 nsubj
shrugged shrug VERB 0 root
: : PUNCT 8 punct
“ “ PUNCT 8 punct
Ask ask VERB 5 parataxis
me I PRON 8 obj
about about ADP 11 case
it it PRON 8 obl
tomorrow tomorrow NOUN 8 obl:tmod
. . PUNCT 5 punct
” ” PUNCT 5 punct
"""


def test_asked_opening_the_sentence_is_never_the_quotes_cue(extract):
    text = "Asked again, he shrugged: “Ask me about it tomorrow.”"
    [record] = extract(text, ASKED_THEN_CUE)
    assert record.cue != "Asked" and record.mention == "he"


AT_LEAST_HALF = """
At at ADP 3 case
least least ADJ 3 amod
half half NOUN 6 obl
of of ADP 5 case
voters voter NOUN 3 nmod
say say VERB 0 root
prices price NOUN 8 nsubj
rose rise VERB 6 ccomp
. . PUNCT 6 punct
"""


def test_at_least_a_count_before_the_cue_is_its_speaker(extract):
    text = "At least half of voters say prices rose."
    [record] = extract(text, AT_LEAST_HALF)
    assert record.mention is not None and "half of voters" in record.mention


BUT_INSISTS = """
She she PRON 2 nsubj
says say VERB 0 root
little little ADJ 2 obj
, , PUNCT 9 punct
as as SCONJ 9 mark
people people NOUN 9 nsubj
may may AUX 9 aux
not not PART 9 advmod
mind mind VERB 2 advcl
, , PUNCT 12 punct
but but CCONJ 12 cc
insists insist VERB 9 conj
, , PUNCT 18 punct
“ “ PUNCT 18 punct
Ana Ana PROPN 18 nsubj
is be AUX 18 cop
plainly plainly ADV 18 advmod
wrong wrong ADJ 12 ccomp
. . PUNCT 18 punct
” ” PUNCT 18 punct
"""


def test_a_subjectless_cue_joined_by_but_speaks_for_the_cue_before(extract):
    text = "She says little, as people may not mind, but insists, “Ana is plainly wrong.”"
    records = extract(text, BUT_INSISTS)
    insists = [r for r in records if r.cue == "insists"]
    assert insists and all(r.mention == "She" for r in insists)


# the tokenizer split the honorific's full stop off ('Ms | . | Sherry') and the parse made both words
# subjects of the cue, with the stop hung on the verb: the mention is still the whole 'Ms. Sherry'
MS_DOT_SHERRY = """
“ “ PUNCT 3 punct
We we PRON 3 nsubj
won win VERB 9 ccomp
, , PUNCT 3 punct
” ” PUNCT 3 punct
Ms Ms NOUN 9 nsubj
. . PUNCT 9 punct
Sherry Sherry PROPN 9 nsubj
said say VERB 0 root
. . PUNCT 9 punct
"""


def test_an_honorific_whose_full_stop_was_split_off_stays_with_the_name(extract):
    text = "Maureen Sherry wrote a novel. “We won,” Ms. Sherry said."
    [record] = extract(text, "", MS_DOT_SHERRY)
    assert record.mention == "Ms. Sherry" and record.speaker == "Maureen Sherry"
