"""The public Python API: every name in quotes.__all__ resolves, is documented with an example, and
`import quotes` alone does not load Stanza or the database layer."""

import subprocess
import sys

import pytest

import quotes


@pytest.mark.parametrize("name", [n for n in quotes.__all__ if not n.isupper() and not n.startswith("__")])
def test_each_public_name_resolves_and_has_a_docstring_with_an_example(name):
    doc = getattr(quotes, name).__doc__ or ""
    assert "Example" in doc or ">>> " in doc, f"quotes.{name}'s docstring has no example"


def test_public_names_are_listed_by_dir():
    assert {"PIPELINE_VERSION", "extract_articles", "find_speakers"} <= set(dir(quotes))


def test_unknown_names_raise_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        quotes.nonsense


def test_importing_quotes_loads_neither_stanza_nor_sqlalchemy():
    probe = "import sys, quotes; print(sorted({'stanza', 'torch', 'sqlalchemy'} & set(sys.modules)))"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]"


def test_extract_articles_needs_neither_sources_nor_a_given_pipeline(monkeypatch):
    from quotes.extraction import extract

    seen = {}

    class FakeNLP:
        def tokenize(self, texts):
            seen["texts"] = texts
            return [object() for _ in texts]

    monkeypatch.setattr("quotes.runtime.nlp.load_pipeline", lambda: FakeNLP())
    monkeypatch.setattr(extract, "parse_selected", lambda nlp, docs: (0, 0))
    monkeypatch.setattr(extract, "warn_unparsed", lambda docs, sources: None)
    monkeypatch.setattr(extract, "extract_from_doc", lambda doc, text, *, source, include_beliefs: [source])
    assert quotes.extract_articles(["one", "two"]) == [["text-1"], ["text-2"]]
    with pytest.raises(ValueError, match="2 texts but 1 sources"):
        quotes.extract_articles(["one", "two"], nlp=FakeNLP(), sources=["a"])
