"""Training data and word vectors for the bundled NER model (a `train-models` stage, see MODEL_CARD.md).

GUM and GENTLE annotate every entity mention in the MISC column (`Entity=(3-person-...`, `Entity=3)`), named
or not, nested. A NER model wants flat named spans: a mention counts when its syntactic head is a proper
noun, and its name is the run of proper nouns around that head, without the title, article or modifiers the
mention also covers ("the former President Jane Doe" -> "Jane Doe"). Spans are written as Stanza NER JSON
(one list of {"text", "ner"} per sentence, BIOES) over syntactic words ("do", "n't"), which is what quotes.runtime.nlp
feeds the tagger (it runs on the parse pipeline's pretokenized words).
"""

from __future__ import annotations

import json
import re
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional

# GUM entity type -> NER label; person mentions headed by a plural name are groups ("Democrats", "the Kurds")
LABELS = {
    "person": "PER", "organization": "ORG", "place": "LOC",
    "event": "MISC", "object": "MISC", "abstract": "MISC", "substance": "MISC", "animal": "MISC", "plant": "MISC",
}
GROUP = "GRP"
# dependents of a name's head that are not part of the name ("the", titles, appositions, clauses, possessors)
NOT_NAME = frozenset({"det", "det:poss", "nmod:desc", "appos", "acl", "acl:relcl", "nmod:poss", "nummod", "conj",
                      "cc", "parataxis", "dep", "list", "advmod", "punct"})
# a person's name has no prepositional or compound modifiers ("President of the Society", "Kazakhstan President")
NOT_PERSON_NAME = NOT_NAME | {"nmod", "nmod:tmod", "nmod:npmod", "nmod:unmarked", "compound", "obl"}
# tokens that may sit between two proper nouns of one name ("Bank of America", "Jean - Luc", "AT & T")
CONNECTORS = {"of", "for", "de", "du", "des", "la", "le", "von", "van", "der", "den", "del", "della", "da", "di",
              "al", "bin", "the", "and", "&", "-", "–", ".", "'s", "’s", "/"}
# a person "name" made only of titles is no name ("as President of ...")
TITLES = {"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "president", "senator", "sen.", "governor", "gov.",
          "king", "queen", "prince", "princess", "pope", "general", "gen.", "captain", "capt.", "professor",
          "prof.", "judge", "minister", "chancellor", "secretary", "mayor", "sir", "lord", "lady", "saint", "st.",
          "rep.", "representative", "chairman", "chairwoman", "director", "ceo", "father", "mother", "uncle", "aunt"}


@dataclass
class Word:
    id: int
    text: str
    upos: str
    head: int
    deprel: str
    feats: str
    token: int  # index of the surface token holding this word


@dataclass(frozen=True)
class Mention:
    start: int  # word ids, inclusive
    end: int
    etype: str


@dataclass
class Sentence:
    tokens: list[str]
    words: list[Word]
    mentions: list[Mention]
    doc: str


def _parse_entity(value: str, word_id: int, open_mentions: dict, mentions: list) -> None:
    """Read one `Entity=` value: '(' id-type-... opens a mention, 'id)' closes it, '(...)' is one word."""
    value = re.sub(r"\[[^\]]*\]", "", value)  # discontinuous-mention parts; the mention is read whole
    position = 0
    while position < len(value):
        if value[position] == "(":
            stop = position + 1
            while stop < len(value) and value[stop] not in "()":
                stop += 1
            fields = value[position + 1:stop].split("-")
            eid, etype = fields[0], fields[1] if len(fields) > 1 else ""
            if stop < len(value) and value[stop] == ")":
                mentions.append(Mention(word_id, word_id, etype))
                stop += 1
            else:
                open_mentions.setdefault(eid, []).append((word_id, etype))
            position = stop
        else:
            match = re.match(r"([^()]+)\)", value[position:])
            if not match:
                break
            eid = match.group(1)
            if open_mentions.get(eid):
                start, etype = open_mentions[eid].pop()
                mentions.append(Mention(start, word_id, etype))
            position += match.end()


