"""From a mention to a speaker inside one article: pronouns to the right earlier named mention, surnames and
"Mr X" to the full name given earlier, roles split from names, and persons told from organisations and groups."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from quotes.extraction import rules
from quotes.extraction.marks import quote_spans
from quotes.extraction.entities import entities, entity_holding, kinds_written, sentence_entities
from quotes.extraction.lexicon import (
    census_first_names, common_words, date_words, document_nouns, first_name_genders, first_names, gendered_nouns, group_nouns, honorific_genders,
    honorifics, org_words, organization_nouns, outlet_words, pronouns, proper_group_nouns, role_words, rule_words,
    title_forms,
)
from quotes.extraction.names import (
    PREFIXED, UPPER, compatible, fold, honorific_gender, is_particle, is_short_form, is_suffix, parts,
)
from quotes.extraction.rules import Rule
from quotes.extraction.tokens import cut_mid_line, word_span

NAME_TOKEN = re.compile(r"[" + UPPER + r"][\w’'.-]*")
# capitalised words that start sentences or phrases and are never first names
NOT_NAMES = rule_words("not_first_names")
# words that make a plural name a group of people ("many Democrats", "some Latinos"), never one person
GROUP_QUANTIFIERS = rule_words("group_quantifiers")
# words that make a title another office ('Vice President', 'Deputy Director')
TITLE_MODIFIERS = rule_words("title_modifiers")
# organisations' initials in org_words.txt, which make an organisation only written in capitals
ORG_ACRONYMS = rule_words("org_acronyms")
# party words read as titles in a role ('a registered Republican') but never the office before a name
PARTY_WORDS = rule_words("party_words")
# a person described by age alone ('the 56-year-old', 'The 23-year-old'): the person the text is about
AGE_DESCRIPTION = re.compile(r"(?:the|this)\s+(?:\d+|[a-z]+(?:-[a-z]+)?)\s*-\s*year\s*-\s*old", re.IGNORECASE)
# nouns that stand for the company whose statement came just before ('the company said')
COMPANY_NOUNS = rule_words("company_nouns")


# the space between two words of one name: never a line break (a name never runs from a heading, a caption or
# an 'ADVERTISEMENT' line into the paragraph after it)
GAP = r"[^\S\n]+"
FULL_NAME = re.compile(r"\b[" + UPPER + r"][\w’'-]+(?:" + GAP + r"[" + UPPER + r"][\w’'.-]+){1,3}\b")
# 'Mr Dujarric', 'Ms. Tanaka': an honorific and the surname after it
# where a sentence ends in raw text: a full stop after a word of two letters or more that is no honorific
SENTENCE_END = re.compile(r"(?<![A-Z][a-z])(?<!\b[A-Z])[.!?][”’\"']?\s+(?=[" + UPPER + r"“‘\"'])")
# an organisation's initials as written: 'KCNA', 'WHO', 'U.N.', 'V-DEM'
INITIALISM = re.compile(r"(?:[A-Z]\.?[-&]?){2,8}")
HONORIFIC_SURNAME = re.compile(r"\b([A-Z][a-z]{1,3}\.?)\s+([" + UPPER + r"][\w’'-]+)")


def _not_first_name(token: str) -> bool:
    lower = token.lower()
    return lower in NOT_NAMES or _title_token(lower) or lower in honorifics() or lower in org_words() \
        or _time_word(token)


def _time_word(token: str) -> bool:
    """'Yesterday', 'Friday', not a month that is also a given name ('April', 'June')."""
    return token.lower() in date_words() and not _given_name(token)


def _title_token(lower: str) -> bool:
    """A title as one word or hyphened from title words ('secretary-general', 'attorney-general')."""
    lower = lower.rstrip(".")
    return lower in role_words() or ("-" in lower and all(part in role_words() for part in lower.split("-")))


def _after_sentence_end(tokens: list[str]) -> list[str]:
    """Tokens after the last one that ends a sentence ("Fund." but not an initial like "B.")."""
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i].endswith(".") and len(tokens[i].rstrip(".")) > 1 and tokens[i].lower() not in honorifics():
            return tokens[i + 1:]
    return tokens


@dataclass
class Speaker:
    name: Optional[str]
    kind: str  # person | organization | group | unknown
    role: Optional[str] = None
    rule: str = ""  # how the name was resolved: "pronoun", "surname", ""
    gender: Optional[str] = None  # "m" | "f" once a he/she has pointed at this speaker
    # named only by common nouns ('officials', 'the team', 'his office'): a pronoun may point back at it
    # within the article, but the output names nobody (quotes.extraction.extract._record)
    common: bool = False


def _name_like(word) -> bool:
    lower = word.text.lower()
    if PREFIXED.match(word.text):
        return True  # al-Assad, d’Estaing
    if word.upos in ("AUX", "VERB") and word.text[:1].isupper() and word.id > 1:
        # 'Saeed' of 'Ahmed bin Saeed Al Maktoum' read as a verb; not 'Asking' of a headline 'Hillary Asking …'
        return lower not in common_words() and _tagged_person(word)
    if word.upos in ("DET", "PRON", "ADP", "CCONJ", "SCONJ", "NUM", "PUNCT") or lower in NOT_NAMES:
        return False
    if lower in honorifics() or lower in role_words() or lower in date_words() or not word.text[:1].isupper():
        return False
    return word.upos in ("PROPN", "X", "NOUN", "ADJ") or bool(NAME_TOKEN.fullmatch(word.text))


def _name_word(words: list, i: int) -> bool:
    """A name word, or a capitalised noun that is a surname though it is also a month, a common word or a
    title: right after an honorific ('Mrs May', 'Mr. King') or after a known first name, ending the name
    ('Charlie King', 'Matthew Prince')."""
    word = words[i]
    if _name_like(word):
        return True
    if i == 0 or not word.text[:1].isupper() or word.upos not in ("PROPN", "NOUN"):
        return False
    before = words[i - 1]
    last = i + 1 == len(words) or not _name_like(words[i + 1])  # 'Texas Senator Ted Cruz': a title before a name
    return before.text.lower() in honorifics() or (fold(before.text) in first_names() and _name_like(before) and last)


def _tagged_person(word) -> bool:
    """The NER reads the word as part of a person's name."""
    found = sentence_entities(word.sent)
    return bool(found) and getattr(entity_holding(found, word), "kind", None) == "person"


def _joins(words: list, i: int) -> bool:
    """A word inside a name that is not a plain name word: a particle ('von der', 'bin'), a hyphen written
    without spaces between two parts ('Kassym-Jomart', 'Armitage-Smith'), or a title word used as a surname
    before a generational suffix ('Martin Luther King III')."""
    word = words[i]
    if 0 < i < len(words) - 1 and word.text[:1].isupper() and is_suffix(words[i + 1].text) \
            and _name_like(words[i - 1]):
        return True
    if is_particle(word.text) and word.upos not in ("VERB", "AUX", "CCONJ", "PRON"):
        return True
    if word.text[-1:] in ("-", "‐") and (is_particle(word.text[:-1].lower()) and 0 < i or word.text[0].isupper()) \
            and i < len(words) - 1 and _touch(word, words[i + 1]):
        return True  # 'al-' of 'Suleiman al-Amr', 'V-' of 'V-DEM', split off by the tokenizer
    if word.text in ("-", "‐") and 0 < i < len(words) - 1:
        before, after = words[i - 1], words[i + 1]
        return _touch(before, word) and _touch(word, after)
    return _glued_part(words, i)


def _glued_part(words: list, i: int) -> bool:
    """A proper noun written in lower case after a hyphen glued to a name word: 'hye' of 'Park Geun-hye'."""
    word = words[i]
    return i >= 2 and word.upos == "PROPN" and words[i - 1].text in ("-", "‐") and _name_like(words[i - 2]) \
        and _touch(words[i - 2], words[i - 1]) and _touch(words[i - 1], word)


def _touch(left, right) -> bool:
    from quotes.extraction.tokens import word_span

    return word_span(left)[1] == word_span(right)[0]


def _name_runs(words: list) -> list[tuple[int, int]]:
    """Runs of name words, particles and glued hyphens inside them; a run may open with particles
    ('von der Leyen') but never ends on one."""
    runs, start = [], None
    for i, word in enumerate(words + [None]):
        if word is not None and (_name_word(words, i) or _joins(words, i)):
            start = i if start is None else start
        elif start is not None:
            runs.append((start, i))
            start = None
    trimmed = []
    for start, end in runs:
        while end > start and not (_name_word(words, end - 1) or _glued_part(words, end - 1)):
            end -= 1
        while start < end and words[start].text in ("-", "‐"):
            start += 1
        if end > start:
            trimmed.append((start, end))
    return trimmed


def _best_run(words: list, runs: list[tuple[int, int]]) -> Optional[tuple[int, int]]:
    """The run most likely to be the person's name: one opening with a known first name, else the one the NER
    reads a person in ('Palm Beach County Supervisor of Elections Susan Bucher'), else the longest (two
    words or more), else the last."""
    if not runs:
        return None
    # the census lists hold places and particles too ('Florida', 'Al'): one of their names opens a name only
    # with a surname after it, and only where no run opens with a first name seen in GUM
    # a GUM first name alone is as often a place or a surname ('Texas', 'Washington', 'Trump' open persons in
    # GUM), so two words or more from a census first name come before it; not from a particle ('Al Maktoum')
    gum = [r for r in runs if fold(words[r[0]].text) in first_names()]
    named = [r for r in gum if r[1] - r[0] >= 2] \
        or [r for r in runs if _given_name(words[r[0]].text) and r[1] - r[0] >= 2
            and not is_particle(words[r[0]].text.lower())] \
        or gum or [r for r in runs if _given_name(words[r[0]].text) and r[1] - r[0] >= 2]
    if named:
        return named[-1]
    found = sentence_entities(words[0].sent)
    people = [r for r in runs if found and not _modifies(words, r[1])
              and any(getattr(entity_holding(found, w), "kind", None) == "person" for w in words[r[0]:r[1]])]
    if len(people) == 1:
        return people[0]
    longest = max(runs, key=lambda r: (r[1] - r[0], r[0]))
    return longest if longest[1] - longest[0] >= 2 else runs[-1]


def _modifies(words: list, end: int) -> bool:
    """A run followed by a possessive or a title ('Sanders's hometown …', 'Gowdy spokesman Jamal Ware')
    describes the speaker rather than naming them."""
    after = words[end].text.lower() if end < len(words) else ""
    return after in ("'s", "’s", "'", "’") or after in role_words()


