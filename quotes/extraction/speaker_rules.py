"""Who said it, read off the UD tree: the speaker rules of a cue, in order, as one table (SPEAKER_RULES). The
first rule that finds a word decides; the record's `rule` label is that rule's label."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from typing import Optional

from quotes.extraction import rules
from quotes.extraction.attribute import (
    ADDRESSEE_VERBS, NOT_NAME_TAGS, OBJECT_CONTROL, QUANTIFIERS, SUBJECT_PRONOUNS, SUBJECTS, Context, can_name,
    is_label, named_after, set_off_opening, time_word,
)
from quotes.extraction.lexicon import gendered_nouns, group_nouns, organization_nouns, role_words
from quotes.extraction.marks import MARK_CHARS
from quotes.extraction.mentions import RELATIVE
from quotes.extraction.rules import Rule
from quotes.extraction.tokens import head_of, proper_run_before, subtree, word_span

SpeakerRule = Rule  # name, label (a key of rules.SPEAKER_LABELS), find(CueSite) -> word or SpeakerHit, example


@dataclass(frozen=True)
class SpeakerHit:
    """The word that names who spoke, the rule that found it, and the rule that borrowed it from an earlier cue
    ('X said it was early but added, “…”': 'added' shares the speaker of 'said')."""

    word: object
    rule: SpeakerRule
    shared_by: Optional[SpeakerRule] = None

    @property
    def label(self) -> str:
        return self.rule.label


@dataclass(frozen=True)
class Climbed:
    """What the climb from a cue up the verbs it hangs from found first: a `subject`, a `passive` subject
    after 'as' ('was quoted as saying'), or an `agent` ('by X'), as a dependent of `clause`."""

    clause: object
    word: object
    slot: str
    via_as: bool


class CueSite:
    """A cue in its sentence, with what several speaker rules read about it worked out once."""

    def __init__(self, ctx: Context, index: int, cue):
        self.ctx, self.index, self.cue = ctx, index, cue
        self.sentence, self.kids = ctx.sentences[index], ctx.kids[index]
        self.words = self.sentence.words

    @property
    def participle(self) -> bool:
        return self.cue.text.lower().endswith("ing")

    @cached_property
    def climbed(self) -> Optional[Climbed]:
        return _climb(self.ctx, self.sentence, self.kids, self.cue)

    @cached_property
    def left_raw(self):
        """The word right before the cue, or the one before a parenthesis there ('McCaskill (D-Mo.) said')."""
        return _left_of(self.words, self.cue.id - 2)

    @cached_property
    def left(self):
        """`left_raw`, past adverbs ('…, who was off-screen, then loudly asked')."""
        left, words = self.left_raw, self.words
        while left is not None and left.upos == "ADV" and left.id > 1 and left.text.lower() not in ("not", "never"):
            left = words[left.id - 2]
        return left

    @cached_property
    def right(self):
        """The word after the cue, past a time ('said Tuesday Sen. Chuck Schumer'), when the words after the
        cue can be its speaker."""
        words, cue = self.words, self.cue
        right = words[cue.id] if cue.id < len(words) else None
        while right is not None and time_word(right) and right.id < len(words):
            right = words[right.id]
        return right if right is not None and _inverted_order(self.ctx, words, cue, right) else None

    @property
    def comma_left(self) -> bool:
        return self.left is not None and self.left.text == ","


def speaker_of_cue(ctx: Context, index: int, cue) -> Optional[SpeakerHit]:
    """The first speaker rule (of those switched on) that finds who spoke for `cue`, with the word it found."""
    site = CueSite(ctx, index, cue)
    for rule in rules.switched_on(SPEAKER_RULES):
        found = rule.find(site)
        if isinstance(found, SpeakerHit):
            return replace(found, shared_by=rule)
        if found is not None:
            return SpeakerHit(found, rule)
    return None


def cue_subject(ctx: Context, index: int, cue) -> tuple[Optional[object], str]:
    """The word that names who spoke for `cue` and the label of the rule that found it, or (None, "")."""
    hit = speaker_of_cue(ctx, index, cue)
    return (hit.word, hit.label) if hit is not None else (None, "")


# --- the rules, in the order they are tried (the table is at the end of the module)


def _blamed(site: CueSite):
    return _blamed_for_saying(site.ctx, site.sentence, site.kids, site.cue)


def _bearer(site: CueSite):
    return _participle_bearer(site.ctx, site.sentence, site.cue)


def _with_subject(site: CueSite):
    """'It quoted critics, with Boswell stating: “…”', 'with one aide saying …': 'with' and the speaker right
    before an -ing cue, parsed as the cue's oblique."""
    if not site.participle:
        return None
    for word in site.kids[site.cue.id]:
        if word.deprel == "obl" and word.id < site.cue.id and word.upos in ("PROPN", "NOUN", "PRON") \
                and any(k.deprel == "case" and k.text.lower() == "with" for k in site.kids[word.id]) \
                and max(w.id for w in subtree(site.sentence, word, site.kids)) == site.cue.id - 1:
            return word
    return None


