"""The only module that builds Stanza pipelines: bundled models by default, a user's official models on request.

Tokenizing is cheap and runs on everything; POS, lemma and the dependency parse are the expensive part, so
`QuotesNLP.parse` runs them only on the sentences a caller selects (those that can hold a statement).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import logging
import os
import pickle
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional

from quotes.runtime.ner import copy_ner_tags, ner_options
from quotes.errors import ModelsNotFound, UnsafeModel

BUNDLED_DIR = Path(__file__).parent.parent / "models" / "en"
ENV_VAR = "QUOTES_STANZA_DIR"
THREADS_VAR = "QUOTES_THREADS"
# Tagger and parser LSTMs/linears with dynamic int8 weights by default ("none" keeps float32): parse stage
# -17% CPU; PolNeAR dev direct F1 0.8563 -> 0.8577, direct speaker accuracy 0.9053 -> 0.9041, all
# precision 0.8155 -> 0.8167; UK-style copy 0.8691/0.9062/0.8236 -> 0.8689/0.9066/0.8236.
QUANTIZE_VAR = "QUOTES_QUANTIZE"
# One torch thread per process: on a busy 2-core machine two threads spin and burn CPU (measured 254 s vs
# 36 s for the same 50 articles); parallelism comes from `--workers` processes instead.
DEFAULT_THREADS = 1

# Cyclic GC after the models are loaded: their objects are frozen (never scanned again) and a collection
# starts after this many new container objects, not 700. Stanza's documents make and drop many small objects,
# so at 700 the collector ran constantly over hundreds of thousands of live model objects: 7.5% of CPU
# (14% of the tokenizer) in a profile of 50 PolNeAR articles; freezing plus this threshold gave -12% to -22%
# CPU on extraction in 4 paired runs (issue 22). Output is unchanged: only when garbage is found changes.
GC_GEN0_THRESHOLD = 50_000

# processor -> file name inside a bundled-style model folder
MODEL_FILES = {
    "tokenize": "tokenizer.pt",
    "mwt": "mwt.pt",
    "pos": "tagger.pt",
    "lemma": "lemmatizer.pt",
    "depparse": "parser.pt",
}
# optional word vectors of a parser trained with them (`quotes train-models --parser-pretrain`), beside parser.pt
PARSER_PRETRAIN = "parser_pretrain.pt"
PARSE_PROCESSORS = "tokenize,pos,lemma,depparse"
# Stanza insists on reading a resources.json; ours names no downloadable packages, so nothing can be fetched
EMPTY_RESOURCES = Path(__file__).parent.parent / "data" / "stanza_resources.json"
# processor batch sizes (words) for the selected sentences: Stanza's defaults (depparse 3000) pad long batches;
# 500 parsed the same sentences ~10% faster (benchmarks/extract_speed.py, 24 PolNeAR documents)
BATCH_SIZES = {"pos_batch_size": 500, "depparse_batch_size": 500}
# word attributes the parse fills in and `parse` copies back onto the caller's documents
PARSED_FIELDS = ("upos", "xpos", "feats", "lemma", "head", "deprel")


@dataclass(frozen=True)
class ModelSource:
    """Where the models come from: a bundled-style folder of .pt files, or an official stanza_resources dir."""

    path: Path
    official: bool

    def describe(self) -> str:
        return f"official Stanza models in {self.path}" if self.official else f"models in {self.path}"


def resolve_models(stanza_dir: Optional[str] = None) -> ModelSource:
    """Pick the model folder: explicit argument, then $QUOTES_STANZA_DIR, then the bundled models."""
    chosen = stanza_dir or os.environ.get(ENV_VAR)
    path = Path(chosen).expanduser() if chosen else BUNDLED_DIR
    if (path / "resources.json").is_file() and (path / "en").is_dir():
        return ModelSource(path, official=True)
    missing = [name for name in MODEL_FILES.values() if not (path / name).is_file()]
    if missing:
        raise ModelsNotFound(
            f"no usable Stanza models in {path} (missing {', '.join(missing)}): reinstall quote-tracker to get the "
            f"bundled models, run `quotes train-models`, or pass --stanza-dir / set {ENV_VAR} to a folder holding "
            "the official Stanza English models (stanza.download('en', model_dir=DIR) on a connected machine)"
        )
    return ModelSource(path, official=False)


def _pipeline_options(source: ModelSource, processors: str) -> dict:
    # CRITICAL: Stanza would log each load error too; the caller gets it as an exception, shown in one line
    common = dict(lang="en", processors=processors, download_method=None, logging_level="CRITICAL", use_gpu=False,
                  dir=str(source.path))
    if source.official:
        return common | BATCH_SIZES
    paths = {f"{name}_model_path": str(source.path / MODEL_FILES[name]) for name in processors.split(",")}
    # our tagger was trained without word vectors, the parser with them only where its vectors file is there;
    # tell Stanza not to look for any others
    no_pretrain = {f"{name}_pretrain_path": None for name in ("pos", "depparse") if name in processors}
    if "depparse" in processors and (source.path / PARSER_PRETRAIN).is_file():
        no_pretrain["depparse_pretrain_path"] = str(source.path / PARSER_PRETRAIN)
    local = {"resources_filepath": str(EMPTY_RESOURCES), "allow_unknown_language": True}
    return common | local | paths | no_pretrain | BATCH_SIZES


def _model_reading(source: ModelSource):
    """How Stanza's torch.load calls read the files: the bundled ones (shipped with this code, so trusted as it
    is) through quotes.runtime.fastload (-1.1 CPU-s of start-up), any other folder weights-only as Stanza asks."""
    if source.official or os.path.realpath(source.path) != os.path.realpath(BUNDLED_DIR):
        return contextlib.nullcontext()
    from quotes.runtime.fastload import fast_torch_load

    return fast_torch_load(source.path)


def broken_model_file(source: ModelSource, error: BaseException) -> str:
    """Which model file of `source` cannot be read, and how: called only once loading failed, so the files
    are read a second time only then (weights-only, as Stanza reads them)."""
    import torch

    candidates = sorted(source.path.rglob("*.pt")) if source.official else [
        source.path / name for name in (*MODEL_FILES.values(), PARSER_PRETRAIN, "ner.pt", "ner_pretrain.pt")
        if (source.path / name).is_file()]
    for path in candidates:
        try:
            if path.stat().st_size == 0:
                return f"{path.name} is empty (0 bytes)"
            torch.load(path, map_location="cpu", weights_only=True)
        except pickle.UnpicklingError:
            continue  # weights-only refusal: a file of its own kind, reported as unsafe when Stanza loads it
        except (EOFError, RuntimeError, OSError) as problem:
            reason = str(problem).splitlines()[0] if str(problem).strip() else "it ends early"
            return f"{path.name} is truncated or unreadable ({type(problem).__name__}: {reason})"
    return f"{type(error).__name__}: {str(error).splitlines()[0] if str(error).strip() else 'a file ends early'}"


class QuotesNLP:
    """Two Stanza pipelines: tokenize+mwt for whole articles, pos+lemma+depparse for selected sentences."""

    def __init__(self, source: ModelSource):
        defer_import("networkx")
        import stanza  # heavy import, kept out of module import so the CLI starts fast

        from quotes.runtime import decode, speedups

        set_torch_threads()
        skip_compiler_import()
        self.source = source
        # NER rides on the parse pipeline when a model is there (optional: quotes.extraction.entities)
        ner = ner_options(source)
        self.has_ner = bool(ner)
        try:
            with _model_reading(source):
                self._tokenizer = stanza.Pipeline(**_pipeline_options(source, "tokenize,mwt"))
                self._parser = stanza.Pipeline(
                    **(_pipeline_options(source, PARSE_PROCESSORS) | ner), tokenize_pretokenized=True
                )
            decode.install(self._parser)
            speedups.install_long_tensor()
            speedups.remember_feature_strings(self._parser)
            speedups.install_ner_decode(self._parser)
            if quantize_mode() == "int8":
                quantize_int8(self._parser)
            settle_heap()
        except (FileNotFoundError, KeyError, ValueError) as error:
            raise ModelsNotFound(
                f"could not load {source.describe()}: {error}. Check the folder or pass another --stanza-dir"
            ) from error
        except (EOFError, RuntimeError, OSError) as error:  # a truncated, empty or unreadable file
            raise ModelsNotFound(f"could not load {source.describe()}: {broken_model_file(source, error)}; copy "
                                 "the models again, or pass another --stanza-dir") from error
        except pickle.UnpicklingError as error:  # Stanza loads weights-only: this file would have run code
            raise UnsafeModel.refusing(source.describe(), error) from error

    def tokenize(self, texts: Iterable[str]) -> list:
        """Tokenize and split sentences; tokens keep start_char/end_char into each text."""
        from stanza import Document

        documents = [Document([], text=text) for text in texts]
        return [rejoin_split_names(unsplit_whole_words(doc)) for doc in self._tokenizer(documents)] \
            if documents else []

    def parse(self, docs: list, select: Callable[[object], bool]) -> int:
        """Tag, lemmatize and parse, in place, the sentences `select` accepts. Returns how many were parsed."""
        chosen = [sentence for doc in docs for sentence in doc.sentences if select(sentence)]
        if not chosen:
            return 0
        parsed = self._parser([[word.text for word in sentence.words] for sentence in chosen])
        for target, result in zip(chosen, parsed.sentences):
            _copy_parse(result, target)
            if self.has_ner:
                copy_ner_tags(result, target)
        return len(chosen)

    def parse_all(self, docs: list) -> int:
        return self.parse(docs, lambda sentence: True)


# the runtime reads no rule lists (tests/test_layers.py); quotes/data/rule_words.tsv 'weekdays' holds the same days
WEEKDAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})


# abbreviations whose full stop the sentence splitter takes for a sentence's end: a title before a name, a month
# before a day (the runtime reads no rule lists, so they are written here)
ABBREVIATED_TITLES = frozenset({"Gov.", "Sen.", "Sens.", "Rep.", "Reps.", "Mr.", "Mrs.", "Ms.", "Dr.", "Rev.", "Gen.",
                                "Lt.", "Col.", "Sgt.", "Capt.", "Adm.", "Cmdr.", "Prof.", "Atty.", "Supt.",
                                "Sr.", "Fr.", "Hon."})
ABBREVIATED_MONTHS = frozenset({"Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.",
                                "Nov.", "Dec."})


def split_inside_a_name(last: str, first: str, between: str) -> bool:
    """Did the sentence splitter cut one sentence between two words, `last` ending one sentence and `first`
    opening the next, with `between` the text between them? The bundled tokenizer splits inside names it
    does not know ('Kim Jong | Un said', 'Dr. Nguyen Van | Thanh, head of …', 'The Affordable Care | Act'):
    a sentence that ends on a capitalised word, with no full stop, in the middle of a line. A word in
    capitals ends a run-in headline ('… HARBOUR FIRE Two ferries …'), and so does a line break. It also takes an
    abbreviation's full stop for a sentence's end: a title before a capitalised word ('New Jersey Gov. | Chris
    Christie said') and a month before a number ('the Jan. | 6 defendants')."""
    if between.strip() or "\n" in between:
        return False
    if (last in ABBREVIATED_TITLES and first[:1].isupper()) or (last in ABBREVIATED_MONTHS and first[:1].isdigit()):
        return True  # 'New Jersey Gov. | Chris Christie said', 'the Jan. | 6 defendants': an abbreviation's stop
    if not re.fullmatch(r"\w[\w'’-]*", last):
        return False
    if first in WEEKDAYS and last[:1].islower():
        return True  # 'said … told reporters | Thursday that …': a day name read as a sentence's first word
    if not last[:1].isupper():
        return False
    headline = len(last) > 1 and last.isupper()
    return not headline and first[:1].isalpha()


def rejoin_split_names(doc):
    """The document with every sentence that `split_inside_a_name` finds cut joined to the next one (token
    offsets unchanged); the same document when there is none."""
    from stanza import Document

    sentences = doc.sentences
    if not sentences:
        return doc
    groups = [[sentences[0]]]
    for sentence in sentences[1:]:
        previous = groups[-1][-1]
        last, first = previous.tokens[-1], sentence.tokens[0]
        if split_inside_a_name(last.text, first.text, doc.text[last.end_char:first.start_char]):
            groups[-1].append(sentence)
        else:
            groups.append([sentence])
    if len(groups) == len(sentences):
        return doc
    return Document([_joined_dicts(group) for group in groups], text=doc.text)


# words the tokenizer may expand into two with no apostrophe in them: UD's own splits ('can not', 'gon na')
SPLIT_WITHOUT_APOSTROPHE = frozenset({"cannot", "gonna", "gotta", "wanna"})


def one_word(token_text: str) -> bool:
    """A token the tokenizer must not expand into several words: no apostrophe to split at and no contraction UD
    splits. The bundled tokenizer expands 'its' into 'it s' (EWT spells some 'it's' so, and splits them) about
    one time in three in news, and now and then 'Donna' into 'Don na' or 'giant' into 'gia nt'."""
    return not any(c in token_text for c in "'’‘`") and token_text.lower() not in SPLIT_WITHOUT_APOSTROPHE


def unsplit_whole_words(doc):
    """The document with every multi-word token that is `one_word` made one word again (offsets unchanged, word
    ids renumbered); the same document when there is none."""
    from stanza import Document

    if not any(len(t.words) > 1 and one_word(t.text) for s in doc.sentences for t in s.tokens):
        return doc
    sentences = []
    for sentence in doc.sentences:
        entries, removed, skip = [], 0, 0  # words dropped so far; word entries of a joined token still to drop
        for entry in sentence.to_dict():
            entry = dict(entry)
            if skip:
                skip -= 1
                continue
            if isinstance(entry["id"], tuple) and one_word(entry["text"]):
                first, last = entry["id"]
                skip, entry["id"] = last - first + 1, first - removed
                removed += last - first
            else:
                entry["id"] = tuple(i - removed for i in entry["id"]) if isinstance(entry["id"], tuple) \
                    else entry["id"] - removed
            entries.append(entry)
        sentences.append(entries)
    return Document(sentences, text=doc.text)


def _joined_dicts(group: list) -> list[dict]:
    """The token and word dicts of consecutive sentences as one sentence, word ids running on."""
    joined, offset = [], 0
    for sentence in group:
        for entry in sentence.to_dict():
            entry = dict(entry)
            entry["id"] = tuple(i + offset for i in entry["id"]) if isinstance(entry["id"], tuple) \
                else entry["id"] + offset
            joined.append(entry)
        offset += len(sentence.words)
    return joined


def _copy_parse(parsed_sentence, target_sentence) -> None:
    for source_word, target_word in zip(parsed_sentence.words, target_sentence.words):
        for name in PARSED_FIELDS:
            setattr(target_word, name, getattr(source_word, name))
    target_sentence.build_dependencies()


def torch_threads() -> int:
    """Torch threads for this process: $QUOTES_THREADS when set to a positive number, else one."""
    value = os.environ.get(THREADS_VAR, "")
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_THREADS


def set_torch_threads() -> None:
    import torch

    torch.set_num_threads(torch_threads())
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:  # only settable before the first parallel work in the process; then leave it
        pass


def quantize_mode() -> str:
    """'int8' (the default) or 'none', from $QUOTES_QUANTIZE."""
    return "none" if os.environ.get(QUANTIZE_VAR, "int8").strip().lower() in ("none", "0", "off", "float32") \
        else "int8"


# Modules that read a word's character representation, directly or through the first LSTM layer, with the
# outlier ratio above which a batch runs them in float32. Stanza's character model sums its outputs over a word's
# characters, so one long token (a 600-character URL) makes that word's activations 20-130 times those of the
# median word, and dynamic int8, with one scale for the whole batch tensor, then leaves every other word of the
# batch a handful of levels: on EWT test the tagger fell from UPOS 93.6 to 84.3. The ratio is the largest
# word's largest absolute input over the median word's; news in PolNeAR and its UK copy reach 15.7 (tagger) and
# 1.8 (parser), EWT's ordinary batches 17.5 and 3.1, batches with such a URL 77-128 and 20-25. Later layers
# read LSTM states (bounded by 1) and stay int8 always; so does NER, whose character model keeps its last
# states instead of a sum.
GUARDED_UNDER_INT8 = {  # the character model's projection first: without it nothing is guarded
    "pos": (("trans_char", "taggerlstm.lstm.0.lstm", "taggerlstm.gate.0", "taggerlstm.highway.0"), 32.0),
    "depparse": (("trans_char", "parserlstm.lstm.0.lstm", "parserlstm.gate.0", "parserlstm.highway.0"), 8.0),
    "ner": ((), 0.0),
}


def outlier_ratio(inputs) -> float:
    """The largest per-word maximum of |inputs| (a tensor or PackedSequence, words along all but the last
    dimension) over the median word's: how much of int8's range one word takes from the others."""
    import torch

    data = inputs.data if isinstance(inputs, torch.nn.utils.rnn.PackedSequence) else inputs
    if data.numel() == 0:
        return 0.0
    per_word = data.detach().abs().reshape(-1, data.size(-1)).amax(dim=1)
    median = float(per_word.median())
    return float(per_word.max()) / median if median > 0 else float("inf")


def outlier_guarded(float_module, int8_module, limit: float):
    """A module that runs `int8_module` unless its batch's input has an outlier_ratio above `limit`, and then
    `float_module` (the same layer, unquantized)."""
    return _guarded_class()(float_module, int8_module, limit)


@functools.lru_cache(maxsize=None)
def _guarded_class():
    import torch  # not at module import: the CLI starts without torch

    class Guarded(torch.nn.Module):
        def __init__(self, float_module, int8_module, limit: float):
            super().__init__()
            self.float_module, self.int8_module, self.limit = float_module, int8_module, limit

        def forward(self, inputs, *args, **kwargs):
            module = self.float_module if outlier_ratio(inputs) > self.limit else self.int8_module
            return module(inputs, *args, **kwargs)

    return Guarded


def quantize_int8(pipeline) -> None:
    """Dynamic int8 weights for the LSTMs and linear layers of the tagger, parser and NER (activations stay
    float); the layers of GUARDED_UNDER_INT8 fall back to float32 for a batch holding an outlier word. Where
    this torch cannot quantize, the float models are kept."""
    import copy
    import warnings

    import torch

    for name, (guarded, limit) in GUARDED_UNDER_INT8.items():
        if name not in pipeline.processors:
            continue
        trainer = pipeline.processors[name].trainer
        # the outliers come from the character model's sums: a model without one (a parser trained with
        # --parser-char-hidden 0) has no layer to guard
        if guarded and not hasattr(trainer.model, guarded[0]):
            guarded = ()
        floats = {path: copy.deepcopy(trainer.model.get_submodule(path)) for path in guarded}
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # torch marks its quantized tensor API deprecated
                # in place: the default deep copy of the float model first cost 0.2-0.4 CPU-s of start-up
                trainer.model = torch.ao.quantization.quantize_dynamic(
                    trainer.model, {torch.nn.LSTM, torch.nn.Linear}, dtype=torch.qint8, inplace=True)
        except (AttributeError, RuntimeError, NotImplementedError) as error:
            logging.getLogger(__name__).warning("int8 quantization unavailable (%s): float models kept", error)
            continue
        for path, float_module in floats.items():
            parent, _, attribute = path.rpartition(".")
            owner = trainer.model.get_submodule(parent) if parent else trainer.model
            setattr(owner, attribute, outlier_guarded(float_module, getattr(owner, attribute), limit))


def settle_heap() -> None:
    """Freeze what is alive now (the loaded models) out of the cyclic collector's sight, and let more new
    objects pile up before it runs (GC_GEN0_THRESHOLD; a higher threshold someone set is kept). The objects
    stay alive as long as the process, as the cached pipeline does anyway."""
    gc.freeze()
    gen0, gen1, gen2 = gc.get_threshold()
    if 0 < gen0 < GC_GEN0_THRESHOLD:  # 0: collection switched off by the host program; leave it so
        gc.set_threshold(GC_GEN0_THRESHOLD, gen1, gen2)


def defer_import(name: str) -> None:
    """Load module `name` only when something first reads one of its attributes. Stanza's documents import
    networkx (0.3-0.5 CPU-s of start-up) for enhanced dependencies, which our parses never hold; whatever
    reads it gets the real module, loaded then in full, and that replaces the stand-in in sys.modules.
    (importlib's LazyLoader cannot do this: `import networkx` itself reads __spec__, which loads it.)
    No-op when the module is already imported or not installed."""
    import importlib
    import importlib.util
    import sys
    import types

    spec = None if name in sys.modules else importlib.util.find_spec(name)
    if spec is None:
        return
    stand_in = types.ModuleType(name, f"{name}, imported on first use (quotes.runtime.nlp.defer_import)")
    stand_in.__file__ = spec.origin  # what inspect.getmodule reads of every module (torch calls it at load)

    def load(attribute: str):
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
        real = importlib.import_module(name)
        stand_in.__dict__.update({key: value for key, value in vars(real).items() if key != "__getattr__"})
        del stand_in.__getattr__
        return getattr(real, attribute)

    stand_in.__getattr__ = load
    sys.modules[name] = stand_in


def skip_compiler_import() -> None:
    """Stanza's tokenizer builds an Adam optimizer even to predict; torch wraps Optimizer methods so that
    their first call imports torch._dynamo (its compiler: 3-9 s of a cold start, most of the tokenizer's
    load time). We never train or compile here, so mark those methods as already wrapped: the optimizer
    is built as before, the compiler is never imported. No-op where torch's internals differ."""
    import torch

    for method in vars(torch.optim.Optimizer).values():
        original = getattr(method, "__wrapped__", None)
        if callable(original) and getattr(method, "__module__", "") == original.__module__ and \
                getattr(original, "__dynamo_disable", None) is None:
            setattr(original, "__dynamo_disable", original)


@functools.lru_cache(maxsize=4)
def _cached_pipeline(source: ModelSource) -> QuotesNLP:
    return QuotesNLP(source)


def load_pipeline(stanza_dir: Optional[str] = None) -> QuotesNLP:
    """The pipeline for these models, built once per process and reused.

    Example:
        nlp = quotes.load_pipeline()                      # the bundled models
        nlp = quotes.load_pipeline("/models/stanza-en")   # official Stanza English models instead
    """
    logging.getLogger("stanza").setLevel(logging.WARNING)
    return _cached_pipeline(resolve_models(stanza_dir))
