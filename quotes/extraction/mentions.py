"""Speaker mentions: the words of the noun phrase that names who spoke, read off the UD tree (without asides,
kept contiguous, a split name or a title's name joined), with the role in apposition beside it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from quotes.extraction.lexicon import date_words, honorifics, name_particles, role_words, rule_words
from quotes.extraction.tokens import contiguous_around, head_of, subtree, word_span

if TYPE_CHECKING:
    from quotes.extraction.attribute import Context

# dependents that are not part of a speaker's name: asides, relative clauses, the role in apposition
MENTION_SKIP = frozenset(
    {"acl", "acl:relcl", "appos", "punct", "parataxis", "advmod", "dep", "advcl", "discourse", "list", "orphan",
     "cop"}
)


# relative pronouns that stand for the noun phrase of their clause ("Sanders, who said …")
RELATIVE = rule_words("relative_cue_subjects")


# titles and honorifics, as written in lower case ('sen.', 'senator', 'ms', 'ms.')
TITLES = role_words() | honorifics()


@dataclass
class Mention:
    """The words the parse ties a statement to; `appos` holds an apposition ("a Labour MP") for the role."""

    start: int
    end: int
    words: list
    sentence: int
    appos: list = field(default_factory=list)
    antecedent: Optional["Mention"] = None  # for a relative pronoun: the noun phrase 'who' stands for

    @property
    def head(self):
        return self.words[0] if len(self.words) == 1 else _head_word(self.words)


def _head_word(words):
    ids = {word.id for word in words}
    for word in words:
        if word.head not in ids:
            return word
    return words[0]


def mention_at(ctx: Context, index: int, head) -> Mention:
    """The speaker mention headed by `head`: its phrase without asides, kept contiguous. A relative pronoun
    ('Sanders, who said …') is the mention as written, with the phrase it stands for as its antecedent."""
    sentence, kids = ctx.sentences[index], ctx.kids[index]
    clause = head_of(sentence, head)
    if head.text.lower() in RELATIVE and clause is not None and clause.deprel.startswith("acl") and clause.head:
        start, end = word_span(head)
        return Mention(start, end, [head], index, antecedent=mention_at(ctx, index, head_of(sentence, clause)))
    marker = _not_of_name(sentence, kids, head)
    words = [w for w in subtree(sentence, head, kids, skip=MENTION_SKIP) if w.id not in marker]
    words = _bridged(sentence, kids, head, words, marker)
    words = _with_split_name(sentence, head, words)
    words = strip_punct(words) or [head]
    words = _with_hyphened_prefix(ctx, sentence, words)
    words = _with_name_after_title(ctx, sentence, words)
    start, end = ctx.span(words)
    return Mention(start, end, words, index, _role_beside(sentence, kids, head))


def _not_of_name(sentence, kids, head) -> set[int]:
    """Ids of words in the head's phrase that are no part of the name: its own case marker ("according to",
    "by"; a nested "'s" is part of it) and a time phrase the parse hung on it ("Dujarric on Monday")."""
    marker = {w.id for c in kids[head.id] if c.deprel in ("case", "cc", "mark") and not _name_particle(c, head)
              for w in subtree(sentence, c, kids)}
    phrase = subtree(sentence, head, kids)
    timing = {w.id for c in phrase if c is not head and c.text.lower() in date_words()
              and not _name_part_word(c, head) for w in subtree(sentence, c, kids)}
    timing |= {w.id for c in kids[head.id] if c.deprel.startswith(("nmod", "obl")) and c.upos == "NUM"
               and any(w.id in timing for w in subtree(sentence, c, kids)) for w in subtree(sentence, c, kids)}
    return marker | timing


_WEEKDAYS_AND_MONTHS = rule_words("weekdays") | rule_words("months")


def _name_part_word(word, head) -> bool:
    """'Morning' of 'the Lakeport Morning Courier', 'Evening' of 'the Evening Gazette': a capitalised time word
    in a proper noun's compound before it is part of the name (a day or month there is a date)."""
    return word.deprel == "compound" and word.id < head.id and head.upos == "PROPN" and word.text[:1].isupper() \
        and word.text.lower() not in _WEEKDAYS_AND_MONTHS


