"""Direct quotes: who said the words between the marks. Rules run from the most to the least direct evidence
(a cue in the quote's sentence, "according to", a dash, a colon lead-in, the next or previous sentence) and a
quote standing alone may float on from the statement before it. Titles and scare quotes yield nothing."""

from __future__ import annotations

import re
from functools import cached_property
from typing import Optional

from quotes.extraction import rules
from quotes.extraction.attribute import (
    SUBJECTS, TITLES, Attribution, Context, Mention, Span, according_span, according_to, asked_opener,
    asked_passive, is_label, mention_at, time_word,
)
from quotes.extraction.lexicon import document_nouns, rule_words
from quotes.extraction.marks import CLOSING_MARKS, QuoteSpan
from quotes.extraction.rules import Rule
from quotes.extraction.speaker_rules import SpeakerHit, cue_subject, speaker_of_cue
from quotes.extraction.tokens import head_of, subtree, word_span


def direct_quote(ctx: Context, quote: QuoteSpan, previous: Optional[Attribution]) -> Optional[Attribution]:
    """Attribute one quotation, or None when it is not a statement (scare quotes, titles, nicknames).
    Rules run from the most to the least direct evidence (DIRECT_RULES); the first that finds a cue decides."""
    if looks_like_title(ctx.text[quote.start:quote.end], ctx.text[max(0, quote.start - 12):quote.start]):
        return None
    if _SO_CALLED.search(ctx.text[max(0, quote.start - 14):quote.start]):
        return None  # 'the so-called “emergency levy”' names a thing; nobody said it here
    found = first_direct_rule(QuoteSite(ctx, quote, previous))
    return found[1] if found is not None else None


def first_direct_rule(site: "QuoteSite") -> Optional[tuple[Rule, Attribution]]:
    """The first direct-quote rule (of those switched on) that attributes the quote, with what it found."""
    for rule in rules.switched_on(DIRECT_RULES):
        found = rule.find(site)
        if found is not None:
            return rule, found
    return None


class QuoteSite:
    """A quote with what the direct-quote rules read about it: the parsed sentences it overlaps, its size in
    words, the statement before it, and whether it stands alone (worked out once)."""

    def __init__(self, ctx: Context, quote: QuoteSpan, previous: Optional[Attribution]):
        self.ctx, self.quote, self.previous = ctx, quote, previous
        self.indexes = [i for i in ctx.overlapping(quote.start, quote.end) if ctx.kids[i] is not None]
        self.size = len(re.findall(r"\w+", ctx.text[quote.start:quote.end]))

    @cached_property
    def standalone(self) -> bool:
        return _standalone(self.ctx, self.quote)


def _previous_sentence(site: QuoteSite) -> Optional[Attribution]:
    return _cue_previous_sentence(site.ctx, site.quote) if site.standalone else None


def _floating(site: QuoteSite) -> Optional[Attribution]:
    """A quote standing alone near the statement before it: same speaker and cue."""
    previous, quote = site.previous, site.quote
    carries = previous is not None and (previous.mention is not None or previous.kind == "direct")
    if site.standalone and carries and _near(site.ctx.text, previous, quote):
        return Attribution([(quote.start, quote.end)], "direct", previous.cue, previous.mention, "floating")
    return None


def _no_cue(site: QuoteSite) -> Optional[Attribution]:
    """A long quote, or one of six words standing alone: a statement whose speaker nobody names."""
    if (site.standalone and site.size >= 6) or site.size >= 12:
        return Attribution([(site.quote.start, site.quote.end)], "direct", None, None, "no-cue")
    return None


def _sentence_rule(find):
    return lambda site: find(site.ctx, site.quote, site.indexes, site.size)


# what stands before a programme or a work's name: "MSNBC's “Morning Joe.”", "on “Meet the Press.”"
_TITLE_LEAD = re.compile(r"(?:['’]s|\b(?:on|in|of|entitled|titled|dubbed|called))\s*$", re.IGNORECASE)


_SO_CALLED = re.compile(r"\bso[- ]called\s*[“\"'‘`«]+$", re.IGNORECASE)

_TITLE_SMALL_WORDS = rule_words("title_small_words")


