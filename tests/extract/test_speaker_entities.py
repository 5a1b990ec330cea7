"""Speaker kinds and name boundaries from NER tags on hand-built parses, and the word-list rules that decide
when a sentence carries no tags (no NER model, or a parse made by hand)."""

import pytest

from handparse import doc_from_rows
from quotes.extraction.extract import extract_from_doc
from test_speakers import ACME_WON


def _extract(text, *blocks, tags=None):
    """Records of `text`; `tags` holds one list of BIOES tags per block (None: the sentence is untagged)."""
    doc = doc_from_rows(text, list(blocks))
    for sentence, sentence_tags in zip(doc.sentences, tags or []):
        if sentence_tags is not None:
            assert len(sentence_tags) == len(sentence.tokens)
            for token, tag in zip(sentence.tokens, sentence_tags):
                token.ner = tag
    return extract_from_doc(doc, text, source="t")


def _said_it_ended(subject_rows: str, said_id: int) -> str:
    """Rows for '<subject> said it ended.', 'said' being word `said_id`."""
    return subject_rows + f"\nsaid say VERB 0 root\nit it PRON {said_id + 2} nsubj\nended end VERB {said_id} ccomp\n" \
        f". . PUNCT {said_id} punct"


THE_COMPANY_SAID_IT_ENDED = _said_it_ended("The the DET 2 det\ncompany company NOUN 3 nsubj", 3)


def _said(subject_rows: str) -> str:
    """Rows for '<subject> said they won.' with the subject's last row as its head (nsubj of 'said')."""
    subject = [row.split() for row in subject_rows.strip().splitlines()]
    cue = len(subject) + 1
    rows = []
    for index, (form, lemma, upos, head, deprel) in enumerate(subject, start=1):
        if deprel == "nsubj":
            head = str(cue)
        rows.append(" ".join([form, lemma, upos, head, deprel]))
    rows += ["said say VERB 0 root", f"they they PRON {cue + 2} nsubj", f"won win VERB {cue} ccomp",
             f". . PUNCT {cue} punct"]
    return "\n".join(rows)


def _speaker(text, subject_rows, subject_tags=None):
    [record] = _extract(text, _said(subject_rows),
                        tags=[subject_tags + ["O"] * 4] if subject_tags is not None else None)
    return record.speaker, record.speaker_kind


RADIO = """
Lindqvist Lindqvist PROPN 2 compound
Radio Radio PROPN 0 nsubj
"""

THE_LEDGER = """
The the DET 3 det
Harwick Harwick PROPN 3 compound
Ledger Ledger PROPN 0 nsubj
"""


def test_an_organisation_the_ner_finds_is_no_person():
    text = "Lindqvist Radio said they won."
    assert _speaker(text, RADIO, ["B-ORG", "E-ORG"]) == ("Lindqvist Radio", "organization")
    text = "The Harwick Ledger said they won."
    assert _speaker(text, THE_LEDGER, ["O", "B-ORG", "E-ORG"]) == ("Harwick Ledger", "organization")


def test_without_tags_two_capitalised_words_stay_a_person():
    assert _speaker("Lindqvist Radio said they won.", RADIO) == ("Lindqvist Radio", "person")


def test_a_country_speaks_for_its_government():
    rows = "Norway Norway PROPN 0 nsubj"
    assert _speaker("Norway said they won.", rows, ["S-LOC"]) == ("Norway", "organization")
    assert _speaker("Norway said they won.", rows) == ("Norway", "unknown")


@pytest.mark.parametrize("tags", [["B-ORG", "E-ORG"], ["B-LOC", "E-LOC"]])
def test_a_person_the_ner_misreads_as_an_institution_stays_a_person(tags):
    """No article, no common or organisation word: nothing agrees with the NER."""
    rows = "Faiza Faiza PROPN 0 nsubj\nOkoro Okoro PROPN 1 flat"
    assert _speaker("Faiza Okoro said they won.", rows, tags) == ("Faiza Okoro", "person")


def test_a_title_outside_the_organisation_makes_a_person():
    rows = """
Harwick Harwick PROPN 3 compound
Radio Radio PROPN 3 compound
Director director PROPN 0 nsubj
"""
    speaker, kind = _speaker("Harwick Radio Director said they won.", rows, ["B-ORG", "E-ORG", "O"])
    assert kind == "person"


