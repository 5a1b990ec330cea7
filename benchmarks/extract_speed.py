"""Words per second of extraction over a folder of .txt articles, and the share of sentences that needed the
full parse. Run, not asserted:  python benchmarks/extract_speed.py [DIR] [--limit N]"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from quotes.extract import extract_from_doc, parse_selected
from quotes.nlp import load_pipeline

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "quote-eval" / "polnear" / "text"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", default=str(DEFAULT_DIR))
    parser.add_argument("--limit", type=int, default=20)
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(args.folder).glob("*.txt"))[: args.limit]]
    words = sum(len(t.split()) for t in texts)
    nlp = load_pipeline()
    began = time.perf_counter()
    docs = nlp.tokenize(texts)
    tokenized = time.perf_counter()
    parsed, total = parse_selected(nlp, docs)
    parsed_at = time.perf_counter()
    records = sum(len(extract_from_doc(d, t, source=str(i))) for i, (d, t) in enumerate(zip(docs, texts)))
    done = time.perf_counter()
    print(f"articles {len(texts)}  words {words}  statements {records}")
    print(f"sentences parsed {parsed}/{total} ({parsed / max(total, 1):.1%})")
    print(f"tokenize {tokenized - began:.1f}s  parse {parsed_at - tokenized:.1f}s  extract {done - parsed_at:.2f}s")
    print(f"words/s end to end {words / (done - began):.0f}  (extract alone {words / max(done - parsed_at, 1e-9):.0f})")


if __name__ == "__main__":
    main()
