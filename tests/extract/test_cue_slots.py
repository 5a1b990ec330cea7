"""Cues found by where they stand, not by which verb they are: the slot right after a closing quote, a
passive 'was asked' whose subject is the one asked, and a clause-opening 'Asked …,' before a colon."""

BARKED = """
“ “ PUNCT 4 punct
That that PRON 4 nsubj
is be AUX 4 cop
absurd absurd ADJ 0 root
, , PUNCT 4 punct
” ” PUNCT 4 punct
Kofi Kofi PROPN 9 nsubj
Mensah Mensah PROPN 7 flat
barked bark VERB 4 parataxis
. . PUNCT 4 punct
"""


def test_any_verb_right_after_a_closing_comma_reports_the_quote(extract):
    text = "“That is absurd,” Kofi Mensah barked."
    [record] = extract(text, BARKED)
    assert (record.kind, record.text, record.cue) == ("direct", "That is absurd", "barked")
    assert record.speaker == "Kofi Mensah" and record.rule.startswith("nsubj-of-cue")


WENT_ON = """
“ “ PUNCT 3 punct
We we PRON 3 nsubj
wait wait VERB 0 root
! ! PUNCT 3 punct
” ” PUNCT 3 punct
she she PRON 7 nsubj
went go VERB 3 parataxis
on on ADP 7 compound:prt
. . PUNCT 3 punct
"""


def test_phrasal_verb_in_the_slot(extract):
    text = "“We wait!” she went on."
    [record] = extract(text, WENT_ON)
    assert record.cue == "went" and record.mention == "she"


# the same verb elsewhere reports nothing: no quote before it, or a quote that ended a sentence
PLAIN = """
Kofi Kofi PROPN 3 nsubj
Mensah Mensah PROPN 1 flat
barked bark VERB 0 root
at at ADP 6 case
the the DET 6 det
dog dog NOUN 3 obl
. . PUNCT 3 punct
"""

AFTER_FULL_STOP = """
“ “ PUNCT 4 punct
That that PRON 4 nsubj
is be AUX 4 cop
absurd absurd ADJ 0 root
. . PUNCT 4 punct
” ” PUNCT 4 punct
"""

NEXT = """
Mensah Mensah PROPN 2 nsubj
walked walk VERB 0 root
to to ADP 5 case
the the DET 5 det
door door NOUN 2 obl
. . PUNCT 2 punct
"""


def test_verb_outside_the_slot_is_no_cue(extract):
    assert extract("Kofi Mensah barked at the dog.", PLAIN) == []
    text = "“That is absurd.” Mensah walked to the door."
    records = extract(text, AFTER_FULL_STOP, NEXT)
    assert all(r.cue != "walked" for r in records)
    text = "“That is absurd,” Mensah walked to the door."  # the same slot with a comma is one
    assert extract(text, AFTER_FULL_STOP.replace(". . PUNCT", ", , PUNCT"), NEXT)[0].cue == "walked"


ASKED_COLON = """
Asked ask VERB 9 advcl VerbForm=Part|Tense=Past|Voice=Pass
about about ADP 4 case
the the DET 4 det
vote vote NOUN 1 obl
, , PUNCT 1 punct
the the DET 7 det
minister minister NOUN 9 nsubj
just just ADV 9 advmod
shrugged shrug VERB 0 root
: : PUNCT 9 punct
“ “ PUNCT 12 punct
Ask ask VERB 9 parataxis
me me PRON 12 obj
tomorrow tomorrow NOUN 12 obl:tmod
. . PUNCT 12 punct
” ” PUNCT 12 punct
"""


def test_asked_opening_the_lead_in_is_the_question_not_the_answer(extract):
    text = "Asked about the vote, the minister just shrugged: “Ask me tomorrow.”"
    [record] = extract(text, ASKED_COLON)
    assert record.text == "Ask me tomorrow." and record.mention == "the minister"
    assert record.rule == "colon"


WAS_ASKED = """
Priya Priya PROPN 3 nsubj:pass
was be AUX 3 aux:pass
asked ask VERB 0 root
, , PUNCT 5 punct
“ “ PUNCT 9 punct
Where where ADV 9 advmod
were be AUX 9 aux
you you PRON 9 nsubj
hiding hide VERB 3 ccomp
? ? PUNCT 9 punct
” ” PUNCT 9 punct
"""


