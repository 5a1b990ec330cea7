"""Every rule table walked at once: names unique across tables, every label known, and each row's example
(parsed by hand here, so a model's mistakes never enter) fires exactly that row: the rows before it find
nothing and it finds something. Adding a rule = one row + its example here."""

import pytest

from handparse import doc_from_rows
from quotes.extraction import rules
from quotes.extraction.attribute import Context
from quotes.extraction.direct import DIRECT_RULES, QuoteSite, first_direct_rule
from quotes.extraction.marks import quote_spans
from quotes.extraction.mentions import mention_at
from quotes.extraction.speaker_rules import SPEAKER_RULES, speaker_of_cue
from quotes.extraction.speakers import DESCRIBE_RULES, RESOLVE_RULES, ArticleSpeakers, describe, describe_rule

TABLES = {
    "speaker": (SPEAKER_RULES, rules.SPEAKER_LABELS),
    "describe": (DESCRIBE_RULES, rules.DESCRIPTIONS),
    "resolve": (RESOLVE_RULES, rules.RESOLUTIONS),
    "direct": (DIRECT_RULES, rules.FINDERS),
}
ROWS = [(table, rule) for table, (rows, _) in TABLES.items() for rule in rows]
IDS = [f"{table}:{rule.name}" for table, rule in ROWS]

WE_WON = """
“ “ PUNCT 3 punct
We we PRON 3 nsubj
won win VERB 0 root
, , PUNCT 3 punct
” ” PUNCT 3 punct
"""
IT_WAS_OVER = """
it it PRON {over} nsubj
was be AUX {over} cop
over over ADV {said} ccomp
. . PUNCT {said} punct
"""


def said_it_was_over(subject_rows: str, said: int) -> str:
    """'<subject> said it was over.' with the subject's rows given and 'said' at index `said`."""
    rows = subject_rows.strip() + f"\nsaid say VERB 0 root\n"
    return rows + IT_WAS_OVER.format(over=said + 3, said=said).strip()