def _role_beside(sentence, kids, head) -> list:
    """The words of the head's apposition, else the role set off after a name."""
    appos = [w for w in kids[head.id] if w.deprel == "appos"]
    appos_words = _apposition(sentence, kids, appos[0]) if appos else []
    if not appos_words and head.upos == "PROPN":
        appos_words = _role_after_name(sentence, kids, head)
    return appos_words


def _with_split_name(sentence, head, words: list) -> list:
    """'Jeb | Bush says' parsed as two subjects of 'says': proper nouns right beside the mention that hang
    on the same word with the same relation are the rest of one name; after a common noun, the name it
    describes ('veteran Ruritanian litigator | Ana | Okafor noted')."""
    if head.upos == "NOUN" and not _title_word(head):
        return _with_name_twins_after(sentence, head, words)
    if head.upos != "PROPN" and not _title_word(head):  # 'Ms' may be tagged a noun
        return words

    def twin(word) -> bool:
        return word.upos == "PROPN" and word.head == head.head and word.deprel == head.deprel \
            and word.text[:1].isupper()

    low, high = min(w.id for w in words), max(w.id for w in words)
    while low > 1 and twin(sentence.words[low - 2]):
        low -= 1
    while low > 2 and _title_dot(sentence, low - 1) and twin(sentence.words[low - 3]):
        low -= 2  # 'Ms | . | Sherry said' with both names subjects of 'said'
    while high < len(sentence.words) and twin(sentence.words[high]):
        high += 1
    while high + 1 < len(sentence.words) and _title_dot(sentence, high + 1) and twin(sentence.words[high + 1]):
        high += 2
    return sentence.words[low - 1:high] if (low, high) != (min(w.id for w in words), max(w.id for w in words)) \
        else words


def _with_name_twins_after(sentence, head, words: list) -> list:
    high = max(w.id for w in words)
    twins = high
    while twins < len(sentence.words) and sentence.words[twins].upos == "PROPN" \
            and sentence.words[twins].head == head.head and sentence.words[twins].deprel == head.deprel:
        twins += 1
    if twins - high >= 2:  # a name: two words or more
        return words + sentence.words[high:twins]
    return words + _titled_name_after(sentence, head, high)


def _titled_name_after(sentence, head, high: int) -> list:
    """'Harbour spokesman | the Rev. Tomas Reyes | told' parsed as two subjects of 'told', the second a name
    with its own title words: that name's phrase, when it starts right after the mention; else nothing."""
    name = next((w for w in sentence.words[high:] if w.head == head.head and w.deprel == head.deprel), None)
    if name is None or name.upos != "PROPN" or head.head == 0:
        return []
    phrase = subtree(sentence, name)
    ids = [w.id for w in phrase]
    if ids[0] != high + 1 or ids != list(range(ids[0], ids[-1] + 1)):
        return []
    return phrase if sum(w.upos == "PROPN" for w in phrase) >= 2 else []  # a name, or a title and a name


def _apposition(sentence, kids, appos) -> list:
    """The words of an apposition without its punctuation, a party tag or aside in parentheses ('(D-Va.)')
    or a nickname in marks ('Marcia “Cia” Price'), whatever the parse hung them on."""
    words = subtree(sentence, appos, kids)
    kept, depth, quoted = [], 0, False
    for i, word in enumerate(words):
        if word.text == "(":
            depth += 1
        elif word.text == ")":
            depth = max(0, depth - 1)
        elif word.text in ("“", "‘") or (word.text == '"' and not quoted):
            quoted = _short_quote(words, i)
        elif word.text in ("”", "’", '"'):
            quoted = False
        elif depth == 0 and not quoted and word.upos != "PUNCT":
            kept.append(word)
    return kept


def _short_quote(words: list, i: int) -> bool:
    """Does the mark at words[i] open a nickname of one to three words that closes before the list ends?"""
    for j in range(i + 1, min(len(words), i + 5)):
        if words[j].text in ("”", "’", '"'):
            return j - i - 1 <= 3
    return False


def _name_particle(word, head) -> bool:
    """'von der Leyen' parsed with 'von' as a case marker: a particle right before a proper name is the name's."""
    return word.text in name_particles() and head.upos == "PROPN" and 0 < head.id - word.id <= 2


