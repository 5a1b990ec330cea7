"""Every prediction record of an eval set as sorted JSON lines, to prove a refactor changes no output: dump
before, dump after (same parse cache), `diff` the two files. Run, not asserted:

  python benchmarks/dump_predictions.py --gold DIR --cache DIR [--uk-style] OUT.jsonl

One line per record, every contract field (speaker, mention, role, rule, confidence, offsets …) with the
document's name as `source`, keys sorted, lines sorted. The scores every extraction change is judged by
(direct F1, direct speaker accuracy, all P, at overlap 0.5) go to stderr, so one run both scores and dumps.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from quotes.evaluation.polnear import evaluate_directory
from quotes.runtime.nlp import load_pipeline


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--uk-style", dest="uk", action="store_true")
    parser.add_argument("--stanza-dir")
    args = parser.parse_args(argv)
    _, predictions, report = evaluate_directory(args.gold, load_pipeline(args.stanza_dir), cache_dir=args.cache,
                                                uk=args.uk)
    lines = sorted(json.dumps(record.to_dict(), ensure_ascii=False, sort_keys=True)
                   for records in predictions for record in records)
    args.out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    scores = report["thresholds"]["0.5"]
    print(f"{len(lines)} records -> {args.out}; direct F1 {scores['direct']['f1']:.4f}, direct speaker "
          f"{scores['direct_speaker_accuracy']:.4f}, all P {scores['all']['precision']:.4f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
