"""Shared service plumbing: change reports, lookups, optimistic locking, dates, times, text checks."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, time
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError, NotFoundError
from alsdesk.limits import EARLIEST_DATE, LATEST_DATE, unsafe_character
from alsdesk.models import Base
from alsdesk.storage.reader import Query, Source

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """What a write touched, so each view refreshes only what concerns it."""

    patients: bool = False
    workups: bool = False
    assessments: bool = False
    schedule: bool = False
    medications: bool = False
    referrals: bool = False
    programs: bool = False
    notes: bool = False
    catalogs: bool = False
    worklist: bool = True

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})


def run(
    session: Session, stmt: sa.Executable, params: Mapping[str, Any] | None = None
) -> sa.CursorResult[*tuple[Any, ...]]:
    """A Core statement (columns, not ORM objects) on the session's connection: the same
    transaction at a third of `session.execute`'s cost per statement. Built once with bound
    parameters, a statement also skips the building, which costs more than running it.
    Pending changes are flushed first, as `session.execute` would."""
    if session.autoflush:
        session.flush()
    return session.connection().execute(stmt, params)


_ROWS: dict[tuple[type[Base], str | None, str], Query] = {}


def rows_where(session: Source, model: type[Base], where: str | None, value: object, order: str) -> list[Any]:
    """The rows of `model` whose attribute `where` is `value` (every row when `where` is None),
    ordered by the attribute `order`: plain rows named like the model's attributes (what the
    *_view functions read), nothing for the ORM to build or track, read at the driver's speed
    (storage.reader). Without `created_at` and `updated_at`: bookkeeping no view shows, and two
    time-zone conversions per row."""
    query = _ROWS.get((model, where, order))
    if query is None:
        query = _ROWS[model, where, order] = Query(columns_where(model, where, order))
    return query.rows(session, {"value": value} if where is not None else None)


def columns_where(model: type[Base], where: str | None, order: str) -> sa.Select[*tuple[Any, ...]]:
    """The select of `rows_where`: the model's columns labelled by attribute (but the bookkeeping
    ones), where `where` equals the parameter "value", ordered by `order`."""
    keys = [a.key for a in sa.inspect(model).column_attrs if a.key not in ("created_at", "updated_at")]
    stmt = sa.select(*(getattr(model, key).label(key) for key in keys)).order_by(getattr(model, order))
    return stmt if where is None else stmt.where(getattr(model, where) == sa.bindparam("value"))


def now_utc() -> datetime:
    return datetime.now(UTC)


def as_uuid(value: uuid.UUID | str, what: str = "record") -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError as err:
        raise NotFoundError("No {what} has the ID {value!r}.", what=what, value=value) from err


def fetch(session: Session, model: type[T], record_id: uuid.UUID | str, what: str) -> T:
    return found(session.get(model, as_uuid(record_id, what)), record_id, what)


def found(record: T | None, record_id: object, what: str) -> T:
    """The record looked up by `record_id` (an object, or a row read by storage.reader); a
    missing one is refused naming the ID."""
    if record is None:
        raise NotFoundError("No {what} has the ID {value}.", what=what, value=record_id)
    return record


def check_date(value: object, what: str, *, not_after: date | None = None, not_before: date = EARLIEST_DATE) -> date:
    """A real calendar date within sensible bounds (never outside EARLIEST_DATE..LATEST_DATE),
    with a message naming the field."""
    if isinstance(value, datetime) or not isinstance(value, date):
        raise DomainError("{what} must be a date (YYYY-MM-DD).", what=what)
    not_before = max(not_before, EARLIEST_DATE)
    not_after = LATEST_DATE if not_after is None else min(not_after, LATEST_DATE)
    if value < not_before:
        raise DomainError("{what} ({value}) cannot be before {limit}.", what=what, value=value, limit=not_before)
    if value > not_after:
        raise DomainError("{what} ({value}) cannot be after {limit}.", what=what, value=value, limit=not_after)
    return value


def parse_date(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except (ValueError, AttributeError) as err:
        raise DomainError(
            "{what} must be a real date written YYYY-MM-DD, not {value!r}.", what=what, value=text
        ) from err


# A time of day as a person types it: "9:30" or "09:30", from 00:00 to 23:59 ("9:5" is not one).
_TYPED_TIME = re.compile(r"^\s*([01]?[0-9]|2[0-3]):([0-5][0-9])\s*$")


def parse_time(text: str, what: str) -> time | None:
    """`text` as a time of day; None for an empty text (no time known), with a message naming the
    field for anything else that is not one."""
    if not text.strip():
        return None
    m = _TYPED_TIME.match(text)
    if m is None:
        raise DomainError(
            "{what} must be a time written HH:MM, from 00:00 to 23:59, not {value!r}.", what=what, value=text
        )
    return time(int(m.group(1)), int(m.group(2)))


def check_time(value: object, what: str) -> time | None:
    """A time of day in whole minutes without a time zone, or None (no time known)."""
    if value is None:
        return None
    if not isinstance(value, time) or value.second or value.microsecond or value.tzinfo is not None:
        raise DomainError("{what} must be a time of day in hours and minutes (HH:MM).", what=what)
    return value


def check_text(value: object, what: str, *, max_len: int, required: bool = True, line: bool = False) -> str:
    """Text without surrounding spaces, within its limit, without control characters (one-line
    text such as a name: not even a newline or tab), with a message naming the field."""
    if not isinstance(value, str):
        raise DomainError("{what} must be text.", what=what)
    value = value.strip()
    bad = unsafe_character(value, line=line)
    if bad is not None:
        raise DomainError("{what} contains a control or invalid character ({character!r}).", what=what, character=bad)
    if required and not value:
        raise DomainError("{what} is required.", what=what)
    if len(value) > max_len:
        raise DomainError(
            "{what} is too long ({length} characters; at most {limit}).", what=what, length=len(value), limit=max_len
        )
    return value


PHONE_CHARACTERS = r"\+?[\d\s\-().]"
PHONE_PATTERN = re.compile(rf"^{PHONE_CHARACTERS}{{5,30}}$")
# Emergency numbers are short (120, 999, 112, 911): the same characters, from three.
SHORT_PHONE_PATTERN = re.compile(rf"^{PHONE_CHARACTERS}{{3,30}}$")


def phone_rule(what: str, pattern: re.Pattern[str] = PHONE_PATTERN) -> Callable[[Any], str]:
    """The rule of every phone field (a patient's, a carer's, the clinic's, a staff member's):
    optional, and when given, digits, spaces, + - ( ) and . only."""

    def check(v: Any) -> str:
        text = check_text(v, what, max_len=50, required=False)
        if text and not pattern.match(text):
            raise DomainError(
                "{what} {value!r} is not a phone number (digits, spaces, + - ( ) only).", what=what, value=text
            )
        return text

    return check


def check_choice(value: object, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise DomainError("{what} must be one of: {allowed} (got {value!r}).", what=what, allowed=allowed, value=value)
    return str(value)


# --- rules a service applies on entry and the importer applies to imported rows ----------------


@dataclass(frozen=True)
class Text:
    """A text field's rule: its name in messages, its limit, whether it is required, one line."""

    what: str
    max_len: int
    required: bool = False
    line: bool = False

    def __call__(self, value: object, *, required: bool | None = None) -> str:
        req = self.required if required is None else required
        return check_text(value, self.what, max_len=self.max_len, required=req, line=self.line)

    def check_row(self, row: Mapping[str, Any], column: str, birth: date) -> None:
        if row[column] is not None:  # a nullable column: NULL is the importer's to judge
            self(row[column])


