"""What every statement rule shares: the parsed document with its quotes and cue look-ups (Context), the
statement record (Attribution), who can be a speaker at all, and "according to" phrases. The speaker rules of
a cue live in quotes.extraction.speaker_rules, mentions in quotes.extraction.mentions, the direct-quote rules in quotes.extraction.direct,
reported speech in quotes.extraction.reported."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from quotes.extraction import rules
from quotes.extraction.lexicon import cue_forms, cue_lemmas, date_words, rule_words
from quotes.extraction.marks import QuoteSpan
from quotes.extraction.mentions import RELATIVE, TITLES, Mention, mention_at, strip_punct  # noqa: F401 (public here too)
from quotes.extraction.tokens import children, head_of, is_parsed, word_span

if TYPE_CHECKING:
    from quotes.extraction.speaker_rules import SpeakerHit

Span = tuple[int, int]
SUBJECTS = ("nsubj", "nsubj:outer")
# verbs whose object is the person spoken to, never the speaker or what was said
ADDRESSEE_VERBS = rule_words("addressee_verbs")
# verbs whose past participle opening a sentence ('Asked about …,') puts a question to the subject
ASKED_VERBS = rule_words("asked_verbs")
# verbs that make their object speak ('led the journalist to fear', 'urged aides to say')
OBJECT_CONTROL = rule_words("object_control_verbs")
# 'most said', 'many said', 'others said': a quantifier standing for people, whatever the tagger made of it
QUANTIFIERS = rule_words("group_quantifiers")


# cue forms that are verbs in news text whatever their tag ("Sanders tells reporters" tagged NOUN)
UNAMBIGUOUS_CUES = rule_words("unambiguous_cues")


@dataclass
class Attribution:
    """One statement: its pieces, kind, cue and speaker mention, and how each was found: `finder` (a key of
    quotes.extraction.rules.FINDERS) found the statement, `speaker` says which speaker rule found the mention, and
    `resolution` (a key of quotes.extraction.rules.RESOLUTIONS, set when the mention is resolved) how it became a named
    speaker. The record's `rule` label and confidence are made from these, here and nowhere else."""

    pieces: list[Span]
    kind: str
    cue: Optional[Span]
    mention: Optional[Mention]
    finder: str
    speaker: Optional[SpeakerHit] = None
    quotes: list[QuoteSpan] = field(default_factory=list)
    resolution: str = ""

    @property
    def speaker_rule(self) -> str:
        """The label of the speaker rule that found the mention ("" when none did)."""
        return self.speaker.label if self.speaker is not None else ""

    @property
    def rule(self) -> str:
        found = rules.label(self.finder, self.speaker_rule, self.mention is not None)
        return rules.with_resolution(found, self.resolution)

    @property
    def provenance(self) -> tuple[str, ...]:
        """Every rule that made this statement, as 'finder:NAME', 'speaker:NAME' (the speaker rule, and the one
        that shared an earlier cue's speaker) and 'resolution:LABEL', for counting what each rule is worth."""
        names = [f"finder:{self.finder}"]
        if self.speaker is not None:
            names += [f"speaker:{rule.name}" for rule in (self.speaker.shared_by, self.speaker.rule) if rule]
        if self.resolution in rules.RESOLUTIONS:
            names.append(f"resolution:{self.resolution}")
        return tuple(names)

    @property
    def confidence(self) -> float:
        return rules.confidence(self.finder, self.mention is not None)

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def is_label(text: str, quote) -> bool:
    """A short quote that ends on no punctuation: a name or a label (Marcia “Cia” Price, “Vote Ruiz” pins)."""
    inside = text[quote.start:quote.end]
    return len(inside.split()) <= 4 and not re.search(r"[,.!?;:]\W*$", inside)


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
        """The quote a word lies in, or overlaps (a tokenizer can glue a mark to a word: "''We")."""
        start, end = word_span(word)
        index = bisect.bisect_right(self._quote_starts, end - 1) - 1
        if index >= 0 and self.quotes[index].start < end and start < self.quotes[index].end:
            return self.quotes[index]
        return None

    def is_cue(self, word) -> bool:
        lower = word.text.lower()
        if lower in UNAMBIGUOUS_CUES:
            return True  # whatever a tagger makes of it, "says" in news is the verb
        if word.upos == "VERB" and self.attribution_slot(word):
            return True  # '“…,” Oliver barked.': any verb in that slot reports the quote
        if word.upos != "VERB":
            # '…,” the two write.': a cue form closing an attribution after a quote, however it was tagged
            return lower in self.forms and word.upos == "NOUN" and word.text.islower() \
                and self.closes_quote(word, least=1) and re.match(r"\s*[.,;]", self.text[word_span(word)[1]:]) is not None
        if lower == "known":
            return False  # 'known as “Guccifer”' names; it reports no statement
        if (word.lemma or "").lower() in self.lemmas or lower in self.forms:
            return True
        # a document speaks by being read: '…,” the letter reads.' / 'The suit reads: “…”'
        end = word_span(word)[1]
        return lower in ("read", "reads") and (self.closes_quote(word) or self.text[end:end + 2].strip() == ":")

    def quote_before(self, offset: int) -> Optional[QuoteSpan]:
        """The last quote that ends at or before `offset`, when no quote is still open there."""
        index = bisect.bisect_right(self._quote_starts, offset) - 1
        return self.quotes[index] if index >= 0 and self.quotes[index].end <= offset else None

    def closes_quote(self, word, least: int = 0) -> bool:
        """The word follows a closing quote mark with `least` to four words between ('…,” the two write')."""
        start = word_span(word)[0]
        quote = self.quote_before(start)
        if quote is None:
            return False
        between = self.text[quote.end:start]
        return re.fullmatch(r"[,.!?]?[”\"'’»]+\s+(?:[\w.'’-]+\s+){%d,4}" % least, between) is not None

    def attribution_slot(self, word) -> bool:
        """'“…,” Oliver barked.', '“…!” she went on.', '“…!” Scott's niece, Del. Marcia “Cia” Price, shouted to
        the crowd.': a verb after a quote that ends on a comma, '?' or '!', with only its subject between (a
        name or a pronoun first, no verb; a nickname in marks may stand inside), and the sentence ending or the
        next quote opening within five words. News writes nothing else in that slot, so the verb reports the
        quote whatever it is."""
        start, end = word_span(word)
        quote = self.quote_before(start)
        while quote is not None and is_label(self.text, quote):
            quote = self.quote_before(quote.start - 1)  # past the nickname to the statement
        if quote is None or word.text.lower().endswith("ing"):
            return False
        inside = self.text[quote.start:quote.end].rstrip("”\"'’» ")  # a nested quote may close it: ‘… ‘…,’’
        if not (inside.endswith((",", "?", "!")) or self.text[quote.end:quote.end + 1] in (",", "?", "!")):
            return False
        between = re.match(r"[,]?[”\"'’]+\s+(\S+)", self.text[quote.end:start])
        if between is None or "\n" in self.text[quote.end:start]:
            return False
        first = between.group(1)
        if not (first[:1].isupper() or first.lower() in SUBJECT_PRONOUNS):
            return False
        index = self.sentence_at(start)
        subject = [w for w in self.sentences[index].words
                   if word_span(w)[0] >= quote.end and word_span(w)[1] <= start and self.quote_of(w) is None
                   and w.upos != "PUNCT"]
        if not 1 <= len(subject) <= 15 or any(w.upos in ("VERB", "AUX") for w in subject):
            return False
        return re.match(r"(?:\s+[\w'’-]+){0,5}\s*(?:[.;]|,\s*[“\"'‘])", self.text[end:end + 60]) is not None

    def span(self, words) -> Span:
        return word_span(words[0])[0], word_span(words[-1])[1]