def split_role(words: list) -> tuple[list, list, bool]:
    """(role words, name words, had honorific) of a proper-noun mention: the name is a run of capitalised
    words that are not titles ("UN spokesman Stephane Dujarric"); what comes before it is the role."""
    words = _without_nicknames(words)
    run = _best_run(words, _name_runs(words))
    if run is None:
        return _role_only(words), [], False
    cut = _opening_words(words, run)
    opener = run[0] if _opens_sentence(words[run[0]]) else run[0] + cut  # an opener is no part of the role
    run = (run[0] + cut, run[1])
    name = words[run[0]:run[1]]
    while name and (name[-1].text in ("'s", "’s", "'", "’") or name[-1].upos == "PART"):
        name = name[:-1]
    after = words[run[1]:run[1] + 2]
    if len(after) == 2 and after[0].text == "," and is_suffix(after[1].text):
        name = name + after  # 'Martin Luther King, Jr.
    before = words[:run[0]]
    honorific = bool(before) and before[-1].text.lower() in honorifics()
    return _role_only(words[:opener]), name, honorific


def _opening_words(words: list, run: tuple[int, int]) -> int:
    """How many words at the start of a name run are no part of the person's name that the NER finds after
    them: a sentence's opening common word ('Still Sanders', 'Meanwhile Trump', 'Although Trump') or
    words of another entity ('Elections' of 'Supervisor of Elections Susan Bucher'). Known first names,
    particles and hyphen-joined parts stay whatever the NER says ('Kassym-Jomart', 'von der Leyen',
    'Martin Luther King III' are names the NER may cut)."""
    start, end = run
    found = sentence_entities(words[start].sent)
    if not found:
        return 0
    kinds = [getattr(entity_holding(found, word), "kind", None) for word in words[start:end]]
    if "person" not in kinds:
        return 0
    cut = kinds.index("person")
    opener = _opens_sentence(words[start]) and _common(words[start])
    for i in range(start, start + cut):
        word = words[i]
        if not (opener or kinds[i - start]) or fold(word.text) in first_names() \
                or is_particle(word.text) or _joins(words, i) or _joins(words, i + 1):
            return 0
    return cut


def _given_name(token: str) -> bool:
    """A first name of GUM's people or of the 1990 US Census lists."""
    return fold(token) in first_names() or fold(token) in census_first_names()


def _common(word) -> bool:
    """A common English word, or one the article itself writes in lower case ('meanwhile'): no name
    ('Carly' of 'Carly Fiorina' is one the NER may leave out)."""
    lower = word.text.lower()
    text = getattr(word.sent.doc, "text", None) or ""
    return lower in common_words() or re.search(r"(?<!\w)" + re.escape(lower) + r"(?!\w)", text) is not None


def _no_given_name(token: str) -> bool:
    """A word as written in the text that cannot open a person's name: a common word, an honorific or title,
    a possessive, or a word with a closing quotation mark glued on ("America.''", "Corps’")."""
    core = token.rstrip("'’\"”")
    lower = core.lower()
    return core != token or lower.endswith(("’s", "'s")) or lower.rstrip(".") in common_words() \
        or lower in honorifics() or _title_token(lower)


def _possessor(token: str) -> bool:
    return token.endswith(("'s", "’s", "'", "’"))


def _opens_sentence(word) -> bool:
    """Only punctuation (a quote mark, a dash) stands before the word in its sentence."""
    return all(before.upos == "PUNCT" for before in word.sent.words[:word.id - 1])


def _role_only(words: list) -> list:
    role = [w for w in words if w.text.lower() not in honorifics()]
    while role and (role[0].upos in ("DET", "ADP", "CCONJ") or role[0].text in ",("):
        role = role[1:]
    while role and (role[-1].upos in ("ADP", "CCONJ", "PUNCT")):
        role = role[:-1]
    return role


def _without_nicknames(words: list) -> list:
    """Drop a quoted nickname and the marks around it from a name."""
    kept, quoted = [], False
    for word in words:
        if word.text in ("“", "”", '"', "‘", "’"):
            quoted = word.text in ("“", "‘") or (word.text == '"' and not quoted)
            continue
        if not quoted:
            kept.append(word)
    return kept


def person_name(words: list) -> str:
    """A person's name as written: words the text joins without a space stay joined ('Kassym-Jomart'),
    other words are one space apart (a nickname between them is gone)."""
    from quotes.extraction.tokens import word_span

    name, previous_end = "", None
    for word in words:
        start, end = word_span(word)
        if start == previous_end:
            name += word.text
        elif start is not None and previous_end is not None and start < previous_end:
            continue  # a multi-word token's second part: its text is already in
        else:
            name += (" " if name else "") + word.text
        previous_end = end
    return name


def _text(words: list, text: str) -> Optional[str]:
    from quotes.extraction.tokens import words_span

    span = words_span(words)
    return text[span[0]:span[1]] if span else None


def _is_org(words: list) -> bool:
    for word in words:
        lower = word.text.lower().strip("’'")
        if is_suffix(word.text):
            continue  # 'Martin Luther King III'
        if lower in ORG_ACRONYMS and not word.text.isupper():
            continue  # 'UN', 'EU', 'CNN' only in capitals: not the 'Un' of 'Kim Jong Un'
        if lower in org_words() or (len(word.text) >= 2 and word.text.isupper() and word.text.isalpha()):
            return True
    return False


def describe(mention, text: str) -> Speaker:
    """What a mention says about its speaker on its own, before looking at the rest of the article: the first
    rule of DESCRIBE_RULES (of those switched on) that reads it."""
    return describe_rule(mention, text)[1]


def describe_rule(mention, text: str) -> tuple[Rule, Speaker]:
    for rule in rules.switched_on(DESCRIBE_RULES):
        speaker = rule.find(mention, text)
        if speaker is not None:
            return rule, speaker
    return DESCRIBE_RULES[-1], _nominal(mention.words, mention, text)


def _lower(mention) -> str:
    return mention.head.text.lower()


def _plural(mention) -> bool:
    head = mention.head
    return "Number=Plur" in (head.feats or "") or head.text.lower() in group_nouns()


def _acronym(word) -> bool:
    """'WHO', 'IT' written in capitals: an organisation's initials, whatever the tagger made of it."""
    return len(word.text) >= 2 and word.text.isupper() and word.text.isalpha()


def _misspelt(written: str, surname: str) -> bool:
    """Is `written` another spelling of `surname`: not the same, the same first letter, and one edit apart
    (a letter added, dropped, changed or two swapped: Wick / Wicks), two for names of eight letters or more
    (Bauchtman / Buchtmann)?"""
    a, b = fold(written).lower(), fold(surname).lower()
    if a == b or a[:1] != b[:1] or abs(len(a) - len(b)) > 2:
        return False
    limit = 2 if min(len(a), len(b)) >= 8 else 1
    previous2, previous = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1]))
            if previous2 is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], previous2[j - 2] + 1)
        previous2, previous = previous, row
    return previous[-1] <= limit


def _pronoun(mention, text: str) -> Optional[Speaker]:
    if len(mention.words) == 1 and _lower(mention) in pronouns() and not _acronym(mention.head):
        return Speaker(None, pronouns()[_lower(mention)], rule="pronoun")
    return None


# a capitalised word right after a name on its line: the name may go on ('Walt Disney Company')
NAME_GOES_ON = re.compile(GAP + r"([" + UPPER + r"][\w’'-]*)")

# the name the text writes right after a title: capitalised words on the same line, up to a comma or a
# lower-case word ('Rep. Jasmine Crockett, D-Texas' -> 'Jasmine Crockett')
NAME_AFTER = re.compile(GAP + r"((?:[" + UPPER + r"][\w’'.-]*" + GAP + r")*[" + UPPER + r"][\w’'-]*[\w])")


def _title_cut_off(mention, text: str) -> Optional[Speaker]:
    """'… said Rep.' where the sentence splitter cut after the abbreviated title: the name opens the next
    sentence of the text (which may be left unparsed)."""
    word = mention.words[-1]
    if len(mention.words) != 1 or not word.text.endswith(".") or not _title_token(word.text.lower()) \
            or any(w.upos != "PUNCT" for w in word.sent.words[word.id:]):
        return None
    found = NAME_AFTER.match(text, mention.end)
    if not found or _not_first_name(found.group(1).split()[0]):
        return None
    return Speaker(found.group(1), "person", word.text)


def _quantifier(mention, text: str) -> Optional[Speaker]:
    """'most said': some of the people just named."""
    if len(mention.words) == 1 and _lower(mention) in GROUP_QUANTIFIERS:
        return Speaker(None, "group", mention.head.text)
    return None


def _quantified_group(mention, text: str) -> Optional[Speaker]:
    """"many Latinos": a plural name after a quantifier is a group."""
    head, words = mention.head, mention.words
    if head.upos == "PROPN" and _plural(mention) \
            and any(w.text.lower() in GROUP_QUANTIFIERS for w in words if w.id < head.id):
        return Speaker(_text(_no_det([w for w in words if w.id <= head.id]), text), "group")
    return None


def _title_last(mention, text: str) -> Optional[Speaker]:
    """'the OpenAI CEO', 'the Acme Spokesman' with the title tagged a proper noun: a person described by
    the body before the title, unnamed here (the article's named holder of that title may resolve it)."""
    words, head = mention.words, mention.head
    if not _definite(mention) or head is not words[-1] or head.upos != "PROPN" or not _title_token(head.text.lower()) \
            or not any(w.upos == "PROPN" and w is not head for w in words):
        return None
    return Speaker(None, "person", _text(_no_det(words), text))


def _proper_head(mention, text: str) -> Optional[Speaker]:
    head = mention.head
    lower = head.text.lower()
    if len(mention.words) == 1 and head.id == 1 and lower in group_nouns() and lower not in proper_group_nouns():
        return None  # 'Aides said …' tagged a proper noun: a group noun opening the sentence (description)
    if head.upos == "PROPN" or (head.text[:1].isupper() and head.upos not in ("NOUN", "PRON", "DET")) \
            or (head.upos == "PRON" and _acronym(head)):
        return _proper(mention.words, mention, text)
    return None


def _honorific_head(mention, text: str) -> Optional[Speaker]:
    """'Ms. Sherry' headed by a 'Ms' tagged as a noun."""
    head = mention.head
    if (head.text.lower().rstrip(".") + ".") in honorifics() \
            and any(w.id > head.id and w.upos == "PROPN" for w in mention.words):
        return _proper(mention.words, mention, text)
    return None


