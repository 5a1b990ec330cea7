"""`quotes eval` end to end with a stand-in NLP (hand-built parses), and the parse cache round trip."""

import json

from click.testing import CliRunner

from handparse import doc_from_rows
from quotes.cli.evaluate import eval_command
from quotes.evaluation.polnear import ParseCache
from quotes.extraction.extract import extract_from_doc

TEXT = "Title.\n\n“We won,” she said."
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
ANN = ("T1\tSource 18 21\tshe\nT2\tCue 22 26\tsaid\nT3\tContent 8 17\t“We won,”\n"
       "T4\tAttribution 22 26\tsaid\nE1\tAttribution:T4 Cue:T2 Source:T1 Content:T3\n")


class StandInNLP:
    """What quotes.runtime.nlp offers, answering from hand-built parses."""

    parsed = 0

    def tokenize(self, texts):
        return [doc_from_rows(text, ROWS) for text in texts]

    def parse(self, docs, select):
        StandInNLP.parsed += sum(1 for d in docs for s in d.sentences if select(s))


def gold_folder(tmp_path):
    (tmp_path / "text").mkdir(parents=True)
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "doc_4b22.ann").write_text(ANN, encoding="utf-8")
    return tmp_path


def test_eval_command_scores_and_writes_errors(tmp_path, monkeypatch):
    monkeypatch.setattr("quotes.runtime.nlp.load_pipeline", lambda stanza_dir=None: StandInNLP())
    gold = gold_folder(tmp_path / "gold")
    errors = tmp_path / "errors.jsonl"
    cache = tmp_path / "cache"
    args = ["--gold", str(gold), "--errors", str(errors), "--cache", str(cache), "--json"]
    result = CliRunner().invoke(eval_command, args)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["thresholds"]["0.5"]["direct"]["f1"] == 1.0
    assert report["thresholds"]["0.5"]["speaker_accuracy"] == 1.0
    assert errors.read_text() == ""
    parsed_once = StandInNLP.parsed
    assert CliRunner().invoke(eval_command, args).exit_code == 0
    assert StandInNLP.parsed == parsed_once  # the second run read every parse from the cache


def test_eval_counts_records_per_rule_and_switches_a_rule_off_by_name(tmp_path, monkeypatch):
    monkeypatch.setattr("quotes.runtime.nlp.load_pipeline", lambda stanza_dir=None: StandInNLP())
    gold = gold_folder(tmp_path / "gold")
    args = ["--gold", str(gold), "--json"]
    report = json.loads(CliRunner().invoke(eval_command, args).stdout)
    counts = {"records": 1, "matched": 1, "speaker_ok": 1}
    assert report["by_rule_row"] == {"finder:cue": counts, "speaker:subject": counts}
    # without the subject rule, 'she' is still found: as a pronoun the parse hung on the cue
    result = CliRunner().invoke(eval_command, args + ["--without", "subject"])
    report = json.loads(result.stdout)
    assert report["by_rule_row"] == {"finder:cue": counts, "speaker:dependent": counts}
    assert report["without"] == ["subject"]
    text = CliRunner().invoke(eval_command, ["--gold", str(gold), "--without", "subject"]).stdout
    assert "speaker:dependent" in text and "switched off: subject" in text


def test_eval_names_the_known_rules_for_an_unknown_one(tmp_path, monkeypatch):
    monkeypatch.setattr("quotes.runtime.nlp.load_pipeline", lambda stanza_dir=None: StandInNLP())
    result = CliRunner().invoke(eval_command, ["--gold", str(gold_folder(tmp_path)), "--without", "nsubj"])
    assert result.exit_code == 1
    assert "no rule named nsubj" in result.output and "name-after" in result.output


def test_eval_command_says_how_to_fix_a_wrong_folder(tmp_path):
    result = CliRunner().invoke(eval_command, ["--gold", str(tmp_path)])
    assert result.exit_code == 1 and "text/" in result.output