def read_conllu(path: Path) -> Iterator[Sentence]:
    """Sentences of a CoNLL-U file with their surface tokens, words and entity mentions (nesting kept)."""
    doc = ""
    tokens: list[str] = []
    words: list[Word] = []
    mentions: list[Mention] = []
    open_mentions: dict = {}
    mwt_end = 0
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id"):
                doc = line.split("=", 1)[1].strip()
            if not line:
                if words:
                    yield Sentence(tokens, words, mentions, doc)
                tokens, words, mentions, open_mentions, mwt_end = [], [], [], {}, 0
                continue
            if line.startswith("#"):
                continue
            columns = line.split("\t")
            if "." in columns[0]:
                continue
            if "-" in columns[0]:
                tokens.append(columns[1])
                mwt_end = int(columns[0].split("-")[1])
                continue
            word_id = int(columns[0])
            if word_id > mwt_end:
                tokens.append(columns[1])
            words.append(Word(word_id, columns[1], columns[3], int(columns[6]), columns[7], columns[5],
                              len(tokens) - 1))
            for item in columns[9].split("|"):
                if item.startswith("Entity="):
                    _parse_entity(item[len("Entity="):], word_id, open_mentions, mentions)
    if words:
        yield Sentence(tokens, words, mentions, doc)


def _subtree(words: list[Word], root: int, start: int, end: int) -> set[int]:
    """Word ids below `root` (itself included) inside start..end."""
    inside = {root}
    grew = True
    while grew:
        grew = False
        for word in words[start - 1:end]:
            if word.id not in inside and word.head in inside:
                inside.add(word.id)
                grew = True
    return inside


def _mention_head(words: list[Word], mention: Mention) -> Word:
    for word in words[mention.start - 1:mention.end]:
        if not mention.start <= word.head <= mention.end:
            return word
    return words[mention.start - 1]


def name_span(words: list[Word], mention: Mention) -> Optional[tuple[int, int, str]]:
    """(first word id, last word id, label) of the name a mention is headed by, or None if it is not named."""
    label = LABELS.get(mention.etype)
    head = _mention_head(words, mention)
    if label is None or head.upos != "PROPN":
        return None
    if label == "PER" and "Number=Plur" in head.feats:
        label = GROUP
    breakers = NOT_PERSON_NAME if label in ("PER", GROUP) else NOT_NAME
    excluded: set[int] = set()
    for word in words[mention.start - 1:mention.end]:
        if word.head == head.id and word.deprel in breakers:
            excluded |= _subtree(words, word.id, mention.start, mention.end)

    def allowed(word: Word) -> bool:
        # a capitalised adjective or noun inside a name belongs to it ("European Commission", "Red Cross")
        capitalised = word.text[:1].isupper() and word.id > 1
        connector = word.text.lower() in CONNECTORS or word.upos == "NUM"
        return word.id not in excluded and (word.upos == "PROPN" or connector or capitalised)

    first = last = head.id
    while first - 1 >= mention.start and allowed(words[first - 2]):
        first -= 1
    while last + 1 <= mention.end and allowed(words[last]):
        last += 1
    while words[first - 1].text.lower() in CONNECTORS:
        first += 1
    while words[last - 1].text.lower() in CONNECTORS:
        last -= 1
    if label == "PER" and all(word.text.lower() in TITLES for word in words[first - 1:last]):
        return None
    return first, last, label


# of two mentions with the same name, the more specific type labels it ("Palmeri" as a person and as the
# object "the Palmeri case"); a fixed order, since set order changes from run to run with Python's hash seed
LABEL_PRIORITY = ("PER", GROUP, "ORG", "LOC", "MISC")


def named_spans(sentence: Sentence) -> list[tuple[int, int, str]]:
    """Flat, non-overlapping named spans over word ids; of two overlapping names the longer wins."""
    spans = {span for mention in sentence.mentions if (span := name_span(sentence.words, mention))}
    chosen: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0], LABEL_PRIORITY.index(s[2]))):
        if all(span[1] < other[0] or span[0] > other[1] for other in chosen):
            chosen.append(span)
    return sorted(chosen)


def bioes_tags(sentence: Sentence) -> list[str]:
    """One BIOES tag per word."""
    tags = ["O"] * len(sentence.words)
    for first, last, label in named_spans(sentence):
        if first == last:
            tags[first - 1] = f"S-{label}"
            continue
        tags[first - 1] = f"B-{label}"
        for index in range(first, last - 1):
            tags[index] = f"I-{label}"
        tags[last - 1] = f"E-{label}"
    return tags


def to_stanza_json(sentences: Iterable[Sentence]) -> list[list[dict]]:
    return [[{"text": word.text, "ner": tag} for word, tag in zip(sentence.words, bioes_tags(sentence))]
            for sentence in sentences]


def held_out(doc_index: int) -> bool:
    """GENTLE has only one split: every fourth of its documents is kept out of training, for testing."""
    return doc_index % 4 == 3