def looks_like_title(inside: str, before: str = "") -> bool:
    """A short quotation in title case with no sentence ending — "Saturday Night Live", "Make Your Kid a
    Millionaire" — names a work or a programme; it is not something someone said. After a possessive or a
    preposition ("on ABC's “This Week.”") a final period is the sentence's, not the quotation's."""
    inside = inside.strip()
    led = _TITLE_LEAD.search(re.sub(r"[\s\"“'‘`«]+$", "", before)) is not None
    if led:
        inside = inside.rstrip(".,")
    words = re.findall(r"[^\W\d_][\w'’-]*", inside)
    # words a title capitalises: "Morning Joe" (three letters count), not "the" or "and" ("Orange is the New Black")
    long_words = [w for w in words if len(w) > 3 or (len(w) == 3 and w.lower() not in _TITLE_SMALL_WORDS)]
    if not 1 <= len(words) <= 6 or len(long_words) < min(2, len(words)) or re.search(r"[.!?]\W*$", inside):
        return False
    if len(words) == 1 and not led:
        return False
    return all(w[0].isupper() for w in long_words)


def _direct(quote, cue: Optional[Span], mention: Optional[Mention], finder: str,
            speaker: Optional[SpeakerHit] = None) -> Attribution:
    return Attribution([(quote.start, quote.end)], "direct", cue, mention, finder, speaker)


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
    candidates = _sentence_cues(ctx, quote, indexes)
    if not candidates:
        return None
    tied = [item for item in candidates if _linked(ctx, quote, item)]
    if not tied and size < 4:
        return None

    def distance(item) -> int:
        start, end = word_span(item[1])
        return max(quote.start - end, start - quote.end, 0)

    index, cue = _introducing(ctx, quote, candidates) or min(tied or candidates, key=distance)
    hit = speaker_of_cue(ctx, index, cue)
    subject = hit.word if hit is not None else None
    lead = _lead_words(ctx, index, cue, quote, subject) if tied else None
    if subject is None and size < 4 and not lead:
        return None  # 'the “first one” to say': a label nobody in the sentence is said to have said
    mention = mention_at(ctx, index, subject) if subject is not None else None
    found = _direct(quote, word_span(cue), mention, "cue" if tied else "cue-unlinked", hit)
    if lead:  # 'called the plan “a disaster”': the quote finishes a clause the writer began
        found.pieces, found.kind, found.finder = [(lead, _after_mark(ctx.text, quote.end))], "mixed", "lead-in"
    return found


def _sentence_cues(ctx: Context, quote: QuoteSpan, indexes: list[int]) -> list:
    """(sentence index, cue) outside the quote in its sentences and paragraph, not the next quote's lead-in nor
    an 'Asked about …,' opener."""
    return [(i, w) for i, w in _outside_words(ctx, indexes)
            if ctx.is_cue(w) and not _leads_next(ctx, quote, w) and _same_paragraph(ctx.text, quote, w)
            and not asked_opener(ctx.sentences[i], w)]


def _linked(ctx: Context, quote: QuoteSpan, item) -> bool:
    """The tree ties the cue to the quote: its governor or one of its dependents lies inside."""
    index, cue = item
    governor = head_of(ctx.sentences[index], cue)
    return (governor is not None and _inside(quote, governor)) or any(_inside(quote, w) for w in ctx.kids[index][cue.id])


def _introducing(ctx: Context, quote: QuoteSpan, candidates: list):
    """A cue that opens the quote with a comma or colon ('…,” Trump said, adding later, “B”'): B is what was
    added, whatever the parse linked it to."""
    for index, cue in sorted(candidates, key=lambda item: -word_span(item[1])[1]):
        end = word_span(cue)[1]
        if end <= quote.start and re.fullmatch(r"(?:\s+[a-z]+){0,2}\s*[,:]\s*[“\"'‘`]*", ctx.text[end:quote.start]):
            return index, cue
    return None


def _same_paragraph(text: str, quote: QuoteSpan, word) -> bool:
    """A cue can only speak for a quote in its own paragraph (a sentence split can miss a line break)."""
    start, end = word_span(word)
    return "\n" not in (text[end:quote.start] if end <= quote.start else text[quote.end:start])


# dependents of a cue that are not what was said: its speaker's company, the time, place or medium
_NOT_LEAD = SUBJECTS + ("punct", "iobj", "aux", "advmod", "obl:tmod")


