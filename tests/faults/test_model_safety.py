"""Model files are pickles: a hostile one (built here) must never run, and is refused in one line."""

import os
import subprocess
import sys

import pytest
import torch

from quotes.errors import UnsafeModel
from quotes.runtime.nlp import BUNDLED_DIR, MODEL_FILES, load_pipeline
from quotes.training.parser import main as parser_training_main, warmstart_vocab


class RunsCode:
    """Unpickling this runs a shell command: what an attacker would put in a model file."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


@pytest.fixture
def hostile(tmp_path):
    """(a hostile parser checkpoint, the file its code would create)."""
    marker = tmp_path / "ran"
    torch.save({"vocab": RunsCode(marker), "model": {}}, tmp_path / "parser.pt")
    return tmp_path / "parser.pt", marker


def one_line(message: str) -> bool:
    return "\n" not in message and "Traceback" not in message


def test_a_hostile_warm_start_never_runs(hostile):
    checkpoint, marker = hostile
    with pytest.raises(UnsafeModel) as caught:
        warmstart_vocab(str(checkpoint))
    assert not marker.exists()
    assert str(caught.value).startswith(f"{checkpoint}: refused: a model file holds Python objects")
    assert "GLOBAL posix.system" in str(caught.value) and one_line(str(caught.value))


def test_the_training_entry_point_stops_in_one_line(hostile):
    checkpoint, marker = hostile
    with pytest.raises(SystemExit) as caught:
        parser_training_main(["--continue_from", str(checkpoint)])
    assert not marker.exists()
    assert str(caught.value).startswith(f"error: {checkpoint}: refused") and one_line(str(caught.value))


def test_a_genuine_parser_still_warm_starts():
    vocab = warmstart_vocab(str(BUNDLED_DIR / MODEL_FILES["depparse"]))
    assert len(vocab["word"]) > 100


@pytest.fixture
def hostile_models(tmp_path):
    """A model folder whose tokenizer (loaded first) would run code; the other files are never reached."""
    folder, marker = tmp_path / "models", tmp_path / "ran"
    folder.mkdir()
    for name in MODEL_FILES.values():
        (folder / name).write_bytes(b"")
    torch.save({"vocab": RunsCode(marker), "model": {}}, folder / MODEL_FILES["tokenize"])
    return folder, marker


def test_a_hostile_stanza_dir_is_refused_typed(hostile_models):
    folder, marker = hostile_models
    with pytest.raises(UnsafeModel) as caught:
        load_pipeline(stanza_dir=str(folder))
    assert not marker.exists()
    assert str(caught.value).startswith(f"models in {folder}: refused: a model file holds Python objects")


def test_the_cli_says_it_in_one_line(hostile_models, tmp_path):
    folder, marker = hostile_models
    (tmp_path / "a.txt").write_text('Title\n\n"We agree," she said.\n')
    quotes = "from quotes.cli.main import main; main()"
    done = subprocess.run([sys.executable, "-c", quotes, "extract", "--stanza-dir", str(folder), str(tmp_path / "a.txt")],
                          capture_output=True, text=True, timeout=120)
    assert not marker.exists()
    assert done.returncode == 1
    assert done.stderr.startswith(f"Error: models in {folder}: refused: a model file holds Python objects")
    assert done.stderr.count("\n") == 1
