"""The optional NER model in the pipeline: where a bundled-style model lives (`ner.pt` + `ner_pretrain.pt`,
trained by `quotes train-models --stage ner`), the Stanza options that add it to quotes.runtime.nlp's parse
pipeline, and how its tags reach the parsed document. Reading entities off the tags is
quotes.extraction.entities'.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

NER_MODEL = "ner.pt"
NER_PRETRAIN = "ner_pretrain.pt"


def ner_paths(folder: Path) -> Optional[tuple[Path, Optional[Path]]]:
    """(model, word vectors or None) of a bundled-style NER model in `folder`, or None when it has none."""
    model, pretrain = folder / NER_MODEL, folder / NER_PRETRAIN
    if not model.is_file():
        return None
    return model, pretrain if pretrain.is_file() else None


def ner_options(source) -> dict:
    """Extra stanza.Pipeline options that add NER to quotes.runtime.nlp's parse pipeline; {} when there is no model."""
    from quotes.runtime.nlp import PARSE_PROCESSORS  # nlp imports this module

    if source.official:
        return {"processors": PARSE_PROCESSORS + ",ner"} if (source.path / "en" / "ner").is_dir() else {}
    paths = ner_paths(source.path)
    if paths is None:
        return {}
    return {
        "processors": PARSE_PROCESSORS + ",ner",
        "ner_model_path": str(paths[0]), "ner_pretrain_path": str(paths[1]) if paths[1] else None,
        # trained without a character language model
        "ner_forward_charlm_path": None, "ner_backward_charlm_path": None,
    }


def copy_ner_tags(tagged_sentence, target_sentence) -> None:
    """Put the tags of a sentence tagged word by word (the parse pipeline is pretokenized on words) onto the
    target's tokens; a multi-word token ("don't") gets one tag summing up its words'."""
    tags = [token.ner for token in tagged_sentence.tokens]
    position = 0
    for token in target_sentence.tokens:
        token.ner = _merge_tags(tags[position:position + len(token.words)])
        position += len(token.words)


def _merge_tags(tags: list[str]) -> str:
    named = [tag for tag in tags if tag and tag != "O"]
    if not named:
        return "O"
    label = named[0].split("-", 1)[-1]
    starts_inside = tags[0][:2] in ("I-", "E-")
    ends_inside = tags[-1][:2] in ("B-", "I-")
    prefix = {(False, False): "S", (False, True): "B", (True, True): "I", (True, False): "E"}
    return f"{prefix[(starts_inside, ends_inside)]}-{label}"
