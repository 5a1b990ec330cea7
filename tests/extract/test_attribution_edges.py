"""Attribution edge cases met in real news, each on a hand-written parse that reproduces the parser's mistake."""

import pytest

# '“…,” said one union organiser.' with the speaker parsed as the object of "said"
ACTIVIST = """
“ “ PUNCT 5 punct
It it PRON 5 nsubj
is be AUX 5 cop
not not PART 5 advmod
over over ADJ 8 ccomp
, , PUNCT 5 punct
” ” PUNCT 5 punct
said say VERB 0 root
one one NUM 11 nummod
union union NOUN 11 compound
organiser organiser NOUN 8 obj
. . PUNCT 8 punct
"""


def test_inverted_speaker_the_parser_made_an_object(extract):
    text = "“It is not over,” said one union organiser."
    [record] = extract(text, ACTIVIST)
    assert (record.kind, record.text, record.mention) == ("direct", "It is not over", "one union organiser")
    assert record.rule == "adjacent-inverted" and record.speaker_kind == "person"


# '“A,” said an Iowa Democrat, “B.”': the speaker between cue and second piece is not a lead-in
IOWA = """
“ “ PUNCT 5 punct
She she PRON 5 nsubj
is be AUX 5 cop
too too ADV 5 advmod
behind behind ADV 0 root
, , PUNCT 5 punct
” ” PUNCT 5 punct
said say VERB 5 parataxis
an a DET 11 det
Iowa Iowa PROPN 11 compound
Democrat Democrat PROPN 8 obj
, , PUNCT 8 punct
“ “ PUNCT 20 punct
and and CCONJ 20 cc
Ohio Ohio PROPN 20 nsubj
was be AUX 20 cop
not not PART 20 advmod
a a DET 20 det
clear clear ADJ 20 amod
win win NOUN 8 conj
. . PUNCT 5 punct
” ” PUNCT 5 punct
"""


def test_quote_resumed_after_an_inverted_speaker_is_one_statement(extract):
    text = "“She is too behind,” said an Iowa Democrat, “and Ohio was not a clear win.”"
    [record] = extract(text, IOWA)
    assert record.kind == "direct" and record.mention == "an Iowa Democrat"
    assert [text[s:e] for s, e in record.spans] == ["She is too behind,", "and Ohio was not a clear win."]


# '… he said on ABC's “This Week.”': a programme's name, not a second statement
THIS_WEEK = """
“ “ PUNCT 3 punct
We we PRON 3 nsubj
win win VERB 0 root
, , PUNCT 3 punct
” ” PUNCT 3 punct
he he PRON 7 nsubj
said say VERB 3 parataxis
on on ADP 11 case
ABC ABC PROPN 11 nmod:poss
's 's PART 9 case
“ “ PUNCT 11 punct
This this DET 12 det
Week week PROPN 7 obl
. . PUNCT 3 punct
” ” PUNCT 3 punct
"""


def test_programme_name_with_the_sentence_period_inside_is_a_title(extract):
    text = "“We win,” he said on ABC's “This Week.”"
    records = extract(text, THIS_WEEK)
    assert [(r.text, r.mention) for r in records] == [("We win", "he")]


# the tokenizer glued the second quote and the next paragraph into one sentence
TOLD = """
“ “ PUNCT 4 punct
We we PRON 4 nsubj
will will AUX 4 aux
win win VERB 0 root
this this DET 6 det
election election NOUN 4 obj
, , PUNCT 4 punct
” ” PUNCT 4 punct
Clinton Clinton PROPN 10 nsubj
told tell VERB 4 parataxis
reporters reporter NOUN 10 obj
. . PUNCT 4 punct
"""
GLUED = """
“ “ PUNCT 4 punct
We we PRON 4 nsubj
will will AUX 4 aux
take take VERB 0 root
back back ADV 4 compound:prt
the the DET 7 det
House House PROPN 4 obj
. . PUNCT 4 punct
” ” PUNCT 4 punct
Members member NOUN 11 nsubj
told tell VERB 4 parataxis
the the DET 13 det
paper paper NOUN 11 obj
nothing nothing PRON 11 obj
. . PUNCT 11 punct
"""