def _person_after_title_of(mention, text: str) -> Optional[Speaker]:
    """'Governor of Northland Tomas Reyes', 'CEO of the Harbour Council Ines Varga', 'Co-founder of
    LTA, Mira Castell': a title, a place or body after 'of', then the person's name ending the mention.
    The name is the run's last words (a given name, initials or particles, the surname), never all of it."""
    words = _without_nicknames(mention.words)
    runs = _name_runs(words)
    if not runs or runs[-1][1] != len(words) or words[-1].text.endswith(("'s", "’s", "'", "’")):
        return None
    start, end = runs[-1]
    before = words[:start]
    titled = [i for i, w in enumerate(before) if _title_token(w.text.lower())]
    if not titled or not any(w.upos == "ADP" for w in before[titled[0]:]):
        return None
    comma = start > 0 and words[start - 1].text == ","
    first = start if comma else _given_at(words, start, end)
    if first is None or end - first < 2 or not _person_evidence(words, first):
        return None
    role = _role_only(words[:first])
    return Speaker(person_name(words[first:end]), "person", _text(role, text) if role else None)


def _person_after_body_title(mention, text: str) -> Optional[Speaker]:
    """'Northgate College Rowing Club Alumni Association president Mira Castell', 'Reyes campaign
    spokesman Daniel Okafor' parsed with a word of the body as head: a body's name, a lower-case title and
    a name of two words or more ending the mention; the body and the title are the role."""
    if mention.head.upos != "PROPN":
        return None
    words = _without_nicknames(mention.words)
    runs = _name_runs(words)
    if not runs or runs[-1][1] != len(words) or runs[-1][1] - runs[-1][0] < 2:
        return None
    start, end = runs[-1]
    title = words[start - 1] if start > 0 else None
    if title is None or not title.text.islower() or not _title_token(title.text) \
            or not any(w.text[:1].isupper() for w in words[:start - 1]) \
            or words[-1].text.endswith(("'s", "’s", "'", "’")):
        return None
    return Speaker(person_name(words[start:end]), "person", _text(_role_only(words[:start]), text))


def _given_at(words: list, start: int, end: int) -> Optional[int]:
    """Where the name opens in a run with a place or body before it: back from the surname over initials,
    particles and glued hyphens, then one given name; None when that would take the whole run."""
    at = end - 1
    while at - 1 > start and (is_particle(words[at - 1].text) or _joins(words, at - 1) or _joins(words, at)
                               or re.fullmatch(r"[A-Z]\.", words[at - 1].text)):
        at -= 1  # 'L.' of 'Janet L. Yellen', 'von der', 'France-' of 'France-Presse'
    at -= 1
    return at if at > start and words[end - 1].text.lower() not in org_words() else None


def _person_evidence(words: list, first: int) -> bool:
    """The words from `first` are a person: a known given name opens them, the NER reads a person there, or
    a body's word stands right before them ('Harbour Council Ines Varga'), or a comma does."""
    before = words[first - 1].text
    return _given_name(words[first].text) or _tagged_person(words[first]) or before == "," \
        or before.lower() in org_words()


def _document_source(mention, text: str) -> Optional[Speaker]:
    """'according to an update by the U.S. Drought Monitor', "PC World's analysis … concluded", "Cornyn's
    statement added": a text ('report', 'statement', 'analysis' …) whose author the sentence names, by
    'by'/'from' or a possessive, speaks for its author."""
    head = mention.head
    if head.upos != "NOUN" or head.text.lower() not in document_nouns():
        return None
    words = head.sent.words
    # 'an outbreak update this week from the CDC': the author hung on a time word after the text
    holders = {head.id} | {w.id for w in words if w.head == head.id and _time_word(w.text)}
    for child in (w for w in words if w.head in holders and w.upos == "PROPN"):
        marks = {w.text.lower() for w in words if w.head == child.id and w.deprel == "case"}
        if child.deprel == "nmod:poss" or (child.deprel == "nmod" and marks & {"by", "from"}):
            author = _proper_run(words, child)
            after = author[-1].id  # 'by Lakeport Law School professor Ana Okafor': the professor wrote it
            if after + 1 < len(words) and _title_token(words[after].text.lower()) and words[after + 1].upos == "PROPN":
                author = _proper_run(words, words[after + 1])
            kind = "person" if _given_name(author[0].text) or _tagged_person(author[0]) else "unknown"
            return Speaker(person_name(author), kind, _text(_no_det(mention.words), text))
    return _own_text(mention, words, text)


def _own_text(mention, words: list, text: str) -> Optional[Speaker]:
    """'The Museum of Lost Keys collects “…,” according to its brochure': a text of 'its' is the sentence's
    named subject's, when that subject is an organisation's name (proper nouns, no person's given name)."""
    owner = next((w for w in words if w.head == mention.head.id and w.deprel == "nmod:poss"), None)
    if owner is None or owner.text.lower() != "its":
        return None
    root = next((w for w in words if w.deprel == "root"), None)
    subject = next((w for w in words if root is not None and w.head == root.id and w.deprel == "nsubj"), None)
    if subject is None or subject.upos != "PROPN" or subject.id > mention.head.id or _quoted(words, subject, text):
        return None
    name = _organisation_name(_proper_run(words, subject))
    if not name or _given_name(name[0].text):
        return None
    return Speaker(_text(name, text), "organization", _text(_no_det(mention.words), text))


def _quoted(words: list, word, text: str) -> bool:
    """Does `word` stand inside a quotation of its sentence ('“[I]t is hard …,” its analysis concludes')?"""
    start, at = word_span(words[0])[0], word_span(word)[0] - word_span(words[0])[0]
    return any(span.start <= at < span.end for span in quote_spans(text[start:word_span(words[-1])[1]]))


def _proper_run(words: list, word) -> list:
    """The proper nouns written together around `word`, with 'of', 'for', 'and' between two of them ('Centers
    for Disease Control and Prevention'); never a time or place phrase after ('… Monitor on Thursday')."""
    def joined(i: int) -> bool:
        return _proper_word(words[i]) or (words[i].text.lower() in ("of", "for", "and", "&") and 0 < i
                                          and i + 1 < len(words) and _proper_word(words[i + 1]))
    start = end = word.id - 1
    while start > 0 and _proper_word(words[start - 1]):
        start -= 1
    while end + 1 < len(words) and joined(end + 1):
        end += 1
    return words[start:end + 1]


def _proper_word(word) -> bool:
    """A proper noun by either tag: 'Human' of 'the Human Rights Campaign' tagged ADJ but NNP."""
    return word.upos == "PROPN" or (word.xpos in ("NNP", "NNPS") and word.text[:1].isupper())


def _surname_tagged_plural(mention, text: str) -> Optional[Speaker]:
    """'Okafor observed …' opening a sentence, tagged a plural noun: one capitalised word the article writes
    elsewhere after a given name ('Kristen Wilkins'; not 'Young Voters') is a surname."""
    head = mention.head
    if len(mention.words) != 1 or head.upos != "NOUN" or not _plural(mention) or not head.text[:1].isupper():
        return None
    written = re.finditer(r"\b([" + UPPER + r"][\w’'-]+)" + GAP + re.escape(head.text) + r"\b", text)
    if not any(_given_name(m.group(1)) for m in written):
        return None
    return Speaker(head.text, "person")


def _plural_noun(mention, text: str) -> Optional[Speaker]:
    """"Some Clinton allies" are a group, not a Mr Clinton."""
    return _nominal(mention.words, mention, text) if mention.head.upos == "NOUN" and _plural(mention) else None


def _name_in_description(mention, text: str) -> Optional[Speaker]:
    """"UN spokesman Stephane Dujarric" headed by "spokesman"; "van der Berg": a name of two words or more
    after the head or around it ('the chair of the National Assembly' is no name: not the assembly)."""
    words, head = mention.words, mention.head
    own = _without_nicknames(_before_modifier(words, head))
    after_head = [i for i, w in enumerate(own) if w.id > head.id]
    at = next((i for i, w in enumerate(own) if w is head), -1)
    if any(end - start >= 2 and ((after_head and start >= after_head[0]) or start <= at < end)
           for start, end in _name_runs(own)):
        return _proper(words, mention, text)
    return None


def _description(mention, text: str) -> Speaker:
    """'A White House spokesman': the name before the title is his employer."""
    return _nominal(mention.words, mention, text)


def _coordinated(mention, text: str) -> Optional[Speaker]:
    """'Lagos and Abuja said', 'Ana Ruiz and Tom Berg said': two named speakers joined by a conjunction
    speak as one group; neither is the other's role."""
    words = mention.words
    joins = [i for i, w in enumerate(words) if w.upos == "CCONJ" and 0 < i < len(words) - 1]
    if not joins or mention.head.upos != "PROPN":
        return None
    before = words[joins[0] - 1].text.lower()
    if before in role_words() or before.rstrip(".") in role_words() or before in honorifics():
        return None  # 'Gov. and DNC Chairman Ed Rendell': two titles of one person
    conjuncts = [w for w in words if w.head == mention.head.id and w.deprel == "conj"]
    if not conjuncts or not any(w.upos == "PROPN" for w in conjuncts):
        return None
    return Speaker(_text(_no_det(words), text), "group")


def _before_modifier(words: list, head) -> list:
    """A common-noun mention up to the preposition or possessive that starts what its head belongs to."""
    for i, word in enumerate(words):
        if word.id > head.id and (word.upos == "ADP" or word.text in ("'s", "’s")):
            return words[:i]
    return words


def _named_in_apposition(mention, text) -> Optional[Speaker]:
    """'The Environment Secretary, Thérèse Coffey, said': a title in apposition to a name — the name is
    the speaker and the title its role."""
    if not mention.appos or mention.head.text.lower() not in role_words():
        return None
    appos = _without_nicknames(mention.appos)
    runs = _name_runs(appos)
    if not runs or runs[0][0] != (1 if appos[0].upos == "DET" else 0):
        return None  # the apposition must be a name, not 'a former senator from Ohio'
    role, name, _ = split_role(appos)
    if not name or role:
        return None
    title = _role_only([w for w in mention.words if w.id < appos[0].id])  # not a name part hung on the title
    return _appositive_person(mention, appos, name, _text(title, text))


def _titled_name_after(mention, text) -> Optional[Speaker]:
    """'UN Secretary-General António Guterres said' parsed as 'UN' with the rest in apposition, no comma
    between: the name after the title is the speaker, the employer and the title are its role."""
    appos = mention.appos
    if not appos or mention.head.upos != "PROPN" or appos[0].id != mention.words[-1].id + 1:
        return None
    role, name, _ = split_role(appos)
    if not name or not any(w.text.lower() in role_words() for w in role):
        return None
    return _appositive_person(mention, appos, name, _text(mention.words + role, text))


