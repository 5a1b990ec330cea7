"""Model loading: where models are looked for, the error when they are missing, and selective parsing."""

import pytest

from quotes.errors import ModelsNotFound
from quotes.runtime.nlp import BUNDLED_DIR, ENV_VAR, MODEL_FILES, resolve_models

HAVE_MODELS = all((BUNDLED_DIR / name).is_file() for name in MODEL_FILES.values())
needs_models = pytest.mark.skipif(not HAVE_MODELS, reason="bundled models not built yet (quotes/models/en)")


def test_missing_models_error_names_folder_and_fixes(tmp_path):
    with pytest.raises(ModelsNotFound) as caught:
        resolve_models(str(tmp_path))
    message = str(caught.value)
    assert str(tmp_path) in message and "tokenizer.pt" in message
    assert "quotes train-models" in message and "--stanza-dir" in message


def test_environment_variable_chooses_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "elsewhere"))
    with pytest.raises(ModelsNotFound, match="elsewhere"):
        resolve_models()


def test_official_stanza_resources_folder_detected(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "resources.json").write_text("{}")
    source = resolve_models(str(tmp_path))
    assert source.official and source.path == tmp_path


def test_bundled_style_folder_accepted(tmp_path):
    for name in MODEL_FILES.values():
        (tmp_path / name).write_bytes(b"")
    source = resolve_models(str(tmp_path))
    assert not source.official and source.path == tmp_path


@pytest.fixture(scope="module")
def nlp():
    from quotes.runtime.nlp import load_pipeline

    return load_pipeline()


TEXT = (
    "The weather was mild on Tuesday. “We have conveyed our concern,” Mr Dujarric said.\n\n"
    "Kazakhstan's Interior Ministry said 16 people had been killed."
)


@needs_models
@pytest.mark.models
def test_tokens_carry_offsets_into_the_text(nlp):
    [doc] = nlp.tokenize([TEXT])
    for sentence in doc.sentences:
        for token in sentence.tokens:
            assert TEXT[token.start_char:token.end_char] == token.text
    assert len(doc.sentences) == 3


@needs_models
@pytest.mark.models
def test_parse_touches_only_selected_sentences(nlp):
    [doc] = nlp.tokenize([TEXT])
    parsed = nlp.parse([doc], lambda sentence: "said" in sentence.text)
    assert parsed == 2
    first, second, third = doc.sentences
    assert all(word.head is None and word.upos is None for word in first.words)
    for sentence in (second, third):
        assert sum(word.head == 0 for word in sentence.words) == 1
        said = next(word for word in sentence.words if word.text == "said")
        assert said.upos == "VERB" and said.lemma == "say"


@needs_models
@pytest.mark.models
def test_pipeline_built_once_per_process(nlp):
    from quotes.runtime.nlp import load_pipeline

    assert load_pipeline() is nlp


@pytest.mark.parametrize("value, threads", [(None, 1), ("", 1), ("3", 3), ("0", 1), ("two", 1), ("-2", 1)])
def test_one_torch_thread_unless_asked(monkeypatch, value, threads):
    from quotes.runtime.nlp import THREADS_VAR, torch_threads

    if value is None:
        monkeypatch.delenv(THREADS_VAR, raising=False)
    else:
        monkeypatch.setenv(THREADS_VAR, value)
    assert torch_threads() == threads


@needs_models
def test_loaded_pipeline_runs_one_thread_and_fast_decode(nlp):
    import torch
    from stanza.models.depparse import model

    assert torch.get_num_threads() == 1
    assert hasattr(model.chuliu_edmonds_one_root, "__wrapped_decode__")
    from stanza.models.depparse import data

    from quotes.runtime.speedups import padded_long_tensor

    assert data.get_long_tensor is padded_long_tensor
    assert "id2unit" in vars(nlp._parser.processors["pos"].trainer.vocab["feats"])  # feature strings remembered


