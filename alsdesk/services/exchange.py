"""Export and import: a documented, versioned JSON format of patients with all their records.

Format (version 2; version 1 files are still read), see docs/export-format.md:
    {"format": "alsdesk-export", "version": 2, "staff": [row, …],
     "patients": [{"patient": row, "records": {"<table>": [row, …], …}}, …]}
Every row holds every column of its table; UUIDs and dates are strings, moments ISO 8601 UTC.
"""

from __future__ import annotations

import gc
import itertools
import json
import math
import operator
import re
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO, Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.limits import EARLIEST_DATE, LATEST_DATE, SHOWN_CHARS, shown, unsafe_character
from alsdesk.models import PATIENT_RECORDS, Patient, PatientSearchKey, Staff
from alsdesk.models.assessment import item_column
from alsdesk.models.base import UTCDateTime
from alsdesk.models.ids import new_id
from alsdesk.services import (
    alerts,
    assessments,
    audit,
    clinic,
    death,
    diagnosis,
    lifecycle,
    medications,
    notes,
    programs,
    referrals,
    scoring,
    search,
    therapy,
    worklist,
    workups,
)
from alsdesk.services import patients as patient_rules
from alsdesk.services.access import requires
from alsdesk.services.assessments import items_of
from alsdesk.services.common import Check, NotBefore, RecordRules, Text
from alsdesk.services.restricted import check_export
from alsdesk.services.setting_values import load_settings

FORMAT = "alsdesk-export"
VERSION = 3
READABLE = (1, 2, 3)
BATCH = 500
RECORD_TABLES: dict[str, sa.Table] = {m.__table__.name: m.__table__ for m in PATIENT_RECORDS}

# The rules each service applies on entry, by table and column: an imported row meets the same ones.
ENTRY_RULES: dict[str, RecordRules] = {
    "diagnostic_finding": diagnosis.FINDING_RULES,
    "screening": diagnosis.SCREENING_RULES,
    "workup": workups.RULES,
    "workup_event": lifecycle.EVENT_RULES,
    "assessment": assessments.RULES,
    "alert": alerts.RULES,
    "medication": medications.MEDICATION_RULES,
    "lab_result": medications.LAB_RULES,
    "milestone": medications.MILESTONE_RULES,
    "therapy_plan": therapy.PLAN_RULES,
    "therapy_session": therapy.SESSION_RULES,
    "referral": referrals.RULES,
    "referral_event": lifecycle.EVENT_RULES,
    "enrollment": programs.RULES,
    "enrollment_mark": programs.MARK_RULES,
    "enrollment_event": lifecycle.EVENT_RULES,
    "clinical_note": notes.RULES,
    "worklist_dismissal": worklist.DISMISSAL_RULES,
}


IMPORT_FILE_TEMPLATE = "{path}: {message}"


class ImportFileError(DomainError):
    """An import file that breaks the format; the message starts with the field's path."""

    def __init__(self, path: str, message: str | DomainError) -> None:
        # The path and the English reason are values: the window translates the frame and the
        # fixed reasons (ui/admin/exchange_page.py), the CLI prints exactly "path: reason". A path holds
        # the file's own keys, so it is cut like any value quoted back.
        if len(path) > 2 * SHOWN_CHARS:
            path = f"{path[: 2 * SHOWN_CHARS]}…"
        super().__init__(IMPORT_FILE_TEMPLATE, path=path, message=message)
        self.path = path


@dataclass(frozen=True)
class ImportResult:
    patients: int
    records: int
    staff: int


# --- columns as JSON -----------------------------------------------------------------------


_PLAIN = frozenset((str, int, float, bool, type(None)))


def _encode(value: Any) -> Any:
    if type(value) in _PLAIN:
        return value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


Decoder = Callable[[Any], Any]
# Decoded values shared by the codecs of one import, by column type (an Enum by its own values).
Memos = dict[type | sa.types.TypeEngine[Any], dict[str, Any]]


def _decoder(col: sa.Column[Any]) -> Decoder:
    t = col.type
    if isinstance(t, sa.Uuid):
        return lambda v: uuid.UUID(_str(v))
    if isinstance(t, UTCDateTime):

        def moment(v: Any) -> datetime:
            d = _iso(datetime.fromisoformat, v, "must be a moment written YYYY-MM-DDTHH:MM:SS+00:00")
            if d.tzinfo is None:
                raise ValueError("must carry a time zone (UTC)")
            if not EARLIEST_DATE.year <= d.year <= LATEST_DATE.year:
                raise ValueError(f"must be from {EARLIEST_DATE.year} to {LATEST_DATE.year}")
            return d

        return moment
    if isinstance(t, sa.Date):

        def day(v: Any) -> date:
            d = _iso(date.fromisoformat, v, "must be a date written YYYY-MM-DD")
            if not EARLIEST_DATE <= d <= LATEST_DATE:
                raise ValueError(f"must be from {EARLIEST_DATE} to {LATEST_DATE}")
            return d

        return day
    if isinstance(t, sa.Boolean):
        return lambda v: v if isinstance(v, bool) else _fail("must be true or false")
    if isinstance(t, sa.Integer):
        bits = 16 if isinstance(t, sa.SmallInteger) else 64 if isinstance(t, sa.BigInteger) else 32
        low, high = -(2 ** (bits - 1)), 2 ** (bits - 1) - 1

        def whole(v: Any) -> int:
            if not isinstance(v, int) or isinstance(v, bool):
                raise ValueError("must be a whole number")
            if not low <= v <= high:
                raise ValueError("is out of range")
            return v

        return whole
    if isinstance(t, sa.Float):

        def number(v: Any) -> float:
            if not isinstance(v, (int, float)) or isinstance(v, bool) or not math.isfinite(v):
                raise ValueError("must be a number")
            return float(v)

        return number
    if isinstance(t, sa.Enum):
        allowed = set(t.enums)
        return lambda v: (
            v if isinstance(v, str) and v in allowed else _fail(f"must be one of {', '.join(sorted(allowed))}")
        )
    if isinstance(t, sa.String):
        limit = t.length

        def text(v: Any) -> str:
            s = _str(v)
            if limit and len(s) > limit:
                raise ValueError(f"is longer than {limit} characters")
            return s

        return text
    raise TypeError(f"no decoder for {t!r}")