# --- speakers in the tree


def named_after(words: list, cue) -> bool:
    """A noun phrase follows the cue ('…, said Ana Ruiz, an economist'): the speaker comes after it, so what
    stands before its comma is what was said, not the speaker set off."""
    after = words[cue.id] if cue.id < len(words) else None
    return after is not None and after.upos in ("PROPN", "NOUN", "DET", "ADJ", "NUM") and not time_word(after)


def set_off_opening(words: list) -> Optional[int]:
    """`words` end where a comma sets a noun phrase off before a cue ('Y, a spokeswoman, Anna White, said'):
    the index of the comma that opens that phrase (one inner comma allowed: a title, then the name), when
    the phrase is nominal, at most 8 words, and a clause with a verb stands before it; else None."""
    commas = [i for i in range(len(words) - 1, -1, -1) if words[i].text == ","][:2]
    for opening in reversed(commas):  # the wider phrase first: 'a spokeswoman, Anna White'
        phrase = [w for w in words[opening + 1:] if w.text != ","]
        nominal = all(w.upos in SET_OFF_TAGS or "Poss=Yes" in (w.feats or "") for w in phrase)
        if phrase and len(phrase) <= 8 and nominal and any(w.upos in ("VERB", "AUX") for w in words[:opening]):
            return opening
    return None


