"""What every `alsdesk` subcommand shares: its argument types and its table columns.

Imports nothing heavy: the parser is built from these before any command runs (and `--help`
must stay fast)."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import unicodedata
import uuid
from datetime import date, datetime, time
from typing import Any

from alsdesk.errors import AlsdeskError
from alsdesk.i18n.message import Localized
from alsdesk.limits import EARLIEST_DATE, LATEST_DATE

# The days a command can be dated to (--date, --anchor): the bounds of every stored date. Recorded
# dates (birth) are checked by the services, whose messages say which rule a date breaks.
FIRST_DAY = EARLIEST_DATE
LAST_DAY = LATEST_DATE


def iso_date(text: str) -> date:
    """An argparse type: a real date written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a real date written YYYY-MM-DD") from None


def clinic_day(text: str) -> date:
    """An argparse type: a real date, FIRST_DAY to LAST_DAY, that a command is dated to."""
    day = iso_date(text)
    if not FIRST_DAY <= day <= LAST_DAY:
        raise argparse.ArgumentTypeError(f"{text} is not between {FIRST_DAY} and {LAST_DAY}")
    return day


def whole_number(low: int, high: int) -> Any:
    """An argparse type: a whole number from `low` to `high` (a count, a page, a seed)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text[:80]!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text[:80]} is not between {low:,} and {high:,}")
        return value

    return parse


# Bounds of the counts a command takes: within what the databases' integers hold.
MAX_ROWS = 10**9


def file_name(text: str) -> str:
    """A file to write: an empty name would mean the current folder, never a file."""
    if not text.strip():
        raise argparse.ArgumentTypeError("a file name is needed")
    return text


def add_choice(parser: argparse.ArgumentParser, flag: str, choices: tuple[str, ...], **kwargs: Any) -> None:
    """An option (or positional) taking one of `choices`: a wrong value is refused naming them all,
    and --help lists them under a short metavar instead of one long {a,b,c,...}."""
    metavar = flag.lstrip("-").upper().replace("-", "_")
    listed = ", ".join(choices) + (f" (default: {kwargs['default']})" if "default" in kwargs else "")
    parser.add_argument(flag, choices=choices, metavar=metavar, help=listed, **kwargs)


def display_width(text: str) -> int:
    """Terminal columns `text` takes: Chinese characters (East Asian Wide/Fullwidth) take two,
    combining marks none."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int) -> str:
    """`text` left-aligned in a column `width` terminal columns wide (never cut)."""
    return text + " " * max(0, width - display_width(text))


# --- what commands print ----------------------------------------------------------------------


def to_jsonable(value: Any) -> Any:
    if isinstance(value, Localized):  # a text (a worklist reason, an alert): in English, as the CLI speaks
        return value.text("en")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, frozenset, set)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, (date, datetime, uuid.UUID)):
        return str(value) if isinstance(value, uuid.UUID) else value.isoformat()
    if isinstance(value, time):  # a start time, as the export file writes it
        return value.isoformat(timespec="minutes")
    return value


def print_json(value: Any) -> None:
    json.dump(to_jsonable(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\r{done:,} of {total:,}", end="", file=sys.stderr, flush=True)


def parse_day(flag: str, text: str) -> date:
    """A date checked here, not by argparse, so a bad one is one line with exit 1 like any refusal."""
    try:
        return clinic_day(text)
    except argparse.ArgumentTypeError as err:
        raise AlsdeskError(f"--{flag}: {err}.") from None
