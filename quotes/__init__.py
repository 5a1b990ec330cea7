"""quote-tracker: find statements in news articles, tie them to speakers, track them across articles."""

__version__ = "0.1.0"

# Bumped whenever extraction output can change, so `quotes ingest --reprocess` knows what to redo.
PIPELINE_VERSION = "1"