@needs_models
def test_loading_the_models_never_imports_the_torch_compiler():
    import subprocess
    import sys

    code = ("import gc, sys; from quotes.runtime.nlp import load_pipeline; load_pipeline(); "
            "print('torch._dynamo' in sys.modules, gc.get_freeze_count() > 100_000, gc.get_threshold()[0])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    # and the loaded models are frozen out of the cyclic collector's sight (quotes.runtime.nlp.settle_heap)
    assert done.stdout.strip() == "False True 50000", done.stderr[-2000:]


@pytest.mark.parametrize("before, after", [((700, 10, 10), (50_000, 10, 10)), ((80_000, 5, 5), (80_000, 5, 5)),
                                           ((0, 10, 10), (0, 10, 10))])
def test_settle_heap_freezes_and_raises_the_threshold_never_lowers_it(before, after):
    import gc

    from quotes.runtime.nlp import settle_heap

    saved = gc.get_threshold()
    gc.set_threshold(*before)
    try:
        settle_heap()
        assert gc.get_threshold() == after
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*saved)


@pytest.mark.parametrize("value, mode", [(None, "int8"), ("int8", "int8"), ("none", "none"), ("OFF", "none"),
                                         ("float32", "none")])
def test_int8_unless_turned_off(monkeypatch, value, mode):
    from quotes.runtime.nlp import QUANTIZE_VAR, quantize_mode

    if value is None:
        monkeypatch.delenv(QUANTIZE_VAR, raising=False)
    else:
        monkeypatch.setenv(QUANTIZE_VAR, value)
    assert quantize_mode() == mode


@needs_models
def test_loaded_parser_is_quantized(nlp):
    import os

    from quotes.runtime.nlp import QUANTIZE_VAR

    if os.environ.get(QUANTIZE_VAR):
        pytest.skip("quantization set by the environment")
    for processor in ("pos", "depparse", "ner"):
        layers = {type(module).__module__ for module in nlp._parser.processors[processor].trainer.model.modules()}
        assert any("quantized" in name for name in layers), processor


def test_outlier_ratio_is_the_largest_word_over_the_median_word():
    import torch
    from torch.nn.utils.rnn import pack_sequence

    from quotes.runtime.nlp import outlier_ratio

    words = torch.tensor([[1.0, -2.0], [0.5, 2.0], [2.0, 0.0], [-40.0, 3.0], [1.0, 1.0]])
    assert outlier_ratio(words) == 20.0  # per-word maxima 2, 2, 2, 40, 1: median 2
    assert outlier_ratio(words.view(1, 5, 2)) == 20.0  # (batch, words, features) alike
    assert outlier_ratio(pack_sequence([words[:3], words[3:]])) == 20.0
    assert outlier_ratio(torch.zeros(0, 2)) == 0.0


def test_guarded_layer_runs_in_float_only_for_a_batch_with_an_outlier_word():
    import torch

    from quotes.runtime.nlp import outlier_guarded

    calls = []

    class Recorder(torch.nn.Module):
        def __init__(self, label):
            super().__init__()
            self.label = label

        def forward(self, inputs, extra=None):
            calls.append((self.label, extra))
            return inputs

    guarded = outlier_guarded(Recorder("float"), Recorder("int8"), limit=8.0)
    ordinary = torch.tensor([[1.0, 2.0], [2.0, 1.0], [3.0, 0.5]])
    guarded(ordinary, extra="h0")
    guarded(torch.cat([ordinary, torch.tensor([[0.0, 90.0]])]), extra="h0")
    assert calls == [("int8", "h0"), ("float", "h0")]

def _parser_model(with_char_model: bool):
    """A stand-in for Stanza's parser: the module paths GUARDED_UNDER_INT8 names, with or without the
    character model's projection (a parser trained with --parser-char-hidden 0 has none)."""
    import torch

    model = torch.nn.Module()
    if with_char_model:
        model.trans_char = torch.nn.Linear(4, 4)
    model.parserlstm = torch.nn.Module()
    model.parserlstm.lstm = torch.nn.ModuleList([torch.nn.Module()])
    model.parserlstm.lstm[0].lstm = torch.nn.LSTM(4, 4)
    model.parserlstm.gate = torch.nn.ModuleList([torch.nn.Linear(4, 4)])
    model.parserlstm.highway = torch.nn.ModuleList([torch.nn.Linear(4, 4)])
    model.scorer = torch.nn.Linear(4, 4)
    return model