# row name -> (the word or words the row is asked about, in text order, sentence blocks of the row's example)
PARSES = {
    # --- speaker rules: the focus is the cue
    "for-saying": ("saying", ["""
Democrats Democrat PROPN 2 nsubj
criticized criticize VERB 0 root
Trump Trump PROPN 2 obj
for for SCONJ 5 mark
saying say VERB 2 advcl
the the DET 7 det
vote vote NOUN 9 nsubj
was be AUX 9 cop
rigged rigged ADJ 5 ccomp
. . PUNCT 2 punct
"""]),
    "with-subject": ("stating", ["""
Critics critic NOUN 2 nsubj
spoke speak VERB 0 root
, , PUNCT 6 punct
with with ADP 5 case
Ruiz Ruiz PROPN 6 obl
stating state VERB 2 advcl
the the DET 8 det
plan plan NOUN 9 nsubj
failed fail VERB 6 ccomp
. . PUNCT 2 punct
"""]),
    "participle-bearer": ("yelling", ["""
Trump Trump PROPN 7 nsubj
yelling yell VERB 1 acl
“ “ PUNCT 4 punct
stop stop VERB 2 ccomp
now now ADV 4 advmod
” ” PUNCT 4 punct
scared scare VERB 0 root
aides aide NOUN 7 obj
. . PUNCT 7 punct
"""]),
    "object-control": ("fear", ["""
The the DET 2 det
call call NOUN 3 nsubj
led lead VERB 0 root
the the DET 5 det
journalist journalist NOUN 3 obj
to to PART 7 mark
fear fear VERB 3 xcomp
“ “ PUNCT 10 punct
the the DET 10 det
worst worst ADJ 7 obj
. . PUNCT 3 punct
” ” PUNCT 3 punct
"""]),
    "coordinated-joined": ("insists", ["""
She she PRON 2 nsubj
says say VERB 0 root
people people NOUN 6 nsubj
may may AUX 6 aux
not not PART 6 advmod
like like VERB 2 ccomp
it it PRON 6 obj
, , PUNCT 10 punct
but but CCONJ 10 cc
insists insist VERB 6 conj
the the DET 12 det
plan plan NOUN 13 nsubj
works work VERB 10 ccomp
. . PUNCT 2 punct
"""]),
    "set-off-before-conjunct": ("said", ["""
Facebook Facebook PROPN 2 nsubj
created create VERB 0 root
the the DET 4 det
tool tool NOUN 2 obj
, , PUNCT 7 punct
a a DET 7 det
spokeswoman spokeswoman NOUN 4 appos
, , PUNCT 9 punct
Anna Anna PROPN 7 appos
White White PROPN 9 flat
, , PUNCT 12 punct
said say VERB 2 conj
on on ADP 14 case
Saturday Saturday PROPN 12 obl
. . PUNCT 2 punct
"""]),
    "relative": ("said", ["""
It it PRON 3 nsubj
was be AUX 3 cop
Sanders Sanders PROPN 0 root
, , PUNCT 6 punct
who who PRON 6 nsubj
said say VERB 3 acl:relcl
the the DET 8 det
race race NOUN 10 nsubj
was be AUX 10 cop
over over ADV 6 ccomp
. . PUNCT 3 punct
"""]),
    "name-before-role": ("said", [WE_WON.replace("won win VERB 0 root", "won win VERB 6 ccomp") + """
said say VERB 0 root
David David PROPN 6 obj
Mora Mora PROPN 7 flat
, , PUNCT 11 punct
the the DET 11 det
architect architect NOUN 6 nsubj
of of ADP 14 case
the the DET 14 det
campaign campaign NOUN 11 nmod
. . PUNCT 6 punct
"""]),
    "set-off-speaker": ("said", ["""
That that PRON 5 nsubj
, , PUNCT 4 punct
the the DET 4 det
commission commission NOUN 5 obl
said say VERB 0 root
, , PUNCT 8 punct
is be AUX 8 cop
over over ADV 5 ccomp
. . PUNCT 5 punct
"""]),
    "subject-via-as": ("saying", ["""
Smith Smith PROPN 2 nsubj
went go VERB 0 root
on on ADP 4 case
record record NOUN 2 obl
as as SCONJ 6 mark
saying say VERB 2 advcl
the the DET 8 det
plan plan NOUN 9 nsubj
failed fail VERB 6 ccomp
. . PUNCT 2 punct
"""]),
    "subject-after-cue": ("said", [WE_WON.replace("won win VERB 0 root", "won win VERB 6 ccomp") + """
said say VERB 0 root
Ms Ms PROPN 8 compound
Ruiz Ruiz PROPN 6 nsubj
. . PUNCT 6 punct
"""]),
    "reduced-relative-subject": ("say", ["""
Democrats Democrat NOUN 2 nsubj
pushing push VERB 5 advcl
the the DET 4 det
bill bill NOUN 2 obj
say say VERB 0 root
it it PRON 8 nsubj
will will AUX 8 aux
pass pass VERB 5 ccomp
. . PUNCT 5 punct
"""]),
    "subject": ("said", ["""
Ruiz Ruiz PROPN 2 nsubj
said say VERB 0 root
the the DET 4 det
plan plan NOUN 5 nsubj
failed fail VERB 2 ccomp
. . PUNCT 2 punct
"""]),
    "passive-subject-via-as": ("saying", ["""
Smith Smith PROPN 3 nsubj:pass
was be AUX 3 aux:pass
quoted quote VERB 0 root
as as SCONJ 5 mark
saying say VERB 3 advcl
the the DET 7 det
plan plan NOUN 8 nsubj
failed fail VERB 5 ccomp
. . PUNCT 3 punct
"""]),
    "agent": ("criticized", ["""
The the DET 2 det
plan plan NOUN 4 nsubj:pass
was be AUX 4 aux:pass
criticized criticize VERB 0 root
by by ADP 6 case
Ruiz Ruiz PROPN 4 obl:agent
. . PUNCT 4 punct
"""]),
    "dependent": ("said", [WE_WON.replace("won win VERB 0 root", "won win VERB 6 ccomp") + """
said say VERB 0 root
Ruiz Ruiz PROPN 6 obj
. . PUNCT 6 punct
"""]),
    "counted": ("say", ["""
At at ADP 3 case
least least ADJ 3 advmod
half half NOUN 6 obl
of of ADP 5 case
voters voter NOUN 3 nmod
say say VERB 0 root
the the DET 8 det
plan plan NOUN 9 nsubj
failed fail VERB 6 ccomp
. . PUNCT 6 punct
"""]),
    "quantifier-before": ("said", ["""
Most most ADV 2 advmod
said say VERB 0 root
they they PRON 7 nsubj
were be AUX 7 cop
“ “ PUNCT 7 punct
very very ADV 7 advmod
worried worried ADJ 2 ccomp
. . PUNCT 2 punct
” ” PUNCT 2 punct
"""]),
    "name-before": ("said", [WE_WON + """
Smith Smith PROPN 3 dep
said say VERB 3 parataxis
. . PUNCT 3 punct
"""]),
    "capitalised-before": ("said", [WE_WON + """
Zahed Zahed NOUN 3 dep
said say VERB 3 parataxis
. . PUNCT 3 punct
"""]),
    "name-after": ("said", [WE_WON + """
said say VERB 3 parataxis
Smith Smith PROPN 3 dep
. . PUNCT 3 punct
"""]),
    "capitalised-after": ("said", [WE_WON + """
said say VERB 3 parataxis
Zahed Zahed NOUN 3 dep
. . PUNCT 3 punct
"""]),
    "phrase-after": ("said", ["""
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
"""]),
    "aside-before": ("said", [WE_WON + """
former former ADJ 9 amod
Sen. Sen. PROPN 9 compound
Evan Evan PROPN 9 compound
Bayh Bayh PROPN 3 dep
, , PUNCT 13 punct
a a DET 13 det
moderate moderate ADJ 13 amod
Democrat Democrat PROPN 9 appos
, , PUNCT 9 punct
said say VERB 3 parataxis
. . PUNCT 3 punct
"""]),
    "phrase-before": ("said", ["""
A a DET 4 det
White White PROPN 3 compound
House House PROPN 4 compound
official official NOUN 5 dep
said say VERB 0 root
. . PUNCT 5 punct
"""]),
    "noun-after-quote": ("write", [WE_WON + """
the the DET 7 det
senators senator NOUN 3 dep
write write VERB 3 parataxis
. . PUNCT 3 punct
"""]),
    "participle-clause": ("saying", ["""
She she PRON 2 nsubj
responded respond VERB 0 root
to to ADP 5 case
his his PRON 5 nmod:poss
messages message NOUN 2 obl
by by SCONJ 7 mark
saying say VERB 5 acl
, , PUNCT 10 punct
“ “ PUNCT 10 punct
No no INTJ 7 ccomp
. . PUNCT 10 punct
” ” PUNCT 10 punct
"""]),
    "coordinated-after-and": ("added", ["""
Smith Smith PROPN 2 nsubj
said say VERB 0 root
it it PRON 6 nsubj
was be AUX 6 cop
too too ADV 6 advmod
early early ADJ 2 ccomp
and and CCONJ 6 cc
added add VERB 6 parataxis
, , PUNCT 13 punct
“ “ PUNCT 13 punct
We we PRON 13 nsubj
will will AUX 13 aux
see see VERB 8 ccomp
. . PUNCT 13 punct
” ” PUNCT 13 punct
"""]),
    # --- what a mention says on its own: the focus is the mention's head
    "pronoun": ("He", [said_it_was_over("He he PRON 2 nsubj", 2)]),
    "title-cut-off": ("Rep.", ["""
“ “ PUNCT 4 punct
It it PRON 4 nsubj
was be AUX 4 cop
over over ADV 7 ccomp
, , PUNCT 4 punct
” ” PUNCT 4 punct
said say VERB 0 root
Rep. Rep. PROPN 7 nsubj
"""]),
    "quantifier": ("Most", [said_it_was_over("Most most PRON 2 nsubj", 2)]),
    "named-in-apposition": ("Secretary", [said_it_was_over("""
The the DET 3 det
Environment Environment PROPN 3 compound
Secretary secretary NOUN 8 nsubj
, , PUNCT 5 punct
Thérèse Thérèse PROPN 3 appos
Coffey Coffey PROPN 5 flat
, , PUNCT 5 punct
""", 8)]),
    "titled-name-after": ("Acme", [said_it_was_over("""
Acme Acme PROPN 5 nsubj
spokesman spokesman NOUN 1 appos
Ana Ana PROPN 2 flat
Ruiz Ruiz PROPN 3 flat
""", 5)]),
    "coordinated-names": ("Ruiz", [said_it_was_over("""
Ana Ana PROPN 2 compound
Ruiz Ruiz PROPN 6 nsubj
and and CCONJ 5 cc
Tom Tom PROPN 5 compound
Berg Berg PROPN 2 conj
""", 6)]),
    "quantified-group": ("Democrats", [said_it_was_over("""
Many many ADJ 2 amod
Democrats Democrat PROPN 3 nsubj Number=Plur
""", 3)]),
    "proper-head": ("Ruiz", [said_it_was_over("""
Ana Ana PROPN 2 compound
Ruiz Ruiz PROPN 3 nsubj
""", 3)]),
    "person-after-title-of": ("Governor", [said_it_was_over("""
Governor Governor PROPN 6 nsubj
of of ADP 5 case
Texas Texas PROPN 5 compound
Ana Ana PROPN 5 compound
Ruiz Ruiz PROPN 1 nmod
""", 6)]),
    "title-last": ("CEO", [said_it_was_over("""
The the DET 3 det
Acme Acme PROPN 3 compound
CEO CEO PROPN 4 nsubj
""", 4)]),
    "person-after-body-title": ("Harbor", [said_it_was_over("""
Harbor Harbor PROPN 8 nsubj
City City PROPN 1 flat
Student Student PROPN 1 flat
Union Union PROPN 1 flat
president president NOUN 1 nmod
Ana Ana PROPN 5 flat
Ruiz Ruiz PROPN 6 flat
""", 8)]),
    "honorific-head": ("Ms.", [said_it_was_over("""
Ms. Ms. NOUN 3 nsubj
Sherry Sherry PROPN 1 flat
""", 3)]),
    "document-source": ("report", [said_it_was_over("""
A a DET 2 det
report report NOUN 6 nsubj
by by ADP 5 case
Acme Acme PROPN 5 compound
Research Research PROPN 2 nmod
""", 6)]),
    "surname-tagged-plural": ("Wilkins", [said_it_was_over("Wilkins Wilkins NOUN 2 nsubj Number=Plur", 2), """
Ana Ana PROPN 2 nsubj
Wilkins Wilkins PROPN 1 flat
left leave VERB 0 root
. . PUNCT 3 punct
"""]),
    "plural-noun": ("allies", [said_it_was_over("""
Some some DET 3 det
Clinton Clinton PROPN 3 compound
allies ally NOUN 4 nsubj Number=Plur
""", 4)]),
    "name-in-description": ("spokesman", [said_it_was_over("""
UN UN PROPN 2 compound
spokesman spokesman NOUN 5 nsubj
Stephane Stephane PROPN 2 flat
Dujarric Dujarric PROPN 3 flat
""", 5)]),
    "description": ("spokesman", [said_it_was_over("""
A a DET 4 det
White White PROPN 3 compound
House House PROPN 4 compound
spokesman spokesman NOUN 5 nsubj
""", 5)]),
    # --- resolution in the article: the focus is every mention's head, the last one is asked about
    "antecedent": (("Ruiz", "She"), ["""
Ana Ana PROPN 2 compound
Ruiz Ruiz PROPN 3 nsubj
spoke speak VERB 0 root
first first ADV 3 advmod
. . PUNCT 3 punct
""", said_it_was_over("She she PRON 2 nsubj", 2)]),
    "full-name": (("Ruiz", "Ruiz"), ["""
Ana Ana PROPN 2 compound
Ruiz Ruiz PROPN 3 nsubj
spoke speak VERB 0 root
first first ADV 3 advmod
. . PUNCT 3 punct
""", said_it_was_over("Ruiz Ruiz PROPN 2 nsubj", 2)]),
    "company-just-named": (("Acme", "company"), ["""
Acme Acme PROPN 2 nsubj
said say VERB 0 root
it it PRON 5 nsubj
had have AUX 5 aux
won win VERB 2 ccomp
. . PUNCT 2 punct
""", said_it_was_over("The the DET 2 det\ncompany company NOUN 3 nsubj", 3)]),
    "organisation-short-form": (("Church", "Church"), ["""
The the DET 2 det
Church Church PROPN 5 nsubj @B-ORG
of of ADP 4 case @I-ORG
Scientology Scientology PROPN 2 nmod @E-ORG
spoke speak VERB 0 root
first first ADV 5 advmod
. . PUNCT 5 punct
""", said_it_was_over("The the DET 2 det\nChurch Church PROPN 3 nsubj @S-ORG", 3)]),
    "one-word-organisation": (("NATO",), [said_it_was_over("NATO NATO PROPN 2 nsubj", 2)]),
    "spelled-out": (("KCNA",), ["", said_it_was_over("KCNA KCNA PROPN 2 nsubj", 2)]),
    "named-holder": (("Ruiz", "senator"), ["""
Sen. Sen. PROPN 3 compound
Ana Ana PROPN 3 compound
Ruiz Ruiz PROPN 4 nsubj
spoke speak VERB 0 root
first first ADV 4 advmod
. . PUNCT 4 punct
""", said_it_was_over("The the DET 2 det\nsenator senator NOUN 3 nsubj", 3)]),
    "party-or-age": (("Ruiz", "Republican"), ["""
Sen. Sen. PROPN 3 compound
Ana Ana PROPN 3 compound
Ruiz Ruiz PROPN 4 nsubj
spoke speak VERB 0 root
first first ADV 4 advmod
. . PUNCT 4 punct
""", said_it_was_over("The the DET 2 det\nRepublican republican NOUN 3 nsubj", 3)]),
    # 'Ana' hung on the cue apart from 'Ruiz', and the NER's person only 'Ruiz' (as the models read 'As
    # coauthor Colette Heald told')
    "written-in-full": (("Ruiz",), ["""
As as SCONJ 4 mark
Ana Ana PROPN 4 vocative
Ruiz Ruiz PROPN 4 nsubj @S-PER
said say VERB 8 advcl
, , PUNCT 8 punct
it it PRON 8 nsubj
was be AUX 8 cop
over over ADV 0 root
. . PUNCT 8 punct
"""]),
    "legislator": (("Ruiz", "lawmaker"), ["""
Rep. Rep. PROPN 3 compound
Ana Ana PROPN 3 compound
Ruiz Ruiz PROPN 4 nsubj
spoke speak VERB 0 root
first first ADV 4 advmod
. . PUNCT 4 punct
""", said_it_was_over("The the DET 2 det\nlawmaker lawmaker NOUN 3 nsubj", 3)]),
    # --- direct quotes: the row is asked about the last quote of the text
    "cue-in-sentence": (None, ["""
“ “ PUNCT 3 punct
We we PRON 3 nsubj
have have VERB 0 root
no no DET 5 det
plan plan NOUN 3 obj
at at ADP 7 case
all all PRON 3 obl
, , PUNCT 3 punct
” ” PUNCT 3 punct
Smith Smith PROPN 11 nsubj
said say VERB 3 parataxis
. . PUNCT 3 punct
"""]),
    "according-in-sentence": (None, ["""
According accord VERB 3 case
to to ADP 1 fixed
Smith Smith PROPN 7 obl
, , PUNCT 7 punct
“ “ PUNCT 7 punct
we we PRON 7 nsubj
have have VERB 0 root
no no DET 9 det
plan plan NOUN 7 obj
at at ADP 11 case
all all PRON 7 obl
. . PUNCT 7 punct
” ” PUNCT 7 punct
"""]),
    "in-words": (None, ["""
In in ADP 3 case
the the DET 3 det
words word NOUN 10 obl
of of ADP 6 case
one one NUM 6 nummod
aide aide NOUN 3 nmod
, , PUNCT 10 punct
“ “ PUNCT 10 punct
we we PRON 10 nsubj
have have VERB 0 root
no no DET 12 det
plan plan NOUN 10 obj
at at ADP 14 case
all all PRON 10 obl
. . PUNCT 10 punct
” ” PUNCT 10 punct
"""]),
    "dash": (None, ["""
“ “ PUNCT 3 punct
We we PRON 3 nsubj
have have VERB 0 root
no no DET 5 det
plan plan NOUN 3 obj
at at ADP 7 case
all all PRON 3 obl
. . PUNCT 3 punct
” ” PUNCT 3 punct
— — PUNCT 12 punct
Commissioner Commissioner PROPN 12 compound
Smith Smith PROPN 3 parataxis
"""]),
}
NO_PLAN = """
“ “ PUNCT 3 punct
We we PRON 3 nsubj
have have VERB 0 root
no no DET 5 det
plan plan NOUN 3 obj
at at ADP 7 case
all all PRON 3 obl
. . PUNCT 3 punct
” ” PUNCT 3 punct
"""
NAME_LINE = NO_PLAN.strip().replace(". . PUNCT 3 punct", ", , PUNCT 3 punct") + """
Ana Ana PROPN 11 compound
Ruiz Ruiz PROPN 3 parataxis
, , PUNCT 13 punct
head head NOUN 11 appos
of of ADP 15 case
Acme Acme PROPN 13 nmod
"""
PARSES.update({
    "name-line": (None, [NAME_LINE]),
    "colon": (None, ["""
Smith Smith PROPN 2 nsubj
told tell VERB 0 root
reporters reporter NOUN 2 obj
: : PUNCT 2 punct
""", NO_PLAN]),
    "next-sentence": (None, [NO_PLAN, """
Smith Smith PROPN 2 nsubj
said say VERB 0 root
so so ADV 2 advmod
. . PUNCT 2 punct
"""]),
    "previous-sentence": (None, ["""
Smith Smith PROPN 2 nsubj
continued continue VERB 0 root
his his PRON 4 nmod:poss
remarks remark NOUN 2 obj
. . PUNCT 2 punct
""", NO_PLAN]),
    "floating": (None, [WE_WON + """
Smith Smith PROPN 7 nsubj
said say VERB 3 parataxis
. . PUNCT 3 punct
""", NO_PLAN]),
    "no-cue": (None, [NO_PLAN.replace(". . PUNCT 3 punct", ", , PUNCT 3 punct\nnone none PRON 3 appos\n. . PUNCT 3 punct")
                      .replace("” ” PUNCT 3 punct", "” ” PUNCT 3 punct")]),
})