def _controller(site: CueSite):
    return _object_controller(site.ctx, site.sentence, site.kids, site.cue)


def _set_off_conjunct(site: CueSite):
    return _set_off_before_conjunct(site.ctx, site.sentence, site.kids, site.cue)


def _coordinated_joined(site: CueSite) -> Optional[SpeakerHit]:
    """'She says people may not like it, but insists …' with 'insists' hung on 'like': a cue coordinated
    by 'and'/'but' with no subject of its own shares the speaker of the nearest cue before it."""
    cue, kids = site.cue, site.kids
    if cue.deprel == "conj" and cue.head and not any(k.deprel in SUBJECTS for k in kids[cue.id]) \
            and any(k.deprel == "cc" and k.id < cue.id for k in kids[cue.id]) \
            and not site.ctx.is_cue(head_of(site.sentence, cue)):
        return _coordinated_cue_subject(site, joined=True)
    return None


def _coordinated_cue_subject(site: CueSite, joined: bool = False) -> Optional[SpeakerHit]:
    """'X said it was too early but added, “…”' with 'added' hung inside what was said: a cue right after
    'and'/'but' (or, `joined`, coordinated by one) shares the speaker of the nearest cue before it."""
    ctx, sentence, cue = site.ctx, site.sentence, site.cue
    if cue.id < 2 or (sentence.words[cue.id - 2].upos != "CCONJ" and not joined):
        return None
    earlier = [w for w in sentence.words[:cue.id - 2] if ctx.quote_of(w) is None and ctx.is_cue(w)]
    return speaker_of_cue(ctx, site.index, earlier[-1]) if earlier else None


def _outside_relative(ctx: Context, sentence, kids, cue, clause, found) -> Optional[Climbed]:
    """'She raised questions about the agents who investigated the case, arguing …' with 'arguing' hung on
    the relative clause: a participle set off by a comma speaks for the clause the relative one sits in."""
    if clause is cue or clause.deprel != "acl:relcl" or (found.word.text or "").lower() not in RELATIVE \
            or not cue.text.lower().endswith("ing") or cue.id < 2 or sentence.words[cue.id - 2].text != ",":
        return None
    verb = head_of(sentence, clause)
    while verb is not None and verb.upos not in ("VERB", "AUX") and verb.head:
        verb = head_of(sentence, verb)
    if verb is None or verb.upos not in ("VERB", "AUX"):
        return None
    return _dependent_speaker(ctx, kids, verb, False, False)


