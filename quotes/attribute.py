"""Who said it, read off the UD tree: the shared context, the speaker of a cue (subject, inverted, passive,
relative, a name beside the cue), speaker mentions and "according to" phrases. The direct-quote rules live
in quotes.direct, reported speech in quotes.reported."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Optional

from quotes import rules
from quotes.lexicon import (
    cue_forms, cue_lemmas, date_words, gendered_nouns, group_nouns, honorifics, name_particles, organization_nouns,
    role_words, rule_words,
)
from quotes.marks import MARK_CHARS, QuoteSpan
from quotes.tokens import children, contiguous_around, head_of, is_parsed, subtree, word_span

Span = tuple[int, int]
SUBJECTS = ("nsubj", "nsubj:outer")
# dependents that are not part of a speaker's name: asides, relative clauses, the role in apposition
MENTION_SKIP = frozenset(
    {"acl", "acl:relcl", "appos", "punct", "parataxis", "advmod", "dep", "advcl", "discourse", "list", "orphan",
     "cop"}
)
RELATIVE = rule_words("relative_cue_subjects")
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
# titles and honorifics, as written in lower case ('sen.', 'senator', 'ms', 'ms.')
TITLES = role_words() | honorifics()


@dataclass
class Mention:
    """The words the parse ties a statement to; `appos` holds an apposition ("a Labour MP") for the role."""

    start: int
    end: int
    words: list
    sentence: int
    appos: list = field(default_factory=list)
    antecedent: Optional["Mention"] = None  # for a relative pronoun: the noun phrase 'who' stands for

    @property
    def head(self):
        return self.words[0] if len(self.words) == 1 else _head_word(self.words)


@dataclass
class Attribution:
    """One statement: its pieces, kind, cue and speaker mention; `finder` (a key of quotes.rules.FINDERS)
    found it and `speaker_rule` says how the mention was found, which give its rule label and confidence."""

    pieces: list[Span]
    kind: str
    cue: Optional[Span]
    mention: Optional[Mention]
    finder: str
    speaker_rule: str = ""
    quotes: list[QuoteSpan] = field(default_factory=list)

    @property
    def rule(self) -> str:
        return rules.label(self.finder, self.speaker_rule, self.mention is not None)

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


def cue_subject(ctx: Context, index: int, cue) -> tuple[Optional[object], str]:
    """The word that names who spoke, and how it was found: the cue's subject, else the subject of the verb
    it hangs from (conj, xcomp, "adding that", passive "was quoted as saying"), else a "by" agent."""
    sentence, kids = ctx.sentences[index], ctx.kids[index]
    blamed = _blamed_for_saying(ctx, sentence, kids, cue)
    if blamed is not None:
        return blamed, "for-saying"
    bearer = _participle_bearer(ctx, sentence, cue)
    if bearer is not None:
        return bearer, "participle"
    controller = _object_controller(ctx, sentence, kids, cue)
    if controller is not None:
        return controller, "object-control"
    if cue.deprel == "conj" and cue.head and not any(k.deprel in SUBJECTS for k in kids[cue.id]) \
            and any(k.deprel == "cc" and k.id < cue.id for k in kids[cue.id]) \
            and not ctx.is_cue(head_of(sentence, cue)):
        shared = _coordinated_cue_subject(ctx, index, cue, joined=True)
        if shared[0] is not None:
            return shared  # 'She says people may not like it, but insists …': 'insists' hung on 'like'
    set_off = _set_off_before_conjunct(ctx, sentence, kids, cue)
    if set_off is not None:
        return set_off, "adjacent"
    current, via_as = cue, False
    for _ in range(3):
        deps = [w for w in kids[current.id] if _can_name(ctx, w)]
        subject = next((w for w in deps if w.deprel in SUBJECTS), None)
        # 'Aides said the plan worked, noting that …' with "noting" hung on "worked": the subject of what
        # was said is not the speaker of the participle; the cue above it is
        inside_said = current is not cue and cue.text.lower().endswith("ing") and current.deprel == "ccomp" \
            and current.id < cue.id and ctx.is_cue(head_of(sentence, current))
        if subject is not None and not inside_said:
            if (subject.lemma or "").lower() in RELATIVE and current.deprel.startswith("acl"):
                # a person's 'who' is the mention, standing for its antecedent; 'that'/'which' give way to the noun
                return subject, "relative"
            named = _name_before_role(sentence, kids, current, subject)
            if named is not None:
                return named, "inverted"
            closer = _set_off_speaker(ctx, sentence, kids, current, subject)
            if closer is not None:
                return closer, "adjacent"
            return subject, "passive" if via_as else _order_rule(subject, cue)
        passive = next((w for w in deps if w.deprel == "nsubj:pass"), None)
        if passive is not None and via_as:
            return passive, "passive"
        agent = next((w for w in deps if w.deprel == "obl:agent"), None)
        if agent is not None:
            return agent, "passive"
        participle = current.text.lower().endswith("ing")  # '…, arguing that' hangs anywhere on its clause
        climbs = ("conj", "xcomp", "advcl") + (("parataxis", "dep", "acl", "ccomp") if participle or inside_said else ())
        if current.deprel not in climbs or not current.head:
            break
        via_as = via_as or any(w.deprel == "mark" and w.text.lower() == "as" for w in kids[current.id])
        current = head_of(sentence, current)
    subject, rule = _dependent_subject(ctx, sentence, kids, cue)
    if subject is None and cue.text.lower().endswith("ing"):
        return _participle_subject(ctx, sentence, kids, cue)
    if subject is None:
        return _coordinated_cue_subject(ctx, index, cue)
    return subject, rule


def _coordinated_cue_subject(ctx: Context, index: int, cue, joined: bool = False) -> tuple[Optional[object], str]:
    """'X said it was too early but added, “…”' with 'added' hung inside what was said: a cue right after
    'and'/'but' (or, `joined`, coordinated by one) shares the speaker of the nearest cue before it."""
    sentence = ctx.sentences[index]
    if cue.id < 2 or (sentence.words[cue.id - 2].upos != "CCONJ" and not joined):
        return None, ""
    earlier = [w for w in sentence.words[:cue.id - 2] if ctx.quote_of(w) is None and ctx.is_cue(w)]
    return cue_subject(ctx, index, earlier[-1]) if earlier else (None, "")


def _participle_bearer(ctx: Context, sentence, cue):
    """'with Trump reportedly yelling: “…”', 'protesters chanting “…”', 'a sign reading “…”': a participle
    cue hung straight on a noun phrase (no comma between: ', saying …' is said by the clause's subject)
    is said by that noun phrase."""
    if cue.deprel == "conj" and cue.head and cue.text.lower().endswith("ing"):
        cue = head_of(sentence, cue)  # 'with X tweeting that … and asking, “…”'
    if not cue.text.lower().endswith("ing") or cue.deprel != "acl" or not cue.head or cue.head > cue.id:
        return None
    bearer = head_of(sentence, cue)
    between = sentence.words[bearer.id:cue.id - 1]
    if not _people(bearer) or not _can_name(ctx, bearer) or bearer.deprel in ("obj", "iobj") \
            or any(w.upos == "PUNCT" or w.upos in ("VERB", "AUX") for w in between):
        return None
    return bearer


def _people(word) -> bool:
    """A name, a personal pronoun or a noun for people ('protesters', 'an aide'); not a document that
    'says' what its issuer said ('a statement saying …' is the issuer's)."""
    if word.upos == "PROPN":
        return True
    if word.upos == "PRON":
        return word.text.lower() not in RELATIVE
    lemma = (word.lemma or word.text).lower()
    return word.upos == "NOUN" and (word.text.lower() in group_nouns() or lemma in role_words()
                                    or word.text.lower() in role_words())


def _object_controller(ctx: Context, sentence, kids, cue):
    """'led the journalist to fear “…”', 'urged aides to say …': the infinitive cue of a verb with an object
    is said by that object, not by the verb's subject."""
    if cue.deprel == "conj" and cue.head and not any(k.deprel in SUBJECTS for k in kids[cue.id]):
        cue = head_of(sentence, cue)  # 'prompted Rubio to make a joke and call Trump “…”'
    if cue.deprel != "xcomp" or not cue.head or any(k.deprel in SUBJECTS for k in kids[cue.id]):
        return None
    governor = head_of(sentence, cue)
    if (governor.lemma or "").lower() not in OBJECT_CONTROL or \
            not any(k.deprel == "mark" and k.text.lower() == "to" for k in kids[cue.id]):
        return None  # 'she wants voters to know …' is still hers
    obj = next((k for k in kids[governor.id] if k.deprel == "obj" and k.id < cue.id), None)
    if obj is None or obj.upos not in ("NOUN", "PROPN", "PRON") or not _can_name(ctx, obj):
        return None
    return obj


def _set_off_speaker(ctx: Context, sentence, kids, cue, subject):
    """'That, the commission said, “…”', 'Cruz, Blackwell wrote, “…”': a subject set off by a comma from a
    noun phrase that stands right before the cue is what was said (or its topic); the noun phrase spoke."""
    if subject.id > cue.id or cue.id < 3:
        return None
    last = max(w.id for w in subtree(sentence, subject, kids) if w.upos != "PUNCT")
    before = sentence.words[cue.id - 2]
    personal = before.upos == "PRON" and before.text.lower() in SUBJECT_PRONOUNS  # 'The nominee, he said, …'
    if last >= cue.id - 2 or sentence.words[last].text != "," or (before.upos not in ("NOUN", "PROPN")
                                                                 and not personal):
        return None
    phrase = [w for w in sentence.words[last + 1:cue.id - 1] if not set(w.text) <= set(MARK_CHARS)]
    if not phrase or len(phrase) > 5 or any(w.upos in ("VERB", "AUX", "PUNCT", "ADP", "SCONJ") for w in phrase):
        return None
    return before if _can_name(ctx, before) else None


def _set_off_before_conjunct(ctx: Context, sentence, kids, cue):
    """'Facebook created the tool, a spokeswoman, Anna White, said on Saturday' parsed with 'said' as a
    conjunct of 'created': a noun phrase set off by commas right before a cue with no subject of its own is
    its speaker, not the subject of the clause before: the name in it ('a spokeswoman, Anna White', 'Fed
    governor Lael Brainard'), else its last noun ("Sanders's campaign manager")."""
    words = sentence.words
    if cue.deprel != "conj" or cue.id < 4 or words[cue.id - 2].text != "," or named_after(words, cue) \
            or any(k.deprel in SUBJECTS for k in kids[cue.id]):
        return None
    opening = set_off_opening(words[:cue.id - 2])
    if opening is None:
        return None
    phrase = words[opening + 1:cue.id - 2]
    if any(ctx.quote_of(w) is not None or time_word(w) for w in phrase) \
            or any(ctx.quote_of(w) is not None for w in words[:opening]):
        return None  # 'the plan, “a disgrace,” said …', '…, on Monday, said'; a quote's speaker is found elsewhere
    parts = [[]]  # the phrase cut at its inner comma: 'a spokeswoman' | 'Anna White'
    for word in phrase:
        if word.text == ",":
            parts.append([])
        else:
            parts[-1].append(word)
    bare = [part for part in parts if part and all(w.upos == "PROPN" for w in part)]
    if len(parts) == 1 and bare and opening > 0 and words[opening - 1].upos == "PROPN":
        return None  # 'a woman in Worcester, Massachusetts, told …': a place after a place
    if bare:
        return bare[0][0]  # 'a spokeswoman, Anna White' / 'Lael Brainard, a Fed governor': the name
    last = parts[-1]
    run = len(last)
    while run > 0 and last[run - 1].upos == "PROPN":
        run -= 1
    if run < len(last) and (run == 0 or last[run - 1].text not in ("'s", "’s", "'", "’")):
        return last[run]  # 'Fed governor Lael Brainard'
    nouns = [w for w in last if w.upos in ("NOUN", "PROPN")]
    return nouns[-1] if nouns else None  # 'Sanders's campaign manager'


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


def _name_before_role(sentence, kids, cue, subject):
    """'said David Mora, the architect of the campaign' parsed with the name as the object and the role as
    the subject: the name right after the cue, set off from the role by a comma, is the speaker."""
    if subject.id < cue.id or subject.upos != "NOUN":
        return None
    name = next((k for k in kids[cue.id] if k.id == cue.id + 1 and k.upos == "PROPN"
                 and k.deprel in ("obj", "dep", "iobj", "obl:npmod", "appos")), None)
    if name is None:
        return None
    last = max(w.id for w in subtree(sentence, name, kids))
    first_of_role = min(w.id for w in subtree(sentence, subject, kids, skip=frozenset({"punct"})))
    if last + 2 != first_of_role or sentence.words[last].text != ",":
        return None
    return name


def _role_after_name(sentence, kids, head) -> list:
    """The role set off after a name that the parse did not make its apposition ('David Mora, the
    architect of the campaign' with the role as the cue's subject)."""
    last = max(w.id for w in subtree(sentence, head, kids))
    if last + 1 >= len(sentence.words) or sentence.words[last].text != ",":
        return []
    role = sentence.words[last + 1]
    while role.head and role.head > last + 1 and role.head != head.head and head_of(sentence, role).id > last:
        role = head_of(sentence, role)
    if role.head != head.head or not role.deprel.startswith("nsubj") or role.upos != "NOUN":
        return []
    return strip_punct(subtree(sentence, role, kids, skip=frozenset({"punct"})))


def _blamed_for_saying(ctx: Context, sentence, kids, cue):
    """'A was upset with B for saying …', 'A criticized B for saying …': the one blamed for the words said
    them, not the subject (HARD-CASES 21). 'B drew A's anger for saying …' keeps its subject: there the
    object is no person."""
    if not cue.text.lower().endswith("ing") or not cue.head:
        return None
    if not any(k.deprel == "mark" and k.text.lower() == "for" for k in kids[cue.id]):
        return None
    governor = head_of(sentence, cue)
    for dependent in kids[governor.id]:
        case = {k.text.lower() for k in kids[dependent.id] if k.deprel == "case"}
        blamed = dependent.deprel == "obj" or (dependent.deprel.startswith("obl") and case & {"with", "at", "against"})
        if blamed and dependent.upos in ("PROPN", "PRON") and _can_name(ctx, dependent) and dependent.id < cue.id:
            return dependent
    return None


def _participle_subject(ctx: Context, sentence, kids, cue) -> tuple[Optional[object], str]:
    """'she responded to one of his messages by saying, “…”', '…,” adding, “…”': a participle the parse hung
    on a noun or a far clause speaks for the subject of the nearest clause before it; after a comma, of the
    nearest main clause ('Bennett denied that a shakeup is coming, explaining …' is Bennett's, not the
    shakeup's)."""
    comma = cue.id >= 2 and sentence.words[cue.id - 2].text == ","
    for main_only in ((True, False) if comma else (False,)):
        for word in reversed(sentence.words[:cue.id - 1]):
            subject = next((k for k in kids[word.id] if k.deprel in SUBJECTS and k.id < cue.id), None)
            if subject is not None and word.upos in ("VERB", "AUX", "ADJ", "NOUN") and _can_name(ctx, subject) \
                    and ctx.quote_of(word) is None and (not main_only or word.deprel in ("root", "conj")):
                return subject, "participle"
    return None, ""


def _dependent_subject(ctx: Context, sentence, kids, cue) -> tuple[Optional[object], str]:
    """No subject: a name or pronoun the parse hung on the cue some other way (obj, dep, compound), then
    a word right beside the cue."""
    names = [w for w in kids[cue.id] if w.upos in ("PROPN", "PRON") and _can_name(ctx, w)
             and w.deprel not in ("obl", "obl:tmod", "nmod", "iobj", "expl")
             and not (w.deprel == "obj" and (w.upos == "PRON" or (cue.lemma or "").lower() in ADDRESSEE_VERBS))
             and not (w.deprel == "nsubj:pass" and (cue.lemma or "").lower() in ADDRESSEE_VERBS)
             and not any(k.deprel == "case" for k in kids[w.id])]
    if names:
        nearest = min(names, key=lambda w: abs(w.id - cue.id))
        return nearest, "dependent"
    counted = next((w for w in kids[cue.id] if w.deprel == "obl" and w.id < cue.id and _at_least(kids, w)
                    and _can_name(ctx, w)), None)
    if counted is not None:
        return counted, "dependent"  # 'At least half of voters say …' read as a place or time 'at'
    return _adjacent_subject(ctx, sentence, kids, cue)


def _at_least(kids, word) -> bool:
    """'at least half', 'at most 20 people': a count the parser took for an 'at' phrase."""
    return any(k.deprel == "case" and k.text.lower() == "at" for k in kids[word.id]) \
        and any(k.text.lower() in ("least", "most") for k in kids[word.id])


NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "DET", "X", "ADJ", "SYM"})