def test_the_one_asked_did_not_ask(extract):
    text = "Priya was asked, “Where were you hiding?”"
    [record] = extract(text, WAS_ASKED)
    assert record.text == "Where were you hiding?" and record.cue == "asked"
    assert record.mention is None and record.speaker is None


# a parser that makes 'summer' the subject of the cue must not make a season the speaker
SEASON_SUBJECT = """
Last last ADJ 2 amod
summer summer NOUN 7 nsubj
, , PUNCT 2 punct
Dana Dana PROPN 7 nsubj
Reyes Reyes PROPN 4 flat
publicly publicly ADV 7 advmod
called call VERB 0 root
the the DET 9 det
plan plan NOUN 7 obj
“ “ PUNCT 12 punct
a a DET 12 det
fraud fraud NOUN 7 xcomp
. . PUNCT 7 punct
” ” PUNCT 7 punct
"""


def test_a_season_is_never_the_speaker(extract):
    text = "Last summer, Dana Reyes publicly called the plan “a fraud.”"
    records = extract(text, SEASON_SUBJECT.replace("Dana Dana PROPN 7 nsubj", "Dana Dana PROPN 7 obl"))
    assert records and all(r.mention != "Last summer" and r.speaker != "Last summer" for r in records)


# the parser often makes 'Asked' the root and the answering clause its parataxis
ASKED_ROOT = """
Asked ask VERB 0 root
about about ADP 4 case
the the DET 4 det
vote vote NOUN 1 obl
, , PUNCT 8 punct
the the DET 7 det
minister minister NOUN 8 nsubj
shrugged shrug VERB 1 parataxis
: : PUNCT 11 punct
“ “ PUNCT 11 punct
Ask ask VERB 8 ccomp
me me PRON 11 obj
tomorrow tomorrow NOUN 11 obl:tmod
. . PUNCT 8 punct
” ” PUNCT 8 punct
"""


def test_asked_as_root_is_still_the_question(extract):
    text = "Asked about the vote, the minister shrugged: “Ask me tomorrow.”"
    [record] = extract(text, ASKED_ROOT)
    assert (record.text, record.mention, record.rule) == ("Ask me tomorrow.", "the minister", "colon")


# UK style: the quote, then the title and the name in apposition, then the cue
TITLE_NAME_TOLD = """
‘ ‘ PUNCT 2 punct
No no INTJ 16 discourse
, , PUNCT 2 punct
I I PRON 5 nsubj
will will AUX 16 reparandum
not not PART 5 advmod
, , PUNCT 11 punct
’ ’ PUNCT 11 punct
the the DET 11 det
Transport transport PROPN 11 compound
Secretary Secretary PROPN 16 nsubj
, , PUNCT 13 punct
Mairead Mairead PROPN 11 appos
Quinn Quinn PROPN 13 flat
, , PUNCT 16 punct
told tell VERB 0 root
the the DET 18 det
BBC BBC PROPN 16 obj
. . PUNCT 16 punct
"""


def test_quote_then_title_and_name_is_a_direct_quote_not_a_clause(extract):
    text = "‘No, I will not,’ the Transport Secretary, Mairead Quinn, told the BBC."
    [record] = extract(text, TITLE_NAME_TOLD)
    assert (record.kind, record.text, record.cue) == ("direct", "No, I will not", "told")
    assert (record.speaker, record.role) == ("Mairead Quinn", "Transport Secretary")


IN_WORDS_OF = """
In in ADP 3 case
the the DET 3 det
words word NOUN 12 obl
of of ADP 6 case
one one NUM 6 nummod
aide aide NOUN 3 nmod
, , PUNCT 3 punct
“ “ PUNCT 12 punct
the the DET 10 det
campaign campaign NOUN 12 nsubj
has have AUX 12 aux
stalled stall VERB 0 root
. . PUNCT 12 punct
” ” PUNCT 12 punct
"""

IN_OWNERS_WORDS = """
In in ADP 5 case
the the DET 3 det
Bank Bank PROPN 5 nmod:poss
’s ’s PART 3 case
words word NOUN 10 obl
, , PUNCT 5 punct
“ “ PUNCT 10 punct
rates rate NOUN 10 nsubj
must must AUX 10 aux
rise rise VERB 0 root
this this DET 12 det
year year NOUN 10 obl:tmod
. . PUNCT 10 punct
” ” PUNCT 10 punct
"""


