"""The timeline of a speaker's quotes, drawn on the server as SVG: one row per outlet (the most quoting
outlets by name, the rest as one "other outlets" row), and one dot per outlet and day (or week, month,
year: whichever keeps the dots apart over the dates shown) with the number of quotes it stands for.
Dots never stack, so nothing leaves its row at 10 or at 10,000 quotes. Pure: counts in, SVG text out."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from html import escape
from typing import Callable, Optional, Sequence

WIDTH = 900
LABEL_WIDTH = 170
RIGHT_PAD = 24
ROW_HEIGHT = 34
TOP_PAD = 12
AXIS_HEIGHT = 36
RADIUS = 6  # a dot of one quote
MAX_RADIUS = ROW_HEIGHT // 2 - 3  # the biggest dot still leaves a gap to the next row
MAX_TICKS = 8
MAX_ROWS = 8  # outlets with a row of their own; the others share one
MIN_BIN_PX = 14  # a bin is at least this wide, so neighbouring dots barely touch
DOT = "#0072B2"
SHARED = "#888888"  # dots of the "other outlets" and "no outlet" rows
NO_OUTLET = "(no outlet)"
UNITS = ("day", "week", "month", "quarter", "year")


@dataclass
class Dot:
    """The quotes of one row in one bin (a day, week, month, quarter or year)."""

    first: date  # the bin's first and last day (within the dates shown)
    last: date
    row: str
    quotes: int
    quote_id: int  # its first quote: the one a single dot links to, whose words a title shows


@dataclass
class Timeline:
    """What to draw: the dates shown, the bin size, the rows (top to bottom) and the dots."""

    first: date
    last: date
    unit: str
    rows: list[str]
    dots: list[Dot] = field(default_factory=list)
    other_outlets: int = 0  # how many outlets the "other outlets" row holds

    @property
    def quotes(self) -> int:
        return sum(dot.quotes for dot in self.dots)


def plan(days: Sequence, *, since: Optional[date] = None, until: Optional[date] = None,
         width: int = WIDTH) -> Optional[Timeline]:
    """A Timeline of `days` (records with day, outlet_key, outlet, quotes, quote_id: a speaker's quotes
    counted per publication day and outlet); None when there is nothing to plot. `since`/`until` fix the
    dates shown (a zoom), else they span the quotes."""
    if not days:
        return None
    first, last = shown_dates(since or min(d.day for d in days), until or max(d.day for d in days))
    unit = bin_unit(first, last, width)
    rows, row_of, others = outlet_rows(days)
    dots: dict[tuple, Dot] = {}
    for day in sorted(days, key=lambda d: (d.day, d.quote_id)):
        start, end = bin_of(day.day, unit)
        key = (start, row_of[day.outlet_key])
        dot = dots.get(key)
        if dot is None:
            dots[key] = Dot(first=max(start, first), last=min(end, last), row=key[1], quotes=day.quotes,
                            quote_id=day.quote_id)
        else:
            dot.quotes += day.quotes
            dot.quote_id = min(dot.quote_id, day.quote_id)
    return Timeline(first=first, last=last, unit=unit, rows=rows, dots=list(dots.values()), other_outlets=others)


def shown_dates(first: date, last: date) -> tuple[date, date]:
    """The dates a timeline from `first` to `last` shows: one day is centred in a week, so the axis still
    reads as dates."""
    if first == last:
        return first - timedelta(days=3), last + timedelta(days=3)
    return first, last


def outlet_rows(days: Sequence) -> tuple[list[str], dict, int]:
    """Row names top to bottom, the row of each outlet key, and how many outlets share "other outlets":
    the MAX_ROWS most quoting outlets have rows of their own (by name), then the others, then no outlet."""
    totals: dict = {}
    names: dict = {}
    for day in days:
        if day.outlet_key is not None:
            totals[day.outlet_key] = totals.get(day.outlet_key, 0) + day.quotes
            names.setdefault(day.outlet_key, day.outlet)
    ranked = sorted(totals, key=lambda key: (-totals[key], names[key].casefold()))
    own = ranked if len(ranked) <= MAX_ROWS else ranked[:MAX_ROWS - 1]  # "other" takes the last row
    others = len(ranked) - len(own)
    other = f"other outlets ({others})"
    row_of = {key: names[key] for key in own} | {key: other for key in ranked[len(own):]} | {None: NO_OUTLET}
    rows = sorted((names[key] for key in own), key=str.casefold) + [other] * bool(others)
    if any(day.outlet_key is None for day in days):
        rows.append(NO_OUTLET)
    return list(dict.fromkeys(rows)), row_of, others


def bin_unit(first: date, last: date, width: int = WIDTH) -> str:
    """The shortest of UNITS whose bins are at least MIN_BIN_PX wide between `first` and `last`."""
    bins_that_fit = (width - LABEL_WIDTH - RIGHT_PAD) / MIN_BIN_PX
    span = (last - first).days + 1
    for unit, days in zip(UNITS, (1, 7, 30.4, 91.3, 365.25)):
        if span / days <= bins_that_fit:
            return unit
    return "year"


def bin_of(day: date, unit: str) -> tuple[date, date]:
    """The first and last day of the `unit` holding `day` (weeks start on Monday)."""
    if unit == "day":
        return day, day
    if unit == "week":
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6)
    if unit == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    months = 1 if unit == "month" else 3
    start = date(day.year, (day.month - 1) // months * months + 1, 1)
    return start, _add_months(start, months) - timedelta(days=1)


def bin_name(dot: Dot, unit: str) -> str:
    """The dates a dot covers, as a reader says them: "2023-03-01", "week of 2023-02-27", "March 2023"."""
    if unit == "day" or dot.first == dot.last:
        return dot.first.isoformat()
    if unit == "week":
        return f"{dot.first.isoformat()} to {dot.last.isoformat()}"
    if unit == "month":
        return dot.first.strftime("%B %Y")
    if unit == "quarter":
        return f"Q{(dot.first.month - 1) // 3 + 1} {dot.first.year}"
    return str(dot.first.year)


def radius(quotes: int) -> float:
    """A dot's radius: RADIUS for one quote, growing with the logarithm of the count, at most MAX_RADIUS."""
    return min(MAX_RADIUS, RADIUS + 2.2 * math.log2(max(1, quotes)))


