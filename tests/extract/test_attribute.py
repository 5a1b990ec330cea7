"""Statements and speakers from hand-written UD parses: one parametrised family per rule."""

import pytest


DUJARRIC_REPORTED = """
UN UN PROPN 2 compound
spokesman spokesman NOUN 3 compound
Stephane Stephane PROPN 7 nsubj
Dujarric Dujarric PROPN 3 flat
on on ADP 6 case
Monday Monday PROPN 7 obl
said say VERB 0 root
the the DET 9 det
UN UN PROPN 11 nsubj
had have AUX 11 aux
complained complain VERB 7 ccomp
to to ADP 14 case
the the DET 14 det
government government NOUN 11 obl
. . PUNCT 7 punct
"""

INTERRUPTED = """
“ “ PUNCT 4 punct
We we PRON 4 nsubj
have have AUX 4 aux
conveyed convey VERB 0 root
our we PRON 6 nmod:poss
concern concern NOUN 4 obj
, , PUNCT 4 punct
” ” PUNCT 4 punct
Mr Mr PROPN 10 compound
Dujarric Dujarric PROPN 11 nsubj
said say VERB 4 parataxis
, , PUNCT 11 punct
“ “ PUNCT 17 punct
and and CCONJ 17 cc
we we PRON 17 nsubj
've have AUX 17 aux
received receive VERB 4 conj
assurances assurance NOUN 17 obj
. . PUNCT 4 punct
” ” PUNCT 4 punct
"""


def test_reported_speech_with_role_split(extract):
    text = "UN spokesman Stephane Dujarric on Monday said the UN had complained to the government."
    [record] = extract(text, DUJARRIC_REPORTED)
    assert (record.kind, record.text) == ("indirect", "the UN had complained to the government")
    assert (record.speaker, record.role, record.speaker_kind) == ("Stephane Dujarric", "UN spokesman", "person")
    assert record.mention == "UN spokesman Stephane Dujarric"
    assert (record.cue, text[record.cue_start:record.cue_end]) == ("said", "said")
    assert record.rule == "ccomp:nsubj-of-cue" and 0 < record.confidence <= 1


def test_interrupted_quote_is_one_statement_with_two_spans(extract):
    lead = "UN spokesman Stephane Dujarric on Monday said the UN had complained to the government.\n\n"
    text = lead + "“We have conveyed our concern,” Mr Dujarric said, “and we've received assurances.”"
    records = extract(text, DUJARRIC_REPORTED, INTERRUPTED)
    direct = records[-1]
    assert direct.kind == "direct" and len(direct.spans) == 2
    assert [text[s:e] for s, e in direct.spans] == ["We have conveyed our concern,", "and we've received assurances."]
    assert direct.text == "We have conveyed our concern … and we've received assurances."  # the frame cut, not glued
    assert (direct.start, direct.end) == (direct.spans[0][0], direct.spans[-1][1])
    assert direct.mention == "Mr Dujarric" and direct.speaker == "Stephane Dujarric"
    assert direct.cue == "said" and direct.rule.startswith("nsubj-of-cue")


def test_inverted_cue(extract):
    text = "“The talks failed,” said Foreign Minister Anna Berg."
    [record] = extract(text, """
“ “ PUNCT 4 punct
The the DET 3 det
talks talk NOUN 4 nsubj
failed fail VERB 0 root
, , PUNCT 4 punct
” ” PUNCT 4 punct
said say VERB 4 parataxis
Foreign foreign ADJ 9 amod
Minister minister PROPN 10 compound
Anna Anna PROPN 7 nsubj
Berg Berg PROPN 10 flat
. . PUNCT 4 punct
""")
    assert (record.text, record.kind, record.rule) == ("The talks failed", "direct", "inverted")
    assert (record.speaker, record.role) == ("Anna Berg", "Foreign Minister")


def test_passive_quoted_as_saying(extract):
    text = "Tokayev was quoted as saying that order would be restored."
    [record] = extract(text, """
Tokayev Tokayev PROPN 3 nsubj:pass
was be AUX 3 aux:pass
quoted quote VERB 0 root
as as SCONJ 5 mark
saying say VERB 3 advcl
that that SCONJ 10 mark
order order NOUN 10 nsubj:pass
would would AUX 10 aux
be be AUX 10 aux:pass
restored restore VERB 5 ccomp
. . PUNCT 3 punct
""")
    assert record.text == "that order would be restored"
    assert record.mention == "Tokayev" and record.rule == "ccomp:passive"