_Parsed = TypeVar("_Parsed")


def _iso(parse: Callable[[str], _Parsed], v: Any, what: str) -> _Parsed:
    """`parse(v)`; Python's reason ("day is out of range for month"), or `what` where that
    reason would quote the whole value back ("Invalid isoformat string: '…'")."""
    text = _str(v)
    try:
        return parse(text)
    except ValueError as err:
        raise ValueError(what if text in str(err) else str(err)) from None


def _str(v: Any) -> str:
    if not isinstance(v, str):
        raise ValueError("must be text")
    bad = unsafe_character(v)
    if bad is not None:
        raise ValueError(f"contains a control or invalid character ({bad!r})")
    return v


def _fail(message: str) -> Any:
    raise ValueError(message)


# Sign-in secrets and state never leave the database in an export; imported rows start without them.
IMPORTED_AS: dict[str, dict[str, Any]] = {
    "staff": {"password_hash": None, "failed_attempts": 0, "last_failed_at": None, "locked_until": None},
    # Restriction is this clinic's access rule, like its care teams: not carried in format v1.
    "patient": {"restricted": False},
    # Derived on import from the file's courses and ALT results (medications.imported_alt_due).
    "medication": {"alt_due_on": None},
}
NOT_EXPORTED = {table: set(values) for table, values in IMPORTED_AS.items()}


class _Bad(ValueError):
    """A bad field inside one row: where below the row (".name" or ""), and what is wrong."""

    def __init__(self, suffix: str, message: str) -> None:
        super().__init__(message)
        self.suffix = suffix
        self.message = message


class _TableCodec:
    def __init__(self, table: sa.Table, memos: Memos | None = None) -> None:
        self.table = table
        skip = NOT_EXPORTED.get(table.name, set())
        self.selected = [c for c in table.columns if c.name not in skip]
        self.columns = [c.name for c in self.selected]
        # (name, nullable, decoder, memo): a memo remembers decoded text values that repeat across
        # rows (references, dates, moments, choices); primary keys never repeat, so they get none.
        self.decoders = [(c.name, c.nullable, _decoder(c), self._memo(c, memos)) for c in self.selected]
        self.checks = [_column_check(c) for c in self.selected]
        self.names = set(self.columns)
        # References checked once the whole file is read (the patient itself is checked per row).
        self.refs = [
            (c.name, fk.column.table.name)
            for c in table.columns
            for fk in c.foreign_keys
            if fk.column.table.name != "patient"
        ]

    @staticmethod
    def _memo(col: sa.Column[Any], memos: Memos | None) -> dict[str, Any] | None:
        if memos is None or col.primary_key:
            return None
        kind = type(col.type)
        if kind in (sa.Uuid, UTCDateTime, sa.Date):
            return memos.setdefault(kind, {})
        if kind is sa.Enum:
            return memos.setdefault(col.type, {})
        return None

    def decode_columns(self, rows: list[Any]) -> list[list[Any]] | None:
        """The fields of every row, decoded column by column; None if any field at all is not plainly
        valid (the caller then decodes row by row, which names the first bad field)."""
        names = self.names
        try:
            if not all(map(operator.eq, map(dict.keys, rows), itertools.repeat(names))):
                return None
        except TypeError:  # a row that is not an object
            return None
        if not rows:
            return [[] for _ in self.columns]
        raw = zip(*map(operator.itemgetter(*self.columns), rows), strict=True)
        out = []
        for (_name, nullable, decode, memo), check, values in zip(self.decoders, self.checks, raw, strict=True):
            decoded = check(values, nullable, decode, memo)
            if decoded is None:
                return None
            out.append(decoded)
        return out

    def encode(self, row: sa.Row[*tuple[Any, ...]]) -> dict[str, Any]:
        return {name: _encode(value) for name, value in zip(self.columns, row, strict=True)}

    def decode(self, raw: Any, path: str) -> dict[str, Any]:
        try:
            return self.decode_row(raw)
        except _Bad as bad:
            raise ImportFileError(f"{path}{bad.suffix}", bad.message) from None

    def decode_row(self, raw: Any) -> dict[str, Any]:
        """Every field checked and converted, in column order; the first bad one raises _Bad."""
        if not isinstance(raw, dict):
            raise _Bad("", "must be an object")
        complete = raw.keys() == self.names
        if not complete:
            extra = set(raw) - self.names
            if extra:
                raise _Bad(f".{sorted(extra)[0]}", f"is not a field of {self.table.name}")
        out: dict[str, Any] = {}
        for name, nullable, decode, memo in self.decoders:
            if not complete and name not in raw:
                raise _Bad(f".{name}", "is missing")
            value = raw[name]
            if value is None:
                if not nullable:
                    raise _Bad(f".{name}", "must not be null")
                out[name] = None
                continue
            if memo is not None and type(value) is str:
                hit = memo.get(value)
                if hit is not None:
                    out[name] = hit
                    continue
            try:
                out[name] = decoded = decode(value)
            except ValueError as err:
                raise _Bad(f".{name}", f"{err} (got {shown(value)})") from None
            if memo is not None and type(value) is str:
                memo[value] = decoded
        return out


