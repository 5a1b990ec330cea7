"""Identity check of extraction over a PolNeAR-layout folder: how many speakers are not names, how many
people are split in two, and how many quotes sit under the wrong family member. Run, not asserted:

  python benchmarks/identity_check.py [--gold DIR] [--cache DIR] [--uk-style] [--show N] [--kinds FILE]
  python benchmarks/identity_check.py --db URL [--show N]     # across a database instead (see stored_namesakes)

Counted on the records `quotes extract` would store (the parse comes through `quotes eval`'s cache):
- not a name: a distinct person speaker whose name has a word that is not written as a name (lower case
  outside a particle, a dangling hyphen, punctuation), or opens with a common English word that is no first
  name ("Still Sanders", "Although Trump"), or is made only of common words ("Customs Enforcement").
  Common words: forms UD English EWT train writes in lower case at least twice and never capitalises
  inside a sentence (../shared/data/ud-english).
- split in two: inside one article, two person speakers where every word of one is in the other
  ("Tokayev" and "Kassym-Jomart Tokayev", "Jomart Tokayev" and "Kassym-Jomart Tokayev").
- wrong family member: a statement matched to a gold one whose annotated source is a name with the same
  surname as the speaker but another given name written before it or another generational suffix
  ("Donald Trump Jr." or "Bill Clinton" filed as "Donald Trump" / "Hillary Clinton"), or an honorific of
  the other gender when the speaker's name carries one. A bare "Mrs. X" filed under a man's full name is
  not seen (no gendered given-name list), so this count is a floor.
- no speaker name: statements (all, and direct or mixed) stored with no speaker name — an unresolved
  pronoun, a description with no named antecedent ("the spokesman"), or no mention at all.
- with --kinds FILE: speaker-kind accuracy on mentions labelled by hand. FILE is tab-separated, `doc
  mention_start mention_end kind [set [mention]]` ('#' lines are comments); a labelled mention counts when
  a record has exactly those offsets, and accuracy is given per set (the 5th column) and overall. Keep
  such a file outside the repository: its mentions are PolNeAR text.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from quotes.evaluation.polnear import evaluate_directory, match
from quotes.extraction.lexicon import honorific_genders, honorifics, role_words, ud_case_counts
from quotes.extraction.names import UPPER, fold, honorific_gender, is_particle, is_suffix, parts
from quotes.runtime.nlp import load_pipeline

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_GOLD = SHARED / "data" / "quote-eval" / "polnear"
EWT = SHARED / "data" / "ud-english" / "UD_English-EWT" / "en_ewt-ud-train.conllu"
NAME_WORD = re.compile(r"[" + UPPER + r"][\w’'.]*(?:-[" + UPPER + r"\w][\w’'.]*)*")


def common_words(path: Path = EWT) -> frozenset[str]:
    """Words EWT writes in lower case and never capitalises inside a sentence ('still', 'although')."""
    if not path.is_file():
        return frozenset()
    lower, capitalised = ud_case_counts([path])
    return frozenset(word for word, n in lower.items() if n >= 2 and not capitalised[word])


def not_a_name(name: str, common: frozenset[str]) -> bool:
    tokens = name.split()
    core = [t for t in tokens if not is_particle(t) and not is_suffix(t) and t.lower() not in honorifics()]
    if not core:
        return True
    if any(not NAME_WORD.fullmatch(t) for t in core):
        return True
    words = [t.lower().strip(".") for t in core if not re.fullmatch(r"\w\.?", t)]  # initials say nothing
    return bool(words) and (words[0] in common or all(t in common for t in words))


def split_pairs(names: set[str]) -> list[tuple[str, str]]:
    pairs = []
    for short in names:
        short_words = set(re.split(r"[\s-]+", fold(short)))
        for full in names:
            full_words = set(re.split(r"[\s-]+", fold(full)))
            if short != full and short_words < full_words:
                pairs.append((short, full))
    return pairs


def family_mismatch(gold_source: str, speaker: str) -> bool:
    """Same surname, different person: the given name written before the gold surname is none of the
    speaker's given names, the suffixes differ, or the honorifics' genders do."""
    words = gold_source.replace(",", " ").split()
    if not words or len(words) > 8:
        return False
    gold, predicted = parts(gold_source), parts(speaker)
    if not gold.surname or not predicted.surname or fold(gold.surname) != fold(predicted.surname):
        return False
    if not any(w[:1].isupper() for w in gold.surname.split()):
        return False
    if fold(gold.suffix.rstrip(".")) != fold(predicted.suffix.rstrip(".")):
        return True
    before = gold.given[-1] if gold.given else ""
    written_given = before[:1].isupper() and not before.endswith(".") and len(before) > 1 \
        and before.lower() not in honorifics() and before.lower() not in role_words()
    if written_given and predicted.given and fold(before) not in {fold(g) for g in predicted.given}:
        return True
    gender = next((honorific_genders()[w.lower()] for w in words if w.lower() in honorific_genders()), None)
    return gender is not None and honorific_gender(speaker.split()) not in (None, gender)


def stored_namesakes(url: str) -> dict[str, list]:
    """Across a database (after `quotes ingest`): live person speakers named by a bare surname ("Obama")
    while a full-named person of that surname (and suffix) is stored too. "one" lists those beside exactly
    one such full name (the split the look-up shows as a one-quote "Obama" next to "Barack Obama"),
    "several" those beside two or more (ambiguous: waiting is right). Rows: (bare, quotes, [full names])."""
    from sqlalchemy import func, select
    from sqlmodel import Session

    from quotes.db import make_engine
    from quotes.db.models import Quote, StoredSpeaker
    from quotes.db.names import name_parts

    engine = make_engine(url, read_only=True)
    with Session(engine) as session:
        counts = dict(session.execute(select(Quote.speaker_id, func.count()).group_by(Quote.speaker_id)).all())
        people = session.execute(select(StoredSpeaker.id, StoredSpeaker.name, StoredSpeaker.surname_key)
                                 .where(StoredSpeaker.kind == "person", StoredSpeaker.merged_into_id.is_(None))).all()
    engine.dispose()
    full: dict[str, list] = {}
    for person in people:
        parts = name_parts(person.name)
        if not parts.is_bare:
            full.setdefault(parts.surname, []).append((parts.suffix, person.name))
    found: dict[str, list] = {"one": [], "several": []}
    for person in people:
        parts = name_parts(person.name)
        if not parts.is_bare:
            continue
        names = [name for suffix, name in full.get(parts.surname, []) if parts.suffix in (None, suffix)]
        if names:
            found["one" if len(names) == 1 else "several"].append((person.name, counts.get(person.id, 0), names))
    return found


def read_kinds(path: Path) -> dict[tuple[str, int, int], tuple[str, str]]:
    """(doc, mention start, mention end) -> (kind, set) from a labelled file."""
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = line.split("\t")
        if line.startswith("#") or len(row) < 4:
            continue
        labels[(row[0], int(row[1]), int(row[2]))] = (row[3], row[4] if len(row) > 4 else "all")
    return labels


def kind_accuracy(labels: dict, docs, predictions) -> dict[str, tuple[int, int]]:
    """set -> (right, labelled mentions found) over the records whose mention carries a label."""
    scores: dict[str, list[int]] = {}
    for doc, records in zip(docs, predictions):
        for record in records:
            label = labels.get((doc.name, record.mention_start, record.mention_end))
            if label is None:
                continue
            kind, group = label
            for name in (group, "all"):
                score = scores.setdefault(name, [0, 0])
                score[0] += record.speaker_kind == kind
                score[1] += 1
    return {name: (right, total) for name, (right, total) in scores.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", default=str(DEFAULT_GOLD))
    parser.add_argument("--cache", help="parse cache folder (as for `quotes eval --cache`)")
    parser.add_argument("--uk-style", action="store_true")
    parser.add_argument("--show", type=int, default=0, help="print up to N examples of each count")
    parser.add_argument("--db", help="count bare surnames beside a full-named namesake in this database instead")
    parser.add_argument("--kinds", help="hand-labelled speaker kinds (see above) to score speaker_kind against")
    args = parser.parse_args()
    if args.db:
        found = stored_namesakes(args.db)
        for which, rows in found.items():
            print(f"bare surnames beside {which} full-named namesake{'s' if which == 'several' else ''}  "
                  f"{len(rows)} speakers, {sum(n for _, n, _ in rows)} quotes")
            for row in sorted(rows, key=lambda r: -r[1])[:args.show]:
                print(f"  {which}: {row}", file=sys.stderr)
        return
    nlp = load_pipeline()
    docs, predictions, _ = evaluate_directory(Path(args.gold), nlp, cache_dir=Path(args.cache) if args.cache else None,
                                              uk=args.uk_style)
    common = common_words()
    bad_names, split, family, speakers = [], [], [], set()
    for doc, records in zip(docs, predictions):
        people = {r.speaker for r in records if r.speaker and r.speaker_kind == "person"}
        speakers |= {(doc.name, p) for p in people}
        bad_names += [(doc.name, p) for p in sorted(people) if not_a_name(p, common)]
        split += [(doc.name, pair) for pair in split_pairs(people)]
        for i, j in match(doc.text, records, doc.attributions, 0.5):
            gold, record = doc.attributions[j], records[i]
            source = " ".join(doc.text[s:e] for s, e in gold.source)
            if record.speaker and source and family_mismatch(source, record.speaker):
                family.append((doc.name, source, record.speaker))
    print(f"articles {len(docs)}  person speakers (per article) {len(speakers)}")
    print(f"speakers whose name is not a name  {len(bad_names)}")
    print(f"people split in two                {len(split)}")
    print(f"quotes under a wrong family member {len(family)}")
    records = [r for rs in predictions for r in rs]
    direct = [r for r in records if r.kind in ("direct", "mixed")]
    for label, rows in (("statements", records), ("direct/mixed", direct)):
        unnamed = sum(r.speaker is None for r in rows)
        print(f"{label} with no speaker name {unnamed}/{len(rows)} = {unnamed / max(len(rows), 1):.3f}")
    if args.kinds:
        for name, (right, total) in sorted(kind_accuracy(read_kinds(Path(args.kinds)), docs, predictions).items()):
            print(f"speaker kind right ({name:>7})      {right}/{total} = {right / total:.3f}")
    for title, rows in (("not a name", bad_names), ("split", split), ("family", family)):
        for row in rows[:args.show]:
            print(f"  {title}: {row}", file=sys.stderr)


if __name__ == "__main__":
    main()