ACCORDING_AFTER = """
The the DET 2 det
ministry ministry NOUN 3 nsubj
approved approve VERB 0 root
the the DET 5 det
plan plan NOUN 3 obj
, , PUNCT 9 punct
according accord VERB 9 case
to to ADP 7 fixed
Reuters Reuters PROPN 3 obl
. . PUNCT 3 punct
"""

ACCORDING_BEFORE = """
According accord VERB 3 case
to to ADP 1 fixed
Reuters Reuters PROPN 7 obl
, , PUNCT 3 punct
the the DET 6 det
ministry ministry NOUN 7 nsubj
approved approve VERB 0 root
the the DET 9 det
plan plan NOUN 7 obj
. . PUNCT 7 punct
"""


def test_according_to_in_both_orders(extract):
    for text, block in (
        ("The ministry approved the plan, according to Reuters.", ACCORDING_AFTER),
        ("According to Reuters, the ministry approved the plan.", ACCORDING_BEFORE),
    ):
        [record] = extract(text, block)
        assert record.text == "the ministry approved the plan" or record.text == "The ministry approved the plan"
        assert (record.cue.lower(), record.mention, record.rule) == ("according to", "Reuters", "according-to")
        assert record.speaker_kind == "organization"


def test_colon_lead_in_on_its_own_line(extract):
    text = "And from Chairwoman Lina Ortiz:\n\n“We will not back down from this fight.”"
    [record] = extract(text, """
And and CCONJ 4 cc
from from ADP 4 case
Chairwoman chairwoman PROPN 4 compound
Lina Lina PROPN 0 root
Ortiz Ortiz PROPN 4 flat
: : PUNCT 4 punct
""", """
“ “ PUNCT 5 punct
We we PRON 5 nsubj
will will AUX 5 aux
not not PART 5 advmod
back back VERB 0 root
down down ADP 5 compound:prt
from from ADP 9 case
this this DET 9 det
fight fight NOUN 5 obl
. . PUNCT 5 punct
” ” PUNCT 5 punct
""")
    assert record.text == "We will not back down from this fight."
    assert (record.speaker, record.role, record.cue, record.rule) == ("Lina Ortiz", "Chairwoman", ":", "colon")
    assert record.mention == "Chairwoman Lina Ortiz"


def test_dash_attribution(extract):
    text = "“Enforcement starts today.” — Commissioner Maria Diaz"
    [record] = extract(text, """
“ “ PUNCT 3 punct
Enforcement enforcement NOUN 3 nsubj
starts start VERB 0 root
today today NOUN 3 obl:tmod
. . PUNCT 3 punct
” ” PUNCT 3 punct
""", """
— — PUNCT 3 punct
Commissioner commissioner PROPN 3 compound
Maria Maria PROPN 0 root
Diaz Diaz PROPN 3 flat
""")
    assert (record.text, record.cue, record.rule) == ("Enforcement starts today.", "—", "dash")
    assert (record.speaker, record.role) == ("Maria Diaz", "Commissioner")


def test_multi_paragraph_quote_then_floating_quote(extract):
    text = "Lina Ortiz said: “We act.\n\n“We act now.”\n\n“And we will keep acting.”"
    records = extract(text, """
Lina Lina PROPN 3 nsubj
Ortiz Ortiz PROPN 1 flat
said say VERB 0 root
: : PUNCT 3 punct
“ “ PUNCT 7 punct
We we PRON 7 nsubj
act act VERB 3 ccomp
. . PUNCT 7 punct
""", """
“ “ PUNCT 3 punct
We we PRON 3 nsubj
act act VERB 0 root
now now ADV 3 advmod
. . PUNCT 3 punct
” ” PUNCT 3 punct
""", """
“ “ PUNCT 5 punct
And and CCONJ 5 cc
we we PRON 5 nsubj
will will AUX 5 aux
keep keep VERB 0 root
acting act VERB 5 xcomp
. . PUNCT 5 punct
” ” PUNCT 5 punct
""")
    [record] = records  # the floating paragraph goes on with the quote before it: one statement
    assert record.speaker == "Lina Ortiz" and record.kind == "direct" and record.rule == "nsubj-of-cue"
    assert [text[s:e] for s, e in record.spans] == ["We act.\n\n“We act now.", "And we will keep acting."]
    assert record.text == "We act.\n\n“We act now.\n\nAnd we will keep acting."  # not glued into one sentence


