"""A name typed on the command line: quotes.db.choose decides which stored speaker it means; here only the
question to the user when several fit, and the error texts."""

from __future__ import annotations

import sys

import click


def pick_speaker(session, name: str):
    """The one speaker `name` means (quotes.db.choose decides: an id, the only match, an exact full name),
    or the user's choice among the candidates."""
    from quotes.db.choose import choose_speaker

    choice = choose_speaker(session, name)
    if choice.chosen is not None:
        return choice.chosen
    if not choice.candidates:
        raise click.ClickException(f"no speaker matches {name!r}; list them with `quotes speakers --like "
                                   f"{name.split()[-1] if name.split() else name}`")
    return ask_which(name, choice.candidates)


def ask_which(name, matches):
    """Ask on a terminal; elsewhere fail with the candidates and how to pick one."""
    from quotes.terminal import printable

    listing = "\n".join(printable(f"  #{s.id}  {s.name} ({speaker_summary(s)})") for s in matches)
    if not stdin_is_terminal():
        raise click.ClickException(f"{len(matches)} speakers match {name!r}:\n{listing}\n"
                                   f"pass the full name or the id, e.g. `#{matches[0].id}`")
    click.echo(f"{len(matches)} speakers match {name!r}:\n{listing}", err=True)
    ids = {s.id: s for s in matches}
    chosen = click.prompt("Which one (id)", type=click.Choice([str(i) for i in ids]), err=True)
    return ids[int(chosen)]


def stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


def speaker_summary(speaker) -> str:
    """"person, UN spokesman, 3 quotes": what tells namesakes apart in a list of candidates."""
    parts = [speaker.kind] + speaker.roles[:2] + [f"{speaker.quotes} quote" + ("" if speaker.quotes == 1 else "s")]
    return ", ".join(part for part in parts if part)


def speaker_id(session, text: str) -> int:
    """An id (#12) goes to the library as it is, so a merged or missing id gets its own message there;
    a name is picked as `quotes by` does (the only match, an exact name, or the user's choice)."""
    from quotes.db.choose import SPEAKER_ID
    from quotes.db.models import is_stored_id

    given = SPEAKER_ID.fullmatch(text.strip())
    if given and not is_stored_id(int(given.group(1))):
        raise click.ClickException(f"no speaker #{given.group(1)}: ids are up to 10 digits; list them with "
                                   "`quotes speakers`")
    return int(given.group(1)) if given else pick_speaker(session, text).id