def test_people_the_ner_groups_are_a_group():
    rows = "Norwegians Norwegian PROPN 0 nsubj"
    assert _speaker("Norwegians said they won.", rows, ["S-GRP"]) == ("Norwegians", "group")


def test_a_quantified_plural_name_is_a_group_whatever_the_ner_says():
    text = "Many Fenwickians said they won."
    doc = doc_from_rows(text, [_said("Many many ADJ 2 amod\nFenwickians Fenwickian PROPN 0 nsubj")])
    doc.sentences[0].words[1].feats = "Number=Plur"
    for token, tag in zip(doc.sentences[0].tokens, ["O", "S-PER", "O", "O", "O", "O"]):
        token.ner = tag
    [record] = extract_from_doc(doc, text, source="t")
    assert (record.speaker, record.speaker_kind) == ("Many Fenwickians", "group")


def test_a_one_word_place_that_is_a_surname_named_before_is_that_person():
    text = "Tamsin Jordan said they won. Jordan said they won."
    first = _said("Tamsin Tamsin PROPN 0 nsubj\nJordan Jordan PROPN 1 flat")
    second = _said("Jordan Jordan PROPN 0 nsubj")
    records = _extract(text, first, second, tags=[None, ["S-LOC", "O", "O", "O", "O"]])
    assert [(r.speaker, r.speaker_kind) for r in records] == [("Tamsin Jordan", "person")] * 2


OPENER = """
Meanwhile Meanwhile PROPN 3 compound
Ines Ines PROPN 3 compound
Varga Varga PROPN 0 nsubj
"""


def test_a_sentence_opening_word_outside_the_person_is_no_part_of_the_name():
    text = "Meanwhile Ines Varga said they won."
    [record] = _extract(text, _said(OPENER), tags=[["O", "B-PER", "E-PER"] + ["O"] * 4])
    assert (record.speaker, record.role, record.speaker_kind) == ("Ines Varga", None, "person")


def test_without_tags_the_opening_word_stays():
    [record] = _extract("Meanwhile Ines Varga said they won.", _said(OPENER))
    assert record.speaker == "Meanwhile Ines Varga"


HYPHENATED = """
Kassym Kassym PROPN 4 compound
- - PUNCT 1 punct
Jomart Jomart PROPN 4 compound
Tokayev Tokayev PROPN 0 nsubj
"""


def test_the_ner_cutting_a_hyphenated_name_leaves_it_whole():
    text = "Kassym-Jomart Tokayev said they won."
    [record] = _extract(text, _said(HYPHENATED), tags=[["O", "O", "B-PER", "E-PER"] + ["O"] * 4])
    assert record.speaker == "Kassym-Jomart Tokayev"


def test_the_ner_cutting_a_known_first_name_leaves_it():
    text = "Chris Okafor said they won."
    rows = "Chris Chris PROPN 0 nsubj\nOkafor Okafor PROPN 1 flat"
    assert _speaker(text, rows, ["O", "S-PER"]) == ("Chris Okafor", "person")


SPLIT_BY_THE_PARSE = """
At at ADP 3 case
the the DET 3 det
rally rally NOUN 6 obl
Dana Dana PROPN 6 obl
Okafor Okafor PROPN 6 nsubj
said say VERB 0 root
they they PRON 8 nsubj
won win VERB 6 ccomp
. . PUNCT 6 punct
"""


def test_a_mention_cut_inside_a_person_takes_the_whole_name():
    text = "At the rally Dana Okafor said they won."
    [record] = _extract(text, SPLIT_BY_THE_PARSE, tags=[["O"] * 3 + ["B-PER", "E-PER"] + ["O"] * 4])
    assert (record.mention, record.speaker) == ("Okafor", "Dana Okafor")
    [record] = _extract(text, SPLIT_BY_THE_PARSE)
    assert record.speaker == "Okafor"


SUPPORTERS = """
Supporters supporter NOUN 0 nsubj
of of ADP 4 case
Lena Lena PROPN 1 nmod
Ortiz Ortiz PROPN 3 flat
"""