def test_floating_quote_after_reported_speech_inherits_its_speaker(extract):
    text = "Lina Ortiz said they act.\n\n“And we will keep acting.”"
    first, second = extract(text, """
Lina Lina PROPN 3 nsubj
Ortiz Ortiz PROPN 1 flat
said say VERB 0 root
they they PRON 5 nsubj
act act VERB 3 ccomp
. . PUNCT 3 punct
""", """
“ “ PUNCT 5 punct
And and CCONJ 5 cc
we we PRON 5 nsubj
will will AUX 5 aux
keep keep VERB 0 root
acting act VERB 5 xcomp
. . PUNCT 5 punct
” ” PUNCT 5 punct
""")
    assert (second.text, second.rule, second.speaker) == ("And we will keep acting.", "floating", "Lina Ortiz")
    assert second.mention_start == first.mention_start


def test_quote_finishing_the_cue_clause_is_mixed(extract):
    text = "Trump called the plan “a disaster.”"
    [record] = extract(text, """
Trump Trump PROPN 2 nsubj
called call VERB 0 root
the the DET 4 det
plan plan NOUN 2 obj
“ “ PUNCT 7 punct
a a DET 7 det
disaster disaster NOUN 2 xcomp
. . PUNCT 2 punct
” ” PUNCT 2 punct
""")
    assert (record.kind, record.text, record.mention) == ("mixed", "the plan “a disaster.”", "Trump")


def test_reported_speech_with_partial_quote_is_mixed(extract):
    text = "She said the issue “had been addressed.”"
    [record] = extract(text, """
She she PRON 2 nsubj
said say VERB 0 root
the the DET 4 det
issue issue NOUN 8 nsubj:pass
“ “ PUNCT 8 punct
had have AUX 8 aux
been be AUX 8 aux:pass
addressed address VERB 2 ccomp
. . PUNCT 2 punct
” ” PUNCT 2 punct
""")
    assert (record.kind, record.text, record.rule) == ("mixed", "the issue “had been addressed.”", "ccomp:nsubj-of-cue")


def test_intention_verb_with_infinitive(extract):
    text = "The senator vowed to repeal the law."
    [record] = extract(text, """
The the DET 2 det
senator senator NOUN 3 nsubj
vowed vow VERB 0 root
to to PART 5 mark
repeal repeal VERB 3 xcomp
the the DET 7 det
law law NOUN 5 obj
. . PUNCT 3 punct
""")
    assert (record.text, record.kind, record.cue, record.mention) == ("to repeal the law", "indirect", "vowed", "The senator")
    assert (record.speaker, record.role) == (None, "senator")


def test_subject_the_parse_missed_is_taken_from_beside_the_cue(extract):
    text = "“It is over,” Smith said."
    [record] = extract(text, """
“ “ PUNCT 4 punct
It it PRON 4 nsubj
is be AUX 4 cop
over over ADV 0 root
, , PUNCT 4 punct
” ” PUNCT 4 punct
Smith Smith PROPN 4 dep
said say VERB 4 parataxis
. . PUNCT 4 punct
""")
    assert (record.mention, record.rule) == ("Smith", "adjacent")