@dataclass(frozen=True)
class Day:
    """A date field's rule: its name in messages, not after today (`past`), not before the
    patient's birth date (`from_birth`); always within EARLIEST_DATE..LATEST_DATE."""

    what: str
    past: bool = False
    from_birth: bool = True

    def __call__(
        self, value: object, birth: date | None = None, *, not_before: date | None = None, today: date | None = None
    ) -> date:
        low = not_before if not_before is not None else birth if self.from_birth and birth else EARLIEST_DATE
        latest = (today or date.today()) if self.past else None
        return check_date(value, self.what, not_after=latest, not_before=low)

    def check_row(self, row: Mapping[str, Any], column: str, birth: date) -> None:
        if row[column] is not None:
            self(row[column], birth)


@dataclass(frozen=True)
class NotBefore:
    """A cross-field rule: a date field (checked by `rule`) not before any of the dates of the
    same record named in `earlier` that are set. The service passes those dates on entry; the
    importer takes them from the imported row."""

    rule: Day
    earlier: tuple[str, ...]

    def __call__(
        self, value: object, *earlier: date | None, birth: date | None = None, today: date | None = None
    ) -> date:
        low = max((d for d in earlier if d is not None), default=None)
        return self.rule(value, birth, not_before=low, today=today)

    def check_row(self, row: Mapping[str, Any], column: str, birth: date) -> None:
        if row[column] is not None:
            self(row[column], *(row[c] for c in self.earlier), birth=birth)


@dataclass(frozen=True)
class Check:
    """A field's rule that is a service's own function of the value (a number's range)."""

    fn: Callable[[Any], object]

    def check_row(self, row: Mapping[str, Any], column: str, birth: date) -> None:
        if row[column] is not None:
            self.fn(row[column])


@dataclass(frozen=True)
class RowCheck:
    """A field's rule that reads other fields of the same record (EPAP below IPAP): `fn` takes
    the record's values by column name."""

    fn: Callable[[Mapping[str, Any]], object]

    def check_row(self, row: Mapping[str, Any], column: str, birth: date) -> None:
        if row[column] is not None:
            self.fn(row)


# A table's rules by column: what the importer checks each imported row against.
RecordRules = dict[str, Text | Day | NotBefore | Check | RowCheck]