def test_parse_cache_round_trip_keeps_offsets(tmp_path):
    cache = ParseCache(tmp_path, "fingerprint")
    doc = doc_from_rows(TEXT, ROWS)
    assert cache.get(TEXT) is None
    cache.put(TEXT, doc)
    again = cache.get(TEXT)
    first = extract_from_doc(doc, TEXT, source="x")
    assert first and extract_from_doc(again, TEXT, source="x") == first
    assert ParseCache(tmp_path, "other models").get(TEXT) is None


def _unparsed(doc):
    from quotes.runtime.nlp import PARSED_FIELDS

    for sentence in doc.sentences:
        for word in sentence.words:
            for name in PARSED_FIELDS:
                setattr(word, name, None)
    return doc


SAID_SO = "She she PRON 2 nsubj\nsaid say VERB 0 root\nso so ADV 2 advmod\n. . PUNCT 2 punct"


class RecordingNLP:
    """Tokenizes into unparsed sentences; parsing copies the hand-built parse and records what it parsed."""

    def __init__(self, rows):
        self.rows, self.parsed = rows, []

    def tokenize(self, texts):
        return [_unparsed(doc_from_rows(text, self.rows[text])) for text in texts]

    def parse(self, docs, select):
        for doc in docs:
            parsed = doc_from_rows(doc.text, self.rows[doc.text])
            for sentence, source in zip(doc.sentences, parsed.sentences):
                if select(sentence):
                    self.parsed.append(" ".join(w.text for w in sentence.words))
                    for word, done in zip(sentence.words, source.words):
                        word.upos, word.lemma, word.head, word.deprel = done.upos, done.lemma, done.head, done.deprel
                    sentence.build_dependencies()


def test_a_sentence_parsed_in_one_text_is_reused_in_another(tmp_path):
    from quotes.evaluation.polnear import parsed_documents, uk_style

    text = "She said so.\n\n" + TEXT.split("\n\n")[1]
    copy = uk_style(text)
    uk_rows = [row.replace("“", "‘").replace("”", "’") for row in ROWS[1:]]
    nlp = RecordingNLP({text: [SAID_SO] + ROWS[1:], copy: [SAID_SO] + uk_rows})
    cache = ParseCache(tmp_path, "fingerprint")
    parsed_documents([text], nlp, cache)
    assert nlp.parsed == ["She said so .", "“ We won , ” she said ."]
    [doc] = parsed_documents([copy], nlp, ParseCache(tmp_path, "fingerprint"))
    assert nlp.parsed[2:] == ["‘ We won , ’ she said ."]  # the first sentence came from the cache
    assert [w.deprel for w in doc.sentences[0].words] == ["nsubj", "root", "advmod", "punct"]
    assert extract_from_doc(doc, copy, source="x")[0].text == "We won"


def test_the_parse_cache_key_follows_the_parse_and_ner_models_only(tmp_path):
    from quotes.evaluation.polnear import model_fingerprint

    (tmp_path / "parser.pt").write_bytes(b"p")
    before = model_fingerprint(tmp_path)
    (tmp_path / "scratch.pt").write_bytes(b"s")  # a file no processor loads
    assert model_fingerprint(tmp_path) == before
    (tmp_path / "ner.pt").write_bytes(b"n")  # the cache keeps NER tags: a new NER model makes them stale
    with_ner = model_fingerprint(tmp_path)
    assert with_ner != before
    (tmp_path / "parser.pt").write_bytes(b"pp")
    assert model_fingerprint(tmp_path) != with_ner


def test_the_parse_cache_key_tells_int8_from_float32_parses(tmp_path, monkeypatch):
    from quotes.evaluation.polnear import model_fingerprint
    from quotes.runtime.nlp import QUANTIZE_VAR

    (tmp_path / "parser.pt").write_bytes(b"p")
    monkeypatch.setenv(QUANTIZE_VAR, "int8")
    int8 = model_fingerprint(tmp_path)
    monkeypatch.setenv(QUANTIZE_VAR, "none")
    assert model_fingerprint(tmp_path) != int8
