"""A stand-in extractor for the cluster tests, importable by the Dask worker processes (they inherit sys.path).

Every "..." span followed by `said Name Surname` is a direct quote by that name; an article holding CRASH
makes the extractor raise, to prove one bad article does not stop the run."""

import os
import re

from quotes.records import QuoteRecord

QUOTE = re.compile(r'"([^"]+?),?" said ([A-Z]\w+ [A-Z]\w+)')
BUILT_IN = []  # process ids where the factory ran: each worker builds its extractor once


def extract(texts, sources):
    if any("CRASH" in text for text in texts):
        raise RuntimeError("parser crashed")
    return [[QuoteRecord(source=source, text=m.group(1), start=m.start(1), end=m.end(1), kind="direct",
                         cue="said", speaker=m.group(2), speaker_kind="person", mention=m.group(2),
                         mention_start=m.start(2), mention_end=m.end(2), confidence=0.9, rule="fake")
             for m in QUOTE.finditer(text)] for text, source in zip(texts, sources)]


def factory():
    BUILT_IN.append(os.getpid())
    return extract


def builds_here():
    return len(BUILT_IN)