@pytest.mark.parametrize("with_char_model", [True, False])
def test_int8_guards_the_first_layers_only_of_a_parser_with_a_character_model(with_char_model):
    from types import SimpleNamespace

    from quotes.runtime.nlp import quantize_int8

    trainer = SimpleNamespace(model=_parser_model(with_char_model))
    quantize_int8(SimpleNamespace(processors={"depparse": SimpleNamespace(trainer=trainer)}))
    guarded = [name for name, module in trainer.model.named_modules() if type(module).__name__ == "Guarded"]
    expected = ["trans_char", "parserlstm.lstm.0.lstm", "parserlstm.gate.0", "parserlstm.highway.0"]
    assert guarded == (expected if with_char_model else [])
    assert "quantized" in type(trainer.model.scorer).__module__
    if not with_char_model:
        assert "quantized" in type(trainer.model.parserlstm.lstm[0].lstm).__module__



@needs_models
def test_a_long_url_in_the_batch_changes_no_other_sentence(nlp):
    """Stanza's character model sums over a word's characters: a 600-character URL once gave activations 20-50
    times the usual, and with one int8 scale per batch tensor every other sentence of its batch was parsed
    anew (on EWT test the tagger fell from UPOS 93.6 to 84.3)."""
    plain = ["The minister said the budget would be cut by ten percent next year .".split(),
             "Officials in the capital told reporters that talks had stalled over the weekend .".split(),
             "She added that nobody had been told about the plan before Tuesday .".split()] * 4
    url = "https://www.example-news-site.com/search?" + "&".join(f"q{i}=harbour+budget+{i}x{i * 7}"
                                                                for i in range(24))

    def parsed(sentences):
        return [[(word.upos, word.head, word.deprel, token.ner) for token in sentence.tokens
                 for word in token.words] for sentence in nlp._parser(sentences).sentences]

    alone = parsed(plain)
    assert parsed(plain + [["Read", "more", "at", url, "."]])[:len(plain)] == alone


@pytest.mark.parametrize("last, first, between, cut", [
    ("Jong", "Un", " ", True),             # 'Kim Jong | Un said …'
    ("Van", "Thanh", " ", True),           # 'Dr. Nguyen Van | Thanh, head of …'
    ("Care", "Act", " ", True),            # 'The Affordable Care | Act made …'
    ("Okonkwo-Bello", "said", " ", True),
    ("reporters", "Officials", " ", False),  # lower case: no name goes on
    ("FIRE", "Two", " ", False),           # a run-in headline in capitals
    ("Smith", "He", "\n", False),           # a line ends it
    ("Smith", "He", " — ", False),          # a dash between
    ("2016", "Trump", " ", False),
    ("reporters", "Thursday", " ", True),   # 'told reporters | Thursday that …': a day name, not a new sentence
    ("employees", "Monday", " ", True),
    ("reporters", "Thursday", "\n", False),  # a line ends it
    ("2016", "Thursday", " ", False),
    ("reporters", "The", " ", False),       # only a day name goes on the sentence before
    ("Smith", "“", " ", False),
    ("Gov.", "Chris", " ", True),           # 'New Jersey Gov. | Chris Christie said …': a title's full stop
    ("Mrs.", "Clinton", " ", True),
    ("Gov.", "Chris", "\n", False),         # a line ends it
    ("Gov.", "the", " ", False),            # no name after it
    ("Jan.", "6", " ", True),               # 'the Jan. | 6 defendants': a month's full stop
    ("Jan.", "The", " ", False),            # a month that ends a sentence ('… since Jan. The …')
    ("Inc.", "The", " ", False),
])
def test_a_sentence_cut_inside_a_name_is_found(last, first, between, cut):
    from quotes.runtime.nlp import split_inside_a_name

    assert split_inside_a_name(last, first, between) is cut


