"""Score a NER model (a training checkpoint or a bundled ner.pt) on the test sets the NER stage prepared
(CoNLL-2003 test, GUM test, GENTLE's held-out documents): exact-span P/R/F1 per type, a Markdown table.
Run, not asserted (one torch thread; the checkpoint is copied first, so a running training may overwrite it):
    python benchmarks/ner_eval.py MODEL --pretrain PRETRAIN --data WORK/data/ner [--out DIR]"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from quotes.training.ner import NerFiles
from quotes.training.train import Runner, TrainConfig, score_ner_model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--pretrain", type=Path, required=True, help="the word vectors the model was trained with")
    parser.add_argument("--data", type=Path, required=True, help="the NER stage's prepared data (WORK/data/ner)")
    parser.add_argument("--out", type=Path, default=None, help="keep predictions and logs here")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="ner-eval-"))
    out.mkdir(parents=True, exist_ok=True)
    model = out / "model.pt"
    shutil.copyfile(args.model, model)
    config = TrainConfig(ud_dir=Path("."), work_dir=out, output_dir=out)
    runner = Runner(config, log=lambda line: None)
    table = score_ner_model(model, NerFiles(args.data), runner, vectors=["--wordvec_pretrain_file", str(args.pretrain)],
                            out_dir=out)
    (out / "ner-eval.md").write_text(table + "\n", encoding="utf-8")
    print(f"{args.model}\n\n{table}")


if __name__ == "__main__":
    main()
