"""What NER adds to the time of extraction: the same articles through the parse pipeline without and with the
bundled NER model (best of R runs each, in CPU seconds of this process, one torch thread), plus the entities
found. Run, not asserted:
    python benchmarks/ner_speed.py [DIR] [--limit N] [--repeat R]"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from quotes.extraction.entities import entities
from quotes.runtime.ner import NER_MODEL, NER_PRETRAIN
from quotes.extraction.extract import extract_from_doc, parse_selected
from quotes.runtime.nlp import BUNDLED_DIR, MODEL_FILES, QuotesNLP, resolve_models

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "quote-eval" / "polnear" / "text"


def _without_ner(folder: Path) -> Path:
    """A folder of links to the bundled models, NER left out."""
    for name in MODEL_FILES.values():
        (folder / name).symlink_to(BUNDLED_DIR / name)
    return folder


def _run(nlp: QuotesNLP, texts: list[str]) -> tuple[float, float, int, int]:
    """(CPU seconds to tokenize+parse(+ner), CPU seconds to extract, statements, entities).

    CPU time of this process, not wall time: on a shared machine wall time measures the neighbours."""
    began = time.process_time()
    docs = nlp.tokenize(texts)
    parse_selected(nlp, docs)
    parsed = time.process_time()
    statements = sum(len(extract_from_doc(d, t, source=str(i))) for i, (d, t) in enumerate(zip(docs, texts)))
    done = time.process_time()
    return parsed - began, done - parsed, statements, sum(len(entities(d)) for d in docs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", default=str(DEFAULT_DIR))
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=2, help="best of R runs for each pipeline")
    args = parser.parse_args()
    if not (BUNDLED_DIR / NER_MODEL).is_file():
        raise SystemExit(f"no {NER_MODEL} in {BUNDLED_DIR}: run `quotes train-models --stage ner` first")
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(args.folder).glob("*.txt"))[: args.limit]]
    words = sum(len(t.split()) for t in texts)
    with tempfile.TemporaryDirectory() as plain_dir:
        pipelines = {"without NER": QuotesNLP(resolve_models(str(_without_ner(Path(plain_dir))))),
                     "with NER": QuotesNLP(resolve_models(str(BUNDLED_DIR)))}
        print(f"articles {len(texts)}  words {words}  (NER vectors: {(BUNDLED_DIR / NER_PRETRAIN).is_file()})")
        best = {}
        for _ in range(args.repeat):
            for name, nlp in pipelines.items():
                result = _run(nlp, texts)
                if name not in best or result[0] + result[1] < sum(best[name][:2]):
                    best[name] = result
        for name, (parse, extract, statements, found) in best.items():
            total = parse + extract
            print(f"{name:12}  CPU s: tokenize+parse {parse:6.1f}  extract {extract:5.2f}  total {total:6.1f}  "
                  f"words per CPU s {words / total:5.0f}  statements {statements}  entities {found}")
        plain, tagged = (sum(best[name][:2]) for name in ("without NER", "with NER"))
        print(f"NER cost: {tagged - plain:+.1f} CPU s, {100 * (tagged - plain) / plain:+.1f}% of extraction time")


if __name__ == "__main__":
    main()