def test_sentences_cut_inside_a_name_are_joined_with_offsets_and_word_ids_kept():
    from stanza import Document

    from quotes.runtime.nlp import rejoin_split_names

    text = "Kim Jong Un said it can't wait. It ended."
    sentences = [
        [{"id": 1, "text": "Kim", "start_char": 0, "end_char": 3},
         {"id": 2, "text": "Jong", "start_char": 4, "end_char": 8}],
        [{"id": 1, "text": "Un", "start_char": 9, "end_char": 11},
         {"id": 2, "text": "said", "start_char": 12, "end_char": 16},
         {"id": 3, "text": "it", "start_char": 17, "end_char": 19},
         {"id": (4, 5), "text": "can't", "start_char": 20, "end_char": 25},
         {"id": 4, "text": "ca"}, {"id": 5, "text": "n't"},
         {"id": 6, "text": "wait", "start_char": 26, "end_char": 30},
         {"id": 7, "text": ".", "start_char": 30, "end_char": 31}],
        [{"id": 1, "text": "It", "start_char": 32, "end_char": 34},
         {"id": 2, "text": "ended", "start_char": 35, "end_char": 40},
         {"id": 3, "text": ".", "start_char": 40, "end_char": 41}],
    ]
    doc = rejoin_split_names(Document(sentences, text=text))
    first, second = doc.sentences
    assert [word.text for word in first.words] == ["Kim", "Jong", "Un", "said", "it", "ca", "n't", "wait", "."]
    assert [word.id for word in first.words] == list(range(1, 10))
    assert [token.id for token in first.tokens][5] == (6, 7)
    assert all(text[t.start_char:t.end_char] == t.text for s in doc.sentences for t in s.tokens)
    assert [word.text for word in second.words] == ["It", "ended", "."]
    unchanged = Document(sentences[2:], text=text)
    assert rejoin_split_names(unchanged) is unchanged


def test_a_word_expanded_without_an_apostrophe_is_one_word_again():
    from stanza import Document

    from quotes.runtime.nlp import unsplit_whole_words

    # the tokenizer's 'its' -> 'it s' and 'Donna' -> 'Don na'; 'can't' and 'cannot' stay split as UD splits them
    text = "Donna said its plan can't work. We cannot."
    sentences = [
        [{"id": (1, 2), "text": "Donna", "start_char": 0, "end_char": 5}, {"id": 1, "text": "Don"},
         {"id": 2, "text": "na"},
         {"id": 3, "text": "said", "start_char": 6, "end_char": 10},
         {"id": (4, 5), "text": "its", "start_char": 11, "end_char": 14}, {"id": 4, "text": "it"},
         {"id": 5, "text": "s"},
         {"id": 6, "text": "plan", "start_char": 15, "end_char": 19},
         {"id": (7, 8), "text": "can't", "start_char": 20, "end_char": 25}, {"id": 7, "text": "ca"},
         {"id": 8, "text": "n't"},
         {"id": 9, "text": "work", "start_char": 26, "end_char": 30},
         {"id": 10, "text": ".", "start_char": 30, "end_char": 31, "misc": "SpaceAfter=No"}],
        [{"id": 1, "text": "We", "start_char": 32, "end_char": 34},
         {"id": (2, 3), "text": "cannot", "start_char": 35, "end_char": 41}, {"id": 2, "text": "can"},
         {"id": 3, "text": "not"},
         {"id": 4, "text": ".", "start_char": 41, "end_char": 42}],
    ]
    doc = unsplit_whole_words(Document(sentences, text=text))
    first, second = doc.sentences
    assert [word.text for word in first.words] == ["Donna", "said", "its", "plan", "ca", "n't", "work", "."]
    assert [word.id for word in first.words] == list(range(1, 9))
    assert [token.id for token in first.tokens][4] == (5, 6)
    assert all(text[t.start_char:t.end_char] == t.text for s in doc.sentences for t in s.tokens)
    assert [word.text for word in second.words] == ["We", "can", "not", "."]
    unchanged = Document(sentences[1:], text=text)
    assert unsplit_whole_words(unchanged) is unchanged


@needs_models
@pytest.mark.models
def test_the_tokenizer_never_ends_a_sentence_inside_a_name(nlp):
    text = "Kim Jong Un said the tests would continue. Dr. Nguyen Van Thanh, head of the unit, said beds were short."
    [doc] = nlp.tokenize([text])
    assert [sentence.text.split()[0] for sentence in doc.sentences] == ["Kim", "Dr."]
