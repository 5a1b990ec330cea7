"""A Ctrl-C that lands in the instant after an article's transaction, before the caller has counted it: the
article is stored, so the count printed on the way out must include it (seen once in 13 real Ctrl-C runs)."""

import signal

import pytest

import quotes.ingest.store as ingest
from quotes.ingest.batch import Extracted
from quotes.records import Article


def test_a_ctrl_c_right_after_the_hold_still_counts_the_stored_article(monkeypatch, python_sigint):
    articles = [Article(source=f"a{i}.txt", text=f"text {i}") for i in range(3)]
    monkeypatch.setattr(ingest, "read_expanded", lambda expanded, **_: iter(articles))
    monkeypatch.setattr(ingest, "extract_results",
                        lambda items, **_: (Extracted(article=a, records=[]) for a in items))
    monkeypatch.setattr(ingest, "store", lambda engine, result, **_: ingest.Stored(result.article.source,
                                                                                   "ingested", 0))
    real_signal = signal.signal
    restored = []

    def signal_then_ctrl_c_on_restore(signum, handler):
        """Restoring Python's own handler is the moment the hold ends: a Ctrl-C arrives right then."""
        previous = real_signal(signum, handler)
        if handler is signal.default_int_handler and not restored:
            restored.append(signum)
            signal.raise_signal(signal.SIGINT)
        return previous

    monkeypatch.setattr(ingest.signal, "signal", signal_then_ctrl_c_on_restore)
    counted = []
    with pytest.raises(KeyboardInterrupt):
        for outcome in ingest.ingest_expanded(None, [], extractor_factory=None):
            counted.append(outcome.source)
    assert restored, "the hold never ended"
    assert counted == ["a0.txt"]  # stored before the Ctrl-C, and counted
