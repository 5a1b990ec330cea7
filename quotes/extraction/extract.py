"""Public API of the extraction engine: statements of a parsed document as QuoteRecords, and the batch path
that tokenizes articles, parses only the sentences that can hold a statement, and extracts."""

from __future__ import annotations

import re
from typing import Optional

from quotes.extraction import rules
from quotes.extraction.attribute import Attribution, Context
from quotes.extraction.direct import direct_quote
from quotes.runtime.guard import parseable, tokenizer_texts, warn_unparsed
from quotes.extraction.reported import reported_speech
from quotes.extraction.lexicon import quote_mark_families, selection_forms
from quotes.extraction.marks import MARK_CHARS as ANY_MARK, quote_spans
from quotes.records import QuoteRecord
from quotes.extraction.speakers import ArticleSpeakers
from quotes.extraction.tokens import word_span

# characters of double marks: a sentence holding one is parsed; single marks are parsed where quotes.extraction.marks
# reads them as quotation marks, not apostrophes
MARK_CHARS = frozenset("".join(mark for mark, family in quote_mark_families().items() if family == "double"))


def extract_from_doc(doc, text: str, *, source: str, include_beliefs: bool = True) -> list[QuoteRecord]:
    """Every statement in one parsed document, in text order. Pure: no IO, no models. Belief verbs (think,
    believe) count as cues unless `include_beliefs` is off: on PolNeAR dev both precision and recall rise."""
    return [record for _, record in extract_with_provenance(doc, text, source=source, include_beliefs=include_beliefs)]


def extract_with_provenance(doc, text: str, *, source: str,
                            include_beliefs: bool = True) -> list[tuple[Attribution, QuoteRecord]]:
    """`extract_from_doc`, each record with the Attribution it was made from: which finder, speaker rule and
    resolution found it (for counting what each rule is worth)."""
    if not doc.sentences:
        return []
    # The quotation marks of what the tokenizer saw (quotes.runtime.guard): what was left out of a 5 MB article
    # is not walked quote by quote (898 CPU-s). Its offsets are the text's; for most texts it is the text.
    seen = getattr(doc, "text", None)
    view = seen if isinstance(seen, str) and len(seen) <= len(text) else text
    ctx = Context(doc, text, quote_spans(view), include_beliefs)
    attributions = _all_attributions(ctx)
    speakers = ArticleSpeakers(text, quotes=ctx.quotes)
    return [(a, _record(a, text, source, speakers)) for a in attributions]


def _all_attributions(ctx: Context) -> list[Attribution]:
    reported = _drop_duplicates(_drop_nested(reported_speech(ctx)))
    consumed = {id(q) for a in reported for q in a.quotes}
    found = sorted(reported, key=lambda a: a.start)
    for quote in ctx.quotes:
        if id(quote) in consumed or any(a.start <= quote.start and quote.end <= a.end for a in reported):
            continue
        previous = _previous(found, quote.start)
        attribution = direct_quote(ctx, quote, previous)
        if attribution is not None:
            if attribution.finder != "floating":  # a floating quote borrows its cue
                found = _without_cue(found, attribution.cue)
            found.append(attribution)
            found.sort(key=lambda a: a.start)
    return _one_per_cue(_merge_interrupted(ctx, found))


def _one_per_cue(found: list[Attribution]) -> list[Attribution]:
    """Two overlapping statements from one cue (a lead-in read into each of its quotes, a quote and the
    mixed clause around it) are one statement: the longer reading stays."""
    kept: list[Attribution] = []
    for a in found:
        twin = next((b for b in kept if a.cue is not None and b.cue == a.cue and a.start < b.end and b.start < a.end), None)
        if twin is None:
            kept.append(a)
        elif a.end - a.start > twin.end - twin.start:
            kept[kept.index(twin)] = a
    return kept


def _without_cue(found: list[Attribution], cue) -> list[Attribution]:
    """A cue that introduces a direct quote says nothing else: a plain indirect reading of the same cue
    (a parse that made 'during the debate' its complement) goes."""
    if cue is None:
        return found
    return [a for a in found if not (a.kind == "indirect" and a.cue == cue)]


