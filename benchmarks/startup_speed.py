"""Start-up cost of a one-file `quotes extract`, whole command and by stage. Prints numbers; asserts nothing.

    python benchmarks/startup_speed.py [FILE] [--rounds 3] [--baseline-path DIR]

Whole command: `quotes extract FILE` start to exit, CPU seconds (user + sys of the child, as /usr/bin/time
counts them), median of --rounds. By stage, in one fresh process each round: import torch, import stanza,
build the pipeline (`load_pipeline`: read the model files, quantize), extract FILE. --baseline-path DIR runs
the same with another checkout's code first on PYTHONPATH (e.g. `git archive COMMIT | tar -x -C DIR`), the
two interleaved round by round, so both see the same machine load.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FILE = ROOT / "quotes" / "samples" / "wire-kazakhstan.txt"

STAGES = r"""
import json, sys, time
marks = [time.process_time()]
import torch; marks.append(time.process_time())
import quotes.runtime.nlp
getattr(quotes.runtime.nlp, "defer_import", lambda name: None)("networkx")  # as QuotesNLP does before importing stanza
import stanza; marks.append(time.process_time())
from quotes.runtime.nlp import load_pipeline
nlp = load_pipeline(); marks.append(time.process_time())
import quotes
records = quotes.extract_articles([open(sys.argv[1], encoding="utf-8").read()], nlp=nlp)
marks.append(time.process_time())
names = ("import torch", "import stanza", "pipeline build", "extraction")
print(json.dumps(dict(zip(names, (b - a for a, b in zip(marks, marks[1:]))))))
"""


def child_cpu(command: list[str], env: dict) -> float:
    """CPU seconds (user + sys) the command spent, its output thrown away."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, cwd="/")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def environment(code_path: str | None) -> dict:
    env = dict(os.environ, OMP_NUM_THREADS=os.environ.get("OMP_NUM_THREADS", "1"))
    if code_path:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [code_path, env.get("PYTHONPATH")]))
    return env


def measure(file: str, env: dict) -> tuple[float, dict]:
    quotes_cli = [sys.executable, "-c", "import sys; from quotes.cli.main import main; sys.exit(main())"]
    # from / so that `python -c` (which puts the working directory first on sys.path) imports the code asked for
    whole = child_cpu(quotes_cli + ["extract", file], env)
    stages = subprocess.run([sys.executable, "-c", STAGES, file], env=env, capture_output=True, text=True,
                            check=True, cwd="/")
    return whole, json.loads(stages.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?", default=str(DEFAULT_FILE), type=lambda name: str(Path(name).resolve()))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--baseline-path", help="another checkout's root, run first on PYTHONPATH")
    args = parser.parse_args()
    runs = {"baseline": environment(args.baseline_path)} if args.baseline_path else {}
    runs["this code"] = environment(str(ROOT))
    results: dict[str, list] = {name: [] for name in runs}
    for _ in range(args.rounds):
        for name, env in runs.items():
            results[name].append(measure(args.file, env))
    print(f"`quotes extract {Path(args.file).name}`, CPU seconds (user + sys), median of {args.rounds}")
    for name, rounds in results.items():
        whole = statistics.median(w for w, _ in rounds)
        stages = {stage: statistics.median(s[stage] for _, s in rounds) for stage in rounds[0][1]}
        print(f"{name:>10}: whole command {whole:.2f}   " +
              "   ".join(f"{stage} {seconds:.2f}" for stage, seconds in stages.items()))


if __name__ == "__main__":
    main()
