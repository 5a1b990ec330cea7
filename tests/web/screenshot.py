"""Write docs/web-speaker.png: a speaker page of the web view (with its timeline) in headless Chromium.

    .venv/bin/python tests/web/screenshot.py [--db URL --speaker NAME] [--out docs/web-speaker.png]

Without --db it shows the sample database of the web tests (tests/web/webdata.py), built in a temporary file.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import webdata  # noqa: E402
from test_web_browser import CHROMIUM, launch  # noqa: E402
from webserver import LiveServer  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database URL or SQLite path (default: the tests' sample database)")
    parser.add_argument("--speaker", default="Ines Varga", help="whose page to show")
    parser.add_argument("--out", type=Path, default=HERE.parent.parent / "docs" / "web-speaker.png")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright
    from sqlalchemy import text

    with tempfile.TemporaryDirectory() as scratch:
        url = args.db
        if url is None:
            url = f"sqlite:///{Path(scratch) / 'sample.db'}"
            webdata.build(url)
        with LiveServer(url) as server, sync_playwright() as playwright:
            with server.engine.connect() as connection:
                speaker = connection.execute(text("SELECT id FROM speaker WHERE name = :n AND merged_into_id IS NULL"),
                                             {"n": args.speaker}).scalar_one()
            browser = launch(playwright)
            page = browser.new_page(viewport={"width": 1000, "height": 900}, device_scale_factor=1)
            page.goto(f"{server.base}/speakers/{speaker}")
            page.locator("#timeline svg").wait_for()
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out), full_page=True)
            browser.close()
    print(f"wrote {args.out} (Chromium at {CHROMIUM})")


if __name__ == "__main__":
    main()
