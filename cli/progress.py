"""Progress of a long run on stderr: a tqdm bar with time left on a terminal, a plain line every
`interval` seconds otherwise (logs, CI, `nohup`), nothing when switched off. Data never goes to stderr,
so the bar cannot corrupt output."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Optional, TextIO

MODES = ("bar", "lines", "off")
LINE_INTERVAL = 30.0
"""Seconds between plain progress lines when stderr is not a terminal."""
BAR_DELAY = 2.0
"""A run shorter than this never draws a bar."""


@dataclass
class Counts:
    articles: int = 0
    statements: int = 0
    failed: int = 0


def choose_mode(stream: TextIO, wanted: Optional[bool]) -> str:
    """`--progress` forces the bar, `--no-progress` silences it; by default a bar on a terminal and
    periodic lines elsewhere."""
    if wanted is False:
        return "off"
    if wanted is True or _isatty(stream):
        return "bar"
    return "lines"


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """Call `update(counts)` after each article and `close()` at the end (or use it as a context manager)."""

    def __init__(self, *, total: Optional[int], stream: TextIO, mode: str, unit: str = "article",
                 interval: Optional[float] = None, clock=time.monotonic):
        if mode not in MODES:
            raise ValueError(f"progress mode {mode!r}: choose one of {', '.join(MODES)}")
        self.total, self.stream, self.mode, self.unit = total, stream, mode, unit
        self.interval = LINE_INTERVAL if interval is None else interval
        self.clock = clock
        self.started = self.last_line = clock()
        self.done = 0
        self.bar = None
        if mode == "bar":
            from tqdm import tqdm

            self.bar = tqdm(total=total, file=stream, unit=unit, delay=BAR_DELAY, dynamic_ncols=True,
                            mininterval=0.5, leave=False)

    def update(self, counts: Counts) -> None:
        step, self.done = counts.articles - self.done, counts.articles
        if self.bar is not None:
            self.bar.set_postfix(statements=counts.statements, failed=counts.failed, refresh=False)
            self.bar.update(step)
        elif self.mode == "lines":
            now = self.clock()
            if now - self.last_line >= self.interval:
                self.last_line = now
                self.stream.write(self.line(counts, now - self.started) + "\n")
                self.stream.flush()

    def line(self, counts: Counts, elapsed: float) -> str:
        """"progress: 120/500 articles (24%), 3021 statements, 2 failed, 1.3 articles/s, about 4m52s left"."""
        rate = counts.articles / elapsed if elapsed > 0 else 0.0
        done = f"{counts.articles}/{self.total}" if self.total else str(counts.articles)
        parts = [f"progress: {done} {self.unit}" + ("" if (self.total or counts.articles) == 1 else "s")]
        if self.total:
            parts[0] += f" ({100 * counts.articles / self.total:.0f}%)"
        statements = f"{counts.statements} statement" + ("" if counts.statements == 1 else "s")
        parts += [statements, f"{counts.failed} failed", f"{rate:.1f} {self.unit}s/s"]
        if self.total and rate > 0 and counts.articles < self.total:
            parts.append(f"about {duration((self.total - counts.articles) / rate)} left")
        return ", ".join(parts)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def duration(seconds: float) -> str:
    """12s, 4m52s, 2h05m."""
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
