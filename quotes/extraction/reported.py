"""Reported speech: the complement clause of a reporting verb, a clause the cue interrupts, what "according
to X" is said of, and the object of a naming verb. Quotes inside make a statement mixed."""

from __future__ import annotations

import functools
import re
from typing import Optional

from quotes.extraction import rules
from quotes.extraction.attribute import (
    ADDRESSEE_VERBS, UNAMBIGUOUS_CUES, Attribution, Context, Span, according_span, according_to, asked_opener,
    mention_at, named_after, set_off_opening, strip_punct, time_word,
)
from quotes.extraction.lexicon import content_prepositions, inflections, intention_verbs, object_verbs, rule_words
from quotes.extraction.marks import CLOSING_MARKS, QuoteSpan
from quotes.extraction.speaker_rules import speaker_of_cue
from quotes.extraction.tokens import contiguous_around, head_of, proper_run_before, subtree, word_span


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
    """(content words, cue or source word, finder name) from every finder in REPORTED_FINDERS, in order, but
    those whose finder name (rules.FINDERS) is switched off."""
    sentence, kids = ctx.sentences[index], ctx.kids[index]
    if asked_opener(sentence, word):
        return  # 'Asked about the vote, she …': what was put to her, by someone unnamed
    for finder in REPORTED_FINDERS:
        yield from (found for found in finder(ctx, sentence, kids, word) if rules.is_on(found[2]))


def _speaks(ctx: Context, word) -> bool:
    return ctx.is_cue(word) or (word.lemma or "").lower() in intention_verbs()


def _complements(ctx: Context, sentence, kids, word):
    """'said (that) …' as the cue's ccomp (or a that-clause parsed as advcl); 'vowed to …' as the xcomp of
    an intention verb."""
    if not _speaks(ctx, word):
        return
    for child in kids[word.id]:
        if (child.deprel == "ccomp" or _that_clause(child, kids, word)) and ctx.is_cue(word):
            if _bare_participle_cue(ctx, sentence, kids, child) or _participle_over(ctx, kids, child) \
                    or _participle_after_speaker(ctx, sentence, word, child):
                continue  # '… Varga said, adding, however, that …' with 'adding' a second complement of 'said'
            yield _with_gap(sentence, kids, word, subtree(sentence, child, kids)), word, "ccomp"
        elif child.deprel == "xcomp" and (word.lemma or "").lower() in intention_verbs():
            yield subtree(sentence, child, kids), word, "xcomp"
        elif child.deprel == "obl" and child.id > word.id and ctx.is_cue(word) \
                and not any(k.deprel == "ccomp" for k in kids[word.id]):
            clause = _that_clause_under(kids, child)
            if clause is not None:
                yield subtree(sentence, clause, kids), word, "ccomp"


def _bare_participle_cue(ctx: Context, sentence, kids, clause) -> bool:
    """A cue in -ing with at most an adverb of its own ('adding, however,'): another cue's start, not what
    was said."""
    return clause.text.lower().endswith("ing") and ctx.is_cue(clause) \
        and len([w for w in subtree(sentence, clause, kids) if w.upos != "PUNCT"]) <= 2


def _participle_over(ctx: Context, kids, clause) -> bool:
    """'“…,” he said last week, arguing California should plow …' with 'plow' hung on 'said' and 'arguing'
    on 'plow': a cue in -ing before the clause's words says it, not the cue the parse hung it on."""
    return any(k.deprel in ("advcl", "parataxis", "dep") and k.id < clause.id and k.text.lower().endswith("ing")
               and ctx.is_cue(k) and not any(c.deprel in SPOKEN_SLOTS for c in kids[k.id]) for k in kids[clause.id])


SPOKEN_SLOTS = frozenset({"ccomp", "obj", "xcomp"})


def _participle_after_speaker(ctx: Context, sentence, cue, clause) -> bool:
    """'Y is enough, said Dotson, asserting, “…”' with 'asserting' hung on 'said' as its complement: a cue in -ing
    set off by a comma after an inverted cue and its speaker opens a second statement; what 'said' said is Y,
    before it."""
    words = sentence.words
    return clause.id > cue.id + 2 and cue.id >= 2 and words[cue.id - 2].text == "," and _ing_form(clause) \
        and ctx.is_cue(clause) and words[clause.id - 2].text == "," \
        and all(w.upos in ("PROPN", "NOUN", "DET", "ADJ", "PUNCT") for w in words[cue.id:clause.id - 2])


