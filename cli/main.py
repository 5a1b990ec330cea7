"""The `quotes` command group. Commands load lazily so `quotes by …` never pays for importing Stanza."""

from __future__ import annotations

import importlib

import click

from quotes import __version__
from quotes.cli.context import install_app

# command name -> "module:attribute" inside quotes.cli
COMMANDS = {
    "extract": "extract:extract",
    "eval": "evaluate:eval_command",
    "train-models": "train:train_models_command",
    "ingest": "ingest:ingest",
    "by": "lookup:by",
    "speakers": "identity:speakers",
    "statements": "lookup:statements",
    "show": "lookup:show",
    "search": "lookup:search",
    "stats": "lookup:stats",
    "export": "export:export",
    "db": "dbcmd:db",
    "serve": "serve:serve",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        module = importlib.import_module(f"quotes.cli.{module_name}")
        return getattr(module, attribute)

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
