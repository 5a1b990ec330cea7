"""Turn a reader's notes on one article into its labels file: each note line names a quoted statement by its
exact words, and this finds their offsets (searching forward from the previous note, so repeated words are
told apart by order). It reads no parse and runs no extractor: who said what is the note-writer's reading.

  python benchmarks/speaker-gold/label_offsets.py NAME < notes.txt     # writes labels/NAME.jsonl

Note line: QUOTED WORDS | SPEAKER (fullest name in the article, or -) | KIND | HOW | ROLE (or -)
KIND: person / organization / group / unnamed; HOW: name / surname / pronoun / title / description / none.
Lines starting with # are comments."""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = ("person", "organization", "group", "unnamed")
HOWS = ("name", "surname", "pronoun", "title", "description", "none")


def labels_from_notes(text: str, notes: str) -> list[dict]:
    rows, position = [], 0
    for number, line in enumerate(notes.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.rsplit(" | ", 4)]  # the quoted words may hold " | "
        if len(fields) != 5:
            sys.exit(f"note {number}: want 5 fields separated by ' | ', got {len(fields)}: {line!r}")
        quote, speaker, kind, how, role = fields
        if kind not in KINDS or how not in HOWS:
            sys.exit(f"note {number}: kind {kind!r} / how {how!r} unknown")
        start = text.find(quote, position)
        if start < 0:
            where = "earlier in the text" if quote in text else "nowhere in the text"
            sys.exit(f"note {number}: {quote[:60]!r} not found after the previous note ({where})")
        rows.append({"start": start, "end": start + len(quote), "quote": quote,
                     "speaker": None if speaker == "-" else speaker, "kind": kind,
                     "role": None if role == "-" else role, "how": how})
        position = start + 1
    return rows


def main() -> None:
    name = sys.argv[1]
    text = (HERE / "texts" / f"{name}.txt").read_bytes().decode("utf-8")
    rows = labels_from_notes(text, sys.stdin.read())
    with open(HERE / "labels" / f"{name}.jsonl", "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{name}: {len(rows)} statements", file=sys.stderr)


if __name__ == "__main__":
    main()