def _can_name(ctx: Context, word) -> bool:
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


def _adjacent_subject(ctx: Context, sentence, kids, cue) -> tuple[Optional[object], str]:
    """When the parse gives the cue no subject, a name or subject pronoun right beside it ('“…,” Smith
    said', 'said Smith') is the speaker more often than not."""
    words = sentence.words
    left = _left_of(words, cue.id - 2)  # past a party tag: 'Sen. Claire McCaskill (D-Mo.) said'
    if left is not None and left.text.lower() in QUANTIFIERS and ctx.quote_of(left) is None:
        return left, "adjacent"  # '…; most said they were “very worried.”' with 'most' tagged an adverb
    while left is not None and left.upos == "ADV" and left.id > 1 and left.text.lower() not in ("not", "never"):
        left = words[left.id - 2]  # '…, who was off-screen, then loudly asked'
    right = words[cue.id] if cue.id < len(words) else None
    while right is not None and time_word(right) and right.id < len(words):
        right = words[right.id]  # 'said Tuesday Sen. Chuck Schumer'
    if right is not None and not _inverted_order(ctx, words, cue, right):
        right = None
    for word, rule in ((left, "adjacent"), (right, "adjacent-inverted")):
        if word is None or ctx.quote_of(word) is not None or time_word(word):
            continue
        if word.upos == "PRON" and rule == "adjacent-inverted" and not _ends_clause(words, word):
            continue  # 'said it would …': the pronoun opens what was said
        if word.upos == "PROPN" or (word.upos == "PRON" and word.text.lower() in SUBJECT_PRONOUNS):
            return word, rule
        if word.text[:1].isupper() and word.id > 1 and word.upos not in NOT_NAME_TAGS:
            return word, rule  # a name the tagger did not know ("Zahed" as NOUN, "Blige" as VERB)
    if right is not None and ctx.quote_of(right) is None:
        head = _phrase_head_after(words, right.id - 1, loose=_follows_quote(ctx, words, cue))
        if head is not None and not time_word(head):
            return head, "adjacent-inverted"
    if left is not None and left.text == ",":
        return _name_before_aside(ctx, words, cue), "adjacent"
    if left is not None and ctx.quote_of(left) is None:
        phrase = _phrase_ending_at(ctx, sentence, kids, left)
        if phrase is not None:
            return phrase, "adjacent"
    if ctx.closes_quote(cue):  # '…,” the two write.'
        quote_end = ctx.quote_before(word_span(cue)[0]).end
        between = [w for w in words[:cue.id - 1] if ctx.quote_of(w) is None and word_span(w)[0] > quote_end]
        nominal = [w for w in between if w.upos in ("NOUN", "PROPN", "NUM", "PRON")]
        if nominal and not any(w.upos in ("VERB", "AUX") for w in between):
            return nominal[-1], "adjacent"
    return None, ""