def _words(doc, forms):
    """(sentence index, word) of each form in turn, searching on from the last one found."""
    found, position = [], (0, 0)
    for form in forms:
        for index, sentence in enumerate(doc.sentences):
            for word in sentence.words:
                if (index, word.id) > position and word.text == form:
                    found.append((index, word))
                    position = (index, word.id)
                    break
            else:
                continue
            break
        else:
            raise AssertionError(f"no {form!r} in the example")
    return found


def _context(text, blocks):
    """A row may end in '@TAG' (a BIOES NER tag, 'S-PER'); a sentence with one is tagged, 'O' elsewhere."""
    rows = [[line for line in block.splitlines() if line.strip()] for block in blocks]
    tags = [[row.partition("@")[2] or "O" for row in block] for block in rows]
    doc = doc_from_rows(text, ["\n".join(row.partition("@")[0].rstrip() for row in block) for block in rows])
    for sentence, sentence_tags in zip(doc.sentences, tags):
        if set(sentence_tags) != {"O"}:
            for token, tag in zip(sentence.tokens, sentence_tags):
                token.ner = tag
    return Context(doc, text, quote_spans(text), include_beliefs=True)


def _speaker_rule(text, blocks, focus):
    ctx = _context(text, blocks)
    [(index, cue)] = _words(ctx.doc, [focus])
    hit = speaker_of_cue(ctx, index, cue)
    return None if hit is None else (hit.shared_by or hit.rule).name