def _appositive_person(mention, appos: list, name: list, role: Optional[str]) -> Speaker:
    """The person `name` (in the mention's apposition `appos`) names, whole as the NER reads it, with `role`."""
    gender = honorific_gender([w.text for w in mention.words + appos])
    return Speaker(person_name(_with_whole_entity(name)), "person", role, gender=gender)


def _proper(words, mention, text) -> Speaker:
    words = _with_whole_entity(words)
    role, name, honorific = split_role(words)
    appos = mention.appos if mention.appos and mention.appos[0].upos != "NUM" else []  # "Melissa, 32," is an age
    role_text = _text(role, text) or (_text(_no_det(appos), text) if appos else None)
    head_at = next((i for i, w in enumerate(words) if w is mention.head), len(words) - 1)
    if not honorific and _organisation_words(words, head_at, appos, name):
        return Speaker(_text(_organisation_name(words), text), "organization")
    named = None if honorific else _entity_kind(mention, words, name, text)
    if named == "organization":
        return Speaker(_text(_organisation_name(words), text), named)
    if named == "group":  # "Other senior Harbour Party members", not the people it goes on to list
        return Speaker(_text(_no_det(words[:head_at + 1]), text), named)
    if not name:
        return Speaker(None, "person" if role else "unknown", role_text)
    known_first = fold(name[0].text) in first_names()
    if not (honorific or role or known_first or named == "person") and _plural_group_word(name[-1]):
        return Speaker(_text(_no_det(words[:head_at + 1]), text), "group")  # 'Starbucks Workers (United) said'
    kind = "person" if (len(name) >= 2 or honorific or role or known_first or named == "person") else "unknown"
    return Speaker(person_name(name), kind, role_text, gender=honorific_gender([w.text for w in words]))


def _plural_group_word(word) -> bool:
    """'Workers' of 'Starbucks Workers', 'Voters' of 'Texas Voters': a name ending in a plural word for people
    (the group-noun list) is a body of people, never one person a he or she can point back to."""
    return len(word.text) > 1 and word.text.lower() in group_nouns() and word.text.lower().endswith("s") \
        and ("Number=Plur" in (word.feats or "") or (word.xpos or "").endswith("S"))


def _organisation_words(words: list, head_at: int, appos: list, name: list) -> bool:
    """The name up to the end of its head's run is an organisation's ('Democracy Corp', whatever the parse
    hung 'Corp' on), or an organisation word heads its apposition; no title in it, and no person the NER
    reads whole from a known first name."""
    own = head_at + 1
    while own < len(words) and words[own].upos == "PROPN" and words[own].text[:1].isupper():
        own += 1
    # a title word right before an organisation word names the body ('the State Department'), not a person
    titled = any(w.text.lower() in role_words() and not (i + 1 < len(words) and words[i + 1].text.lower() in org_words())
                 for i, w in enumerate(words))
    return (_is_org(words[:own]) or _org_apposition(appos, name)) and not titled and not _first_named_person(words)


def _first_named_person(words: list) -> bool:
    """A known first name opens the mention and the NER reads all of it as one person: 'Anna Richardson
    White', whatever organisation words ('white' of 'White House') its surname shares."""
    found = sentence_entities(words[0].sent)
    entity = entity_holding(found, words[0]) if found else None
    return entity is not None and entity.kind == "person" and fold(words[0].text) in first_names() \
        and all(word.id in entity.word_ids for word in words)


def _org_apposition(appos: list, name: list) -> bool:
    """'Lakeside Bookings, a music and theatre talent agency': an apposition headed by an organisation
    word says what the name is, unless the name opens with a known first name."""
    ids = {word.id for word in appos}
    head = next((word for word in appos if word.head not in ids), None)
    return head is not None and head.upos == "NOUN" and head.text.lower() in org_words() \
        and not (name and fold(name[0].text) in first_names())


def _with_whole_entity(words: list) -> list:
    """A mention that cuts the NER's name of a person or organisation ('Christie' of 'Chris Christie
    learned', 'Park' of 'Park Geun-hye', 'Parenthood Federation of America' of 'Planned Parenthood …',
    where the parse hung the rest elsewhere) takes the name's other words, when each is written as part of
    a name (a person's: name words; an organisation's or place's: capitalised words and those between)."""
    found = sentence_entities(words[0].sent)
    if not found:
        return words
    sentence = words[0].sent.words
    first = entity_holding(found, words[0])
    last = entity_holding(found, words[-1])
    before = [sentence[i - 1] for i in first.word_ids if i < words[0].id] if first else []
    after = [sentence[i - 1] for i in last.word_ids if i > words[-1].id] if last else []
    if before and not _written_as_name(sentence, before, first.kind):
        before = []
    if after and not _written_as_name(sentence, after, last.kind):
        after = []
    widened = before + words + after
    if last is not None and last.kind == "person":
        end = widened[-1].id  # 'Geun' + '-hye': the glued rest of the name the NER left out
        if end + 2 <= len(sentence) and _glued_part(sentence, end + 1) and widened[-1] is sentence[end - 1]:
            widened += sentence[end:end + 2]
    return widened


def _written_as_name(sentence: list, words: list, kind: str) -> bool:
    if kind == "person":
        return all(_name_like(word) or _joins(sentence, word.id - 1) for word in words)
    if kind in ("organization", "place"):
        return words[0].text[:1].isupper() and all(w.text[:1].isupper() or w.upos in ("ADP", "CCONJ", "DET")
                                                   for w in words)
    return False


def _entity_kind(mention, words: list, name: list, text: str) -> Optional[str]:
    """person | organization | group as the NER reads the entity holding the mention's head, or None (no tags,
    no entity, or a reading the mention contradicts). The tagger is weak on organisations (F1 53 on GUM)
    and reads some foreign names as places, so an organisation or place needs the rest to agree:
    - no title outside the entity ("the Twitter spokesman" is a person), the whole name inside it, no known
      first name, no person named after it ("… Supervisor of Elections Susan Bucher"), and no person
      reading of the head's word elsewhere in the article;
    - the wording of an institution: a one-word name never written after a first name ("Russia", not the
      "Israel" of "Steve Israel"), else an article ("the State Department") or a last word that is a common
      or organisation word ("Public Radio"; any word, for a place: "South Korea").
    Org words decide before this is asked: the NER alone never makes a person of "the Interior Ministry"."""
    found = sentence_entities(mention.head.sent)
    head, entity = _entity_of(found, mention.head, name)
    if entity is None or entity.speaker_kind in ("unknown", "person", "group"):
        return entity.speaker_kind if entity is not None and entity.speaker_kind != "unknown" else None
    if _person_reading(found, entity, head, words, name):
        return None
    inside = set(entity.word_ids)
    named = [w for w in words if w.id in inside and w.text[:1].isupper()]
    if len(named) == 1:
        return None if _after_first_name(text, head.text) else entity.speaker_kind
    wording = named if entity.kind == "place" else named[-1:]  # 'South Korea'; 'Public Radio', not 'Susan Bucher'
    institution = words[0].text.lower() == "the" \
        or any(w.text.lower() in common_words() or w.text.lower() in org_words() for w in wording)
    return entity.speaker_kind if institution else None


def _entity_of(found, head, name: list):
    """(word, entity): the NER entity holding the head, else the last word of the name ('Immigration and
    Customs Enforcement' headed by 'Immigration')."""
    entity = entity_holding(found, head) if found else None
    if entity is None and found and name:
        return name[-1], entity_holding(found, name[-1])
    return head, entity


def _person_reading(found, entity, head, words: list, name: list) -> bool:
    """The mention reads as a person whatever the NER's organisation or place says: a title outside the entity,
    a name not all inside it or opening with a known first name, a person named after it ('Supervisor of
    Elections Susan Bucher'), or the head's word read as a person elsewhere in the article."""
    inside = set(entity.word_ids)
    if any(w.id not in inside and w.text.lower() in role_words() for w in words):
        return True
    if name and (any(w.id not in inside for w in name) or fold(name[0].text) in first_names()):
        return True
    return any(getattr(entity_holding(found, w), "kind", None) == "person" for w in words if w.id > entity.word_ids[0]) \
        or "person" in kinds_written(head.sent.doc, head.text)


def _after_first_name(text: str, word: str) -> bool:
    """Whether the text writes the word right after a known first name ('Steve Israel', 'Joe Madison')."""
    pattern = r"\b([" + UPPER + r"][\w’'-]*)\s+" + re.escape(word) + r"\b"
    return any(fold(before) in first_names() for before in re.findall(pattern, text))


def _nominal(words, mention, text) -> Speaker:
    """A common-noun mention: a group ("officials"), an organisation ("the ministry"), or an unnamed person
    whose description becomes the role ("a White House spokesman"); a named apposition wins."""
    head = mention.head
    if mention.appos and any(w.upos == "PROPN" for w in mention.appos):
        _, name, _ = split_role(mention.appos)
        if name:
            return Speaker(person_name(name), "person", _text(_no_det(words), text))
    lower = head.text.lower()
    plural = "Number=Plur" in (head.feats or "") or lower in group_nouns()
    if plural:
        common = _common_noun(head, words)
        group = _no_det(words)
        if not common and head is group[0]:  # 'Democrats on the tour'; 'advocates for cheaper ferry fares' stays whole
            named = _name_part(group)
            if len(named) == 1 and head.id == 1 and head.text.lower() in common_words():
                common = True  # 'People who worked with Varga': no name once the phrase is cut
            else:
                group = named
        return Speaker(_text(group, text), "group", common=common)
    if lower in org_words() or lower in organization_nouns():
        return Speaker(_text(_no_det(words), text), "organization", common=_common_noun(head, words))
    if lower in document_nouns():  # 'the poll found', 'the statement said': a text, not a person
        return Speaker(None, "unknown", _text(_no_det(words), text))
    return Speaker(None, "person" if head.upos == "NOUN" else "unknown", _text(_no_det(words), text))


def _common_noun(head, words: list) -> bool:
    """A mention of common nouns only, which names nobody: 'officials', 'Experts said', 'Aides said', 'the
    team'; not 'Clinton campaign' (a name in it), nor 'Democrats' or 'the Ministry' (a head capitalised inside
    the sentence or, first in it, a word written capitalised more often than not, or a group such as
    'Democrats' that is written so everywhere)."""
    if any(w.upos == "PROPN" and w is not head for w in words):
        return False
    if not head.text[:1].isupper():
        return True
    lower = head.text.lower()
    return head.id == 1 and (lower in common_words() or lower in group_nouns() and lower not in proper_group_nouns())


