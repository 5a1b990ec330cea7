"""Run Stanza's dependency-parser trainer, keeping the vocabulary of the model it continues from.

`python -m stanza.models.parser --continue_from M` loads M's weights but indexes the training data with a
vocabulary rebuilt from the training file. When that file differs from the one M was trained on (predicted
instead of gold tags, other treebanks) the rebuilt indices no longer match M's embeddings: at best an index
error, at worst silently shuffled tag embeddings. Run as `python -m quotes.training.parser ARGS`, with
Stanza's parser arguments; with --continue_from, every data loader that would build its own vocabulary uses
M's instead (words and tags M never saw map to its unknown entry).
"""

from __future__ import annotations

import pickle
import sys
from typing import Optional

from quotes.errors import UnsafeModel


def warmstart_vocab(path: str):
    """The vocabulary stored in a saved Stanza parser. Loaded weights-only, as Stanza loads its own models:
    a pickle that would run code (a hostile --parser-warmstart file) raises UnsafeModel instead."""
    import torch
    from stanza.models.pos.vocab import MultiVocab

    try:
        saved = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as error:
        raise UnsafeModel.refusing(path, error) from error
    return MultiVocab.load_state_dict(saved["vocab"])


def _continue_from(argv: list[str]) -> Optional[str]:
    for index, arg in enumerate(argv):
        if arg == "--continue_from" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--continue_from="):
            return arg.split("=", 1)[1]
    return None


def pin_vocab(vocab) -> None:
    """Make Stanza's parser trainer use `vocab` wherever it would build one from data."""
    from stanza.models import parser
    from stanza.models.depparse.data import DataLoader

    pinned = vocab

    class PinnedVocabLoader(DataLoader):
        def __init__(self, doc, batch_size, args, pretrain, vocab=None, *rest, **options):
            super().__init__(doc, batch_size, args, pretrain, vocab if vocab is not None else pinned, *rest,
                             **options)

    parser.DataLoader = PinnedVocabLoader


def main(argv: Optional[list[str]] = None) -> None:
    from stanza.models import parser

    argv = list(sys.argv[1:] if argv is None else argv)
    warmstart = _continue_from(argv)
    if warmstart:
        try:
            pin_vocab(warmstart_vocab(warmstart))
        except UnsafeModel as error:
            sys.exit(f"error: {error}")  # one line in the stage log, not a traceback
    parser.main(argv)


if __name__ == "__main__":
    main()