def _split_complement(ctx: Context, sentence, kids, word):
    if _speaks(ctx, word):
        split = _split_clause(sentence, kids, word)
        if split:
            yield split, word, "ccomp"


def _object(ctx: Context, sentence, kids, word):
    """'called for a recount', 'described him as …': a cue with no complement says its object."""
    if ctx.is_cue(word) and not any(c.deprel == "ccomp" for c in kids[word.id]):
        content = _object_content(sentence, kids, word)
        if content:
            yield content, word, "object"


def _surface(ctx: Context, sentence, kids, word):
    """The clause after 'said (that)' or before ', X said', read from word order."""
    if _speaks(ctx, word) and word.deprel != "parataxis" \
            and not any(c.deprel in ("ccomp", "parataxis") and not _participle_after_speaker(ctx, sentence, word, c)
                        for c in kids[word.id]):
        content = surface_content(sentence, word, kids)
        if content and content[-1].id < word.id:
            content = content + _continuation(ctx, sentence, kids, word)
        if content:
            yield content, word, "surface"


def _continuation(ctx: Context, sentence, kids, cue) -> list:
    """'Y, a spokeswoman said on Saturday, and Z': a clause joined to the cue by 'and'/'but' after it, with a
    subject of its own and no cue of its own, goes on with what was said (one statement in two pieces)."""
    for clause in kids[cue.id]:
        if clause.deprel != "conj" or clause.id < cue.id or ctx.is_cue(clause):
            continue
        joined = any(k.deprel == "cc" and k.text.lower() in ("and", "but") for k in kids[clause.id])
        if not joined or not any(k.deprel in ("nsubj", "nsubj:pass") for k in kids[clause.id]):
            continue
        words = subtree(sentence, clause, kids)
        first = min(w.id for w in words if w.upos != "PUNCT")
        if sentence.words[first - 2].text != ",":  # 'said on Saturday, and …', not 'between him and his …'
            return []
        if any(ctx.is_cue(w) or ctx.quote_of(w) is not None or w.id < cue.id for w in words):
            return []
        return words
    return []


def _interrupting(ctx: Context, sentence, kids, word):
    """'The plan, he said, will fail': the clause a cue interrupts, parsed as the cue's governor."""
    governor = head_of(sentence, word)
    if _speaks(ctx, word) and word.deprel == "parataxis" and governor is not None \
            and not _speech_of_its_own(ctx, kids, governor, word) and ctx.is_cue(word):
        cue_clause = {w.id for w in subtree(sentence, word, kids)}
        governor = _closing_governor(sentence, governor, cue_clause)
        yield [w for w in subtree(sentence, governor, kids) if w.id not in cue_clause], word, "parataxis"


def _closing_governor(sentence, governor, cue_clause: set[int]):
    """'Marlow’s has the right to refuse …, including anyone who ignores the “no hats” policy, Reyes said.'
    with 'said' hung on a noun deep inside: a cue clause that closes the sentence after a comma interrupts
    nothing; it reports the whole clause before it, so its governor is the sentence's root."""
    words = sentence.words
    first = min(i for i in cue_clause if words[i - 1].upos != "PUNCT")
    last = max(cue_clause)
    clause = [words[i - 1] for i in sorted(cue_clause) if words[i - 1].upos != "PUNCT"]
    if governor.upos in ("VERB", "AUX") or first < 2 or words[first - 2].text != "," \
            or any(w.upos != "PUNCT" for w in words[last:]) or len(clause) > 6 or clause[0].upos == "CCONJ" \
            or any(w.deprel in ("xcomp", "ccomp", "obj") for w in clause) or words[0].text in OPENING_QUOTE_TOKENS:
        return governor  # only a bare closing ', Wick said.' (a subject, the cue, a time word), after no quote
    top = governor
    while top.head:
        top = words[top.head - 1]
    return top if top.id not in cue_clause else governor