def _lead_words(ctx: Context, index: int, cue, quote: QuoteSpan, subject=None) -> Optional[int]:
    """Start of the cue's own words that run from just after the cue into the quote (its object or
    complement), or None when only punctuation, a colon, the speaker ('“A,” said an Iowa Democrat, “B”'),
    the addressee, a time or a medium ('said on ABC's “This Week.” “B”') stand between cue and quote."""
    cue_end = word_span(cue)[1]
    between = ctx.text[cue_end:quote.start]
    if cue_end > quote.start or ":" in between or not re.search(r"\w", between) or "\n" in between:
        return None
    if re.search(r"[.!?][”\"'’]*\s+[“\"'‘]*$", between):
        return None  # a sentence ends between them: the quote stands on its own
    if re.search(r",\s*[“\"'‘]*$", between) and not re.search(r"\b(?:that|whether|if)\b", between, re.I):
        return None  # a comma sets the quote off ('told reporters, “…”'), unless a that-clause runs into it
    sentence, kids = ctx.sentences[index], ctx.kids[index]
    if subject is not None and _only_speaker_between(ctx, sentence, kids, cue, subject, quote):
        return None
    words = [w for c in kids[cue.id] if c.deprel not in _NOT_LEAD for w in subtree(sentence, c, kids)]
    starts = [word_span(w)[0] for w in words if cue_end <= word_span(w)[0] < quote.start and w.upos != "PUNCT"]
    return min(starts) if starts else None  # an inner cue ('said she did not believe …') stays inside


def _only_speaker_between(ctx: Context, sentence, kids, cue, subject, quote: QuoteSpan) -> bool:
    """'“A,” said an Iowa Democrat, “B.”': the speaker's phrase, whatever the parse made of it, fills the
    gap between cue and quote."""
    ids = sorted(w.id for w in subtree(sentence, subject, kids))
    if cue.id in ids or ids[0] != cue.id + 1:
        return False
    rest = ctx.text[word_span(sentence.words[ids[-1] - 1])[1]:quote.start]
    return re.fullmatch(r"[\s,;—–-]*[“\"'‘`]*", rest) is not None


def _after_mark(text: str, end: int) -> int:
    return end + 1 if end < len(text) and text[end] in CLOSING_MARKS else end


def _leads_next(ctx: Context, quote: QuoteSpan, cue) -> bool:
    """'“A.” Mr Z said: “B.”' — a cue after a finished quote that opens the next one with a colon is the
    next quote's."""
    start, end = word_span(cue)
    if start < quote.end or ctx.text[quote.end - 1:quote.end] not in (".", "!", "?"):
        return False
    return re.match(r"[^“\"”‘.]{0,60}:\s*[“\"'‘]", ctx.text[end:end + 70]) is not None


def _according_in_sentence(ctx, quote, indexes, size) -> Optional[Attribution]:
    for index, word in _outside_words(ctx, indexes):
        source = according_to(ctx.sentences[index], word)
        if source is not None and ctx.quote_of(source) is None:
            mention = mention_at(ctx, index, source)
            return _direct(quote, according_span(ctx, index, source), mention, "according-to-quote")
    return None


def _in_words_of(ctx, quote, indexes, size) -> Optional[Attribution]:
    """'In the words of one aide, “…”', 'in Forbes’ words, “…”', 'in her words, “…”': the words are the
    owner's when the phrase stands right before a quote of four words or more (a shorter one is a label the
    writer borrows: 'she was, in the words of an aide, “the torchbearer”')."""
    if size < 4:
        return None
    for index, word in _outside_words(ctx, indexes):
        if word.text.lower() != "words" or word_span(word)[1] > quote.start:
            continue
        sentence, kids = ctx.sentences[index], ctx.kids[index]
        if not any(k.deprel == "case" and k.text.lower() == "in" for k in kids[word.id]):
            continue
        phrase_end = word_span(subtree(sentence, word, kids)[-1])[1]
        owner = next((k for k in kids[word.id] if k.deprel in ("nmod:poss", "nmod") and ctx.quote_of(k) is None
                      and k.upos in ("PROPN", "NOUN", "PRON")), None)
        if owner is not None and re.fullmatch(r"[\s,:—–-]*[“\"'‘`]*", ctx.text[phrase_end:quote.start]):
            return _direct(quote, word_span(word), mention_at(ctx, index, owner), "in-words")
    return None


