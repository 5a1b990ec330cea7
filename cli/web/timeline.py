"""The timeline of a speaker's statements, drawn on the server as SVG: one row per outlet, one dot per
quote at its publication date, dots of one statement in one colour. Pure: points in, SVG text out."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from typing import Optional, Sequence

WIDTH = 900
LABEL_WIDTH = 170
RIGHT_PAD = 24
ROW_HEIGHT = 34
TOP_PAD = 12
AXIS_HEIGHT = 36
RADIUS = 6
MAX_TICKS = 8
# Colour-blind-safe (Okabe-Ito); statements beyond eight reuse colours, the tooltip still tells them apart.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
NO_OUTLET = "(no outlet)"


@dataclass
class Point:
    """One quote on the timeline."""

    when: date
    outlet: Optional[str]
    statement: int  # index of its statement on the page: dots of one statement share a colour
    label: str  # tooltip text
    href: str


def statement_colour(statement: int) -> str:
    """The colour of a statement's dots, so the page can key its list to the plot."""
    return PALETTE[statement % len(PALETTE)]


def timeline_svg(points: Sequence[Point], *, width: int = WIDTH) -> str:
    """An SVG document (as text) plotting `points`; an empty string when there is nothing to plot."""
    if not points:
        return ""
    outlets = sorted({p.outlet or NO_OUTLET for p in points}, key=lambda o: (o == NO_OUTLET, o.casefold()))
    rows = {outlet: index for index, outlet in enumerate(outlets)}
    first, last = min(p.when for p in points), max(p.when for p in points)
    if first == last:  # one day: centre it in a week so the axis still reads as dates
        first, last = first - timedelta(days=3), last + timedelta(days=3)
    plot_left, plot_right = LABEL_WIDTH, width - RIGHT_PAD
    span = (last - first).days

    def x(day: date) -> float:
        return plot_left + (day - first).days / span * (plot_right - plot_left)

    def y(outlet: str) -> float:
        return TOP_PAD + rows[outlet] * ROW_HEIGHT + ROW_HEIGHT / 2

    height = TOP_PAD + len(outlets) * ROW_HEIGHT + AXIS_HEIGHT
    axis_y = TOP_PAD + len(outlets) * ROW_HEIGHT
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
             f"<title>Statements by date and outlet ({len(points)} quotes)</title>"]
    for outlet in outlets:
        row_y = y(outlet)
        parts.append(f'<text class="outlet" x="{plot_left - 10}" y="{row_y + 4:.1f}" text-anchor="end">'
                     f"{escape(_shorten(outlet, 24))}</text>")
        parts.append(f'<line x1="{plot_left}" y1="{row_y:.1f}" x2="{plot_right}" y2="{row_y:.1f}" '
                     'stroke="#ddd"/>')
    parts.append(f'<line class="axis" x1="{plot_left}" y1="{axis_y}" x2="{plot_right}" y2="{axis_y}" '
                 'stroke="#555"/>')
    for tick, label in date_ticks(first, last):
        tick_x = x(tick)
        parts.append(f'<line x1="{tick_x:.1f}" y1="{axis_y}" x2="{tick_x:.1f}" y2="{axis_y + 5}" stroke="#555"/>')
        parts.append(f'<text class="tick" x="{tick_x:.1f}" y="{axis_y + 18}" text-anchor="middle">'
                     f"{escape(label)}</text>")
    # Several quotes on one day in one outlet: stacked across the row so each dot stays visible and clickable.
    groups: dict[tuple, list[Point]] = {}
    for point in sorted(points, key=lambda p: (p.when, p.statement)):
        groups.setdefault((point.when, point.outlet or NO_OUTLET), []).append(point)
    for (when, outlet), group in groups.items():
        spacing = min(2 * RADIUS, (ROW_HEIGHT - 2 * RADIUS) / max(1, len(group) - 1))
        for slot, point in enumerate(group):
            offset = (slot - (len(group) - 1) / 2) * spacing
            colour = statement_colour(point.statement)
            parts.append(f'<a href="{escape(point.href)}"><circle class="quote" data-statement="{point.statement}" '
                         f'cx="{x(when):.1f}" cy="{y(outlet) + offset:.1f}" r="{RADIUS}" fill="{colour}" '
                         f'fill-opacity="0.85" stroke="#fff"><title>{escape(point.label)}</title></circle></a>')
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


def _month_after(day: date) -> date:
    return day if day.day == 1 else _add_months(day.replace(day=1), 1)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