def test_a_cue_in_the_next_paragraph_never_claims_a_quote(extract):
    text = "“We will win this election,” Clinton told reporters. “We will take back the House.”\n" \
           "Members told the paper nothing."
    [record] = extract(text, TOLD, GLUED)
    assert record.mention == "Clinton" and record.cue == "told" and record.cue_start == text.index("told")
    assert [text[s:e] for s, e in record.spans] == ["We will win this election,", "We will take back the House."]


def test_a_cyclic_parse_does_not_hang_extraction(extract):
    # foreign CoNLL-U can be malformed: here "this" and "," govern each other
    cyclic = TOLD.replace("this this DET 6 det", "this this DET 7 det").replace(", , PUNCT 4 punct", ", , PUNCT 5 punct", 1)
    text = "“We will win this election,” Clinton told reporters."
    [record] = extract(text, cyclic)
    assert record.mention == "Clinton"


# '“A,” Trump said, adding later, “B.”': B is what he added, a statement of its own
ADDING = """
“ “ PUNCT 3 punct
We we PRON 3 nsubj
lost lose VERB 0 root
, , PUNCT 3 punct
” ” PUNCT 3 punct
Trump Trump PROPN 7 nsubj
said say VERB 3 parataxis
, , PUNCT 9 punct
adding add VERB 7 advcl
later later ADV 9 advmod
, , PUNCT 9 punct
“ “ PUNCT 15 punct
NATO NATO PROPN 15 nsubj
costs cost VERB 9 ccomp
us we PRON 15 iobj
a a DET 18 det
fortune fortune NOUN 15 obj
. . PUNCT 3 punct
” ” PUNCT 3 punct
"""


def test_a_quote_opened_by_a_second_cue_is_a_second_statement(extract):
    text = "“We lost,” Trump said, adding later, “NATO costs us a fortune.”"
    records = extract(text, ADDING)
    assert [(r.text, r.cue, r.mention, r.spans) for r in records] == [
        ("We lost", "said", "Trump", []), ("NATO costs us a fortune.", "adding", "Trump", [])]


# 'told reporters, “…”': a comma sets the quote off; the addressee is not part of the statement
REPORTERS = """
Smith Smith PROPN 2 nsubj
told tell VERB 0 root
reporters reporter NOUN 2 obj
, , PUNCT 6 punct
“ “ PUNCT 6 punct
it it PRON 7 nsubj
pays pay VERB 2 ccomp
off off ADP 7 compound:prt
. . PUNCT 2 punct
” ” PUNCT 2 punct
"""


def test_a_quote_set_off_by_a_comma_is_direct_not_mixed(extract):
    text = "Smith told reporters, “it pays off.”"
    [record] = extract(text, REPORTERS)
    assert (record.kind, record.text, record.mention) == ("direct", "it pays off.", "Smith")


def test_a_clause_before_the_comma_that_holds_another_cue_is_not_reported_speech(extract):
    # the parse hangs the second quote on "said", leaving "adding" bare: its words before the comma are
    # "“We lost,” Trump said", which is not what was added
    text = "“We lost,” Trump said, adding later, “NATO costs us a fortune.”"
    records = extract(text, ADDING.replace("costs cost VERB 9 ccomp", "costs cost VERB 7 ccomp"))
    assert all("Trump said" not in r.text for r in records)


RELATIVE = """
Bernie Bernie PROPN 2 compound
Sanders Sanders PROPN 11 nsubj
, , PUNCT 5 punct
who who PRON 5 nsubj
said say VERB 2 acl:relcl
the the DET 7 det
plan plan NOUN 9 nsubj
would would AUX 9 aux
fail fail VERB 5 ccomp
, , PUNCT 5 punct
left leave VERB 0 root
. . PUNCT 11 punct
"""