def _speech_of_its_own(ctx: Context, kids, governor, cue) -> bool:
    """Is the interrupted clause itself a report ('Smith told reporters, he said, …')? A cue that can also
    be a plain verb ('people continue to be diagnosed, he said', 'the defendants chanted …, he said') is
    one only with a complement of its own, or when the later cue says something itself ('called us “…”
    President Obama said small-town Americans …': two sentences the splitter joined)."""
    if not ctx.is_cue(governor):
        return False
    own = kids[cue.id]
    if cue.id < governor.id or not any(k.deprel in ("nsubj", "nsubj:pass") for k in own) \
            or any(w.upos != "PUNCT" for w in cue.sent.words[max(w.id for w in [cue] + own):]):
        return True  # only a closing ', he said.' with its own subject reads the plain verb's clause
    return governor.text.lower() in UNAMBIGUOUS_CUES \
        or any(k.deprel == "ccomp" for k in kids[governor.id]) \
        or any(k.deprel in ("ccomp", "xcomp", "obj") for k in kids[cue.id])


def _according(ctx: Context, sentence, kids, word):
    """The clause an 'according to X' phrase is said of."""
    source = according_to(sentence, word)
    if source is not None:
        phrase = {w.id for w in contiguous_around(subtree(sentence, source, kids), source)} | {word.id, word.id + 1}
        rest = [w for w in sentence.words if w.id not in phrase]
        yield _clause_around(rest, word.id), source, "according-to"


# reported-speech finders, most direct evidence first; each yields (content, cue, finder name) and the names
# are keys of quotes.extraction.rules.FINDERS
REPORTED_FINDERS = (_complements, _split_complement, _object, _surface, _interrupting, _according)


QUESTION_CUES = rule_words("question_cues")


def _that_clause(child, kids, cue) -> bool:
    """'told the paper that he voted' parsed as an adverbial clause: its 'that' makes it the complement, as
    'if' or 'whether' does after a question ('asked workers if they planned to attend')."""
    marks = {"that"} | ({"if", "whether"} if (cue.lemma or "").lower() in QUESTION_CUES else set())
    return child.deprel == "advcl" and any(
        k.deprel == "mark" and k.text.lower() in marks and k.id < child.id for k in kids[child.id])


def _that_clause_under(kids, phrase):
    """'boasted after the final that she was …', 'said in its report that it is hoping …': a clause opened by
    the conjunction 'that', with a subject of its own, hung on a cue's oblique after the cue."""
    for clause in kids[phrase.id]:
        if clause.deprel in ("ccomp", "acl", "acl:relcl", "advcl") and clause.id > phrase.id \
                and any(k.deprel == "mark" and k.text.lower() == "that" and k.upos == "SCONJ" for k in kids[clause.id]) \
                and any(k.deprel in ("nsubj", "nsubj:pass", "expl") for k in kids[clause.id]):
            return clause
    return None


# tags of a conjunct that can be a clause of its own ('… and the foundation had been careful')
_CLAUSE_VERBS = frozenset({"VERB", "AUX", "ADJ"})


def _split_clause(sentence, kids, cue) -> list:
    """'said the Clintons and the foundation had been careful' parsed as said → obj 'Clintons' + conj
    'careful': a 'say' with a nominal object and a later conjunct clause of its own (with a subject) said the
    whole stretch from the object to the end of that clause."""
    if (cue.lemma or "").lower() != "say" or any(c.deprel in ("ccomp", "parataxis") for c in kids[cue.id]):
        return []
    obj = next((c for c in kids[cue.id] if c.deprel == "obj" and c.id > cue.id and c.upos in ("NOUN", "PROPN")), None)
    if obj is None:
        return []
    clause = next((c for c in kids[cue.id] if c.deprel == "conj" and c.id > obj.id and c.upos in _CLAUSE_VERBS
                   and any(k.deprel.startswith("nsubj") for k in kids[c.id])), None)
    if clause is None:
        return []
    first = min(w.id for w in subtree(sentence, obj, kids))
    last = max(w.id for w in subtree(sentence, clause, kids))
    return [w for w in sentence.words if first <= w.id <= last and not (w.id == last and w.upos == "PUNCT")]


