"""The BRAT reader and the scorer, on a tiny hand-made PolNeAR-layout folder (the real data is never copied)."""

from pathlib import Path

import pytest

from quotes.evaluation.polnear import match, overlap, read_ann, read_gold, score
from quotes.records import QuoteRecord

TEXT = "Title.\n\n“We won,” she said.\nThe party said it would\nrecount the votes."
# the covered text of T6 crosses a newline: its second line starts no record and must be skipped
ANN = (
    "T1\tSource 18 21\tshe\n"
    "T2\tCue 22 26\tsaid\n"
    "T3\tContent 8 17\t“We won,”\n"
    "T4\tAttribution 22 26\tsaid\n"
    "E1\tAttribution:T4 Cue:T2 Source:T1 Content:T3\n"
    "T5\tCue 38 42\tsaid\n"
    "T6\tContent 43 51;52 69\tit would\nrecount the votes\n"
    "T7\tAttribution-no-source 38 42\tsaid\n"
    "E2\tAttribution-no-source:T7 Cue:T5 Content:T6\n"
    "T8\tDiscuss 0 5\tTitle\n"
)


def test_reader_handles_discontinuous_and_multiline_spans():
    first, second = read_ann(ANN, TEXT)
    assert first.content == [(8, 17)] and first.source == [(18, 21)] and first.is_direct(TEXT)
    assert second.content == [(43, 51), (52, 69)] and second.source == [] and not second.is_direct(TEXT)
    assert second.is_reporting() and first.cue_text == "said"


def test_overlap_ignores_marks_and_spacing():
    assert overlap(TEXT, [(9, 16)], [(8, 17)]) == 1.0
    assert overlap(TEXT, [(9, 16)], [(43, 51)]) == 0.0


def test_score_counts_direct_subset_and_speaker(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "doc_4b22.ann").write_text(ANN, encoding="utf-8")
    docs = read_gold(tmp_path)
    good = QuoteRecord("doc", "We won,", 9, 16, "direct", mention="she", mention_start=18, mention_end=21)
    wrong = QuoteRecord("doc", "Title", 0, 5, "indirect")
    report = score(docs, [[good, wrong]])["thresholds"]["0.5"]
    assert report["all"]["precision"] == 0.5 and report["all"]["recall"] == 0.5
    assert report["direct"]["recall"] == 1.0 and report["speaker_accuracy"] == 1.0
    assert match(TEXT, [good], docs[0].attributions, 0.8) == [(0, 0)]


POLNEAR = Path(__file__).resolve().parents[3] / "shared" / "data" / "quote-eval" / "polnear"


@pytest.mark.polnear
@pytest.mark.skipif(not (POLNEAR / "text").is_dir(), reason="PolNeAR dev data not beside the project")
def test_polnear_spans_match_their_text():
    docs = read_gold(POLNEAR, limit=5)
    assert docs and all(d.attributions for d in docs)
    for doc in docs:
        for a in doc.attributions:
            assert all(0 <= s < e <= len(doc.text) for s, e in a.content)


def test_sentences_reused_from_the_cache_keep_their_ner_tags(tmp_path):
    from handparse import doc_from_rows
    from quotes.evaluation.polnear import ParseCache, _reuse_sentences

    rows = """
Ana Ana PROPN 2 nsubj
left leave VERB 0 root
. . PUNCT 2 punct
"""
    cache = ParseCache(tmp_path, "fp")
    first = doc_from_rows("Ana left.", [rows])
    for token, tag in zip(first.sentences[0].tokens, ["S-PER", "O", "O"]):
        token.ner = tag
    cache.put("Ana left.", first)
    again = doc_from_rows("Ana left.", [rows])  # the same sentence in another text (the UK copy, an edit)
    sentence = again.sentences[0]
    for token in sentence.tokens:
        token.ner = None
    reused = _reuse_sentences(ParseCache(tmp_path, "fp"), [again], {id(sentence): sentence})
    assert reused == {id(sentence)} and [t.ner for t in sentence.tokens] == ["S-PER", "O", "O"]