def _climb(ctx: Context, sentence, kids, cue) -> Optional[Climbed]:
    """The cue's subject, else the subject of the verb it hangs from (conj, xcomp, "adding that", passive
    "was quoted as saying"), else a "by" agent, climbing at most three verbs."""
    current, via_as = cue, False
    for _ in range(3):
        inside_said = _inside_said(ctx, sentence, cue, current)
        found = _dependent_speaker(ctx, kids, current, via_as, inside_said)
        if found is not None:
            return _outside_relative(ctx, sentence, kids, cue, current, found) or found
        participle = current.text.lower().endswith("ing")  # '…, arguing that' hangs anywhere on its clause
        climbs = ("conj", "xcomp", "advcl") + (("parataxis", "dep", "acl", "ccomp") if participle or inside_said else ())
        if current.deprel not in climbs or not current.head:
            return None
        via_as = via_as or any(w.deprel == "mark" and w.text.lower() == "as" for w in kids[current.id])
        current = head_of(sentence, current)
    return None


def _inside_said(ctx: Context, sentence, cue, current) -> bool:
    """'Aides said the plan worked, noting that …' with "noting" hung on "worked": the subject of what was
    said is not the speaker of the participle; the cue above it is, and so is the sentence's main clause
    ('She was confident her ceremony would take place, telling the paper: “…”')."""
    if current is cue or not cue.text.lower().endswith("ing") or current.deprel != "ccomp" \
            or (current.id > cue.id and cue.head != current.id):  # '…, arguing Northgate should spend …'
        return False
    above = head_of(sentence, current)
    return ctx.is_cue(above) or above.deprel == "root"


def _dependent_speaker(ctx: Context, kids, current, via_as: bool, inside_said: bool) -> Optional[Climbed]:
    """A subject of `current`, a passive subject after 'as', or an agent: the first that can name someone."""
    deps = [w for w in kids[current.id] if can_name(ctx, w)]
    subjects = [w for w in deps if w.deprel in SUBJECTS]
    subject = next((w for w in subjects if not _possessor(w)), subjects[0] if subjects else None)
    if subject is not None and not inside_said:
        return Climbed(current, subject, "subject", via_as)
    passive = next((w for w in deps if w.deprel == "nsubj:pass"), None)
    if passive is not None and via_as:
        return Climbed(current, passive, "passive", via_as)
    agent = next((w for w in deps if w.deprel == "obl:agent"), None)
    return Climbed(current, agent, "agent", via_as) if agent is not None else None


def _possessor(word) -> bool:
    """'Reeves' | manager said' parsed with two subjects: the one before a possessive mark owns the other."""
    words = word.sent.words
    if word.id >= len(words) or words[word.id].head == word.id:
        return False
    after = words[word.id]
    return after.xpos == "POS" or after.text in ("'s", "’s")


def _climbed(site: CueSite, slot: str) -> Optional[Climbed]:
    climbed = site.climbed
    return climbed if climbed is not None and climbed.slot == slot else None


def _relative_subject(site: CueSite):
    """A person's 'who' is the mention, standing for its antecedent; 'that'/'which' give way to the noun."""
    found = _climbed(site, "subject")
    if found is not None and (found.word.lemma or "").lower() in RELATIVE and found.clause.deprel.startswith("acl"):
        return found.word
    return None


def _name_before_role_subject(site: CueSite):
    found = _climbed(site, "subject")
    return _name_before_role(site.sentence, site.kids, found.clause, found.word) if found is not None else None


def _set_off_subject(site: CueSite):
    found = _climbed(site, "subject")
    return _set_off_speaker(site.ctx, site.sentence, site.kids, found.clause, found.word) if found else None


def _subject_after_as(site: CueSite):
    """'was quoted as saying': the subject of the verb above 'as'."""
    found = _climbed(site, "subject")
    return found.word if found is not None and found.via_as else None


def _subject_after_cue(site: CueSite):
    found = _climbed(site, "subject")
    return found.word if found is not None and found.word.id > site.cue.id else None


def _subject(site: CueSite):
    found = _climbed(site, "subject")
    if found is None or _inverted_after_comma(site, found) or _named_after_comma(site, found):
        return None
    if _name_closing_after(site.words, site.cue, found.word) is not None:
        return None  # a later row finds the name after the cue
    if found.clause is not site.cue and site.ctx.is_cue(found.clause):
        # '…, said Okafor, asserting, “…”': the name after the cue the subject was borrowed from
        return _name_closing_after(site.words, found.clause, found.word) or found.word
    return found.word