def _phrase_ending_at(ctx: Context, sentence, kids, last):
    """'…, a White House official who spoke anonymously said' with the official hung elsewhere: the noun
    phrase that ends right before the cue and starts the clause (after a comma or at the sentence start)."""
    current = last
    while current is not None:
        span = [w.id for w in subtree(sentence, current, kids) if w.upos != "PUNCT"]
        if not span or max(span) != last.id:
            return None
        first = min(span)
        opens = first == 1 or sentence.words[first - 2].text == ","
        if current.upos in ("NOUN", "PROPN") and opens and sentence.words[first - 1].upos not in ("ADP", "SCONJ") \
                and _can_name(ctx, current):
            return current
        current = head_of(sentence, current) if current.head else None
    return None


def _inverted_order(ctx: Context, words: list, cue, first) -> bool:
    """Can the words after the cue be its speaker? After a quote ('“…,” said an aide') they can; otherwise
    only a phrase that closes the clause ('…, said Smith.', 'said Smith, who …'): after 'told', 'telling',
    'says the …' the next words are the addressee or what was said."""
    if _follows_quote(ctx, words, cue):
        return True
    if cue.text.lower().endswith("ing") or (cue.lemma or "").lower() in ADDRESSEE_VERBS:
        return False
    index = first.id - 1
    while index < len(words) and index < first.id + 5 and words[index].upos in ("PROPN", "NOUN", "ADJ", "DET", "PRON"):
        index += 1
    if index < len(words) and words[index].upos == "ADP":
        # 'said Smith in a statement' ends the clause; 'conceded the situation in the country is …' goes on
        rest = words[index:]
        stop = next((i for i, w in enumerate(rest) if w.upos == "PUNCT"), len(rest))
        return not any(w.upos in ("VERB", "AUX") for w in rest[:stop])
    return index >= len(words) or words[index].upos == "PUNCT"


