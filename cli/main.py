"""The `quotes` command group. Commands load lazily so `quotes by …` never pays for importing Stanza."""

from __future__ import annotations

import importlib
import logging
import os
import sys

import click

from quotes import __version__
from .context import install_app

# command name -> ("module:attribute" inside quotes.cli, its short help). The short helps are here, not only
# on the commands, so `quotes --help` lists the commands without importing one of their modules (each loads
# its own share of the library); tests/cli/test_cli_main.py keeps the two the same.
COMMANDS = {
    "extract": ("extract:extract", "Print the statements found in articles."),
    "eval": ("evaluate:eval_command", "Precision, recall, F1 and speaker accuracy against gold data."),
    "train-models": ("train:train_models_command", "Train the bundled Stanza models from UD English (resumable)."),
    "ingest": ("ingest:ingest", "Extract statements from articles and store them."),
    "by": ("lookup:by", "Quotes by one speaker, with filters."),
    "speakers": ("identity:speakers", "Speakers on record; merge or split them."),
    "statements": ("lookup:statements", "A speaker's statements, each once."),
    "articles": ("lookup:articles", "The stored articles, newest first, with their ids."),
    "show": ("lookup:show", "The statements of one article, in order."),
    "search": ("lookup:search", "Full-text search over the statements."),
    "stats": ("lookup:stats", "Counts of what is stored."),
    "export": ("export:export", "Export quotes as CSV, JSON lines, CSL-JSON, RIS or BibTeX."),
    "db": ("dbcmd:db", "Database schema: show its version, upgrade an older database."),
    "serve": ("serve:serve", "A local web view: search, speakers, timelines, articles."),
    "fix": ("fix:fix", "Correct one quote: its speaker, or that it is no quote."),
    "fix-article": ("fix:fix_article", "Correct a stored article's outlet, date, URL, author or title."),
    "corrections": ("fix:corrections_command", "The corrections made, as labelled data."),
}

# Commands after which a process run from the command line ends without interpreter teardown: freeing the
# loaded models (torch, Stanza) costs ~1 CPU-s that no one sees. They write only to stdout and stderr.
NO_TEARDOWN = frozenset({"extract"})


class LazyGroup(click.Group):
    ran = None  # the subcommand this process ran

    def main(self, args=None, *rest, **options):
        if args is not None or not options.get("standalone_mode", True):  # CliRunner or a library call
            return super().main(args, *rest, **options)
        try:
            return super().main(args, *rest, **options)
        except SystemExit as done:
            if self.ran in NO_TEARDOWN and isinstance(done.code, (int, type(None))):
                exit_without_teardown(done.code or 0)
            raise

    def resolve_command(self, ctx, args):
        name, command, rest = super().resolve_command(ctx, args)
        self.ran = name
        return name, command, rest

    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attribute = target[0].split(":")
        module = importlib.import_module(f".{module_name}", __package__)
        return getattr(module, attribute)

    def format_commands(self, ctx, formatter):
        """The command list of `quotes --help`, from COMMANDS: no command module is imported to show it."""
        with formatter.section("Commands"):
            formatter.write_dl([(name, COMMANDS[name][1]) for name in self.list_commands(ctx)])

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:  # Ctrl-C: exit 130, as a shell expects, not click's "Aborted!" and exit 1
            click.echo("Interrupted", err=True)
            ctx.exit(130)


@click.group(cls=LazyGroup, epilog="Example: quotes extract quotes/samples/wire-kazakhstan.txt")
@click.version_option(__version__, prog_name="quotes")
@click.pass_context
def main(ctx):
    """Find statements in news articles, tie them to speakers, track them across articles."""
    install_app(ctx)


def exit_without_teardown(code: int) -> None:
    """End the process now with `code`, once everything written is flushed; when a flush fails (a closed
    pipe, a full disk) the normal exit follows, which reports it."""
    logging.shutdown()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(code)