def _named_after_comma(site: CueSite, found) -> bool:
    """'Y is facing “…” demand …, Secretary of Ports Ines Varga said Thursday.' with 'said' a conjunct of
    Y's verb: the subject borrowed from that verb is what was said; the name between the comma and the cue
    speaks (a later row finds it)."""
    cue, words = site.cue, site.words
    if cue.deprel != "conj" or found.word.id > cue.id or cue.id < 3 \
            or words[cue.id - 2].upos != "PROPN":
        return False
    at = cue.id - 2 - proper_run_before(words, cue.id - 1)  # the index of the word before the title and name
    return at >= 0 and words[at].text == "," and found.word.id < at + 1


def _inverted_after_comma(site: CueSite, found) -> bool:
    """'Y could help the program, said Thomas Hildebrandt, …' with 'said' a conjunct of Y's verb: the subject
    borrowed from that verb is what was said; the name after the cue speaks (a later row finds it)."""
    cue, words = site.cue, site.words
    if cue.deprel != "conj" or found.clause.id != cue.head or found.word.id > cue.id or cue.id < 2 \
            or words[cue.id - 2].text != "," or cue.id + 1 >= len(words):
        return False
    first, second = words[cue.id], words[cue.id + 1]
    return first.upos == "PROPN" and second.upos == "PROPN" and head_of(site.sentence, first) is cue


def _name_closing_after(words: list, cue, subject):
    """'Even the rumour … is enough, said Okafor, asserting …', '…, said the U.S. Travel Association, a
    nonprofit …': after a comma, the cue and a name hung on it that ends at a comma or the sentence's end; the
    subject the parse found before the comma is what was said. The name's head word, or None."""
    if subject.id > cue.id or cue.id < 2 or words[cue.id - 2].text != ",":
        return None
    at = cue.id + (1 if cue.id < len(words) and words[cue.id].text == "the" else 0)
    end = at
    while end < len(words) and words[end].upos == "PROPN" and words[end].text[:1].isupper():
        end += 1
    if end == at or (end < len(words) and words[end].text not in (",", ".", ";")):
        return None
    run = {w.id for w in words[at:end]}
    heads = [w for w in words[at:end] if w.head == cue.id]
    return heads[0] if len(heads) == 1 and all(w.head in run or w.head == cue.id for w in words[at:end]) else None


def _reduced_relative_subject(site: CueSite):
    """'Democrats pushing the bill say …' parsed with 'Democrats' as the subject of 'pushing', an adverbial
    clause of a cue that has no subject: a bare participle clause before the cue, its subject opening it."""
    kids = site.kids
    if any(k.deprel.startswith("nsubj") for k in kids[site.cue.id]):
        return None
    for clause in kids[site.cue.id]:
        if clause.deprel == "advcl" and clause.id < site.cue.id and clause.text.lower().endswith("ing") \
                and not any(k.deprel == "mark" for k in kids[clause.id]):
            subject = next((k for k in kids[clause.id] if k.deprel == "nsubj" and k.id < clause.id), None)
            if subject is not None and subject.upos in ("NOUN", "PROPN"):
                return subject
    return None


def _passive_subject(site: CueSite):
    found = _climbed(site, "passive")
    return found.word if found is not None else None


def _agent(site: CueSite):
    found = _climbed(site, "agent")
    return found.word if found is not None else None


def _dependent_name(site: CueSite):
    """No subject: a name or pronoun the parse hung on the cue some other way (obj, dep, compound)."""
    ctx, kids, cue = site.ctx, site.kids, site.cue
    addressee = (cue.lemma or "").lower() in ADDRESSEE_VERBS
    names = [w for w in kids[cue.id] if w.upos in ("PROPN", "PRON") and can_name(ctx, w)
             and w.deprel not in ("obl", "obl:tmod", "nmod", "iobj", "expl")
             and not (w.deprel == "obj" and (w.upos == "PRON" or addressee))
             and not (w.deprel == "nsubj:pass" and addressee)
             and not any(k.deprel == "case" for k in kids[w.id])]
    return min(names, key=lambda w: abs(w.id - cue.id)) if names else None


