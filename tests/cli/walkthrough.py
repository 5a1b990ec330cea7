"""Regenerate docs/walkthrough.md by running its commands for real (needs the bundled models).

    .venv/bin/python tests/cli/walkthrough.py > docs/walkthrough.md

test_cli_models.py checks that the file matches what the commands print today.
"""

import os
import shlex
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]

INTRO = """\
## Walk-through: three wire stories

The package ships three short sample articles, written for this walk-through, from three outlets. Two of
them carry the same statement by a UN spokesman, one of them trimmed. Keep the database in a scratch
folder for the session, so nothing is left in the checkout:

```console
$ scratch=$(mktemp -d)
$ export QUOTES_DB=$scratch/walkthrough.db
```
"""

STEPS = [
    ("Ingest the articles (a whole folder works too: `quotes ingest quotes/samples/`); `--outlet` gives "
     "each outlet one spelling (the files name theirs in a byline or dateline, or not at all):",
     ['quotes ingest quotes/samples/wire-kazakhstan.txt --outlet Northwire',
      'quotes ingest quotes/samples/ledger-almaty.txt --outlet "Eastern Ledger"',
      'quotes ingest quotes/samples/courier-harbour.txt --outlet "Coastal Courier"']),
    ("Everything one speaker said, by any part of the name:",
     ["quotes by Lindqvist"]),
    ("Each statement once, with how many articles and outlets carried it; the trimmed version in the "
     "Eastern Ledger counts as the same statement:",
     ["quotes statements Lindqvist"]),
    ("A spreadsheet of the same (add `--bom` for Excel, `-o FILE` to write a file):",
     ["quotes export --format csv --speaker Lindqvist"]),
]


def run(command: str, runner: CliRunner) -> str:
    from quotes.cli.main import main

    args = shlex.split(command)[1:]
    result = runner.invoke(main, args, prog_name="quotes")
    output = result.stdout + result.stderr
    return output if output.endswith("\n") or not output else output + "\n"


def walkthrough() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        runner = CliRunner(env={"COLUMNS": "100", "QUOTES_DB": str(Path(tmp) / "walkthrough.db")})
        parts = [INTRO]
        cwd = os.getcwd()
        os.chdir(ROOT)
        try:
            for text, commands in STEPS:
                block = "".join(f"$ {command}\n{run(command, runner)}" for command in commands)
                parts.append(f"\n{text}\n\n```console\n{block}```\n")
        finally:
            os.chdir(cwd)
    return "".join(parts)


if __name__ == "__main__":
    sys.stdout.write(walkthrough())
