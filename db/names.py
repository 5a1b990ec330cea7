"""Name normalisation for speaker matching: accent and case folding, honorific stripping, name parts."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

from rapidfuzz import fuzz

from quotes.extraction.lexicon import word_set
from quotes.extraction.names import honorific_gender, parts

# Given names this similar are spelling variants (Stephane/Stefane, Volodymyr/Volodimir), not namesakes.
GIVEN_NAME_MIN_SCORE = 80
# Surnames this similar are transliterations (Zelensky/Zelenskiy/Zelenskyy).
SURNAME_MIN_SCORE = 85
# Roles this similar (token_set_ratio) are the same post described two ways.
ROLE_MIN_SCORE = 50
# Words that two unrelated roles share without saying anything about the post or organisation.
ROLE_STOPWORDS = frozenset({"a", "an", "the", "of", "for", "to", "in", "at", "on", "and", "s", "former"})

_APOSTROPHES = "'\u2019\u2018\u02bc`\u00b4"
_NON_WORD = re.compile(r"[^\w]+")


def fold_words(text: str) -> str:
    """Case- and accent-folded words separated by single spaces; apostrophes vanish (O'Brien = OBrien)."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    for mark in _APOSTROPHES:
        stripped = stripped.replace(mark, "")
    return " ".join(_NON_WORD.sub(" ", stripped.casefold()).replace("_", " ").split())


@functools.lru_cache(maxsize=1)
def honorifics() -> frozenset[str]:
    """Forms of address from the shared word list, folded ("Mr." -> "mr")."""
    return frozenset(fold_words(word) for word in word_set("honorifics.txt")) - {""}


@dataclass(frozen=True)
class FoldedName:
    """A name as storage keys it: quotes.extraction.names.NameParts (the one name model) folded for matching. `key` is the
    folded name without honorifics, with its suffix."""

    key: str
    given: Optional[str]  # first folded word of the given names, None for a bare surname
    surname: Optional[str]  # folded, with its particles: "von der leyen"
    suffix: Optional[str] = None  # "jr", "iii": a namesake of the same name without it (identity: in the key)

    @property
    def is_bare(self) -> bool:
        """A surname alone, e.g. "Dujarric" from "Mr Dujarric" or "von der Leyen": joins a speaker only when
        unambiguous."""
        return self.given is None


@functools.lru_cache(maxsize=1 << 16)
def name_parts(name: str) -> FoldedName:
    """The stored form of quotes.extraction.names.parts (the one name model): folded, the particles kept in the surname
    ("Ursula von der Leyen" -> von der leyen) and the generational suffixes of its word list ("Martin Luther
    King V" -> king / v). `key` is every folded word of the name after its honorifics, suffix included.
    Cached: matching splits the same stored names again for every article (43 us a name uncached)."""
    tokens = fold_words(name).split()
    titles = honorifics()
    while len(tokens) > 1 and tokens[0] in titles:
        tokens = tokens[1:]
    if not tokens:
        return FoldedName(key="", given=None, surname=None)
    written = parts(name)
    surname = fold_words(written.surname)
    if not surname:  # a lone honorific ("Ms") is all there is: keep it rather than return nothing
        return FoldedName(key=" ".join(tokens), given=None, surname=tokens[-1])
    given = fold_words(" ".join(written.given)).split()
    return FoldedName(key=" ".join(tokens), given=given[0] if given else None, surname=surname,
                     suffix=fold_words(written.suffix) or None)


def person_keys(parts: FoldedName, kind: str) -> dict[str, Optional[str]]:
    """The look-up keys stored on a speaker (surname_key, given_key): a person is found by surname and, for
    a bare word, by first name ("Hillary"); an organisation or group has neither ("Stop Hillary" is no
    Ms Hillary)."""
    if kind != "person":
        return dict(surname_key=None, given_key=None)
    return dict(surname_key=parts.surname, given_key=parts.given)


def honorific_gender_of(*written: Optional[str]) -> Optional[str]:
    """'m' or 'f' when a name or mention as written carries a gendered honorific ("Mrs. Trump"), else None."""
    for text in written:
        said = honorific_gender((text or "").split())
        if said:
            return said
    return None


def given_names_compatible(a: Optional[str], b: Optional[str]) -> bool:
    """Same person as far as first names go: equal, an initial of the other, or a spelling variant."""
    if a is None or b is None:
        return True
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return fuzz.ratio(a, b) >= GIVEN_NAME_MIN_SCORE


def surnames_match(a: str, b: str) -> float:
    """0..100 similarity of two folded surnames; 0 when they are too far apart to be variants."""
    score = 100.0 if a == b else fuzz.ratio(a, b)
    return score if score >= SURNAME_MIN_SCORE else 0.0


def roles_conflict(known: list[str], role: Optional[str]) -> bool:
    """True when a role is stated and every role the speaker is known by is clearly different."""
    if not role or not known:
        return False
    return all(_roles_differ(role, other) for other in known)


def _roles_differ(a: str, b: str) -> bool:
    # A shared content word ("UN", "minister") keeps them compatible; so does a near-identical spelling.
    a_key, b_key = fold_words(a), fold_words(b)
    if (set(a_key.split()) & set(b_key.split())) - ROLE_STOPWORDS:
        return False
    return fuzz.token_set_ratio(a_key, b_key) < ROLE_MIN_SCORE


def surname_prefix_range(surname: str) -> tuple[str, str]:
    """[low, high) bounds of surnames sharing the first three letters: an index range scan that finds
    transliteration variants without reading every speaker."""
    prefix = surname[:3]
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)