def test_relative_pronoun_is_the_mention_and_its_antecedent_the_speaker(extract):
    text = "Bernie Sanders, who said the plan would fail, left."
    [record] = extract(text, RELATIVE)
    assert (record.text, record.mention, record.speaker) == ("the plan would fail", "who", "Bernie Sanders")
    assert record.rule.startswith("ccomp:relative") and record.speaker_kind == "person"


# '“…,” the two write.' with the tagger calling "write" a noun
TWO_WRITE = """
“ “ PUNCT 3 punct
You you PRON 3 nsubj
erred err VERB 0 root
, , PUNCT 3 punct
” ” PUNCT 3 punct
the the DET 8 det
two two NUM 8 nummod
write write NOUN 3 appos
. . PUNCT 3 punct
"""

# '“…,” it read.' : a document speaks by being read
IT_READ = """
“ “ PUNCT 4 punct
We we PRON 4 nsubj
will will AUX 4 aux
act act VERB 0 root
, , PUNCT 4 punct
” ” PUNCT 4 punct
it it PRON 8 nsubj
read read VERB 4 parataxis
. . PUNCT 4 punct
"""


def test_cue_form_mistagged_as_noun_after_a_quote(extract):
    text = "“You erred,” the two write."
    [record] = extract(text, TWO_WRITE)
    assert (record.text, record.cue, record.mention) == ("You erred", "write", "two")


def test_a_document_that_reads_is_a_speaker_but_a_reader_is_not(extract):
    text = "“We will act,” it read."
    [record] = extract(text, IT_READ)
    assert (record.text, record.cue, record.mention) == ("We will act", "read", "it")
    reader = "She read the report."
    rows = "She she PRON 2 nsubj\nread read VERB 0 root\nthe the DET 4 det\nreport report NOUN 2 obj\n. . PUNCT 2 punct"
    assert extract(reader, rows) == []


# 'told the paper that he voted' with the clause parsed as an adverbial clause
TOLD_THAT = """
Wilson Wilson PROPN 2 nsubj
told tell VERB 0 root
the the DET 4 det
paper paper NOUN 2 obj
that that SCONJ 7 mark
he he PRON 7 nsubj
voted vote VERB 2 advcl
for for ADP 9 case
Rubio Rubio PROPN 7 obl
. . PUNCT 2 punct
"""

# 'said the Clintons and the foundation had been careful' parsed as object + conjunct
SAID_SPLIT = """
Fallon Fallon PROPN 2 nsubj
said say VERB 0 root
the the DET 4 det
Clintons Clinton PROPN 2 obj
and and CCONJ 10 cc
the the DET 7 det
foundation foundation NOUN 10 nsubj
had have AUX 10 aux
been be AUX 10 cop
careful careful ADJ 2 conj
. . PUNCT 2 punct
"""


def test_that_clause_the_parser_made_adverbial_is_reported_speech(extract):
    text = "Wilson told the paper that he voted for Rubio."
    [record] = extract(text, TOLD_THAT)
    assert (record.kind, record.text, record.mention) == ("indirect", "that he voted for Rubio", "Wilson")


def test_clause_split_into_object_and_conjunct_is_one_statement(extract):
    text = "Fallon said the Clintons and the foundation had been careful."
    [record] = extract(text, SAID_SPLIT)
    assert (record.text, record.mention) == ("the Clintons and the foundation had been careful", "Fallon")


POLL = """
The the DET 2 det
poll poll NOUN 3 nsubj
showed show VERB 0 root
Trump Trump PROPN 3 obj
leading lead VERB 4 acl
the the DET 7 det
field field NOUN 5 obj
. . PUNCT 3 punct
"""

ASKED_IF = """
He he PRON 2 nsubj
asked ask VERB 0 root
workers worker NOUN 2 obj
if if SCONJ 6 mark
they they PRON 6 nsubj
planned plan VERB 2 advcl
to to PART 8 mark
vote vote VERB 6 xcomp
. . PUNCT 2 punct
"""