def _counted(site: CueSite):
    """'At least half of voters say …' read as a place or time 'at'."""
    ctx, kids, cue = site.ctx, site.kids, site.cue
    return next((w for w in kids[cue.id] if w.deprel == "obl" and w.id < cue.id and _at_least(kids, w)
                 and can_name(ctx, w)), None)


def _quantifier_before(site: CueSite):
    """'…; most said they were “very worried.”' with 'most' tagged an adverb."""
    left = site.left_raw
    return left if left is not None and left.text.lower() in QUANTIFIERS and site.ctx.quote_of(left) is None \
        else None


def _beside(site: CueSite, word, inverted: bool):
    """A word right beside the cue that can be its speaker at all (not in a quote, no time; after the cue, a
    pronoun only where it ends the clause: 'said it would …' opens what was said)."""
    if word is None or site.ctx.quote_of(word) is not None or time_word(word):
        return None
    if word.upos == "PRON" and inverted and not _ends_clause(site.words, word):
        return None
    return word


def _named(word) -> bool:
    return word is not None and (word.upos == "PROPN" or (word.upos == "PRON" and word.text.lower() in SUBJECT_PRONOUNS))


def _capitalised(word) -> bool:
    """A name the tagger did not know ("Zahed" as NOUN, "Blige" as VERB)."""
    return word is not None and word.text[:1].isupper() and word.id > 1 and word.upos not in NOT_NAME_TAGS


def _name_before(site: CueSite):
    word = _beside(site, site.left, inverted=False)
    return word if _named(word) else None


def _capitalised_before(site: CueSite):
    word = _beside(site, site.left, inverted=False)
    return word if _capitalised(word) else None


def _name_after(site: CueSite):
    word = _beside(site, site.right, inverted=True)
    return word if _named(word) else None


def _capitalised_after(site: CueSite):
    word = _beside(site, site.right, inverted=True)
    return word if _capitalised(word) else None


def _phrase_after(site: CueSite):
    """'said the senator', '“…,” said one union organiser': the noun phrase right after the cue."""
    right = site.right
    if right is None or site.ctx.quote_of(right) is not None:
        return None
    head = _phrase_head_after(site.words, right.id - 1, loose=_follows_quote(site.ctx, site.words, site.cue))
    return head if head is not None and not time_word(head) else None


def _aside_before(site: CueSite):
    """'“…,” former Sen. Evan Bayh, a moderate Democrat who …, said': a comma before the cue ends an aside."""
    return _name_before_aside(site.ctx, site.words, site.cue) if site.comma_left else None


def _phrase_before(site: CueSite):
    left = site.left
    if left is None or site.comma_left or site.ctx.quote_of(left) is not None:
        return None
    return _phrase_ending_at(site.ctx, site.sentence, site.kids, left)


def _noun_after_quote(site: CueSite):
    """'…,” the two write.': the last nominal between the quote and the cue, when no verb stands there."""
    ctx, words, cue = site.ctx, site.words, site.cue
    if site.comma_left or not ctx.closes_quote(cue):
        return None
    quote_end = ctx.quote_before(word_span(cue)[0]).end
    between = [w for w in words[:cue.id - 1] if ctx.quote_of(w) is None and word_span(w)[0] > quote_end]
    nominal = [w for w in between if w.upos in ("NOUN", "PROPN", "NUM", "PRON")]
    if nominal and not any(w.upos in ("VERB", "AUX") for w in between):
        return nominal[-1]
    return None


def _participle_clause_subject(site: CueSite):
    return _participle_subject(site.ctx, site.sentence, site.kids, site.cue) if site.participle else None


def _coordinated_after_and(site: CueSite) -> Optional[SpeakerHit]:
    return None if site.participle else _coordinated_cue_subject(site)


# --- the rules' own reading of the tree