# --- whole columns at once: the same rules as the decoders above, for files with nothing wrong ---
# Each check takes a column's values and returns them decoded, or None if any value is not plainly
# valid; it never accepts what the decoder would refuse, nor decodes a value differently.

_NONE = type(None)
_CANONICAL_UUIDS = re.compile(r"(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n)*")


def _uuid_of_canonical(text: str) -> uuid.UUID:
    """uuid.UUID(text) for text already checked to be in the canonical lower-case form."""
    u = object.__new__(uuid.UUID)
    object.__setattr__(u, "int", int(text.replace("-", ""), 16))
    object.__setattr__(u, "is_safe", _UNKNOWN_SAFETY)
    return u


_UNKNOWN_SAFETY = uuid.SafeUUID.unknown  # read once: an enum member lookup costs ~7 µs


def _types_within(values: tuple[Any, ...], nullable: bool, allowed: frozenset[type]) -> bool:
    types = set(map(type, values))
    return types <= allowed or (nullable and types <= allowed | {_NONE})


def _check_key(values: tuple[Any, ...], nullable: bool, decode: Decoder, memo: Any) -> list[Any] | None:
    # Primary keys: canonical text only here (then equal text means equal id); others go row by row.
    if not _types_within(values, False, frozenset((str,))) or not _CANONICAL_UUIDS.fullmatch("\n".join(values) + "\n"):
        return None
    return list(map(_uuid_of_canonical, values))


def _check_memoised(values: tuple[Any, ...], nullable: bool, decode: Decoder, memo: Any) -> list[Any] | None:
    # References, dates, moments and choices: text values that repeat, each decoded once.
    if memo is None:
        return _check_each(values, nullable, decode, memo)
    if not _types_within(values, nullable, frozenset((str,))):
        return None
    for v in set(values):
        if v is not None and v not in memo:
            try:
                memo[v] = decode(v)
            except ValueError:
                return None
    return list(map(memo.get, values))


def _check_text(values: tuple[Any, ...], nullable: bool, decode: Decoder, limit: Any) -> list[Any] | None:
    if not _types_within(values, nullable, frozenset((str,))):
        return None
    text = [v for v in values if v is not None] if None in values else values
    if unsafe_character("".join(text)) or (limit and max(map(len, text), default=0) > limit):
        return None
    return list(values)


def _check_whole(values: tuple[Any, ...], nullable: bool, low: int, high: int) -> list[Any] | None:
    if not _types_within(values, nullable, frozenset((int,))):  # type() is int: never a bool
        return None
    nums = [v for v in values if v is not None] if None in values else values
    if nums and not (low <= min(nums) and max(nums) <= high):
        return None
    return list(values)


def _check_number(values: tuple[Any, ...], nullable: bool, decode: Decoder, memo: Any) -> list[Any] | None:
    if not _types_within(values, nullable, frozenset((int, float))):
        return None
    nums = [v for v in values if v is not None] if None in values else values
    try:
        if not all(map(math.isfinite, nums)):
            return None
    except OverflowError:
        return None
    return [None if v is None else float(v) for v in values]


def _check_flag(values: tuple[Any, ...], nullable: bool, decode: Decoder, memo: Any) -> list[Any] | None:
    return list(values) if _types_within(values, nullable, frozenset((bool,))) else None


def _check_each(values: tuple[Any, ...], nullable: bool, decode: Decoder, memo: Any) -> list[Any] | None:
    # Numbers and flags: the decoder on every value (no memo: 1, 1.0 and True are equal keys).
    if None in values and not nullable:
        return None
    try:
        return [None if v is None else decode(v) for v in values]
    except ValueError:
        return None


def _column_check(col: sa.Column[Any]) -> Callable[..., list[Any] | None]:
    t = col.type
    if col.primary_key and isinstance(t, sa.Uuid):
        return _check_key
    if type(t) in (sa.Uuid, UTCDateTime, sa.Date, sa.Enum):
        return _check_memoised
    if isinstance(t, sa.String) and not isinstance(t, sa.Enum):
        limit = t.length
        return lambda values, nullable, decode, memo: _check_text(values, nullable, decode, limit)
    if isinstance(t, sa.Boolean):
        return _check_flag
    if isinstance(t, sa.Integer):
        bits = 16 if isinstance(t, sa.SmallInteger) else 64 if isinstance(t, sa.BigInteger) else 32
        low, high = -(2 ** (bits - 1)), 2 ** (bits - 1) - 1
        return lambda values, nullable, decode, memo: _check_whole(values, nullable, low, high)
    if isinstance(t, sa.Float):
        return _check_number
    return _check_each


_CODECS: dict[str, _TableCodec] = {}


def codec(table: sa.Table) -> _TableCodec:
    if table.name not in _CODECS:
        _CODECS[table.name] = _TableCodec(table)
    return _CODECS[table.name]


# --- export ----------------------------------------------------------------------------------


def _rows(session: Session, table: sa.Table, where: sa.ColumnElement[bool]) -> list[dict[str, Any]]:
    c = codec(table)
    stmt = sa.select(*c.selected).where(where).order_by(table.c.id)
    return [c.encode(r) for r in session.execute(stmt)]


def patient_ids(*, session: Session, mrns: Iterable[str] | None = None) -> list[uuid.UUID]:
    stmt = sa.select(Patient.id).order_by(Patient.mrn)
    if mrns is not None:
        wanted = list(mrns)
        stmt = stmt.where(Patient.mrn.in_(wanted))
        ids = list(session.scalars(stmt))
        if len(ids) != len(set(wanted)):
            found = set(session.scalars(sa.select(Patient.mrn).where(Patient.mrn.in_(wanted))))
            missing = sorted(set(wanted) - found)
            raise DomainError("No patient has the MRN {mrn!r}.", mrn=missing[0])
        return ids
    return list(session.scalars(stmt))