def test_a_surname_never_resolves_to_a_group_ending_in_it():
    text = "Supporters of Lena Ortiz said they won. Ortiz said they won."
    records = _extract(text, _said(SUPPORTERS), _said("Ortiz Ortiz PROPN 0 nsubj"))
    assert [(r.speaker, r.speaker_kind) for r in records] == [
        ("Supporters of Lena Ortiz", "group"), ("Lena Ortiz", "person")]


GLUED = """
President president PROPN 2 compound
Park Park PROPN 0 nsubj
Geun Geun PROPN 2 flat
- - PUNCT 5 punct
hye hye PROPN 2 flat
"""


def test_a_lower_case_part_glued_by_a_hyphen_stays_in_the_name():
    [record] = _extract("President Park Geun-hye said they won.", _said(GLUED))
    assert (record.speaker, record.role) == ("Park Geun-hye", "President")


CUT_BY_THE_PARSE = """
President president PROPN 2 compound
Park Park PROPN 6 nsubj
Geun Geun PROPN 5 compound
- - PUNCT 3 punct
hye hye PROPN 6 dep
said say VERB 0 root
they they PRON 8 nsubj
won win VERB 6 ccomp
. . PUNCT 6 punct
"""


def test_a_person_the_parse_cut_takes_the_ner_name_and_its_glued_part():
    text = "President Park Geun-hye said they won."
    [record] = _extract(text, CUT_BY_THE_PARSE, tags=[["O", "B-PER", "E-PER"] + ["O"] * 6])
    assert (record.mention, record.speaker) == ("President Park", "Park Geun-hye")


def test_an_organisation_the_parse_cut_takes_the_ner_name():
    text = "United Fishers Federation said they won."
    rows = """
United unite VERB 4 csubj
Fishers Fisher PROPN 3 compound
Federation Federation PROPN 4 nsubj
said say VERB 0 root
they they PRON 6 nsubj
won win VERB 4 ccomp
. . PUNCT 4 punct
"""
    [record] = _extract(text, rows, tags=[["B-ORG", "I-ORG", "E-ORG"] + ["O"] * 4])
    assert (record.mention, record.speaker, record.speaker_kind) == (
        "Fishers Federation", "United Fishers Federation", "organization")
    [record] = _extract(text, rows)
    assert record.speaker == "Fishers Federation"


def test_an_organisation_after_a_common_noun_head():
    text = "Forestry and Wildlife Protection said they won."
    rows = """
Forestry forestry NOUN 5 nsubj
and and CCONJ 3 cc
Wildlife Wildlife PROPN 1 conj
Protection Protection PROPN 3 flat
said say VERB 0 root
they they PRON 7 nsubj
won win VERB 5 ccomp
. . PUNCT 5 punct
"""
    [record] = _extract(text, rows, tags=[["O", "O", "B-ORG", "E-ORG"] + ["O"] * 4])
    assert (record.speaker, record.speaker_kind) == ("Forestry and Wildlife Protection", "organization")


WAVED = """
Still still ADV 3 advmod
Okafor Okafor PROPN 3 nsubj
waved wave VERB 0 root
. . PUNCT 3 punct
"""


def test_a_name_found_in_the_text_drops_the_word_before_the_ner_person():
    """'Okafor' alone looks for 'First Okafor' further on and finds 'Still Okafor'."""
    text = "Okafor said they won. Still Okafor waved."
    said = _said("Okafor Okafor PROPN 0 nsubj")
    [record] = _extract(text, said, WAVED, tags=[None, ["O", "S-PER", "O", "O"]])
    assert record.speaker == "Okafor"
    [record] = _extract(text, said, WAVED)
    assert record.speaker == "Still Okafor"


def test_no_given_name_before_an_honorific():
    text = "Mr. Okafor said they won. She backed plan B. Mr. Okafor spoke."
    [record] = _extract(text, _said("Mr. Mr. PROPN 2 compound\nOkafor Okafor PROPN 0 nsubj"))
    assert (record.mention, record.speaker) == ("Mr. Okafor", "Okafor")


def test_an_organisation_word_after_the_head_of_a_name_makes_an_organisation():
    rows = "Harbor Harbor PROPN 0 nsubj\nCorp Corp PROPN 1 flat"
    assert _speaker("Harbor Corp said they won.", rows) == ("Harbor Corp", "organization")


