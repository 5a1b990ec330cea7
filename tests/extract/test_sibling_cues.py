"""A second cue joined to the first one's statement starts a statement of its own ('said X but added, “Y”',
'said X, while Cruz said that Y'), even where the parse hung it inside the first one's clause; a verb of what
is said ('would sit him down and tell him “…”') or a second complement of the same cue ('and that …') does not."""

ADDED = """
Ama Ama PROPN 3 nsubj
Owusu Owusu PROPN 1 flat
said say VERB 0 root
it it PRON 7 expl
was be AUX 7 cop
too too ADV 7 advmod
early early ADJ 3 ccomp
to to PART 9 mark
count count VERB 7 xcomp
votes vote NOUN 9 obj
but but CCONJ 12 cc
added add VERB 9 conj VerbForm=Fin
, , PUNCT 16 punct
“ “ PUNCT 16 punct
We we PRON 16 nsubj
expect expect VERB 7 parataxis
to to PART 18 mark
win win VERB 16 xcomp
. . PUNCT 3 punct
” ” PUNCT 16 punct
"""


def test_but_added_with_a_quote_is_a_second_statement(extract):
    text = "Ama Owusu said it was too early to count votes but added, “We expect to win.”"
    records = extract(text, ADDED)
    assert [(r.kind, r.text, r.cue, r.speaker) for r in records] == [
        ("indirect", "it was too early to count votes", "said", "Ama Owusu"),
        ("direct", "We expect to win.", "added", "Ama Owusu"),
    ]


WHILE = """
Lindqvist Lindqvist PROPN 2 nsubj
said say VERB 0 root
the the DET 4 det
bill bill NOUN 6 nsubj
was be AUX 6 cop
dead dead ADJ 2 ccomp
, , PUNCT 10 punct
while while SCONJ 10 mark
Okafor Okafor PROPN 10 nsubj
said say VERB 6 advcl VerbForm=Fin
that that SCONJ 14 mark
it it PRON 14 nsubj
was be AUX 14 cop
alive alive ADJ 10 ccomp
. . PUNCT 2 punct
"""


def test_while_with_a_cue_of_its_own_ends_the_first_statement(extract):
    text = "Lindqvist said the bill was dead, while Okafor said that it was alive."
    records = extract(text, WHILE)
    assert [(r.text, r.speaker) for r in records] == [
        ("the bill was dead", "Lindqvist"), ("that it was alive", "Okafor")]


TELL = """
Petrov Petrov PROPN 2 nsubj
said say VERB 0 root
he he PRON 5 nsubj
would would AUX 5 aux
sit sit VERB 2 ccomp
the the DET 7 det
envoy envoy NOUN 5 obj
down down ADP 5 compound:prt
and and CCONJ 10 cc
tell tell VERB 5 conj VerbForm=Inf
him he PRON 10 iobj
that that SCONJ 17 mark
the the DET 14 det
games game NOUN 17 nsubj
were be AUX 17 cop
“ “ PUNCT 17 punct
over over ADJ 10 ccomp
. . PUNCT 2 punct
” ” PUNCT 17 punct
"""


def test_a_verb_of_what_is_said_stays_inside_it(extract):
    text = "Petrov said he would sit the envoy down and tell him that the games were “over.”"
    [record] = extract(text, TELL)
    assert record.kind == "mixed" and record.text == "he would sit the envoy down and tell him that the games were “over.”"
    assert record.speaker == "Petrov"


THAT_TOO = """
Ramos Ramos PROPN 2 nsubj
said say VERB 0 root
the the DET 4 det
plan plan NOUN 5 nsubj
failed fail VERB 2 ccomp
and and CCONJ 9 cc
that that SCONJ 9 mark
he he PRON 9 nsubj
understands understand VERB 5 conj VerbForm=Fin
why why ADV 12 advmod
voters voter NOUN 12 nsubj
feel feel VERB 9 ccomp
“ “ PUNCT 14 punct
cheated cheat VERB 12 xcomp
” ” PUNCT 14 punct
. . PUNCT 2 punct
"""


def test_a_second_that_clause_of_the_same_cue_stays_inside(extract):
    text = "Ramos said the plan failed and that he understands why voters feel “cheated”."
    [record] = extract(text, THAT_TOO)
    assert record.text.startswith("the plan failed and that he understands") and record.speaker == "Ramos"


# the parse hung the speaker on the place before her ('at Unity Hall, Ama Owusu, 70,') and gave the
# cue no subject: the name that opens a phrase after a comma speaks, not the place
APPOSED = """
Speaking speak VERB 11 advcl
at at ADP 4 case
Unity Unity PROPN 4 compound
Hall Hall PROPN 1 obl
, , PUNCT 6 punct
Ama Ama PROPN 4 appos
Owusu Owusu PROPN 6 flat
, , PUNCT 9 punct
70 70 NUM 6 nmod:unmarked
, , PUNCT 1 punct
said say VERB 0 root
the the DET 13 det
count count NOUN 16 nsubj
was be AUX 16 cop
“ “ PUNCT 16 punct
done do VERB 11 ccomp
. . PUNCT 11 punct
” ” PUNCT 16 punct
"""


def test_the_name_opening_a_phrase_before_the_cue_speaks(extract):
    text = "Speaking at Unity Hall, Ama Owusu, 70, said the count was “done.”"
    [record] = extract(text, APPOSED)
    assert record.speaker == "Ama Owusu" and record.mention.startswith("Ama Owusu")


# the parse made the second cue's clause a second complement of the first cue
SECOND_COMPLEMENT = """
Okonkwo Okonkwo PROPN 2 nsubj
said say VERB 0 root
the the DET 4 det
count count NOUN 6 nsubj
was be AUX 6 cop
over over ADV 2 ccomp
, , PUNCT 11 punct
while while SCONJ 11 mark
the the DET 10 det
commission commission NOUN 11 nsubj
said say VERB 2 ccomp
that that SCONJ 15 mark
results result NOUN 15 nsubj
would would AUX 15 aux
take take VERB 11 ccomp
days day NOUN 15 obj
. . PUNCT 2 punct
"""


def test_a_sibling_cue_parsed_as_a_second_complement_keeps_its_own_statement(extract):
    text = "Okonkwo said the count was over, while the commission said that results would take days."
    records = extract(text, SECOND_COMPLEMENT)
    assert [(r.text, r.mention) for r in records] == [
        ("the count was over", "Okonkwo"), ("that results would take days", "the commission")]
