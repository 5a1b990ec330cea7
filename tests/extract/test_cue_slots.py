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
    assert (record.kind, record.text, record.cue) == ("direct", "That is absurd,", "barked")
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