def test_what_a_poll_shows_is_its_statement(extract):
    text = "The poll showed Trump leading the field."
    [record] = extract(text, POLL)
    assert (record.kind, record.text, record.mention, record.rule) == (
        "indirect", "Trump leading the field", "The poll", "object:nsubj-of-cue")


def test_the_question_asked_is_the_statement_even_as_an_adverbial_if_clause(extract):
    text = "He asked workers if they planned to vote."
    [record] = extract(text, ASKED_IF)
    assert (record.text, record.mention) == ("if they planned to vote", "He")
    said_if = text.replace("asked", "said")
    rows = ASKED_IF.replace("asked ask", "said say")
    assert extract(said_if, rows) == []  # 'said … if …' is a condition, not a question


NOTING = """
Aides aide NOUN 2 nsubj
said say VERB 0 root
the the DET 4 det
plan plan NOUN 5 nsubj
worked work VERB 2 ccomp
, , PUNCT 7 punct
noting note VERB 5 advcl
that that SCONJ 11 mark
costs cost NOUN 11 nsubj
had have AUX 11 aux
fallen fall VERB 7 ccomp
. . PUNCT 2 punct
"""


def test_a_trailing_participle_cue_ends_the_first_statement(extract):
    text = "Aides said the plan worked, noting that costs had fallen."
    records = extract(text, NOTING)
    assert [(r.text, r.cue, r.mention) for r in records] == [
        ("the plan worked", "said", "Aides"), ("that costs had fallen", "noting", "Aides")]


BY_SAYING = """
She she PRON 2 nsubj
replied reply VERB 0 root
to to ADP 4 case
messages message NOUN 2 obl
by by SCONJ 6 mark
saying say VERB 4 acl
, , PUNCT 6 punct
“ “ PUNCT 9 punct
stop stop VERB 2 parataxis
lying lie VERB 9 xcomp
. . PUNCT 2 punct
” ” PUNCT 2 punct
"""


def test_a_participle_hung_on_a_noun_speaks_for_the_clause_subject(extract):
    text = "She replied to messages by saying, “stop lying.”"
    [record] = extract(text, BY_SAYING)
    assert (record.text, record.cue, record.mention) == ("stop lying.", "saying", "She")


# HARD-CASES 21: the one blamed for saying something said it
UPSET_WITH = """
Smith Smith PROPN 3 nsubj
was be AUX 3 cop
upset upset ADJ 0 root
with with ADP 5 case
Jones Jones PROPN 3 obl
for for SCONJ 7 mark
saying say VERB 3 advcl
the the DET 9 det
deal deal NOUN 11 nsubj
would would AUX 11 aux
fail fail VERB 7 ccomp
. . PUNCT 3 punct
"""

DREW_ANGER = """
Jones Jones PROPN 2 nsubj
drew draw VERB 0 root
Smith Smith PROPN 5 nmod:poss
's 's PART 3 case
anger anger NOUN 2 obj
for for SCONJ 7 mark
saying say VERB 2 advcl
the the DET 9 det
deal deal NOUN 11 nsubj
would would AUX 11 aux
fail fail VERB 7 ccomp
. . PUNCT 2 punct
"""


def test_the_one_blamed_for_saying_it_is_the_speaker(extract):
    text = "Smith was upset with Jones for saying the deal would fail."
    [record] = extract(text, UPSET_WITH)
    assert (record.text, record.mention, record.rule) == ("the deal would fail", "Jones", "ccomp:for-saying")
    text = "Jones drew Smith's anger for saying the deal would fail."
    [record] = extract(text, DREW_ANGER)
    assert (record.text, record.mention) == ("the deal would fail", "Jones")


# '“…,” said Eddie Griffin, who …' with the name and its relative clause parsed as the complement of "said"
GRIFFIN = """
“ “ PUNCT 3 punct
We we PRON 3 nsubj
won win VERB 0 root
, , PUNCT 3 punct
” ” PUNCT 3 punct
said say VERB 3 parataxis
Eddie Eddie PROPN 12 nsubj
Griffin Griffin PROPN 7 flat
, , PUNCT 10 punct
who who PRON 11 nsubj
was be AUX 12 cop
there there ADV 6 ccomp
. . PUNCT 3 punct
"""


