"""Write docs/web-speaker.png: a speaker page of the web view (with its timeline) in headless Chromium.

    .venv/bin/python tests/web/screenshot.py [--db URL --speaker NAME | --fixture] [--out docs/web-speaker.png]

Without --db it ingests the walk-through's sample articles (quotes/samples, with the outlets the walk-through
gives them; the bundled models run, so this takes a minute) into a temporary file and shows Matteo Lindqvist;
--fixture shows the web tests' hand-made database (tests/web/webdata.py) instead.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent.parent / "quotes" / "samples"
# As docs/walkthrough.md ingests them: one spelling per outlet.
WALKTHROUGH = (("wire-kazakhstan.txt", "Northwire"), ("ledger-almaty.txt", "Eastern Ledger"),
               ("courier-harbour.txt", "Coastal Courier"))
sys.path.insert(0, str(HERE))

import webdata  # noqa: E402
from test_web_browser import CHROMIUM, launch  # noqa: E402
from webserver import LiveServer  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database URL or SQLite path (default: the walk-through's sample articles)")
    parser.add_argument("--fixture", action="store_true", help="the web tests' hand-made database instead")
    parser.add_argument("--speaker", help="whose page to show (default: Matteo Lindqvist; Ines Varga with --fixture)")
    parser.add_argument("--out", type=Path, default=HERE.parent.parent / "docs" / "web-speaker.png")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright
    from sqlalchemy import text

    with tempfile.TemporaryDirectory() as scratch:
        url = args.db
        if url is None and args.fixture:
            url = f"sqlite:///{Path(scratch) / 'sample.db'}"
            webdata.build(url)
        elif url is None:
            url = f"sqlite:///{Path(scratch) / 'walkthrough.db'}"
            for name, outlet in WALKTHROUGH:
                subprocess.run([str(Path(sys.executable).parent / "quotes"), "ingest", str(SAMPLES / name),
                                "--outlet", outlet, "--db", url], check=True)
        args.speaker = args.speaker or ("Ines Varga" if args.fixture else "Matteo Lindqvist")
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