def test_an_apposition_headed_by_an_organisation_word_makes_an_organisation():
    text = "Norlink, the state news agency, said they won."
    rows = """
Norlink Norlink PROPN 8 nsubj
, , PUNCT 6 punct
the the DET 6 det
state state NOUN 6 compound
news news NOUN 6 compound
agency agency NOUN 1 appos
, , PUNCT 6 punct
said say VERB 0 root
they they PRON 10 nsubj
won win VERB 8 ccomp
. . PUNCT 8 punct
"""
    [record] = _extract(text, rows)
    assert (record.speaker, record.speaker_kind) == ("Norlink", "organization")


def test_a_name_in_apposition_the_parse_cut_takes_the_rest_of_its_person_and_the_role_is_the_title():
    """'Okafor' hung on the title as a conjunct: the NER's person is the whole name; the role stops at the name."""
    text = "‘We will not be cowed,’ the Home Secretary, Priya Raman-Okafor, told MPs."
    rows = """
‘ ‘ PUNCT 6 punct
We we PRON 6 nsubj:pass
will will AUX 6 aux
not not PART 6 advmod
be be AUX 6 aux:pass
cowed cow VERB 18 advcl
, , PUNCT 11 punct
’ ’ PUNCT 11 punct
the the DET 11 det
Home Home PROPN 11 compound
Secretary Secretary PROPN 18 nsubj
, , PUNCT 13 punct
Priya Priya PROPN 11 appos
Raman Raman PROPN 13 flat
- - PUNCT 14 punct
Okafor Okafor PROPN 11 conj
, , PUNCT 18 punct
told tell VERB 0 root
MPs MP PROPN 18 obj
. . PUNCT 18 punct
"""
    tags = ["O"] * 12 + ["B-PER", "I-PER", "I-PER", "E-PER", "O", "O", "S-MISC", "O"]
    [record] = _extract(text, rows, tags=[tags])
    assert (record.speaker, record.role, record.speaker_kind) == ("Priya Raman-Okafor", "Home Secretary", "person")


GUTERRES = """
UN UN PROPN 7 nsubj
Secretary Secretary PROPN 6 compound
- - PUNCT 2 punct
General General ADJ 6 amod
António António PROPN 6 compound
Guterres Guterres PROPN 1 appos
said say VERB 0 root
the the DET 9 det
war war NOUN 11 nsubj
must must AUX 11 aux
end end VERB 7 ccomp
. . PUNCT 7 punct
"""


@pytest.mark.parametrize("tags", [None, ["S-ORG", "O", "O", "O", "B-PER", "E-PER"] + ["O"] * 6])
def test_a_title_and_name_the_parse_hung_on_the_employer_name_the_speaker(tags):
    """'UN Secretary-General António Guterres said' parsed as 'UN' with the rest in apposition, no comma
    between: the UN is the employer in the role, not the speaker."""
    text = "UN Secretary-General António Guterres said the war must end."
    [record] = _extract(text, GUTERRES, tags=[tags])
    assert (record.speaker, record.role, record.speaker_kind) == ("António Guterres", "UN Secretary-General", "person")


def test_a_name_word_the_tagger_read_as_a_verb_stays_in_a_person_the_ner_found():
    text = "The minister, Ahmed bin Saeed Al Maktoum, said the fleet would grow."
    rows = """
The the DET 2 det
minister minister NOUN 10 nsubj
, , PUNCT 4 punct
Ahmed Ahmed PROPN 2 appos
bin bin PROPN 4 flat
Saeed Saeed VERB 5 amod
Al Al PROPN 8 compound
Maktoum Maktoum PROPN 6 obj
, , PUNCT 2 punct
said say VERB 0 root
the the DET 12 det
fleet fleet NOUN 14 nsubj
would would AUX 14 aux
grow grow VERB 10 ccomp
. . PUNCT 10 punct
"""
    tagged = ["O", "O", "O", "S-PER", "O", "B-PER", "I-PER", "E-PER"] + ["O"] * 7
    [record] = _extract(text, rows, tags=[tagged])
    assert (record.speaker, record.role) == ("Ahmed bin Saeed Al Maktoum", "minister")
    [untagged] = _extract(text, rows)  # without the NER a verb is no name word
    assert untagged.speaker == "Ahmed"