def _ends_clause(words: list, word) -> bool:
    """Nothing but punctuation or a time follows ('…,” said he.' / 'said she on Monday')."""
    after = words[word.id] if word.id < len(words) else None
    return after is None or after.upos in ("PUNCT", "ADP", "ADV", "CCONJ") or time_word(after)


def _left_of(words: list, index: int):
    """The word at `index`, or the one before the parenthesis that ends there."""
    if index < 0:
        return None
    if words[index].text == ")":
        for i in range(index - 1, max(-1, index - 8), -1):
            if words[i].text == "(":
                return words[i - 1] if i > 0 else None
    return words[index]


def _name_before_aside(ctx: Context, words: list, cue):
    """'“…,” former Sen. Evan Bayh, a moderate Democrat who …, said': the first name after the quote."""
    start = cue.id - 2
    while start > 0:
        quote = ctx.quote_of(words[start - 1])
        if quote is not None and is_label(ctx.text, quote):
            start -= 1  # '…, wearing “Vote Ruiz” pins, said': a label inside the aside
            continue
        if quote is not None or words[start - 1].text in ("”", '"', "''") and not _label_before(ctx, words, start - 1):
            break
        start -= 1
    if cue.id - start > 25:
        return None
    names = [w for w in words[start:cue.id - 1] if w.upos == "PROPN" and ctx.quote_of(w) is None and not time_word(w)]
    if start == 0:  # no quote before: 'Appearing at NLD headquarters, Suu Kyi, 70, said' — a name opening a phrase
        names = [w for w in names if _opens_phrase(words, w)] or names
    name = names[0] if names else None
    while name is not None and start < name.head < cue.id and words[name.head - 1].upos in ("NOUN", "PROPN") \
            and (name.deprel in ("compound", "flat") or name.deprel == "nmod:poss" and _speaks(words[name.head - 1])):
        name = words[name.head - 1]  # 'Texas' of 'Texas delegate Bill Eastland', "Pakistan's foreign minister, …"
    return name