def _describe_rule(text, blocks, focus):
    ctx = _context(text, blocks)
    [(index, head)] = _words(ctx.doc, [focus])
    return describe_rule(mention_at(ctx, index, head), text)[0].name


def _resolve_rule(text, blocks, focus):
    ctx = _context(text, blocks)
    mentions = [mention_at(ctx, index, head) for index, head in _words(ctx.doc, focus)]
    article = ArticleSpeakers(text)
    for mention in mentions[:-1]:
        article.resolve(mention)
    rule, _ = article.resolve_rule(mentions[-1], describe(mentions[-1], text))
    return None if rule is None else rule.name


def _direct_rule(text, blocks, focus):
    from quotes.extraction.direct import direct_quote

    ctx = _context(text, blocks)
    previous = None
    for quote in ctx.quotes[:-1]:
        previous = direct_quote(ctx, quote, previous) or previous
    found = first_direct_rule(QuoteSite(ctx, ctx.quotes[-1], previous))
    return None if found is None else found[0].name


FIRED_BY = {"speaker": _speaker_rule, "describe": _describe_rule, "resolve": _resolve_rule, "direct": _direct_rule}


def test_rule_names_are_unique_across_tables():
    names = [rule.name for _, rule in ROWS]
    assert len(names) == len(set(names))


def test_every_row_has_a_hand_parsed_example():
    assert sorted(PARSES) == sorted(rule.name for _, rule in ROWS)


@pytest.mark.parametrize("table,rule", ROWS, ids=IDS)
def test_each_row_has_a_known_label_and_its_example_fires_exactly_it(table, rule):
    assert rule.label in TABLES[table][1]
    focus, blocks = PARSES[rule.name]
    assert FIRED_BY[table](rule.example, blocks, focus) == rule.name


def test_a_row_switched_off_gives_way_to_the_next():
    focus, blocks = PARSES["subject"]
    example = next(rule.example for rule in SPEAKER_RULES if rule.name == "subject")
    with rules.switched_off({"subject"}):
        assert _speaker_rule(example, blocks, focus) == "dependent"  # a name the parse hung on the cue
        with rules.switched_off({"dependent"}):
            assert _speaker_rule(example, blocks, focus) == "name-before"
    assert _speaker_rule(example, blocks, focus) == "subject"
