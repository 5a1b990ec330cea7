"""GUM-style entity annotations -> flat named spans and BIOES NER data, read from hand-written CoNLL-U."""

import json

from quotes.training.ner import (_murmurhash64a, _read_key2row, bioes_spans, bioes_tags, named_spans,
                                 prepare_ner_data, read_conllu, score_predictions, split_gentle, NerFiles)

# Sentences written for this test. Mentions nest as in GUM: the person mention covers its title and the
# party it belongs to; the party and the city are mentions of their own.
SNIPPET = """# newdoc id = doc_one
# text = Senator Jane Okafor of the Green Party spoke in Lagos.
1\tSenator\tsenator\tPROPN\tNNP\tNumber=Sing\t2\tnmod:desc\t_\tEntity=(1-person-new-sssss-cf1-2-coref
2\tJane\tJane\tPROPN\tNNP\tNumber=Sing\t8\tnsubj\t_\t_
3\tOkafor\tOkafor\tPROPN\tNNP\tNumber=Sing\t2\tflat\t_\t_
4\tof\tof\tADP\tIN\t_\t7\tcase\t_\t_
5\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\tEntity=(2-organization-new-sssss-cf2-3-sgl
6\tGreen\tGreen\tPROPN\tNNP\tNumber=Sing\t7\tcompound\t_\t_
7\tParty\tParty\tPROPN\tNNP\tNumber=Sing\t2\tnmod\t_\tEntity=2)1)
8\tspoke\tspeak\tVERB\tVBD\t_\t0\troot\t_\t_
9\tin\tin\tADP\tIN\t_\t10\tcase\t_\t_
10\tLagos\tLagos\tPROPN\tNNP\tNumber=Sing\t8\tobl\t_\tEntity=(3-place-new-sssss-cf3-1-sgl)|SpaceAfter=No
11\t.\t.\tPUNCT\t.\t_\t8\tpunct\t_\t_

# text = The Democrats and the committee didn't agree.
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(4-person-new-sssss-cf1-2-coref
2\tDemocrats\tDemocrat\tPROPN\tNNPS\tNumber=Plur\t8\tnsubj\t_\tEntity=4)
3\tand\tand\tCCONJ\tCC\t_\t5\tcc\t_\t_
4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\tEntity=(5-organization-new-sssss-cf2-2-sgl
5\tcommittee\tcommittee\tNOUN\tNN\tNumber=Sing\t2\tconj\t_\tEntity=5)
6-7\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_
6\tdid\tdo\tAUX\tVBD\t_\t8\taux\t_\t_
7\tn't\tnot\tPART\tRB\t_\t8\tadvmod\t_\t_
8\tagree\tagree\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
9\t.\t.\tPUNCT\t.\t_\t8\tpunct\t_\t_

# newdoc id = doc_two
# text = She joined Bank of America.
1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\tEntity=(6-person-giv-sssss-cf1-1-coref)
2\tjoined\tjoin\tVERB\tVBD\t_\t0\troot\t_\t_
3\tBank\tBank\tPROPN\tNNP\tNumber=Sing\t2\tobj\t_\tEntity=(7-organization-new-sssss-cf2-1-sgl
4\tof\tof\tADP\tIN\t_\t5\tcase\t_\t_
5\tAmerica\tAmerica\tPROPN\tNNP\tNumber=Sing\t3\tnmod\t_\tEntity=(8-place-new-sssss-cf3-1-sgl)7)|SpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

"""


def _sentences(tmp_path):
    path = tmp_path / "snippet.conllu"
    path.write_text(SNIPPET, encoding="utf-8")
    return list(read_conllu(path))


def _texts(sentence):
    return [(" ".join(w.text for w in sentence.words[first - 1:last]), label)
            for first, last, label in named_spans(sentence)]


def test_mentions_are_read_with_nesting(tmp_path):
    first = _sentences(tmp_path)[0]
    assert {(m.start, m.end, m.etype) for m in first.mentions} == {
        (1, 7, "person"), (5, 7, "organization"), (10, 10, "place")}


def test_person_name_leaves_out_title_and_affiliation(tmp_path):
    assert _texts(_sentences(tmp_path)[0]) == [("Jane Okafor", "PER"), ("Green Party", "ORG"), ("Lagos", "LOC")]


def test_plural_person_name_is_a_group_and_unnamed_mentions_are_skipped(tmp_path):
    assert _texts(_sentences(tmp_path)[1]) == [("Democrats", "GRP")]


