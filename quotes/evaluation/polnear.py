"""Scoring extraction against BRAT standoff in PolNeAR's layout (text/*.txt, attributions/*.ann): P/R/F1 at
character-overlap thresholds, the direct-quote subset, speaker accuracy on matched pairs, per-rule breakdown."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from quotes.errors import InputError
from quotes.extraction.lexicon import cue_forms
from quotes.records import QuoteRecord
from quotes.extraction.rules import base_rule

Span = tuple[int, int]
THRESHOLDS = (0.3, 0.5, 0.8)
DOUBLE_MARKS = set('"“”')
IGNORED = set(' \t\n\r"“”«»„')  # overlap counts content characters, not spacing or the marks themselves
RECORD_START = re.compile(r"^[TEARMN#]\d+\t")


@dataclass
class GoldAttribution:
    content: list[Span]
    source: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)
    cue_text: str = ""

    def is_direct(self, text: str) -> bool:
        return any(DOUBLE_MARKS & set(text[s:e]) for s, e in self.content)

    def is_reporting(self) -> bool:
        """Cue is a speech verb or "according to" (beliefs and nominal cues excluded)."""
        lower = self.cue_text.lower()
        return "according to" in lower or any(w in cue_forms(False) for w in re.findall(r"[a-z]+", lower))


@dataclass
class GoldDoc:
    name: str
    text: str
    attributions: list[GoldAttribution]


def _spans(field_text: str) -> list[Span]:
    return [tuple(int(x) for x in piece.split()) for piece in field_text.split(";")]


def read_ann(ann_text: str, text: str) -> list[GoldAttribution]:
    """Attributions of one .ann file. Covered text is taken from the .txt by offsets, and lines that do not
    start a record (a covered text that crossed a newline) are skipped."""
    spans: dict[str, tuple[str, list[Span]]] = {}
    events = []
    for line in ann_text.splitlines():
        if not RECORD_START.match(line):
            continue  # continuation of a multi-line covered text
        ident, rest = line.split("\t", 1)
        header = rest.split("\t", 1)[0]
        if ident.startswith("T"):
            kind, offsets = header.split(" ", 1)
            spans[ident] = (kind, _spans(offsets))
        elif ident.startswith("E"):
            events.append(dict(part.split(":", 1) for part in header.split()))
    found = []
    for roles in events:
        content = [s for key in ("Content", "Content2") if key in roles for s in spans[roles[key]][1]]
        if not content:
            continue
        cue = spans[roles["Cue"]][1] if "Cue" in roles else []
        source = spans[roles["Source"]][1] if "Source" in roles else []
        cue_text = " ".join(text[s:e] for s, e in cue)
        found.append(GoldAttribution(sorted(content), source, cue, cue_text))
    return found


def read_gold(directory: Path, limit: Optional[int] = None) -> list[GoldDoc]:
    """Documents of a PolNeAR-layout folder, sorted by name; the first annotator file per document. With
    `limit`, that many documents spread evenly over the sorted list, so every publisher is in a sample."""
    directory = Path(directory)
    paths = sorted((directory / "text").glob("*.txt"))
    if limit is not None and limit < len(paths):
        paths = [paths[i * len(paths) // limit] for i in range(limit)]
    docs = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        anns = sorted((directory / "attributions").glob(path.stem + "_*.ann"))
        attributions = read_ann(anns[0].read_text(encoding="utf-8"), text) if anns else []
        docs.append(GoldDoc(path.stem, text, attributions))
    return docs


# --- matching


def _chars(text: str, pieces: Iterable[Span]) -> set[int]:
    return {i for s, e in pieces for i in range(s, e) if text[i] not in IGNORED}


def overlap(text: str, a: Iterable[Span], b: Iterable[Span]) -> float:
    """Jaccard overlap of the content characters of two span lists."""
    left, right = _chars(text, a), _chars(text, b)
    return len(left & right) / len(left | right) if left and right else 0.0


def pieces_of(record: QuoteRecord) -> list[Span]:
    return [tuple(s) for s in record.spans] or [(record.start, record.end)]


def match(text: str, predicted: list[QuoteRecord], gold: list[GoldAttribution], threshold: float):
    """One-to-one pairs (pred index, gold index), greedily by best overlap, at or above the threshold."""
    scored = []
    for i, record in enumerate(predicted):
        for j, attribution in enumerate(gold):
            value = overlap(text, pieces_of(record), attribution.content)
            if value >= threshold:
                scored.append((value, i, j))
    pairs, used_p, used_g = [], set(), set()
    for value, i, j in sorted(scored, reverse=True):
        if i not in used_p and j not in used_g:
            pairs.append((i, j))
            used_p.add(i)
            used_g.add(j)
    return pairs


def speaker_correct(record: QuoteRecord, gold: GoldAttribution) -> Optional[bool]:
    """Does the predicted mention overlap the gold Source? None when the gold has no source."""
    if not gold.source:
        return None
    if record.mention_start is None:
        return False
    return any(record.mention_start < e and s < record.mention_end for s, e in gold.source)


# --- scoring


def _prf(hits_p: int, n_pred: int, hits_g: int, n_gold: int) -> dict:
    precision = hits_p / n_pred if n_pred else 0.0
    recall = hits_g / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "predicted": n_pred, "gold": n_gold}


def score(docs: list[GoldDoc], predictions: list[list[QuoteRecord]]) -> dict:
    """All numbers of the report, as a JSON-able dict."""
    report = {"documents": len(docs), "thresholds": {}}
    for threshold in THRESHOLDS:
        c = Counter()
        rules = defaultdict(Counter)
        for doc, predicted in zip(docs, predictions):
            pairs = match(doc.text, predicted, doc.attributions, threshold)
            _count(doc, predicted, pairs, c, rules)
        entry = {
            "all": _prf(c["hit"], c["pred"], c["hit"], c["gold"]),
            "direct": _prf(c["hit_pred_direct"], c["pred_direct"], c["hit_gold_direct"], c["gold_direct"]),
            "reporting_cue_recall": round(c["hit_reporting"] / c["gold_reporting"], 4) if c["gold_reporting"] else 0,
            "speaker_accuracy": round(c["speaker_ok"] / c["speaker_n"], 4) if c["speaker_n"] else 0,
            "direct_speaker_accuracy": round(c["dspeaker_ok"] / c["dspeaker_n"], 4) if c["dspeaker_n"] else 0,
            "by_rule": {r: dict(v) for r, v in sorted(rules.items())},
        }
        report["thresholds"][str(threshold)] = entry
    return report


def _count(doc: GoldDoc, predicted: list[QuoteRecord], pairs, c: Counter, rules) -> None:
    gold_direct = [g.is_direct(doc.text) for g in doc.attributions]
    c["pred"] += len(predicted)
    c["gold"] += len(doc.attributions)
    c["hit"] += len(pairs)
    c["gold_direct"] += sum(gold_direct)
    c["gold_reporting"] += sum(g.is_reporting() for g in doc.attributions)
    c["pred_direct"] += sum(r.kind in ("direct", "mixed") for r in predicted)
    for record in predicted:
        rules[f"{base_rule(record.rule)}/{record.kind}"]["predicted"] += 1
    for i, j in pairs:
        record, gold = predicted[i], doc.attributions[j]
        rules[f"{base_rule(record.rule)}/{record.kind}"]["matched"] += 1
        c["hit_pred_direct"] += record.kind in ("direct", "mixed")
        c["hit_gold_direct"] += gold_direct[j]
        c["hit_reporting"] += gold.is_reporting()
        correct = speaker_correct(record, gold)
        if correct is not None:
            c["speaker_n"] += 1
            c["speaker_ok"] += correct
            if gold_direct[j] and record.kind in ("direct", "mixed"):
                c["dspeaker_n"] += 1
                c["dspeaker_ok"] += correct


def rule_counts(docs: list[GoldDoc], predictions: list[list[QuoteRecord]], provenance: list[list[tuple]],
                threshold: float = 0.5) -> dict:
    """For every rule that made a record (Attribution.provenance: finder, speaker rule, resolution): how many
    records it made, how many match a gold statement at `threshold`, and of those how many name the gold
    speaker."""
    counts = defaultdict(Counter)
    for doc, predicted, made in zip(docs, predictions, provenance):
        pairs = dict(match(doc.text, predicted, doc.attributions, threshold))
        for i, names in enumerate(made):
            gold = doc.attributions[pairs[i]] if i in pairs else None
            for name in names:
                counts[name]["records"] += 1
                counts[name]["matched"] += gold is not None
                counts[name]["speaker_ok"] += gold is not None and speaker_correct(predicted[i], gold) is True
    return {name: dict(counts[name]) for name in sorted(counts)}


def known_rule_names() -> dict[str, str]:
    """Every rule that `--without` can switch off, with the table it is a row of."""
    from quotes.extraction.direct import DIRECT_RULES
    from quotes.extraction.rules import FINDERS
    from quotes.extraction.speaker_rules import SPEAKER_RULES
    from quotes.extraction.speakers import DESCRIBE_RULES, RESOLVE_RULES

    names = {name: "reported finder" for name in ("ccomp", "xcomp", "object", "surface", "parataxis", "according-to")}
    assert set(names) <= set(FINDERS)
    for table, rows in (("direct", DIRECT_RULES), ("speaker", SPEAKER_RULES), ("describe", DESCRIBE_RULES),
                        ("resolve", RESOLVE_RULES)):
        names.update({rule.name: table for rule in rows})
    return names


def format_report(report: dict) -> str:
    lines = [f"documents: {report['documents']}"]
    for threshold, entry in report["thresholds"].items():
        lines.append(f"overlap >= {threshold}")
        for name in ("all", "direct"):
            e = entry[name]
            lines.append(f"  {name:<7} P {e['precision']:.3f}  R {e['recall']:.3f}  F1 {e['f1']:.3f}"
                         f"  (pred {e['predicted']}, gold {e['gold']})")
        lines.append(f"  reporting-verb/according-to cue recall {entry['reporting_cue_recall']:.3f}")
        lines.append(f"  speaker accuracy {entry['speaker_accuracy']:.3f}"
                     f"  (direct subset {entry['direct_speaker_accuracy']:.3f})")
    lines.append("by rule/kind at overlap >= 0.5 (matched / predicted):")
    for rule, counts in report["thresholds"]["0.5"]["by_rule"].items():
        lines.append(f"  {rule:<28} {counts.get('matched', 0):>5} / {counts.get('predicted', 0):<5}")
    if report.get("by_rule_row"):
        lines.append("by rule that made the record at overlap >= 0.5 (records, matched, right speaker):")
        for name, counts in report["by_rule_row"].items():
            lines.append(f"  {name:<36} {counts.get('records', 0):>5} {counts.get('matched', 0):>5}"
                         f" {counts.get('speaker_ok', 0):>5}")
    if report.get("without"):
        lines.append("switched off: " + ", ".join(report["without"]))
    return "\n".join(lines)


def write_errors(path: Path, docs: list[GoldDoc], predictions: list[list[QuoteRecord]], threshold=0.5) -> None:
    """Misses, false positives and wrong speakers, one JSON object per line, for reading by eye."""
    with open(path, "w", encoding="utf-8") as out:
        for doc, predicted in zip(docs, predictions):
            pairs = match(doc.text, predicted, doc.attributions, threshold)
            hit_p, hit_g = {i for i, _ in pairs}, {j for _, j in pairs}
            for i, record in enumerate(predicted):
                if i not in hit_p:
                    _write(out, "false-positive", doc, record=record)
            for j, gold in enumerate(doc.attributions):
                if j not in hit_g:
                    _write(out, "miss", doc, gold=gold)
            for i, j in pairs:
                if speaker_correct(predicted[i], doc.attributions[j]) is False:
                    _write(out, "wrong-speaker", doc, record=predicted[i], gold=doc.attributions[j])


def _write(out, error: str, doc: GoldDoc, record: Optional[QuoteRecord] = None, gold=None) -> None:
    row = {"error": error, "doc": doc.name}
    if record is not None:
        row.update(text=record.text, kind=record.kind, rule=record.rule, cue=record.cue, mention=record.mention)
    if gold is not None:
        row.update(gold_content=" | ".join(doc.text[s:e] for s, e in gold.content), gold_cue=gold.cue_text,
                   gold_source=" | ".join(doc.text[s:e] for s, e in gold.source),
                   direct=gold.is_direct(doc.text))
    out.write(json.dumps(row, ensure_ascii=False) + "\n")


# --- parse cache: repeated evals do not re-parse 240k words


class ParseCache:
    """Parsed documents on disk keyed by text hash and a model fingerprint (stale parses never load), and
    every parsed sentence keyed by its words, so another text with the same sentence (an edited copy, the UK
    house-style copy) reuses its parse."""

    def __init__(self, directory: Path, fingerprint: str):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.fingerprint = fingerprint
        self._sentences: Optional[dict[tuple, list]] = None

    @property
    def _sentence_path(self) -> Path:
        return self.directory / f"sentences-{self.fingerprint}.jsonl.gz"

    def _sentence_index(self) -> dict[tuple, list]:
        if self._sentences is None:
            self._sentences = {}
            if self._sentence_path.is_file():
                with gzip.open(self._sentence_path, "rt", encoding="utf-8") as lines:
                    for line in lines:
                        forms, fields, *tags = json.loads(line)
                        self._sentences[tuple(forms)] = (fields, tags[0] if tags else None)
        return self._sentences

    def sentence(self, sentence) -> Optional[tuple]:
        """(parse fields, one dict per word; NER tags, one per token or None) stored for a sentence with these
        very words, or None."""
        return self._sentence_index().get(tuple(word.text for word in sentence.words))

    def put_sentences(self, doc) -> None:
        from quotes.runtime.nlp import PARSED_FIELDS

        index, new = self._sentence_index(), []
        for sentence in doc.sentences:
            forms = tuple(word.text for word in sentence.words)
            if forms not in index and _is_parsed(sentence):
                fields = [{name: getattr(word, name) for name in PARSED_FIELDS} for word in sentence.words]
                tags = [token.ner for token in sentence.tokens]
                tags = tags if any(tags) else None
                index[forms] = (fields, tags)
                new.append(json.dumps([forms, fields] + ([tags] if tags else [])))
        if new:
            with gzip.open(self._sentence_path, "at", encoding="utf-8") as out:
                out.write("\n".join(new) + "\n")

    def _path(self, text: str) -> Path:
        key = hashlib.sha256((self.fingerprint + "\0" + text).encode("utf-8")).hexdigest()
        return self.directory / f"{key}.json.gz"

    def get(self, text: str):
        from stanza import Document

        path = self._path(text)
        if not path.is_file():
            return None
        return Document(json.loads(gzip.decompress(path.read_bytes())), text=text)

    def put(self, text: str, doc) -> None:
        self._path(text).write_bytes(gzip.compress(json.dumps(doc.to_dict()).encode("utf-8")))
        self.put_sentences(doc)


def model_fingerprint(model_dir: Optional[Path]) -> str:
    """Names, sizes and times of the model files the parse and the NER tags come from, the quantization in
    force, and the cache layout version: a retrained NER model invalidates cached tags too."""
    from quotes.runtime.nlp import MODEL_FILES, quantize_mode

    parts = [CACHE_VERSION, f"quantize:{quantize_mode()}"]  # int8 and float32 parses differ slightly
    if model_dir is not None and Path(model_dir).is_dir():
        for path in sorted(Path(model_dir).rglob("*.pt")):
            if path.name not in MODEL_FILES.values() and not path.name.startswith("ner") \
                    and path.parent.name not in ("pos", "lemma", "depparse", "tokenize", "mwt"):
                continue
            stat = path.stat()
            parts.append(f"{path.name}:{stat.st_size}:{int(stat.st_mtime)}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


# A cached document keeps every sentence it ever had parsed. Sentence selection is applied when it is read:
# newly selected sentences are parsed then (and stored), parses of sentences the selection no longer picks
# are hidden, so a change to quotes.extraction.extract.selected_sentences costs only the new sentences, never a reparse.
CACHE_VERSION = "cache-3"  # 3: sentences cut inside a name are joined (quotes.runtime.nlp.rejoin_split_names)


def _is_parsed(sentence) -> bool:
    return all(word.deprel is not None for word in sentence.words)


def _selected_view(doc, text: str, wanted: set[int]):
    """`doc` as the batch path would have parsed it: parses outside `wanted` removed."""
    from stanza import Document

    if all(i in wanted or not _is_parsed(s) for i, s in enumerate(doc.sentences)):
        return doc
    from quotes.runtime.nlp import PARSED_FIELDS

    rows = doc.to_dict()
    for index, sentence in enumerate(rows):
        if index not in wanted:
            for word in sentence:
                for name in PARSED_FIELDS:
                    word.pop(name, None)
    return Document(rows, text=text)


def parsed_documents(texts: list[str], nlp, cache: Optional[ParseCache]) -> list:
    """Documents with the selected sentences parsed, from the cache where possible."""
    from quotes.extraction.extract import selected_sentences

    docs = [cache.get(text) if cache else None for text in texts]
    missing = [i for i, doc in enumerate(docs) if doc is None]
    fresh = set(missing)
    for i, doc in zip(missing, nlp.tokenize([texts[i] for i in missing]) if missing else []):
        docs[i] = doc
    wanted = [selected_sentences(doc) for doc in docs]
    to_parse = {
        id(sentence): i
        for i, doc in enumerate(docs) for index, sentence in enumerate(doc.sentences)
        if index in wanted[i] and not _is_parsed(sentence)
    }
    reused = _reuse_sentences(cache, docs, to_parse) if cache else set()
    if len(reused) < len(to_parse):
        nlp.parse(docs, lambda sentence: id(sentence) in to_parse and id(sentence) not in reused)
    for i in fresh | set(to_parse.values()):
        if cache:
            cache.put(texts[i], docs[i])
    return [_selected_view(doc, text, chosen) for doc, text, chosen in zip(docs, texts, wanted)]


def _reuse_sentences(cache: ParseCache, docs: list, to_parse: dict) -> set[int]:
    """Fill in, from the cache, sentences parsed before in another text; returns their ids."""
    reused = set()
    for doc in docs:
        for sentence in doc.sentences:
            stored = cache.sentence(sentence) if id(sentence) in to_parse else None
            if stored is None:
                continue
            fields, tags = stored
            for word, values in zip(sentence.words, fields):
                for name, value in values.items():
                    setattr(word, name, value)
            for token, tag in zip(sentence.tokens, tags or []):
                token.ner = tag  # the NER tags travel with the parse: speaker kinds read them
            sentence.build_dependencies()
            reused.add(id(sentence))
    return reused


def uk_style(text: str) -> str:
    """The UK house-style copy of a text: every double quotation mark becomes a single one (“ ” " -> ‘ ’),
    nothing else changes, so every character offset of the gold annotations still holds. The same rule as
    shared/tools/make_ukstyle.py."""
    chars = list(text)
    for i, char in enumerate(chars):
        if char == "\u201c":
            chars[i] = "\u2018"
        elif char == "\u201d":
            chars[i] = "\u2019"
        elif char == '"':
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            opening = (before.isspace() or before in "([{-\u2014\u2013/") and not after.isspace()
            chars[i] = "\u2018" if opening else "\u2019"
    return "".join(chars)


def evaluate_directory(gold_dir: Path, nlp, *, cache_dir: Optional[Path] = None, limit: Optional[int] = None,
                       include_beliefs: bool = True, progress=None, batch: int = 8, uk: bool = False,
                       without: Iterable[str] = ()):
    """Read the gold folder, parse (through the cache), extract, score. Returns (docs, predictions, report).
    With `uk`, extraction reads the UK house-style copy of each text (`uk_style`) and is scored against the
    original: the offsets are the same, and which gold statements are direct is read from the original.
    Rules named in `without` (see known_rule_names) are switched off, to measure what each is worth."""
    from quotes.extraction.extract import extract_with_provenance
    from quotes.extraction.rules import switched_off

    without = sorted(set(without))
    unknown = [name for name in without if name not in known_rule_names()]
    if unknown:
        raise InputError(f"no rule named {', '.join(unknown)}: name one of {', '.join(sorted(known_rule_names()))}")
    docs = read_gold(gold_dir, limit)
    model_dir = getattr(getattr(nlp, "source", None), "path", None)
    cache = ParseCache(cache_dir, model_fingerprint(model_dir)) if cache_dir else None
    predictions, provenance = [], []
    for first in range(0, len(docs), batch):
        chunk = docs[first:first + batch]
        texts = [uk_style(d.text) if uk else d.text for d in chunk]
        parsed = parsed_documents(texts, nlp, cache)
        for doc, text, stanza_doc in zip(chunk, texts, parsed):
            with switched_off(without):
                made = extract_with_provenance(stanza_doc, text, source=doc.name, include_beliefs=include_beliefs)
            predictions.append([record for _, record in made])
            provenance.append([a.provenance for a, _ in made])
        if progress:
            progress(min(first + batch, len(docs)), len(docs))
    report = score(docs, predictions)
    report["by_rule_row"] = rule_counts(docs, predictions, provenance)
    if without:
        report["without"] = without
    return docs, predictions, report