def test_in_the_words_of_names_the_speaker(extract):
    text = "In the words of one aide, “the campaign has stalled.”"
    [record] = extract(text, IN_WORDS_OF)
    assert (record.text, record.mention, record.rule) == ("the campaign has stalled.", "one aide", "in-words")
    text = "In the Bank’s words, “rates must rise this year.”"
    [record] = extract(text, IN_OWNERS_WORDS)
    assert (record.text, record.mention, record.speaker_kind) == ("rates must rise this year.", "the Bank", "organization")


BORROWED_LABEL = """
She she PRON 3 nsubj
was be AUX 3 cop
heir heir NOUN 0 root
, , PUNCT 7 punct
in in ADP 7 case
the the DET 7 det
words word NOUN 3 obl
of of ADP 10 case
an a DET 10 det
aide aide NOUN 7 nmod
, , PUNCT 3 punct
“ “ PUNCT 14 punct
the the DET 14 det
torchbearer torchbearer NOUN 3 appos
” ” PUNCT 14 punct
. . PUNCT 3 punct
"""


def test_a_short_label_in_someones_words_is_no_statement(extract):
    text = "She was heir, in the words of an aide, “the torchbearer”."
    assert all(r.rule != "in-words" for r in extract(text, BORROWED_LABEL))


# a quote standing alone after a sentence whose verb announces it without being a cue
SPOKE = """
Vance Vance PROPN 2 nsubj
spoke speak VERB 0 root
in in ADP 5 case
evasive evasive ADJ 5 amod
phrases phrase NOUN 2 obl
. . PUNCT 2 punct
"""

STANDALONE = """
“ “ PUNCT 4 punct
We we PRON 4 nsubj
must must AUX 4 aux
act act VERB 0 root
. . PUNCT 4 punct
” ” PUNCT 4 punct
"""

EARLIER_QUOTE = """
She she PRON 2 nsubj
said say VERB 0 root
: : PUNCT 5 punct
“ “ PUNCT 5 punct
Fine fine ADJ 2 ccomp
. . PUNCT 2 punct
” ” PUNCT 2 punct
"""


def test_announcing_verb_in_the_sentence_before_a_quote_in_a_new_paragraph(extract):
    text = "She said: “Fine.”\n\nVance spoke in evasive phrases.\n\n“We must act.”"
    records = extract(text, EARLIER_QUOTE, SPOKE, STANDALONE)
    assert (records[-1].text, records[-1].mention, records[-1].rule) == ("We must act.", "Vance", "previous-sentence")


DATED_COLON = """
Here here ADV 3 advmod
is be AUX 3 cop
Nolan Nolan PROPN 0 root
in in ADP 6 case
December December PROPN 6 compound
1992 1992 NUM 3 nmod
: : PUNCT 3 punct
“ “ PUNCT 11 punct
Our we PRON 10 nmod:poss
plan plan NOUN 11 nsubj
works work VERB 3 parataxis
. . PUNCT 11 punct
” ” PUNCT 11 punct
"""


def test_a_date_in_a_colon_lead_in_is_not_the_speaker(extract):
    text = "Here is Nolan in December 1992: “Our plan works.”"
    [record] = extract(text, DATED_COLON)
    assert (record.mention, record.speaker) == ("Nolan", "Nolan")


YELLED = """
Wilson Wilson PROPN 2 nsubj
yelled yell VERB 0 root
“ “ PUNCT 5 punct
You you PRON 5 nsubj
lie lie VERB 2 ccomp
! ! PUNCT 5 punct
” ” PUNCT 5 punct
at at ADP 10 case
the the DET 10 det
president president NOUN 5 obl
. . PUNCT 2 punct
"""


def test_what_was_said_ends_with_a_quote_that_ends_a_sentence(extract):
    text = "Wilson yelled “You lie!” at the president."
    [record] = extract(text, YELLED)
    assert (record.kind, record.text, record.mention) == ("direct", "You lie!", "Wilson")


