"""The server-rendered SVG timeline: well-formed, one dot per outlet and day (or wider bin) with its count,
nothing outside its row at 10 or 1,000 quotes, a title on every dot, readable ticks."""

from datetime import date, timedelta
from xml.etree import ElementTree

import pytest

from quotes.cli.web.timeline import (MAX_RADIUS, MAX_ROWS, NO_OUTLET, ROW_HEIGHT, TOP_PAD, Dot, bin_of, bin_unit,
                                     date_ticks, plan, timeline_svg)
from quotes.db.queries import DayCount

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str):
    return ElementTree.fromstring(svg)


def day(when, outlet="Northwire", quotes=1, quote_id=1):
    return DayCount(day=when, outlet_key=outlet and outlet.casefold(), outlet=outlet, quotes=quotes,
                    quote_id=quote_id)


def draw(days, **zoom):
    def label(dot: Dot) -> str:
        return f"{dot.first.isoformat()} · {dot.row} · {dot.quotes} quotes"

    return timeline_svg(plan(days, **zoom), label=label, href=lambda dot: f"/articles/1#q{dot.quote_id}")


def circles(svg):
    return parse(svg).findall(f".//{SVG}circle")


def test_nothing_to_plot_is_empty():
    assert plan([]) is None and draw([]) == ""


def test_one_dot_per_outlet_and_day_and_one_row_per_outlet():
    svg = parse(draw([day(date(2023, 3, 1)), day(date(2023, 3, 2), "Eastern Ledger"), day(date(2023, 3, 20), None)]))
    assert len(svg.findall(f".//{SVG}circle")) == 3
    outlets = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "outlet"]
    assert outlets == ["Eastern Ledger", "Northwire", NO_OUTLET]


def test_later_dates_are_further_right_and_outlets_on_their_own_rows():
    early, late = circles(draw([day(date(2023, 1, 1)), day(date(2023, 6, 1), "Zeta Post")]))
    assert float(early.get("cx")) < float(late.get("cx"))
    assert float(early.get("cy")) != float(late.get("cy"))


def test_same_day_quotes_are_one_dot_with_their_count():
    svg = draw([day(date(2023, 3, 1), quotes=3, quote_id=7), day(date(2023, 3, 9))])
    crowded = circles(svg)[0]
    assert crowded.get("data-quotes") == "3"
    assert crowded.find(f"{SVG}title").text == "2023-03-01 · Northwire · 3 quotes"
    counts = [t.text for t in parse(svg).iter(f"{SVG}text") if t.get("class") == "count"]
    assert counts == ["3"]  # a dot of one quote carries no number


def test_every_dot_has_a_title():
    svg = draw([day(date(2023, 3, n), outlet) for n in range(1, 20) for outlet in ("A", "B")])
    assert all(c.find(f"{SVG}title").text for c in circles(svg))


@pytest.mark.parametrize("quotes", [10, 1000])
def test_nothing_leaves_its_row_at_10_or_1000_quotes(quotes):
    days = [day(date(2023, 1, 1) + timedelta(days=n % 40), f"Outlet {n % 12}", quotes=1 + n % 3, quote_id=n)
            for n in range(quotes)]
    svg = parse(draw(days))
    rows = len([t for t in svg.iter(f"{SVG}text") if t.get("class") == "outlet"])
    assert rows <= MAX_ROWS
    for circle in svg.findall(f".//{SVG}circle"):
        cy, r = float(circle.get("cy")), float(circle.get("r"))
        row = int((cy - TOP_PAD) // ROW_HEIGHT)
        assert TOP_PAD + row * ROW_HEIGHT < cy - r and cy + r < TOP_PAD + (row + 1) * ROW_HEIGHT
        assert r <= MAX_RADIUS
    positions = [(c.get("cx"), c.get("cy")) for c in svg.findall(f".//{SVG}circle")]
    assert len(positions) == len(set(positions))  # no dot hides another


def test_outlets_beyond_the_busiest_share_one_grey_row():
    days = [day(date(2023, 3, 1), f"Outlet {n:02}", quotes=100 - n) for n in range(12)]
    timeline = plan(days)
    assert len(timeline.rows) == MAX_ROWS and timeline.rows[-1] == "other outlets (5)"
    assert "Outlet 00" in timeline.rows and "Outlet 11" not in timeline.rows
    svg = parse(draw(days))
    fills = {c.get("fill") for c in svg.findall(f".//{SVG}circle")}
    assert len(fills) == 2  # one colour for the outlets with a row, grey for the others


def test_a_long_span_is_binned_by_month_and_counts_add_up():
    days = [day(date(2021, 1, 1) + timedelta(days=n), quote_id=n + 1) for n in range(900)]
    timeline = plan(days)
    assert timeline.unit == "month"
    assert sum(dot.quotes for dot in timeline.dots) == 900 and len(timeline.dots) == 30


def test_a_zoom_shows_only_its_dates():
    timeline = plan([day(date(2023, 3, 2))], since=date(2023, 3, 1), until=date(2023, 3, 31))
    assert (timeline.first, timeline.last, timeline.unit) == (date(2023, 3, 1), date(2023, 3, 31), "day")


@pytest.mark.parametrize("unit, first, last", [
    ("day", date(2023, 3, 8), date(2023, 3, 8)), ("week", date(2023, 3, 6), date(2023, 3, 12)),
    ("month", date(2023, 3, 1), date(2023, 3, 31)), ("quarter", date(2023, 1, 1), date(2023, 3, 31)),
    ("year", date(2023, 1, 1), date(2023, 12, 31)),
])
def test_bins(unit, first, last):
    assert bin_of(date(2023, 3, 8), unit) == (first, last)


def test_the_bin_widens_with_the_span():
    assert [bin_unit(date(2023, 1, 1), date(2023, 1, 1) + timedelta(days=n)) for n in (30, 300, 1000, 3000, 30000)] \
        == ["day", "week", "month", "quarter", "year"]


def test_names_and_tooltips_are_escaped():
    svg = timeline_svg(plan([day(date(2023, 3, 1), "Bay & <Port> Times")]), label=lambda dot: '<script>x</script> "q"',
                       href=lambda dot: "/a?x=1&y=2")
    tree = parse(svg)  # would raise on a raw < or &
    assert "<script>" not in svg
    assert tree.find(f".//{SVG}circle/{SVG}title").text == '<script>x</script> "q"'
    assert tree.find(f".//{SVG}a").get("href") == "/a?x=1&y=2"


def test_a_single_day_still_gets_a_date_axis():
    svg = parse(draw([day(date(2023, 3, 1))]))
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