def _speaks(noun) -> bool:
    """A noun for who can speak: a title, a person's relation ('daughter'), an organisation or a group ("Pakistan's
    foreign minister", "Trump's eldest daughter"; not "Obama's rise")."""
    lower = noun.text.lower()
    return lower in role_words() or lower in gendered_nouns() or lower in organization_nouns() \
        or lower in group_nouns()


def _opens_phrase(words: list, word) -> bool:
    """The noun phrase holding `word` starts the sentence or follows a comma (not a preposition)."""
    i = word.id - 2
    while i >= 0 and words[i].upos in ("PROPN", "NOUN", "ADJ", "DET", "NUM") and words[i].text != ",":
        i -= 1
    return i < 0 or words[i].text == ","


def _label_before(ctx: Context, words: list, index: int) -> bool:
    """Is the closing mark at `index` the end of a label quote?"""
    quote = ctx.quote_of(words[index - 1]) if index > 0 else None
    return quote is not None and is_label(ctx.text, quote)


def _phrase_head_after(words: list, index: int, loose: bool = False):
    """'said the senator', 'said Will Doyle' (with 'Will' tagged AUX): the last noun of the capitalised or
    determiner-led noun run that starts at `index`. `loose` (the cue right after a quote: '“…,” said one
    party activist') also takes a run led by a number, an adjective or a lower-case noun."""
    first = words[index]
    leads = ("DET", "NUM", "ADJ", "NOUN") if loose else ("DET",)
    if not (first.upos in leads or first.text[:1].isupper()):
        return None
    run = []
    for word in words[index + (1 if first.upos in ("DET", "NUM") else 0):index + 5]:
        if word.upos in ("NOUN", "PROPN", "ADJ") or (word.text[:1].isupper() and word.upos != "PUNCT"):
            run.append(word)
        else:
            break
    nouns = [w for w in run if w.upos in ("NOUN", "PROPN")]
    if loose:
        return nouns[-1] if nouns else None
    return run[-1] if run and run[-1].upos in ("NOUN", "PROPN") else None