def _definite(mention) -> bool:
    """'the spokesman', 'this official': a description that points back at someone already named."""
    first = mention.words[0].text.lower()
    return first in ("the", "this", "that") and len(mention.words) >= 2


def _titles(role: Optional[str]) -> set[str]:
    """The title words of a role, in one form each ('Sen.' and 'senator' -> senator)."""
    words = re.findall(r"[\w.]+", (role or "").lower())
    found = set()
    for word in words:
        word = title_forms().get(word, title_forms().get(word.rstrip("."), word.rstrip(".")))
        if word in role_words() or word in title_forms().values():
            found.add(word)
    return found


def _modifiers(role: Optional[str]) -> set[str]:
    """The words of a role that make its title another office ('vice', 'deputy')."""
    return {w for w in re.findall(r"\w+", (role or "").lower()) if w in TITLE_MODIFIERS}


def _qualifiers(role: Optional[str]) -> set[str]:
    """Capitalised words of a role other than titles ('Florida' of 'The Florida senator'): the place or body
    that tells two holders of one title apart."""
    return {w for w in re.findall(r"[\w’'-]+", role or "") if w[:1].isupper() and w.lower() not in role_words()
            and w.lower() not in title_forms() and w.lower() not in ("the", "a", "an")}


def _organisation_name(words: list) -> list:
    """An organisation's name without the article, a time word or a lower-case description before it
    ('Yesterday OpenAI', 'nonprofit PEN America', 'online retailer Amazon'), nor lower-case words after it
    (_name_part)."""
    words = _no_det(words)
    cut = 0
    while cut < len(words) - 1 and (_time_word(words[cut].text) or words[cut].text[:1].islower()):
        cut += 1
    return _name_part(words[cut:]) if any(w.text[:1].isupper() for w in words[cut:]) else words


def _name_part(words: list) -> list:
    """A name up to its first lower-case word that leads to no further capitalised word: 'the Ruritanian Transport
    Ministry over 120 commuters', 'The Northgate Department of Fisheries notes' (a cue the parse took for a
    noun), 'Democrats on the tour'; 'Department of the Interior', 'Doctors without Borders' go on."""
    for i in range(1, len(words)):
        word = words[i]
        if not word.text[:1].isalpha() or word.text[:1].isupper():
            continue
        after = i + 1
        while after < len(words) and words[after].text.lower() in ("the", "a", "an"):
            after += 1
        if after < len(words) and words[after].text[:1].isupper():
            continue
        while i > 1 and words[i - 1].upos == "PUNCT":  # 'Sanders, meanwhile'
            i -= 1
        return words[:i]
    return words


def _no_det(words: list) -> list:
    return words[1:] if len(words) > 1 and words[0].upos == "DET" else words


# --- resolution against the rest of the article