def test_cue_with_colon_belongs_to_the_next_quote(extract):
    text = "“We are refugees,” Ms. Alawee said. “We are not terrorists.” Mr. Zahed said: “We run from attacks.”"
    records = extract(text, """
“ “ PUNCT 4 punct
We we PRON 4 nsubj
are be AUX 4 cop
refugees refugee NOUN 0 root
, , PUNCT 4 punct
” ” PUNCT 4 punct
Ms. Ms. PROPN 8 compound
Alawee Alawee PROPN 9 nsubj
said say VERB 4 parataxis
. . PUNCT 4 punct
""", """
“ “ PUNCT 5 punct
We we PRON 5 nsubj
are be AUX 5 cop
not not PART 5 advmod
terrorists terrorist NOUN 0 root
. . PUNCT 5 punct
” ” PUNCT 5 punct
Mr. Mr. PROPN 9 compound
Zahed Zahed PROPN 10 nsubj
said say VERB 5 parataxis
: : PUNCT 10 punct
“ “ PUNCT 14 punct
We we PRON 14 nsubj
run run VERB 10 ccomp
from from ADP 16 case
attacks attack NOUN 14 obl
. . PUNCT 14 punct
” ” PUNCT 14 punct
""")
    assert [(r.speaker, [text[s:e] for s, e in r.spans] or [r.text]) for r in records] == [
        ("Alawee", ["We are refugees,", "We are not terrorists."]),
        ("Zahed", ["We run from attacks."]),
    ]


def test_participle_cue_takes_the_subject_of_its_clause(extract):
    text = "Smith denied the report, adding that it was false."
    [record] = extract(text, """
Smith Smith PROPN 2 nsubj
denied deny VERB 0 root
the the DET 4 det
report report NOUN 2 obj
, , PUNCT 6 punct
adding add VERB 2 advcl
that that SCONJ 10 mark
it it PRON 10 nsubj
was be AUX 10 cop
false false ADJ 6 ccomp
. . PUNCT 2 punct
""")
    assert (record.text, record.cue, record.mention, record.kind) == ("that it was false", "adding", "Smith", "indirect")


def test_surface_reading_when_the_parse_loses_the_complement(extract):
    text = "Wilson told The Post on Saturday that he cast his ballot for Rubio."
    [record] = extract(text, """
Wilson Wilson PROPN 2 nsubj
told tell VERB 0 root
The the DET 4 det
Post Post PROPN 2 obj
on on ADP 6 case
Saturday Saturday PROPN 2 obl
that that SCONJ 9 mark
he he PRON 9 nsubj
cast cast VERB 4 acl
his he PRON 11 nmod:poss
ballot ballot NOUN 9 obj
for for ADP 13 case
Rubio Rubio PROPN 9 obl
. . PUNCT 2 punct
""")
    assert (record.text, record.rule, record.mention) == ("that he cast his ballot for Rubio", "surface:nsubj-of-cue", "Wilson")


def test_day_taken_for_the_subject_is_not_the_speaker(extract):
    # a parse that makes "Tuesday" the subject of "said" and leaves the name hanging as a compound
    text = "“We will win the state,” Garin said Tuesday."
    [record] = extract(text, """
“ “ PUNCT 4 punct
We we PRON 4 nsubj
will will AUX 4 aux
win win VERB 0 root
the the DET 6 det
state state NOUN 4 obj
, , PUNCT 4 punct
” ” PUNCT 4 punct
Garin Garin PROPN 10 compound
said say VERB 4 parataxis
Tuesday Tuesday PROPN 10 nsubj
. . PUNCT 4 punct
""")
    assert record.kind == "direct" and record.text == "We will win the state"
    assert record.mention == "Garin"


# 'said' parsed as a conjunct of the clause it reports, with a quoted word inside that clause
CONJ_CUE_WITH_QUOTED_WORD = """
The the DET 2 det
term term NOUN 6 nsubj
“ “ PUNCT 4 punct
badges badge NOUN 6 nsubj
” ” PUNCT 4 punct
means mean VERB 0 root
trouble trouble NOUN 6 obj
for for ADP 10 case
the the DET 10 det
club club NOUN 6 obl
, , PUNCT 12 punct
Okafor Okafor PROPN 13 nsubj
said say VERB 6 conj
. . PUNCT 6 punct
"""


def test_surface_reading_keeps_a_clause_with_a_quoted_word(extract):
    text = "The term “badges” means trouble for the club, Okafor said."
    records = extract(text, CONJ_CUE_WITH_QUOTED_WORD)
    [record] = [r for r in records if r.kind != "direct"]
    assert (record.text, record.mention) == ("The term “badges” means trouble for the club", "Okafor")
    assert record.rule.startswith("surface:")