def _follows_quote(ctx: Context, words: list, cue) -> bool:
    """The cue comes right after a closing mark (',” said …'), the inverted order of news attribution."""
    before = [w for w in words[:cue.id - 1] if w.upos != "PUNCT" or ctx.quote_of(w) is not None]
    return bool(before) and ctx.quote_of(before[-1]) is not None


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


def _order_rule(subject, cue) -> str:
    return "inverted" if subject.id > cue.id else "nsubj-of-cue"


def mention_at(ctx: Context, index: int, head) -> Mention:
    """The speaker mention headed by `head`: its phrase without asides, kept contiguous. A relative pronoun
    ('Sanders, who said …') is the mention as written, with the phrase it stands for as its antecedent."""
    sentence, kids = ctx.sentences[index], ctx.kids[index]
    clause = head_of(sentence, head)
    if head.text.lower() in RELATIVE and clause is not None and clause.deprel.startswith("acl") and clause.head:
        start, end = word_span(head)
        return Mention(start, end, [head], index, antecedent=mention_at(ctx, index, head_of(sentence, clause)))
    # the head's own case marker ("according to", "by") is not part of the name; a nested "'s" is
    marker = {w.id for c in kids[head.id] if c.deprel in ("case", "cc", "mark") and not _name_particle(c, head)
              for w in subtree(sentence, c, kids)}
    phrase = subtree(sentence, head, kids)
    timing = {w.id for c in phrase if c is not head and c.text.lower() in date_words()
              for w in subtree(sentence, c, kids)}
    timing |= {w.id for c in kids[head.id] if c.deprel.startswith(("nmod", "obl")) and c.upos == "NUM"
               and any(w.id in timing for w in subtree(sentence, c, kids)) for w in subtree(sentence, c, kids)}
    marker |= timing  # "Dujarric on Monday": a time phrase the parse hung on the name
    words = [w for w in subtree(sentence, head, kids, skip=MENTION_SKIP) if w.id not in marker]
    words = _bridged(sentence, kids, head, words, marker)
    words = _with_split_name(sentence, head, words)
    words = strip_punct(words) or [head]
    words = _with_name_after_title(ctx, sentence, words)
    appos = [w for w in kids[head.id] if w.deprel == "appos"]
    appos_words = _apposition(sentence, kids, appos[0]) if appos else []
    if not appos_words and head.upos == "PROPN":
        appos_words = _role_after_name(sentence, kids, head)
    start, end = ctx.span(words)
    return Mention(start, end, words, index, appos_words)


