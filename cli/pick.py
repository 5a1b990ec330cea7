"""Which stored speaker a name typed on the command line means, asking the user when several fit."""

from __future__ import annotations

import re
import sys

import click

SPEAKER_ID = re.compile(r"#?(\d+)")


def pick_speaker(session, name: str):
    """The one speaker `name` means: an id (#12), the only match, an exact name, or the user's choice."""
    from quotes.db.queries import find_speakers, list_speakers

    matches = find_speakers(session, name=name)
    given = SPEAKER_ID.fullmatch(name.strip())
    if given:
        matches = [s for s in list_speakers(session) if s.id == int(given.group(1))] or matches
    exact = [s for s in matches if s.name.casefold() == name.strip().casefold()]
    if len(matches) == 1:
        return matches[0]
    if len(exact) == 1 and not (len(exact[0].name.split()) == 1 and len(matches) > 1):
        return exact[0]  # a full name typed in full; a bare "Obama" beside "Barack Obama" is not decided here
    if not matches:
        raise click.ClickException(f"no speaker matches {name!r}; list them with `quotes speakers --like "
                                   f"{name.split()[-1] if name.split() else name}`")
    return choose_speaker(name, sorted(matches, key=lambda s: -s.quotes))  # largest first


def choose_speaker(name, matches):
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
    from quotes.db.queries import is_stored_id

    given = SPEAKER_ID.fullmatch(text.strip())
    if given and not is_stored_id(int(given.group(1))):
        raise click.ClickException(f"no speaker #{given.group(1)}: ids are up to 10 digits; list them with "
                                   "`quotes speakers`")
    return int(given.group(1)) if given else pick_speaker(session, text).id
