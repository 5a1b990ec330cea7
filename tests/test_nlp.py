"""Model loading: where models are looked for, the error when they are missing, and selective parsing."""

import pytest

from quotes.errors import ModelsNotFound
from quotes.nlp import BUNDLED_DIR, ENV_VAR, MODEL_FILES, resolve_models

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
    from quotes.nlp import load_pipeline

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
    from quotes.nlp import load_pipeline

    assert load_pipeline() is nlp


@pytest.mark.parametrize("value, threads", [(None, 1), ("", 1), ("3", 3), ("0", 1), ("two", 1), ("-2", 1)])
def test_one_torch_thread_unless_asked(monkeypatch, value, threads):
    from quotes.nlp import THREADS_VAR, torch_threads

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


@needs_models
def test_loading_the_models_never_imports_the_torch_compiler():
    import subprocess
    import sys

    code = ("import sys; from quotes.nlp import load_pipeline; load_pipeline(); "
            "print('torch._dynamo' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.stdout.strip() == "False", done.stderr[-2000:]


@pytest.mark.parametrize("value, mode", [(None, "int8"), ("int8", "int8"), ("none", "none"), ("OFF", "none"),
                                         ("float32", "none")])
def test_int8_unless_turned_off(monkeypatch, value, mode):
    from quotes.nlp import QUANTIZE_VAR, quantize_mode

    if value is None:
        monkeypatch.delenv(QUANTIZE_VAR, raising=False)
    else:
        monkeypatch.setenv(QUANTIZE_VAR, value)
    assert quantize_mode() == mode


@needs_models
def test_loaded_parser_is_quantized(nlp):
    import os

    from quotes.nlp import QUANTIZE_VAR

    if os.environ.get(QUANTIZE_VAR):
        pytest.skip("quantization set by the environment")
    layers = {type(module).__module__ for module in nlp._parser.processors["depparse"].trainer.model.modules()}
    assert any("quantized" in name for name in layers)
