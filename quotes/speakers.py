"""From a mention to a speaker inside one article: pronouns to the right earlier named mention, surnames and
"Mr X" to the full name given earlier, roles split from names, and persons told from organisations and groups."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

from quotes.lexicon import date_words, first_names, group_nouns, honorifics, org_words, pronouns, role_words

NAME_TOKEN = re.compile(r"[A-Z][\w’'.-]*")
# capitalised words that start sentences or phrases and are never first names
NOT_NAMES = frozenset({"the", "a", "an", "in", "on", "at", "and", "but", "for", "of", "to", "by", "with", "as", "when",
                       "after", "before", "if", "while", "since", "it", "he", "she", "they", "we", "this", "that",
                       "neither", "either", "both", "so", "also", "then", "or", "not", "now", "yet", "where", "what",
                       "how", "why", "who", "some", "many", "most", "all", "every", "his", "her", "their", "our"})


FULL_NAME = re.compile(r"\b[A-Z][\w’'-]+(?:\s+[A-Z][\w’'.-]+){1,3}\b")


def _not_first_name(token: str) -> bool:
    lower = token.lower()
    return lower in NOT_NAMES or lower in role_words() or lower in honorifics() or lower in org_words()


def _after_sentence_end(tokens: list[str]) -> list[str]:
    """Tokens after the last one that ends a sentence ("Fund." but not an initial like "B.")."""
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i].endswith(".") and len(tokens[i].rstrip(".")) > 1 and tokens[i].lower() not in honorifics():
            return tokens[i + 1:]
    return tokens


@dataclass
class Speaker:
    name: Optional[str]
    kind: str  # person | organization | group | unknown
    role: Optional[str] = None
    rule: str = ""  # how the name was resolved: "pronoun", "surname", ""
    gender: Optional[str] = None  # "m" | "f" once a he/she has pointed at this speaker


def fold(name: str) -> str:
    """Accent- and case-folded form for matching names."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _name_like(word) -> bool:
    lower = word.text.lower()
    if word.upos in ("DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "VERB", "NUM", "PUNCT") or lower in NOT_NAMES:
        return False
    if lower in honorifics() or lower in role_words() or lower in date_words() or not word.text[:1].isupper():
        return False
    return word.upos in ("PROPN", "X", "NOUN", "ADJ") or bool(NAME_TOKEN.fullmatch(word.text))


def _name_runs(words: list) -> list[tuple[int, int]]:
    runs, start = [], None
    for i, word in enumerate(words + [None]):
        if word is not None and _name_like(word):
            start = i if start is None else start
        elif start is not None:
            runs.append((start, i))
            start = None
    return runs


def _best_run(words: list, runs: list[tuple[int, int]]) -> Optional[tuple[int, int]]:
    """The run most likely to be the person's name: one opening with a known first name, else the longest
    (two words or more), else the last."""
    if not runs:
        return None
    named = [r for r in runs if fold(words[r[0]].text) in first_names()]
    if named:
        return named[-1]
    longest = max(runs, key=lambda r: (r[1] - r[0], r[0]))
    return longest if longest[1] - longest[0] >= 2 else runs[-1]


def split_role(words: list) -> tuple[list, list, bool]:
    """(role words, name words, had honorific) of a proper-noun mention: the name is a run of capitalised
    words that are not titles ("UN spokesman Stephane Dujarric"); what comes before it is the role."""
    words = _without_nicknames(words)
    run = _best_run(words, _name_runs(words))
    if run is None:
        return _role_only(words), [], False
    name = words[run[0]:run[1]]
    while name and (name[-1].text in ("'s", "’s", "'", "’") or name[-1].upos == "PART"):
        name = name[:-1]
    before = words[:run[0]]
    honorific = bool(before) and before[-1].text.lower() in honorifics()
    return _role_only(before), name, honorific


def _role_only(words: list) -> list:
    role = [w for w in words if w.text.lower() not in honorifics()]
    while role and (role[0].upos in ("DET", "ADP", "CCONJ") or role[0].text in ",("):
        role = role[1:]
    while role and (role[-1].upos in ("ADP", "CCONJ", "PUNCT")):
        role = role[:-1]
    return role


def _without_nicknames(words: list) -> list:
    """Drop a quoted nickname and the marks around it from a name."""
    kept, quoted = [], False
    for word in words:
        if word.text in ("“", "”", '"', "‘", "’"):
            quoted = word.text in ("“", "‘") or (word.text == '"' and not quoted)
            continue
        if not quoted:
            kept.append(word)
    return kept


def person_name(words: list) -> str:
    """A person's name from its words, spaced as words (a nickname between them is gone)."""
    return " ".join(w.text for w in words)


def _text(words: list, text: str) -> Optional[str]:
    from quotes.tokens import words_span

    span = words_span(words)
    return text[span[0]:span[1]] if span else None


def _is_org(words: list) -> bool:
    for word in words:
        lower = word.text.lower().strip("’'")
        if lower in org_words() or (len(word.text) >= 2 and word.text.isupper() and word.text.isalpha()):
            return True
    return False


def describe(mention, text: str) -> Speaker:
    """What a mention says about its speaker on its own, before looking at the rest of the article."""
    words = mention.words
    head = mention.head
    lower = head.text.lower()
    if len(words) == 1 and lower in pronouns():
        return Speaker(None, pronouns()[lower], rule="pronoun")
    if head.upos == "PROPN" or (head.text[:1].isupper() and head.upos not in ("NOUN", "PRON", "DET")):
        return _proper(words, mention, text)
    plural = "Number=Plur" in (head.feats or "") or lower in group_nouns()
    if head.upos == "NOUN" and plural:
        return _nominal(words, mention, text)  # "Some Clinton allies" are a group, not a Mr Clinton
    if any(end - start >= 2 for start, end in _name_runs(_without_nicknames(words))):
        return _proper(words, mention, text)  # "UN spokesman Stephane Dujarric" headed by "spokesman"
    return _nominal(words, mention, text)


def _proper(words, mention, text) -> Speaker:
    role, name, honorific = split_role(words)
    appos = mention.appos if mention.appos and mention.appos[0].upos != "NUM" else []  # "Melissa, 32," is an age
    role_text = _text(role, text) or (_text(appos, text) if appos else None)
    titled = any(w.text.lower() in role_words() for w in words)
    head_at = next((i for i, w in enumerate(words) if w is mention.head), len(words) - 1)
    if _is_org(words[:head_at + 1]) and not honorific and not titled:
        return Speaker(_text(_no_det(words), text), "organization")
    if not name:
        return Speaker(None, "person" if role else "unknown", role_text)
    known_first = fold(name[0].text) in first_names()
    kind = "person" if (len(name) >= 2 or honorific or role or known_first) else "unknown"
    return Speaker(person_name(name), kind, role_text)


def _nominal(words, mention, text) -> Speaker:
    """A common-noun mention: a group ("officials"), an organisation ("the ministry"), or an unnamed person
    whose description becomes the role ("a White House spokesman"); a named apposition wins."""
    head = mention.head
    if mention.appos and any(w.upos == "PROPN" for w in mention.appos):
        _, name, _ = split_role(mention.appos)
        if name:
            return Speaker(person_name(name), "person", _text(_no_det(words), text))
    lower = head.text.lower()
    plural = "Number=Plur" in (head.feats or "") or lower in group_nouns()
    if plural:
        return Speaker(_text(_no_det(words), text), "group")
    if lower in org_words():
        return Speaker(_text(_no_det(words), text), "organization")
    return Speaker(None, "person" if head.upos == "NOUN" else "unknown", _text(_no_det(words), text))


def _no_det(words: list) -> list:
    return words[1:] if len(words) > 1 and words[0].upos == "DET" else words


# --- resolution against the rest of the article


class ArticleSpeakers:
    """Speakers met so far in one article, in order, for pronouns and short names to point back at."""

    def __init__(self, text: str):
        self.text = text
        self.seen: list[tuple[int, Speaker]] = []  # (offset, speaker) of named speakers

    def resolve(self, mention) -> Speaker:
        if getattr(mention, "antecedent", None) is not None:
            return self.resolve(mention.antecedent)  # 'who' speaks for the phrase it stands for
        speaker = describe(mention, self.text)
        if speaker.rule == "pronoun":
            speaker = self._antecedent(mention, speaker)
        elif speaker.name and speaker.kind in ("person", "unknown") and len(speaker.name.split()) == 1:
            speaker = self._full_name(mention, speaker)
        if speaker.name and speaker.rule != "pronoun":
            self.seen.append((mention.start, speaker))
        return speaker

    def _antecedent(self, mention, speaker: Speaker) -> Speaker:
        pronoun = mention.words[0].text.lower()
        gender = {"he": "m", "him": "m", "she": "f", "her": "f"}.get(pronoun)
        wanted = pronouns()[pronoun]
        for offset, earlier in reversed(self.seen):
            if offset >= mention.start:
                continue
            if wanted == "person" and earlier.kind != "person":
                continue
            if wanted == "group" and earlier.kind not in ("group", "organization"):
                continue
            if gender and earlier.gender and earlier.gender != gender:
                continue
            if gender:
                earlier.gender = gender
            return Speaker(earlier.name, earlier.kind, earlier.role, "pronoun", earlier.gender)
        if wanted == "person":
            name = self._last_name_before(mention.start)
            if name:
                return Speaker(name, "person", None, "pronoun", gender)
        return speaker

    def _last_name_before(self, offset: int, window: int = 600) -> Optional[str]:
        """A he/she whose antecedent made no statement: the last 'First Last' written shortly before."""
        best = None
        start = max(0, offset - window)
        for match in FULL_NAME.finditer(self.text, start, offset):
            tokens = _after_sentence_end(match.group().split())
            while tokens and _not_first_name(tokens[0]):
                tokens = tokens[1:]
            if len(tokens) >= 2 and not any(t.lower() in org_words() for t in tokens):
                best = " ".join(tokens)
        return best

    def _full_name(self, mention, speaker: Speaker) -> Speaker:
        """'Dujarric' or 'Mr Dujarric' -> the latest earlier full name ending in that surname; two people who
        share it stay apart because each short form takes the closest full name before it."""
        surname = fold(speaker.name)
        for offset, earlier in reversed(self.seen):
            if offset < mention.start and earlier.name and len(earlier.name.split()) > 1:
                if fold(earlier.name.split()[-1]) == surname:
                    return Speaker(earlier.name, "person", speaker.role or earlier.role, "surname", earlier.gender)
        full = self._name_in_text(speaker.name, mention.start)
        if full:
            return Speaker(full, "person", speaker.role, "surname")
        return speaker

    def _name_in_text(self, surname: str, before: int) -> Optional[str]:
        """The last 'First [Middle] Surname' in the text before the mention (names met outside statements)."""
        pattern = re.compile(r"((?:[A-Z][\w’'.-]*\s+){1,2})" + re.escape(surname) + r"\b")
        best = None
        for match in pattern.finditer(self.text, 0, before):
            tokens = _after_sentence_end(match.group(1).split())
            while tokens and _not_first_name(tokens[0]):
                tokens = tokens[1:]
            if tokens:
                best = " ".join(tokens + [surname])
        return best
