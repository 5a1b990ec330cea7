"""Quote-mark spans from raw text: pairing, paragraphs, and marks that do not pair."""

import pytest

from quotes.extraction.marks import quote_spans


def inner(text):
    return [text[q.start:q.end] for q in quote_spans(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said "we will win" on Monday.', ["we will win"]),
        ("“We have conveyed our concern,” Mr X said, “and we've received assurances.”",
         ["We have conveyed our concern,", "and we've received assurances."]),
        ("She called it „absurd“ — no, «absurd» really.", ["absurd"]),
        ("He is 6'5\" tall and said \"no comment\" twice.", ["no comment"]),
        ("No marks at all here.", []),
        ("Empty “” marks.", []),
    ],
)
def test_pairs(text, expected):
    assert inner(text)[: len(expected)] == expected


def test_multi_paragraph_quote_reopens_each_paragraph():
    text = "Intro, he said: “First part.\n\n“Second part.\n\n“Third part,” he said.\n\nLater “other” text."
    spans = quote_spans(text)
    first = spans[0]
    assert text[first.start:first.end].startswith("First part.")
    assert text[first.start:first.end].endswith("Third part,")
    assert [text[s:e] for s, e in first.pieces] == ["First part.", "Second part.", "Third part,"]
    assert first.closed
    assert text[spans[1].start:spans[1].end] == "other"


def test_unclosed_mark_stops_at_paragraph_end():
    text = "A stray “mark opens here and never closes\n\nNo quote here.\n\n“Real quote,” she said."
    spans = quote_spans(text)
    assert not spans[0].closed and "\n" not in text[spans[0].start:spans[0].end]
    assert text[spans[1].start:spans[1].end] == "Real quote,"


def test_opening_mark_before_a_space_is_stray():
    text = "Bullets “ here.\n\n“Real quote,” she said."
    assert inner(text) == ["Real quote,"]


def test_stray_marks_never_swallow_the_article():
    body = "Plain paragraph number {}.\n\n"
    text = "Bullet » here.\n\n" + "".join(body.format(i) for i in range(20)) + "“Kept,” he said."
    spans = quote_spans(text)
    assert all(q.end - q.start < 60 for q in spans)
    assert "Kept," in [text[q.start:q.end] for q in spans]


def test_missing_opening_mark_takes_paragraph_start():
    text = "Intro.\n\nWe will keep working on this for years,” he said."
    assert inner(text) == ["We will keep working on this for years,"]


def test_curly_reopen_without_close_starts_a_new_quote():
    text = "He said “first and “second” later."
    assert inner(text)[-1] == "second"


def test_markup_attribute_values_are_not_quotations():
    from quotes.extraction.marks import quote_spans

    text = 'Read <tweet author="@jdoe" id="7479">this</tweet>. She said "we won" today.'
    assert [text[q.start:q.end] for q in quote_spans(text)] == ["we won"]


def test_single_mark_before_a_number_that_starts_a_word_opens_a_quote():
    from quotes.extraction.marks import quote_spans

    text = "She praised the\u00a0‘50-state plan,’\u00a0then left. Prices of the ’90s and of ‘16 stay apostrophes."
    spans = [text[q.start:q.end] for q in quote_spans(text)]
    assert spans == ["50-state plan,"]


def test_possessive_after_an_abbreviation_opens_no_quote():
    from quotes.extraction.marks import quote_spans

    for mark in ("'", "’"):
        text = f"In L.A.{mark}s past games they won. The U.S.{mark}s plan held. ‘We won,’ he said."
        assert [text[q.start:q.end] for q in quote_spans(text)] == ["We won,"]
    text = "‘The U.S.’s plan is sound,’ she said."
    assert [text[q.start:q.end] for q in quote_spans(text)] == ["The U.S.’s plan is sound,"]
