"""Character offsets of Stanza words, in one place: Stanza keeps offsets on tokens, and a word that came
out of multi-word-token expansion ("don't" -> "do", "n't") has none of its own, so it borrows its token's."""

from __future__ import annotations

import re
from typing import Iterable, Optional


def word_span(word) -> tuple[int, int]:
    """(start, end) of a word in the article text; MWT parts share their token's span."""
    start, end = getattr(word, "start_char", None), getattr(word, "end_char", None)
    if start is None or end is None:
        token = word.parent
        start, end = token.start_char, token.end_char
    return start, end


def words_span(words: Iterable) -> Optional[tuple[int, int]]:
    """The smallest span covering all the words, or None for no words."""
    spans = [word_span(word) for word in words]
    if not spans:
        return None
    return min(start for start, _ in spans), max(end for _, end in spans)


# --- tree navigation: every rule reads the parse through these, so unparsed sentences (head None) are safe


def is_parsed(sentence) -> bool:
    return bool(sentence.words) and all(word.head is not None for word in sentence.words)


def children(sentence) -> dict[int, list]:
    """word id -> its dependents, in sentence order."""
    table: dict[int, list] = {word.id: [] for word in sentence.words}
    table[0] = []
    for word in sentence.words:
        if word.head is not None:
            table[word.head].append(word)
    return table


def head_of(sentence, word):
    """The governing word, or None at the root."""
    return sentence.words[word.head - 1] if word.head else None


def subtree(sentence, word, kids=None, skip: frozenset = frozenset()) -> list:
    """The word and all its descendants in sentence order, leaving out dependents whose deprel is in
    `skip` (with their own subtrees)."""
    kids = kids if kids is not None else children(sentence)
    found, stack, seen = [], [word], {word.id}
    while stack:
        current = stack.pop()
        found.append(current)
        for child in kids[current.id]:
            if child.deprel not in skip and child.id not in seen:  # a malformed parse may hold a cycle
                seen.add(child.id)
                stack.append(child)
    return sorted(found, key=lambda w: w.id)


def contiguous_around(words: list, anchor) -> list:
    """The run of consecutive word ids in `words` that contains `anchor` (drops what a bad parse scattered)."""
    ids = {word.id for word in words}
    low = high = anchor.id
    while low - 1 in ids:
        low -= 1
    while high + 1 in ids:
        high += 1
    return [word for word in words if low <= word.id <= high]


def proper_run_before(words: list, end: int) -> int:
    """How many words right before words[end] form one run of proper nouns, with 'of'/'for' inside it
    ('Secretary of State Antony Blinken')."""
    run, i = 0, end - 1
    while i >= 0 and (words[i].upos == "PROPN" or (run and words[i].text.lower() in ("of", "for"))):
        run, i = run + 1, i - 1
    return run


def cut_mid_line(last: str, between: str) -> bool:
    """Does a sentence the tokenizer ended on the word `last` go on in the same line, with only spaces
    (`between`) before the next: no closing punctuation, no line break? (A cut inside a sentence, or a run-in
    headline; callers tell which; quotes.runtime.nlp.split_inside_a_name,
    which may not import the rules' layer, tests the same before it reparses.)"""
    return not between.strip() and "\n" not in between and re.fullmatch(r"\w[\w'’-]*", last) is not None
