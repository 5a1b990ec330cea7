"""UK and international house style: single quotation marks told from apostrophes, double marks nested in
single ones, multi-paragraph quotes, and the UK copy `quotes eval --uk-style` scores on."""

import subprocess
import sys
from pathlib import Path

import pytest

from handparse import doc_from_rows
from quotes.evaluation.polnear import uk_style
from quotes.extraction.extract import selected_sentences
from quotes.extraction.marks import quote_spans


def inner(text):
    return [text[q.start:q.end] for q in quote_spans(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("‘We have spent more than we planned,’ Ms Lund told the radio.", ["We have spent more than we planned,"]),
        ("‘No, I will not.’", ["No, I will not."]),
        ("'We can't stop now,' he said.", ["We can't stop now,"]),
        ("He called it ‘a folly’ and ‘a waste’.", ["a folly", "a waste"]),
        # apostrophes: contractions, plural possessives, years, elisions
        ("The voters’ mood in the ’80s was not rock ’n’ roll, and they don’t forget.", []),
        ("The Smiths' garden won 'em prizes in the '70s.", []),
        ("‘The voters’ mood is sour,’ she said.", ["The voters’ mood is sour,"]),
        ("‘It’s the farmers’ choice,’ said Mr Vale.", ["It’s the farmers’ choice,"]),
        ("‘We saw ’em coming,’ he said.", ["We saw ’em coming,"]),
        # double marks nested in single ones belong to the outer quotation, and the other way round
        ("‘He told me “go home” at once,’ she said.", ["He told me “go home” at once,"]),
        ("“He called it ‘a fiasco’ today,” she said.", ["He called it ‘a fiasco’ today,"]),
        ("‘He called it ‘a fiasco’ today,’ she said.", ["He called it ‘a fiasco’ today,"]),
    ],
)
def test_single_marks(text, expected):
    assert inner(text) == expected


def test_multi_paragraph_quote_in_single_marks():
    text = "She said: ‘First part.\n\n‘Second part.\n\n‘Third part,’ she said.\n\nLater ‘other’ text."
    first, second = quote_spans(text)
    assert [text[s:e] for s, e in first.pieces] == ["First part.", "Second part.", "Third part,"]
    assert first.closed and text[second.start:second.end] == "other"


def test_uk_copy_keeps_length_and_offsets():
    text = 'He said "we won" and “they lost,” she said (“yes”).'
    copy = uk_style(text)
    assert len(copy) == len(text)
    assert copy == "He said ‘we won’ and ‘they lost,’ she said (‘yes’)."


def test_uk_copy_is_the_shared_tools_copy(tmp_path):
    tool = Path(__file__).resolve().parents[2] / ".." / "shared" / "tools" / "make_ukstyle.py"
    if not tool.is_file():
        pytest.skip("shared/tools/make_ukstyle.py is not beside the checkout")
    texts = ['“A,” he said. "B" -"C" (“D”) /"E" x"F" "G"\n"H', 'no marks', '"', '“The 90\'s”']
    (tmp_path / "in" / "text").mkdir(parents=True)
    for i, text in enumerate(texts):
        (tmp_path / "in" / "text" / f"{i}.txt").write_text(text, encoding="utf-8")
    subprocess.run([sys.executable, str(tool), str(tmp_path / "in"), str(tmp_path / "out")], check=True,
                   capture_output=True)
    for i, text in enumerate(texts):
        assert uk_style(text) == (tmp_path / "out" / "text" / f"{i}.txt").read_text(encoding="utf-8")


def _rows(*forms):
    return "\n".join(f"{form} {form} X 0 root" if i == 0 else f"{form} {form} X 1 dep" for i, form in enumerate(forms))


def test_sentences_with_single_quotation_marks_are_parsed_and_apostrophes_alone_are_not():
    sentences = [("‘", "Go", "home", ".", "’"), ("The", "voters", "’", "mood", "soured", "."), ("It", "rained", ".")]
    text = "‘Go home.’ The voters’ mood soured. It rained."
    doc = doc_from_rows(text, [_rows(*s) for s in sentences])
    assert selected_sentences(doc) == {0}


