"""A name typed on the command line: quotes.db.choose decides which stored speaker it means; here only the
question to the user when several fit, and the error texts."""

from __future__ import annotations

import sys

import click


def pick_speaker(session, name: str):
    """The one speaker `name` means (quotes.db.choose decides: an id, the only match, an exact full name),
    or the user's choice among the candidates."""
    from quotes.db.choose import choose_speaker

    return picked(name, choose_speaker(session, name))


def picked(name: str, choice):
    """The speaker a SpeakerChoice for `name` gives: its choice (noting one that shares only part of the
    name), else the user's among the candidates; an error saying why when nobody fits."""
    from quotes.terminal import printable

    if choice.chosen is not None:
        if choice.partial:
            click.echo(printable(f"No speaker is named {name!r}: taking #{choice.chosen.id} {choice.chosen.name}, "
                                 "the one speaker that shares part of the name."), err=True)
        return choice.chosen
    if not choice.candidates:
        raise click.ClickException(not_found(name, choice))
    return ask_which(name, choice.candidates)


def not_found(name: str, choice) -> str:
    """Why `name` found nobody, pointing to a listing that shows something: the speaker a merged id went to,
    else every speaker (`--like` with any word typed would list nobody: find_speakers already matched
    each part of the name)."""
    from quotes.terminal import printable

    if choice.unknown_id is not None:
        return f"no speaker #{choice.unknown_id}; `quotes speakers` lists them with their ids"
    if choice.merged_into is not None:
        live = choice.merged_into
        return printable(f"speaker #{name.strip().lstrip('#')} was merged into #{live.id} {live.name}: "
                         f"pass \"#{live.id}\"")
    return f"no speaker matches {name!r}; `quotes speakers` lists everyone on record"


def ask_which(name, matches):
    """Ask on a terminal; elsewhere fail with the candidates and how to pick one."""
    from quotes.terminal import printable

    listing = "\n".join(printable(f"  #{s.id}  {s.name} ({speaker_summary(s)})") for s in matches)
    if not stdin_is_terminal():
        raise click.ClickException(f"{len(matches)} speakers match {name!r}:\n{listing}\n"
                                   f"pass the full name or the id, e.g. `#{matches[0].id}`")
    click.echo(f"{len(matches)} speakers match {name!r}:\n{listing}", err=True)
    ids = {s.id: s for s in matches}
    chosen = click.prompt("Which one (id)", type=TypedId([str(i) for i in ids]), err=True)
    return ids[int(chosen)]


class TypedId(click.Choice):
    """One of the ids offered, typed as the listing writes it ("#9") or bare ("9")."""

    def convert(self, value, param, ctx):
        return super().convert(str(value).strip().lstrip("#"), param, ctx)


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
