"""The bundled NER model through quotes.runtime.nlp, on sentences written for this test (skipped without the model)."""

import pytest

from quotes.extraction.entities import entities
from quotes.runtime.ner import NER_MODEL, ner_options
from quotes.runtime.nlp import BUNDLED_DIR, MODEL_FILES, resolve_models

HAVE_NER = all((BUNDLED_DIR / name).is_file() for name in [*MODEL_FILES.values(), NER_MODEL])
pytestmark = pytest.mark.skipif(not HAVE_NER, reason="bundled NER model not built (quotes train-models --stage ner)")

TEXT = ("“We will rebuild the harbour before winter,” said John Smith, the mayor of Chicago.\n\n"
        "The council met on Tuesday.")


@pytest.fixture(scope="module")
def tagged():
    from quotes.runtime.nlp import load_pipeline

    nlp = load_pipeline()
    [doc] = nlp.tokenize([TEXT])
    nlp.parse(doc_list := [doc], lambda sentence: sentence is doc.sentences[0])
    return doc_list[0]


def test_ner_is_available():
    assert ner_options(resolve_models(None))


def test_person_found_with_offsets_into_the_text(tagged):
    found = entities(tagged)
    start = TEXT.index("John Smith")
    person = next((e for e in found if e.start_char <= start and start + len("John Smith") <= e.end_char), None)
    assert person is not None and person.speaker_kind == "person"
    assert all(TEXT[e.start_char:e.end_char] == e.text for e in found)


def test_only_parsed_sentences_are_tagged(tagged):
    assert all(e.sentence_index == 0 for e in entities(tagged))
    assert all(token.ner is None for token in tagged.sentences[1].tokens)


@pytest.mark.parametrize("text, speaker, kind", [
    ("The United Nations said the convoy had reached the city.", "United Nations", "organization"),
    ("Russia said it would respond.", "Russia", "organization"),
    ("South Korean President Park Geun-hye said the talks would resume.", "Park Geun-hye", "person"),
    ("Immigration and Customs Enforcement said the raids would continue.", "Immigration and Customs Enforcement",
     "organization"),
])
def test_speakers_named_and_typed_with_the_ner(text, speaker, kind):
    from quotes.extraction.extract import extract_articles

    [[record]] = extract_articles([text])
    assert (record.speaker, record.speaker_kind) == (speaker, kind)
