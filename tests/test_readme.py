"""The README's "Python" section is a doctest: its examples must keep working as written."""

import doctest
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"


def python_section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("\n## Python\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end != -1 else None]


def test_the_python_section_has_examples():
    assert python_section().count(">>> ") >= 5


@pytest.mark.models
def test_the_python_section_runs():
    parser = doctest.DocTestParser()
    test = parser.get_doctest(python_section(), {}, "README.md#python", str(README), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0, f"{runner.failures} README example(s) failed; run pytest -s to see them"


def test_the_walk_through_writes_nothing_into_the_checkout():
    text = README.read_text(encoding="utf-8")
    block = text[text.index("\n## Walk-through\n"):text.index("\n## ", text.index("\n## Walk-through\n") + 1)]
    commands = [line.strip() for line in block.splitlines() if line.startswith("    ")]
    writes = [c for c in commands if "QUOTES_DB=" in c or " -o " in c or "--db " in c]
    assert writes and all("$scratch/" in c for c in writes), writes
    assert any(c.startswith("scratch=$(mktemp -d)") for c in commands)
