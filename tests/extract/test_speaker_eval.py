"""Speaker names scored as a reader checks them (quotes.evaluation.speakers), with hand-made predictions; and
`quotes eval --speakers` end to end with a stand-in NLP (hand-built parses)."""

import json

import pytest
from click.testing import CliRunner

from handparse import doc_from_rows
from quotes.cli.evaluate import eval_command
from quotes.errors import InputError
from quotes.records import QuoteRecord
from quotes.evaluation.speakers import (GoldArticle, GoldStatement, judge_name, matching_record, name_words,
                                 read_speaker_gold, score_speakers, sentence_around, speaker_errors)


@pytest.mark.parametrize("predicted, verdict", [
    ("Janet L. Yellen", "right"),
    ("Janet Yellen", "right"),
    ("Ms. Janet Yellen", "right"),
    ("janet yellen", "right"),
    ("Yellen", "surname"),
    ("Ms. Yellen", "surname"),
    ("Treasury Janet L. Yellen", "wrong"),  # a word the gold name lacks
    ("Janet", "wrong"),
    ("Jerome Powell", "wrong"),
    (None, "no name"),
    ("", "no name"),
])
def test_a_name_is_right_with_the_first_and_last_word_and_nothing_else(predicted, verdict):
    assert judge_name(predicted, "Janet L. Yellen") == verdict


def test_name_words_ignore_case_accents_honorifics_initials_and_possessives():
    assert name_words("Dr. José A. Núñez-Ortiz’s") == ["jose", "nunez-ortiz"]
    assert name_words("the Red Cross") == ["red", "cross"]
    assert judge_name("Red Cross", "The International Committee of the Red Cross") == "wrong"
    assert judge_name("International Committee of the Red Cross", "The International Committee of the Red Cross") \
        == "right"
    assert judge_name("Martin Luther King Jr.", "Martin Luther King") == "right"
    assert judge_name("State Department", "US State Department") == "right"
    assert judge_name("State Department", "U.S. State Department") == "right"
    assert judge_name("Illumina", "Illumina Inc.") == "right"


TEXT = ('Janet L. Yellen spoke on Monday. "Rates will fall," she said. "We are sure."\n'
        'The bank said it agreed. A spokesman declined to comment.')


def record(start, end, speaker, spans=None):
    return QuoteRecord(source="a", text=TEXT[start:end], start=start, end=end, kind="direct",
                       spans=spans or [], speaker=speaker)


def statement(quote, speaker, how, kind="person"):
    start = TEXT.index(quote)
    return GoldStatement(start, start + len(quote), quote, speaker, kind, how)


GOLD = [statement("Rates will fall,", "Janet L. Yellen", "pronoun"),
        statement("We are sure.", "Janet L. Yellen", "none"),
        statement("it agreed", "Bank of Northland", "description", "organization"),
        statement("declined to comment", None, "description", "unnamed")]


def test_a_record_covering_two_pieces_matches_both_and_a_sliver_matches_neither():
    rates, sure = GOLD[0], GOLD[1]
    both = record(rates.start, sure.end, "Yellen", spans=[[rates.start, rates.end], [sure.start, sure.end]])
    assert matching_record(TEXT, rates, [both]) is both
    assert matching_record(TEXT, sure, [both]) is both
    swallowing = record(0, len(TEXT), "x")
    assert matching_record(TEXT, sure, [swallowing]) is swallowing
    sliver = record(rates.start, rates.start + 3, "Yellen")  # "Rat": less than half of the gold's words
    assert matching_record(TEXT, rates, [sliver]) is None
    assert matching_record(TEXT, sure, [sliver]) is None
    assert matching_record(TEXT, rates, [sliver, both]) is both


def test_the_report_counts_per_how_and_overall():
    rates, sure, agreed, declined = GOLD
    predicted = [record(rates.start, rates.end, "Janet Yellen"),
                 record(sure.start, sure.end, "Yellen"),
                 record(declined.start, declined.end, "spokesman")]
    report = score_speakers([GoldArticle("a", TEXT, GOLD)], [predicted])
    named = report["named"]
    assert named["pronoun"] == {"gold": 1, "found": 1, "right": 1, "surname": 0, "wrong": 0, "no name": 0,
                                "missing": 0, "right_recall": 1.0}
    assert named["none"]["surname"] == 1 and named["description"]["missing"] == 1
    assert named["overall"]["gold"] == 3 and named["overall"]["right_recall"] == round(1 / 3, 4)
    assert report["unnamed"] == {"gold": 1, "found": 1, "given a name": 1}
    assert report["statements"] == 4


