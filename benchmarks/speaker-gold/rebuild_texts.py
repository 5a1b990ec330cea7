"""Rebuild the texts of the labelled articles whose licence keeps them out of this repository, from the public
copy named in sources.json, by id; each rebuilt text is checked against the SHA-256 its labels were made on.

  python benchmarks/speaker-gold/rebuild_texts.py                 # downloads the pinned public copy
  python benchmarks/speaker-gold/rebuild_texts.py --csv cleaned.csv   # or reads a local copy of it

The texts go to texts/ (ignored by git); `quotes eval --speakers` skips an article whose text is absent."""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import sys
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent


def load_rows(source: dict, local: Path | None) -> dict[str, str]:
    """url -> raw_text of the pinned CSV (jennhu/metalinguistic-prompting's NewsData scrape)."""
    if local is not None:
        data = local.read_bytes().decode("utf-8")
    else:
        url = f"https://raw.githubusercontent.com/{source['repo']}/{source['commit']}/{source['path']}"
        with urllib.request.urlopen(url, timeout=60) as response:
            data = response.read().decode("utf-8")
    csv.field_size_limit(1 << 24)
    return {row["url"]: row["raw_text"] for row in csv.DictReader(io.StringIO(data))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, help="a local copy of the pinned CSV instead of downloading it")
    args = parser.parse_args()
    sources = json.loads((HERE / "sources.json").read_text(encoding="utf-8"))
    wanted = {name: entry for name, entry in sources["articles"].items() if "rebuild" in entry}
    if not wanted:
        print("nothing to rebuild", file=sys.stderr)
        return 0
    rows = load_rows(sources["rebuild_from"], args.csv)
    failed = 0
    for name, entry in sorted(wanted.items()):
        text = rows.get(entry["rebuild"]["id"])
        if text is None or hashlib.sha256(text.encode("utf-8")).hexdigest() != entry["rebuild"]["sha256"]:
            print(f"{name}: {'not in the source' if text is None else 'text differs from the labelled one'}",
                  file=sys.stderr)
            failed += 1
            continue
        (HERE / "texts" / f"{name}.txt").write_bytes(text.encode("utf-8"))
    print(f"rebuilt {len(wanted) - failed} of {len(wanted)} texts", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