def _dash_after(ctx, quote, indexes, size) -> Optional[Attribution]:
    """'“…” — Commissioner X': a dash right after the closing mark, then a noun phrase."""
    match = re.match(r"[\"”»’']?\s*(—|–|--|-)\s*", ctx.text[quote.end:quote.end + 6])
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
    return _direct(quote, dash, mention_at(ctx, index, root), "dash")


def _name_line_after(ctx, quote, indexes, size) -> Optional[Attribution]:
    """'“… technologies,” HyungIl Lee, head of NGS at Macrogen' ending its paragraph: a quote that ends a
    sentence or clause, then a name, and its role, with no verb (a caption's attribution, as press releases
    write it)."""
    gap = re.match(r"[\"”»’']?[^\S\n]+", ctx.text[quote.end:quote.end + 4])
    if gap is None or not re.search(r"[,.!?]\W{0,2}$", ctx.text[max(0, quote.end - 3):quote.end + 1].rstrip()):
        return None
    start = quote.end + gap.end()
    line_end = ctx.text.find("\n", start)
    line_end = len(ctx.text) if line_end < 0 else line_end
    index = ctx.sentence_at(start)
    if ctx.kids[index] is None:
        return None
    sentence = ctx.sentences[index]
    after = [w for w in sentence.words if start <= word_span(w)[0] and word_span(w)[1] <= line_end]
    if not after or after[0].upos != "PROPN" or len(after) > 25 or word_span(sentence.words[-1])[1] < line_end \
            or any(w.upos in ("VERB", "AUX") or ctx.quote_of(w) is not None for w in after):
        return None
    root = after[0]
    while root.head and head_of(sentence, root) in after:
        root = head_of(sentence, root)
    return _direct(quote, None, mention_at(ctx, index, root), "dash") if root.upos == "PROPN" else None


def _colon_before(ctx, quote, indexes, size) -> Optional[Attribution]:
    """'X told reporters:' or 'And from Chairwoman X:' ending the text before the opening mark."""
    before = re.sub(r"[\s\"“«„‘']+$", "", ctx.text[max(0, quote.start - 4):quote.start])  # \s: no-break space too
    if not before.endswith(":"):
        return None
    colon = quote.start - 4 + len(before) - 1 if quote.start >= 4 else len(before) - 1
    index = ctx.sentence_at(colon)
    if ctx.kids[index] is None:
        return None
    lead = [w for w in ctx.sentences[index].words if word_span(w)[1] <= colon + 1 and ctx.quote_of(w) is None]
    cues = [w for w in lead if ctx.is_cue(w) and not asked_opener(ctx.sentences[index], w)]
    if cues:
        hit = speaker_of_cue(ctx, index, cues[-1])
        mention = mention_at(ctx, index, hit.word) if hit is not None else None
        return _direct(quote, word_span(cues[-1]), mention, "colon-cue", hit)
    subject = _lead_subject(ctx, index, lead)
    if subject is not None:  # 'Trump boomed:', 'The paper ran her words as its headline:'
        return _direct(quote, (colon, colon + 1), mention_at(ctx, index, subject), "colon-name")
    names = [w for w in lead if w.upos in ("PROPN", "NOUN") and w.deprel not in ("compound", "flat")
             and not time_word(w)]  # 'Here is Nolan in December 1992:'
    if not names:
        return None
    return _direct(quote, (colon, colon + 1), mention_at(ctx, index, names[-1]), "colon-name")


