"""Cutting an article's text at its quotes' offsets."""

from dataclasses import dataclass, field

from quotes.cli.web.highlight import segments

TEXT = '"We will stay," she said, "until it is done." Others left.'


@dataclass
class Q:
    id: int
    start: int
    end: int
    spans: list = field(default_factory=list)


def marked(text, quotes):
    return [(s.text, s.quote_ids) for s in segments(text, quotes) if s.quote_ids]


def test_segments_rebuild_the_text_exactly():
    quotes = [Q(1, 1, 13), Q(2, 27, 44)]
    assert "".join(s.text for s in segments(TEXT, quotes)) == TEXT


def test_each_quote_is_marked_at_its_offsets():
    assert marked(TEXT, [Q(1, 1, 13)]) == [("We will stay", [1])]


def test_a_discontinuous_quote_marks_each_span_and_anchors_the_first():
    quote = Q(7, 1, 44, spans=[[1, 13], [27, 44]])
    pieces = segments(TEXT, [quote])
    assert [(s.text, s.quote_ids) for s in pieces if s.quote_ids] == [("We will stay", [7]),
                                                                      ("until it is done.", [7])]
    assert [s.starts for s in pieces if s.quote_ids] == [[7], []]
    assert not any(s.quote_ids for s in pieces if s.text == ',\" she said, \"')


def test_overlapping_quotes_keep_both():
    pieces = marked(TEXT, [Q(1, 1, 13), Q(2, 9, 44)])
    assert pieces == [("We will ", [1]), ("stay", [1, 2]), ('," she said, "until it is done.', [2])]


def test_offsets_outside_the_text_are_clipped():
    pieces = segments("short", [Q(1, 2, 99), Q(2, 50, 60)])
    assert [(s.text, s.quote_ids) for s in pieces] == [("sh", []), ("ort", [1])]


def test_no_quotes_is_one_plain_segment():
    assert [(s.text, s.quote_ids) for s in segments(TEXT, [])] == [(TEXT, [])]


def test_front_matter_is_not_shown_and_offsets_still_hold():
    text = "---\ntitle: T\noutlet: Wire\n---\n" + TEXT
    body = text.index(TEXT)
    shown = segments(text, [Q(1, body + 1, body + 13)], start=body)
    assert "".join(s.text for s in shown) == TEXT
    assert [(s.text, s.quote_ids) for s in shown if s.quote_ids] == [("We will stay", [1])]