def test_a_name_after_the_cue_is_the_speaker_not_what_was_said(extract):
    text = "“We won,” said Eddie Griffin, who was there."
    records = extract(text, GRIFFIN)
    assert [(r.kind, r.text) for r in records] == [("direct", "We won")]


CONTINUED = """
Howard Howard PROPN 2 nsubj
continued continue VERB 0 root
his he PRON 5 nmod:poss
scathing scathing ADJ 5 amod
remarks remark NOUN 2 obj
. . PUNCT 2 punct
"""

EIGHT_YEARS = """
“ “ PUNCT 5 punct
She she PRON 5 nsubj
was be AUX 5 cop
the the DET 5 det
nominee nominee NOUN 0 root
. . PUNCT 5 punct
” ” PUNCT 5 punct
"""


def test_a_lone_quote_after_a_sentence_that_announces_it(extract):
    text = "Howard continued his scathing remarks.\n\n“She was the nominee.”"
    [record] = extract(text, CONTINUED, EIGHT_YEARS)
    assert (record.text, record.cue, record.mention, record.rule) == (
        "She was the nominee.", "continued", "Howard", "previous-sentence")


ASKED_LONG = """
Trump Trump PROPN 2 nsubj
asked ask VERB 0 root
reporters reporter NOUN 2 obj
during during ADP 6 case
a a DET 6 det
conference conference NOUN 2 obl
late late ADV 9 advmod
last last ADJ 9 amod
month month NOUN 2 obl:tmod
. . PUNCT 2 punct
"""

QUESTION = """
“ “ PUNCT 4 punct
You you PRON 3 nsubj
think think VERB 0 root
I I PRON 6 nsubj
'll will AUX 6 aux
change change VERB 3 ccomp
? ? PUNCT 3 punct
” ” PUNCT 3 punct
"""

ANSWER = """
“ “ PUNCT 3 punct
I I PRON 3 nsubj
wo will AUX 0 root
n't not PART 3 advmod
. . PUNCT 3 punct
” ” PUNCT 3 punct
"""


def test_attribution_sentence_after_a_question_serves_it_and_the_quote_after(extract):
    text = "“You think I'll change?” Trump asked reporters during a conference late last month. “I won't.”"
    [record] = extract(text, QUESTION, ASKED_LONG, ANSWER)
    assert (record.cue, record.mention) == ("asked", "Trump")
    assert [text[s:e] for s, e in record.spans] == ["You think I'll change?", "I won't."]


def test_a_pronoun_that_opens_the_complement_is_not_an_inverted_speaker(extract):
    # "said it would …" with no subject for "said": "it" starts what was said, so there is no speaker
    text = "Officials in the city, speaking on Monday, said it would rain."
    rows = """
Officials official NOUN 9 obl
in in ADP 4 case
the the DET 4 det
city city NOUN 1 nmod
, , PUNCT 6 punct
speaking speak VERB 1 acl
on on ADP 8 case
Monday Monday PROPN 6 obl
said say VERB 0 root
it it PRON 12 nsubj
would would AUX 12 aux
rain rain VERB 9 ccomp
. . PUNCT 9 punct
"""
    [record] = extract(text, rows)
    assert record.text == "it would rain" and record.mention != "it"


def test_thats_according_to_with_according_parsed_as_the_verb(extract):
    text = "That’s according to the survey."
    rows = """
That that PRON 3 nsubj
’s be AUX 3 aux
according accord VERB 0 root
to to ADP 6 case
the the DET 6 det
survey survey NOUN 3 obl
. . PUNCT 3 punct
"""
    [record] = extract(text, rows)
    assert (record.cue, record.mention, record.rule) == ("according to", "the survey", "according-to")
    assert record.text.startswith("That")