def _with_name_after_title(ctx: Context, sentence, words: list) -> list:
    """'Sen. | Helena Ortega' where the parse made the title the subject and hung the name elsewhere:
    a mention that ends in a title or honorific takes the capitalised words right after it."""
    last = words[-1].text.lower()
    if last not in honorifics() and last.rstrip(".") not in honorifics() and last not in role_words():
        return words
    following = []
    for word in sentence.words[words[-1].id:words[-1].id + 4]:
        if not word.text[:1].isupper() or word.upos == "PUNCT" or ctx.quote_of(word) is not None:
            break
        following.append(word)
    return words + (following or _place_and_name_after(ctx, sentence, words[-1]))


def _with_hyphened_prefix(ctx: Context, sentence, words: list) -> list:
    """'V-DEM' split by the tokenizer into 'V-' and 'DEM', the parse hanging 'V-' elsewhere: a capitalised
    piece ending in a hyphen, written against the mention's first word, is part of it."""
    if words[0].id < 2:
        return words
    before = sentence.words[words[0].id - 2]
    if len(before.text) > 1 and before.text[-1] in "-‐" and before.text[0].isupper() \
            and ctx.span([before])[1] == ctx.span([words[0]])[0]:
        return [before] + words
    return words


def _place_and_name_after(ctx: Context, sentence, title) -> list:
    """'Ruritanian Ambassador | to the United Provinces Tomas Reyes' where the parse hung the rest elsewhere: 'to',
    'of' or 'for', a place or body and a name, three capitalised words or more ending at a comma or the end."""
    after = sentence.words[title.id:title.id + 10]
    if not after or after[0].text not in ("to", "of", "for"):
        return []
    at = 2 if len(after) > 1 and after[1].text == "the" else 1
    capitals = []
    for word in after[at:]:
        if not word.text[:1].isupper() or word.upos == "PUNCT" or ctx.quote_of(word) is not None:
            break
        capitals.append(word)
    end = title.id + at + len(capitals)
    closed = end >= len(sentence.words) or sentence.words[end].text in (",", ".", ";", ":")
    return after[:at] + capitals if len(capitals) >= 3 and closed else []


def _bridged(sentence, kids, head, words: list, marker: set) -> list:
    """Keep a mention whole across a skipped inner piece of the same phrase (a quoted nickname in apposition:
    Dwayne “The Rock” Johnson); anything else scattered by the parse is cut to the run around the head."""
    phrase = {w.id for w in subtree(sentence, head, kids)} - marker
    low, high = min(w.id for w in words), max(w.id for w in words)
    if all(i in phrase or _title_dot(sentence, i) for i in range(low, high + 1)):
        return sentence.words[low - 1:high]
    return contiguous_around(words, head)


def _title_dot(sentence, i: int) -> bool:
    """Word i is the full stop of an abbreviated title the tokenizer split off ('Ms | . | Sherry'), which the
    parse may hang on the verb."""
    return sentence.words[i - 1].text == "." and i >= 2 and _title_word(sentence.words[i - 2])


def _title_word(word) -> bool:
    """An honorific or abbreviated title ('Ms', 'Sen.', 'Gov')."""
    return (word.text.lower().rstrip(".") + ".") in TITLES


def strip_punct(words: list) -> list:
    while words and words[0].upos == "PUNCT":
        words = words[1:]
    while words and words[-1].upos == "PUNCT":
        words = words[:-1]
    return words


def _role_after_name(sentence, kids, head) -> list:
    """The role set off after a name that the parse did not make its apposition ('David Mora, the
    architect of the campaign' with the role as the cue's subject)."""
    last = max(w.id for w in subtree(sentence, head, kids))
    if last + 1 >= len(sentence.words) or sentence.words[last].text != ",":
        return []
    role = sentence.words[last + 1]
    while role.head and role.head > last + 1 and role.head != head.head and head_of(sentence, role).id > last:
        role = head_of(sentence, role)
    if role.head != head.head or not role.deprel.startswith("nsubj") or role.upos != "NOUN":
        return []
    return strip_punct(subtree(sentence, role, kids, skip=frozenset({"punct"})))
