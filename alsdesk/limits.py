"""Bounds and text rules every way in shares (the window, the CLI, import): dates, unsafe characters,
and how a value is quoted back in a message. Imports nothing heavy (the CLI's parser uses it)."""

from __future__ import annotations

import re
from datetime import date

# Every date alsdesk stores or is dated to: the clinic's date arithmetic (a worklist's window, a
# handout's weeks, a reminder's due day) stays inside Python's dates with room to spare.
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2999, 12, 31)

# A value quoted back in a message is cut to this many characters.
SHOWN_CHARS = 80

# Never valid in stored text: NUL, other C0 controls but tab/newline/carriage return, DEL, C1
# controls (ANSI escapes start with ESC or CSI), lone surrogates (not encodable), and the bidi
# overrides that make text print in another order than it is stored.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
# One-line text (names, codes, titles) also has no tab, newline or carriage return.
_UNSAFE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def unsafe_character(text: str, *, line: bool = False) -> str | None:
    """The first character `text` may not hold (see _UNSAFE), or None if it is clean."""
    found = (_UNSAFE_LINE if line else _UNSAFE).search(text)
    return None if found is None else found.group()


def shown(value: object) -> str:
    """`value` as a message quotes it (repr), a long text cut to SHOWN_CHARS characters."""
    if isinstance(value, str) and len(value) > SHOWN_CHARS:
        return f"{value[:SHOWN_CHARS]!r}… ({len(value):,} characters)"
    text = repr(value)
    return text if len(text) <= SHOWN_CHARS + 2 else f"{text[:SHOWN_CHARS]}…"


def printable(text: str) -> str:
    """`text` safe to print on a terminal as one line: control characters, lone surrogates and
    bidi overrides written as escapes (\\x1b, \\n, \\ud800) instead of acting on the terminal."""
    return _UNSAFE_LINE.sub(lambda m: repr(m.group())[1:-1], text)


# A cell a spreadsheet would run as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(text: str) -> str:
    """`text` for a CSV cell: a leading = + - @ (a formula in a spreadsheet) is kept as text by a
    leading apostrophe, which spreadsheets show as nothing."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text