def test_what_a_speaker_was_asked_about_is_the_content(extract):
    text = "Trump was asked about his comments."
    rows = """
Trump Trump PROPN 3 nsubj:pass
was be AUX 3 aux:pass
asked ask VERB 0 root
about about ADP 6 case
his he PRON 6 nmod:poss
comments comment NOUN 3 obl
. . PUNCT 3 punct
"""
    [record] = extract(text, rows)
    assert (record.kind, record.text, record.cue) == ("indirect", "his comments", "asked")


def test_what_someone_called_for_is_the_content(extract):
    text = "He called for a recount."
    rows = """
He he PRON 2 nsubj
called call VERB 0 root
for for ADP 5 case
a a DET 5 det
recount recount NOUN 2 obl
. . PUNCT 2 punct
"""
    [record] = extract(text, rows)
    assert (record.text, record.cue, record.mention) == ("a recount", "called", "He")


def test_accused_of_and_praised_for_belong_to_the_statement(extract):
    text = "Clinton accused him of lying."
    rows = """
Clinton Clinton PROPN 2 nsubj
accused accuse VERB 0 root
him he PRON 2 obj
of of SCONJ 5 mark
lying lie VERB 2 advcl
. . PUNCT 2 punct
"""
    [record] = extract(text, rows)
    assert (record.text, record.cue, record.mention) == ("him of lying", "accused", "Clinton")


def test_a_dateline_place_is_never_the_speaker(extract):
    text = "ALMATY (Wire) — The ministry said order was restored."
    rows = """
ALMATY Almaty PROPN 8 nsubj
( ( PUNCT 3 punct
Wire Wire PROPN 1 appos
) ) PUNCT 3 punct
— — PUNCT 1 punct
The the DET 7 det
ministry ministry NOUN 8 obl
said say VERB 0 root
order order NOUN 11 nsubj:pass
was be AUX 11 aux:pass
restored restore VERB 8 ccomp
. . PUNCT 8 punct
"""
    [record] = extract(text, rows)
    assert record.text == "order was restored" and record.mention is None


CALLED_TWICE = """
He he PRON 2 nsubj
called call VERB 0 root
the the DET 4 det
president president NOUN 2 obj
“ “ PUNCT 6 punct
weak weak ADJ 2 xcomp
” ” PUNCT 6 punct
and and CCONJ 10 cc
“ “ PUNCT 10 punct
disappointing disappointing ADJ 2 conj
. . PUNCT 2 punct
” ” PUNCT 10 punct
"""


def test_one_cue_read_into_two_quotes_is_one_statement(extract):
    text = "He called the president “weak” and “disappointing.”"
    [record] = extract(text, CALLED_TWICE)
    assert (record.kind, record.text) == ("mixed", "the president “weak” and “disappointing.”")


BOOMED = """
The the DET 2 det
mayor mayor NOUN 3 nsubj
boomed boom VERB 0 root
at at ADP 6 case
the the DET 6 det
crowd crowd NOUN 3 obl
: : PUNCT 3 punct
“ “ PUNCT 10 punct
We we PRON 10 nsubj
won win VERB 3 parataxis
. . PUNCT 10 punct
” ” PUNCT 10 punct
"""


def test_a_colon_lead_in_without_a_cue_is_introduced_by_its_subject(extract):
    text = "The mayor boomed at the crowd: “We won.”"
    [record] = extract(text, BOOMED)
    assert (record.text, record.mention, record.rule) == ("We won.", "The mayor", "colon")


TOLD_AFP = """
Senator Senator PROPN 2 compound
Ana Ana PROPN 0 root
Ruiz Ruiz PROPN 2 flat
, , PUNCT 7 punct
a a DET 7 det
close close ADJ 7 amod
adviser adviser NOUN 2 appos
, , PUNCT 7 punct
told tell VERB 2 parataxis
AFP AFP PROPN 9 obj
that that SCONJ 15 mark
the the DET 13 det
plan plan NOUN 15 nsubj
was be AUX 15 cop
fair fair ADJ 9 ccomp
. . PUNCT 2 punct
"""