def _drop_duplicates(found: list[Attribution]) -> list[Attribution]:
    """Two rules (or two parses of one clause) can yield the same content: keep the surer one."""
    kept: list[Attribution] = []
    for a in sorted(found, key=lambda a: -a.confidence):
        if not any(_same_span(a, b) for b in kept):
            kept.append(a)
    return kept


def _same_span(a: Attribution, b: Attribution) -> bool:
    start, end = max(a.start, b.start), min(a.end, b.end)
    shorter = min(a.end - a.start, b.end - b.start)
    return end > start and (end - start) >= 0.8 * shorter


def _drop_nested(found: list[Attribution]) -> list[Attribution]:
    """PolNeAR-style univocal reading: a statement whose cue sits inside another statement's content is
    part of that content, not a statement of its own ("he said she told him that …")."""
    kept = []
    for a in found:
        inside = any(
            b is not a and a.cue and any(s <= a.cue[0] and a.cue[1] <= e for s, e in b.pieces) for b in found
        )
        if not inside:
            kept.append(a)
    return kept


def _previous(found: list[Attribution], offset: int) -> Optional[Attribution]:
    before = [a for a in found if a.end <= offset]
    return max(before, key=lambda a: a.end) if before else None


def _merge_interrupted(ctx: Context, found: list[Attribution]) -> list[Attribution]:
    """'“A,” Mr X said, “B.”' is one statement in two pieces: two direct quotes sharing a cue that sits
    between them. A floating quote that goes on from a direct quote joins it as a further piece, also in a
    new paragraph: PolNeAR annotates a quote carried on that way as one statement (measured: keeping each
    paragraph's quote apart lowered dev direct F1 by 0.0025 and precision by 0.0046)."""
    merged: list[Attribution] = []
    for a in found:
        last = merged[-1] if merged else None
        interrupted = (
            last is not None and last.kind == a.kind == "direct" and last.cue and last.cue == a.cue
            and last.end <= last.cue[0] and a.cue[1] <= a.start and _only_attribution_between(ctx, last, a)
        )
        continued = last is not None and last.kind == "direct" and a.finder == "floating" and a.cue == last.cue
        if interrupted or continued:
            last.pieces = last.pieces + a.pieces
            continue
        merged.append(a)
    return merged


def _only_attribution_between(ctx: Context, first: Attribution, second: Attribution) -> bool:
    """Between the pieces stand the cue and its speaker, perhaps with a time or a place ('“A,” Mr X said
    on Monday, “B”'), all in one paragraph, and no other cue ('…,” Trump said, adding later, “B”')."""
    between = ctx.text[first.end:second.start]
    if "\n" in between or len(re.findall(r"\w+", between)) > 15:
        return False
    for index in ctx.overlapping(first.end, second.start):
        for word in ctx.sentences[index].words:
            start, end = word_span(word)
            inside = first.end <= start and end <= second.start
            if inside and (start, end) != second.cue and ctx.quote_of(word) is None and ctx.is_cue(word):
                return False
    return True


# what joins two pieces of one statement when something the speaker did not say (the frame: 'she said',
# another paragraph) stands between them: an ellipsis, as editors mark a cut, never invented punctuation
OMISSION = " … "
# characters that may stand between two pieces with nothing left out: a quote re-opened in the next paragraph
_NOTHING_LEFT_OUT = set(ANY_MARK) | set(" \t\n\r\xa0")


def statement_pieces(a: Attribution, text: str) -> list[tuple[int, int]]:
    """The pieces of a statement as shown: a direct quote's closing comma belongs to the frame ('“Yes,” he
    said'; the sentence goes on after the quote), so it is left out. (The record's offsets keep it: PolNeAR
    marks it inside the content, and trimming it there lowered dev direct F1 at overlap 0.5 by 0.001.)"""
    if a.kind != "direct":
        return [tuple(piece) for piece in a.pieces]
    pieces = []
    for start, end in a.pieces:
        trimmed = len(text[start:end].rstrip())
        if trimmed > 1 and text[start + trimmed - 1] == ",":
            end = start + len(text[start:start + trimmed - 1].rstrip())
        pieces.append((start, end))
    return pieces