# the words of a noun phrase set off before a cue ('a senior aide', 'the Florida senator, Marco Rubio'), and
# possessive pronouns ('its spokesman')
SET_OFF_TAGS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART", "PUNCT"})


NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "DET", "X", "ADJ", "SYM"})


def can_name(ctx: Context, word) -> bool:
    """A speaker is a nominal outside every quote: a parser that makes the quote's own subject the
    subject of 'said' would otherwise have the quote speak for itself. Nor is a dateline's place a speaker."""
    return word.upos in NOMINAL and ctx.quote_of(word) is None and not time_word(word) \
        and not _in_dateline(ctx.text, word)


# 'ALMATY, Kazakhstan (Northwire) — The United Nations called …': the place and outlet before the dash
_DATELINE = re.compile(r"[A-Z][A-Z.'’ -]{2,}(?:,[^\n—–]{0,40}?)?(?:\([^)\n]{1,30}\))?\s*(?:—|–|--|-)\s")


def _in_dateline(text: str, word) -> bool:
    start, end = word_span(word)
    if not word.text[:1].isupper():
        return False
    paragraph = text.rfind("\n", 0, start) + 1
    match = _DATELINE.match(text, paragraph)
    return match is not None and end <= match.end()


# month names that are also surnames or first names ("Theresa May", "April Ryan") stay possible speakers
_NAME_LIKE_MONTHS = rule_words("name_like_months")
_TIME_UNITS = rule_words("time_units")
_SEASONS = rule_words("seasons")  # written in lower case: 'last summer'; 'Summer' may be a given name


def time_word(word) -> bool:
    """'…,” Trump said Tuesday': a parser that makes the day the subject must not make it the speaker."""
    lower = word.text.lower()
    return lower in _TIME_UNITS or (lower in date_words() and lower not in _NAME_LIKE_MONTHS) \
        or (word.text in _SEASONS)


SUBJECT_PRONOUNS = rule_words("subject_pronouns")
NOT_NAME_TAGS = frozenset({"PUNCT", "DET", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "NUM", "SYM"})


def asked_opener(sentence, cue) -> bool:
    """'Asked about the vote, he shrugged: “…”', 'When pressed, she said …': a past participle of asking or
    telling that opens the sentence reports what was put to the subject, who then answers; it is not the
    answer's cue. Read from the words: a parser often makes 'Asked' the root."""
    before = [w for w in sentence.words[:cue.id - 1] if w.upos != "PUNCT"]
    opens = not before or (len(before) == 1 and before[0].text.lower() in ("when", "if", "once", "after"))
    past = cue.text.lower().endswith("ed") or cue.text.lower() == "told"
    comma = any(w.text == "," for w in sentence.words[cue.id:cue.id + 15])
    return opens and past and comma and (cue.lemma or "").lower() in ASKED_VERBS


def asked_passive(kids, cue):
    """'The spokesman was asked about the border.': the one asked (the passive subject), when nobody is named
    as asking; a quote standing alone after it is that person's answer. None otherwise."""
    if (cue.lemma or "").lower() not in ASKED_VERBS or any(k.deprel == "obl:agent" for k in kids[cue.id]):
        return None
    return next((k for k in kids[cue.id] if k.deprel == "nsubj:pass" and k.upos in ("PROPN", "NOUN", "PRON")), None)


def according_to(sentence, word):
    """The source noun X for the word "according" in "according to X", or None."""
    if word.text.lower() != "according" or word.id >= len(sentence.words):
        return None
    if sentence.words[word.id].text.lower() != "to":
        return None
    # "That's according to the survey" parsed with "according" as the verb and "to the survey" below it
    below = next((w for w in sentence.words if w.head == word.id and w.deprel.startswith(("obl", "obj"))
                  and w.id > word.id), None)
    return below if below is not None else head_of(sentence, word)


def according_span(ctx: Context, index: int, source) -> Span:
    sentence = ctx.sentences[index]
    # "according" hangs on its source, or (parsed as the verb) the source hangs on it
    according = next(w for w in sentence.words
                     if w.text.lower() == "according" and (w.head == source.id or source.head == w.id))
    return word_span(according)[0], word_span(sentence.words[according.id])[1]


def __getattr__(name: str):
    if name == "cue_subject":  # it lived here before the speaker rules became a table
        from quotes.extraction.speaker_rules import cue_subject

        return cue_subject
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
