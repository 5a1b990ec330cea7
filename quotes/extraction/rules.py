"""Every rule that decides a statement, with its confidence and what it means, in one table. A record's
`rule` label and `confidence` are made here from the finder that found the statement, the way its speaker
was found and how the speaker was resolved; no other code glues rule names together or parses them apart."""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator


@dataclass(frozen=True)
class Finder:
    name: str
    confidence: float  # with a speaker mention
    unnamed: float  # without one
    label: str  # the record's `rule`; "{speaker}" stands for how the speaker was found
    meaning: str
    marks_unnamed: bool = False  # the label says ":no-speaker" when no mention was found


FINDERS: dict[str, Finder] = {finder.name: finder for finder in (
    # direct quotes (quotes.extraction.direct), most direct evidence first
    Finder("cue", 0.9, 0.54, "{speaker}",
           "a reporting verb in the quote's sentence that the tree ties to the quote", True),
    Finder("cue-unlinked", 0.6, 0.36, "{speaker}:unlinked",
           "a reporting verb in the quote's sentence that the tree does not tie to it (quotes of 4+ words)", True),
    Finder("lead-in", 0.9, 0.54, "object:{speaker}",
           "mixed: the quote finishes a clause its cue began ('called the plan “a disaster”')"),
    Finder("according-to-quote", 0.85, 0.51, "according-to", "'according to X' in the quote's sentence", True),
    Finder("in-words", 0.85, 0.51, "in-words", "'in the words of X', 'in X's words' right before the quote"),
    Finder("dash", 0.75, 0.45, "dash", "'“…” — Name': a dash and a noun phrase right after the closing mark", True),
    Finder("colon-cue", 0.85, 0.51, "colon:{speaker}", "a cue ending the lead-in before a colon", True),
    Finder("colon-name", 0.7, 0.42, "colon", "a name ending the lead-in before a colon, no cue ('From X:')", True),
    Finder("next-sentence", 0.7, 0.42, "next-sentence",
           "a short sentence right after the quote that is only an attribution ('He said.')", True),
    Finder("previous-sentence", 0.65, 0.39, "previous-sentence",
           "a sentence right before a quote standing alone, whose cue says nothing of its own", True),
    Finder("floating", 0.6, 0.6, "floating",
           "a quote standing alone near the statement before it: same speaker and cue"),
    Finder("no-cue", 0.3, 0.3, "no-cue", "a long quote standing alone; no cue or speaker found"),
    # reported speech (quotes.extraction.reported)
    Finder("ccomp", 0.8, 0.5, "ccomp:{speaker}", "the complement clause of a cue ('said that …')"),
    Finder("xcomp", 0.8, 0.5, "xcomp:{speaker}", "what an intention verb says will be done ('vowed to …')"),
    Finder("object", 0.8, 0.5, "object:{speaker}",
           "what a cue names as its object ('called for a recount', 'described him as …')"),
    Finder("surface", 0.8, 0.5, "surface:{speaker}",
           "the clause after 'said (that)' or before ', X said', read from word order when the parse has none"),
    Finder("parataxis", 0.8, 0.5, "parataxis:{speaker}", "the clause a cue interrupts ('The plan, he said, will fail')"),
    Finder("according-to", 0.8, 0.5, "according-to", "the clause an 'according to X' phrase is said of"),
)}

@dataclass(frozen=True)
class Rule:
    """One row of a rule table (quotes.extraction.speaker_rules.SPEAKER_RULES, quotes.extraction.speakers.DESCRIBE_RULES and
    RESOLVE_RULES, quotes.extraction.direct.DIRECT_RULES): tables are walked in order and the first row that finds
    something decides. `name` is unique across tables (what `quotes eval --without` switches off); `label`
    says what the row writes into a record (a key of SPEAKER_LABELS, DESCRIPTIONS, RESOLUTIONS or FINDERS); `example`
    is a sentence the row fires on, whose hand-built parse tests/extract/test_rule_tables.py holds."""

    name: str
    label: str
    find: Callable
    example: str


_SWITCHED_OFF: ContextVar[frozenset] = ContextVar("switched_off", default=frozenset())


@contextmanager
def switched_off(names: Iterable[str]) -> Iterator[None]:
    """Rules named here are skipped while the block runs (to measure what a rule is worth)."""
    token = _SWITCHED_OFF.set(_SWITCHED_OFF.get() | frozenset(names))
    try:
        yield
    finally:
        _SWITCHED_OFF.reset(token)


def is_on(name: str) -> bool:
    return name not in _SWITCHED_OFF.get()


def switched_on(table: Iterable[Rule]) -> Iterator[Rule]:
    off = _SWITCHED_OFF.get()
    return (rule for rule in table if rule.name not in off)


# how the speaker mention was found (quotes.extraction.speaker_rules.SPEAKER_RULES); the label carries the name
SPEAKER_LABELS: dict[str, str] = {
    "nsubj-of-cue": "the cue's subject, before it",
    "inverted": "the cue's subject after it ('said Ms X'), or a name set off before its role ('said X, the …')",
    "passive": "the agent of a passive cue ('was quoted by') or the subject of 'quoted as saying'",
    "relative": "'who' of a relative clause, standing for the noun phrase it belongs to",
    "for-saying": "the one blamed for saying it ('criticized X for saying')",
    "participle": "the subject of the clause a participle cue hangs on ('…, adding'), or the noun phrase it "
                  "hangs on straight ('protesters chanting')",
    "object-control": "the object of the verb an infinitive cue completes ('led the journalist to fear')",
    "dependent": "a name or pronoun the parse hung on the cue another way",
    "adjacent": "a name or pronoun right before the cue the parse gave no subject",
    "adjacent-inverted": "a name or noun phrase right after the cue the parse gave no subject",
    "shared": "the speaker of an earlier cue this one is coordinated with ('X said … but added'); the record "
              "carries that cue's label",
}

# what a mention says of its speaker on its own (quotes.extraction.speakers.DESCRIBE_RULES); not written into the label
DESCRIPTIONS: dict[str, str] = {
    "pronoun": "a pronoun: the article's earlier speakers say who",
    "group": "people spoken of together: 'most', 'many Democrats', 'Ana Ruiz and Tom Berg'",
    "person": "a person named beside a title ('The Environment Secretary, Thérèse Coffey')",
    "name": "a name: a person, an organisation, or of unknown kind, with any title before it as the role",
    "description": "a common noun: a group, an organisation, or an unnamed person with the words as the role",
}

# how a mention became a named speaker in its article (quotes.extraction.speakers.RESOLVE_RULES); added to the label as
# "+name"
RESOLUTIONS: dict[str, str] = {
    "pronoun": "a pronoun: the latest earlier speaker it can stand for",
    "surname": "a surname or given name alone: the full name written in the article",
    "nominal": "'the senator': the latest person named before with that title",
    "initialism": "'KCNA': the name the article spells out before '(KCNA)'",
}
UNRESOLVED_FACTOR = 0.8  # a mention that names nobody and is of no known kind


def label(finder: str, speaker_rule: str, named: bool) -> str:
    entry = FINDERS[finder]
    text = entry.label.format(speaker=speaker_rule)
    return text + ":no-speaker" if entry.marks_unnamed and not named else text


def confidence(finder: str, named: bool) -> float:
    entry = FINDERS[finder]
    return entry.confidence if named else entry.unnamed


def with_resolution(rule: str, resolution: str) -> str:
    return f"{rule}+{resolution}" if resolution in RESOLUTIONS else rule


def base_rule(rule: str) -> str:
    """The label's first part, for grouping records by how they were found in a report."""
    return rule.split("+")[0].split(":")[0]