def test_errors_list_each_miss_with_its_sentence():
    rates, sure, agreed, _ = GOLD
    errors = speaker_errors([GoldArticle("a", TEXT, GOLD[:3])], [[record(sure.start, sure.end, "Yellen")]])
    assert [(e["quote"], e["verdict"]) for e in errors] == [
        ("Rates will fall,", "missing"), ("We are sure.", "surname"), ("it agreed", "missing")]
    assert errors[0]["sentence"] == '"Rates will fall," she said.'
    assert errors[2]["sentence"] == "The bank said it agreed."
    assert sentence_around(TEXT, sure.start, sure.end) == '"We are sure."'
    text = 'Intro. "It is so," lawyer A.G. Noorani wrote. Next one.'
    assert sentence_around(text, 8, 17) == '"It is so," lawyer A.G. Noorani wrote.'


def write_gold(folder, labels, text=TEXT, name="story"):
    (folder / "labels").mkdir(parents=True, exist_ok=True)
    (folder / "texts").mkdir(exist_ok=True)
    (folder / "labels" / f"{name}.jsonl").write_text("\n".join(json.dumps(row) for row in labels) + "\n")
    if text is not None:
        (folder / "texts" / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def label(quote, speaker="Janet L. Yellen", how="pronoun", kind="person", text=TEXT):
    start = text.index(quote)
    return {"start": start, "end": start + len(quote), "quote": quote, "speaker": speaker, "kind": kind,
            "role": None, "how": how}


def test_reading_the_gold_skips_articles_without_text_and_checks_offsets(tmp_path):
    write_gold(tmp_path, [label("Rates will fall,")])
    write_gold(tmp_path, [label("Rates will fall,")], text=None, name="paywalled")
    articles, skipped = read_speaker_gold(tmp_path)
    assert [a.name for a in articles] == ["story"] and skipped == ["paywalled"]
    assert articles[0].statements[0].speaker == "Janet L. Yellen"
    shifted = dict(label("Rates will fall,"), start=0)
    write_gold(tmp_path, [shifted])
    with pytest.raises(InputError, match=r"story.jsonl:1: the text at 0-.*fix the offsets"):
        read_speaker_gold(tmp_path)
    write_gold(tmp_path, [dict(label("Rates will fall,"), how="nickname")])
    with pytest.raises(InputError, match="how is one of name, surname"):
        read_speaker_gold(tmp_path)


CLI_TEXT = "Title.\n\n“We won,” she said."
ROWS = ["""
Title title NOUN 0 root
. . PUNCT 1 punct
""", """
“ “ PUNCT 3 punct
We we PRON 3 nsubj
won win VERB 0 root
, , PUNCT 3 punct
” ” PUNCT 3 punct
she she PRON 7 nsubj
said say VERB 3 parataxis
. . PUNCT 3 punct
"""]


class StandInNLP:
    def tokenize(self, texts):
        return [doc_from_rows(text, ROWS) for text in texts]

    def parse(self, docs, select):
        pass


def test_eval_speakers_prints_the_table_and_writes_errors(tmp_path, monkeypatch):
    monkeypatch.setattr("quotes.runtime.nlp.load_pipeline", lambda stanza_dir=None: StandInNLP())
    gold = write_gold(tmp_path / "gold", [label("We won,", "Ann Lee", text=CLI_TEXT)], text=CLI_TEXT)
    errors = tmp_path / "errors.jsonl"
    result = CliRunner().invoke(eval_command, ["--speakers", str(gold), "--errors", str(errors)])
    assert result.exit_code == 0, result.output
    assert "1 articles, 1 gold statements" in result.stdout
    assert [line.split() for line in result.stdout.splitlines() if line.startswith("pronoun")] == [
        ["pronoun", "1", "1", "0", "0", "0", "1", "0", "0.0000"]]
    [error] = [json.loads(line) for line in errors.read_text().splitlines()]
    assert error["verdict"] == "no name" and error["sentence"] == "“We won,” she said."


def test_eval_needs_one_gold_folder(tmp_path):
    result = CliRunner().invoke(eval_command, [])
    assert result.exit_code == 2 and "--speakers DIR" in result.output
    result = CliRunner().invoke(eval_command, ["--speakers", str(tmp_path)])
    assert result.exit_code == 1 and "labels/*.jsonl" in result.output
