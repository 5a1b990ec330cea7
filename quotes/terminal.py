"""Text made safe to print on a terminal: control characters shown as escapes, never obeyed.

A file name, a stored title or a quote can hold ESC sequences (clear the screen, set the window title),
a carriage return or a newline (a fake summary line), or bidirectional overrides (text that reads other
than it is). What quote-tracker prints for people shows them as \\x1b, \\n, \\u202e instead."""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, keep: str = "") -> str:
    """`text` with every control character (C0, DEL, C1, bidi controls) but those in `keep` escaped."""
    if keep:
        return _CONTROL.sub(lambda m: m.group() if m.group() in keep else _escape(m), text)
    return _CONTROL.sub(_escape, text)