class ArticleSpeakers:
    """Speakers met so far in one article, in order, for pronouns and short names to point back at."""

    def __init__(self, text: str, quotes: Optional[list] = None):
        """`quotes`: the article's quotations as extraction found them (quotes.extraction.marks.quote_spans), so they are
        not looked for twice; found here, once a pronoun asks, when not given."""
        self.text = text
        self.seen: list[tuple[int, Speaker]] = []  # (offset, speaker) of named speakers
        self._people: Optional[list] = None  # the NER's person entities in the article, once a mention is met
        self._genders: dict[str, Optional[str]] = {}  # full name -> the gender the article's words give it
        self._quotes: Optional[list] = quotes

    def resolve(self, mention) -> Speaker:
        if getattr(mention, "antecedent", None) is not None:
            return self.resolve(mention.antecedent)  # 'who' speaks for the phrase it stands for
        speaker = describe(mention, self.text)
        speaker = self.resolve_rule(mention, speaker)[1]
        if speaker.name and speaker.rule != "pronoun":
            self.seen.append((mention.start, speaker))
        return speaker

    def resolve_rule(self, mention, speaker: Speaker) -> tuple[Optional[Rule], Speaker]:
        """The first rule of RESOLVE_RULES (of those switched on) that applies to what the mention says on its
        own, and the speaker it makes of it (the same one where the article names nobody fitting)."""
        if self._people is None:
            doc = mention.words[0].sent.doc
            self._people = [e for e in entities(doc) if e.kind == "person"] if doc is not None else []
        for rule in rules.switched_on(RESOLVE_RULES):
            resolved = rule.find(self, mention, speaker)
            if resolved is not None:
                return rule, resolved
        return None, speaker

    def _antecedent(self, mention, speaker: Speaker) -> Speaker:
        pronoun = mention.words[0].text.lower()
        gender = {"he": "m", "him": "m", "she": "f", "her": "f"}.get(pronoun)
        wanted = pronouns()[pronoun]
        subject = self._previous_subject(mention, gender) if gender else None
        if subject:
            role = next((earlier.role for _, earlier in reversed(self.seen) if earlier.name == subject), None)
            return Speaker(subject, "person", role, "pronoun", gender)
        for offset, earlier in reversed(self.seen):
            if offset >= mention.start:
                continue
            if wanted == "person" and earlier.kind != "person":
                continue
            if wanted == "group" and earlier.kind not in ("group", "organization"):
                continue
            if gender and earlier.kind == "person" and self._other_gender(earlier.name, earlier.gender, gender):
                continue  # 'Helena Ortega … Dr. Peter Vance … she said': never the person of the other gender
            if gender:
                earlier.gender = gender
            return Speaker(earlier.name, earlier.kind, earlier.role, "pronoun", earlier.gender, earlier.common)
        if wanted == "person":
            name = self._last_name_before(mention.start, gender)
            if name:
                if gender and self._genders.get(name) is None:
                    self._genders[name] = gender  # 'Robert Tanaka spoke. He said …': Robert Tanaka is a he
                return Speaker(name, "person", None, "pronoun", gender)
        return speaker

    def _previous_subject(self, mention, gender: str) -> Optional[str]:
        """A he/she after a sentence about someone ('Harry Kane won the award. He said, “…”'; 'Newsom
        acknowledges that criticism. “…,” he said'): the person named as the subject of the sentence before
        the statement, where that sentence quotes nobody and holds no statement of its own (then its speaker is
        the usual antecedent), and never a person of the other gender."""
        sentence = mention.words[0].sent
        at = sentence.tokens[0].start_char
        spans = self._quote_spans()
        at = next((span.start - 1 for span in spans if span.start < at < span.end), at)
        previous = self._sentence_before(sentence, at)
        if previous is None:
            return None
        start, end = previous
        if any(span.start < end and start < span.end for span in spans) \
                or any(start <= offset < end for offset, _ in self.seen) \
                or self._names_someone(sentence.tokens[0].start_char, mention.start):
            return None
        name = self._subject_name(start, end)
        if not name or self._other_gender(name, self._gender_of(name), gender):
            return None
        return name

    def _sentence_before(self, sentence, at: int) -> Optional[tuple[int, int]]:
        """(start, end) of the sentence that ends before text[at]: the tokenizer's where it has the text there,
        else the last one the full stops of the text between give (sentences left out of a parse)."""
        doc = getattr(sentence, "doc", None)
        ends = [s.tokens[-1].end_char for s in doc.sentences if s.tokens and s.tokens[-1].end_char <= at] \
            if doc is not None else []
        gap_start = max(ends, default=0)
        gap = self.text[gap_start:at]
        if gap.strip():
            pieces = [m for m in SENTENCE_END.finditer(gap)]
            start = gap_start + (pieces[-1].end() if pieces else 0)
            start += len(self.text[start:at]) - len(self.text[start:at].lstrip())
            return start, at
        before = [s for s in doc.sentences if s.tokens and s.tokens[-1].end_char <= gap_start] if doc else []
        if not before:
            return None
        first = len(before) - 1
        while first > 0 and self._cut_between(before[first - 1], before[first]):
            first -= 1  # 'Ana Ruiz told CBC | News the plan …': the tokenizer's cut is no sentence end
        return before[first].tokens[0].start_char, before[-1].tokens[-1].end_char

    def _cut_between(self, sentence, following) -> bool:
        """Did the tokenizer end `sentence` inside a sentence of the text: on a word, not on closing punctuation,
        with `following` going on in the same line ('… spokeswoman Ana Ruiz told CBC | News the plan …')?"""
        gap = self.text[sentence.tokens[-1].end_char:following.tokens[0].start_char]
        return bool(gap) and cut_mid_line(sentence.tokens[-1].text, gap)

    def _names_someone(self, start: int, end: int) -> bool:
        """Does text[start:end], outside quotations, name a person ('While Comey said …, he said')?"""
        spans = self._quote_spans()
        for match in FULL_NAME.finditer(self.text, start, end):
            if not any(span.start <= match.start() < span.end for span in spans) \
                    and self._a_person(match.group().split(), match.end() - 1):
                return True
        return any(earlier.kind == "person" and earlier.name and re.search(
            r"\b" + re.escape(earlier.name.split()[-1]) + r"\b", self.text[start:end]) for _, earlier in self.seen)

    def _a_person(self, tokens: list[str], at: Optional[int] = None) -> bool:
        """Words that are someone's name by what the article or the lexicon says: a known given name first,
        a person the NER found at text[at], or the surname of a person who spoke before."""
        if tokens[-1].endswith(("'s", "’s", "'", "’")):
            return False  # a possessor: 'Absent Sanders' support', "Suu Kyi's fate"
        if _given_name(tokens[0]) \
                or (at is not None and self._person_holding(at) is not None):
            return True
        return any(earlier.kind == "person" and earlier.name and fold(earlier.name.split()[-1]) == fold(tokens[-1])
                   for _, earlier in self.seen)

    def _quote_spans(self) -> list:
        if self._quotes is None:
            self._quotes = quote_spans(self.text)
        return self._quotes

    def _subject_name(self, start: int, end: int) -> Optional[str]:
        """The person the sentence text[start:end] opens with: the capitalised words before its first word in
        lower case that is no title ('Lakeport captain Mira Castell scored', 'Harbour Authority spokeswoman
        Ines Varga told'), as a full name, or a surname the article wrote in full before."""
        run: list = []
        last: list = []
        for token in re.finditer(r"[\w’'.-]+|[^\w\s]", self.text[start:end]):
            word = token.group()
            if word[:1].isupper() or (run and is_particle(word)):
                run.append(token)
                continue
            if run:
                last, run = run, []
            if word[:1].islower() and word.lower() not in role_words() | honorifics():
                break
        else:
            return None
        if not last:
            return None
        first, final = start + last[0].start(), start + last[-1].end()
        names = self._name_tokens(first, self.text[first:final], final)
        if not names or any(t.lower() in org_words() for t in names):
            return None  # a body
        full = " ".join(names) if len(names) >= 2 else self._name_in_text(names[0], start)
        # a surname alone is someone when the full name the article wrote before is ('Sessions is …' after
        # 'Sen. Jeff Sessions'); else a place or a possessor ("Suu Kyi's fate is still unclear")
        if not self._a_person(names, final - 1) and not (full and " " in full and not _possessor(names[-1])
                                                           and _given_name(full.split()[0])):
            return None
        return full

    def _named_holder(self, mention, speaker: Speaker) -> Speaker:
        """'the senator', 'The Florida senator', 'the former harbour commissioner': of the people named before
        with that title (as speakers with that role, or written right after the title), the one whose surname
        the article wrote last ('… pressed Warren …, but the senator insisted')."""
        wanted = _titles(speaker.role)
        if not wanted:
            return speaker
        qualifiers = _qualifiers(speaker.role)
        holders = {earlier.name: earlier.gender for offset, earlier in self.seen
                   if offset < mention.start and earlier.kind == "person" and earlier.name and earlier.role
                   and wanted & _titles(earlier.role) and _modifiers(earlier.role) <= _modifiers(speaker.role)
                   and qualifiers <= _qualifiers(earlier.role)}
        for name in self._titled_names_before(mention.start, wanted, qualifiers):
            holders.setdefault(name, speaker.gender)
        if not holders:
            return speaker
        name = max(holders, key=lambda n: self.text.rfind(n.split()[-1], 0, mention.start))
        return Speaker(name, "person", speaker.role, "nominal", holders[name])

    def _person_spoken_of(self, mention, speaker: Speaker) -> Speaker:
        """'Sen. Ana Ruiz said …. The Republican says …', 'the 56-year-old said' (_party_or_age): the latest
        person who spoke, when the article names no other person since that statement and no unnamed one
        by the same word ('a Republican said … the Republican added': someone never named); else nobody."""
        earlier = next(((offset, e) for offset, e in reversed(self.seen)
                        if offset < mention.start and e.kind == "person"), None)
        unnamed = r"\b(?:an?|another)\s+(?:(?!the\b)[\w’'-]+\s+){0,3}" + re.escape(mention.head.text) + r"\b"
        if earlier is None or re.search(unnamed, self.text[:mention.start], re.IGNORECASE):
            return speaker
        since = self.text[earlier[0]:mention.start]
        surname = earlier[1].name.split()[-1]
        for match in FULL_NAME.finditer(since):
            tokens = self._name_tokens(earlier[0] + match.start(), match.group(), earlier[0] + match.end())
            if tokens and tokens[-1] != surname and self._a_person(tokens, earlier[0] + match.end() - 1):
                return speaker
        return Speaker(earlier[1].name, "person", speaker.role, "nominal", earlier[1].gender)

    def _titled_names_before(self, offset: int, wanted: set[str], qualifiers: set[str],
                             window: int = 3000) -> list[str]:
        """Names written right after one of the wanted titles before `offset`, also of people who made no
        statement ('… former President Tomas Reyes …. The former president said'). The title stands alone
        ('Vice President Joe Biden' is no president), the mention's qualifiers ('The Florida senator') are
        written near the name ('Florida Sen. Marco Rubio'), and a lone surname ('President Obama') becomes the
        full name the article writes, or nothing."""
        found = []
        for match in FULL_NAME.finditer(self.text, max(0, offset - window), offset):
            tokens = self._name_tokens(match.start(), match.group(), match.end())
            if not tokens or any(t.lower() in org_words() or t.endswith(("'s", "’s")) for t in tokens):
                continue
            name_start = match.end() - len(" ".join(tokens))
            before = re.findall(r"[\w.’'-]+", self.text[max(0, name_start - 40):name_start])[-2:]
            if not before or not wanted & _titles(before[-1]) - PARTY_WORDS \
                    or (len(before) == 2 and before[0].lower() in TITLE_MODIFIERS):
                continue
            after = re.split(r"[.!?]\s+[A-Z“\"‘']", self.text[match.end():min(match.end() + 25, offset)])[0]
            near = self.text[max(0, name_start - 25):name_start] + after  # 'Florida Sen. X', 'X of Florida'
            if any(q not in near for q in qualifiers):
                continue
            name = " ".join(tokens) if len(tokens) >= 2 else self._name_in_text(tokens[0], match.start())
            if name:
                found.append(name)
        return found

    def _last_name_before(self, offset: int, gender: Optional[str] = None, window: int = 600) -> Optional[str]:
        """A he/she whose antecedent made no statement: the last 'First Last' written shortly before, or the
        last 'Mr Dujarric' / 'Ms. Tanaka' of the pronoun's gender: the one full name the article writes with that
        surname, or the surname where it writes none."""
        best, best_at = None, -1
        start = max(0, offset - window)
        for match in FULL_NAME.finditer(self.text, start, offset):
            tokens = self._name_tokens(match.start(), match.group(), match.end())
            if len(tokens) >= 2 and not any(t.lower() in org_words() for t in tokens) \
                    and self._a_person(tokens, match.end() - 1) \
                    and not (gender and self._other_gender(" ".join(tokens), None, gender)):
                best, best_at = " ".join(tokens), match.start()
        for match in HONORIFIC_SURNAME.finditer(self.text, max(start, best_at + 1), offset):
            titled = honorific_genders().get(match.group(1).lower())
            if titled is None or (gender and titled != gender):
                continue
            full = {fold(name): name for name in self._written_names(match.group(2), 0, len(self.text))
                    if not self._other_gender(name, None, titled)}
            # two people of that surname ('Mrs. Clinton' in an article naming Bill Clinton too): no guess
            best = next(iter(full.values()), match.group(2)) if len(full) <= 1 else None
        return best

    def _full_name(self, mention, speaker: Speaker) -> Speaker:
        """'Dujarric' or 'Mr Dujarric' -> the latest earlier full name ending in that surname; two people who
        share it stay apart because each short form takes the closest full name before it. Failing that, a
        lone given name ('Newt said') -> the one person named before with that given name, and a surname
        met before its full name -> the one full name later in the article that ends in it; last, a surname
        a letter or two off the surname of one person who spoke before -> that person (`_misspelt_surname`)."""
        gendered = self._same_gender_name(mention, speaker)
        if gendered:
            return gendered
        earlier = self._earlier_person(mention, speaker)
        if earlier:
            return earlier
        full = self._name_in_text(speaker.name, mention.start, speaker.gender)
        if full:
            return Speaker(full, "person", speaker.role, "surname", speaker.gender)
        given = self._given_name_holder(mention, speaker)
        if given:
            return Speaker(given, "person", speaker.role, "surname", speaker.gender)
        later = {name for name in self._names_after(speaker.name, mention.end)
                 if not (speaker.gender and self._other_gender(name, None, speaker.gender))}
        if len(later) == 1:
            return Speaker(later.pop(), "person", speaker.role, "surname", speaker.gender)
        return self._misspelt_surname(mention, speaker) or speaker

    def _misspelt_surname(self, mention, speaker: Speaker) -> Optional[Speaker]:
        """'Wick said' after Bob Wicks spoke, 'Ms Bauchtman' after Lydia Buchtmann: a lone surname that no full
        name in the article carries, a letter or two off the surname of exactly one person who spoke before
        (articles misspell names), is that person."""
        short = speaker.name
        if not short or " " in short or len(short) < 4 or speaker.kind not in ("person", "unknown") \
                or mention.words[0].upos == "DET":  # 'the Khans' after Khizr Khan: his family, no misspelling
            return None
        close = {earlier.name for offset, earlier in self.seen
                 if offset < mention.start and earlier.kind == "person" and earlier.name and " " in earlier.name
                 and not is_short_form(earlier.name) and _misspelt(short, earlier.name.split()[-1])}
        if len(close) != 1:
            return None
        name = close.pop()
        if speaker.gender and self._other_gender(name, None, speaker.gender):
            return None
        return Speaker(name, "person", speaker.role, "surname", speaker.gender)

    def _full_name_in_place(self, mention) -> Optional[str]:
        """The full name the text writes right where a lone surname mention stands ('As coauthor Colette
        Heald told …' read as 'Heald'): a name of two words or more ending where the mention ends, whose
        surname the NER holds in a person and whose first word is a known given name or in that person too
        (an untagged sentence keeps the surname as written)."""
        for match in FULL_NAME.finditer(self.text, max(0, mention.start - 60), mention.end):
            if match.end() != mention.end or match.start() >= mention.start:
                continue
            tokens = self._name_tokens(match.start(), match.group(), match.end())
            name_start = match.end() - len(" ".join(tokens))
            if len(tokens) >= 2 and not any(t.lower() in org_words() for t in tokens) \
                    and self._person_holding(match.end() - 1) is not None \
                    and (_given_name(tokens[0]) or self._person_holding(name_start) is not None):
                return " ".join(tokens)
        return None

    def _given_name_holder(self, mention, speaker: Speaker) -> Optional[str]:
        """A lone given name ('Newt said'): the one person named before with that given name, else the one
        full name the text writes with it (for a given name of a known gender, or one the mention was read
        as a person by: 'Washington' is a place); never after an honorific ('Mr. Newt')."""
        if mention.words[0].text.lower() in honorifics():
            return None
        given = {earlier.name for offset, earlier in self.seen if offset < mention.start and earlier.name
                 and earlier.kind == "person" and parts(earlier.name).given
                 and fold(parts(earlier.name).given[0]) == fold(speaker.name)}
        if given:
            return given.pop() if len(given) == 1 and " " not in speaker.name else None
        personal = speaker.kind == "person" or first_name_genders().get(fold(speaker.name)) is not None
        written = self._full_names_of_given(speaker.name) if personal else set()
        return written.pop() if len(written) == 1 else None

    def _full_names_of_given(self, given: str) -> set[str]:
        """'Hailey said' where the article writes 'Hailey Bieber' (and no one else called Hailey): the full
        names written anywhere that open with a known given name, when the article never writes it as a
        surname ('Ana Hailey')."""
        if " " in given or not _given_name(given) or self._written_names(given, 0, len(self.text)):
            return set()
        # two words and no more: 'Austin Gazette-Radio News' is no one's name
        pattern = r"(?<![\w’'.-])" + re.escape(given) + GAP + r"([" + UPPER + r"][\w’'-]+)(?![\w’'-]|" + GAP \
            + r"[" + UPPER + r"])"
        return {f"{given} {match.group(1)}" for match in re.finditer(pattern, self.text)
                if not _not_first_name(match.group(1)) and match.group(1).lower() not in common_words()}

    def _same_gender_name(self, mention, speaker: Speaker) -> Optional[Speaker]:
        """'Ms Tanaka' when the article named both Robert Tanaka and 'Aiko Tanaka, his sister': the latest full
        name before the mention that fits and that the article gives the honorific's gender."""
        if not speaker.gender or " " in speaker.name:
            return None
        short = parts(speaker.name)
        named = [name for offset, earlier in self.seen if offset < mention.start and earlier.kind == "person"
                 and earlier.name and not is_short_form(earlier.name) for name in [earlier.name]]
        named += self._written_names(speaker.name, 0, mention.start)
        fitting = [name for name in named if compatible(short, parts(name))]
        if len({fold(name) for name in fitting}) < 2:
            return None  # one person with that surname: the usual rules decide
        genders = {name: self._gender_of(name) for name in fitting}
        same = [name for name in fitting if genders[name] == speaker.gender]
        if not same:
            return None
        return Speaker(same[-1], "person", speaker.role, "surname", speaker.gender)

    def _gender_of(self, name: str) -> Optional[str]:
        spoken = [earlier.gender for _, earlier in self.seen if earlier.name == name and earlier.gender]
        return spoken[-1] if spoken else self._written_gender(name)

    def _earlier_person(self, mention, speaker: Speaker) -> Optional[Speaker]:
        """The latest person named before in full whose name the short form fits. Only people: a group
        ("speeches by Bernie Sanders") or an organisation ending in the same word is no full name."""
        short = parts(speaker.name)
        for offset, earlier in reversed(self.seen):
            if offset < mention.start and earlier.name and earlier.kind == "person" \
                    and not is_short_form(earlier.name):
                if speaker.gender and self._other_gender(earlier.name, earlier.gender, speaker.gender):
                    continue  # 'Mrs. Trump' is not the Mr. Trump named before
                if compatible(short, parts(earlier.name)):
                    return Speaker(earlier.name, "person", speaker.role or earlier.role, "surname",
                                   earlier.gender or speaker.gender)
        return None

    def _names_after(self, surname: str, after: int) -> set[str]:
        """Every 'First [Middle] Surname' written after `after`."""
        return set(self._written_names(surname, after, len(self.text)))

    def _name_in_text(self, surname: str, before: int, gender: Optional[str] = None) -> Optional[str]:
        """The last 'First [Middle] Surname' in the text before the mention (names met outside statements),
        of the gender an honorific gave the mention when the article says it ('Ms Tanaka' is not the Robert
        Tanaka named last when 'Aiko Tanaka, his sister,' was named before)."""
        names = [name for name in self._written_names(surname, 0, before)
                 if not (gender and self._other_gender(name, None, gender))]
        return names[-1] if names else None

    def _other_gender(self, name: str, known: Optional[str], wanted: str) -> bool:
        """Is the person `name` known (from a pronoun, or from the article's words) to be of the other gender?"""
        gender = known or self._written_gender(name)
        return gender is not None and gender != wanted

    def _written_gender(self, name: str) -> Optional[str]:
        """The gender the article gives a full name: an honorific before it ('Ms. Aiko Tanaka') or a gendered
        noun in apposition or before it ('Aiko Tanaka, his sister', 'his wife, Aiko Tanaka', 'the chairwoman,
        Aiko Tanaka'). None when it says nothing or says both."""
        if name not in self._genders:
            found = set()
            written = re.escape(name)
            for match in re.finditer(r"(\S+)\s+" + written + r"(?!\w)", self.text):
                gender = honorific_genders().get(match.group(1).lower())
                if gender:
                    found.add(gender)
            for match in re.finditer(written + r",\s+(?:(?:the|his|her|their|a|an)\s+)?(?:[\w-]+\s+)?([\w-]+)\b",
                                     self.text):
                found.add(gendered_nouns().get(match.group(1).lower()))
            for match in re.finditer(r"\b([\w-]+),?\s+" + written + r"(?!\w)", self.text):
                found.add(gendered_nouns().get(match.group(1).lower()))
            found.discard(None)
            if not found and " " in name:  # 'Mr. Dujarric' of the one Stephane Dujarric, before the census
                surname = name.split()[-1]
                found = {honorific_genders().get(m.group(1).lower()) for m in HONORIFIC_SURNAME.finditer(self.text)
                         if m.group(2) == surname} - {None}
                found = found if len(found) == 1 and len(set(self._written_names(surname, 0, len(self.text)))) == 1 \
                    else set()
            if not found and " " in name:  # the article says nothing: a given name one sex carries
                found = {first_name_genders().get(fold(name.split()[0]))} - {None}
            self._genders[name] = found.pop() if len(found) == 1 else None
        return self._genders[name]

    def _written_names(self, surname: str, start: int, end: int) -> list[str]:
        """'First [Middle] Surname' written in text[start:end], in order."""
        pattern = re.compile(r"((?:[" + UPPER + r"][\w’'.-]*" + GAP + r"){1,2})" + re.escape(surname) + r"(?!\w)")
        found = []
        for match in pattern.finditer(self.text, start, end):
            going_on = NAME_GOES_ON.match(self.text, match.end())
            following = re.sub(r"[’']s$", "", going_on.group(1)).lower().rstrip(".") if going_on else ""
            if following in org_words() or following == "world":
                continue  # 'Walt Disney Company', 'Walt Disney World': no person's full name
            tokens = self._name_tokens(match.start(1), match.group(1), match.end())
            if tokens:
                found.append(" ".join(tokens + [surname]))
        return found

    def _name_tokens(self, start: int, written: str, end: int) -> list[str]:
        """The words of written (at text[start:]) that can open a name ending at `end`: none before a sentence
        end, no opening sentence word, title or honorific, and — where the NER tagged that sentence — none
        before the person it found that cannot be a given name ('Still' of 'Still Sanders', 'Despite Mr.' of
        'Despite Mr. Trump', "Gazette’s" of "Gazette’s Ana Okafor"; not 'Frederic' of 'Frederic C. Lind')."""
        spans = [(start + m.start(), m.group()) for m in re.finditer(r"\S+", written)]
        tokens = _after_sentence_end([token for _, token in spans])
        titled = [i for i, token in enumerate(tokens) if token.lower() in honorifics()
                  or (i < len(tokens) - 1 and _title_token(token.lower()))]
        # 'B. Mr. Obama', 'Acme-Northgate CEO Ines Varga': a name starts after 'Mr.' or a title
        tokens = tokens[titled[-1] + 1:] if titled else tokens
        while tokens and _not_first_name(tokens[0]):
            tokens = tokens[1:]
        person = self._person_holding(end - 1)
        if person is not None:
            starts = [offset for offset, _ in spans[len(spans) - len(tokens):]]
            while tokens and starts[0] < person.start_char and _no_given_name(tokens[0]):
                tokens, starts = tokens[1:], starts[1:]
        return tokens

    def _spelled_out(self, initialism: str) -> Optional[str]:
        """The name the article writes before '(KCNA)' whose capitalised words' initials spell it ('Korean
        Central News Agency'; 'Shipping and Harbour Commission' for SHC), or None."""
        letters = re.sub(r"[^A-Z]", "", initialism)
        for match in re.finditer(r"((?:[" + UPPER + r"][\w’'.-]*\s+(?:(?:of|for|and|on|the|de|&)\s+)*){2,9})\(\s*"
                                 + re.escape(initialism) + r"\s*\)", self.text):
            words = match.group(1).split()
            for first in range(len(words)):
                if words[first][:1].isupper() and "".join(w[0] for w in words[first:] if w[:1].isupper()) == letters:
                    return " ".join(words[first:])
        return None

    def _person_holding(self, offset: int):
        """The NER's person entity holding text[offset], where the article's parsed sentences carry tags."""
        return next((e for e in self._people or [] if e.start_char <= offset < e.end_char), None)


