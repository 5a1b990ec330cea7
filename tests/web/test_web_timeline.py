"""The server-rendered SVG timeline: well-formed, one dot per dated quote, rows per outlet, readable ticks."""

from datetime import date
from xml.etree import ElementTree

import pytest

from quotes.cli.web.timeline import NO_OUTLET, RADIUS, ROW_HEIGHT, Point, date_ticks, timeline_svg

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str):
    return ElementTree.fromstring(svg)


def point(day, outlet="Northwire", statement=0, label="said something"):
    return Point(when=day, outlet=outlet, statement=statement, label=label, href="/articles/1#q1")


def test_nothing_to_plot_is_empty():
    assert timeline_svg([]) == ""


def test_one_dot_per_quote_and_one_row_per_outlet():
    svg = parse(timeline_svg([point(date(2023, 3, 1)), point(date(2023, 3, 2), "Eastern Ledger", 1),
                              point(date(2023, 3, 20), None, 2)]))
    assert len(svg.findall(f".//{SVG}circle")) == 3
    outlets = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "outlet"]
    assert outlets == ["Eastern Ledger", "Northwire", NO_OUTLET]


def test_later_dates_are_further_right_and_outlets_on_their_own_rows():
    svg = parse(timeline_svg([point(date(2023, 1, 1)), point(date(2023, 6, 1), "Zeta Post")]))
    early, late = svg.findall(f".//{SVG}circle")
    assert float(early.get("cx")) < float(late.get("cx"))
    assert float(early.get("cy")) != float(late.get("cy"))


def test_same_day_same_outlet_quotes_do_not_cover_each_other():
    svg = parse(timeline_svg([point(date(2023, 3, 1), statement=0), point(date(2023, 3, 1), statement=1)]))
    first, second = svg.findall(f".//{SVG}circle")
    assert first.get("cx") == second.get("cx")
    assert abs(float(first.get("cy")) - float(second.get("cy"))) >= 2 * RADIUS


def test_a_crowded_day_stays_inside_its_row():
    svg = parse(timeline_svg([point(date(2023, 3, 1), statement=n) for n in range(9)]
                             + [point(date(2023, 3, 1), "Other")]))
    crowded = [float(c.get("cy")) for c in svg.findall(f".//{SVG}circle")][:9]
    assert len(set(crowded)) == 9
    assert max(crowded) - min(crowded) <= ROW_HEIGHT - 2 * RADIUS


def test_a_statement_keeps_its_colour_across_outlets():
    svg = parse(timeline_svg([point(date(2023, 3, 1), "A", 0), point(date(2023, 3, 5), "B", 0),
                              point(date(2023, 3, 9), "A", 1)]))
    fills = [c.get("fill") for c in svg.findall(f".//{SVG}circle")]
    assert fills[0] == fills[1] != fills[2]


def test_names_and_tooltips_are_escaped():
    svg = timeline_svg([point(date(2023, 3, 1), "Bay & <Port> Times", label='<script>x</script> "q"')])
    tree = parse(svg)  # would raise on a raw < or &
    assert "<script>" not in svg
    assert tree.find(f".//{SVG}circle/{SVG}title").text == '<script>x</script> "q"'


def test_dots_link_to_the_quote_in_its_article():
    svg = parse(timeline_svg([point(date(2023, 3, 1))]))
    assert svg.find(f".//{SVG}a").get("href") == "/articles/1#q1"


def test_a_single_day_still_gets_a_date_axis():
    svg = parse(timeline_svg([point(date(2023, 3, 1))]))
    ticks = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "tick"]
    assert ticks and all(len(t) <= 6 for t in ticks)
    assert 0 < float(svg.find(f".//{SVG}circle").get("cx")) < float(svg.get("width"))


@pytest.mark.parametrize("first, last, expected", [
    (date(2023, 3, 1), date(2023, 3, 21), ["1 Mar", "4 Mar", "7 Mar"]),
    (date(2023, 1, 15), date(2023, 7, 2), ["Feb 2023", "Mar 2023", "Apr 2023"]),
    (date(2010, 5, 1), date(2023, 5, 1), ["2011", "2013", "2015"]),
])
def test_ticks_follow_the_span(first, last, expected):
    ticks = date_ticks(first, last)
    assert [label for _, label in ticks][:3] == expected
    assert len(ticks) <= 8 and all(first <= day <= last for day, _ in ticks)
