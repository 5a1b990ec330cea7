"""Named entities from the NER tags on a parsed document: spans, kinds, and the checks speaker rules need.

The bundled NER model (`models/en/ner.pt` + `ner_pretrain.pt`, trained by `quotes train-models --stage ner`
from GUM and GENTLE) is optional: without it documents carry no tags and `entities(doc)` is empty, so extraction works as before.
quotes.runtime.nlp runs it on the sentences it parses (quotes.runtime.ner: where the model is, how it is run).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

# NER label -> what the entity is. Our labels (GUM-derived), then the official Stanza English (OntoNotes) ones.
KINDS = {
    "PER": "person", "ORG": "organization", "LOC": "place", "GRP": "group", "MISC": "other",
    "PERSON": "person", "GPE": "place", "NORP": "group", "FAC": "place",
}
# what kind of speaker an entity of each kind makes: a country or city speaks for its government
SPEAKER_KINDS = {"person": "person", "organization": "organization", "place": "organization", "group": "group"}
POSSESSIVES = ("'s", "’s", "'", "’")


@dataclass(frozen=True)
class Entity:
    text: str  # as written in the article
    label: str  # the model's label (PER, ORG, LOC, GRP, MISC; or an official model's)
    kind: str  # person | organization | place | group | other
    start_char: int
    end_char: int
    sentence_index: int
    word_ids: tuple[int, ...]  # 1-based word ids in that sentence

    @property
    def speaker_kind(self) -> str:
        """person | organization | group, or unknown for entities that do not speak (works, events, …)."""
        return speaker_kind(self.kind)


def speaker_kind(kind: str) -> str:
    return SPEAKER_KINDS.get(kind, "unknown")


# --- reading entities -----------------------------------------------------------------------------------------

def entities(doc) -> list[Entity]:
    """The entities tagged in a document, in text order (sentences never tagged contribute none)."""
    found = []
    for index, sentence in enumerate(doc.sentences):
        found.extend(_sentence_entities(doc, index, sentence))
    return found


def _sentence_entities(doc, index: int, sentence) -> list[Entity]:
    found, current, label = [], [], None

    def close():
        nonlocal current, label
        if current:
            found.append(_entity(doc, index, current, label))
        current, label = [], None

    for token in sentence.tokens:
        tag = getattr(token, "ner", None) or "O"
        prefix, _, name = tag.partition("-")
        if tag == "O" or not name:
            close()
            continue
        # BIOES, or BIO: a new span starts at B/S, at a label change, or after an E/S closed the last
        if prefix in ("B", "S") or name != label:
            close()
        current.append(token)
        label = name
        if prefix in ("E", "S"):
            close()
    close()
    return found


def _entity(doc, index: int, tokens: list, label: str) -> Entity:
    start, end = tokens[0].start_char, tokens[-1].end_char
    words = [word for token in tokens for word in token.words]
    # "Kazakhstan's" is one token of two words; the possessive is no part of the name
    if len(tokens[-1].words) > 1 and words[-1].text in POSSESSIVES:
        end -= len(words[-1].text)
        words = words[:-1]
    text = doc.text[start:end] if getattr(doc, "text", None) else " ".join(token.text for token in tokens)
    return Entity(text=text, label=label, kind=KINDS.get(label, "other"), start_char=start, end_char=end,
                  sentence_index=index, word_ids=tuple(word.id for word in words))


def sentence_entities(sentence) -> Optional[list[Entity]]:
    """The entities tagged in one sentence, or None when the NER never ran on it (no model, an unparsed
    sentence, a hand-built parse without tags) — which is not the same as a sentence without names."""
    if not any(getattr(token, "ner", None) for token in sentence.tokens):
        return None
    index = sentence.index if getattr(sentence, "index", None) is not None else 0
    return _sentence_entities(sentence.doc, index, sentence)


def entity_holding(found: Iterable[Entity], word) -> Optional[Entity]:
    """The entity of `found` (one sentence's) that holds this word."""
    return next((entity for entity in found if word.id in entity.word_ids), None)


def kinds_written(doc, text: str) -> set[str]:
    """The kinds of every entity in the document with a word written `text`: how the NER read that name
    wherever it occurs, so one reading can be checked against the others."""
    return {entity.kind for entity in entities(doc) if text in entity.text.split()}