def statement_text(pieces: list[tuple[int, int]], text: str) -> str:
    """The words of a statement exactly as written, piece by piece. Pieces with only a paragraph break and
    quote marks between them (a quote carried on into a new paragraph) keep that break: nothing was left out.
    Pieces with anything else between (the interruption '…,” she said, “…', other paragraphs) are joined by
    ' … ', which tells a reader copying it that words were cut; a joining space or comma would invent
    punctuation and publish a misquote. The statement key (quotes.db.statements) folds punctuation away, so
    the same quote still matches across articles however it was interrupted."""
    joined = text[pieces[0][0]:pieces[0][1]]
    for (_, end), (start, stop) in zip(pieces, pieces[1:]):
        between = text[end:start]
        if set(between) <= _NOTHING_LEFT_OUT:
            joined += "\n\n" if "\n" in between else " " if between else ""
        else:
            joined += OMISSION
        joined += text[start:stop]
    return joined


def _record(a: Attribution, text: str, source: str, speakers: ArticleSpeakers) -> QuoteRecord:
    # the offsets stay where the quotation stands between its marks (a frame comma inside them included, as
    # annotators mark it); only the text shown leaves that comma out
    record = QuoteRecord(
        source=source, text=statement_text(statement_pieces(a, text), text), start=a.start, end=a.end,
        kind=a.kind, spans=[list(p) for p in a.pieces] if len(a.pieces) > 1 else [],
        confidence=round(a.confidence, 2), rule=a.rule,
    )
    if a.cue:
        record.cue, record.cue_start, record.cue_end = text[a.cue[0]:a.cue[1]], a.cue[0], a.cue[1]
    if a.mention is not None:
        speaker = speakers.resolve(a.mention)
        record.mention = text[a.mention.start:a.mention.end]
        record.mention_start, record.mention_end = a.mention.start, a.mention.end
        record.speaker, record.speaker_kind, record.role = speaker.name, speaker.kind, speaker.role
        if speaker.common:  # 'Officials said', 'the team said': a common noun names nobody; its words are the role
            record.speaker, record.role = None, speaker.role or speaker.name
        if record.speaker:
            a.resolution = speaker.rule
            record.rule = a.rule
        if speaker.name is None and speaker.kind == "unknown":
            record.confidence = round(record.confidence * rules.UNRESOLVED_FACTOR, 2)
    return record


# --- batch path with the real models


def needs_parse(sentence) -> bool:
    """Can this sentence hold a statement or its lead-in? (quote marks, a cue word form, "according to",
    a colon or dash lead). Decided from the tokens alone, before any tagging."""
    forms = selection_forms()
    words = [w.text for w in sentence.words]
    for i, form in enumerate(words):
        lower = form.lower()
        if lower in forms or form == ":" or any(c in MARK_CHARS for c in form):
            return True
        if form in ("—", "–", "--") and (i == 0 or any(c in MARK_CHARS or c in "‘’" for c in words[i - 1])):
            return True  # a dash attribution follows a quote; other dashes are asides
        if lower == "according" and i + 1 < len(words) and words[i + 1].lower() == "to":
            return True
    return False


def selected_sentences(doc) -> set[int]:
    """Indexes of the sentences to parse: those `needs_parse` accepts and those a quotation in single marks
    overlaps. No context sentences are added: a colon lead-in or a trailing 'he said.' holds a cue form or a
    colon itself, and speaker resolution reads earlier names from the records and the raw text, not from
    parses."""
    chosen = {index for index, sentence in enumerate(doc.sentences) if needs_parse(sentence) and parseable(sentence)}
    text = getattr(doc, "text", None) or ""
    # the characters of single marks that quotes.extraction.marks read as quotation marks, not apostrophes
    marks = {offset for q in quote_spans(text) for start, end in q.pieces for offset in (start - 1, end)
             if 0 <= offset < len(text) and text[offset] in "‘’'"} if any(c in text for c in "‘’") else set()
    if marks:
        for index, sentence in enumerate(doc.sentences):
            start, end = word_span(sentence.words[0])[0], word_span(sentence.words[-1])[1]
            if any(start <= offset < end for offset in marks) and parseable(sentence):
                chosen.add(index)
    for index in range(1, len(doc.sentences)):
        if index not in chosen and _name_line(text, doc.sentences[index - 1], doc.sentences[index]) \
                and parseable(doc.sentences[index]):
            chosen.add(index)
    chosen |= _lead_ins(doc, text, chosen)
    return chosen


