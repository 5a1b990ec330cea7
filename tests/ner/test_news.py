"""News NER corpora (CoNLL-2003, WikiNEuRal) -> our labels, read from hand-written snippets in both layouts."""

import json

import pytest

from quotes.training.ner_news import (NewsCorpora, NewsDataError, Span, TaggedSentence, bio_spans, bioes_news_tags,
                             news_to_stanza_json, our_spans, read_bio_conll)
from quotes.training.ner import NerFiles, prepare_ner_data
from tests.ner.test_converter import SNIPPET

# Babelscape's layout (index, word, tag), sentences written for this test
BABELSCAPE = """0\t-DOCSTART-\tO

0\tUN\tB-ORG
1\tenvoy\tO
2\tAmara\tB-PER
3\tOkoye\tI-PER
4\tmet\tO
5\tKenyan\tB-MISC
6\tofficials\tO
7\tin\tO
8\tNAIROBI\tB-LOC
9\t.\tO

0\tThe\tO
1\tSerbs\tB-MISC
2\tand\tO
3\tthe\tO
4\tOlympics\tB-MISC
5\twatched\tO
6\tWorld\tB-MISC
7\tCup\tI-MISC
8\tfinals\tO
9\twith\tO
10\tGerman\tB-MISC
11\t.\tO
"""
# CoNLL-2003's own layout (word, POS, chunk, tag) with IOB1 tags: an I- may open a span
ORIGINAL = """-DOCSTART- -X- -X- O

Talks I-MISC
in O O O
Geneva NNP I-NP I-LOC
ended VBD I-VP O
. . O O
"""


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_docstart_lines_are_no_sentences(tmp_path):
    sentences = list(read_bio_conll(_write(tmp_path, "a.conllu", BABELSCAPE)))
    assert [len(s.words) for s in sentences] == [10, 12]
    assert sentences[0].words[:4] == ["UN", "envoy", "Amara", "Okoye"]


def test_original_conll_layout_and_iob1_tags(tmp_path):
    [sentence] = read_bio_conll(_write(tmp_path, "b.txt", ORIGINAL.replace("Talks I-MISC", "Talks NNS I-NP O")))
    assert sentence.words == ["Talks", "in", "Geneva", "ended", "."]
    assert bio_spans(sentence.tags) == [Span(2, 2, "LOC")]
    assert bio_spans(["I-PER", "I-PER", "B-PER", "O", "I-ORG"]) == [
        Span(0, 1, "PER"), Span(2, 2, "PER"), Span(4, 4, "ORG")]


def test_a_line_without_a_tag_names_the_file_and_line(tmp_path):
    path = _write(tmp_path, "bad.conllu", "0\tUN\tB-ORG\nbroken\n")
    with pytest.raises(NewsDataError, match=r"bad.conllu:2: expected a word and a NER tag"):
        list(read_bio_conll(path))


def test_person_organisation_and_place_keep_their_labels_nationality_adjectives_are_dropped(tmp_path):
    first = list(read_bio_conll(_write(tmp_path, "a.conllu", BABELSCAPE)))[0]
    assert bioes_news_tags(first) == ["S-ORG", "O", "B-PER", "E-PER", "O", "O", "O", "O", "S-LOC", "O"]


def test_plural_people_names_are_groups_events_and_other_names_stay_misc(tmp_path):
    second = list(read_bio_conll(_write(tmp_path, "a.conllu", BABELSCAPE)))[1]
    spans = [(" ".join(second.words[s.first:s.last + 1]), s.label) for s in our_spans(second)]
    # "German" before a full stop is no adjective: it stays (a language, a nationality as a noun)
    assert spans == [("Serbs", "GRP"), ("Olympics", "MISC"), ("World Cup", "MISC"), ("German", "MISC")]


def test_unknown_labels_are_dropped():
    assert our_spans(TaggedSentence(["Monday", "Jo"], ["B-DATE", "B-PER"])) == [Span(1, 1, "PER")]


def test_missing_corpus_says_where_to_point(tmp_path):
    with pytest.raises(NewsDataError, match="--ner-news the data/ folder of github.com/Babelscape/wikineural"):
        NewsCorpora(tmp_path).conll("train")


def test_prepare_adds_news_to_train_dev_and_test(tmp_path):
    ud = tmp_path / "ud"
    for treebank, short, splits in (("UD_English-GUM", "en_gum", ("train", "dev", "test")),
                                    ("UD_English-GENTLE", "en_gentle", ("test",))):
        for split in splits:
            _write(ud, f"{treebank}/{short}-ud-{split}.conllu", SNIPPET)
    news = tmp_path / "data"
    for split in ("train", "val", "test"):
        _write(news, f"conll/en/{split}.conllu", BABELSCAPE)
    _write(news, "wikineural/en/val.conllu", BABELSCAPE)
    _write(news, "wikineural/en/test.conllu", BABELSCAPE)
    files = NerFiles(tmp_path / "ner")
    counts = prepare_ner_data(ud, files, news, gum_copies=2, conll_copies=3)
    # GUM train 3 + GENTLE 3 (no held-out doc among its 2), twice; CoNLL train 2 three times + WikiNEuRal 2 x 2
    assert counts == {"train": 2 * 6 + 3 * 2 + 4, "dev": 3 + 2, "test.gum": 3, "test.gentle": 0, "test.conll": 2}
    train = json.loads(files.train.read_text(encoding="utf-8"))
    assert train[12][:3] == [{"text": "UN", "ner": "S-ORG"}, {"text": "envoy", "ner": "O"},
                             {"text": "Amara", "ner": "B-PER"}]
    assert json.loads(files.test("conll").read_text(encoding="utf-8"))[1][1] == {"text": "Serbs", "ner": "S-GRP"}


def test_hyphenated_words_are_split_as_our_tokenizer_does_inside_their_entity():
    sentence = TaggedSentence(["Park", "Geun-hye", "met", "Anglo-French", "staff", "on", "1996-08-22"],
                              ["B-PER", "I-PER", "O", "B-MISC", "O", "O", "O"])
    [words] = news_to_stanza_json([sentence])
    assert [(w["text"], w["ner"]) for w in words] == [
        ("Park", "B-PER"), ("Geun", "I-PER"), ("-", "I-PER"), ("hye", "E-PER"), ("met", "O"),
        ("Anglo", "O"), ("-", "O"), ("French", "O"), ("staff", "O"), ("on", "O"), ("1996-08-22", "O")]


def test_a_nationality_before_a_title_is_no_entity():
    sentence = TaggedSentence(["South", "Korean", "President", "Park", "spoke", "in", "Korean", "."],
                              ["B-MISC", "I-MISC", "O", "B-PER", "O", "O", "B-MISC", "O"])
    assert bioes_news_tags(sentence) == ["O", "O", "O", "S-PER", "O", "O", "S-MISC", "O"]