def split_gentle(path: Path) -> tuple[list[Sentence], list[Sentence]]:
    """(train, test) sentences of GENTLE, split by whole documents."""
    train, test, docs = [], [], []
    for sentence in read_conllu(path):
        if not docs or docs[-1] != sentence.doc:
            docs.append(sentence.doc)
        (test if held_out(len(docs) - 1) else train).append(sentence)
    return train, test


# --- word vectors: spaCy's en_core_web_md table (a wheel on PyPI) -> a small Stanza pretrain file -------------

def _murmurhash64a(data: bytes, seed: int = 1) -> int:
    """spaCy's string hash (MurmurHash64A, seed 1): how its vector table is keyed."""
    mask = (1 << 64) - 1
    m, r = 0xC6A4A7935BD1E995, 47
    h = (seed ^ (len(data) * m)) & mask
    blocks = len(data) // 8
    for index in range(blocks):
        k = struct.unpack_from("<Q", data, index * 8)[0]
        k = (k * m) & mask
        k ^= k >> r
        k = (k * m) & mask
        h ^= k
        h = (h * m) & mask
    tail = data[blocks * 8:]
    if tail:
        h ^= int.from_bytes(tail, "little")
        h = (h * m) & mask
    h ^= h >> r
    h = (h * m) & mask
    h ^= h >> r
    return h


def _read_key2row(raw: bytes) -> list[tuple[int, int]]:
    """spaCy's msgpack map of string hash -> vector row, in table order (most frequent words first)."""
    offset = 0

    def read_uint() -> int:
        nonlocal offset
        marker = raw[offset]
        offset += 1
        if marker <= 0x7F:
            return marker
        size = {0xCC: 1, 0xCD: 2, 0xCE: 4, 0xCF: 8}[marker]
        value = int.from_bytes(raw[offset:offset + size], "big")
        offset += size
        return value

    marker = raw[0]
    if marker == 0xDF:
        count, offset = int.from_bytes(raw[1:5], "big"), 5
    elif marker == 0xDE:
        count, offset = int.from_bytes(raw[1:3], "big"), 3
    else:
        count, offset = marker & 0x0F, 1
    pairs = []
    for _ in range(count):
        key = read_uint()
        pairs.append((key, read_uint()))
    return pairs


def _spacy_member(names: list[str], suffix: str) -> str:
    for name in names:
        if name.endswith(suffix):
            return name
    raise FileNotFoundError(f"no {suffix} in the spaCy model")


def read_spacy_vectors(source: Path):
    """(words in table order, row of each word, vector table) from an en_core_web_md wheel or unpacked model."""
    import numpy as np

    if source.is_file():
        archive = zipfile.ZipFile(source)
        names = archive.namelist()
        read = lambda suffix: archive.read(_spacy_member(names, suffix))  # noqa: E731
    else:
        names = [str(path) for path in source.rglob("*") if path.is_file()]
        read = lambda suffix: Path(_spacy_member(names, suffix)).read_bytes()  # noqa: E731
    import io

    table = np.load(io.BytesIO(read("vocab/vectors")))
    pairs = _read_key2row(read("vocab/key2row"))
    strings = json.loads(read("vocab/strings.json"))
    by_key = {_murmurhash64a(text.encode("utf-8")): text for text in strings}
    words, rows = [], []
    for key, row in pairs:
        if key in by_key:
            words.append(by_key[key])
            rows.append(row)
    return words, np.asarray(rows), table


def projected_vectors(source: Path, dims: int):
    """(table row of each lowercased word, the table projected onto its top `dims` principal axes, scaled to unit
    standard deviation): the vectors every NER pretrain file is cut from."""
    import numpy as np

    words, rows, table = read_spacy_vectors(source)
    centred = table.astype(np.float64) - table.astype(np.float64).mean(axis=0)
    _, _, axes = np.linalg.svd(centred, full_matrices=False)
    projected = centred @ axes[:dims].T
    projected /= projected.std()
    row_of: dict[str, int] = {}
    for word, row in zip(words, rows):
        # a lowercase entry is the word itself; otherwise the first cased variant stands for it
        lower = word.lower()
        if word == lower or lower not in row_of:
            row_of[lower] = int(row)
    return row_of, projected


def known_words(words_by_frequency: Iterable[str], row_of: dict[str, int], max_words: int) -> list[str]:
    """The first `max_words` distinct lowercased words that have a vector (no word with a space in it)."""
    vocab: list[str] = []
    for word in dict.fromkeys(word.lower() for word in words_by_frequency):
        if len(vocab) >= max_words:
            break
        if word in row_of and not any(ch.isspace() for ch in word):
            vocab.append(word)
    return vocab