# dependents of a cue that may stand between it and its complement without being part of what was said
BETWEEN_CUE_AND_CONTENT = frozenset({"obl", "obl:tmod", "obl:npmod", "advmod", "nmod:tmod", "iobj", "compound:prt",
                                     "punct", "aux", "discourse"})


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
REPORTING_HINTS = rule_words("reporting_hints")
# dependents of a cue that end the statement when they follow it: "…, adding that", "…, said Mr X"
ENDS_CONTENT = frozenset({"advcl", "conj", "parataxis", "cc", "obl", "obj", "iobj", "nsubj", "nsubj:pass"})


def _tail(sentence, kids, cue, content: list) -> list:
    """Words after a complement that the parse hung elsewhere but that still belong to the clause (news
    complements run to the sentence end): taken up to the next dependent of the cue itself, a new
    reporting verb, a dash aside or a ', which' clause, whichever comes first."""
    last = max(w.id for w in content)
    stops = {c.id for c in kids[cue.id]
             if c.id > last and _ends_content(c, kids) and not _carried_conjunct(sentence, kids, c, last)}
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


def _carried_conjunct(sentence, kids, conjunct, last: int) -> bool:
    """A clause the parse joined to the cue that goes on with what was said: right after it, joined by a bare
    'and'/'but' (no comma or closing mark before), no cue of its own, and with its own subject or an auxiliary ('claims that his
    car was towed and he was made to pay', 'says the repair is costly and will need a vote');
    not a plain verb after the cue's own subject ('said it was over and left')."""
    if conjunct.deprel != "conj" or conjunct.upos not in ("VERB", "AUX") or conjunct.text.lower() in _hint_forms():
        return False
    first = min(w.id for w in subtree(sentence, conjunct, kids))
    joiner, before = sentence.words[first - 1], sentence.words[last - 1]
    if first != last + 1 or joiner.deprel != "cc" or joiner.text.lower() not in ("and", "but") \
            or before.upos == "PUNCT":
        return False  # '… was “corrupt,” and he left': after a comma, the writer's narration
    return any(k.deprel in ("nsubj", "nsubj:pass", "aux") for k in kids[conjunct.id])


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


# verbs of saying whose complement a bad parse loses most often; the surface reading is kept to these
SURFACE_CUES = rule_words("surface_cues")
SURFACE_ENDS = frozenset({";", "—", "–", "--", ":"})
OPENING_QUOTE_TOKENS = frozenset({"“", "‘", '"', "'", "``", "`", "«"})


def surface_content(sentence, cue, kids=None) -> list:
    """'X said (that) Y.' / 'Y, X said.' read from word order when the parse found no complement: what
    follows the cue (past an addressee or time words, up to 'that') or what precedes its comma. Not before
    the comma of a cue whose subject opens that clause ('Hemsley, the co-author of …, said …')."""
    lemma = (cue.lemma or "").lower()
    if lemma not in SURFACE_CUES and cue.text.lower() not in {"said", "says", "told", "tells"}:
        return []
    words = sentence.words
    after = words[cue.id:]
    start = None if _inverted_name(words, cue) else _forward_start(after, lemma)
    if start is not None:
        forward = _until_end(after[start:])
        if forward or not _only_time_words(after[start:]):
            return forward
    clause = _before_comma(words[:cue.id - 1], set_off=not named_after(words, cue), participle=_ing_form(cue))
    if clause and _subject_set_off(words, clause, kids, cue):
        return []
    return clause


def _inverted_name(words: list, cue) -> bool:
    """'Y, said Ana Ruiz, asserting …': a comma, the cue, then only a name up to the next comma or the end; what
    follows the name is not what was said."""
    name = []
    for word in words[cue.id:]:
        if word.upos != "PROPN":
            break
        name.append(word)
    follows = words[cue.id + len(name)].text if cue.id + len(name) < len(words) else "."
    return cue.id >= 2 and words[cue.id - 2].text == "," and 1 <= len(name) <= 4 and follows in (",", ".")


def _only_time_words(words: list) -> bool:
    """'… , Secretary Blinken said Thursday.': nothing after the cue but time words and punctuation, so what was
    said stands before it."""
    return all(w.upos == "PUNCT" or time_word(w) for w in words)


def _ing_form(word) -> bool:
    """'writing', 'saying': a present participle or gerund, by its tag or its features."""
    feats = word.feats or ""
    return word.xpos == "VBG" or "VerbForm=Ger" in feats or ("VerbForm=Part" in feats and "Tense=Pres" in feats)