def _pronoun_antecedent(article: ArticleSpeakers, mention, speaker: Speaker) -> Optional[Speaker]:
    return article._antecedent(mention, speaker) if speaker.rule == "pronoun" else None


def _short_name(article: ArticleSpeakers, mention, speaker: Speaker) -> Optional[Speaker]:
    if speaker.name and speaker.kind in ("person", "unknown") and is_short_form(speaker.name) \
            and not _institution_after_the(mention, speaker):
        return article._full_name(mention, speaker)
    return None


def _institution_after_the(mention, speaker: Speaker) -> bool:
    """'The Church' of a kind the NER left open: after 'the', one capitalised word is no person's surname."""
    return speaker.kind == "unknown" and mention.words[0].text.lower() == "the"


def _written_in_full(article: ArticleSpeakers, mention, speaker: Speaker) -> Optional[Speaker]:
    """'As coauthor Colette Heald told …' with the mention cut to 'Heald': the full name written in place."""
    if speaker.name and speaker.kind in ("person", "unknown") and " " not in speaker.name:
        full = article._full_name_in_place(mention)
        return Speaker(full, "person", speaker.role, "surname", speaker.gender) if full else None
    return None


def _spelled_out(article: ArticleSpeakers, mention, speaker: Speaker) -> Optional[Speaker]:
    """'KCNA said' after 'the Korean Central News Agency (KCNA)': the name the article spells out."""
    if not speaker.name or not INITIALISM.fullmatch(speaker.name):
        return None
    full = article._spelled_out(speaker.name)
    return Speaker(full, "organization", speaker.role, "initialism") if full else None


def _organisation_short_form(article: ArticleSpeakers, mention, speaker: Speaker) -> Optional[Speaker]:
    """'The Society also claims' where the article writes 'the Society of Lamplighters'; 'the Commission' where it
    writes 'the Harbour Commission': the one longer organisation name the text writes with that word first
    (before 'of'/'for') or, for an organisation word, last."""
    name = speaker.name or ""
    # a kind the NER left open counts after 'the' ('The Church', tagged as a thing): no person is 'the Church'
    institution = speaker.kind == "organization" or _institution_after_the(mention, speaker)
    if not institution or " " in name or not name[:1].isupper() or len(name) < 3:
        return None
    word = re.escape(name)
    cap = r"[" + UPPER + r"][\w’'-]*"
    longer = {m.group(0) for m in re.finditer(r"\b" + word + GAP + r"(?:of|for)" + GAP + r"(?:the" + GAP + r")?"
                                             + cap + r"(?:" + GAP + cap + r")*", article.text)}
    if name.lower() in org_words():
        longer |= {m.group(1) + name for m in re.finditer(r"\b((?:" + cap + GAP + r"){1,3})" + word + r"\b", article.text)
                   if not _no_given_name(m.group(1).split()[0]) and not _given_name(m.group(1).split()[0])}
    longer = {re.sub(r"[’']s$", "", n) for n in longer}  # "the Church of Scientology's cruise ship"
    if len(longer) == 1:
        return Speaker(longer.pop(), "organization", speaker.role, "surname")
    return None


