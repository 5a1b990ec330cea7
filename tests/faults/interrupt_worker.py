"""`quotes ingest` in a process of its own with a slow fake extractor: the target of kill -9, Ctrl-C and
the 4-writer race (tests/faults/test_interrupts.py, test_concurrency.py, benchmarks/soak.py).

    python interrupt_worker.py MARKS DELAY [START_AT] -- ingest PATH... --db URL --no-progress

runs the real click group (quotes.cli.main) with App(extractor_factory=...) instead of Stanza, so no model
loads. The extractor appends one line per article to MARKS as it starts it (the caller watches that file
to choose its moment) and sleeps DELAY seconds per article. START_AT (epoch seconds) makes several
workers begin together.
"""

from __future__ import annotations

import re
import sys
import time
from functools import partial
from pathlib import Path
from typing import Optional

SPEAKERS = ["Stéphane Dujarric", "Stephane Dujarric", "Amara Osei", "Dr Amara Osei", "Tomas Brandt",
            "Lena Varga", "Ms Lena Varga", "Jonas Whitfield"]
LINE = re.compile(r'^"([^"]+)," said ([^.]+)\.$', re.MULTILINE)
QUOTES_PER_ARTICLE = 30


def article_text(number: int) -> str:
    """Article `number`: a title and QUOTES_PER_ARTICLE lines '"Sentence," said Speaker.' (own sentences:
    every statement is new, every speaker comes back)."""
    lines = [f"Harbour report number {number}", ""]
    for j in range(QUOTES_PER_ARTICLE):
        speaker = SPEAKERS[(number + j) % len(SPEAKERS)]
        lines.append(f'"The pier section {j % 10} of harbour {number % 7} reopens in week {(number * j) % 13}," '
                     f"said {speaker}.")
    return "\n".join(lines) + "\n"


def write_articles(folder: Path, numbers) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in numbers:
        path = folder / f"article-{number:03}.txt"
        if not path.exists():
            path.write_text(article_text(number), encoding="utf-8")
        paths.append(path)
    return paths


def quotes_in(texts, sources):
    """Every '"...," said Name.' line is a direct quote by Name (the fake extractor's whole logic)."""
    from quotes.records import QuoteRecord

    return [[QuoteRecord(source=source, text=m.group(1), start=m.start(1), end=m.end(1), kind="direct",
                         speaker=m.group(2), speaker_kind="person", mention=m.group(2),
                         mention_start=m.start(2), mention_end=m.end(2))
             for m in LINE.finditer(text)] for text, source in zip(texts, sources)]


def slow_extract(texts, sources, *, marks: Optional[str], delay: float):
    results = []
    for text, source in zip(texts, sources):
        if marks:
            with open(marks, "a", encoding="utf-8") as out:
                out.write(f"{source}\n")
        time.sleep(delay)
        results.extend(quotes_in([text], [source]))
    return results


def slow_factory(marks: Optional[str], delay: float):
    return partial(slow_extract, marks=marks, delay=delay)


def main(argv: list[str]) -> None:
    from quotes.cli.context import App
    from quotes.cli.main import main as quotes

    split = argv.index("--")
    own, args = argv[:split], argv[split + 1:]
    marks, delay = own[0] or None, float(own[1])
    if len(own) > 2:
        time.sleep(max(0.0, float(own[2]) - time.time()))
    quotes.main(args, obj=App(extractor_factory=partial(slow_factory, marks, delay)), prog_name="quotes")


if __name__ == "__main__":
    main(sys.argv[1:])
