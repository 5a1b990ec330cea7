"""The text of a statement is exactly what was written: pieces are never glued with invented punctuation."""

import pytest

from quotes.extraction.attribute import Attribution
from quotes.extraction.extract import statement_pieces, statement_text


def pieces_in(text, *parts):
    spans = []
    for part in parts:
        start = text.index(part, spans[-1][1] if spans else 0)
        spans.append((start, start + len(part)))
    return spans


def shown(text, kind, *parts):
    attribution = Attribution(pieces=pieces_in(text, *parts), kind=kind, cue=None, mention=None, finder="direct")
    pieces = statement_pieces(attribution, text)
    return statement_text(pieces, text), [text[s:e] for s, e in pieces]


@pytest.mark.parametrize("text, parts, expected", [
    ('"We can pay once," she said, "or we can pay every five years."',
     ("We can pay once,", "or we can pay every five years."), "We can pay once … or we can pay every five years."),
    ("“Heating and eating,” Ms Lund said. “This cap is temporary.”",
     ("Heating and eating,", "This cap is temporary."), "Heating and eating … This cap is temporary."),
    ("“Yes,” he said.", ("Yes,",), "Yes"),
    ("‘Yes’, he said.", ("Yes",), "Yes"),  # UK style: the comma stands outside the marks already
    ("“Will you?” he asked.", ("Will you?",), "Will you?"),
])
def test_direct_pieces_are_joined_by_an_ellipsis_and_lose_the_frame_comma(text, parts, expected):
    assert shown(text, "direct", *parts)[0] == expected


def test_the_shown_pieces_leave_the_frame_comma_out():
    text = '"We can pay once," she said, "or we can pay every five years."'
    _, pieces = shown(text, "direct", "We can pay once,", "or we can pay every five years.")
    assert pieces == ["We can pay once", "or we can pay every five years."]


def test_a_quote_carried_into_the_next_paragraph_keeps_the_break_and_no_ellipsis():
    text = "Lina Ortiz said: “We act.\n\n“And we will keep acting.”"
    assert shown(text, "direct", "We act.", "And we will keep acting.")[0] == "We act.\n\nAnd we will keep acting."


def test_a_quote_resumed_after_another_paragraph_marks_the_cut():
    text = "“We act,” she said.\n\nThe hall was quiet.\n\n“We go on.”"
    assert shown(text, "direct", "We act,", "We go on.")[0] == "We act … We go on."


def test_a_mixed_statement_keeps_its_words_as_written():
    text = "He said the deal “should be done by March,” adding nothing."
    assert shown(text, "mixed", "the deal “should be done by March,”")[0] == "the deal “should be done by March,”"