def test_initials_of_an_organisation_count_only_in_capitals():
    """'UN' is the United Nations; the 'Un' of 'Kim Jong Un' is a name part, whatever org_words.txt holds."""
    kim = "Kim Kim PROPN 0 nsubj\nJong Jong PROPN 1 flat\nUn Un PROPN 1 flat"
    assert _speaker("Kim Jong Un said they won.", kim, ["B-PER", "I-PER", "E-PER"]) == ("Kim Jong Un", "person")
    assert _speaker("Kim Jong Un said they won.", kim) == ("Kim Jong Un", "person")
    assert _speaker("The UN said they won.", "The the DET 2 det\nUN UN PROPN 0 nsubj") == ("UN", "organization")


FACEBOOK = """
Harbour Harbour PROPN 2 nsubj
opened open VERB 0 root
the the DET 4 det
site site NOUN 2 obj
on on ADP 6 case
Friday Friday PROPN 2 obl
, , PUNCT 9 punct
a a DET 9 det
spokeswoman spokeswoman NOUN 6 conj
, , PUNCT 11 punct
Anna Anna PROPN 9 conj
White White PROPN 11 flat
, , PUNCT 11 punct
said say VERB 2 conj
on on ADP 16 case
Saturday Saturday PROPN 14 obl
, , PUNCT 21 punct
and and CCONJ 21 cc
it it PRON 21 nsubj
has have AUX 21 aux
grown grow VERB 14 conj
. . PUNCT 2 punct
"""


def test_a_speaker_set_off_before_a_cue_parsed_as_a_conjunct_speaks_and_is_not_what_was_said():
    """'said' hung on 'opened' as a conjunct, with no subject of its own: the subject of 'opened' did not
    say it; the name set off by commas before the cue did, and what was said stops before her. The clause
    joined by ', and' after the cue goes on with what she said: one statement in two pieces."""
    text = "Harbour opened the site on Friday, a spokeswoman, Anna White, said on Saturday, and it has grown."
    [record] = _extract(text, FACEBOOK, tags=[["S-ORG"] + ["O"] * 9 + ["B-PER", "E-PER"] + ["O"] * 10])
    assert (record.speaker, record.speaker_kind) == ("Anna White", "person")
    assert [text[start:end] for start, end in record.spans] == ["Harbour opened the site on Friday",
                                                                "and it has grown"]


def test_a_person_the_ner_reads_whole_keeps_a_surname_that_is_an_organisation_word():
    rows = "Anna Anna PROPN 0 nsubj\nWhite White PROPN 1 flat"
    assert _speaker("Anna White said they won.", rows, ["B-PER", "E-PER"]) == ("Anna White", "person")
    house = "The the DET 3 det\nWhite White PROPN 3 compound\nHouse House PROPN 0 nsubj"
    assert _speaker("The White House said they won.", house, ["O", "B-ORG", "E-ORG"]) == ("White House", "organization")


def _set_off_rows(subject_rows: str, cue_at: int) -> str:
    """'Harbour opened the site, <set-off rows>, said.' with 'said' a conjunct of 'opened' (word `cue_at`)."""
    head = ["Harbour Harbour PROPN 2 nsubj", "opened open VERB 0 root", "the the DET 4 det", "site site NOUN 2 obj",
            ", , PUNCT 6 punct"]
    return "\n".join(head + [subject_rows.strip(), f", , PUNCT {cue_at} punct", "said say VERB 2 conj",
                             ". . PUNCT 2 punct"])


@pytest.mark.parametrize("text, rows, cue_at, speaker", [
    ("Harbour opened the site, Lael Brainard, a port governor, said.", """
Lael Lael PROPN 2 conj
Brainard Brainard PROPN 6 flat
, , PUNCT 11 punct
a a DET 11 det
port port NOUN 11 compound
governor governor NOUN 6 appos
""", 13, "Lael Brainard"),
    ("Harbour opened the site, Ana Ruiz's campaign manager, Jeff Weaver, said.", """
Ana Ana PROPN 10 nmod:poss
Ruiz Ruiz PROPN 6 flat
's 's PART 6 case
campaign campaign NOUN 10 compound
manager manager NOUN 2 conj
, , PUNCT 12 punct
Jeff Jeff PROPN 10 appos
Weaver Weaver PROPN 12 flat
""", 15, "Jeff Weaver"),
])
def test_the_name_in_a_speaker_phrase_set_off_before_a_conjunct_cue(text, rows, cue_at, speaker):
    [record] = _extract(text, _set_off_rows(rows, cue_at))
    assert record.speaker == speaker
    assert record.text == "Harbour opened the site"


