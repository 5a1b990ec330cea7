"""End to end with the bundled Stanza models: skipped until quotes/models/en/ holds them."""

import json
import re
from pathlib import Path

import pytest

from quotes.ingest.batch import stanza_extractor

ROOT = Path(__file__).resolve().parents[2]
MODELS = ROOT / "quotes" / "models" / "en"
SAMPLE = ROOT / "quotes" / "samples" / "wire-kazakhstan.txt"

pytestmark = [pytest.mark.models,
              pytest.mark.skipif(not any(MODELS.glob("*.pt")), reason="no bundled models in quotes/models/en")]


def real_factory():
    return stanza_extractor()


def test_extract_sample_finds_the_spokesman_and_the_ministry(invoke):
    result = invoke("extract", "--nl", SAMPLE, factory=real_factory)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    text = SAMPLE.read_text(encoding="utf-8")
    for r in records:  # the text is its pieces as written; " … " marks where words were cut
        assert all(piece in text for piece in r["text"].split(" … "))
    speakers = {r["speaker"] for r in records}
    assert "Matteo Lindqvist" in speakers
    assert any("Interior Ministry" in (s or "") for s in speakers)


def test_ingest_then_lookup(invoke, tmp_path):
    db = tmp_path / "e2e.db"
    result = invoke("ingest", ROOT / "quotes" / "samples", "--db", db, factory=real_factory)
    assert result.exit_code == 0, result.output
    assert invoke("by", "Matteo Lindqvist", "--db", db, "--nl").stdout.count("\n") >= 2


def test_walkthrough_is_up_to_date():
    from walkthrough import walkthrough

    def without_times(text):  # export's updated_at column changes every run
        return re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?", "TIME", text)

    assert without_times((ROOT / "docs" / "walkthrough.md").read_text(encoding="utf-8")) == \
        without_times(walkthrough()), "regenerate: .venv/bin/python tests/cli/walkthrough.py > docs/walkthrough.md"
