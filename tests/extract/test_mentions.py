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
