"""Words per second of the Stanza pipeline on the sample article repeated to about 20,000 words.

Prints tokenize-only (tokenize + mwt) and full-pipeline (plus pos, lemma, depparse on every sentence) rates.
Run: python benchmarks/parse_speed.py [--words 20000] [--stanza-dir DIR] [--threads N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "quotes" / "samples" / "wire-kazakhstan.txt"


def corpus(words: int) -> list[str]:
    """The sample article repeated until the batch holds about `words` words (one document per copy)."""
    text = SAMPLE.read_text(encoding="utf-8")
    copies = max(1, round(words / len(text.split())))
    return [text] * copies


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=20000)
    parser.add_argument("--stanza-dir", default=None)
    parser.add_argument("--threads", type=int, default=None, help="torch threads (default: torch's choice)")
    args = parser.parse_args()

    import torch

    if args.threads:
        torch.set_num_threads(args.threads)
    from quotes.runtime.nlp import load_pipeline

    load_seconds = timed(lambda: load_pipeline(args.stanza_dir))
    nlp = load_pipeline(args.stanza_dir)
    texts = corpus(args.words)
    nlp.parse_all(nlp.tokenize(texts[:1]))  # warm up
    docs: list = []
    tokenize_seconds = timed(lambda: docs.extend(nlp.tokenize(texts)))
    words = sum(len(sentence.words) for doc in docs for sentence in doc.sentences)
    parse_seconds = timed(lambda: nlp.parse_all(docs))
    print(f"models: {nlp.source.describe()}  (loaded in {load_seconds:.1f} s, torch threads {torch.get_num_threads()})")
    print(f"words: {words} in {len(texts)} documents")
    print(f"tokenize only:  {words / tokenize_seconds:8.0f} words/s")
    print(f"full pipeline:  {words / (tokenize_seconds + parse_seconds):8.0f} words/s")
    print(f"parse stage:    {words / parse_seconds:8.0f} words/s  (pos + lemma + depparse)")


if __name__ == "__main__":
    main()