def build_pretrain(source: Path, output: Path, *, words_by_frequency: list[str], max_words: int,
                   dims: int, dtype: str = "float16") -> tuple[int, int]:
    """Write a Stanza pretrain file from spaCy's table and return its (words, dims).

    Kept small because it is bundled: spaCy's table is not in frequency order, so the vocabulary is the first
    `max_words` of `words_by_frequency` (counted in the UD training text) that the table knows, lowercased as
    Stanza's NER looks words up, each vector projected onto the table's top `dims` principal axes and stored as
    `dtype`: float16 for the NER (Stanza copies it into a float32 embedding); the parser needs float32, as it
    embeds the stored tensor as it is.
    """
    import numpy as np

    row_of, projected = projected_vectors(source, dims)
    vocab = known_words(words_by_frequency, row_of, max_words)
    from stanza.models.common.vocab import VOCAB_PREFIX

    full = np.zeros((len(vocab) + len(VOCAB_PREFIX), dims), dtype=dtype)  # PAD, UNK, …: zero vectors
    full[len(VOCAB_PREFIX):] = projected[[row_of[word] for word in vocab]]
    _save_pretrain(vocab, full, output)
    return len(vocab), dims


def _save_pretrain(vocab: list[str], full, output: Path) -> None:
    """Stanza's pretrain format: {"vocab": PretrainedWordVocab state, "emb": a row per id, specials first}."""
    import torch
    from stanza.models.common.pretrain import Pretrain, PretrainedWordVocab

    output.parent.mkdir(parents=True, exist_ok=True)
    word_vocab = PretrainedWordVocab(vocab, lower=False)
    torch.save({"vocab": word_vocab.state_dict(), "emb": torch.from_numpy(full)}, output)
    loaded = Pretrain(str(output))  # read it back: a format mistake fails here, not at run time
    if loaded.emb.shape != full.shape:
        raise ValueError(f"pretrain {output} read back with shape {tuple(loaded.emb.shape)}")


# --- the train-models stage ------------------------------------------------------------------------------------

GUM = "UD_English-GUM"
GENTLE = "UD_English-GENTLE"
# the text whose word frequencies choose the vector vocabulary: training and dev splits only, never a test set
FREQUENCY_SPLITS = ("train", "dev")


@dataclass(frozen=True)
class NerFiles:
    """Where the NER stage keeps its data, under WORK/data/ner."""

    folder: Path

    @property
    def train(self) -> Path:
        return self.folder / "train.json"

    @property
    def dev(self) -> Path:
        return self.folder / "dev.json"

    def test(self, name: str) -> Path:
        return self.folder / f"test.{name}.json"

    @property
    def pretrain(self) -> Path:
        return self.folder / "pretrain.pt"


def word_frequencies(ud_dir: Path) -> list[str]:
    """Word forms of every UD English train and dev split, most frequent first."""
    from collections import Counter

    counts: Counter = Counter()
    for path in sorted(ud_dir.glob("UD_English-*/*.conllu")):
        if path.stem.rsplit("-", 1)[-1] in FREQUENCY_SPLITS:
            for sentence in read_conllu(path):
                counts.update(token.lower() for token in sentence.tokens)
    return [word for word, _ in counts.most_common()]


def _split(ud_dir: Path, treebank: str, split: str) -> Path:
    matches = sorted((ud_dir / treebank).glob(f"*-ud-{split}.conllu"))
    if not matches:
        raise FileNotFoundError(f"no {split} file in {ud_dir / treebank}: pass --ud-dir with GUM and GENTLE")
    return matches[0]


