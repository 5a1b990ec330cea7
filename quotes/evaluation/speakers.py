"""Speaker names scored the way a reader checks them, against a hand-labelled set in the speaker-gold layout
(benchmarks/speaker-gold): is each quoted statement filed under the right person or body, by name?

Layout: `labels/NAME.jsonl` (one gold statement a line) and `texts/NAME.txt` (the article text the offsets
index; an article whose text is absent, because its licence keeps it out of the repository and it has not
been rebuilt, is skipped)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from quotes.errors import InputError
from quotes.records import QuoteRecord

HOWS = ("name", "surname", "pronoun", "title", "description", "none")
KINDS = ("person", "organization", "group", "unnamed")
VERDICTS = ("right", "surname", "wrong", "no name", "missing")
# Words a reader skips when comparing two names: honorifics, the article of "the Red Cross", a country
# prefix written without stops ("US State Department"; "U.S." goes as initials), a company's legal suffix.
SKIPPED = frozenset("""
mr mrs ms miss mx dr prof sir dame lord lady rev fr sr jr the us uk inc corp ltd llc plc co
""".split())
SPACING_AND_MARKS = set(" \t\n\r\"“”‘’«»„'")


@dataclass
class GoldStatement:
    """One quoted statement as a reader labelled it: where its words are and who said it."""

    start: int
    end: int
    quote: str
    speaker: Optional[str]  # the fullest name the article gives anywhere; None when it never names them
    kind: str  # person | organization | group | unnamed
    how: str  # how the statement's own sentence names the speaker: one of HOWS
    role: Optional[str] = None

    @property
    def named(self) -> bool:
        return bool(self.speaker)


@dataclass
class GoldArticle:
    name: str
    text: str
    statements: list[GoldStatement]


def read_statement(line: str, where: str) -> GoldStatement:
    """One labels line; a clear error names the file and line and says what to fix."""
    try:
        row = json.loads(line)
        statement = GoldStatement(start=int(row["start"]), end=int(row["end"]), quote=row["quote"],
                                  speaker=row.get("speaker") or None, kind=row["kind"], how=row["how"],
                                  role=row.get("role") or None)
    except (ValueError, KeyError, TypeError) as error:
        raise InputError(f"{where}: not a speaker-gold label ({error}): each line is a JSON object with start, "
                         "end, quote, speaker, kind, how (and role)") from None
    if statement.kind not in KINDS or statement.how not in HOWS:
        raise InputError(f"{where}: kind {statement.kind!r} / how {statement.how!r}: kind is one of "
                         f"{', '.join(KINDS)}; how is one of {', '.join(HOWS)}")
    return statement


def read_speaker_gold(directory: Path) -> tuple[list[GoldArticle], list[str]]:
    """Articles with their labels, and the names of labelled articles skipped because their text is absent."""
    directory = Path(directory)
    labels = sorted((directory / "labels").glob("*.jsonl"))
    if not labels:
        raise InputError(f"{directory} has no labels/*.jsonl: point --speakers at a speaker-gold folder "
                         "(labels/NAME.jsonl and texts/NAME.txt, see benchmarks/speaker-gold/README.md)")
    articles, skipped = [], []
    for path in labels:
        text_path = directory / "texts" / f"{path.stem}.txt"
        if not text_path.is_file():
            skipped.append(path.stem)
            continue
        text = text_path.read_bytes().decode("utf-8")  # offsets count "\r" too: no newline translation
        statements = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            statement = read_statement(line, where)
            if text[statement.start:statement.end] != statement.quote:
                raise InputError(f"{where}: the text at {statement.start}-{statement.end} is "
                                 f"{text[statement.start:statement.end][:60]!r}, not the label's quote "
                                 f"{statement.quote[:60]!r}: fix the offsets or rebuild {text_path.name}")
            statements.append(statement)
        articles.append(GoldArticle(path.stem, text, statements))
    return articles, skipped


# --- names

def name_words(name: Optional[str]) -> list[str]:
    """The words of a name as a reader compares them: case, accents, honorifics, initials, a possessive and
    punctuation ignored ("Ms. Janet L. Yellen's" -> ["janet", "yellen"])."""
    if not name:
        return []
    plain = unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode().lower()
    plain = re.sub(r"'s\b", "", plain)
    words = re.findall(r"[a-z0-9]+(?:['-][a-z0-9]+)*", plain)
    return [w for w in words if w not in SKIPPED and len(w) > 1]


def judge_name(predicted: Optional[str], gold: str) -> str:
    """right: the predicted name has the gold name's first and last word and no word the gold name lacks;
    surname: only the gold name's last word; no name: nothing predicted; wrong: anything else."""
    guess, truth = name_words(predicted), name_words(gold)
    if not guess:
        return "no name"
    if not truth:
        return "wrong"
    if truth[0] in guess and truth[-1] in guess and set(guess) <= set(truth):
        return "right"
    if guess == [truth[-1]]:
        return "surname"
    return "wrong"