def test_surface_reading_skips_a_speaker_set_off_before_the_cue(extract):
    # 'Hemsley, the author of “Nets,” said': the words before the comma are the speaker and her apposition
    text = "Hemsley, the author of “Nets,” said so."
    records = extract(text, """
Hemsley Hemsley PROPN 10 nsubj
, , PUNCT 4 punct
the the DET 4 det
author author NOUN 1 appos
of of ADP 7 case
“ “ PUNCT 7 punct
Nets Nets PROPN 4 nmod
, , PUNCT 7 punct
” ” PUNCT 7 punct
said say VERB 0 root
so so ADV 10 advmod
. . PUNCT 10 punct
""")
    assert not [r for r in records if r.kind != "direct" and r.text.startswith("Hemsley")]


def test_surface_reading_skips_the_narration_before_a_participle(extract):
    # 'Carson shared a syllabus called “Perception”, writing …': the clause before the participle is narration
    text = "Later, Carson shared a syllabus called “Perception” online, writing “Real.”"
    records = extract(text, """
Later later ADV 4 advmod
, , PUNCT 1 punct
Carson Carson PROPN 4 nsubj
shared share VERB 0 root
a a DET 6 det
syllabus syllabus NOUN 4 obj
called call VERB 6 acl
“ “ PUNCT 9 punct
Perception Perception PROPN 7 xcomp
” ” PUNCT 9 punct
online online ADV 4 advmod
, , PUNCT 13 punct
writing write VERB 4 advcl VerbForm=Ger
“ “ PUNCT 15 punct
Real real NOUN 13 obj
. . PUNCT 4 punct
” ” PUNCT 15 punct
""")
    assert not [r for r in records if "syllabus" in r.text]


ISSUED_A_STATEMENT = """
Ana Ana PROPN 3 nsubj
Ruiz Ruiz PROPN 1 flat
issued issue VERB 0 root
a a DET 5 det
statement statement NOUN 3 obj
on on ADP 8 case
the the DET 8 det
ruling ruling NOUN 5 nmod
. . PUNCT 3 punct
"""

WE_WILL_APPEAL = """
“ “ PUNCT 4 punct
We we PRON 4 nsubj
will will AUX 4 aux
appeal appeal VERB 0 root
the the DET 6 det
decision decision NOUN 4 obj
. . PUNCT 4 punct
” ” PUNCT 4 punct
"""


def test_a_quote_after_a_sentence_that_issues_a_statement(extract):
    text = "Ana Ruiz issued a statement on the ruling. “We will appeal the decision.”"
    [record] = extract(text, ISSUED_A_STATEMENT, WE_WILL_APPEAL)
    assert (record.speaker, record.rule) == ("Ana Ruiz", "previous-sentence")


def test_it_announces_no_quote(extract):
    # 'And it threw him for a loop. “…”': 'it' is no speaker, whatever the verb
    text = "It told the story. “We will appeal the decision.”"
    records = extract(text, """
It it PRON 2 nsubj
told tell VERB 0 root
the the DET 4 det
story story NOUN 2 obj
. . PUNCT 2 punct
""", WE_WILL_APPEAL)
    assert all(record.rule != "previous-sentence" for record in records)


def test_a_pronoun_takes_the_name_after_a_title(extract):
    # the name written before the quote is 'Former Acme CEO Dana Whitfield': the title is no part of it
    text = "Former Acme CEO Dana Whitfield named a favorite show. “It is great,” she said."
    records = extract(text, """
Former former ADJ 5 amod
Acme Acme PROPN 3 compound
CEO CEO PROPN 5 compound
Dana Dana PROPN 5 compound
Whitfield Whitfield PROPN 6 nsubj
named name VERB 0 root
a a DET 9 det
favorite favorite ADJ 9 amod
show show NOUN 6 obj
. . PUNCT 6 punct
""", """
“ “ PUNCT 4 punct
It it PRON 4 nsubj
is be AUX 4 cop
great great ADJ 0 root
, , PUNCT 4 punct
” ” PUNCT 4 punct
she she PRON 8 nsubj
said say VERB 4 parataxis
. . PUNCT 4 punct
""")
    [record] = [r for r in records if r.text == "It is great"]
    assert record.speaker == "Dana Whitfield"