def prepare_ner_data(ud_dir: Path, files: NerFiles, news_dir: Optional[Path] = None,
                     gum_copies: int = 2, conll_copies: int = 1) -> dict[str, int]:
    """Train = GUM train + GENTLE (three documents in four), dev = GUM dev, tests = GUM test and GENTLE's rest.

    With `news_dir` (quotes.training.ner_news.NewsCorpora) train adds CoNLL-2003 train and all of WikiNEuRal, with GUM
    and GENTLE repeated `gum_copies` times so that GRP and GUM's conventions keep their weight among three
    times as many news sentences, and CoNLL-2003 train `conll_copies` times (the target is news: WikiNEuRal is
    Wikipedia text, GUM mostly not news); dev adds CoNLL-2003 val and the tests CoNLL-2003 test.
    """
    gentle_train, gentle_test = split_gentle(_split(ud_dir, GENTLE, "test"))
    gum_train = [*read_conllu(_split(ud_dir, GUM, "train")), *gentle_train]
    gum_dev = read_conllu(_split(ud_dir, GUM, "dev"))
    train, dev = to_stanza_json(gum_train), to_stanza_json(gum_dev)
    tests = {"gum": to_stanza_json(read_conllu(_split(ud_dir, GUM, "test"))), "gentle": to_stanza_json(gentle_test)}
    if news_dir is not None:
        from quotes.training.ner_news import NewsCorpora, news_to_stanza_json, read_bio_conll

        corpora = NewsCorpora(news_dir)
        conll = news_to_stanza_json(read_bio_conll(corpora.conll("train")))
        wiki = news_to_stanza_json(sentence for path in corpora.wikineural() for sentence in read_bio_conll(path))
        train = train * gum_copies + conll * conll_copies + wiki
        dev = dev + news_to_stanza_json(read_bio_conll(corpora.conll("val")))
        tests["conll"] = news_to_stanza_json(read_bio_conll(corpora.conll("test")))
    counts = {"train": _write_json(train, files.train), "dev": _write_json(dev, files.dev)}
    for name, data in tests.items():
        counts[f"test.{name}"] = _write_json(data, files.test(name))
    return counts


def _write_json(data: list[list[dict]], path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return len(data)


# --- scoring ----------------------------------------------------------------------------------------------------

def bioes_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """(first, last, label) spans of one sentence's BIOES (or BIO) tags; ill-formed runs are read leniently."""
    spans, start, label = set(), None, None
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, name = tag.partition("-")
        if start is not None and (tag == "O" or prefix in ("B", "S") or name != label):
            spans.add((start, index - 1, label))
            start = None
        if tag != "O" and start is None:
            start, label = index, name
        if prefix in ("E", "S") and start is not None:
            spans.add((start, index, label))
            start = None
    return spans


@dataclass(frozen=True)
class Score:
    label: str
    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def score_predictions(path: Path) -> list[Score]:
    """Exact-span entity scores by label, then over all labels ("all"), from ner_tagger's --eval_output_file
    (word, gold tag, predicted tag per line; a blank line between sentences)."""
    from collections import Counter

    gold_count, predicted_count, correct_count = Counter(), Counter(), Counter()
    gold_tags: list[str] = []
    predicted_tags: list[str] = []

    def add_sentence():
        gold, predicted = bioes_spans(gold_tags), bioes_spans(predicted_tags)
        gold_count.update(span[2] for span in gold)
        predicted_count.update(span[2] for span in predicted)
        correct_count.update(span[2] for span in gold & predicted)
        gold_tags.clear()
        predicted_tags.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            add_sentence()
            continue
        _, gold_tag, predicted_tag = line.rsplit("\t", 2)
        gold_tags.append(gold_tag)
        predicted_tags.append(predicted_tag)
    add_sentence()
    labels = sorted(set(gold_count) | set(predicted_count))
    scores = [Score(label, gold_count[label], predicted_count[label], correct_count[label]) for label in labels]
    scores.append(Score("all", sum(gold_count.values()), sum(predicted_count.values()),
                        sum(correct_count.values())))
    return scores


def markdown_scores(results: dict[str, list[Score]]) -> str:
    """One table: a row per test set and label, precision / recall / F1 in percent, gold entity counts."""
    lines = ["| test set | type | gold | P | R | F1 |", "|---|---|---:|---:|---:|---:|"]
    for name, scores in results.items():
        for score in scores:
            lines.append(f"| {name} | {score.label} | {score.gold} | {100 * score.precision:.1f} | "
                         f"{100 * score.recall:.1f} | {100 * score.f1:.1f} |")
    return "\n".join(lines)


# --- shipping: a smaller model with the same predictions ------------------------------------------------------

def compact_ner_model(model_in: Path, model_out: Path) -> None:
    """Store the trained model's weights as float16 (Stanza casts them back when it loads them): half the size,
    and the same tags on GUM dev to the last token. (Folding the model's fine-tuned word-vector corrections
    into the float16 vector table as well would save 3.4 MB more, but changed 7 of 28,119 dev tags.)"""
    import pickle

    import torch

    from quotes.errors import UnsafeModel

    try:  # weights only, as every other model load: a crafted checkpoint would run code when unpickled
        checkpoint = torch.load(model_in, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as error:
        raise UnsafeModel.refusing(str(model_in), error) from error
    checkpoint["model"] = {name: value.half() if value.is_floating_point() else value
                           for name, value in checkpoint["model"].items()}
    model_out.parent.mkdir(parents=True, exist_ok=True)
    torch.save(checkpoint, model_out, _use_new_zipfile_serialization=False)
