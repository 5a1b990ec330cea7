"""The layers README's Layout names, kept: extraction rules never reach for storage, commands or training;
the NLP runtime knows nothing of the rules; storage never loads the models or the commands. Imports inside
functions count too (test_import_graph.imported_names)."""

from pathlib import Path

import pytest

from test_import_graph import imported_names

ROOT = Path(__file__).resolve().parent.parent
LAYERS = {  # package -> (its folder, what no module of it may import)
    "quotes.extraction": (ROOT / "quotes" / "extraction",
                          ("quotes.db", "quotes.cli", "quotes.ingest", "quotes.training", "quotes.evaluation",
                           "click")),
    "quotes.runtime": (ROOT / "quotes" / "runtime",
                       ("quotes.extraction", "quotes.db", "quotes.cli", "quotes.ingest", "quotes.training",
                        "quotes.evaluation", "click")),
    "quotes.db": (ROOT / "db", ("quotes.runtime", "quotes.ingest", "quotes.cli", "quotes.training",
                                "quotes.evaluation", "stanza", "torch", "click")),
}


def layer_modules():
    for package, (folder, forbidden) in LAYERS.items():
        for path in sorted(folder.rglob("*.py")):
            parts = path.relative_to(folder).with_suffix("").parts
            if "migrations" not in parts:
                yield pytest.param(".".join((package, *parts)).removesuffix(".__init__"), path, forbidden,
                                   id=str(path.relative_to(ROOT)))


@pytest.mark.parametrize("module, path, forbidden", list(layer_modules()))
def test_a_layer_imports_nothing_above_it(module, path, forbidden):
    names = imported_names(path, module, is_package=path.name == "__init__.py")
    assert not [name for name in names if name.split(".")[0] in forbidden
                or any(name == f or name.startswith(f + ".") for f in forbidden)]