def _lead_subject(ctx, index: int, lead: list):
    """The subject of the verb a colon lead-in is built on: whoever the clause is about introduces the
    quote, whatever the verb ('boomed', 'used … as its headline')."""
    kids = ctx.kids[index]
    verbs = [w for w in lead if w.deprel in ("root", "conj", "parataxis") and (
        w.upos == "VERB" or (w.deprel == "root" and any(k.deprel == "cop" for k in kids[w.id])))]
    for verb in verbs[-1:]:
        subject = next((k for k in kids[verb.id] if k.deprel in SUBJECTS and k in lead), None)
        if verb.upos == "VERB" and subject is not None and subject.upos in ("PROPN", "NOUN", "PRON"):
            return subject
        # 'Ford is concerned about …:', 'Ford is worried …:': a passive or copular lead-in, about a name
        if verb.upos != "VERB" or any(k.deprel == "aux:pass" for k in kids[verb.id]):
            subject = next((k for k in kids[verb.id] if k.deprel in ("nsubj", "nsubj:pass") and k in lead), None)
            if subject is not None and subject.upos in ("PROPN", "PRON"):
                return subject
    return None


def _cue_next_sentence(ctx, quote, indexes, size) -> Optional[Attribution]:
    """'“…” ⏎ He said.' — a short sentence right after the quote that is only an attribution."""
    index = ctx.sentence_at(quote.end) + 1
    if index >= len(ctx.sentences) or ctx.kids[index] is None \
            or not (_standalone(ctx, quote) or _title_split_off(ctx, quote)):
        return None  # a quote inside a sentence of its own ('admires Putin as a “strong leader,” …') is not it
    sentence = ctx.sentences[index]
    gap = ctx.text[quote.end:ctx.starts[index]]
    if "\n" in gap or len(sentence.words) > 25 or any(ctx.quote_of(w) and not is_label(ctx.text, ctx.quote_of(w))
                                                        for w in sentence.words):
        return None
    # a short sentence, or a longer one that opens with its attribution ('Trump asked reporters … last month.'),
    # or one whose cue stands in the attribution slot after a long speaker phrase
    opening = sentence.words[:8 if len(sentence.words) <= 8 else 4]
    for cue in sentence.words:
        if ctx.is_cue(cue) and (cue in opening or ctx.attribution_slot(cue)) \
                and not any(w.deprel in ("ccomp", "xcomp") for w in ctx.kids[index][cue.id]):
            subject = cue_subject(ctx, index, cue)[0]
            if subject is not None:
                return _direct(quote, word_span(cue), mention_at(ctx, index, subject), "next-sentence")
    return None


def _title_split_off(ctx: Context, quote: QuoteSpan) -> bool:
    """'“…,” Rep. | Jim Ward (D-Wash.) said.' with the sentence split after the title's full stop: after the
    quote its sentence holds only a title or honorific, which belongs to the speaker in the next one."""
    index = ctx.sentence_at(quote.end)
    after = [w for w in ctx.sentences[index].words if word_span(w)[0] >= quote.end and w.upos != "PUNCT"]
    return bool(after) and all(w.text.lower() in TITLES or w.text.lower() + "." in TITLES for w in after)


def _cue_previous_sentence(ctx: Context, quote: QuoteSpan) -> Optional[Attribution]:
    """'Howard continued his scathing remarks. ⏎ “Eight years ago …”': a quote standing alone right after a
    sentence whose cue says nothing of its own (no complement, no quote) is what that cue announced."""
    index = _announcing_sentence(ctx, quote)
    if index is None:
        return None
    sentence, kids = ctx.sentences[index], ctx.kids[index]
    for cue in sentence.words:
        said = [k for k in kids[cue.id] if k.deprel in ("ccomp", "xcomp", "parataxis")]
        announces = ctx.is_cue(cue) or (cue.upos == "VERB" and ((cue.lemma or "").lower() in _ANNOUNCING
                                                                 or _issues_text(kids, cue)))
        if announces and not said and cue.deprel in ("root", "conj"):
            asked = asked_passive(kids, cue)  # 'X was asked about the border. ⏎ “…”': X answers
            subject = asked if asked is not None else cue_subject(ctx, index, cue)[0]
            if subject is not None and subject.upos in ("PROPN", "PRON", "NOUN") \
                    and subject.text.lower() not in ("it", "this", "that"):  # 'And it threw him for a loop.'
                return _direct(quote, word_span(cue), mention_at(ctx, index, subject), "previous-sentence")
    return None


