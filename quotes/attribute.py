"""Statements with their cue and speaker mention, read off the UD tree: direct quotes (from quote marks),
reported speech (the clausal complement of a reporting verb), mixed quotes, "according to", colon lead-ins,
dash attributions and floating quotes. Pure functions over a parsed stanza Document."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import Optional

from quotes.lexicon import cue_forms, cue_lemmas, date_words, inflections, intention_verbs, object_verbs
from quotes.marks import QuoteSpan
from quotes.tokens import children, contiguous_around, head_of, is_parsed, subtree, word_span

Span = tuple[int, int]
SUBJECTS = ("nsubj", "nsubj:outer")
# dependents that are not part of a speaker's name: asides, relative clauses, the role in apposition
MENTION_SKIP = frozenset(
    {"acl", "acl:relcl", "appos", "punct", "parataxis", "advmod", "dep", "advcl", "discourse", "list", "orphan"}
)
RELATIVE = frozenset({"who", "that", "which"})
DASHES = ("—", "–", "--", "-")


# cue forms that are verbs in news text whatever their tag ("Sanders tells reporters" tagged NOUN)
UNAMBIGUOUS_CUES = frozenset({"said", "says", "told", "tells", "wrote", "added", "adding", "saying", "telling"})


@dataclass
class Mention:
    """The words the parse ties a statement to; `appos` holds an apposition ("a Labour MP") for the role."""

    start: int
    end: int
    words: list
    sentence: int
    appos: list = field(default_factory=list)

    @property
    def head(self):
        return self.words[0] if len(self.words) == 1 else _head_word(self.words)


@dataclass
class Attribution:
    pieces: list[Span]
    kind: str
    cue: Optional[Span]
    mention: Optional[Mention]
    rule: str
    confidence: float
    quotes: list[QuoteSpan] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def _head_word(words):
    ids = {word.id for word in words}
    for word in words:
        if word.head not in ids:
            return word
    return words[0]


class Context:
    """A parsed document with its text, the quote spans, and look-ups every rule shares."""

    def __init__(self, doc, text: str, quotes: list[QuoteSpan], include_beliefs: bool):
        self.doc, self.text, self.quotes = doc, text, quotes
        self.lemmas = cue_lemmas(include_beliefs)
        self.forms = cue_forms(include_beliefs)
        self.sentences = doc.sentences
        self.kids = [children(s) if is_parsed(s) else None for s in self.sentences]
        self.starts = [word_span(s.words[0])[0] for s in self.sentences]
        self.ends = [word_span(s.words[-1])[1] for s in self.sentences]
        self._quote_starts = [q.start for q in quotes]

    def sentence_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def overlapping(self, start: int, end: int) -> list[int]:
        first = self.sentence_at(start)
        return [i for i in range(first, len(self.sentences)) if self.starts[i] < end and self.ends[i] > start]

    def quote_of(self, word) -> Optional[QuoteSpan]:
        start, end = word_span(word)
        index = bisect.bisect_right(self._quote_starts, start) - 1
        if index >= 0 and self.quotes[index].start <= start and end <= self.quotes[index].end:
            return self.quotes[index]
        return None

    def is_cue(self, word) -> bool:
        if word.text.lower() in UNAMBIGUOUS_CUES:
            return True  # whatever a tagger makes of it, "says" in news is the verb
        if word.upos != "VERB":
            return False
        return (word.lemma or "").lower() in self.lemmas or word.text.lower() in self.forms

    def span(self, words) -> Span:
        return word_span(words[0])[0], word_span(words[-1])[1]


# --- speakers in the tree


def cue_subject(ctx: Context, index: int, cue) -> tuple[Optional[object], str]:
    """The word that names who spoke, and how it was found: the cue's subject, else the subject of the verb
    it hangs from (conj, xcomp, "adding that", passive "was quoted as saying"), else a "by" agent."""
    sentence, kids = ctx.sentences[index], ctx.kids[index]
    current, via_as = cue, False
    for _ in range(3):
        deps = [w for w in kids[current.id] if _can_name(ctx, w)]
        subject = next((w for w in deps if w.deprel in SUBJECTS), None)
        if subject is not None:
            if (subject.lemma or "").lower() in RELATIVE and current.deprel.startswith("acl"):
                return head_of(sentence, current), "relative"
            return subject, "passive" if via_as else _order_rule(subject, cue)
        passive = next((w for w in deps if w.deprel == "nsubj:pass"), None)
        if passive is not None and via_as:
            return passive, "passive"
        agent = next((w for w in deps if w.deprel == "obl:agent"), None)
        if agent is not None:
            return agent, "passive"
        if current.deprel not in ("conj", "xcomp", "advcl") or not current.head:
            break
        via_as = via_as or any(w.deprel == "mark" and w.text.lower() == "as" for w in kids[current.id])
        current = head_of(sentence, current)
    return _dependent_subject(ctx, sentence, kids, cue)


def _dependent_subject(ctx: Context, sentence, kids, cue) -> tuple[Optional[object], str]:
    """No subject: a name or pronoun the parse hung on the cue some other way (obj, dep, compound), then
    a word right beside the cue."""
    names = [w for w in kids[cue.id] if w.upos in ("PROPN", "PRON") and _can_name(ctx, w)
             and w.deprel not in ("obl", "obl:tmod", "nmod", "iobj", "expl")
             and not (w.deprel == "obj" and (w.upos == "PRON" or (cue.lemma or "").lower() in ADDRESSEE_VERBS))
             and not any(k.deprel == "case" for k in kids[w.id])]
    if names:
        nearest = min(names, key=lambda w: abs(w.id - cue.id))
        return nearest, "dependent"
    return _adjacent_subject(ctx, sentence, cue)


NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "DET", "X", "ADJ", "SYM"})


def _can_name(ctx: Context, word) -> bool:
    """A speaker is a nominal outside every quote: a parser that makes the quote's own subject the
    subject of 'said' would otherwise have the quote speak for itself."""
    return word.upos in NOMINAL and ctx.quote_of(word) is None


SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})


def _adjacent_subject(ctx: Context, sentence, cue) -> tuple[Optional[object], str]:
    """When the parse gives the cue no subject, a name or subject pronoun right beside it ('“…,” Smith
    said', 'said Smith') is the speaker more often than not."""
    words = sentence.words
    left = words[cue.id - 2] if cue.id >= 2 else None
    right = words[cue.id] if cue.id < len(words) else None
    for word, rule in ((left, "adjacent"), (right, "adjacent-inverted")):
        if word is None or ctx.quote_of(word) is not None:
            continue
        if word.upos == "PROPN" or (word.upos == "PRON" and word.text.lower() in SUBJECT_PRONOUNS):
            return word, rule
        if word.upos in ("NOUN", "X", "ADJ") and word.text[:1].isupper() and word.id > 1:
            return word, rule  # a name the tagger did not know ("Zahed" as NOUN)
    if right is not None and ctx.quote_of(right) is None:
        head = _phrase_head_after(words, right.id - 1)
        if head is not None:
            return head, "adjacent-inverted"
    return None, ""


def _phrase_head_after(words: list, index: int):
    """'said the senator', 'said Will Doyle' (with 'Will' tagged AUX): the last word of the capitalised or
    determiner-led noun run that starts at `index`."""
    first = words[index]
    if not (first.upos == "DET" or first.text[:1].isupper()):
        return None
    run = []
    for word in words[index + (1 if first.upos == "DET" else 0):index + 5]:
        if word.upos in ("NOUN", "PROPN", "ADJ") or (word.text[:1].isupper() and word.upos != "PUNCT"):
            run.append(word)
        else:
            break
    return run[-1] if run and run[-1].upos in ("NOUN", "PROPN") else None


def _order_rule(subject, cue) -> str:
    return "inverted" if subject.id > cue.id else "nsubj-of-cue"


def mention_at(ctx: Context, index: int, head) -> Mention:
    """The speaker mention headed by `head`: its phrase without asides, kept contiguous."""
    sentence, kids = ctx.sentences[index], ctx.kids[index]
    # the head's own case marker ("according to", "by") is not part of the name; a nested "'s" is
    marker = {w.id for c in kids[head.id] if c.deprel in ("case", "cc", "mark") for w in subtree(sentence, c, kids)}
    phrase = subtree(sentence, head, kids)
    timing = {w.id for c in phrase if c is not head and c.text.lower() in date_words()
              for w in subtree(sentence, c, kids)}
    marker |= timing  # "Dujarric on Monday": a time phrase the parse hung on the name
    words = [w for w in subtree(sentence, head, kids, skip=MENTION_SKIP) if w.id not in marker]
    words = _bridged(sentence, kids, head, words, marker)
    words = _strip_punct(words) or [head]
    appos = [w for w in kids[head.id] if w.deprel == "appos"]
    appos_words = _strip_punct(subtree(sentence, appos[0], kids, skip=frozenset({"punct"}))) if appos else []
    start, end = ctx.span(words)
    return Mention(start, end, words, index, appos_words)


def _bridged(sentence, kids, head, words: list, marker: set) -> list:
    """Keep a mention whole across a skipped inner piece of the same phrase (a quoted nickname in apposition:
    Dwayne “The Rock” Johnson); anything else scattered by the parse is cut to the run around the head."""
    phrase = {w.id for w in subtree(sentence, head, kids)} - marker
    low, high = min(w.id for w in words), max(w.id for w in words)
    if all(i in phrase for i in range(low, high + 1)):
        return sentence.words[low - 1:high]
    return contiguous_around(words, head)


def _strip_punct(words: list) -> list:
    while words and words[0].upos == "PUNCT":
        words = words[1:]
    while words and words[-1].upos == "PUNCT":
        words = words[:-1]
    return words


# --- reported speech: the complement clause of a reporting verb


def reported_speech(ctx: Context) -> list[Attribution]:
    """Indirect and mixed statements: a cue's ccomp, a clause the cue interrupts as parataxis ("X, he
    said, ..."), and the clause an "according to" phrase hangs on. Quotes inside make it mixed."""
    found = []
    for index, sentence in enumerate(ctx.sentences):
        if ctx.kids[index] is None:
            continue
        for word in sentence.words:
            if ctx.quote_of(word) is not None:
                continue  # a cue inside a quote belongs to the quoted speaker's own story
            for content, cue, rule in _reported_candidates(ctx, index, word):
                attribution = _reported(ctx, index, content, cue, rule)
                if attribution is not None:
                    found.append(attribution)
    return found


def _reported_candidates(ctx: Context, index: int, word):
    sentence, kids = ctx.sentences[index], ctx.kids[index]
    if ctx.is_cue(word) or (word.lemma or "").lower() in intention_verbs():
        for child in kids[word.id]:
            if child.deprel == "ccomp" and ctx.is_cue(word):
                yield _with_gap(sentence, kids, word, subtree(sentence, child, kids)), word, "ccomp"
            elif child.deprel == "xcomp" and (word.lemma or "").lower() in intention_verbs():
                yield subtree(sentence, child, kids), word, "xcomp"
        if OBJECT_CONTENT and ctx.is_cue(word) and not any(c.deprel == "ccomp" for c in kids[word.id]):
            content = _object_content(sentence, kids, word)
            if content:
                yield content, word, "object"
        governor = head_of(sentence, word)
        if word.deprel == "parataxis" and governor is not None and not ctx.is_cue(governor) and ctx.is_cue(word):
            cue_clause = {w.id for w in subtree(sentence, word, kids)}
            rest = [w for w in subtree(sentence, governor, kids) if w.id not in cue_clause]
            yield rest, word, "parataxis"
    according = _according_to(sentence, word)
    if according is not None:
        source = according[0]
        phrase = {w.id for w in contiguous_around(subtree(sentence, source, kids), source)} | {word.id, word.id + 1}
        rest = [w for w in sentence.words if w.id not in phrase]
        yield _clause_around(rest, word.id), source, "according-to"


# dependents of a cue that may stand between it and its complement without being part of what was said
BETWEEN_CUE_AND_CONTENT = frozenset({"obl", "obl:tmod", "obl:npmod", "advmod", "nmod:tmod", "iobj", "compound:prt",
                                     "punct", "aux", "discourse"})
ADDRESSEE_VERBS = frozenset({"tell", "ask", "inform", "assure", "remind", "warn", "urge", "advise"})


def _with_gap(sentence, kids, cue, content: list) -> list:
    """A complement right of its cue starts at the first word after the cue that is not the cue's own
    (time, place, addressee): a parser that cut the clause short ("claimed that the era … was over" parsed
    with "the era" as object) then still yields the whole clause."""
    first = min(w.id for w in content)
    if first <= cue.id:  # a complement before its cue ends there: what follows the cue is not said
        return content
    skip = set(BETWEEN_CUE_AND_CONTENT) | ({"obj"} if (cue.lemma or "").lower() in ADDRESSEE_VERBS else set())
    owned = {w.id for c in kids[cue.id] if c.deprel in skip for w in subtree(sentence, c, kids)}
    start = cue.id + 1
    while start < first and start in owned:
        start += 1
    extra = [w for w in sentence.words if start <= w.id < first]
    return sorted(extra + content + _tail(sentence, kids, cue, content), key=lambda w: w.id)


# a reporting verb after the complement starts a new attribution ("…, adding that …", "…, arguing that …")
REPORTING_HINTS = frozenset({"say", "add", "argue", "note", "tell", "write", "insist", "claim", "explain", "warn",
                             "cite", "accuse", "call"})
# dependents of a cue that end the statement when they follow it: "…, adding that", "…, said Mr X"
ENDS_CONTENT = frozenset({"advcl", "conj", "parataxis", "cc", "obl", "obj", "iobj", "nsubj", "nsubj:pass"})


def _tail(sentence, kids, cue, content: list) -> list:
    """Words after a complement that the parse hung elsewhere but that still belong to the clause (news
    complements run to the sentence end): taken up to the next dependent of the cue itself, a new
    reporting verb, a dash aside or a ', which' clause, whichever comes first."""
    last = max(w.id for w in content)
    stops = {c.id for c in kids[cue.id] if c.id > last and _ends_content(c, kids)}
    governor = head_of(sentence, cue)
    if governor is not None:  # the clause the cue sits in ends where its governor's clause resumes
        stops |= {governor.id} | {c.id for c in kids[governor.id] if c.id > last and c.deprel != "punct"}
    tail = []
    for word in sentence.words[last:]:
        lower = word.text.lower()
        if word.id in stops or lower in (";", ":", "—", "–", "--") or _is_stop_subtree(sentence, kids, word, stops):
            break
        if lower == "which" and tail and tail[-1].text == ",":
            break
        if lower in _hint_forms():  # '…, and rights groups warned that': the new clause starts at the comma
            while tail and tail[-1].text not in (",", "and", "but"):
                tail.pop()
            break
        tail.append(word)
    return tail


def _ends_content(dependent, kids) -> bool:
    """A later dependent of the cue ends its statement, except a subordinate clause with its own
    conjunction ('because …', 'when …') or a non-verbal conjunct, which the parse merely misplaced."""
    if dependent.deprel == "advcl" and any(k.deprel == "mark" for k in kids[dependent.id]):
        return False
    if dependent.deprel == "conj" and dependent.upos not in ("VERB", "AUX"):
        return False
    return dependent.deprel in ENDS_CONTENT


@functools.lru_cache(maxsize=None)
def _hint_forms() -> frozenset:
    return frozenset(form for lemma in REPORTING_HINTS for form in inflections(lemma))


def _is_stop_subtree(sentence, kids, word, stops: set) -> bool:
    """Is `word` inside the subtree of one of the stopping dependents (e.g. the subject of ', he said')?"""
    current, seen = word, 0
    while current.head and seen < 50:
        if current.id in stops:
            return True
        current, seen = head_of(sentence, current), seen + 1
    return current.id in stops


OBJECT_CONTENT = True


def _object_content(sentence, kids, cue) -> list:
    """'touted the projects he has helped bring', 'described him as a visionary': what a reporting verb
    says can be its object (with an 'as …' or predicate after it). Not for addressees ('told reporters')."""
    if (cue.lemma or "").lower() not in object_verbs():
        return []
    deps = [c for c in kids[cue.id] if c.id > cue.id]
    obj = next((c for c in deps if c.deprel == "obj"), None)
    if obj is None or obj.upos == "PRON" and not kids[obj.id]:
        return [] if obj is None or not any(c.deprel in ("xcomp", "obl") for c in deps) else _as_phrase(
            sentence, kids, obj, deps)
    return _as_phrase(sentence, kids, obj, deps)


def _as_phrase(sentence, kids, obj, deps) -> list:
    words = subtree(sentence, obj, kids)
    for c in deps:
        if c.id > obj.id and (c.deprel == "xcomp" or c.deprel == "obl" and any(
                k.deprel == "case" and k.text.lower() == "as" for k in kids[c.id])):
            words += subtree(sentence, c, kids)
    return sorted(words, key=lambda w: w.id) if len(words) >= 3 else []


def _clause_around(words: list, anchor: int) -> list:
    """What "according to X" is said of: the rest of its sentence, cut at a semicolon or colon so that
    only the clause beside the phrase counts (parses of long sentences attach it anywhere)."""
    before = [w for w in words if w.id < anchor]
    after = [w for w in words if w.id > anchor]
    for i in range(len(before) - 1, -1, -1):
        if before[i].text in (";", ":"):
            before = before[i + 1:]
            break
    for i, w in enumerate(after):
        if w.text in (";", ":"):
            after = after[:i]
            break
    return before + after


def _according_to(sentence, word):
    """(source noun, the clause it attaches to) for the word "according" in "according to X"."""
    if word.text.lower() != "according" or word.id >= len(sentence.words):
        return None
    if sentence.words[word.id].text.lower() != "to" or not word.head:
        return None
    source = head_of(sentence, word)
    return source, head_of(sentence, source)


RELATIVES = frozenset({"who", "whom", "whose", "which", "where"})


def _plausible_content(content: list, cue) -> bool:
    """A statement has a predicate and is not a relative clause; 'That said,' is an idiom, not a cue."""
    words = [w for w in content if w.upos != "PUNCT"]
    if len(words) < 2 or words[0].text.lower() in RELATIVES:
        return False
    if not any(w.upos in ("VERB", "AUX") for w in words):
        return False
    return True


def _idiom(sentence, cue) -> bool:
    """'That said, …' / 'Having said that, …': a discourse marker, not an attribution."""
    before = sentence.words[cue.id - 2].text.lower() if cue.id >= 2 else ""
    after = sentence.words[cue.id].text.lower() if cue.id < len(sentence.words) else ""
    return before in ("that", "this") and after == "," or before == "having" and after in ("that", "this")


def _reported(ctx: Context, index: int, content: list, cue, rule: str) -> Optional[Attribution]:
    plausible = rule == "object" or _plausible_content(content, cue)
    if not plausible or (rule != "according-to" and _idiom(ctx.sentences[index], cue)):
        return None
    pieces = _pieces(ctx, content)
    if not pieces:
        return None
    inner = _contained_quotes(ctx, pieces)
    if inner is None:
        return None  # a quote crosses the clause edge: the direct-quote rules own it
    if inner and _words_outside(ctx.text, pieces, inner) < 2:
        return None  # the complement is just the quote: a direct quote
    if rule == "according-to":
        mention, cue_span, subject_rule = mention_at(ctx, index, cue), _according_span(ctx, index, cue), rule
    else:
        subject, subject_rule = cue_subject(ctx, index, cue)
        mention = mention_at(ctx, index, subject) if subject is not None else None
        cue_span = word_span(cue)
    kind = "mixed" if inner else "indirect"
    confidence = 0.8 if mention is not None else 0.5
    name = f"{rule}:{subject_rule}" if rule != "according-to" else rule
    return Attribution(pieces, kind, cue_span, mention, name, confidence, inner)


def _according_span(ctx: Context, index: int, source) -> Span:
    sentence = ctx.sentences[index]
    according = next(w for w in sentence.words if w.head == source.id and w.text.lower() == "according")
    return word_span(according)[0], word_span(sentence.words[according.id])[1]


def _pieces(ctx: Context, words: list) -> list[Span]:
    """Runs of consecutive words as character spans, punctuation trimmed from each run's edges."""
    runs, current = [], []
    for word in sorted(words, key=lambda w: w.id):
        if current and word.id != current[-1].id + 1:
            runs.append(current)
            current = []
        current.append(word)
    runs.append(current)
    spans = []
    for run in runs:
        run = _strip_punct(run)
        if run:
            spans.append(ctx.span(run))
    return _close_quote_edges(ctx.text, spans)


def _close_quote_edges(text: str, spans: list[Span]) -> list[Span]:
    """Punctuation trimming can cut a closing mark off a mixed quote; keep the mark with its quote."""
    fixed = []
    for start, end in spans:
        segment = text[start:end]
        if segment.count("“") > segment.count("”") and text[end:end + 2].lstrip(".,").startswith("”"):
            end = text.index("”", end) + 1
        fixed.append((start, end))
    return fixed


def _contained_quotes(ctx: Context, pieces: list[Span]) -> Optional[list[QuoteSpan]]:
    """Quotes wholly inside the content, or None when one straddles its edge."""
    start, end = pieces[0][0], pieces[-1][1]
    inner = []
    for quote in ctx.quotes:
        if quote.end <= start or quote.start >= end:
            continue
        if start <= quote.start and quote.end <= end:
            inner.append(quote)
        else:
            return None
    return inner


def _words_outside(text: str, pieces: list[Span], quotes: list[QuoteSpan]) -> int:
    covered = set()
    for quote in quotes:
        covered.update(range(quote.start, quote.end))
    kept = "".join(text[i] if i not in covered else " " for start, end in pieces for i in range(start, end))
    return len(re.findall(r"\w+", kept))


# --- direct quotes: who said the words between the marks


def direct_quote(ctx: Context, quote: QuoteSpan, previous: Optional[Attribution]) -> Optional[Attribution]:
    """Attribute one quotation, or None when it is not a statement (scare quotes, titles, nicknames).
    Rules run from the most to the least direct evidence; the first that finds a cue decides."""
    indexes = [i for i in ctx.overlapping(quote.start, quote.end) if ctx.kids[i] is not None]
    size = len(re.findall(r"\w+", ctx.text[quote.start:quote.end]))
    for rule in (_cue_in_sentence, _according_in_sentence, _dash_after, _colon_before, _cue_next_sentence):
        found = rule(ctx, quote, indexes, size)
        if found is not None:
            return found
    standalone = _standalone(ctx, quote)
    carries = previous is not None and (previous.mention is not None or previous.kind == "direct")
    if standalone and carries and _near(ctx.text, previous, quote):
        return Attribution([(quote.start, quote.end)], "direct", previous.cue, previous.mention, "floating", 0.6)
    if (standalone and size >= 6) or size >= 12:
        return Attribution([(quote.start, quote.end)], "direct", None, None, "no-cue", 0.3)
    return None


def _direct(quote, cue: Optional[Span], mention: Optional[Mention], rule: str, confidence: float) -> Attribution:
    if mention is None:
        rule, confidence = rule + ":no-speaker", confidence * 0.6
    return Attribution([(quote.start, quote.end)], "direct", cue, mention, rule, confidence)


def _outside_words(ctx: Context, indexes: list[int]):
    for index in indexes:
        for word in ctx.sentences[index].words:
            if ctx.quote_of(word) is None:
                yield index, word


def _inside(quote: QuoteSpan, word) -> bool:
    start, end = word_span(word)
    return quote.start <= start and end <= quote.end


def _cue_in_sentence(ctx: Context, quote: QuoteSpan, indexes: list[int], size: int) -> Optional[Attribution]:
    """A reporting verb in the quote's sentence: one the tree links to the quote wins; an unlinked one is
    accepted for a quote long enough not to be a scare quote."""
    candidates = [(i, w) for i, w in _outside_words(ctx, indexes) if ctx.is_cue(w) and not _leads_next(ctx, quote, w)]
    if not candidates:
        return None

    def linked(item) -> bool:
        index, cue = item
        sentence = ctx.sentences[index]
        governor = head_of(sentence, cue)
        return (governor is not None and _inside(quote, governor)) or any(
            _inside(quote, w) for w in ctx.kids[index][cue.id]
        )

    def distance(item) -> int:
        start, end = word_span(item[1])
        return max(quote.start - end, start - quote.end, 0)

    tied = [item for item in candidates if linked(item)]
    if not tied and size < 4:
        return None
    index, cue = min(tied or candidates, key=distance)
    subject, rule = cue_subject(ctx, index, cue)
    mention = mention_at(ctx, index, subject) if subject is not None else None
    found = _direct(quote, word_span(cue), mention, rule if tied else rule + ":unlinked", 0.9 if tied else 0.6)
    lead = _lead_words(ctx, index, cue, quote) if tied else None
    if lead:  # 'called the plan “a disaster”': the quote finishes a clause the writer began
        found.pieces, found.kind, found.rule = [(lead, _after_mark(ctx.text, quote.end))], "mixed", "object:" + rule
    return found


def _lead_words(ctx: Context, index: int, cue, quote: QuoteSpan) -> Optional[int]:
    """Start of the cue's own words that run from just after the cue into the quote (its object or
    complement), or None when only punctuation, a colon, or the addressee stands between cue and quote."""
    cue_end = word_span(cue)[1]
    between = ctx.text[cue_end:quote.start]
    if cue_end > quote.start or ":" in between or not re.search(r"\w", between) or "\n" in between:
        return None
    kids = ctx.kids[index]
    words = [w for c in kids[cue.id] if c.deprel not in SUBJECTS + ("punct", "iobj", "aux", "advmod", "obl:tmod")
             for w in subtree(ctx.sentences[index], c, kids)]
    starts = [word_span(w)[0] for w in words if cue_end <= word_span(w)[0] < quote.start and w.upos != "PUNCT"]
    if not starts or any(ctx.is_cue(w) for w in words if cue_end <= word_span(w)[0] < quote.start):
        return None
    return min(starts)


def _after_mark(text: str, end: int) -> int:
    return end + 1 if end < len(text) and text[end] in "”\"»" else end


def _leads_next(ctx: Context, quote: QuoteSpan, cue) -> bool:
    """'“A.” Mr Z said: “B.”' — a cue after a finished quote that opens the next one with a colon is the
    next quote's."""
    start, end = word_span(cue)
    if start < quote.end or ctx.text[quote.end - 1:quote.end] not in (".", "!", "?"):
        return False
    return re.match(r"[^“\"”.]{0,60}:\s*[“\"']", ctx.text[end:end + 70]) is not None


def _according_in_sentence(ctx, quote, indexes, size) -> Optional[Attribution]:
    for index, word in _outside_words(ctx, indexes):
        according = _according_to(ctx.sentences[index], word)
        if according is not None and ctx.quote_of(according[0]) is None:
            mention = mention_at(ctx, index, according[0])
            return _direct(quote, _according_span(ctx, index, according[0]), mention, "according-to", 0.85)
    return None


def _dash_after(ctx, quote, indexes, size) -> Optional[Attribution]:
    """'“…” — Commissioner X': a dash right after the closing mark, then a noun phrase."""
    match = re.match(r"[\"”»]?\s*(—|–|--|-)\s*", ctx.text[quote.end:quote.end + 6])
    if match is None or quote.end >= len(ctx.text):
        return None
    dash_end = quote.end + match.end()
    index = ctx.sentence_at(dash_end)
    if ctx.kids[index] is None:
        return None
    sentence = ctx.sentences[index]
    after = [w for w in sentence.words if word_span(w)[0] >= dash_end]
    if not after or after[0].upos not in ("PROPN", "NOUN", "PRON") and not after[0].text[:1].isupper():
        return None
    root = after[0]
    while root.head and word_span(head_of(sentence, root))[0] >= dash_end:
        root = head_of(sentence, root)
    if root.upos not in ("PROPN", "NOUN", "PRON") or ctx.is_cue(root):
        return None
    dash = (quote.end + match.start(1), quote.end + match.end(1))
    return _direct(quote, dash, mention_at(ctx, index, root), "dash", 0.75)


def _colon_before(ctx, quote, indexes, size) -> Optional[Attribution]:
    """'X told reporters:' or 'And from Chairwoman X:' ending the text before the opening mark."""
    before = ctx.text[max(0, quote.start - 4):quote.start].rstrip("\"“«„ \n\t")
    if not before.endswith(":"):
        return None
    colon = quote.start - 4 + len(before) - 1 if quote.start >= 4 else len(before) - 1
    index = ctx.sentence_at(colon)
    if ctx.kids[index] is None:
        return None
    lead = [w for w in ctx.sentences[index].words if word_span(w)[1] <= colon + 1 and ctx.quote_of(w) is None]
    cues = [w for w in lead if ctx.is_cue(w)]
    if cues:
        subject, rule = cue_subject(ctx, index, cues[-1])
        mention = mention_at(ctx, index, subject) if subject is not None else None
        return _direct(quote, word_span(cues[-1]), mention, "colon:" + rule, 0.85)
    names = [w for w in lead if w.upos in ("PROPN", "NOUN") and w.deprel not in ("compound", "flat")]
    if not names:
        return None
    return _direct(quote, (colon, colon + 1), mention_at(ctx, index, names[-1]), "colon", 0.7)


def _cue_next_sentence(ctx, quote, indexes, size) -> Optional[Attribution]:
    """'“…” ⏎ He said.' — a short sentence right after the quote that is only an attribution."""
    index = ctx.sentence_at(quote.end) + 1
    if index >= len(ctx.sentences) or ctx.kids[index] is None:
        return None
    sentence = ctx.sentences[index]
    gap = ctx.text[quote.end:ctx.starts[index]]
    if "\n" in gap or len(sentence.words) > 8 or any(ctx.quote_of(w) for w in sentence.words):
        return None
    for cue in sentence.words:
        if ctx.is_cue(cue) and not any(w.deprel in ("ccomp", "xcomp") for w in ctx.kids[index][cue.id]):
            subject, rule = cue_subject(ctx, index, cue)
            if subject is not None:
                return _direct(quote, word_span(cue), mention_at(ctx, index, subject), "next-sentence", 0.7)
    return None


def _standalone(ctx: Context, quote: QuoteSpan) -> bool:
    """The quote's sentences hold nothing but the quote (and punctuation), or after it only the lead-in
    of the next quote ('… Mr Z said: “…'), which a tokenizer may glue to this sentence."""
    indexes = ctx.overlapping(quote.start, quote.end)
    after = ctx.text[quote.end:ctx.ends[indexes[-1]] + 70] if indexes else ""
    leads_next = re.match(r"[”\"']*\s*[^“\"”\n]{0,60}:\s*[“\"']", after) is not None
    for index in indexes:
        for word in ctx.sentences[index].words:
            if ctx.quote_of(word) is None and re.search(r"\w", word.text):
                if not (leads_next and word_span(word)[0] >= quote.end):
                    return False
    return True


def _near(text: str, previous: Attribution, quote: QuoteSpan) -> bool:
    """The previous statement ends in this paragraph or the one before."""
    between = text[previous.end:quote.start]
    return previous.end <= quote.start and len([p for p in between.split("\n") if p.strip()]) <= 2
