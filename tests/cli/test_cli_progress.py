"""Progress of `quotes ingest`: a bar with time left on a terminal, plain periodic lines elsewhere."""

import io

import pytest

from quotes.cli.progress import Counts, Progress, choose_mode, duration


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize("stream, wanted, mode", [
    (Terminal(), None, "bar"), (io.StringIO(), None, "lines"), (Terminal(), False, "off"),
    (io.StringIO(), True, "bar"), (io.StringIO(), False, "off"),
])
def test_the_mode_follows_the_terminal_and_the_switch(stream, wanted, mode):
    assert choose_mode(stream, wanted) == mode


def test_without_a_terminal_a_plain_line_comes_every_interval_with_time_left():
    stream, clock = io.StringIO(), Clock()
    progress = Progress(total=100, stream=stream, mode="lines", interval=30, clock=clock)
    clock.now += 10
    progress.update(Counts(articles=5, statements=40))
    assert stream.getvalue() == ""  # too soon
    clock.now += 20
    progress.update(Counts(articles=10, statements=80, failed=1))
    assert stream.getvalue() == ("progress: 10/100 articles (10%), 80 statements, 1 failed, 0.3 articles/s, "
                                 "about 4m30s left\n")
    clock.now += 5
    progress.update(Counts(articles=11, statements=81, failed=1))
    assert stream.getvalue().count("\n") == 1
    clock.now += 30
    progress.update(Counts(articles=20, statements=160, failed=1))
    assert stream.getvalue().count("\n") == 2
    assert "\r" not in stream.getvalue() and "\x1b" not in stream.getvalue()


def test_an_unknown_total_still_reports_counts_and_rate():
    stream, clock = io.StringIO(), Clock()
    progress = Progress(total=None, stream=stream, mode="lines", interval=30, clock=clock)
    clock.now += 40
    progress.update(Counts(articles=80, statements=400))
    assert stream.getvalue() == "progress: 80 articles, 400 statements, 0 failed, 2.0 articles/s\n"


def test_on_a_terminal_the_bar_shows_time_left():
    stream = Terminal()
    with Progress(total=4, stream=stream, mode="bar") as progress:
        progress.bar.delay = 0  # draw at once instead of after BAR_DELAY
        for done in range(1, 4):
            progress.update(Counts(articles=done, statements=done * 3))
        progress.bar.refresh()
        drawn = stream.getvalue()
    assert "3/4" in drawn and "statements=9" in drawn and "<" in drawn  # tqdm's "elapsed<remaining"


def test_off_writes_nothing():
    stream = io.StringIO()
    with Progress(total=3, stream=stream, mode="off") as progress:
        progress.update(Counts(articles=3))
    assert stream.getvalue() == ""


@pytest.mark.parametrize("seconds, text", [(12, "12s"), (292, "4m52s"), (7500, "2h05m")])
def test_durations_read_as_time(seconds, text):
    assert duration(seconds) == text


def test_one_article_and_one_statement_are_singular():
    """A slow first article of a JSONL feed printed 'progress: 1 articles, 1 statements, …'."""
    stream, clock = io.StringIO(), Clock()
    progress = Progress(total=None, stream=stream, mode="lines", interval=30, clock=clock)
    clock.now += 40
    progress.update(Counts(articles=1, statements=1))
    assert stream.getvalue().startswith("progress: 1 article, 1 statement, 0 failed")