# --- matching

def _chars(text: str, pieces: Iterable[tuple[int, int]]) -> set[int]:
    return {i for s, e in pieces for i in range(s, min(e, len(text))) if text[i] not in SPACING_AND_MARKS}


def _pieces(record: QuoteRecord) -> list[tuple[int, int]]:
    return [tuple(s) for s in record.spans] or [(record.start, record.end)]


def matching_record(text: str, statement: GoldStatement, predicted: list[QuoteRecord]) -> Optional[QuoteRecord]:
    """The predicted statement sharing the most words with the gold one, if it covers at least half of them
    (one record may cover both pieces of an interrupted quote, or a gold statement and the narration around
    it: the reader still finds the statement filed under that record's speaker)."""
    gold = _chars(text, [(statement.start, statement.end)])
    best, best_shared = None, 0
    for record in predicted:
        shared = len(gold & _chars(text, _pieces(record)))
        if shared > best_shared and shared >= 0.5 * len(gold):
            best, best_shared = record, shared
    return best


def verdict(text: str, statement: GoldStatement, predicted: list[QuoteRecord]) -> tuple[str, Optional[QuoteRecord]]:
    """What a reader sees for one gold statement: its verdict (VERDICTS; for an unnamed gold statement
    "right" when no name is given and "wrong" when one is) and the predicted record, if found."""
    record = matching_record(text, statement, predicted)
    if record is None:
        return "missing", None
    if not statement.named:
        return ("wrong" if name_words(record.speaker) else "right"), record
    return judge_name(record.speaker, statement.speaker), record


# --- report

def score_speakers(articles: list[GoldArticle], predictions: list[list[QuoteRecord]]) -> dict:
    """Counts per `how` and overall, for named gold statements; unnamed ones are counted apart."""
    rows = {how: Counter() for how in HOWS}
    unnamed = Counter()
    for article, predicted in zip(articles, predictions):
        for statement in article.statements:
            outcome, _ = verdict(article.text, statement, predicted)
            if not statement.named:
                unnamed["gold"] += 1
                unnamed["found"] += outcome != "missing"
                unnamed["given a name"] += outcome == "wrong"
                continue
            row = rows[statement.how]
            row["gold"] += 1
            row["found"] += outcome != "missing"
            row[outcome] += 1
    total = sum(rows.values(), Counter())
    out = {how: _row(counts) for how, counts in rows.items() if counts["gold"]}
    out["overall"] = _row(total)
    return {"articles": len(articles), "statements": sum(len(a.statements) for a in articles),
            "named": out, "unnamed": dict(unnamed)}


def _row(counts: Counter) -> dict:
    row = {"gold": counts["gold"], "found": counts["found"]}
    row.update({name: counts[name] for name in VERDICTS})
    row["right_recall"] = round(counts["right"] / counts["gold"], 4) if counts["gold"] else 0.0
    return row


