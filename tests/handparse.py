"""Hand-built parses for logic tests (STYLE: a model's mistakes never make a logic test flaky). Importable from
every test folder: tests/ is on sys.path through its conftest.py."""

from __future__ import annotations


def doc_from_rows(text: str, sentences: list[str]):
    """A parsed stanza Document from hand-written rows, offsets found by searching `text` left to right.

    Each sentence is a block of lines `FORM LEMMA UPOS HEAD DEPREL [FEATS]` (whitespace separated); an
    `XPOS=…` item in FEATS gives the word's XPOS tag ('Human human ADJ 3 amod XPOS=NNP'). Raises ValueError
    when a form is not in the text."""
    from stanza.utils.conll import CoNLL

    position, blocks = 0, []
    for block in sentences:
        lines = []
        for index, row in enumerate(line.split() for line in block.strip().splitlines()):
            form, lemma, upos, head, deprel, *feats = row
            start = text.find(form, position)
            if start < 0:
                raise ValueError(f"{form!r} not found in text after offset {position}")
            position = start + len(form)
            misc = f"start_char={start}|end_char={position}"
            items = feats[0].split("|") if feats else []
            xpos = next((item[5:] for item in items if item.startswith("XPOS=")), "_")
            feats = "|".join(item for item in items if not item.startswith("XPOS=")) or "_"
            lines.append("\t".join([str(index + 1), form, lemma, upos, xpos, feats, head, deprel, "_", misc]))
        blocks.append("\n".join(lines))
    doc = CoNLL.conll2doc(input_str="\n\n".join(blocks) + "\n\n")
    doc.text = text
    return doc