def _lead_ins(doc, text: str, chosen: set[int]) -> set[int]:
    """The sentence before a quote that opens a sentence, when it ends on '.' or ':' ('Sen. Ana Ruiz issued a
    statement on the ruling. “…”'): the previous-sentence row reads its subject as the speaker."""
    if not text or not any(c in text for c in ANY_MARK):
        return set()
    openings = {q.start for q in quote_spans(text)}
    starts = [word_span(sentence.words[0])[0] for sentence in doc.sentences]
    found = set()
    for index in range(1, len(doc.sentences)):
        if index - 1 in chosen or not any(starts[index] <= o <= starts[index] + 1 for o in openings):
            continue
        previous = doc.sentences[index - 1]
        end = word_span(previous.words[-1])[1]
        if text[end - 1:end] in ".:" and parseable(previous):
            found.add(index - 1)
    return found


# the most words a press release's attribution line ('Ana Ruiz, head of research at Acme') may have
NAME_LINE_WORDS = 25


def _name_line(text: str, previous, sentence) -> bool:
    """A short sentence on the line of a quote that ends right before it ('“… streamlined.”
    Ana Ruiz, head of research at Acme'), running to the end of its line: the quote's attribution line."""
    end_before = word_span(previous.words[-1])[1]
    start, end = word_span(sentence.words[0])[0], word_span(sentence.words[-1])[1]
    if len(sentence.words) > NAME_LINE_WORDS or not text or text[end_before - 1:end_before] not in ("”", '"', "’", "'") \
            or sentence.words[-1].text in (".", "!", "?"):  # a name line has no full stop of its own
        return False
    return not text[end_before:start].strip() and "\n" not in text[end_before:start] \
        and (end >= len(text.rstrip()) or text[end:].lstrip(" \t")[:1] in ("\n", ""))


def parse_selected(nlp, docs: list) -> tuple[int, int]:
    """Parse, in place, what `selected_sentences` picks; returns (parsed, total) sentence counts."""
    chosen = {id(doc.sentences[i]) for doc in docs for i in selected_sentences(doc)}
    nlp.parse(docs, lambda sentence: id(sentence) in chosen)
    return len(chosen), sum(len(doc.sentences) for doc in docs)


def extract_articles(texts: list[str], *, nlp=None, sources: Optional[list[str]] = None,
                     include_beliefs: bool = True) -> list[list[QuoteRecord]]:
    """Tokenize, parse the sentences that can hold a statement, extract. One list of records per text.

    `nlp` is a pipeline from `quotes.load_pipeline()` (the bundled models when omitted); `sources` names
    each text in its records ("text-1", "text-2", ... when omitted).

    Example:
        nlp = quotes.load_pipeline()
        [records] = quotes.extract_articles(['"We are ready," said Ines Varga.'], nlp=nlp)
        records[0].speaker    # 'Ines Varga'
    """
    nlp, sources = _defaults(texts, nlp, sources)
    docs = nlp.tokenize(tokenizer_texts(texts, sources))  # same offsets; no minutes-long "words"
    warn_unparsed(docs, sources)
    parse_selected(nlp, docs)
    return [
        extract_from_doc(doc, text, source=source, include_beliefs=include_beliefs)
        for doc, text, source in zip(docs, texts, sources)
    ]


def _defaults(texts: list[str], nlp, sources: Optional[list[str]]):
    if sources is None:
        sources = [f"text-{number}" for number in range(1, len(texts) + 1)]
    elif len(sources) != len(texts):
        raise ValueError(f"{len(texts)} texts but {len(sources)} sources: give one source per text, or none")
    if nlp is None:
        from quotes.runtime.nlp import load_pipeline

        nlp = load_pipeline()
    return nlp, list(sources)
