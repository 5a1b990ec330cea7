"""No rule, comment, docstring or test sentence quotes an evaluation text: examples are written here (the
project's rule; they crept in once, about 50 of them). Every quoted piece of 24 characters or more in the
code and tests must be absent from the PolNeAR texts and the speaker set's texts; skipped where neither is
present (PolNeAR is not in the repository; CI has it beside the checkout)."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
POLNEAR_TEXT = ROOT.parent / "shared" / "data" / "quote-eval" / "polnear" / "text"
SPEAKER_TEXTS = ROOT / "benchmarks" / "speaker-gold" / "texts"
QUOTED = re.compile(r"'([^'\n]{24,})'|\"([^\"\n]{24,})\"|‘([^’\n]{24,})’|“([^”\n]{24,})”|\(([^()\n]{24,})\)")
LONGEST_COMMON_WORDING = 24  # shorter pieces ('the company said that') occur in any news
# real bodies' names, which tests need as the NER knows them: names, not wording copied from an article
INSTITUTIONS = frozenset({"World Health Organisation", "Immigration and Customs Enforcement"})


def quoted_pieces(source: str):
    """The quoted or bracketed pieces of `source`, cut at ellipses and '|' (how examples mark gaps)."""
    for match in QUOTED.finditer(source):
        for piece in re.split(r"…|\.\.\.|\|", next(group for group in match.groups() if group)):
            piece = piece.strip(" ,.")
            if len(piece) >= LONGEST_COMMON_WORDING:
                yield piece


def test_quoted_pieces_are_cut_at_gaps():
    source = "x = 1  # 'Harbour spokesman Ines Varga told … that the pier would close again'"
    assert list(quoted_pieces(source)) == ["Harbour spokesman Ines Varga told", "that the pier would close again"]


def test_no_example_in_the_code_or_tests_is_copied_from_an_evaluation_text():
    texts = [path.read_text(encoding="utf-8") for folder in (POLNEAR_TEXT, SPEAKER_TEXTS) if folder.is_dir()
             for path in sorted(folder.glob("*.txt"))]
    if not texts:
        pytest.skip("no evaluation texts here (PolNeAR beside the checkout, benchmarks/speaker-gold/texts)")
    corpus = "\n".join(texts)
    mine = Path(__file__).resolve()
    copied = [f"{path.relative_to(ROOT)}: {piece}"
              for path in sorted([*ROOT.glob("quotes/**/*.py"), *ROOT.glob("db/**/*.py"), *ROOT.glob("cli/**/*.py"),
                                  *ROOT.glob("tests/**/*.py")])
              if path.resolve() != mine
              for piece in quoted_pieces(path.read_text(encoding="utf-8"))
              if piece in corpus and piece not in INSTITUTIONS]
    assert not copied, "\n".join(copied)
