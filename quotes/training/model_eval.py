"""Score a model folder end to end from raw text with Stanza's copy of the CoNLL 2018 shared-task scorer.

The raw text is rebuilt from each sentence's `# text` comment (paragraph breaks at `# newpar` / `# newdoc`),
so tokenization and sentence splitting are scored too, exactly as an article would be processed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

METRICS = ("Tokens", "Sentences", "Words", "UPOS", "XPOS", "UFeats", "Lemmas", "UAS", "LAS")


@dataclass
class TreebankScore:
    name: str
    f1: dict[str, float]  # metric -> F1 in percent


def raw_text(conllu_path: Path) -> str:
    """The running text of a CoNLL-U file: sentences joined by spaces, paragraphs by blank lines."""
    paragraphs: list[list[str]] = [[]]
    for line in conllu_path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc") or line.startswith("# newpar"):
            if paragraphs[-1]:
                paragraphs.append([])
        elif line.startswith("# text = "):
            paragraphs[-1].append(line[len("# text = "):])
    return "\n\n".join(" ".join(sentences) for sentences in paragraphs if sentences) + "\n"


def restore_surface_text(doc, text: str) -> None:
    """Stanza's tokenizer writes `<UNK>` for some very long tokens (URLs); their offsets are right, so put the
    characters back, as the scorer compares the token text with the gold file's."""
    for sentence in doc.sentences:
        for token in sentence.tokens:
            surface = text[token.start_char:token.end_char]
            if token.text != surface and len(token.words) == 1:
                token.text = surface
                token.words[0].text = surface


def score_treebank(nlp, gold_path: Path, name: str) -> TreebankScore:
    from stanza.models.common.utils import ud_scores  # Stanza's CoNLL 2018 shared-task scorer (udtools)
    from stanza.utils.conll import CoNLL

    text = raw_text(gold_path)
    docs = nlp.tokenize([text])
    restore_surface_text(docs[0], text)
    nlp.parse_all(docs)
    system = io.StringIO()
    CoNLL.write_doc2conll(docs[0], system)
    system.seek(0)
    scores = ud_scores(str(gold_path), system)
    return TreebankScore(name, {metric: 100 * scores[metric].f1 for metric in METRICS})


def markdown_table(scores: list[TreebankScore]) -> str:
    header = "| test set | " + " | ".join(METRICS) + " |"
    rule = "|---|" + "---:|" * len(METRICS)
    rows = [f"| {s.name} | " + " | ".join(f"{s.f1[m]:.2f}" for m in METRICS) + " |" for s in scores]
    return "\n".join([header, rule, *rows])
