"""A name typed on the command line: quotes.db.choose decides which stored speaker it means; here only the
question to the user when several fit, and the error texts."""

from __future__ import annotations

import re
import sys

import click


def pick_speaker(session, name: str):
    """The one speaker `name` means (quotes.db.choose decides: an id, the only match, an exact full name),
    or the user's choice among the candidates."""
    from quotes.db.choose import choose_speaker
    from quotes.terminal import printable

    choice = choose_speaker(session, name)
    if choice.chosen is not None:
        if not names_fit(name, choice.chosen):
            click.echo(printable(f"No speaker is named {name!r}: taking #{choice.chosen.id} {choice.chosen.name}, "
                                 "the one speaker that shares part of the name."), err=True)
        return choice.chosen
    if not choice.candidates:
        raise click.ClickException(not_found(session, name))
    return ask_which(name, choice.candidates)


def not_found(session, name: str) -> str:
    """Why `name` found nobody, pointing to a listing that shows something: the speaker a merged id went to,
    else every speaker (`--like` with any word typed would list nobody: find_speakers already matched
    each part of the name)."""
    from quotes.db.choose import SPEAKER_ID
    from quotes.db.errors import SpeakerNotFound
    from quotes.db.matching import follow_merges
    from quotes.db.queries import speaker_rows
    from quotes.terminal import printable

    given = SPEAKER_ID.fullmatch(name.strip())
    if given and name.strip().startswith("#"):
        try:
            live = follow_merges(session, int(given.group(1)))
        except SpeakerNotFound:
            return f"no speaker #{given.group(1)}; `quotes speakers` lists them with their ids"
        [speaker] = speaker_rows(session, [live])
        return printable(f"speaker #{given.group(1)} was merged into #{live} {speaker.name}: pass \"#{live}\"")
    return f"no speaker matches {name!r}; `quotes speakers` lists everyone on record"


def names_fit(typed: str, speaker) -> bool:
    """Whether every word typed but an honorific starts a word of the speaker's name or aliases ("lindq",
    "M. Lindqvist", "Mr Lindqvist", "#2"), so that a reader who typed "Jane Ashdown" is told when they get
    Ruth Ashdown."""
    if SPEAKER_WORD.sub("", typed.strip().lstrip("#")).isdigit():
        return True
    from quotes.lexicon import honorifics

    known = {word for alias in [speaker.name, *speaker.aliases] for word in words_of(alias)}
    return all(any(word.startswith(part) for word in known) for part in words_of(typed) if part not in honorifics())


SPEAKER_WORD = re.compile(r"[\W_]+")


def words_of(text: str) -> list[str]:
    return [word for word in SPEAKER_WORD.split(text.casefold()) if word]


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


def means_stored_speaker(session, name: str) -> bool:
    """Whether a speaker typed for a correction (`quotes fix --speaker`, the web view's form) means one on
    record: an id, a stored name or alias, or one word (a surname); else it is a full name no speaker goes by,
    and a name that only contains a stored one ("Ana Lima" beside "Ana Limaço") is not that speaker."""
    from quotes.db.choose import SPEAKER_ID
    from quotes.db.queries import find_speakers

    matches = find_speakers(session, name=name)
    exact = any(name.casefold() == alias.casefold() for s in matches for alias in [s.name, *s.aliases])
    return bool(SPEAKER_ID.fullmatch(name) or exact or (matches and len(name.split()) == 1))
