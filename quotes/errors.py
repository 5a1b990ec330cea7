"""Typed errors of the library; the CLI turns them into one-line messages that say how to fix the problem."""


class QuotesError(Exception):
    """Base of every error quote-tracker raises on purpose."""


class ModelsNotFound(QuotesError):
    """The Stanza models the pipeline needs are not where we looked."""


class InputError(QuotesError):
    """An input file (or one JSONL line) cannot be read as an article."""
