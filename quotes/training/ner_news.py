"""News-style NER data (CoNLL-2003, WikiNEuRal) mapped onto our labels, for the NER stage of `train-models`.

Both corpora come as one token per line with a BIO tag (Babelscape's layout `index<TAB>word<TAB>tag`, or
CoNLL-2003's own `word POS chunk tag`), blank lines between sentences and `-DOCSTART-` lines between documents.
Their PER, ORG and LOC are ours. Their MISC differs from GUM's in two ways our model must not learn: a
nationality adjective is MISC there ("German advice") and no entity in GUM, and a plural people name
("Americans", "Serbs") is MISC there and a group (GRP) in GUM.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from quotes.errors import QuotesError

# source label -> ours; a label missing here is dropped (no other corpus label is expected)
NEWS_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
# endings of a one-word MISC that is a plural people name; "-ics", "-ss", "-us" are events and singulars
# ("Olympics", "Congress", "Exodus")
NOT_PLURAL_ENDINGS = ("ics", "ss", "us", "is")
# endings of nationality, religion and party adjectives ("Kenyan", "British", "Chinese", "Dutch", "Islamic",
# "Israeli", "Greek", "Swiss"): a MISC ending in one of them before another word modifies that word
ADJECTIVE_ENDINGS = ("an", "ese", "ish", "ch", "ic", "i", "ek", "ss")
# a hyphenated word, as our tokenizer splits it (GUM's way: "Geun - hye", "Anglo - French"); dates stay whole
HYPHENATED = re.compile(r"[^\W_]+(?:-[^\W_]+)+")


class NewsDataError(QuotesError):
    """A news NER file is missing or malformed; the message names the file and the fix."""


@dataclass
class TaggedSentence:
    words: list[str]
    tags: list[str]  # the source's BIO (IOB2 or IOB1) tags, one per word


@dataclass(frozen=True)
class Span:
    first: int  # word indexes, 0-based, inclusive
    last: int
    label: str


def read_bio_conll(path: Path) -> Iterator[TaggedSentence]:
    """Sentences of a one-token-per-line NER file; `-DOCSTART-` lines are document breaks, not sentences."""
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            columns = line.rstrip("\n").split("\t") if "\t" in line else line.split()
            if not columns or not columns[0].strip():
                if words:
                    yield TaggedSentence(words, tags)
                words, tags = [], []
                continue
            if len(columns) < 2:
                raise NewsDataError(f"{path}:{number}: expected a word and a NER tag per line, got {line.strip()!r}")
            word = columns[1] if len(columns) == 3 else columns[0]
            if word == "-DOCSTART-":
                continue
            words.append(word)
            tags.append(columns[-1])
    if words:
        yield TaggedSentence(words, tags)


def bio_spans(tags: list[str]) -> list[Span]:
    """Spans of BIO tags; an I- that does not continue a span of its label starts one (IOB1, sloppy data)."""
    spans: list[Span] = []
    start, label = None, None
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, name = tag.partition("-")
        continues = prefix == "I" and start is not None and name == label
        if start is not None and not continues:
            spans.append(Span(start, index - 1, label))
            start = None
        if tag != "O" and not continues:
            start, label = index, name
    return spans


def ud_words(sentence: TaggedSentence) -> TaggedSentence:
    """The sentence in the words our tokenizer makes (quotes.runtime.nlp feeds the tagger those): a hyphenated token
    ("Geun-hye", "Anglo-French") becomes its parts and hyphens, inside the same entity as the token."""
    words: list[str] = []
    tags: list[str] = []
    for word, tag in zip(sentence.words, sentence.tags):
        if not (HYPHENATED.fullmatch(word) and any(ch.isalpha() for ch in word)):
            words.append(word)
            tags.append(tag)
            continue
        inside = tag if tag == "O" else f"I-{tag.partition('-')[2]}"
        for index, part in enumerate(re.split(r"(-)", word)):
            words.append(part)
            tags.append(tag if index == 0 else inside)
    return TaggedSentence(words, tags)


def _is_plural_people_name(word: str) -> bool:
    return (word[:1].isupper() and not word.isupper() and word.endswith("s")
            and not word.lower().endswith(NOT_PLURAL_ENDINGS))


def our_spans(sentence: TaggedSentence) -> list[Span]:
    """The sentence's spans in our label set, GUM's conventions for MISC applied (see the module docstring)."""
    spans = []
    for span in bio_spans(sentence.tags):
        label = NEWS_LABELS.get(span.label)
        if label is None:
            continue
        if label == "MISC":
            word = sentence.words[span.last]
            following = sentence.words[span.last + 1] if span.last + 1 < len(sentence.words) else ""
            if span.first == span.last and _is_plural_people_name(word):
                label = "GRP"
            elif following[:1].isalpha() and word.endswith(ADJECTIVE_ENDINGS):
                # an adjective before its noun: "German advice", "South Korean President Park"
                continue
        spans.append(Span(span.first, span.last, label))
    return spans


def bioes_news_tags(sentence: TaggedSentence) -> list[str]:
    tags = ["O"] * len(sentence.words)
    for span in our_spans(sentence):
        if span.first == span.last:
            tags[span.first] = f"S-{span.label}"
            continue
        tags[span.first] = f"B-{span.label}"
        for index in range(span.first + 1, span.last):
            tags[index] = f"I-{span.label}"
        tags[span.last] = f"E-{span.label}"
    return tags


def news_to_stanza_json(sentences: Iterable[TaggedSentence]) -> list[list[dict]]:
    json_sentences = []
    for sentence in map(ud_words, sentences):
        json_sentences.append([{"text": word, "ner": tag}
                               for word, tag in zip(sentence.words, bioes_news_tags(sentence))])
    return json_sentences


# --- where the corpora live: the data/ folder of github.com/Babelscape/wikineural ------------------------------

@dataclass(frozen=True)
class NewsCorpora:
    """CoNLL-2003 English (`conll/en/{train,val,test}.conllu`) and WikiNEuRal English (`wikineural/en/*.conllu`)
    under one folder, as Babelscape's repository lays them out."""

    folder: Path

    def conll(self, split: str) -> Path:
        path = self.folder / "conll" / "en" / f"{split}.conllu"
        if not path.is_file():
            raise NewsDataError(f"no {path}: pass --ner-news the data/ folder of github.com/Babelscape/wikineural")
        return path

    def wikineural(self) -> list[Path]:
        """Every WikiNEuRal English split there is: all are training data for us (its authors train on train,
        val and test together and validate on CoNLL-2003), since we test on CoNLL-2003 and GUM."""
        paths = sorted((self.folder / "wikineural" / "en").glob("*.conllu"))
        if not paths:
            raise NewsDataError(f"no wikineural/en/*.conllu in {self.folder}: pass --ner-news the data/ folder of "
                                "github.com/Babelscape/wikineural")
        return paths
