"""Fast loading of the bundled model files: torch's weights-only unpickler reads every opcode in Python (1.1 of
the 1.2 CPU-s that reading the seven files takes); Python's C unpickler, held to the same allow-list of globals,
reads the same objects in a tenth of that."""

from __future__ import annotations

import contextlib
import os
import pickle
import types
from pathlib import Path


def _allowed_globals() -> dict:
    """What torch's weights-only unpickler would let a file name: its own list and what was added to it."""
    from torch import _weights_only_unpickler as weights_only

    allowed = dict(weights_only._get_allowed_globals())
    allowed.update(weights_only._get_user_allowed_globals())
    return allowed


class _AllowListUnpickler(pickle.Unpickler):
    """The C unpickler; every global a file names (GLOBAL, STACK_GLOBAL, INST, EXT…: all go through
    find_class) must be on torch's weights-only list, or the load stops before anything is called."""

    allowed: dict = {}

    def find_class(self, module: str, name: str):
        found = self.allowed.get(f"{module}.{name}")
        if found is None:
            raise pickle.UnpicklingError(f"Unsupported global: GLOBAL {module}.{name} was not an allowed global")
        return found


def _pickle_module() -> types.SimpleNamespace:
    """A stand-in for the pickle module in torch.load's pickle_module= that unpickles through the allow-list."""
    _AllowListUnpickler.allowed = _allowed_globals()

    def load(file, **kwargs):
        return _AllowListUnpickler(file, **kwargs).load()

    return types.SimpleNamespace(Unpickler=_AllowListUnpickler, load=load, __name__="quotes_allowlist_pickle")


def _inside(path, folder: Path) -> bool:
    try:
        return Path(os.path.realpath(path)).parent == folder
    except (TypeError, ValueError, OSError):
        return False


@contextlib.contextmanager
def fast_torch_load(folder: Path):
    """While this is open, `torch.load` of a file directly in `folder` (the bundled models, which ship with the
    code and so are as trusted as it is) unpickles with the C unpickler under torch's weights-only allow-list;
    any other file loads as the caller asked. The loaded objects are the same, so the output is too."""
    import torch

    folder = Path(os.path.realpath(folder))
    original = torch.load
    module = _pickle_module()

    def load(f, *args, **kwargs):
        if kwargs.get("weights_only") and not kwargs.get("mmap") and "pickle_module" not in kwargs \
                and _inside(f, folder):
            kwargs = dict(kwargs, weights_only=False, pickle_module=module)
        return original(f, *args, **kwargs)

    torch.load = load
    try:
        yield
    finally:
        torch.load = original