def timeline_svg(timeline: Optional[Timeline], *, label: Callable[[Dot], str], href: Callable[[Dot], str],
                 width: int = WIDTH) -> str:
    """An SVG document (as text) drawing `timeline`; `label` gives each dot's title (hover text), `href` its
    link. An empty string when there is nothing to plot."""
    if timeline is None or not timeline.dots:
        return ""
    first, last, rows = timeline.first, timeline.last, {row: index for index, row in enumerate(timeline.rows)}
    plot_left, plot_right = LABEL_WIDTH, width - RIGHT_PAD
    span = max(1, (last - first).days)
    inner_left, inner_right = plot_left + MAX_RADIUS, plot_right - MAX_RADIUS  # a dot never covers a label

    def x(day: date) -> float:
        return inner_left + (day - first).days / span * (inner_right - inner_left)

    def y(row: str) -> float:
        return TOP_PAD + rows[row] * ROW_HEIGHT + ROW_HEIGHT / 2

    height = TOP_PAD + len(rows) * ROW_HEIGHT + AXIS_HEIGHT
    axis_y = TOP_PAD + len(rows) * ROW_HEIGHT
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
             f"<title>{timeline.quotes:,} quote{'' if timeline.quotes == 1 else 's'} by outlet and {timeline.unit}, "
             f"{first.isoformat()} to {last.isoformat()}</title>"]
    for row in timeline.rows:
        row_y = y(row)
        parts.append(f'<text class="outlet" x="{plot_left - 10}" y="{row_y + 4:.1f}" text-anchor="end">'
                     f"{escape(_shorten(row, 24))}</text>")
        parts.append(f'<line x1="{plot_left}" y1="{row_y:.1f}" x2="{plot_right}" y2="{row_y:.1f}" '
                     'stroke="#ddd"/>')
    parts.append(f'<line class="axis" x1="{plot_left}" y1="{axis_y}" x2="{plot_right}" y2="{axis_y}" '
                 'stroke="#555"/>')
    for tick, text in date_ticks(first, last):
        tick_x = x(tick)
        parts.append(f'<line x1="{tick_x:.1f}" y1="{axis_y}" x2="{tick_x:.1f}" y2="{axis_y + 5}" stroke="#555"/>')
        parts.append(f'<text class="tick" x="{tick_x:.1f}" y="{axis_y + 18}" text-anchor="middle">'
                     f"{escape(text)}</text>")
    shared = {row for row in timeline.rows if row == NO_OUTLET or row.startswith("other outlets")}
    for dot in sorted(timeline.dots, key=lambda d: (rows[d.row], d.first)):
        middle = dot.first + (dot.last - dot.first) / 2
        cx, cy, r = x(middle), y(dot.row), radius(dot.quotes)
        colour = SHARED if dot.row in shared else DOT
        parts.append(f'<a href="{escape(href(dot))}"><circle class="quote" data-quotes="{dot.quotes}" '
                     f'cx="{cx:.1f}" cy="{cy:.1f}" r="{r:.1f}" fill="{colour}" fill-opacity="0.85" stroke="#fff">'
                     f"<title>{escape(label(dot))}</title></circle>")
        if dot.quotes > 1:
            parts.append(f'<text class="count" x="{cx:.1f}" y="{cy + 3.5:.1f}" text-anchor="middle" font-size="10" '
                         f'fill="#fff" pointer-events="none">{escape(_count(dot.quotes))}</text>')
        parts.append("</a>")
    parts.append("</svg>")
    return "\n".join(parts)


def date_ticks(first: date, last: date) -> list[tuple[date, str]]:
    """At most MAX_TICKS readable ticks between `first` and `last`: days, months or years by the span."""
    span = (last - first).days
    if span <= 62:
        step = max(1, math.ceil(span / (MAX_TICKS - 1)))
        return [(first + timedelta(days=d), (first + timedelta(days=d)).strftime("%d %b").lstrip("0"))
                for d in range(0, span + 1, step)]
    months = (last.year - first.year) * 12 + last.month - first.month
    if months <= 36:
        step = max(1, math.ceil(months / (MAX_TICKS - 1)))
        ticks, cursor = [], _month_after(first)
        while cursor <= last:
            ticks.append((cursor, cursor.strftime("%b %Y")))
            cursor = _add_months(cursor, step)
        return ticks
    step = max(1, math.ceil((last.year - first.year) / (MAX_TICKS - 1)))
    return [(date(year, 1, 1), str(year)) for year in range(first.year + 1, last.year + 1, step)]


def _count(quotes: int) -> str:
    return str(quotes) if quotes < 1000 else f"{quotes / 1000:.0f}k" if quotes >= 10_000 else f"{quotes / 1000:.1f}k"


def _month_after(day: date) -> date:
    return day if day.day == 1 else _add_months(day.replace(day=1), 1)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