def test_whom_a_cue_tells_is_never_its_speaker(extract):
    text = "Senator Ana Ruiz, a close adviser, told AFP that the plan was fair."
    [record] = extract(text, TOLD_AFP)
    assert record.text == "that the plan was fair" and record.mention != "AFP"
    assert record.mention.startswith("Senator")


def test_a_relative_clause_inside_what_was_said_stays_in_it(extract):
    text = "Wilkins said that the program, which began in 2007, ended last year."
    [record] = extract(text, """
Wilkins Wilkins PROPN 2 nsubj
said say VERB 0 root
that that SCONJ 12 mark
the the DET 5 det
program program NOUN 12 nsubj
, , PUNCT 8 punct
which which PRON 8 nsubj
began begin VERB 5 acl:relcl
in in ADP 10 case
2007 2007 NUM 8 obl
, , PUNCT 8 punct
ended end VERB 2 ccomp
last last ADJ 14 amod
year year NOUN 12 obl:tmod
. . PUNCT 2 punct
""")
    assert "which began in 2007" in record.text and record.text.endswith("ended last year")


def test_a_relative_clause_ending_what_was_said_is_the_writers_aside(extract):
    text = "Wilkins said she met the mayor, who resigned."
    [record] = extract(text, """
Wilkins Wilkins PROPN 2 nsubj
said say VERB 0 root
she she PRON 4 nsubj
met meet VERB 2 ccomp
the the DET 6 det
mayor mayor NOUN 4 obj
, , PUNCT 9 punct
who who PRON 9 nsubj
resigned resign VERB 6 acl:relcl
. . PUNCT 2 punct
""")
    assert record.text == "she met the mayor"


PEOPLE_CONTINUE = """
People people NOUN 2 nsubj
continue continue VERB 0 root
to to PART 5 mark
be be AUX 5 aux:pass
diagnosed diagnose VERB 2 xcomp
, , PUNCT 8 punct
he he PRON 8 nsubj
said say VERB 2 parataxis
. . PUNCT 2 punct
"""


def test_a_closing_he_said_reports_a_clause_whose_verb_can_also_be_a_cue(extract):
    # 'continue', 'call', 'chant' are cues too ('he continued'), but here the clause is what was said
    [record] = extract("People continue to be diagnosed, he said.", PEOPLE_CONTINUE)
    assert record.text == "People continue to be diagnosed" and record.mention == "he"


def test_a_cue_interrupted_by_a_later_cue_with_its_own_complement_stays_apart(extract):
    # 'called us “…”' then 'Obama said …' glued into one sentence: 'said' reports its own complement
    text = "Clinton called us “deplorables.” Obama said voters cling to guns."
    records = extract(text, """
Clinton Clinton PROPN 2 nsubj
called call VERB 0 root
us we PRON 2 obj
“ “ PUNCT 5 punct
deplorables deplorable NOUN 2 xcomp
. . PUNCT 5 punct
” ” PUNCT 5 punct
Obama Obama PROPN 9 nsubj
said say VERB 2 parataxis
voters voter NOUN 11 nsubj
cling cling VERB 9 ccomp
to to ADP 13 case
guns gun NOUN 11 obl
. . PUNCT 2 punct
""")
    assert not any(r.speaker == "Obama" and "deplorables" in r.text for r in records)


def test_a_clause_the_parse_joined_to_the_cue_goes_on_with_what_was_said(extract):
    text = "Paris claims that her passport was taken and she was forced to work."
    [record] = extract(text, """
Paris Paris PROPN 2 nsubj
claims claim VERB 0 root
that that SCONJ 7 mark
her she PRON 5 nmod:poss
passport passport NOUN 7 nsubj:pass
was be AUX 7 aux:pass
taken take VERB 2 ccomp
and and CCONJ 11 cc
she she PRON 11 nsubj:pass
was be AUX 11 aux:pass
forced force VERB 2 conj
to to PART 13 mark
work work VERB 11 xcomp
. . PUNCT 2 punct
""")
    assert record.text.endswith("she was forced to work")


