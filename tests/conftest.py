"""Which tests a plain `pytest` runs. The slow end-to-end tests (real models, subprocesses, clusters, a
browser, kill -9 and Ctrl-C runs) are marked `slow`; a plain run leaves them out so the everyday run stays
short, while CI (`CI` set), `--all`, `-m slow` or naming their file or test runs them."""

from __future__ import annotations

import os

import pytest

# markers whose tests load the bundled Stanza models or drive Chromium: slow by nature
SLOW_MARKERS = frozenset({"models", "browser"})
# files whose tests start processes, clusters or several databases each
SLOW_FILES = frozenset({
    "tests/cli/test_cli_imports.py",
    "tests/db/test_db_cluster.py",
    "tests/db/test_db_concurrency.py",
    "tests/faults/test_concurrency.py",
    "tests/faults/test_db_kill.py",
    "tests/faults/test_interrupts.py",
    "tests/test_packaging.py",
})
# single tests of a few seconds or more in otherwise quick files
SLOW_TESTS = frozenset({
    "tests/faults/test_properties.py::test_quote_spans_survive_megabyte_tokens",
    "tests/test_nlp.py::test_loading_the_models_never_imports_the_torch_compiler",
    "tests/test_decode.py::test_same_trees_as_stanza",
    "tests/cli/test_cli_ingest.py::test_html_and_globs",
})


def pytest_addoption(parser):
    parser.addoption("--all", action="store_true", dest="run_all",
                     help="also run the tests marked slow (CI runs them always)")


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: slow end-to-end test, left out of a plain run (see tests/conftest.py)")


def is_slow(item) -> bool:
    path, _, name = item.nodeid.partition("::")
    return (path in SLOW_FILES or f"{path}::{name.split('[')[0]}" in SLOW_TESTS
            or any(item.get_closest_marker(marker) for marker in SLOW_MARKERS))


def runs_everything(config) -> bool:
    """CI, --all, a marker expression, or paths named on the command line: nothing is left out."""
    return bool(os.environ.get("CI") or config.getoption("run_all") or config.getoption("markexpr")
                or config.args != list(config.getini("testpaths")))


def pytest_collection_modifyitems(config, items):
    slow = [item for item in items if is_slow(item)]
    for item in slow:
        item.add_marker(pytest.mark.slow)
    if not slow or runs_everything(config):
        return
    left_out = set(map(id, slow))
    config.hook.pytest_deselected(items=slow)
    items[:] = [item for item in items if id(item) not in left_out]


def pytest_report_header(config):
    if not runs_everything(config):
        return "slow end-to-end tests left out (CI runs them): run them too with --all"
