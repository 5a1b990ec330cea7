"""Typed errors of the library; the CLI turns them into one-line messages that say how to fix the problem."""


class QuotesError(Exception):
    """Base of every error quote-tracker raises on purpose."""


class ModelsNotFound(QuotesError):
    """The Stanza models the pipeline needs are not where we looked."""


class InputError(QuotesError):
    """An input file (or one JSONL line) cannot be read as an article."""


class UnsafeModel(QuotesError):
    """A model file holds pickled Python objects, not only weights: loading it could run code, so it is refused."""

    @classmethod
    def refusing(cls, what: str, error: Exception) -> "UnsafeModel":
        """The error for `what` (a file or folder) from torch's weights-only UnpicklingError, in one line."""
        lines = [line.strip() for line in str(error).splitlines() if line.strip()]
        detail = next((line for line in lines if "GLOBAL" in line), lines[0] if lines else type(error).__name__)
        return cls(f"{what}: refused: a model file holds Python objects that loading would run, not only "
                   f"weights ({detail.rstrip('.')}); use only model files you trust: the bundled models, ones "
                   "you trained with `quotes train-models`, or the official Stanza English models")