def test_a_which_clause_inside_what_was_said_before_its_cue(extract):
    # 'Y, which …, X explained.' read from word order: the relative clause is part of Y
    text = "Some cells lose the gene, which is not needed, Okafor explained."
    [record] = extract(text, """
Some some DET 2 det
cells cell NOUN 3 nsubj
lose lose VERB 0 root
the the DET 5 det
gene gene NOUN 3 obj
, , PUNCT 10 punct
which which PRON 10 nsubj
is be AUX 10 cop
not not PART 10 advmod
needed need VERB 5 acl:relcl
, , PUNCT 12 punct
Okafor Okafor PROPN 13 nsubj
explained explain VERB 3 conj
. . PUNCT 3 punct
""")
    assert record.text == "Some cells lose the gene, which is not needed"


def test_the_name_after_a_conjunct_cue_speaks_not_the_subject_it_borrows(extract):
    # 'said' parsed as a conjunct of the reported clause's verb, the speaker as its object
    text = "The plan could help the city, said Ana Ruiz, an economist."
    records = extract(text, """
The the DET 2 det
plan plan NOUN 4 nsubj
could could AUX 4 aux
help help VERB 0 root
the the DET 6 det
city city NOUN 4 obj
, , PUNCT 8 punct
said say VERB 4 conj
Ana Ana PROPN 8 obj
Ruiz Ruiz PROPN 9 flat
, , PUNCT 13 punct
an a DET 13 det
economist economist NOUN 9 appos
. . PUNCT 4 punct
""")
    [record] = [r for r in records if r.kind != "direct"]
    assert (record.text, record.speaker) == ("The plan could help the city", "Ana Ruiz")


def test_a_participle_after_a_relative_clause_speaks_for_the_main_clause(extract):
    # ', arguing …' hung on the relative clause 'who investigated the case': the main subject argues
    text = "Ruiz questioned the agents who investigated the case, arguing he had erred."
    records = extract(text, """
Ruiz Ruiz PROPN 2 nsubj
questioned question VERB 0 root
the the DET 4 det
agents agent NOUN 2 obj
who who PRON 6 nsubj
investigated investigate VERB 4 acl:relcl
the the DET 8 det
case case NOUN 6 obj
, , PUNCT 10 punct
arguing argue VERB 6 conj
he he PRON 13 nsubj
had have AUX 13 aux
erred err VERB 10 ccomp
. . PUNCT 2 punct
""")
    [record] = [r for r in records if r.cue == "arguing"]
    assert (record.text, record.mention) == ("he had erred", "Ruiz")


def test_a_that_clause_hung_on_the_cues_oblique(extract):
    # 'joked after the final that …' with the that-clause parsed under 'final'
    text = "Okafor joked after the final that he was the culprit."
    [record] = extract(text, """
Okafor Okafor PROPN 2 nsubj
joked joke VERB 0 root
after after ADP 5 case
the the DET 5 det
final final NOUN 2 obl
that that SCONJ 10 mark
he he PRON 10 nsubj
was be AUX 10 cop
the the DET 10 det
culprit culprit NOUN 5 ccomp
. . PUNCT 2 punct
""")
    assert (record.text, record.speaker) == ("that he was the culprit", "Okafor")


# 'Y …, Secretary of State Ana Ruiz said Thursday.' with 'said' a conjunct of Y's verb and the day its subject
TITLED_NAME_SAID_DAY = """
The the DET 2 det
agency agency PROPN 4 nsubj
is be AUX 4 aux
facing face VERB 0 root
record record NOUN 6 compound
demand demand NOUN 4 obj
for for ADP 8 case
visas visa NOUN 6 nmod
, , PUNCT 10 punct
Secretary Secretary PROPN 8 appos
of of ADP 12 case
State State PROPN 10 nmod
Ana Ana PROPN 12 flat
Ruiz Ruiz PROPN 13 flat
said say VERB 4 conj
Thursday Thursday PROPN 15 nsubj
. . PUNCT 4 punct
"""