def _participle_bearer(ctx: Context, sentence, cue):
    """'with Reyes reportedly yelling: “…”', 'protesters chanting “…”', 'a sign reading “…”': a participle
    cue hung straight on a noun phrase (no comma between: ', saying …' is said by the clause's subject)
    is said by that noun phrase."""
    if cue.deprel == "conj" and cue.head and cue.text.lower().endswith("ing"):
        cue = head_of(sentence, cue)  # 'with X tweeting that … and asking, “…”'
    if not cue.text.lower().endswith("ing") or cue.deprel != "acl" or not cue.head or cue.head > cue.id:
        return None
    bearer = head_of(sentence, cue)
    between = sentence.words[bearer.id:cue.id - 1]
    if not _people(bearer) or not can_name(ctx, bearer) or bearer.deprel in ("obj", "iobj") \
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
        return None  # 'she wants residents to hear …' is still hers
    obj = next((k for k in kids[governor.id] if k.deprel == "obj" and k.id < cue.id), None)
    if obj is None or obj.upos not in ("NOUN", "PROPN", "PRON") or not can_name(ctx, obj):
        return None
    return obj


def _set_off_speaker(ctx: Context, sentence, kids, cue, subject):
    """'This, the council said, “…”', 'Reyes, Okafor wrote, “…”': a subject set off by a comma from a
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
    return before if can_name(ctx, before) else None


def _set_off_before_conjunct(ctx: Context, sentence, kids, cue):
    """'Facebook created the tool, a spokeswoman, Anna White, said on Saturday' parsed with 'said' as a
    conjunct of 'created': a noun phrase set off by commas right before a cue with no subject of its own is
    its speaker, not the subject of the clause before: the name in it ('a spokeswoman, Anna White', 'Fed
    governor Lael Brainard'), else its last noun ("Sanders's campaign manager")."""
    words = sentence.words
    opening = _set_off_opening_before(ctx, words, kids, cue)
    if opening is None:
        return None
    parts = _cut_at_commas(words[opening + 1:cue.id - 2])  # 'a spokeswoman' | 'Anna White'
    bare = [part for part in parts if part and all(w.upos == "PROPN" for w in part)]
    if len(parts) == 1 and bare and opening > 0 and words[opening - 1].upos == "PROPN":
        return None  # 'a man in Lakeport, Ruritania, told …': a place after a place
    if bare:
        return bare[0][0]  # 'a spokeswoman, Anna White' / 'Tomas Reyes, a port commissioner': the name
    return _speaker_in_title_phrase(parts[-1])


def _set_off_opening_before(ctx: Context, words: list, kids, cue) -> Optional[int]:
    """The comma that opens a noun phrase set off right before a conjunct cue with no subject and no name
    after it; None where there is none, or where a quote or a time stands in it or a quote before it ('the
    plan, “a disgrace,” said …', '…, on Monday, said': a quote's speaker is found elsewhere)."""
    if cue.deprel != "conj" or cue.id < 4 or words[cue.id - 2].text != "," or named_after(words, cue) \
            or any(k.deprel in SUBJECTS for k in kids[cue.id]):
        return None
    opening = set_off_opening(words[:cue.id - 2])
    if opening is None:
        return None
    phrase = words[opening + 1:cue.id - 2]
    if any(ctx.quote_of(w) is not None or time_word(w) for w in phrase) \
            or any(ctx.quote_of(w) is not None for w in words[:opening]):
        return None
    return opening


def _cut_at_commas(phrase: list) -> list[list]:
    parts = [[]]
    for word in phrase:
        if word.text == ",":
            parts.append([])
        else:
            parts[-1].append(word)
    return parts


def _speaker_in_title_phrase(last: list):
    """'Fed governor Lael Brainard': the name that ends the phrase, unless it is an owner ("Sanders's
    campaign manager"): then the last noun."""
    run = len(last)
    while run > 0 and last[run - 1].upos == "PROPN":
        run -= 1
    if run < len(last) and (run == 0 or last[run - 1].text not in ("'s", "’s", "'", "’")):
        return last[run]
    nouns = [w for w in last if w.upos in ("NOUN", "PROPN")]
    return nouns[-1] if nouns else None


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
        if blamed and dependent.upos in ("PROPN", "PRON") and can_name(ctx, dependent) and dependent.id < cue.id:
            return dependent
    return None


def _participle_subject(ctx: Context, sentence, kids, cue):
    """'she responded to one of his messages by saying, “…”', '…,” adding, “…”': a participle the parse hung
    on a noun or a far clause speaks for the subject of the nearest clause before it; after a comma, of the
    nearest main clause ('Bennett denied that a shakeup is coming, explaining …' is Bennett's, not the
    shakeup's)."""
    comma = cue.id >= 2 and sentence.words[cue.id - 2].text == ","
    for main_only in ((True, False) if comma else (False,)):
        for word in reversed(sentence.words[:cue.id - 1]):
            subject = next((k for k in kids[word.id] if k.deprel in SUBJECTS and k.id < cue.id), None)
            if subject is not None and word.upos in ("VERB", "AUX", "ADJ", "NOUN") and can_name(ctx, subject) \
                    and ctx.quote_of(word) is None and (not main_only or word.deprel in ("root", "conj")):
                return subject
    return None


def _at_least(kids, word) -> bool:
    """'at least half', 'at most 20 people': a count the parser took for an 'at' phrase."""
    return any(k.deprel == "case" and k.text.lower() == "at" for k in kids[word.id]) \
        and any(k.text.lower() in ("least", "most") for k in kids[word.id])


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
                and can_name(ctx, current):
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
    start = _aside_start(ctx, words, cue)
    if cue.id - start > 25:
        return None
    names = [w for w in words[start:cue.id - 1] if w.upos == "PROPN" and ctx.quote_of(w) is None and not time_word(w)]
    if start == 0:  # no quote before: 'Appearing at NLD headquarters, Suu Kyi, 70, said' — a name opening a phrase
        names = [w for w in names if _opens_phrase(words, w)] or names
    name = names[0] if names else None
    while name is not None and start < name.head < cue.id and words[name.head - 1].upos in ("NOUN", "PROPN") \
            and (name.deprel in ("compound", "flat") or name.deprel == "nmod:poss" and _speaks(words[name.head - 1])):
        name = words[name.head - 1]  # 'Norland' of 'Norland delegate Tomas Reyes', "Ruritania's foreign minister, …"
    return name


def _aside_start(ctx: Context, words: list, cue) -> int:
    """Where the words before the cue start after the last quote (a label inside the aside is passed:
    '…, wearing “Vote Ruiz” pins, said')."""
    start = cue.id - 2
    while start > 0:
        quote = ctx.quote_of(words[start - 1])
        if quote is not None and is_label(ctx.text, quote):
            start -= 1
            continue
        if quote is not None or words[start - 1].text in ("”", '"', "''") and not _label_before(ctx, words, start - 1):
            break
        start -= 1
    return start


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
    start = index + (1 if first.upos in ("DET", "NUM") else 0)
    end = index + 5
    for at in range(start, len(words)):
        word = words[at]
        if at >= end:
            break
        if word.upos in ("NOUN", "PROPN", "ADJ") or (word.text[:1].isupper() and word.upos != "PUNCT"):
            run.append(word)
        elif run and _hyphen_inside(words, at):
            end += 1  # a hyphen inside a word goes on: 'said third-generation fisherman Ana Ruiz'
        else:
            break
    nouns = [w for w in run if w.upos in ("NOUN", "PROPN")]
    if loose:
        return nouns[-1] if nouns else None
    return run[-1] if run and run[-1].upos in ("NOUN", "PROPN") else None


def _hyphen_inside(words: list, at: int) -> bool:
    """words[at] is a hyphen written with no space on either side ('third-generation')."""
    from quotes.extraction.tokens import word_span

    if words[at].text not in ("-", "‐") or at + 1 >= len(words):
        return False
    start, end = word_span(words[at])
    return word_span(words[at - 1])[1] == start and end == word_span(words[at + 1])[0]


def _follows_quote(ctx: Context, words: list, cue) -> bool:
    """The cue comes right after a closing mark (',” said …'), the inverted order of news attribution."""
    before = [w for w in words[:cue.id - 1] if w.upos != "PUNCT" or ctx.quote_of(w) is not None]
    return bool(before) and ctx.quote_of(before[-1]) is not None


# In order: the first rule that finds a word decides. `example` is a sentence the rule fires on (its
# hand-built parse is in tests/extract/test_rule_tables.py).
SPEAKER_RULES: tuple[SpeakerRule, ...] = (
    SpeakerRule("for-saying", "for-saying", _blamed, "Democrats criticized Trump for saying the vote was rigged."),
    SpeakerRule("with-subject", "participle", _with_subject, "Critics spoke, with Ruiz stating the plan failed."),
    SpeakerRule("participle-bearer", "participle", _bearer, "Trump yelling “stop now” scared aides."),
    SpeakerRule("object-control", "object-control", _controller, "The call led the journalist to fear “the worst.”"),
    SpeakerRule("coordinated-joined", "shared", _coordinated_joined,
                "She says people may not like it, but insists the plan works."),
    SpeakerRule("set-off-before-conjunct", "adjacent", _set_off_conjunct,
                "Facebook created the tool, a spokeswoman, Anna White, said on Saturday."),
    SpeakerRule("relative", "relative", _relative_subject, "It was Sanders, who said the race was over."),
    SpeakerRule("name-before-role", "inverted", _name_before_role_subject,
                "“We won,” said David Mora, the architect of the campaign."),
    SpeakerRule("set-off-speaker", "adjacent", _set_off_subject, "That, the commission said, is over."),
    SpeakerRule("subject-via-as", "passive", _subject_after_as, "Smith went on record as saying the plan failed."),
    SpeakerRule("subject-after-cue", "inverted", _subject_after_cue, "“We won,” said Ms Ruiz."),
    SpeakerRule("subject", "nsubj-of-cue", _subject, "Ruiz said the plan failed."),
    SpeakerRule("reduced-relative-subject", "nsubj-of-cue", _reduced_relative_subject,
                "Democrats pushing the bill say it will pass."),
    SpeakerRule("passive-subject-via-as", "passive", _passive_subject, "Smith was quoted as saying the plan failed."),
    SpeakerRule("agent", "passive", _agent, "The plan was criticized by Ruiz."),
    SpeakerRule("dependent", "dependent", _dependent_name, "“We won,” said Ruiz."),
    SpeakerRule("counted", "dependent", _counted, "At least half of voters say the plan failed."),
    SpeakerRule("quantifier-before", "adjacent", _quantifier_before, "Most said they were “very worried.”"),
    SpeakerRule("name-before", "adjacent", _name_before, "“We won,” Smith said."),
    SpeakerRule("capitalised-before", "adjacent", _capitalised_before, "“We won,” Zahed said."),
    SpeakerRule("name-after", "adjacent-inverted", _name_after, "“We won,” said Smith."),
    SpeakerRule("capitalised-after", "adjacent-inverted", _capitalised_after, "“We won,” said Zahed."),
    SpeakerRule("phrase-after", "adjacent-inverted", _phrase_after, "“It is not over,” said one union organiser."),
    SpeakerRule("aside-before", "adjacent", _aside_before,
                "“We won,” former Sen. Evan Bayh, a moderate Democrat, said."),
    SpeakerRule("phrase-before", "adjacent", _phrase_before, "A White House official said."),
    SpeakerRule("noun-after-quote", "adjacent", _noun_after_quote, "“We won,” the senators write."),
    SpeakerRule("participle-clause", "participle", _participle_clause_subject,
                "She responded to his messages by saying, “No.”"),
    SpeakerRule("coordinated-after-and", "shared", _coordinated_after_and,
                "Smith said it was too early and added, “We will see.”"),
)