def format_speaker_report(report: dict) -> str:
    columns = ("gold", "found") + VERDICTS + ("right_recall",)
    skipped = report.get("skipped") or []
    lines = [f"{report['articles']} articles, {report['statements']} gold statements"
             + (f" ({len(skipped)} labelled articles skipped: no text; see the folder's README)" if skipped else ""),
             f"{'how':<12}" + "".join(f"{c:>13}" for c in columns)]
    for how, row in report["named"].items():
        cells = "".join(f"{row[c]:>13.4f}" if c == "right_recall" else f"{row[c]:>13}" for c in columns)
        lines.append(f"{how:<12}{cells}")
    unnamed = report["unnamed"]
    if unnamed:
        lines.append(f"unnamed speakers: {unnamed.get('gold', 0)} gold, {unnamed.get('found', 0)} found, "
                     f"{unnamed.get('given a name', 0)} given a name")
    lines.append("right_recall = right / named gold statements (right: the gold name's first and last word, "
                 "no other word; honorifics, initials, case ignored)")
    return "\n".join(lines)


ABBREVIATIONS = frozenset("mr mrs ms dr st gov sen rep gen lt col sgt jr sr no vs u.s prof rev".split())
SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘A-Z])")


def _ends_sentence(text: str, match) -> bool:
    """A full stop after an initial ("Janet L. Yellen") or an abbreviation ("Gov. Newsom") ends nothing."""
    word = text[:match.start()].rsplit(None, 1)[-1] if text[:match.start()].strip() else ""
    word = word.lstrip("\"“‘(").lower()
    return not re.fullmatch(r"(?:[a-z]\.)*[a-z]", word) and word not in ABBREVIATIONS  # "L", "A.G"


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or sentences, for a long quote) holding text[start:end], within its paragraph."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    ends = [m for m in SENTENCE_END.finditer(text, left, start) if _ends_sentence(text, m)]
    if ends:
        left = ends[-1].end()
    after = next((m for m in SENTENCE_END.finditer(text, end, right) if _ends_sentence(text, m)), None)
    if after:
        right = after.start() + len(after.group().rstrip())
    return " ".join(text[left:right].split())


def speaker_errors(articles: list[GoldArticle], predictions: list[list[QuoteRecord]]) -> list[dict]:
    """Every gold statement whose verdict is not right, with its sentence, for reading."""
    errors = []
    for article, predicted in zip(articles, predictions):
        for statement in article.statements:
            outcome, record = verdict(article.text, statement, predicted)
            if outcome == "right":
                continue
            errors.append({
                "article": article.name, "how": statement.how, "verdict": outcome,
                "gold_speaker": statement.speaker, "gold_kind": statement.kind,
                "predicted_speaker": record.speaker if record else None,
                "mention": record.mention if record else None, "rule": record.rule if record else None,
                "quote": statement.quote, "sentence": sentence_around(article.text, statement.start, statement.end),
            })
    return errors


def evaluate_speakers(gold_dir: Path, nlp, *, cache_dir: Optional[Path] = None, include_beliefs: bool = True,
                      batch: int = 8):
    """Read the speaker-gold folder, parse (through the parse cache), extract, score.
    Returns (articles, predictions, report); the report names the articles skipped for want of their text."""
    from quotes.evaluation.polnear import ParseCache, model_fingerprint, parsed_documents
    from quotes.extraction.extract import extract_from_doc

    articles, skipped = read_speaker_gold(gold_dir)
    model_dir = getattr(getattr(nlp, "source", None), "path", None)
    cache = ParseCache(cache_dir, model_fingerprint(model_dir)) if cache_dir else None
    predictions = []
    for first in range(0, len(articles), batch):
        chunk = articles[first:first + batch]
        parsed = parsed_documents([a.text for a in chunk], nlp, cache)
        for article, doc in zip(chunk, parsed):
            predictions.append(extract_from_doc(doc, article.text, source=article.name,
                                                include_beliefs=include_beliefs))
    report = score_speakers(articles, predictions)
    report["skipped"] = skipped
    return articles, predictions, report
