"""Quotation marks that are not statements: scare quotes, titles, nicknames inside an attribution."""

import pytest

SCARE = ("Her cats are “cuties” and sleep all day.", """
Her she PRON 2 nmod:poss
cats cat NOUN 5 nsubj
are be AUX 5 cop
“ “ PUNCT 5 punct
cuties cutie NOUN 0 root
” ” PUNCT 5 punct
and and CCONJ 8 cc
sleep sleep VERB 5 conj
all all DET 10 det
day day NOUN 8 obl:tmod
. . PUNCT 5 punct
""")

TITLE = ("His favourite book is “War and Peace.”", """
His he PRON 3 nmod:poss
favourite favourite ADJ 3 amod
book book NOUN 6 nsubj
is be AUX 6 cop
“ “ PUNCT 6 punct
War war PROPN 0 root
and and CCONJ 8 cc
Peace peace PROPN 6 conj
. . PUNCT 6 punct
” ” PUNCT 6 punct
""")


@pytest.mark.parametrize("text, block", [SCARE, TITLE], ids=["scare-quote", "title"])
def test_not_a_statement(extract, text, block):
    assert extract(text, block) == []


def test_nickname_in_attribution_is_not_a_quote(extract):
    text = "“We won,” said Dwayne “The Rock” Johnson."
    [record] = extract(text, """
“ “ PUNCT 3 punct
We we PRON 3 nsubj
won win VERB 0 root
, , PUNCT 3 punct
” ” PUNCT 3 punct
said say VERB 3 parataxis
Dwayne Dwayne PROPN 6 nsubj
“ “ PUNCT 10 punct
The the DET 10 det
Rock Rock PROPN 7 appos
” ” PUNCT 10 punct
Johnson Johnson PROPN 7 flat
. . PUNCT 3 punct
""")
    assert (record.text, record.rule) == ("We won", "inverted")
    assert record.mention == "Dwayne “The Rock” Johnson" and record.speaker == "Dwayne Johnson"


def test_belief_verbs_are_a_switch(extract):
    text = "Analysts believe the deal will fail."
    block = """
Analysts analyst NOUN 2 nsubj
believe believe VERB 0 root
the the DET 4 det
deal deal NOUN 6 nsubj
will will AUX 6 aux
fail fail VERB 2 ccomp
. . PUNCT 2 punct
"""
    assert extract(text, block, include_beliefs=False) == []
    [record] = extract(text, block, include_beliefs=True)
    assert (record.text, record.speaker_kind) == ("the deal will fail", "group")


@pytest.mark.parametrize("inside, title", [
    ("Saturday Night Live", True),
    ("Make Your Kid a Millionaire,", True),
    ("Orange is the New Black", True),
    ("We Will Not Back Down.", False),  # a sentence, even in capitals, can be said
    ("weak", False),
    ("We have conveyed our concern", False),
    ("Evil Empire", True),
])
def test_short_title_case_quotation_is_a_title(inside, title):
    from quotes.extraction.direct import looks_like_title

    assert looks_like_title(inside) is title


@pytest.mark.parametrize("inside, before, title", [
    ("Morning Joe.", "on MSNBC's “", True),   # the sentence's period sits inside the marks
    ("Today", "NBC’s “", True),
    ("We Will Not Back Down.", "he said, “", False),
    ("Thank you.", "on Monday's “", False),
])
def test_programme_names_after_a_possessive_or_preposition(inside, before, title):
    from quotes.extraction.direct import looks_like_title

    assert looks_like_title(inside, before) is title


def test_known_as_a_nickname_is_not_a_statement(extract):
    text = "The hacker, known as “Guccifer,” was arrested."
    rows = """
The the DET 2 det
hacker hacker NOUN 11 nsubj:pass
, , PUNCT 4 punct
known know VERB 2 acl
as as ADP 7 case
“ “ PUNCT 7 punct
Guccifer Guccifer PROPN 4 obl
, , PUNCT 7 punct
” ” PUNCT 7 punct
was be AUX 11 aux:pass
arrested arrest VERB 0 root
. . PUNCT 11 punct
"""
    assert extract(text, rows) == []


SO_CALLED = """
The the DET 6 det
so so ADV 3 advmod
called call VERB 6 amod
“ “ PUNCT 6 punct
emergency emergency NOUN 6 compound
levy levy NOUN 9 nsubj:pass
” ” PUNCT 6 punct
was be AUX 9 aux:pass
dropped drop VERB 0 root
after after ADP 11 case
protests protest NOUN 9 obl
by by ADP 14 case
local local ADJ 14 amod
farmers farmer NOUN 11 nmod
and and CCONJ 16 cc
traders trader NOUN 14 conj
. . PUNCT 9 punct
"""


def test_a_so_called_name_is_not_a_statement(extract):
    text = "The so-called “emergency levy” was dropped after protests by local farmers and traders."
    assert extract(text, SO_CALLED) == []