def iter_patients(session: Session, ids: list[uuid.UUID]) -> Iterator[dict[str, Any]]:
    """Patient documents in the order of `ids`, loaded in batches so memory stays flat."""
    ptable: sa.Table = Patient.__table__
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        patients = {r["id"]: r for r in _rows(session, ptable, ptable.c.id.in_(chunk))}
        records: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: {t: [] for t in RECORD_TABLES})
        for name, table in RECORD_TABLES.items():
            for row in _rows(session, table, table.c.patient_id.in_(chunk)):
                records[row["patient_id"]][name].append(row)
        for pid in chunk:
            key = str(pid)
            yield {"patient": patients[key], "records": records[key]}


def _staff_rows(session: Session) -> list[dict[str, Any]]:
    return _rows(session, Staff.__table__, sa.true())


def _audit_export(session: Session, ids: list[uuid.UUID]) -> None:
    audit.append(session, [("export", "patient", pid, pid, {}, None) for pid in ids])


@requires("export")
def export_document(*, session: Session, mrns: Iterable[str] | None = None) -> dict[str, Any]:
    ids = patient_ids(session=session, mrns=mrns)
    check_export(session, ids)
    _audit_export(session, ids)
    return {
        "format": FORMAT,
        "version": VERSION,
        "staff": _staff_rows(session),
        "patients": list(iter_patients(session, ids)),
    }