def test_a_place_after_a_place_is_no_speaker_set_off():
    """'… in Lagos, Nigeria, said': 'Nigeria' rounds off the place; the cue's speaker is found elsewhere."""
    text = "Harbour opened the site in Lagos, Nigeria, said."
    rows = """
Harbour Harbour PROPN 2 nsubj
opened open VERB 0 root
the the DET 4 det
site site NOUN 2 obj
in in ADP 6 case
Lagos Lagos PROPN 2 obl
, , PUNCT 8 punct
Nigeria Nigeria PROPN 6 conj
, , PUNCT 10 punct
said say VERB 2 conj
. . PUNCT 2 punct
"""
    assert all(record.speaker != "Nigeria" for record in _extract(text, rows))


def test_person_after_a_body_and_a_lower_case_title():
    # the parse heads the mention with the body's first word; the NER reads the body as an organisation
    text = "University of Texas Arlington Muslim Student Association president Sehar Ruiz said they won."
    rows = """
University University PROPN 1 nsubj
of of ADP 8 case
Texas Texas PROPN 8 compound
Arlington Arlington PROPN 8 compound
Muslim Muslim ADJ 8 amod
Student Student PROPN 8 compound
Association Association PROPN 8 compound
president president NOUN 1 nmod
Sehar Sehar PROPN 8 flat
Ruiz Ruiz PROPN 9 flat
"""
    tags = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "E-ORG", "O", "O", "S-PER"]
    assert _speaker(text, rows, tags) == ("Sehar Ruiz", "person")


def test_a_word_that_opens_names_in_gum_alone_is_not_the_person_named_after_it():
    # 'texas' opens a person in GUM's first-name list; the NER reads a person in each run
    text = "Texas campaign pollster Jason Baselice said they won."
    rows = """
Texas Texas PROPN 3 compound
campaign campaign NOUN 3 compound
pollster pollster NOUN 3 nsubj
Jason Jason PROPN 3 flat
Baselice Baselice PROPN 4 flat
"""
    assert _speaker(text, rows, ["S-PER", "O", "O", "O", "S-PER"]) == ("Jason Baselice", "person")


def test_the_company_in_a_sentence_opening_with_at_and_a_name_is_that_company():
    # 'Acme said …. At Birch Corp., the company said …': Birch Corp., whether the NER reads it or not
    text = "Acme said it had won. At Birch Corp., the company said it ended."
    acme = ACME_WON
    company = """
At at ADP 3 case
Birch Birch PROPN 3 compound
Corp. Corp. PROPN 7 obl
, , PUNCT 3 punct
the the DET 6 det
company company NOUN 7 nsubj
said say VERB 0 root
it it PRON 9 nsubj
ended end VERB 7 ccomp
. . PUNCT 7 punct
"""
    tagged = ["O", "B-ORG", "E-ORG"] + ["O"] * 7
    records = _extract(text, acme, company, tags=[["S-ORG"] + ["O"] * 5, tagged])
    assert (records[-1].speaker, records[-1].speaker_kind) == ("Birch Corp.", "organization")
    untagged = _extract(text, acme, company, tags=[["S-ORG"] + ["O"] * 5, ["O"] * 10])
    assert untagged[-1].speaker == "Birch Corp."


def test_the_company_after_another_company_is_named_stays_unnamed():
    # 'Acme said …. Birch Corp. grew. The company said …': the company may be Birch Corp., not Acme
    text = "Acme said it had won. Birch Corp. grew. The company said it ended."
    birch = "Birch Birch PROPN 2 compound\nCorp. Corp. PROPN 3 nsubj\ngrew grow VERB 0 root\n. . PUNCT 3 punct"
    tags = [["S-ORG"] + ["O"] * 5, ["B-ORG", "E-ORG", "O", "O"], ["O"] * 6]
    records = _extract(text, ACME_WON, birch, THE_COMPANY_SAID_IT_ENDED, tags=tags)
    assert (records[-1].speaker, records[-1].role) == (None, "company")
    untagged = _extract(text, ACME_WON, birch, THE_COMPANY_SAID_IT_ENDED, tags=[tags[0], ["O"] * 4, ["O"] * 6])
    assert untagged[-1].speaker == "Acme"


