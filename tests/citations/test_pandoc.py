"""Every citation format rendered the way a writer uses it: pandoc's citeproc with the APA and Chicago styles
(Debian's pandoc and citation-style-language-styles, installed by .ci/run). What a reader sees must carry the
authors, the full date, the outlet, the title's proper nouns and a clean URL, the same from each format."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from quotes.citations import bibtex_text, csl_items, ris_text

STYLES = Path(os.environ.get("QUOTES_TEST_CSL_STYLES", "/usr/share/citation-style-language/styles"))
RECORD = {"quote_id": 1, "statement_id": 1, "speaker_id": 1, "speaker": "Lena Voss", "speaker_kind": "person",
          "role": "mayor", "text": "The bridge opens in May", "kind": "direct", "cue": "said", "mention": "Voss",
          "article_id": 3, "title": "Mayor Voss unveils plan for Riverside bridge",
          "outlet": "Harbor City Herald", "url": "https://herald.example/news/voss_bridge?id=7&page=1",
          "published_at": "2023-03-01", "start": 1, "end": 24, "spans": [], "confidence": 0.9, "rule": "test",
          "author": "Marcus Bell and Ana Lima, Harbor City Herald"}
EXPECTED = {
    "apa": "Bell, M., & Lima, A. (2023, March 1). Mayor Voss unveils plan for Riverside bridge. Harbor City "
           "Herald. https://herald.example/news/voss_bridge?id=7&page=1",
    "chicago-author-date": "Bell, Marcus, and Ana Lima. 2023. “Mayor Voss Unveils Plan for Riverside Bridge.” "
                           "Harbor City Herald, March 1, 2023. https://herald.example/news/voss_bridge?id=7&page=1.",
}


@pytest.fixture(scope="module")
def pandoc():
    missing = None
    if not shutil.which("pandoc"):
        missing = "no pandoc: apt-get install pandoc"
    elif not all((STYLES / f"{style}.csl").is_file() for style in EXPECTED):
        missing = f"no CSL styles in {STYLES}: apt-get install citation-style-language-styles"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"citation rendering tests cannot run in CI: {missing}")
        pytest.skip(missing)
    return shutil.which("pandoc")


def rendered(pandoc, tmp_path, name, data, style):
    path = tmp_path / name
    path.write_text(data, encoding="utf-8")
    document = tmp_path / "cite.md"
    document.write_text('---\nnocite: "@*"\n---\n', encoding="utf-8")
    result = subprocess.run([pandoc, str(document), "--citeproc", "--bibliography", str(path),
                             "--csl", str(STYLES / f"{style}.csl"), "-t", "plain", "--wrap=none"],
                            capture_output=True, text=True, timeout=60)
    if "Could not determine bibliography format" in result.stderr:
        pytest.skip(f"this pandoc does not read {path.suffix} bibliographies")
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def formats():
    import json

    items = list(csl_items([RECORD]))
    return {"csl.json": json.dumps(items), "export.bib": bibtex_text(items), "export.ris": ris_text(items)}


@pytest.mark.parametrize("style", sorted(EXPECTED))
@pytest.mark.parametrize("name", ["csl.json", "export.bib", "export.ris"])
def test_each_format_renders_the_whole_reference(pandoc, tmp_path, name, style):
    pytest.importorskip("bibtexparser")
    pytest.importorskip("rispy")
    assert rendered(pandoc, tmp_path, name, formats()[name], style) == EXPECTED[style]