def _announcing_sentence(ctx: Context, quote: QuoteSpan) -> Optional[int]:
    """The parsed sentence right before the quote, in its paragraph or the one before, ending on '.' or ':'
    and holding no quote, unless it follows a quote itself ('“A?” Trump asked reporters. “B.”': that sentence
    is A's attribution, B goes on from A)."""
    index = ctx.sentence_at(quote.start) - 1
    if index < 0 or ctx.kids[index] is None or ctx.ends[index] > quote.start:
        return None
    if len([p for p in ctx.text[ctx.ends[index]:quote.start].split("\n") if p.strip()]) > 1:
        return None
    if any(ctx.quote_of(w) for w in ctx.sentences[index].words) \
            or not ctx.text[ctx.ends[index] - 1:ctx.ends[index]] in ".:":
        return None
    if re.search(r"[”\"'’][ \t]*$", ctx.text[max(0, ctx.starts[index] - 3):ctx.starts[index]]):
        return None
    return index


def _issues_text(kids, verb) -> bool:
    """'X issued a statement on the ruling.', 'X released a letter': a verb whose object is a text."""
    return any(k.deprel == "obj" and (k.lemma or k.text).lower() in document_nouns() for k in kids[verb.id])


# verbs that announce the quote after them without being cues of their own ('X spoke of the cost.')
_ANNOUNCING = rule_words("announcing_verbs")


def _standalone(ctx: Context, quote: QuoteSpan) -> bool:
    """The quote's sentences hold nothing but the quote (and punctuation), or after it only the lead-in
    of the next quote ('… Mr Z said: “…'), which a tokenizer may glue to this sentence."""
    indexes = ctx.overlapping(quote.start, quote.end)
    after = ctx.text[quote.end:ctx.ends[indexes[-1]] + 70] if indexes else ""
    leads_next = re.match(r"[”\"'’]*\s*[^“\"”‘\n]{0,60}:\s*[“\"'‘]", after) is not None
    # '… Pelosi (D-Calif.). “B.”': a sentence the tokenizer did not end before the quote still ended
    ended_before = re.search(r"[.!?][)\]]?[”\"'’]?\s+[“\"'‘]*$", ctx.text[max(0, quote.start - 8):quote.start])
    for index in indexes:
        for word in ctx.sentences[index].words:
            if ctx.quote_of(word) is None and re.search(r"\w", word.text):
                start = word_span(word)[0]
                if not (leads_next and start >= quote.end) and not (ended_before and start < quote.start) \
                        and _same_paragraph(ctx.text, quote, word):
                    return False
    return True


def _near(text: str, previous: Attribution, quote: QuoteSpan) -> bool:
    """The previous statement ends in this paragraph or the one before."""
    between = text[previous.end:quote.start]
    return previous.end <= quote.start and len([p for p in between.split("\n") if p.strip()]) <= 2


# From the most to the least direct evidence: the first rule that attributes the quote decides. `label` is
# the finder (rules.FINDERS) the row usually writes ('cue-in-sentence' also writes cue-unlinked and lead-in,
# 'colon' colon-name); `example` is a text it fires on, parsed by hand in tests/extract/test_rule_tables.py.
DIRECT_RULES: tuple[Rule, ...] = (
    Rule("cue-in-sentence", "cue", _sentence_rule(_cue_in_sentence), "“We have no plan at all,” Smith said."),
    Rule("according-in-sentence", "according-to-quote", _sentence_rule(_according_in_sentence),
         "According to Smith, “we have no plan at all.”"),
    Rule("in-words", "in-words", _sentence_rule(_in_words_of), "In the words of one aide, “we have no plan at all.”"),
    Rule("dash", "dash", _sentence_rule(_dash_after), "“We have no plan at all.” — Commissioner Smith"),
    Rule("name-line", "dash", _sentence_rule(_name_line_after), "“We have no plan at all,” Ana Ruiz, head of Acme"),
    Rule("colon", "colon-cue", _sentence_rule(_colon_before), "Smith told reporters: “We have no plan at all.”"),
    Rule("next-sentence", "next-sentence", _sentence_rule(_cue_next_sentence),
         "“We have no plan at all.” Smith said so."),
    Rule("previous-sentence", "previous-sentence", _previous_sentence,
         "Smith continued his remarks. “We have no plan at all.”"),
    Rule("floating", "floating", _floating, "“We won,” Smith said. “We have no plan at all.”"),
    Rule("no-cue", "no-cue", _no_cue, "“We have no plan at all, none.”"),
)
