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
from pathlib import Path
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


# --- word vectors for the parser ---------------------------------------------------------------------------------

# the parser's vector vocabulary: every UD training word the table knows, then general English by frequency;
# float32 (Stanza's parser embeds the stored tensor as it is), so 56k x 100 keeps the file under 25 MB
PARSER_VECTOR_WORDS = 56_000
PARSER_VECTOR_DIMS = 100


def wordfreq_words(source: Path) -> list[str]:
    """English words most frequent first, from the `wordfreq` package's wheel (or unpacked folder): its
    large_en list (news, Wikipedia, books, subtitles, web; 321k words, digits written as 0)."""
    import gzip
    import zipfile

    import msgpack

    member = "wordfreq/data/large_en.msgpack.gz"
    raw = zipfile.ZipFile(source).read(member) if source.is_file() else (source / member).read_bytes()
    bins = msgpack.loads(gzip.decompress(raw), raw=False, strict_map_key=False)
    return [word for frequency_bin in bins[1:] for word in frequency_bin]  # bins[0] is the format header


def build_parser_pretrain(vectors: Path, ud_dir: Path, output: Path, *, frequency_list: Optional[Path] = None,
                          max_words: int = PARSER_VECTOR_WORDS, dims: int = PARSER_VECTOR_DIMS) -> tuple[int, int]:
    """The parser's Stanza pretrain file from spaCy's md vectors, as the NER's (quotes.training.ner.build_pretrain:
    lowercased, top principal axes, but float32), with a vocabulary wide enough for news: the UD English train/dev
    words first, then `frequency_list`'s (a wordfreq wheel) until `max_words`. Returns (words, dims)."""
    from quotes.training.ner import build_pretrain, word_frequencies

    words = word_frequencies(ud_dir) + (wordfreq_words(frequency_list) if frequency_list else [])
    return build_pretrain(vectors, output, words_by_frequency=words, max_words=max_words, dims=dims,
                          dtype="float32")
