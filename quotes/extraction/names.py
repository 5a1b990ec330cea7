"""Person names as strings: given names, particles (von der, van, bin, al-), surnames, generational suffixes
(Jr., III) and the gender an honorific carries. Pure string logic shared by speaker resolution and checks."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

from quotes.extraction.lexicon import honorific_genders, honorifics, name_particles, name_suffixes

# upper-case letters of the Latin scripts, for regexes that find names as written (Ó, Ł, Ş …)
UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
# a particle written onto the name: al-Assad, bin-Salman, d’Estaing, O’Brien
PREFIXED = re.compile(r"(?:al|el|ad|as|ash|at|az|bin|ibn|abu|d|de|da|di|o)[-’'][" + UPPER + r"]", re.IGNORECASE)


def fold(name: str) -> str:
    """Accent- and case-folded form for matching names."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def is_particle(token: str) -> bool:
    return token in name_particles()


def is_suffix(token: str) -> bool:
    return token.lower().strip(",") in name_suffixes()


@dataclass(frozen=True)
class NameParts:
    given: tuple[str, ...]  # "Kassym-Jomart"; empty for a bare surname
    surname: str  # with its particles: "von der Leyen"
    suffix: str  # "Jr." or ""

    @property
    def key(self) -> tuple[str, str]:
        """What two mentions of one person share: folded surname and suffix."""
        return fold(self.surname), fold(self.suffix.rstrip("."))


def parts(name: str) -> NameParts:
    """Split a name as written: 'Ursula von der Leyen' -> (Ursula,) / von der Leyen; 'Donald Trump, Jr.' ->
    (Donald,) / Trump / Jr. Honorifics in front are dropped."""
    tokens = [t for t in name.replace(",", " ").split() if t]
    while tokens and tokens[0].lower() in honorifics():
        tokens = tokens[1:]
    suffix = ""
    if len(tokens) > 1 and is_suffix(tokens[-1]):
        suffix = tokens.pop()
    if not tokens:
        return NameParts((), "", suffix)
    first = len(tokens) - 1
    while first > 0 and is_particle(tokens[first - 1]):
        first -= 1
    return NameParts(tuple(tokens[:first]), " ".join(tokens[first:]), suffix)


def is_short_form(name: str) -> bool:
    """A surname alone ('Tokayev', 'von der Leyen', 'Trump Jr.'), to be joined to a fuller name."""
    return bool(name) and not parts(name).given


def honorific_gender(words: list[str]) -> Optional[str]:
    """'m' or 'f' when the words carry a gendered honorific (Mr, Mrs, Ms, Sir, Dame)."""
    for word in words:
        gender = honorific_genders().get(word.lower())
        if gender:
            return gender
    return None


def compatible(short: NameParts, full: NameParts) -> bool:
    """Can the short form stand for the full name: same surname and the same suffix (Trump Jr. is not Trump),
    and any given name it has agrees (Bill Clinton is not Hillary Clinton)."""
    if short.key != full.key:
        return False
    return not short.given or not full.given or fold(short.given[0]) == fold(full.given[0])
