"""Helpers shared by the fault tests (a module of its own: `conftest` names clash across test folders)."""

import re

from quotes.records import QuoteRecord

GOOD = "Harbour plan\n\n\"We will rebuild the pier,\" the mayor said.\n"
DROP_ROOT = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
"""Prefix for a child process that root runs without the capabilities that ignore file permissions."""


def fake_extract(texts, sources):
    """Every "..." span is a direct quote: enough to see which articles reached the extractor."""
    return [[QuoteRecord(source=source, text=m.group(1), start=m.start(1), end=m.end(1), kind="direct")
             for m in re.finditer(r'"([^"]+)"', text)] for text, source in zip(texts, sources)]


def fake_factory():
    return fake_extract