@requires("export")
def write_export(
    *,
    session: Session,
    out: IO[str],
    mrns: Iterable[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Stream an export to `out`, one patient per line; returns the number of patients."""
    ids = patient_ids(session=session, mrns=mrns)
    check_export(session, ids)
    _audit_export(session, ids)
    out.write(f'{{"format": "{FORMAT}", "version": {VERSION},\n"staff": ')
    out.write(json.dumps(_staff_rows(session), ensure_ascii=False))
    out.write(',\n"patients": [')
    for n, doc in enumerate(iter_patients(session, ids)):
        out.write(("\n" if n == 0 else ",\n") + json.dumps(doc, ensure_ascii=False))
        if progress and n % 100 == 0:
            progress(n, len(ids))
    out.write("\n]}\n")
    return len(ids)


# --- import ----------------------------------------------------------------------------------


def read_document(fh: IO[str]) -> Any:
    try:
        return json.load(fh)
    except json.JSONDecodeError as err:
        raise DomainError(
            "The file is not valid JSON (line {line}, column {column}: {reason}).",
            line=err.lineno,
            column=err.colno,
            reason=err.msg,
        ) from err
    except UnicodeDecodeError as err:
        raise DomainError("The file is not UTF-8 text, so it is not an alsdesk export.") from err
    except RecursionError as err:
        raise DomainError("The file nests lists or objects too deeply to be an alsdesk export.") from err
    except ValueError as err:  # a number too long to convert (Python's int_max_str_digits)
        raise DomainError("The file holds a number too long to read ({reason}).", reason=err) from err


def _semantic_checks(table: str, row: dict[str, Any], path: str) -> None:
    """The clinical rules services apply on entry, applied to imported rows too."""
    try:
        if table == "patient":
            fields = {k: row[k] for k in patient_rules.FIELD_RULES}
            patient_rules.validate_fields(fields)
            patient_rules.check_consistency(fields)
        elif table == "assessment":
            items = items_of(_Attrs(row))
            if items is not None:
                scoring.validate_items(items)
    except patient_rules.Inconsistent as err:  # kept whole, named by the field's path
        raise ImportFileError(f"{path}.{err.field}", err) from None
    except ValueError as err:
        raise ImportFileError(path, str(err)) from None
    if table == "assessment":
        for field, *_range in assessments.MEASUREMENTS:
            try:
                assessments.validate_measurements({field: row[field]})
            except DomainError as err:
                raise ImportFileError(f"{path}.{field}", err) from None
        try:
            assessments.check_symptoms(assessments.symptoms_of(row["symptoms"]))
        except DomainError as err:
            raise ImportFileError(f"{path}.symptoms", err) from None


def _entry_checks(table: str, row: dict[str, Any], path: str, birth: date) -> None:
    """The services' rules for each field of an imported record (ENTRY_RULES), the first broken
    one named by its path; `birth` is the patient's birth date."""
    for column, rule in ENTRY_RULES.get(table, {}).items():
        try:
            rule.check_row(row, column, birth)
        except DomainError as err:  # kept whole: the window words it in its own language
            raise ImportFileError(f"{path}.{column}", err) from None


def _entry_columns_ok(table: str, columns: Columns, births: list[date]) -> bool:
    """_entry_checks for a whole table at once; False (then the row-by-row pass names the field)
    when any value might break a rule. Never accepts what _entry_checks refuses."""
    today = date.today()
    for column, rule in ENTRY_RULES.get(table, {}).items():
        values = columns[column]
        present = [v for v in values if v is not None]
        if not present:
            continue
        if isinstance(rule, Check):
            try:
                for v in present:
                    rule.fn(v)
            except DomainError:
                return False
        elif isinstance(rule, Text):
            joiner = " " if rule.line else "\n"
            if max(map(len, present)) > rule.max_len or unsafe_character(joiner.join(present), line=rule.line):
                return False
            if rule.required and not all(v.strip() for v in present):
                return False
        else:
            day = rule.rule if isinstance(rule, NotBefore) else rule
            if day.past and max(present) > today:
                return False
            if day.from_birth and any(v is not None and v < b for v, b in zip(values, births, strict=True)):
                return False
            for other in rule.earlier if isinstance(rule, NotBefore) else ():
                if any(v is not None and e is not None and v < e for v, e in zip(values, columns[other], strict=True)):
                    return False
    return True


class _Attrs:
    def __init__(self, row: dict[str, Any]) -> None:
        self.__dict__.update(row)


@contextmanager
def without_cycle_collector() -> Iterator[None]:
    """Bulk work builds millions of small acyclic objects (freed by reference counting anyway), and
    each full collection walks all of them: a quarter of an import's CPU time. Restored after."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@requires("import")
def import_document(
    *, session: Session, document: Any, progress: Callable[[int, int], None] | None = None
) -> ImportResult:
    """Validate the whole document, then insert it with Core in this session's one transaction.

    Nothing is written unless every row passes; the first bad field is named by its path.
    """
    with without_cycle_collector():
        return _import_document(session, document, progress)


def _import_document(session: Session, document: Any, progress: Callable[[int, int], None] | None) -> ImportResult:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportFileError("format", f"must be {FORMAT!r}: this is not an alsdesk export")
    if document.get("version") not in READABLE:
        raise ImportFileError("version", f"must be 1 to {VERSION} (this alsdesk reads versions 1 to {VERSION})")
    if document["version"] == 1:
        document = _from_version_1(document)
    if document["version"] == 2:
        document = _from_version_2(document)
    extra = set(document) - {"format", "version", "staff", "patients"}
    if extra:
        raise ImportFileError(sorted(extra)[0], "is not part of the format")
    staff_doc, patients_doc = document.get("staff"), document.get("patients")
    if not isinstance(staff_doc, list):
        raise ImportFileError("staff", "must be a list")
    if not isinstance(patients_doc, list):
        raise ImportFileError("patients", "must be a list")

    # Codecs for this import only: their memos of decoded ids and dates go when it ends.
    memos: Memos = {}
    staff_table: sa.Table = Staff.__table__
    staff_codec = _TableCodec(staff_table, memos)
    staff_rows = [staff_codec.decode(r, f"staff[{i}]") for i, r in enumerate(staff_doc)]
    for i, r in enumerate(staff_rows):  # the rules of adding a staff member
        for field, rule in (("username", clinic.check_username), ("display_name", clinic.STAFF_NAME)):
            try:
                rule(r[field])
            except DomainError as err:
                raise ImportFileError(f"staff[{i}].{field}", err) from None
    existing_staff = set(session.scalars(sa.select(Staff.id)))
    new_staff = [{**IMPORTED_AS["staff"], **r} for r in staff_rows if r["id"] not in existing_staff]
    taken = dict(session.execute(sa.select(Staff.username, Staff.id)).all())
    for i, r in enumerate(staff_rows):
        if taken.get(r["username"], r["id"]) != r["id"]:
            raise ImportFileError(
                f"staff[{i}].username", f"{r['username']!r} is a different staff member in this database"
            )

    ptable: sa.Table = Patient.__table__
    patient_codec = _TableCodec(ptable, memos)
    codecs = {name: _TableCodec(table, memos) for name, table in RECORD_TABLES.items()}
    staff_ids = existing_staff | {r["id"] for r in staff_rows}
    # Column by column when nothing is wrong; otherwise row by row, which names the first bad field.
    decoded = _decode_columnwise(patients_doc, patient_codec, codecs, staff_ids, progress)
    if decoded is None:
        decoded = _decode_rowwise(patients_doc, patient_codec, codecs, staff_ids, progress)
    patient_rows, records = decoded
    _check_clashes(session, patient_rows)
    _imply_enrollment_events(records)
    _end_care_at_death(patient_rows, records)
    records["medication"]["alt_due_on"] = medications.imported_alt_due(
        medications.monitored_drugs(session),
        records["medication"],
        records["lab_result"],
        load_settings(session=session),
    )

    total = 0
    with _bulk_load(session):
        if new_staff:
            _bulk_insert(session, staff_table, _columns_of(staff_table, new_staff))
        if patient_rows:
            _bulk_insert(session, ptable, _columns_of(ptable, patient_rows))
            keys: sa.Table = PatientSearchKey.__table__
            _bulk_insert(session, keys, _columns_of(keys, _search_key_rows(patient_rows)))
        for name, table in RECORD_TABLES.items():
            if records[name]["id"]:
                _bulk_insert(session, table, records[name])
                total += len(records[name]["id"])
    audit.append(session, [("import", "patient", p["id"], p["id"], {"mrn": p["mrn"]}, None) for p in patient_rows])
    return ImportResult(patients=len(patient_rows), records=total, staff=len(new_staff))


Columns = dict[str, list[Any]]  # a table's rows as one list of values per column

# Fields version 2 added to rows of version 1: (table, field) -> its value from the row.
ADDED_IN_2: dict[tuple[str, str], Callable[[dict[str, Any]], Any]] = {
    # Met criteria need both answers yes; otherwise they were never stored (unanswered).
    ("patient", "gold_coast_progressive"): lambda row: True if row.get("gold_coast_met") is True else None,
    ("patient", "gold_coast_mimics_excluded"): lambda row: True if row.get("gold_coast_met") is True else None,
    ("workup_event", "reason"): lambda row: "",
    ("referral_event", "reason"): lambda row: "",
}


def _from_version_1(document: dict[str, Any]) -> dict[str, Any]:
    """A version 1 document as version 2 says it: the added fields filled in (rows that are not
    objects are left for the checks to name). Enrollment events come from _imply_enrollment_events."""

    def upgraded(table: str, row: Any) -> Any:
        if not isinstance(row, dict):
            return row
        return {**row, **{f: value(row) for (t, f), value in ADDED_IN_2.items() if t == table and f not in row}}

    patients = document.get("patients")
    if isinstance(patients, list):
        patients = [
            {
                **entry,
                "patient": upgraded("patient", entry.get("patient")),
                "records": {
                    name: [upgraded(name, r) for r in rows] if isinstance(rows, list) else rows
                    for name, rows in entry["records"].items()
                }
                if isinstance(entry.get("records"), dict)
                else entry.get("records"),
            }
            if isinstance(entry, dict)
            else entry
            for entry in patients
        ]
    return {**document, "version": 2, "patients": patients}


# Fields version 3 added to rows of versions 1 and 2: (table, field) -> its value from the row.
ADDED_IN_3: dict[tuple[str, str], Callable[[dict[str, Any]], Any]] = {
    ("assessment", "symptoms"): lambda row: "",
    ("alert", "criteria"): lambda row: "",
    ("alert", "closed_reason"): lambda row: None,
    ("alert", "closed_on"): lambda row: None,
}


def _from_version_2(document: dict[str, Any]) -> dict[str, Any]:
    """A version 2 document as version 3 says it: no symptoms recorded, alerts without criteria and
    never closed, and a patient has lung disease when any of their visits had the old per-visit
    flag (as schema 0013 does). Entries and rows that are not objects are left for the checks."""

    def upgraded(table: str, row: Any) -> Any:
        if not isinstance(row, dict):
            return row
        return {**row, **{f: value(row) for (t, f), value in ADDED_IN_3.items() if t == table and f not in row}}

    def entry_3(entry: Any) -> Any:
        if not isinstance(entry, dict) or not isinstance(entry.get("records"), dict):
            return entry
        records = {
            name: [upgraded(name, r) for r in rows] if isinstance(rows, list) else rows
            for name, rows in entry["records"].items()
        }
        patient = entry.get("patient")
        if isinstance(patient, dict) and "lung_disease" not in patient:
            visits = records.get("assessment")
            flagged = isinstance(visits, list) and any(
                isinstance(v, dict) and v.get("lung_disease") is True for v in visits
            )
            patient = {**patient, "lung_disease": flagged}
        return {**entry, "patient": patient, "records": records}

    patients = document.get("patients")
    if isinstance(patients, list):
        patients = [entry_3(e) for e in patients]
    return {**document, "version": 3, "patients": patients}


def _end_care_at_death(patient_rows: list[dict[str, Any]], records: dict[str, Columns]) -> None:
    """What entry does when a death is recorded (services/death.py), done to an imported deceased
    patient's records before they are inserted: courses running past the date of death stop on it,
    active plans end, sessions scheduled from that day are cancelled. A file from before this rule
    may hold them still running; a course started after the date of death is refused by its path."""
    deaths = {
        p["id"]: (i, p["death_date"])
        for i, p in enumerate(patient_rows)
        if p["status"] == "deceased" and p["death_date"] is not None
    }
    if not deaths:
        return
    meds, nth = records["medication"], Counter[uuid.UUID]()
    for k, pid in enumerate(meds["patient_id"]):
        nth[pid] += 1  # records keep the file's order within a patient
        if pid not in deaths:
            continue
        i, died = deaths[pid]
        try:
            end = death.course_stop_at_death(meds["drug_code"][k], meds["started_on"][k], meds["stopped_on"][k], died)
        except DomainError as err:
            raise ImportFileError(f"patients[{i}].records.medication[{nth[pid] - 1}].started_on", err) from None
        if end is not None:
            meds["stopped_on"][k], meds["stop_reason"][k] = end, death.died_reason(end)
    plans = records["therapy_plan"]
    for k, pid in enumerate(plans["patient_id"]):
        if pid in deaths:
            plans["active"][k] = False
    sessions = records["therapy_session"]
    for k, pid in enumerate(sessions["patient_id"]):
        if pid in deaths and death.session_cancelled_at_death(
            sessions["status"][k], sessions["scheduled_on"][k], deaths[pid][1]
        ):
            sessions["status"][k] = "cancelled"


def _imply_enrollment_events(records: dict[str, Columns]) -> None:
    """Enrollments without any event (a version 1 file) get those their state implies."""
    enrollments, events = records["enrollment"], records["enrollment_event"]
    have = set(events["enrollment_id"])
    rows = [dict(zip(enrollments, values, strict=True)) for values in zip(*enrollments.values(), strict=True)]
    for event in programs.implied_events(r for r in rows if r["id"] not in have):
        for name, values in events.items():
            values.append(event[name])


def _columns_of(table: sa.Table, rows: list[dict[str, Any]]) -> Columns:
    return {c.name: [r[c.name] for r in rows] for c in table.columns}


def _decode_columnwise(
    patients_doc: list[Any],
    patient_codec: _TableCodec,
    codecs: dict[str, _TableCodec],
    staff_ids: set[uuid.UUID],
    progress: Callable[[int, int], None] | None,
) -> tuple[list[dict[str, Any]], dict[str, Columns]] | None:
    """The checks of _decode_rowwise, a whole column of a table at a time (several times faster).

    Returns None as soon as anything at all is wrong, without saying what: the row-by-row pass then
    finds the first bad field, so messages and paths are exactly its own. Ids are compared as their
    canonical text (the key check accepts no other form), references and owners by text equality.
    """
    raw_patients: list[Any] = []
    raw: dict[str, list[Any]] = {name: [] for name in codecs}
    owners: dict[str, list[Any]] = {name: [] for name in codecs}  # the patient's id text, per record
    patient_keys = {"patient", "records"}
    for i, entry in enumerate(patients_doc):
        if type(entry) is not dict or entry.keys() != patient_keys:
            return None
        p, recs = entry["patient"], entry["records"]
        if type(p) is not dict or type(recs) is not dict or not recs.keys() <= raw.keys():
            return None
        raw_patients.append(p)
        pid = p.get("id")
        for name, rows in recs.items():
            if type(rows) is not list:
                return None
            raw[name] += rows
            owners[name] += itertools.repeat(pid, len(rows))
        if progress and i % 1000 == 0:
            progress(i // 2, len(patients_doc))  # reading is about half the work

    columns = patient_codec.decode_columns(raw_patients)
    if columns is None:
        return None
    patient_rows = [
        {**dict(zip(patient_codec.columns, values, strict=True)), **IMPORTED_AS["patient"]}
        for values in zip(*columns, strict=True)
    ]
    try:
        for p in patient_rows:
            _semantic_checks("patient", p, "")
    except ImportFileError:
        return None
    if len({p["mrn"].lower() for p in patient_rows}) != len(patient_rows):
        return None
    id_texts = {"patient": [p["id"] for p in raw_patients]}
    birth_of = {raw["id"]: p["birth_date"] for raw, p in zip(raw_patients, patient_rows, strict=True)}
    # (target table, the referring rows' owners or None, the references) for each reference column.
    refs: list[tuple[str, list[Any] | None, list[Any]]] = [
        ("staff", None, [p["responsible_staff_id"] for p in raw_patients])
    ]

    records: dict[str, Columns] = {}
    for name, c in codecs.items():
        rows = raw[name]
        columns = c.decode_columns(rows)
        if columns is None:
            return None
        table = dict(zip(c.columns, columns, strict=True))
        if [r["patient_id"] for r in rows] != owners[name]:
            return None
        id_texts[name] = [r["id"] for r in rows]
        if name in _SEMANTIC_TABLES and not _semantic_columns_ok(name, table):
            return None
        if not _entry_columns_ok(name, table, list(map(birth_of.__getitem__, owners[name]))):
            return None
        refs += [(target, owners[name], [r[col] for r in rows]) for col, target in c.refs]
        records[name] = table
        if progress:
            progress(len(patients_doc) // 2, len(patients_doc))

    known = {name: set(texts) for name, texts in id_texts.items()}
    if any(len(known[name]) != len(texts) for name, texts in id_texts.items()):
        return None  # an id twice in one table
    known["staff"] = {str(s) for s in staff_ids}
    for target, owner_texts, texts in refs:
        if not set(texts) - {None} <= known.get(target, set()):
            return None
        if owner_texts is not None and target in RECORD_TABLES:  # a record of the same patient
            owner_of = dict(zip(id_texts[target], owners[target], strict=True))
            if any(t is not None and owner_of[t] != o for t, o in zip(texts, owner_texts, strict=True)):
                return None
    return patient_rows, records


def _semantic_columns_ok(table: str, columns: Columns) -> bool:
    """_semantic_checks for every row of a table; each distinct set of values checked once."""
    names = list(columns)
    if table == "assessment":
        names = [item_column(k) for k in scoring.ITEM_KEYS] + [m[0] for m in assessments.MEASUREMENTS] + ["symptoms"]
    seen = set()
    for values in zip(*(columns[n] for n in names), strict=True):
        if values in seen:
            continue
        try:
            _semantic_checks(table, dict(zip(names, values, strict=True)), "")
        except ImportFileError:
            return False
        seen.add(values)
    return True


def _decode_rowwise(
    patients_doc: list[Any],
    patient_codec: _TableCodec,
    codecs: dict[str, _TableCodec],
    staff_ids: set[uuid.UUID],
    progress: Callable[[int, int], None] | None,
) -> tuple[list[dict[str, Any]], dict[str, Columns]]:
    """Every patient and record checked row by row, field by field; the first bad field raises."""
    patient_rows: list[dict[str, Any]] = []
    records: dict[str, list[dict[str, Any]]] = {t: [] for t in RECORD_TABLES}
    ids: dict[str, set[uuid.UUID]] = {t: set() for t in (*RECORD_TABLES, "patient", "staff")}
    ids["staff"] = staff_ids
    owner: dict[uuid.UUID, int] = {}  # each record's patient (its index in the file), by record id
    mrns: set[str] = set()
    # References to resolve after reading all: (patient index, table, row index, column, target, id).
    refs: list[tuple[int, str | None, int, str, str, uuid.UUID]] = []
    for i, entry in enumerate(patients_doc):
        path = f"patients[{i}]"
        if not isinstance(entry, dict) or set(entry) != {"patient", "records"}:
            raise ImportFileError(path, 'must be an object with "patient" and "records"')
        p = {**patient_codec.decode(entry["patient"], f"{path}.patient"), **IMPORTED_AS["patient"]}
        _semantic_checks("patient", p, f"{path}.patient")
        if p["mrn"].lower() in mrns:
            raise ImportFileError(f"{path}.patient.mrn", f"{p['mrn']!r} appears twice in the file")
        mrns.add(p["mrn"].lower())
        pid = p["id"]
        if pid in ids["patient"]:
            raise ImportFileError(f"{path}.patient.id", "appears twice in the file")
        ids["patient"].add(pid)
        if p["responsible_staff_id"] is not None:
            refs.append((i, None, 0, "responsible_staff_id", "staff", p["responsible_staff_id"]))
        patient_rows.append(p)
        recs = entry["records"]
        if not isinstance(recs, dict):
            raise ImportFileError(f"{path}.records", "must be an object")
        unknown = set(recs) - set(RECORD_TABLES)
        if unknown:
            raise ImportFileError(f"{path}.records.{sorted(unknown)[0]}", "is not a record table")
        for name, c in codecs.items():
            rows = recs.get(name, [])
            if not isinstance(rows, list):
                raise ImportFileError(f"{path}.records.{name}", "must be a list")
            seen, out, table_refs = ids[name], records[name], c.refs
            semantic = name in _SEMANTIC_TABLES
            for j, raw in enumerate(rows):
                try:
                    row = c.decode_row(raw)
                except _Bad as bad:
                    raise ImportFileError(f"{path}.records.{name}[{j}]{bad.suffix}", bad.message) from None
                if row["patient_id"] != pid:
                    raise ImportFileError(
                        f"{path}.records.{name}[{j}].patient_id", "does not match the patient it is filed under"
                    )
                if row["id"] in seen:
                    raise ImportFileError(f"{path}.records.{name}[{j}].id", "appears twice in the file")
                seen.add(row["id"])
                owner[row["id"]] = i
                if semantic:
                    _semantic_checks(name, row, f"{path}.records.{name}[{j}]")
                _entry_checks(name, row, f"{path}.records.{name}[{j}]", p["birth_date"])
                for col, target in table_refs:
                    ref = row[col]
                    if ref is not None:
                        refs.append((i, name, j, col, target, ref))
                out.append(row)
        if progress and i % 200 == 0:
            progress(i, len(patients_doc))

    for i, table, j, col, target, ref in refs:
        where = f"patients[{i}].patient" if table is None else f"patients[{i}].records.{table}[{j}]"
        if ref not in ids[target]:
            raise ImportFileError(f"{where}.{col}", f"refers to a {target} that is not in the file or the database")
        if table is not None and target in RECORD_TABLES and owner[ref] != i:
            raise ImportFileError(f"{where}.{col}", f"refers to a {target} of another patient (patients[{owner[ref]}])")
    return patient_rows, {
        name: {col: [r[col] for r in rows] for col in codecs[name].columns} for name, rows in records.items()
    }


_SEMANTIC_TABLES = frozenset(("patient", "assessment"))


BULK_CACHE_KIB = 256 * 1024


@contextmanager
def _bulk_load(session: Session) -> Iterator[None]:
    """On SQLite, a larger page cache while inserting: random UUID keys touch every index page.

    Memory only; durability settings (WAL, synchronous FULL) are left as they are.
    """
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        yield
        return
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")


def _bulk_insert(session: Session, table: sa.Table, data: Columns) -> None:
    """Core executemany of complete rows; on SQLite each column converted by its own bind processor.

    The same conversion `session.execute(insert(table), rows)` makes, done once per distinct value
    of a column instead of once per field (dates, moments and ids repeat across thousands of rows).
    """
    conn = session.connection()
    dialect = conn.dialect
    if dialect.name != "sqlite":
        # Measured and checked on SQLite only; elsewhere the plain Core path (same rows, same types).
        names = list(data)
        session.execute(sa.insert(table), [dict(zip(names, r, strict=True)) for r in zip(*data.values(), strict=True)])
        return
    plain = sa.table(table.name, *(sa.column(c.name) for c in table.columns))
    compiled = sa.insert(plain).compile(dialect=dialect)
    names = [c.name for c in table.columns]
    columns = []
    for col in table.columns:
        values = data[col.name]
        process = col.type.dialect_impl(dialect).bind_processor(dialect)
        if process is None:
            pass
        elif col.primary_key or isinstance(col.type, sa.Uuid):
            values = list(map(process, values))  # unique, or costly to hash: convert each
        else:
            converted = {v: process(v) for v in set(values)}
            values = list(map(converted.__getitem__, values))
        columns.append(values)
    if compiled.positiontup is not None:
        order = [names.index(key) for key in compiled.positiontup]
        params: list[Any] = list(zip(*(columns[k] for k in order), strict=True))
    else:
        params = [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]
    conn.exec_driver_sql(str(compiled), params)


def _check_clashes(session: Session, rows: list[dict[str, Any]]) -> None:
    """Refuse patients whose MRN or ID the database already holds (no silent merge)."""
    by_mrn = {r["mrn"].lower(): i for i, r in enumerate(rows)}
    by_id = {r["id"]: i for i, r in enumerate(rows)}
    for other in patient_rules.mrns_taken(session, by_mrn):
        i = by_mrn[other.mrn.lower()]
        mrn = rows[i]["mrn"]
        found = "" if other.mrn == mrn else f" (as {other.mrn!r})"
        raise ImportFileError(f"patients[{i}].patient.mrn", f"MRN {mrn!r} is already in the database{found}")
    pids = list(by_id)
    for start in range(0, len(rows), BATCH):
        for pid in session.scalars(sa.select(Patient.id).where(Patient.id.in_(pids[start : start + BATCH]))):
            raise ImportFileError(f"patients[{by_id[pid]}].patient.id", "this patient is already in the database")


def _search_key_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from alsdesk.models.base import utcnow

    now = utcnow()
    out: list[dict[str, Any]] = []
    for p in rows:
        keys = search.search_keys(
            mrn=p["mrn"],
            family_name=p["family_name"],
            given_name=p["given_name"],
            name_zh=p["name_zh"],
            phone=p["phone"],
        )
        out.extend(
            {"id": new_id(), "patient_id": p["id"], "key": k, "created_at": now, "updated_at": now, "version": 1}
            for k in sorted(keys)
        )
    return out


__all__ = ["ImportFileError", "ImportResult", "export_document", "import_document", "read_document", "write_export"]