# the quote closed on a comma and its speaker, with a label in quotes inside the aside, parsed as one clause
HANDED_ON = """
“ “ PUNCT 3 punct
We we PRON 3 nsubj
won win VERB 0 root
, , PUNCT 3 punct
” ” PUNCT 3 punct
delegate delegate NOUN 8 compound
Ben Ben PROPN 8 compound
Ward Ward PROPN 3 conj
, , PUNCT 10 punct
wearing wear VERB 8 acl
“ “ PUNCT 13 punct
Vote vote PROPN 13 compound
Ruiz Ruiz PROPN 15 compound
” ” PUNCT 13 punct
pins pin NOUN 10 obj
, , PUNCT 17 punct
said say VERB 3 parataxis
. . PUNCT 3 punct
"""


def test_quote_closed_on_a_comma_then_its_speaker_with_a_label_quote_in_the_aside(extract):
    text = "“We won,” delegate Ben Ward, wearing “Vote Ruiz” pins, said."
    records = extract(text, HANDED_ON)
    direct = [r for r in records if r.text == "We won"]
    assert direct and direct[0].kind == "direct" and direct[0].speaker == "Ben Ward"


STRAIGHT_MIXED = """
Kato Kato PROPN 2 nsubj
said say VERB 0 root
the the DET 5 det
financial financial ADJ 5 amod
system system NOUN 8 nsubj
was be AUX 8 cop
" " PUNCT 8 punct
corrupt corrupt ADJ 2 ccomp
, , PUNCT 8 punct
" " PUNCT 8 punct
and and CCONJ 13 cc
he he PRON 13 nsubj
left leave VERB 2 conj
. . PUNCT 2 punct
"""


def test_mixed_quote_in_straight_marks_keeps_its_closing_mark(extract):
    text = 'Kato said the financial system was "corrupt," and he left.'
    records = extract(text, STRAIGHT_MIXED)
    assert [(r.kind, r.text, r.speaker) for r in records] == [("mixed", 'the financial system was "corrupt,"', "Kato")]
    assert records[0].rule.startswith("ccomp")  # the complement itself, not a fallback reading


ADMIRES = """
Ito Ito PROPN 2 nsubj
admires admire VERB 0 root
Lund Lund PROPN 2 obj
as as ADP 7 case
a a DET 7 det
“ “ PUNCT 7 punct
leader leader NOUN 2 obl
. . PUNCT 2 punct
” ” PUNCT 2 punct
"""

AIDES_SAID = """
Aides aide NOUN 2 nsubj
said say VERB 0 root
so so ADV 2 advmod
. . PUNCT 2 punct
"""


def test_next_sentence_attributes_only_a_quote_standing_alone(extract):
    text = "Ito admires Lund as a “leader.” Aides said so."
    assert all(r.rule != "next-sentence" for r in extract(text, ADMIRES, AIDES_SAID))


NBSP_COLON = """
Here here ADV 2 advmod
is be AUX 3 cop
Nolan Nolan PROPN 0 root
: : PUNCT 3 punct
“ “ PUNCT 8 punct
Our we PRON 7 nmod:poss
plan plan NOUN 8 nsubj
works work VERB 3 parataxis
. . PUNCT 8 punct
” ” PUNCT 8 punct
"""


def test_colon_lead_in_with_a_no_break_space_before_the_quote(extract):
    text = "Here is Nolan:\u00a0“Our plan works.”"
    [record] = extract(text, NBSP_COLON)
    assert (record.mention, record.rule) == ("Nolan", "colon")


SHOUTED_QUOTE = """
“ “ PUNCT 3 punct
We we PRON 3 nsubj
won win VERB 0 root
! ! PUNCT 3 punct
” ” PUNCT 3 punct
"""

SHOUTED = """
Her her PRON 2 nmod:poss
niece niece NOUN 9 nsubj
, , PUNCT 4 punct
Marcia Marcia PROPN 2 appos
“ “ PUNCT 6 punct
Cia Cia PROPN 4 appos
” ” PUNCT 6 punct
Price Price PROPN 4 flat
shouted shout VERB 0 root
to to ADP 12 case
the the DET 12 det
crowd crowd NOUN 9 obl
. . PUNCT 9 punct
"""


def test_long_speaker_phrase_with_a_nickname_before_a_cue_in_the_next_sentence(extract):
    text = "“We won!” Her niece, Marcia “Cia” Price shouted to the crowd."
    records = extract(text, SHOUTED_QUOTE, SHOUTED)
    assert [(r.text, r.cue, r.rule) for r in records] == [("We won!", "shouted", "next-sentence")]


