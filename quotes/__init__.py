"""quote-tracker: find statements in news articles, tie them to speakers, track them across articles.

The public API is importable from `quotes` itself; each name loads its module on first use, so
`import quotes` stays fast (Stanza and the database layer load only when asked for):

- extraction: `load_pipeline`, `extract_articles`, `read_articles`, `Article`, `QuoteRecord`,
  `PIPELINE_VERSION`
- storage: `make_engine`, `session_scope`, `ingest_paths` (files to database, as `quotes ingest`),
  `ingest_article` (one article and its records), `stanza_extractor`
- look-ups: `find_speakers`, `list_speakers`, `quotes_by`, `statements_by`, `article_quotes`,
  `search_quotes`, `QuoteFilters`
- citations: `csl_items`

The README's "Python" section walks through them (it runs as a doctest).
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

# Bumped whenever extraction output can change, so `quotes ingest --reprocess` knows what to redo.
# 2: speaker kinds and names from the NER, reworked attribution rules (issue 9); 3: sibling cues end a
# statement, briefing answers, honorific antecedents, asides after a quote closed on a comma; 4: names in
# apposition whole and their role only the title, titles after an employer, possessors never the speaker,
# surnames that are months or titles, a speaker set off before a conjunct cue, sentences cut inside a name joined;
# 5: a statement's pieces joined by " … " where words were cut, a direct quote's closing comma left to the frame;
# 6: names never across line breaks, titles cut off by the sentence splitter, 'Governor of X Name', document
# sources, 'the company' / a party or age standing for who spoke last, possessives after abbreviations are no
# quote marks, a mention of common nouns only ("Officials said") names nobody; 7: 'Y, X said' with a quoted word
# or a ', which' clause in Y, names ending before lower-case words, body-title-name and 'the Acme CEO' mentions,
# 'with X stating', attribution lines and lead-in sentences parsed, organisation short forms, document authors;
# 8: 'Y, Secretary X said Thursday', a bare closing ', X said' hung on a noun, '…, said X, adding', 'At Acme,
# the company', names ending in a plural people word are groups, possessors are not speakers, 'V-DEM';
# 9: group nouns opening a sentence name nobody (also tagged proper nouns), 'According to X,' keeps its ', which'
# clauses, '…, said X, asserting', 'its' (and other words without an apostrophe) never split in two by the
# tokenizer, sentences cut after 'Gov.' or 'Jan.' joined, 'remind' a cue
PIPELINE_VERSION = "9"

# public name -> the module that defines it
_EXPORTS = {
    "load_pipeline": "quotes.runtime.nlp",
    "extract_articles": "quotes.extraction.extract",
    "read_articles": "quotes.ingest.article",
    "Article": "quotes.records",
    "QuoteRecord": "quotes.records",
    "make_engine": "quotes.db.engine",
    "session_scope": "quotes.db.engine",
    "ingest_article": "quotes.db.store",
    "ingest_paths": "quotes.ingest.store",
    "stanza_extractor": "quotes.ingest.batch",
    "find_speakers": "quotes.db.queries",
    "list_speakers": "quotes.db.queries",
    "quotes_by": "quotes.db.queries",
    "statements_by": "quotes.db.queries",
    "article_quotes": "quotes.db.queries",
    "search_quotes": "quotes.db.queries",
    "QuoteFilters": "quotes.db.rows",
    "csl_items": "quotes.citations",
}

__all__ = ["__version__", "PIPELINE_VERSION", *_EXPORTS]


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'quotes' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
