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
