"""The bundled models' fast reading (quotes.runtime.fastload): the same objects as torch's weights-only load, the same
refusal of a file that would run code, and only for files in the trusted folder."""

import os
import pickle

import pytest
import torch

from quotes.runtime.fastload import fast_torch_load
from quotes.runtime.nlp import BUNDLED_DIR, MODEL_FILES, defer_import


class RunsCode:
    """Unpickling this runs a shell command: what an attacker would put in a model file."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def same(a, b) -> bool:
    if isinstance(a, torch.Tensor):
        return isinstance(b, torch.Tensor) and a.dtype == b.dtype and torch.equal(a, b)
    if isinstance(a, dict):
        return type(a) is type(b) and list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


@pytest.mark.parametrize("legacy", [True, False])
def test_reads_the_same_objects_as_weights_only(tmp_path, legacy):
    saved = {"config": {"hidden": 8, "names": ["a", "b"]}, "vocab": {"word": ["<PAD>", "the", "said"]},
             "model": {"w": torch.arange(6.0).reshape(2, 3), "b": torch.tensor([1, 2], dtype=torch.int64)}}
    torch.save(saved, tmp_path / "m.pt", _use_new_zipfile_serialization=not legacy)
    expected = torch.load(tmp_path / "m.pt", map_location="cpu", weights_only=True)
    with fast_torch_load(tmp_path):
        got = torch.load(tmp_path / "m.pt", lambda storage, loc: storage, weights_only=True)
    assert same(got, expected)


@pytest.mark.skipif(not (BUNDLED_DIR / MODEL_FILES["depparse"]).is_file(), reason="bundled models not built yet")
def test_a_bundled_model_reads_the_same():
    path = BUNDLED_DIR / MODEL_FILES["depparse"]
    expected = torch.load(path, map_location="cpu", weights_only=True)
    with fast_torch_load(BUNDLED_DIR):
        assert same(torch.load(path, map_location="cpu", weights_only=True), expected)


@pytest.mark.parametrize("legacy", [True, False])
def test_a_file_that_would_run_code_is_refused_as_weights_only_refuses_it(tmp_path, legacy):
    marker = tmp_path / "ran"
    torch.save({"vocab": RunsCode(marker), "model": {}}, tmp_path / "parser.pt",
               _use_new_zipfile_serialization=not legacy)
    with fast_torch_load(tmp_path), pytest.raises(pickle.UnpicklingError, match="GLOBAL posix.system"):
        torch.load(tmp_path / "parser.pt", map_location="cpu", weights_only=True)
    assert not marker.exists()


def test_only_files_directly_in_the_folder_and_only_while_open(tmp_path):
    (tmp_path / "other").mkdir()
    torch.save({"w": torch.ones(2)}, tmp_path / "other" / "m.pt")
    original = torch.load
    seen = []

    def spy(f, *args, **kwargs):
        seen.append(kwargs.get("pickle_module"))
        return original(f, *args, **kwargs)

    torch.load = spy
    try:
        with fast_torch_load(tmp_path):
            torch.load(tmp_path / "other" / "m.pt", map_location="cpu", weights_only=True)
    finally:
        torch.load = original
    assert seen == [None] and torch.load is original


def test_a_deferred_module_loads_in_full_when_read(tmp_path, monkeypatch):
    ran = tmp_path / "ran"
    (tmp_path / "slowmod.py").write_text(f"open({str(ran)!r}, 'w').close()\nVALUE = 42\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import sys

    monkeypatch.delitem(sys.modules, "slowmod", raising=False)
    defer_import("slowmod")
    import slowmod  # an import statement does not load it (importlib's LazyLoader would)

    assert hasattr(slowmod, "__file__") and not ran.exists()  # inspect.getmodule reads __file__ of every module
    assert slowmod.VALUE == 42 and ran.exists() and sys.modules["slowmod"].VALUE == 42
    assert slowmod.VALUE == 42  # the stand-in now holds the real module's names


def test_a_deferred_package_still_imports_its_submodules(tmp_path, monkeypatch):
    (tmp_path / "slowpkg").mkdir()
    (tmp_path / "slowpkg" / "__init__.py").write_text("VALUE = 1\n")
    (tmp_path / "slowpkg" / "sub.py").write_text("NAME = 'sub'\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import sys

    for name in ("slowpkg", "slowpkg.sub"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    defer_import("slowpkg")
    import slowpkg.sub

    assert slowpkg.sub.NAME == "sub" and slowpkg.VALUE == 1