def test_surface_reading_before_a_long_title_and_name_when_only_a_day_follows_the_cue(extract):
    text = "The agency is facing record demand for visas, Secretary of State Ana Ruiz said Thursday."
    [record] = extract(text, TITLED_NAME_SAID_DAY)
    # the name between the comma and the cue speaks, not the subject borrowed from the clause before
    assert (record.text, record.mention, record.rule) == ("The agency is facing record demand for visas", "Ruiz",
                                                          "surface:adjacent")


def test_a_closing_cue_hung_on_a_noun_reports_the_whole_clause_before_it(extract):
    # ', Wick said.' parsed as a parataxis of the last noun of what was said
    text = "Like any shop, Acme has the right to refuse service to anyone, including those against the policy, Wick said."
    [record] = extract(text, """
Like like ADP 3 case
any any DET 3 det
shop shop NOUN 6 obl
, , PUNCT 3 punct
Acme Acme PROPN 6 nsubj
has have VERB 0 root
the the DET 8 det
right right NOUN 6 obj
to to PART 10 mark
refuse refuse VERB 8 acl
service service NOUN 10 obj
to to ADP 13 case
anyone anyone PRON 10 obl
, , PUNCT 16 punct
including include VERB 16 case
those that PRON 13 nmod
against against ADP 19 case
the the DET 19 det
policy policy NOUN 16 nmod
, , PUNCT 22 punct
Wick Wick PROPN 22 nsubj
said say VERB 19 parataxis
. . PUNCT 22 punct
""")
    assert record.text == "Like any shop, Acme has the right to refuse service to anyone, including those against the policy"
    assert (record.speaker, record.rule) == ("Wick", "parataxis:nsubj-of-cue")


def test_a_bare_participle_cue_hung_as_a_complement_is_not_what_was_said(extract):
    # '…, Ruiz said, adding, however, that the shop forgot the sign.' with 'adding' and 'forgot' both complements
    text = "The plan worked, Ruiz said, adding, however, that the shop forgot the sign."
    records = extract(text, """
The the DET 2 det
plan plan NOUN 3 nsubj
worked work VERB 0 root
, , PUNCT 6 punct
Ruiz Ruiz PROPN 6 nsubj
said say VERB 3 parataxis
, , PUNCT 8 punct
adding add VERB 6 ccomp
, , PUNCT 10 punct
however however ADV 8 advmod
, , PUNCT 15 punct
that that SCONJ 15 mark
the the DET 14 det
shop shop NOUN 15 nsubj
forgot forget VERB 6 ccomp
the the DET 17 det
sign sign NOUN 15 obj
. . PUNCT 6 punct
""")
    texts = [r.text for r in records]
    assert "adding, however" not in texts
    assert any(t.endswith("that the shop forgot the sign") for t in texts)


def test_a_participle_cue_hung_under_its_own_complement_says_it_for_the_speaker_before(extract):
    # '“…,” she said last week, arguing Ruritania should spend …' with 'spend' hung on 'said', 'arguing' on 'spend'
    text = "Ana Ruiz spoke. “We won,” she said last week, arguing Ruritania should spend far more money on new homes."
    records = extract(text, "Ana Ana PROPN 3 nsubj\nRuiz Ruiz PROPN 1 flat\nspoke speak VERB 0 root\n. . PUNCT 3 punct",
                      """
“ “ PUNCT 3 punct
We we PRON 3 nsubj
won win VERB 0 root
, , PUNCT 3 punct
” ” PUNCT 3 punct
she she PRON 7 nsubj
said say VERB 3 parataxis
last last ADJ 9 amod
week week NOUN 7 obl:tmod
, , PUNCT 11 punct
arguing argue VERB 14 advcl
Ruritania Ruritania PROPN 14 nsubj
should should AUX 14 aux
spend spend VERB 7 ccomp
far far ADV 16 advmod
more more ADJ 17 amod
money money NOUN 14 obj
on on ADP 20 case
new new ADJ 20 amod
homes home NOUN 14 obl
. . PUNCT 3 punct
""")
    [record] = [r for r in records if r.kind == "indirect"]
    assert (record.text, record.cue, record.speaker) == (
        "Ruritania should spend far more money on new homes", "arguing", "Ana Ruiz")