def _subject_set_off(words: list, clause: list, kids, cue) -> bool:
    """Does the clause open with the cue's own subject and a comma ('Hemsley, the co-author of …, said')?
    A subject the parse took from inside what was said ('Debates … are not likely …, noted Chinni') does not
    count."""
    for subject in (kids or {}).get(cue.id, ()):
        if subject.deprel in ("nsubj", "nsubj:pass") and subject.id - clause[0].id < 4 \
                and subject.id < len(words) and words[subject.id].text == ",":
            return True
    return False


def _forward_start(after: list, lemma: str):
    if not after:
        return None
    for i, word in enumerate(after[:8]):
        if word.text.lower() == "that":
            return i
        if word.upos == "PUNCT" or word.text.lower() in ("and", "but"):
            return None
    first = after[0]
    if lemma != "tell" and (first.upos in ("PRON", "DET", "PROPN", "NUM") or first.text[:1].isupper()):
        return 0
    return None


def _until_end(words: list) -> list:
    kept = []
    for i, word in enumerate(words):
        lower = word.text.lower()
        if word.text in SURFACE_ENDS or (lower == "which" and kept and kept[-1].text == ","):
            break
        if lower == "according" and kept and kept[-1].text == ",":
            break
        kept.append(word)
    return kept if len([w for w in kept if w.upos != "PUNCT"]) >= 3 else []


def _before_comma(words: list, set_off: bool = True, participle: bool = False) -> list:
    """'Y, X said' / 'Y, said X': the clause before the comma that precedes the cue and its subject; with
    `set_off` (no speaker after the cue), 'Y, a spokeswoman, Ana Ruiz, said': the clause before the speaker
    set off by commas."""
    opening = set_off_opening(words[:-1]) if set_off and words and words[-1].text == "," else None
    if opening is not None:
        words = words[:opening + 1]
    for i in range(len(words) - 1, max(-1, len(words) - 6 - _title_name_run(words)), -1):
        if words[i].text == ",":
            clause = words[:i]
            for j in range(len(clause) - 1, -1, -1):
                if clause[j].text in SURFACE_ENDS:
                    clause = clause[j + 1:]
                    break
            if any(w.text.lower() in UNAMBIGUOUS_CUES for w in clause):
                return []  # '“A,” Trump said, adding …': that clause is the other cue's
            if _quote_then_words(clause, participle):
                return []  # '“A,” the minister, Ana Ruiz, said': a quote and its speaker, not a clause
            return clause if len([w for w in clause if w.upos != "PUNCT"]) >= 3 else []
        if words[i].upos in ("VERB", "AUX"):
            return []
    return []


def _title_name_run(words: list) -> int:
    """How many more words the comma may stand back when a title and name of more than four words end `words`
    ('…, Secretary of State Antony Blinken said'): the words of that run beyond four, at most four."""
    return min(max(proper_run_before(words, len(words)) - 4, 0), 4)


def _quote_then_words(clause: list, participle: bool = False) -> bool:
    """A clause that opens with a quote and has words after its closing mark: what stands before the cue is a
    quote and its speaker ('“A,” the minister, Ana Ruiz, said'). A quoted word inside the clause ('The term
    “colors” refers to …, Wicks said') is part of what was said — except before a participle ('Carson shared
    a syllabus called “Perception”, writing …': narration, whose quote has a cue of its own)."""
    if not clause or (clause[0].text not in OPENING_QUOTE_TOKENS and not participle):
        return False
    marks = [i for i, w in enumerate(clause) if w.text in ("”", "’", "''", '"', "'") and i > 0]
    return any(w.upos != "PUNCT" for i in marks[-1:] for w in clause[i + 1:])


# cues whose prepositional object is what they say ('called for a recount'); any other cue: 'about'
PREPOSITION_CONTENT = content_prepositions()


