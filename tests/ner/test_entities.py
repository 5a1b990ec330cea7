"""quotes.extraction.entities on hand-built documents whose tokens carry NER tags: no model involved."""

from types import SimpleNamespace

import pytest

from handparse import doc_from_rows
from quotes.extraction.entities import (KINDS, Entity, entities, entity_holding, kinds_written, sentence_entities,
                                        speaker_kind)
from quotes.runtime.ner import copy_ner_tags, ner_options, ner_paths
from quotes.runtime.nlp import ModelSource

TEXT = "Entrusting Senator Ana Ruiz, the Harbor Board told Norwegians in Oslo."
ROWS = """
Entrusting entrust VERB 0 root
Senator senator PROPN 3 compound
Ana Ana PROPN 1 obj
Ruiz Ruiz PROPN 3 flat
, , PUNCT 3 punct
the the DET 8 det
Harbor Harbor PROPN 8 compound
Board Board PROPN 9 nsubj
told tell VERB 1 parataxis
Norwegians Norwegian PROPN 9 obj
in in ADP 12 case
Oslo Oslo PROPN 9 obl
. . PUNCT 1 punct
"""
TAGS = ["O", "O", "B-PER", "E-PER", "O", "O", "B-ORG", "E-ORG", "O", "S-GRP", "O", "S-LOC", "O"]


@pytest.fixture
def doc():
    document = doc_from_rows(TEXT, [ROWS])
    for token, tag in zip(document.sentences[0].tokens, TAGS):
        token.ner = tag
    return document


def test_entities_with_offsets_kinds_and_words(doc):
    found = entities(doc)
    assert [(e.text, e.label, e.kind, e.speaker_kind) for e in found] == [
        ("Ana Ruiz", "PER", "person", "person"),
        ("Harbor Board", "ORG", "organization", "organization"),
        ("Norwegians", "GRP", "group", "group"),
        ("Oslo", "LOC", "place", "organization"),
    ]
    ana = found[0]
    assert TEXT[ana.start_char:ana.end_char] == "Ana Ruiz"
    assert (ana.sentence_index, ana.word_ids) == (0, (3, 4))


def test_untagged_document_has_no_entities():
    assert entities(doc_from_rows(TEXT, [ROWS])) == []


def test_bio_tags_and_label_changes_split_entities(doc):
    for token, tag in zip(doc.sentences[0].tokens, ["O", "O", "B-PER", "I-PER", "O", "O", "I-ORG", "I-LOC"] + ["O"] * 5):
        token.ner = tag
    assert [(e.text, e.label) for e in entities(doc)] == [("Ana Ruiz", "PER"), ("Harbor", "ORG"), ("Board", "LOC")]


def test_speaker_kinds():
    assert speaker_kind("person") == "person" and speaker_kind("group") == "group"
    assert speaker_kind("place") == "organization" and speaker_kind("other") == "unknown"
    assert KINDS["NORP"] == "group" and KINDS["GPE"] == "place"  # official Stanza labels too
    assert Entity("X", "MISC", "other", 0, 1, 0, (1,)).speaker_kind == "unknown"


def _token(tag, words=1):
    return SimpleNamespace(ner=tag, words=[object()] * words)


def test_tags_copied_from_words_onto_multiword_tokens():
    tagged = SimpleNamespace(tokens=[_token(t) for t in ["B-ORG", "E-ORG", "O", "O", "S-PER"]])
    target = SimpleNamespace(tokens=[_token(None, 2), _token(None, 2), _token(None)])
    copy_ner_tags(tagged, target)
    assert [t.ner for t in target.tokens] == ["S-ORG", "O", "S-PER"]
    tagged = SimpleNamespace(tokens=[_token(t) for t in ["B-ORG", "I-ORG", "E-ORG"]])
    target = SimpleNamespace(tokens=[_token(None), _token(None, 2)])
    copy_ner_tags(tagged, target)
    assert [t.ner for t in target.tokens] == ["B-ORG", "E-ORG"]


def test_ner_is_optional(tmp_path):
    source = ModelSource(tmp_path, official=False)
    assert ner_paths(tmp_path) is None and ner_options(source) == {}
    (tmp_path / "ner.pt").write_bytes(b"")
    options = ner_options(source)
    assert options["processors"].endswith(",ner") and options["ner_pretrain_path"] is None
    (tmp_path / "ner_pretrain.pt").write_bytes(b"")
    assert ner_options(source)["ner_pretrain_path"] == str(tmp_path / "ner_pretrain.pt")


def test_possessive_of_a_multiword_token_is_left_out_of_the_name():
    from stanza.utils.conll import CoNLL

    text = "Norway's envoy spoke."
    rows = ["1-2\tNorway's\t_\t_\t_\t_\t_\t_\t_\tstart_char=0|end_char=8",
            "1\tNorway\tNorway\tPROPN\t_\t_\t3\tnmod:poss\t_\t_", "2\t's\t's\tPART\t_\t_\t1\tcase\t_\t_",
            "3\tenvoy\tenvoy\tNOUN\t_\t_\t4\tnsubj\t_\tstart_char=9|end_char=14",
            "4\tspoke\tspeak\tVERB\t_\t_\t0\troot\t_\tstart_char=15|end_char=20",
            "5\t.\t.\tPUNCT\t_\t_\t4\tpunct\t_\tstart_char=20|end_char=21"]
    doc = CoNLL.conll2doc(input_str="\n".join(rows) + "\n\n")
    doc.text = text
    for token, tag in zip(doc.sentences[0].tokens, ["S-LOC", "O", "O", "O"]):
        token.ner = tag
    [norway] = entities(doc)
    assert (norway.text, norway.end_char, norway.word_ids) == ("Norway", 6, (1,))


def test_one_sentence_its_words_and_the_article_wide_reading(doc):
    sentence = doc.sentences[0]
    found = sentence_entities(sentence)
    assert [e.text for e in found] == ["Ana Ruiz", "Harbor Board", "Norwegians", "Oslo"]
    assert entity_holding(found, sentence.words[3]).text == "Ana Ruiz"
    assert entity_holding(found, sentence.words[0]) is None
    assert kinds_written(doc, "Ruiz") == {"person"} and kinds_written(doc, "told") == set()


def test_an_untagged_sentence_has_no_entity_list():
    assert sentence_entities(doc_from_rows(TEXT, [ROWS]).sentences[0]) is None