@pytest.mark.parametrize("opening", [True, False])
def test_a_which_clause_is_said_by_the_source_an_according_to_opens_with(extract, opening):
    """'According to Ruiz, the city rebuilt the pier, which cost …': the source the sentence opens with stands
    for all of it; after the clause ('The city rebuilt the pier, which cost …, according to Ruiz') the
    relative clause may still be the writer's aside, and the content stops before it as for a verb cue."""
    said = "the city rebuilt the pier, which cost more than the harbour"
    if opening:
        text = f"According to Ruiz, {said}."
        block = """
According accord VERB 3 case
to to ADP 1 fixed
Ruiz Ruiz PROPN 8 obl
, , PUNCT 3 punct
the the DET 6 det
city city NOUN 7 nsubj
rebuilt rebuild VERB 0 root
the the DET 9 det
pier pier NOUN 7 obj
, , PUNCT 12 punct
which which PRON 12 nsubj
cost cost VERB 9 acl:relcl
more more ADJ 12 obj
than than ADP 16 case
the the DET 16 det
harbour harbour NOUN 13 obl
. . PUNCT 7 punct
"""
    else:
        text = f"{said[0].upper()}{said[1:]}, according to Ruiz."
        block = """
The the DET 2 det
city city NOUN 3 nsubj
rebuilt rebuild VERB 0 root
the the DET 5 det
pier pier NOUN 3 obj
, , PUNCT 8 punct
which which PRON 8 nsubj
cost cost VERB 5 acl:relcl
more more ADJ 8 obj
than than ADP 12 case
the the DET 12 det
harbour harbour NOUN 9 obl
, , PUNCT 16 punct
according accord VERB 16 case
to to ADP 14 fixed
Ruiz Ruiz PROPN 3 obl
. . PUNCT 3 punct
"""
    [record] = extract(text, block)
    assert record.rule.startswith("according-to") and record.mention == "Ruiz"
    assert record.text.lower() == (said if opening else "the city rebuilt the pier")


def test_a_participle_cue_after_an_inverted_speaker_opens_a_second_statement(extract):
    # 'Y, said Ruiz, asserting, “…”' with 'asserting' hung on 'said' as its complement and Y as its subject
    text = "A single phone call is enough, said Ruiz, asserting, “winks and nods work.”"
    records = extract(text, """
A a DET 3 det
single single ADJ 3 amod
phone phone NOUN 4 compound
call call NOUN 8 nsubj
is be AUX 6 cop
enough enough ADV 8 advmod
, , PUNCT 6 punct
said say VERB 0 root
Ruiz Ruiz PROPN 8 obj
, , PUNCT 11 punct
asserting assert VERB 8 ccomp VerbForm=Ger|XPOS=VBG
, , PUNCT 14 punct
“ “ PUNCT 14 punct
winks wink NOUN 11 obj
and and CCONJ 16 cc
nods nod NOUN 17 compound
work work NOUN 14 conj
. . PUNCT 8 punct
” ” PUNCT 8 punct
""")
    by_text = {r.text: r for r in records}
    assert "A single phone call is enough" in by_text, list(by_text)
    assert by_text["A single phone call is enough"].speaker == "Ruiz"
    assert not any(t.startswith("asserting") for t in by_text)


def test_reminded_is_a_reporting_cue(extract):
    # 'She reminded the jury that …': what she reminded them of is her statement
    text = "Ana Ruiz spoke. She reminded the jury that the harbour plan had failed twice."
    records = extract(text, "Ana Ana PROPN 3 nsubj\nRuiz Ruiz PROPN 1 flat\nspoke speak VERB 0 root\n. . PUNCT 3 punct", """
She she PRON 2 nsubj
reminded remind VERB 0 root
the the DET 4 det
jury jury NOUN 2 obj
that that SCONJ 10 mark
the the DET 8 det
harbour harbour NOUN 8 compound
plan plan NOUN 10 nsubj
had have AUX 10 aux
failed fail VERB 2 ccomp
twice twice ADV 10 advmod
. . PUNCT 2 punct
""")
    [record] = records
    assert (record.text, record.cue, record.speaker) == ("that the harbour plan had failed twice", "reminded", "Ana Ruiz")
