"""End to end with the bundled models: tokenize, parse the selected sentences, extract. Skipped without models."""

import pytest

from quotes.extraction.extract import OMISSION
from quotes.runtime.nlp import BUNDLED_DIR, MODEL_FILES

pytestmark = pytest.mark.models
if not all((BUNDLED_DIR / name).is_file() for name in ("tokenizer.pt", "tagger.pt", "lemmatizer.pt", "parser.pt")):
    pytest.skip("bundled models not built yet (quotes/models/en)", allow_module_level=True)
del MODEL_FILES

ARTICLE = (
    "UN spokesman Stephane Dujarric on Monday said the United Nations had complained to the government.\n\n"
    "“We have conveyed our concern,” Mr Dujarric said, “and we have received assurances.”\n\n"
    "Her cats are “cuties,” a neighbour added.\n\n"
    "Officials said the border would reopen on Friday, according to state media."
)


@pytest.fixture(scope="module")
def records():
    from quotes.extraction.extract import extract_articles
    from quotes.runtime.nlp import load_pipeline

    [found] = extract_articles([ARTICLE], nlp=load_pipeline(), sources=["wire"])
    return found


def test_reported_speech_found_with_speaker(records):
    first = records[0]
    assert first.kind == "indirect" and first.text.startswith("the United Nations had complained")
    assert first.speaker == "Stephane Dujarric"


def test_interrupted_quote_is_one_record(records):
    direct = [r for r in records if r.kind == "direct"]
    assert direct and direct[0].text.startswith("We have conveyed our concern")
    assert direct[0].speaker == "Stephane Dujarric" and len(direct[0].spans) == 2


def test_offsets_index_the_text(records):
    for record in records:
        pieces = record.spans or [[record.start, record.end]]
        written = [ARTICLE[start:end] for start, end in pieces]
        # the pieces as written, joined by ' … ' where words were cut; the frame's closing comma ('“…,” he
        # said') stays inside the offsets but is no part of the text shown
        assert record.text in (OMISSION.join(written), OMISSION.join(piece.rstrip(",") for piece in written))
        if record.mention is not None:
            assert ARTICLE[record.mention_start:record.mention_end] == record.mention