def _with_split_name(sentence, head, words: list) -> list:
    """'Jeb | Bush says' parsed as two subjects of 'says': proper nouns right beside the mention that hang
    on the same word with the same relation are the rest of one name."""
    if head.upos != "PROPN" and not _title_word(head):  # 'Ms' may be tagged a noun
        return words

    def twin(word) -> bool:
        return word.upos == "PROPN" and word.head == head.head and word.deprel == head.deprel \
            and word.text[:1].isupper()

    low, high = min(w.id for w in words), max(w.id for w in words)
    while low > 1 and twin(sentence.words[low - 2]):
        low -= 1
    while low > 2 and _title_dot(sentence, low - 1) and twin(sentence.words[low - 3]):
        low -= 2  # 'Ms | . | Sherry said' with both names subjects of 'said'
    while high < len(sentence.words) and twin(sentence.words[high]):
        high += 1
    while high + 1 < len(sentence.words) and _title_dot(sentence, high + 1) and twin(sentence.words[high + 1]):
        high += 2
    return sentence.words[low - 1:high] if (low, high) != (min(w.id for w in words), max(w.id for w in words)) \
        else words


def _apposition(sentence, kids, appos) -> list:
    """The words of an apposition without its punctuation, a party tag or aside in parentheses ('(D-Va.)')
    or a nickname in marks ('Marcia “Cia” Price'), whatever the parse hung them on."""
    words = subtree(sentence, appos, kids)
    kept, depth, quoted = [], 0, False
    for i, word in enumerate(words):
        if word.text == "(":
            depth += 1
        elif word.text == ")":
            depth = max(0, depth - 1)
        elif word.text in ("“", "‘") or (word.text == '"' and not quoted):
            quoted = _short_quote(words, i)
        elif word.text in ("”", "’", '"'):
            quoted = False
        elif depth == 0 and not quoted and word.upos != "PUNCT":
            kept.append(word)
    return kept


