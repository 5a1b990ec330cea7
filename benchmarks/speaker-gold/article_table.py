"""Print the README's article table from sources.json and labels/: one row per article with its outlet,
licence, where the text came from, and how many statements it has.

  python benchmarks/speaker-gold/article_table.py"""

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    sources = json.loads((HERE / "sources.json").read_text(encoding="utf-8"))["articles"]
    rows, outlets, total = [], set(), 0
    for name, entry in sorted(sources.items()):
        labels = HERE / "labels" / f"{name}.jsonl"
        count = sum(1 for line in labels.read_text(encoding="utf-8").splitlines() if line.strip()) \
            if labels.is_file() else 0
        total += count
        outlets.add(entry["outlet"])
        text = "rebuilt (`rebuild_texts.py`)" if "rebuild" in entry else "committed"
        rows.append(f"| {name} | {entry['outlet']} | {count} | {entry['licence']} | {text} | {entry['url']} |")
    print(f"{len(rows)} articles, {len(outlets)} outlets, {total} statements.\n")
    print("| article | outlet | statements | licence | text | source |")
    print("|---|---|---:|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