UK_DIRECT = """
‘ ‘ PUNCT 4 punct
We we PRON 4 nsubj
have have AUX 4 aux
spent spend VERB 0 root
more more ADJ 4 obj
, , PUNCT 4 punct
’ ’ PUNCT 4 punct
Ms Ms PROPN 9 compound
Lund Lund PROPN 10 nsubj
told tell VERB 4 parataxis
the the DET 12 det
radio radio NOUN 10 obj
. . PUNCT 4 punct
"""


def test_uk_direct_quote_gets_its_speaker(extract):
    text = "‘We have spent more,’ Ms Lund told the radio."
    [record] = extract(text, UK_DIRECT)
    assert (record.kind, record.text, record.mention) == ("direct", "We have spent more", "Ms Lund")


CALLED = """
She she PRON 2 nsubj
called call VERB 0 root
the the DET 4 det
plan plan NOUN 2 obj
‘ ‘ PUNCT 8 punct
a a DET 8 det
costly costly ADJ 8 amod
mistake mistake NOUN 2 xcomp
’ ’ PUNCT 8 punct
. . PUNCT 2 punct
"""


def test_mixed_quote_in_single_marks_keeps_its_closing_mark(extract):
    text = "She called the plan ‘a costly mistake’."
    [record] = extract(text, CALLED)
    assert (record.kind, record.text, record.mention) == ("mixed", "the plan ‘a costly mistake’", "She")


# '‘She said ‘we won,’’ Rep. | Jim Ward said.': a quote nested in a quote closes both marks at once, and the
# tokenizer ended the sentence after the title's full stop
NESTED_QUOTE = """
‘ ‘ PUNCT 3 punct
She she PRON 3 nsubj
said say VERB 0 root
‘ ‘ PUNCT 6 punct
we we PRON 6 nsubj
won win VERB 3 ccomp
, , PUNCT 6 punct
’ ’ PUNCT 6 punct
’ ’ PUNCT 3 punct
Rep. Rep. PROPN 3 obj
"""

NAMED_AFTER_TITLE = """
Jim Jim PROPN 3 nsubj
Ward Ward PROPN 1 flat
said say VERB 0 root
. . PUNCT 3 punct
"""


def test_nested_closing_marks_and_a_title_split_off_before_the_speaker(extract):
    text = "‘She said ‘we won,’’ Rep. Jim Ward said."
    records = extract(text, NESTED_QUOTE, NAMED_AFTER_TITLE)
    assert [(r.text, r.speaker) for r in records] == [("She said ‘we won,’", "Jim Ward")]


# '‘’Title,’’ she said, ‘…’': the tagger made the unread title the subject too; the pronoun by the cue spoke
TITLE_THEN_SHE = """
‘ ‘ PUNCT 2 punct
’ ’ PUNCT 2 punct
Dune Dune PROPN 8 nsubj
, , PUNCT 3 punct
’ ’ PUNCT 3 punct
’ ’ PUNCT 3 punct
she she PRON 8 nsubj
said say VERB 0 root
, , PUNCT 8 punct
‘ ‘ PUNCT 12 punct
I I PRON 12 nsubj
loved love VERB 8 ccomp
it it PRON 12 obj
so so ADV 15 advmod
much much ADV 12 advmod
! ! PUNCT 12 punct
’ ’ PUNCT 12 punct
""".replace("Dune Dune PROPN 8 nsubj\\n, , PUNCT 3 punct\\n’ ’ PUNCT 3 punct\\n’ ’ PUNCT 3 punct",
            "Dune Dune PROPN 8 nsubj\\n, , PUNCT 3 punct\\n’ ’ PUNCT 3 punct\\n’ ’ PUNCT 3 punct")


def test_speaker_by_the_cue_after_closing_marks_wins_over_a_title_subject(extract):
    text = "‘’Dune,’’ she said, ‘I loved it so much!’"
    records = extract(text, TITLE_THEN_SHE)
    assert any(r.text == "I loved it so much!" and r.mention == "she" for r in records)