def test_longer_name_wins_over_a_nested_one(tmp_path):
    assert _texts(_sentences(tmp_path)[2]) == [("Bank of America", "ORG")]


def test_bioes_tags_are_per_word_multiword_tokens_expanded(tmp_path):
    first, second, third = _sentences(tmp_path)
    assert bioes_tags(first) == ["O", "B-PER", "E-PER", "O", "O", "B-ORG", "E-ORG", "O", "O", "S-LOC", "O"]
    assert [w.text for w in second.words][5:7] == ["did", "n't"]
    assert bioes_tags(second) == ["O", "S-GRP", "O", "O", "O", "O", "O", "O", "O"]
    assert bioes_tags(third) == ["O", "O", "B-ORG", "I-ORG", "E-ORG", "O"]


def test_gentle_is_split_by_whole_documents(tmp_path):
    path = tmp_path / "gentle.conllu"
    docs = [SNIPPET.split("# newdoc id = doc_two")[0].replace("doc_one", f"doc_{n}") for n in range(8)]
    path.write_text("".join(docs), encoding="utf-8")
    train, test = split_gentle(path)
    assert sorted({s.doc for s in test}) == ["doc_3", "doc_7"]
    assert len(train) == 12 and len(test) == 4


def test_prepare_writes_stanza_ner_json(tmp_path):
    ud = tmp_path / "ud"
    for treebank, short, splits in (("UD_English-GUM", "en_gum", ("train", "dev", "test")),
                                    ("UD_English-GENTLE", "en_gentle", ("test",))):
        (ud / treebank).mkdir(parents=True)
        for split in splits:
            (ud / treebank / f"{short}-ud-{split}.conllu").write_text(SNIPPET, encoding="utf-8")
    files = NerFiles(tmp_path / "ner")
    counts = prepare_ner_data(ud, files)
    assert counts == {"train": 6, "dev": 3, "test.gum": 3, "test.gentle": 0}
    train = json.loads(files.train.read_text(encoding="utf-8"))
    assert train[0][1] == {"text": "Jane", "ner": "B-PER"}


def test_spans_from_bioes_and_bio():
    assert bioes_spans(["B-PER", "E-PER", "O", "S-LOC"]) == {(0, 1, "PER"), (3, 3, "LOC")}
    assert bioes_spans(["B-ORG", "I-ORG", "B-ORG", "O"]) == {(0, 1, "ORG"), (2, 2, "ORG")}


def test_scores_by_type(tmp_path):
    path = tmp_path / "pred.tsv"
    path.write_text("Jane\tB-PER\tB-PER\nOkafor\tE-PER\tE-PER\nin\tO\tO\nLagos\tS-LOC\tS-ORG\n\n"
                    "Bank\tS-ORG\tS-ORG\n", encoding="utf-8")
    scores = {score.label: score for score in score_predictions(path)}
    assert scores["PER"].f1 == 1.0
    assert scores["LOC"].recall == 0.0 and scores["ORG"].precision == 0.5
    assert (scores["all"].gold, scores["all"].predicted, scores["all"].correct) == (3, 3, 2)


def test_spacy_vector_keys_are_read():
    # spaCy keys strings by MurmurHash64A (seed 1); key2row is a msgpack map of those keys to table rows
    assert _murmurhash64a(b"coffee") == 3197928453018144401  # the value spaCy's documentation shows
    key = _murmurhash64a("hello".encode("utf-8"))
    raw = bytes([0x82, 0xCF]) + key.to_bytes(8, "big") + bytes([0x05, 0xCF]) + (7).to_bytes(8, "big") + \
        bytes([0xCD, 0x01, 0x00])
    assert _read_key2row(raw) == [(key, 5), (7, 256)]


# one word that is a person mention and, whole, an object mention too
SAME_NAME_TWICE = """# text = Palmeri spoke.
1\tPalmeri\tPalmeri\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\tEntity=(9-object-new-sssss-cf9-1-sgl)(10-person-new-sssss-cf10-1-sgl)
2\tspoke\tspeak\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

"""


def test_the_more_specific_type_labels_a_name_two_mentions_share(tmp_path):
    # set order follows Python's per-run hash seed: before the fixed order this label changed from run to run
    path = tmp_path / "twice.conllu"
    path.write_text(SAME_NAME_TWICE, encoding="utf-8")
    [sentence] = read_conllu(path)
    assert named_spans(sentence) == [(1, 1, "PER")]