def _short_quote(words: list, i: int) -> bool:
    """Does the mark at words[i] open a nickname of one to three words that closes before the list ends?"""
    for j in range(i + 1, min(len(words), i + 5)):
        if words[j].text in ("”", "’", '"'):
            return j - i - 1 <= 3
    return False


def _name_particle(word, head) -> bool:
    """'von der Leyen' parsed with 'von' as a case marker: a particle right before a proper name is the name's."""
    return word.text in name_particles() and head.upos == "PROPN" and 0 < head.id - word.id <= 2


def _with_name_after_title(ctx: Context, sentence, words: list) -> list:
    """'Sen. | Barbara Mikulski' where the parse made the title the subject and hung the name elsewhere:
    a mention that ends in a title or honorific takes the capitalised words right after it."""
    last = words[-1].text.lower()
    if last not in honorifics() and last.rstrip(".") not in honorifics() and last not in role_words():
        return words
    following = []
    for word in sentence.words[words[-1].id:words[-1].id + 4]:
        if not word.text[:1].isupper() or word.upos == "PUNCT" or ctx.quote_of(word) is not None:
            break
        following.append(word)
    return words + following


def _bridged(sentence, kids, head, words: list, marker: set) -> list:
    """Keep a mention whole across a skipped inner piece of the same phrase (a quoted nickname in apposition:
    Dwayne “The Rock” Johnson); anything else scattered by the parse is cut to the run around the head."""
    phrase = {w.id for w in subtree(sentence, head, kids)} - marker
    low, high = min(w.id for w in words), max(w.id for w in words)
    if all(i in phrase or _title_dot(sentence, i) for i in range(low, high + 1)):
        return sentence.words[low - 1:high]
    return contiguous_around(words, head)


def _title_dot(sentence, i: int) -> bool:
    """Word i is the full stop of an abbreviated title the tokenizer split off ('Ms | . | Sherry'), which the
    parse may hang on the verb."""
    return sentence.words[i - 1].text == "." and i >= 2 and _title_word(sentence.words[i - 2])


def _title_word(word) -> bool:
    """An honorific or abbreviated title ('Ms', 'Sen.', 'Gov')."""
    return (word.text.lower().rstrip(".") + ".") in TITLES


def strip_punct(words: list) -> list:
    while words and words[0].upos == "PUNCT":
        words = words[1:]
    while words and words[-1].upos == "PUNCT":
        words = words[:-1]
    return words


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