LABELED = """
Items item NOUN 8 nsubj
labeled label VERB 1 acl
“ “ PUNCT 4 punct
made make VERB 2 xcomp
right right ADV 6 advmod
here here ADV 4 advmod
” ” PUNCT 4 punct
sell sell VERB 0 root
well well ADV 8 advmod
. . PUNCT 8 punct
"""


def test_a_short_quote_whose_cue_has_no_speaker_is_a_label(extract):
    text = "Items labeled “made right here” sell well."
    assert extract(text, LABELED) == []


RIGGED_ASIDE = """
Ruiz Ruiz PROPN 2 nsubj
complained complain VERB 0 root
that that SCONJ 8 mark
the the DET 5 det
vote vote NOUN 8 nsubj:pass
was be AUX 8 aux:pass
“ “ PUNCT 8 punct
rigged rig VERB 2 ccomp
” ” PUNCT 8 punct
against against ADP 11 case
him he PRON 8 obl
, , PUNCT 14 punct
a a DET 14 det
charge charge NOUN 8 obl:npmod
officials official NOUN 16 nsubj
denied deny VERB 14 acl:relcl
. . PUNCT 2 punct
"""


def test_the_writers_aside_after_a_quoted_phrase_is_not_what_was_said(extract):
    text = "Ruiz complained that the vote was “rigged” against him, a charge officials denied."
    [record] = extract(text, RIGGED_ASIDE)
    assert record.text == "that the vote was “rigged” against him"


# the quoted phrase ends on a comma inside its marks: the writer's aside follows the closing mark
MARCH_ASIDE = """
Ruiz Ruiz PROPN 2 nsubj
said say VERB 0 root
the the DET 4 det
deal deal NOUN 8 nsubj:pass
“ “ PUNCT 8 punct
should should AUX 8 aux
be be AUX 8 aux:pass
done do VERB 2 ccomp
by by ADP 10 case
March March PROPN 8 obl
, , PUNCT 13 punct
” ” PUNCT 8 punct
referring refer VERB 8 advcl
to to ADP 17 case
the the DET 17 det
budget budget NOUN 17 compound
deadline deadline NOUN 13 obl
. . PUNCT 2 punct
"""


def test_an_aside_after_a_quote_closed_on_a_comma_is_not_what_was_said(extract):
    text = "Ruiz said the deal “should be done by March,” referring to the budget deadline."
    [record] = extract(text, MARCH_ASIDE)
    assert record.text == "the deal “should be done by March,”" and record.speaker == "Ruiz"


# the tokenizer missed the paragraph break: one 'sentence' runs over two paragraphs
OVER_A_BREAK = """
Lund Lund PROPN 2 nsubj
explains explain VERB 0 root
why why ADV 6 advmod
the the DET 5 det
state state NOUN 6 nsubj
votes vote VERB 2 ccomp
early early ADV 6 advmod
Markets market NOUN 9 nsubj
fell fall VERB 6 conj
sharply sharply ADV 9 advmod
. . PUNCT 2 punct
"""


def test_what_was_said_never_runs_into_the_next_paragraph(extract):
    text = "Lund explains why the state votes early\n\nMarkets fell sharply."
    [record] = extract(text, OVER_A_BREAK)
    assert record.text == "why the state votes early"


# a briefing: the one asked answers in the quote that follows
ASKED_ABOUT = """
The the DET 2 det
spokesman spokesman NOUN 8 nsubj:pass
, , PUNCT 4 punct
Ines Ines PROPN 2 appos
Varga Varga PROPN 4 flat
, , PUNCT 4 punct
was be AUX 8 aux:pass
asked ask VERB 0 root
about about ADP 11 case
the the DET 11 det
border border NOUN 8 obl
. . PUNCT 8 punct
"""

ANSWER = """
“ “ PUNCT 4 punct
We we PRON 4 nsubj
are be AUX 4 aux
watching watch VERB 0 root
closely closely ADV 4 advmod
. . PUNCT 4 punct
” ” PUNCT 4 punct
"""


def test_the_one_asked_answers_in_the_next_quote(extract):
    text = "The spokesman, Ines Varga, was asked about the border.\n\n“We are watching closely.”"
    [record] = [r for r in extract(text, ASKED_ABOUT, ANSWER) if r.kind == "direct"]
    assert (record.kind, record.text, record.cue) == ("direct", "We are watching closely.", "asked")
    assert record.speaker == "Ines Varga"
