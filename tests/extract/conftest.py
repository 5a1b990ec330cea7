"""Hand-built parses for logic tests: a model's mistakes never make these flaky."""

import pytest

from handparse import doc_from_rows
from quotes.extraction.extract import extract_from_doc


@pytest.fixture
def extract():
    """extract(text, *sentence_blocks, **options) -> records; rows are `FORM LEMMA UPOS HEAD DEPREL`."""

    def run(text, *blocks, **options):
        return extract_from_doc(doc_from_rows(text, list(blocks)), text, source="t", **options)

    return run