def _one_word_organisation(article: ArticleSpeakers, mention, speaker: Speaker) -> Optional[Speaker]:
    """'Madison said': not the city, when a person of that name was named before."""
    if speaker.name and speaker.kind == "organization" and " " not in speaker.name:
        return article._earlier_person(mention, speaker) or speaker
    return None


def _company_just_named(article: ArticleSpeakers, mention, speaker: Speaker) -> Optional[Speaker]:
    """'the company said' right after a statement of a named organisation ('Blue Origin said …. “…,” the
    company stated'): that organisation. The statement just before must be that organisation's, so a
    company named in passing (as the NER reads it) or a person's statement in between leaves 'company' as
    it is."""
    if speaker.kind != "organization" or not _definite(mention) or len(mention.words) != 2 \
            or mention.head.text.lower() not in COMPANY_NOUNS:
        return None
    from quotes.extraction.tokens import word_span

    before = [(offset, earlier) for offset, earlier in article.seen if offset < mention.start]
    since = before[-1][0] if before else word_span(mention.words[0].sent.words[0])[0]
    # 'Acme Corp. … At Acme Corp., the company boasts …' after Lakeport Ratings' statement: another company named
    # since that statement may be the one meant, so nobody
    opening = _opening_name(mention)
    if opening:
        return Speaker(opening, "organization", speaker.role, "nominal")
    named = _organisations_named(article, mention, since, {before[-1][1].name} if before else set())
    if not named and before and _company_name(before[-1][1]):
        return Speaker(before[-1][1].name, "organization", speaker.role, "nominal")
    return speaker


def _opening_name(mention) -> Optional[str]:
    """'At Acme Corp., the company boasts …', 'At Northgate Media owner Acme Holdings, the company wrote …', 'With
    Lakeport Ferries close to a strike, the firm has …': the name that heads the phrase a sentence opens with
    after 'at', 'for' or 'with', where the mention is the sentence's subject after it."""
    words = mention.words[0].sent.words
    if len(words) < 4 or words[0].text.lower() not in ("at", "for", "with", "inside", "within"):
        return None
    head = words[words[0].head - 1] if words[0].head else None
    if head is None or head.upos != "PROPN" or head.id >= mention.words[0].id:
        return None
    start, end = head.id, head.id  # 1-based ids of the name's first and last word
    while start > 2 and words[start - 2].upos == "PROPN" and words[start - 2].text[:1].isupper():
        start -= 1
    while end < len(words) and words[end].upos == "PROPN" and words[end].text[:1].isupper():
        end += 1  # 'Fox | Corp.' with 'Corp.' hung elsewhere
    between = words[end:mention.words[0].id - 1]
    if not any(w.text == "," for w in between) \
            or any(w.upos in ("PROPN", "PRON") and w.deprel in ("nsubj", "nsubj:pass") for w in between):
        return None
    return " ".join(w.text for w in words[start - 1:end])


def _organisations_named(article: ArticleSpeakers, mention, since: int, spoken: set) -> set[str]:
    """The organisations the NER finds written from `since` up to the mention as the subject of a clause (a
    company only partnered with or worked at is no rival antecedent), other than those in `spoken`, their parts
    ('Fox Sports' of 'Fox Corp.': the same first word) and news outlets."""
    doc = mention.words[0].sent.doc
    found = set()
    firsts = {name.split()[0] for name in spoken if name}
    for entity in (entities(doc) if doc is not None else []):
        if entity.kind == "organization" and since <= entity.start_char and entity.end_char <= mention.start \
                and _entity_is_subject(doc, entity):
            name = re.sub(r"^(?:the|The)\s+", "", entity.text).strip(" ,.")
            if name and name not in spoken and name.split()[0] not in firsts \
                    and not any(w.lower() in outlet_words() for w in name.split()):
                found.add(name)
    return found


def _entity_is_subject(doc, entity) -> bool:
    """Is the entity's head word the subject of its clause ('Birch Corp. grew')?"""
    words = doc.sentences[entity.sentence_index].words
    inside = set(entity.word_ids)
    heads = [words[i - 1] for i in entity.word_ids if words[i - 1].head not in inside]
    return any((word.deprel or "").startswith("nsubj") for word in heads)


def _company_name(earlier: Speaker) -> bool:
    """A named speaker that can be a company: no group, no person's name (a given name first, or a gender
    known), no news outlet ('The Washington Post reported …. The firm said' is some other firm), no stray
    letter ('D' of a party tag)."""
    name = earlier.name or ""
    words = name.split()
    return len(name) >= 3 and name[:1].isupper() and earlier.kind != "group" and not earlier.gender \
        and not (earlier.kind == "person" and _given_name(words[0])) \
        and not any(w.lower() in outlet_words() for w in words)


def _role_holder(article: ArticleSpeakers, mention, speaker: Speaker) -> Optional[Speaker]:
    if speaker.name is None and speaker.kind == "person" and speaker.role and _definite(mention):
        found = article._named_holder(mention, speaker)
        return found if found.name else None
    return None


LEGISLATOR_NOUNS = frozenset({"lawmaker", "legislator"})
LEGISLATOR_TITLES = frozenset({"senator", "representative", "congressman"})


def _legislator(article: ArticleSpeakers, mention, speaker: Speaker) -> Optional[Speaker]:
    """'the lawmaker said', 'the legislator says': a word for any member of a legislature stands for the one
    person the article named before with a senator's or representative's title ('Rep. Ana Ruiz (D-Texas)
    spoke …. The lawmaker said'); with two or more such people named, nobody."""
    if speaker.name is not None or speaker.kind != "person" or not _definite(mention) \
            or mention.head.text.lower() not in LEGISLATOR_NOUNS:
        return None
    names = {earlier.name for offset, earlier in article.seen
             if offset < mention.start and earlier.kind == "person" and earlier.name
             and LEGISLATOR_TITLES & _titles(earlier.role)}
    names.update(article._titled_names_before(mention.start, set(LEGISLATOR_TITLES), set()))
    names = {n for n in names if not any(n != m and n in m for m in names)}
    if len(names) != 1:
        return None
    name = names.pop()
    return Speaker(name, "person", speaker.role, "nominal", article._gender_of(name))


def _party_or_age(article: ArticleSpeakers, mention, speaker: Speaker) -> Optional[Speaker]:
    """'the Republican says', 'the 56-year-old said', 'the Republican chair of the committee says': a party or
    an age alone, or a party before a title (a title or any other noun alone, 'the president', 'the story',
    may be someone else) stands for the person who spoke last."""
    if speaker.name is not None or speaker.kind != "person" or not _definite(mention):
        return None
    party = mention.head.text.lower() in PARTY_WORDS or (
        _title_token(mention.head.text.lower()) and mention.words[1].text.lower() in PARTY_WORDS)
    if party or AGE_DESCRIPTION.fullmatch(article.text[mention.start:mention.end]):
        found = article._person_spoken_of(mention, speaker)
        return found if found.name else None
    return None


# What a mention says on its own, in order: the first rule that reads it decides; its label is the kind of
# reading (rules.DESCRIPTIONS). `example` is a mention it fires on, parsed by hand in
# tests/extract/test_rule_tables.py.
DESCRIBE_RULES: tuple[Rule, ...] = (
    Rule("pronoun", "pronoun", _pronoun, "He said it was over."),
    Rule("title-cut-off", "name", _title_cut_off, "“It was over,” said Rep. Ana Ruiz, D-Texas."),
    Rule("quantifier", "group", _quantifier, "Most said it was over."),
    Rule("named-in-apposition", "person", _named_in_apposition,
         "The Environment Secretary, Thérèse Coffey, said it was over."),
    Rule("titled-name-after", "person", _titled_name_after, "Acme spokesman Ana Ruiz said it was over."),
    Rule("coordinated-names", "group", _coordinated, "Ana Ruiz and Tom Berg said it was over."),
    Rule("quantified-group", "group", _quantified_group, "Many Democrats said it was over."),
    Rule("person-after-title-of", "person", _person_after_title_of,
         "Governor of Texas Ana Ruiz said it was over."),
    Rule("title-last", "description", _title_last, "The Acme CEO said it was over."),
    Rule("person-after-body-title", "person", _person_after_body_title,
         "Harbor City Student Union president Ana Ruiz said it was over."),
    Rule("proper-head", "name", _proper_head, "Ana Ruiz said it was over."),
    Rule("honorific-head", "name", _honorific_head, "Ms. Sherry said it was over."),
    Rule("document-source", "name", _document_source, "A report by Acme Research said it was over."),
    Rule("surname-tagged-plural", "name", _surname_tagged_plural,
         "Wilkins said it was over. Ana Wilkins left."),
    Rule("plural-noun", "description", _plural_noun, "Some Clinton allies said it was over."),
    Rule("name-in-description", "name", _name_in_description, "UN spokesman Stephane Dujarric said it was over."),
    Rule("description", "description", _description, "A White House spokesman said it was over."),
)

# How the article resolves that reading, in order: the first rule that applies decides, whether or not it
# finds a name; its label is the resolution the record's rule carries (rules.RESOLUTIONS) when it does.
RESOLVE_RULES: tuple[Rule, ...] = (
    Rule("antecedent", "pronoun", _pronoun_antecedent, "Ana Ruiz spoke first. She said it was over."),
    Rule("spelled-out", "initialism", _spelled_out,
         "The Korean Central News Agency (KCNA) reported it. KCNA said it was over."),
    Rule("written-in-full", "surname", _written_in_full, "As Ana Ruiz said, it was over."),
    Rule("full-name", "surname", _short_name, "Ana Ruiz spoke first. Ruiz said it was over."),
    Rule("company-just-named", "nominal", _company_just_named,
         "Acme said it had won. The company said it was over."),
    Rule("organisation-short-form", "surname", _organisation_short_form,
         "The Church of Scientology spoke first. The Church said it was over."),
    Rule("one-word-organisation", "surname", _one_word_organisation,
         "NATO said it was over."),
    Rule("named-holder", "nominal", _role_holder, "Sen. Ana Ruiz spoke first. The senator said it was over."),
    Rule("party-or-age", "nominal", _party_or_age, "Sen. Ana Ruiz spoke first. The Republican said it was over."),
    Rule("legislator", "nominal", _legislator, "Rep. Ana Ruiz spoke first. The lawmaker said it was over."),
)