def _object_content(sentence, kids, cue) -> list:
    """'touted the projects he has helped bring', 'described him as a visionary': what a reporting verb
    says can be its object (with an 'as …' or predicate after it). Not for addressees ('told reporters')."""
    deps = [c for c in kids[cue.id] if c.id > cue.id]
    # 'pointed to Reyes's fundraising skills', 'called for stricter parking rules', 'asked about her remarks'
    lemma = (cue.lemma or "").lower()
    prepositions = PREPOSITION_CONTENT.get(lemma, ("about",))
    target = next((c for c in deps if c.deprel == "obl" and any(
        k.deprel == "case" and k.text.lower() in prepositions for k in kids[c.id])), None)
    if target is not None and (lemma in PREPOSITION_CONTENT or not any(c.deprel == "obj" for c in deps)):
        words = [w for w in subtree(sentence, target, kids) if w.head != target.id or w.deprel != "case"]
        return words if len(words) >= 2 else []
    if lemma == "point":
        return []
    if lemma not in object_verbs():
        return []
    obj = next((c for c in deps if c.deprel == "obj"), None)
    if obj is None or obj.upos == "PRON" and not kids[obj.id]:
        return [] if obj is None or not any(c.deprel in ("xcomp", "obl", "advcl") for c in deps) else _as_phrase(
            sentence, kids, obj, deps)
    return _as_phrase(sentence, kids, obj, deps)


def _marked(word, kids, markers: tuple) -> bool:
    return any(k.deprel in ("case", "mark") and k.text.lower() in markers for k in kids[word.id])


def _as_phrase(sentence, kids, obj, deps) -> list:
    words = subtree(sentence, obj, kids)
    for c in deps:  # 'described him as …', 'accused him of …', 'praised her for …'
        if c.id > obj.id and (c.deprel == "xcomp" or c.deprel in ("obl", "advcl") and _marked(c, kids, ("as", "of", "for"))):
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


RELATIVES = rule_words("relative_words")


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


def _speaker_after_cue(content: list, cue, kids=None) -> bool:
    """'…,” said Eddie Griffin, who at the time …': a name right after the cue, set off by a comma, is the
    speaker in inverted order, however the parser attached it; not after a cue whose subject stands before it
    ('The State Department said John Kerry, the Secretary of State, contacted …')."""
    words = sorted(content, key=lambda w: w.id)
    if not words or words[0].id != cue.id + 1 or words[0].upos != "PROPN":
        return False
    before = cue.sent.words[cue.id - 2] if cue.id > 1 else None
    if kids is not None and (cue.lemma or "").lower() in ("say", "tell") and before is not None \
            and before.text != "," and any(k.deprel in ("nsubj", "nsubj:pass") and k.id < cue.id
                                           and k.upos in ("PROPN", "NOUN") for k in kids[cue.id]):
        return False  # not '…, said Ruiz, adding …', 'A court found Okafor, who …, not liable'
    for word in words:
        if word.text == ",":
            return True
        if word.upos not in ("PROPN", "DET", "ADJ", "NOUN", "PUNCT"):
            return False
    return False


def _reported(ctx: Context, index: int, content: list, cue, rule: str) -> Optional[Attribution]:
    opening = rule == "according-to" and bool(content) and cue.id < min(w.id for w in content)
    content = _before_sibling_cue(ctx, index, cue, _cut_after_quote(
        ctx, _without_trailing_aside(ctx, content, cue, relatives_said=opening)))
    if rule != "according-to" and _speaker_after_cue(content, cue, ctx.kids[index]):
        return None
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
    if rule == "according-to":  # the source is the mention; the label says so without a speaker rule
        mention, cue_span, hit = mention_at(ctx, index, cue), according_span(ctx, index, cue), None
    else:
        hit = speaker_of_cue(ctx, index, cue)
        mention = mention_at(ctx, index, hit.word) if hit is not None else None
        cue_span = word_span(cue)
    kind = "mixed" if inner else "indirect"
    return Attribution(pieces, kind, cue_span, mention, rule, hit, inner)