def test_a_plain_verb_joined_to_the_cue_is_what_the_speaker_did_not_said(extract):
    text = "Ruiz said the vote was fair and left."
    [record] = extract(text, """
Ruiz Ruiz PROPN 2 nsubj
said say VERB 0 root
the the DET 4 det
vote vote NOUN 6 nsubj
was be AUX 6 cop
fair fair ADJ 2 ccomp
and and CCONJ 8 cc
left leave VERB 2 conj
. . PUNCT 2 punct
""")
    assert record.text == "the vote was fair"


def test_a_name_and_role_ending_the_paragraph_after_a_quote_is_its_speaker(extract):
    # a press release's caption-style attribution: no verb after the quote
    text = "“We have no plan at all,” Ana Ruiz, head of Acme\n\nThe plan was dropped."
    records = extract(text, """
“ “ PUNCT 3 punct
We we PRON 3 nsubj
have have VERB 0 root
no no DET 5 det
plan plan NOUN 3 obj
at at ADP 7 case
all all PRON 3 obl
, , PUNCT 3 punct
” ” PUNCT 3 punct
Ana Ana PROPN 11 compound
Ruiz Ruiz PROPN 3 parataxis
, , PUNCT 13 punct
head head NOUN 11 appos
of of ADP 15 case
Acme Acme PROPN 13 nmod
""")
    assert [r.speaker for r in records] == ["Ana Ruiz"] and records[0].text.startswith("We have no plan at all")


def test_phrase_after_the_cue_goes_on_over_a_hyphen_inside_a_word(extract):
    text = "“We want to make sure they are here,” said third-generation fisherman Garin McCarthy, who left."
    records = extract(text, """
“ “ PUNCT 3 punct
We we PRON 3 nsubj
want want VERB 12 ccomp
to to PART 5 mark
make make VERB 3 xcomp
sure sure ADJ 5 xcomp
they they PRON 9 nsubj
are be AUX 9 cop
here here ADV 6 ccomp
, , PUNCT 3 punct
” ” PUNCT 3 punct
said say VERB 0 root
third third ADJ 15 amod
- - PUNCT 13 punct
generation generation NOUN 16 compound
fisherman fisherman NOUN 12 obj
Garin Garin PROPN 18 compound
McCarthy McCarthy PROPN 16 appos
, , PUNCT 21 punct
who who PRON 21 nsubj
left leave VERB 16 acl:relcl
. . PUNCT 12 punct
""")
    assert [(r.text, r.speaker) for r in records] == [("We want to make sure they are here", "Garin McCarthy")]


@pytest.mark.parametrize("verb_rows, mention", [
    # 'Ford is concerned about the bushes: “…”' parsed as a passive
    ("is be AUX 3 aux:pass\nconcerned concern VERB 0 root", "Ford"),
    # 'Ford is worried about the bushes: “…”' with a copula
    ("is be AUX 3 cop\nworried worried ADJ 0 root", "Ford"),
])
def test_a_colon_lead_in_on_a_passive_or_copular_clause_is_introduced_by_its_subject(extract, verb_rows, mention):
    verb = verb_rows.split("\n")[1].split()[0]
    text = f"Ford is {verb} about the bushes: “We lost.”"
    subject = "Ford Ford PROPN 3 nsubj:pass" if "aux:pass" in verb_rows else "Ford Ford PROPN 3 nsubj"
    [record] = extract(text, f"""
{subject}
{verb_rows}
about about ADP 6 case
the the DET 6 det
bushes bush NOUN 3 obl
: : PUNCT 10 punct
“ “ PUNCT 10 punct
We we PRON 10 nsubj
lost lose VERB 3 parataxis
. . PUNCT 10 punct
” ” PUNCT 10 punct
""")
    assert (record.text, record.mention, record.rule) == ("We lost.", mention, "colon")
