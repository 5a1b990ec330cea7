import os
import re

import pytest

from quotes.ingest.batch import (Extracted, Failure, Skipped, expand_paths, extract_results, read_inputs)
from quotes.errors import ModelsNotFound
from quotes.records import Article, QuoteRecord

CALLS = []


def fake_extract(texts, sources):
    """Every "..." span is a direct quote; a text containing BOOM makes the extractor raise."""
    CALLS.append(len(texts))
    if any("BOOM" in text for text in texts):
        raise RuntimeError("parser crashed")
    return [[QuoteRecord(source=source, text=m.group(1), start=m.start(1), end=m.end(1), kind="direct",
                         speaker=f"pid{os.getpid()}")
             for m in re.finditer(r'"([^"]+)"', text)] for text, source in zip(texts, sources)]


def fake_factory():
    return fake_extract


def no_models():
    raise ModelsNotFound("no models in /nowhere: run `quotes train-models` or pass --stanza-dir")


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "a.txt").write_text('Title A\n"One," he said. "Two."\n')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<html><body><p>x</p></body></html>")
    (tmp_path / "sub" / "c.jsonl").write_text('{"text": "\\"Three.\\""}\nnot json\n')
    (tmp_path / "sub" / "notes.md").write_text("not an article suffix")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "d.txt").write_text("hidden")
    return tmp_path


def test_expand_paths_files_directories_globs_stdin(tree):
    found = list(expand_paths([str(tree), "-", str(tree / "sub" / "notes.md"), str(tree / "*.txt"),
                               str(tree / "nothing*.txt"), str(tree / "missing.txt")]))
    assert found == [
        str(tree / "a.txt"), str(tree / "sub" / "b.html"), str(tree / "sub" / "c.jsonl"),
        "-", str(tree / "sub" / "notes.md"), str(tree / "a.txt"),
        Failure(str(tree / "nothing*.txt"),
                "no files match this pattern; check the pattern and quote it so the shell does not expand it"),
        Failure(str(tree / "missing.txt"), "no such file or directory; check the path"),
    ]


def test_recursive_glob(tree):
    assert list(expand_paths([str(tree / "**" / "*.jsonl")])) == [str(tree / "sub" / "c.jsonl")]


def test_read_inputs_overrides_metadata_and_reports_bad_lines(tree):
    items = list(read_inputs([str(tree / "a.txt"), str(tree / "sub" / "c.jsonl")], outlet="Wire",
                             url="https://wire.example/a"))
    assert [type(i).__name__ for i in items] == ["Article", "Article", "Failure"]
    assert {(a.outlet, a.url) for a in items[:2]} == {("Wire", "https://wire.example/a")}
    assert items[2].source == f"{tree / 'sub' / 'c.jsonl'}:2"
    assert items[2].reason.startswith("not JSON (Expecting value, column 1)")


def articles(*texts):
    return [Article(text=text, source=f"s{i}") for i, text in enumerate(texts)]


def test_extract_in_batches_in_order_with_skips_and_failures():
    CALLS.clear()
    items = articles('"a"', '"b" "c"', "skip me", '"d"') + [Failure("bad.txt", "empty file"), *articles('"e"')]
    results = list(extract_results(items, extractor_factory=fake_factory, batch_size=2,
                                   wanted=lambda a: "skip" not in a.text))
    assert [type(r).__name__ for r in results] == ["Extracted", "Extracted", "Skipped", "Extracted", "Failure",
                                                   "Extracted"]
    assert [[q.text for q in r.records] for r in results if isinstance(r, Extracted)] == \
        [["a"], ["b", "c"], ["d"], ["e"]]
    assert CALLS == [2, 1, 1]


def test_one_failing_article_does_not_sink_its_batch():
    results = list(extract_results(articles('"a"', "BOOM", '"c"'), extractor_factory=fake_factory, batch_size=3))
    assert results[1] == Failure("s1", "extraction failed: RuntimeError: parser crashed")
    assert [r.article.source for r in results if isinstance(r, Extracted)] == ["s0", "s2"]


def test_extractor_not_built_when_nothing_needs_it():
    results = list(extract_results(articles("x"), extractor_factory=no_models, wanted=lambda a: False))
    assert results == [Skipped(Article(text="x", source="s0"))]


def test_setup_error_stops_the_run():
    with pytest.raises(ModelsNotFound, match="run `quotes train-models`"):
        list(extract_results(articles("x"), extractor_factory=no_models))


def test_workers_build_their_own_extractor_and_keep_order():
    texts = [f'"{n}"' for n in range(12)] + ["BOOM"]
    results = list(extract_results(articles(*texts), extractor_factory=fake_factory, workers=2, batch_size=2))
    assert [r.records[0].text for r in results[:12]] == [str(n) for n in range(12)]
    assert results[12] == Failure("s12", "extraction failed: RuntimeError: parser crashed")
    assert f"pid{os.getpid()}" not in {r.records[0].speaker for r in results[:12]}


def test_workers_report_setup_errors():
    with pytest.raises(ModelsNotFound):
        list(extract_results(articles("x"), extractor_factory=no_models, workers=2))