def _without_trailing_aside(ctx: Context, content: list, cue=None, *, relatives_said: bool = False) -> list:
    """What was said stops before an aside the writer adds after a comma: a non-restrictive relative
    clause (', which was …', ', who …') or a new cue in -ing (', noting that …', ', adding …'). Not a
    ', which' clause in what was said before its cue ('Y lose the chromosome, which is not essential …,
    Hayashi explained'): the writer's asides follow the attribution (', who' there is the speaker's own);
    nor any relative clause with `relatives_said` ('According to Ruiz, the pier was rebuilt, which cost …':
    the source the sentence opens with stands for all of it)."""
    words = sorted(content, key=lambda w: w.id)
    before_cue = cue is not None and bool(words) and words[-1].id < cue.id
    for i in range(1, len(words)):
        if "\n" in ctx.text[word_span(words[i - 1])[1]:word_span(words[i])[0]]:
            words = words[:i]  # a missed sentence split: what was said never runs into the next paragraph
            break
    for i in range(3, len(words) - 1):
        comma, after = words[i], words[i + 1]
        inside = _closes_on_comma(ctx, words, i)  # '“… by Northgate,” referring to …'
        if after.id != comma.id + 1 or ctx.quote_of(comma) is not None and not inside:
            continue
        kept = words[:i + 1] if inside else words[:i]  # the closing mark stays with its quote
        lower = after.text.lower()
        if (comma.text == "," or inside) and ((lower in ("which", "who", "whom", "whose")
                                               and not (before_cue and lower == "which")
                                               and not relatives_said
                                               and not _embedded_relative(words, after))
                                              or (lower.endswith("ing") and ctx.is_cue(after))):
            return kept
        if _after_quote(ctx, words, i) and _writers_aside(comma, after, inside):
            return kept
    return words


def _embedded_relative(words: list, relative) -> bool:
    """', which …' set inside what was said, which goes on after it with words outside the relative clause
    ('the program, which is part of the foundation, coincided with …'): no aside of the writer's."""
    clause = head_of(relative.sent, relative)
    if clause is None or clause.deprel not in ("acl:relcl", "acl"):
        return False
    inside = {w.id for w in subtree(relative.sent, clause)}
    last = max(inside)
    return any(w.id > last and w.id not in inside and w.upos != "PUNCT" for w in words)


def _closes_on_comma(ctx: Context, words: list, i: int) -> bool:
    """words[i] is the closing mark of a quote that ends on a comma ('“… by Northgate,” referring to …'): the
    comma the writer's aside follows stands inside the marks."""
    return words[i].upos == "PUNCT" and ctx.text[word_span(words[i])[0]] in CLOSING_MARKS \
        and words[i - 1].text == "," and words[i - 1].id == words[i].id - 1


# words that join a second cue to the first one's statement as its sibling ('said …, but added …',
# '…, while Reyes said …', '…, although she posted that …')
_SIBLING_JOINS = rule_words("sibling_cue_joins")
# a modal or 'to' before a verb makes it part of what is said ('would sit Putin down and tell him “…”')
_MODALS = rule_words("modal_auxiliaries")


def _before_sibling_cue(ctx: Context, index: int, cue, content: list) -> list:
    """A statement ends where a second cue of its own begins: 'said it was too early but added, “…”' and
    'said that X, while Cruz said that “…”' are two statements, which a parse that hung the second cue inside
    the first one's clause would glue into one. The second cue must say something itself (a complement or
    a quote right after it) and be joined by a conjunction, so a cue the first statement reports ('said voters
    who say X are wrong') stays inside it."""
    words = sorted(content, key=lambda w: w.id)
    sentence, kids = ctx.sentences[index], ctx.kids[index]
    for i, word in enumerate(words):
        if i < 3 or word.upos != "VERB" or ctx.quote_of(word) is not None or not ctx.is_cue(word) \
                or word.deprel not in ("conj", "advcl", "parataxis", "ccomp"):
            continue
        if _governed(sentence, kids, word) or not _says_its_own(ctx, kids, word) \
                or any(k.deprel == "mark" and k.text.lower() == "that" for k in kids[word.id]):
            continue  # 'would sit Putin down and tell him “…”', 'said X and that he can understand …': one statement
        clause = [k for k in kids[word.id] if k.id < word.id and k.deprel != "punct"]
        joins = [k for k in clause if k.deprel in ("cc", "mark") and k.text.lower() in _SIBLING_JOINS]
        if not joins:
            continue
        first = min(w.id for k in clause for w in subtree(sentence, k, kids))
        kept = [w for w in words if w.id < first]
        while kept and kept[-1].upos == "PUNCT" and ctx.quote_of(kept[-1]) is None:
            kept.pop()
        if not kept:
            return []  # 'said X, while Y said that …' parsed as a second complement: all of it is Y's statement
        if len([w for w in kept if w.upos != "PUNCT"]) >= 3 and any(w.upos in ("VERB", "AUX") for w in kept):
            return kept
    return words