def test_a_time_word_inside_a_name_stays_in_it():
    # 'Morning' of 'the Harbor Morning Herald' is part of the name, not a time phrase hung on it
    text = "The vote was fair, according to the Harbor Morning Herald."
    rows = """
The the DET 2 det
vote vote NOUN 4 nsubj
was be AUX 4 cop
fair fair ADJ 0 root
, , PUNCT 11 punct
according accord VERB 11 case
to to ADP 6 fixed
the the DET 11 det
Harbor Harbor PROPN 11 compound
Morning Morning PROPN 11 compound
Herald Herald PROPN 4 obl
. . PUNCT 4 punct
"""
    tags = ["O"] * 8 + ["B-ORG", "I-ORG", "E-ORG", "O"]
    [record] = [r for r in _extract(text, rows, tags=[tags]) if r.rule.startswith("according-to")]
    assert record.speaker == "Harbor Morning Herald"


def test_the_company_after_a_part_of_the_same_company_is_named_is_still_that_company():
    # 'Acme Corp said …. Acme Sports grew. The company said …': a part of Acme (same first word), no rival
    text = "Acme Corp said it had won. Acme Sports grew. The company said it ended."
    acme = "Acme Acme PROPN 2 compound\nCorp Corp PROPN 3 nsubj\nsaid say VERB 0 root\nit it PRON 6 nsubj\n" \
        "had have AUX 6 aux\nwon win VERB 3 ccomp\n. . PUNCT 3 punct"
    sports = "Acme Acme PROPN 2 compound\nSports Sports PROPN 3 nsubj\ngrew grow VERB 0 root\n. . PUNCT 3 punct"
    tags = [["B-ORG", "E-ORG"] + ["O"] * 5, ["B-ORG", "E-ORG", "O", "O"], ["O"] * 6]
    records = _extract(text, acme, sports, THE_COMPANY_SAID_IT_ENDED, tags=tags)
    assert [r.speaker for r in records] == ["Acme Corp", "Acme Corp"]


def test_a_company_named_only_as_a_partner_since_leaves_the_company_its_antecedent():
    # 'Acme said …. It partnered with Birch Corp. The company said …': Birch is no subject, so no rival
    text = "Acme said it had won. It partnered with Birch Corp. The company said it ended."
    partnered = "It it PRON 2 nsubj\npartnered partner VERB 0 root\nwith with ADP 5 case\n" \
        "Birch Birch PROPN 5 compound\nCorp. Corp. PROPN 2 obl"
    tags = [["S-ORG"] + ["O"] * 5, ["O", "O", "O", "B-ORG", "E-ORG"], ["O"] * 6]
    records = _extract(text, ACME_WON, partnered, THE_COMPANY_SAID_IT_ENDED, tags=tags)
    assert [r.speaker for r in records] == ["Acme", "Acme"]


def test_the_short_form_of_an_organisation_the_ner_reads_as_a_thing_is_still_the_organisation():
    # 'The Church also claims …' with 'Church' tagged MISC: after 'the', no person; the article's 'Church of …'
    text = "The Church of Scientology spoke first. The Church said it ended."
    first = "The the DET 2 det\nChurch Church PROPN 5 nsubj\nof of ADP 4 case\nScientology Scientology PROPN 2 nmod\n" \
        "spoke speak VERB 0 root\nfirst first ADV 5 advmod\n. . PUNCT 5 punct"
    church = _said_it_ended("The the DET 2 det\nChurch Church PROPN 3 nsubj", 3)
    tags = [["O", "B-ORG", "I-ORG", "E-ORG", "O", "O", "O"], ["O", "S-MISC", "O", "O", "O", "O"]]
    [record] = _extract(text, first, church, tags=tags)
    assert (record.speaker, record.speaker_kind) == ("Church of Scientology", "organization")