def _governed(sentence, kids, word) -> bool:
    """An infinitive under a modal or 'to', its own or its conjunct's: a verb of what is said, not a cue."""
    if "VerbForm=Inf" not in (word.feats or ""):
        return False
    heads = [word] + ([head_of(sentence, word)] if word.deprel == "conj" and word.head else [])
    return any(k.deprel in ("aux", "mark") and k.text.lower() in _MODALS for h in heads for k in kids[h.id])


def _says_its_own(ctx: Context, kids, word) -> bool:
    """A cue with a complement clause of its own, or a quote opening right after it ('added, “…”')."""
    if any(k.deprel == "ccomp" or _that_clause(k, kids, word) for k in kids[word.id]):
        return True
    end = word_span(word)[1]
    return re.match(r"\s*(?:that\s+|[,:]\s*)?[“\"'‘]", ctx.text[end:end + 12]) is not None


# what the writer adds after a quoted phrase ends: '…“rigged” against him, a charge that …', '… “fair” to him,
# engaging in …', '“about right,” though …', '“the next Tomas Reyes” – the mayor who …'
_ASIDE_OPENERS = frozenset({"a", "an", "though", "although", "while", "whereas"})


def _after_quote(ctx: Context, words: list, i: int) -> bool:
    """Does a quoted phrase of the content end shortly (within six words) before words[i]?"""
    return any(ctx.quote_of(w) is not None for w in words[max(0, i - 6):i])


def _writers_aside(mark, after, comma_inside: bool = False) -> bool:
    lower = after.text.lower()
    if mark.text in ("—", "–", "--"):
        return True
    after_comma = mark.text == "," or comma_inside
    return after_comma and (lower in _ASIDE_OPENERS or (after.upos == "VERB" and lower.endswith("ing")))


NOMINAL_START = frozenset({"PROPN", "NOUN", "DET", "ADJ", "NUM"})  # '“…,” the mayor …', '“…,” delegate X …'


def _cut_after_quote(ctx: Context, content: list) -> list:
    """What was said ends with a quote that ends a sentence inside its marks when the words after the
    closing mark start a new sentence or a phrase of the writer's ('yelled “You lie!” at the president',
    'said Trump is “unelectable now.” Sen. Cruz …' with the sentence split missed), or with a quote closed on a
    comma and followed by a name ('“…,” Texas delegate Ben Ward, wearing a hat, said'): that is its speaker."""
    words = sorted(content, key=lambda w: w.id)
    for i, word in enumerate(words[:-1]):
        quote = ctx.quote_of(word)
        if quote is None or ctx.quote_of(words[i + 1]) is quote:
            continue
        rest = [w for w in words[i + 1:] if ctx.quote_of(w) is None and w.upos != "PUNCT"]
        if not rest:
            return words
        inside = ctx.text[quote.start:quote.end]
        ended = re.search(r"[.!?]\W*$", inside) and (rest[0].text[:1].isupper() or rest[0].upos == "ADP")
        handed_on = inside.rstrip().endswith(",") and (rest[0].text[:1].isupper() or rest[0].upos in NOMINAL_START)
        if ended or handed_on:
            marks = [w for w in words[i + 1:] if w.upos == "PUNCT" and word_span(w)[1] <= word_span(rest[0])[0]
                     and ctx.text[word_span(w)[0]] in "”\"'’»"]
            return words[:i + 1] + marks[:1]
    return words


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
        run = strip_punct(run)
        if run:
            spans.append(ctx.span(run))
    return _close_quote_edges(ctx.text, ctx.quotes, spans)


def _close_quote_edges(text: str, quotes: list[QuoteSpan], spans: list[Span]) -> list[Span]:
    """Punctuation trimming can cut a closing mark off a mixed quote ('was “corrupt,”', 'was "corrupt,"');
    keep the mark, and the comma or period inside it, with its quote."""
    fixed = []
    for start, end in spans:
        for quote in quotes:
            if start < quote.start <= end <= quote.end <= end + 2 and text[quote.end:quote.end + 1] in CLOSING_MARKS:
                end = quote.end + 1
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
