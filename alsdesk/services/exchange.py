"""Export and import: a documented, versioned JSON format of patients with all their records.

Format (version 1), see docs/export-format.md:
    {"format": "alsdesk-export", "version": 1, "staff": [row, …],
     "patients": [{"patient": row, "records": {"<table>": [row, …], …}}, …]}
Every row holds every column of its table; UUIDs and dates are strings, moments ISO 8601 UTC.
"""

from __future__ import annotations

import json
import math
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO, Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.models import PATIENT_RECORDS, Patient, PatientSearchKey, Staff
from alsdesk.models.base import UTCDateTime
from alsdesk.services import audit, scoring, search
from alsdesk.services import patients as patient_rules
from alsdesk.services.access import requires
from alsdesk.services.assessments import items_of
from alsdesk.services.restricted import check_export

FORMAT = "alsdesk-export"
VERSION = 1
BATCH = 500
RECORD_TABLES: dict[str, sa.Table] = {m.__table__.name: m.__table__ for m in PATIENT_RECORDS}  # type: ignore[misc]


class ImportFileError(DomainError):
    """An import file that breaks the format; the message starts with the field's path."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
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


def _decoder(col: sa.Column) -> Decoder:  # type: ignore[type-arg]
    t = col.type
    if isinstance(t, sa.Uuid):
        return lambda v: uuid.UUID(_str(v))
    if isinstance(t, UTCDateTime):

        def moment(v: Any) -> datetime:
            d = datetime.fromisoformat(_str(v))
            if d.tzinfo is None:
                raise ValueError("must carry a time zone (UTC)")
            return d

        return moment
    if isinstance(t, sa.Date):
        return lambda v: date.fromisoformat(_str(v))
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


def _str(v: Any) -> str:
    if not isinstance(v, str):
        raise ValueError("must be text")
    if "\x00" in v:
        raise ValueError("contains a NUL character")
    return v


def _fail(message: str) -> Any:
    raise ValueError(message)


# Sign-in secrets and state never leave the database in an export; imported rows start without them.
IMPORTED_AS = {
    "staff": {"password_hash": None, "failed_attempts": 0, "last_failed_at": None, "locked_until": None},
    # Restriction is this clinic's access rule, like its care teams: not carried in format v1.
    "patient": {"restricted": False},
}
NOT_EXPORTED = {table: set(values) for table, values in IMPORTED_AS.items()}


class _Bad(ValueError):
    """A bad field inside one row: where below the row (".name" or ""), and what is wrong."""

    def __init__(self, suffix: str, message: str) -> None:
        super().__init__(message)
        self.suffix = suffix
        self.message = message


class _TableCodec:
    def __init__(self, table: sa.Table, memos: dict[type, dict[str, Any]] | None = None) -> None:
        self.table = table
        skip = NOT_EXPORTED.get(table.name, set())
        self.selected = [c for c in table.columns if c.name not in skip]
        self.columns = [c.name for c in self.selected]
        # (name, nullable, decoder, memo): a memo remembers decoded text values that repeat across
        # rows (references, dates, moments, choices); primary keys never repeat, so they get none.
        self.decoders = [(c.name, c.nullable, _decoder(c), self._memo(c, memos)) for c in self.selected]
        self.names = set(self.columns)
        # References checked once the whole file is read (the patient itself is checked per row).
        self.refs = [
            (c.name, fk.column.table.name)
            for c in table.columns
            for fk in c.foreign_keys
            if fk.column.table.name != "patient"
        ]

    @staticmethod
    def _memo(col: sa.Column, memos: dict[type, dict[str, Any]] | None) -> dict[str, Any] | None:  # type: ignore[type-arg]
        if memos is None or col.primary_key:
            return None
        kind = type(col.type)
        if kind in (sa.Uuid, UTCDateTime, sa.Date):
            return memos.setdefault(kind, {})
        if kind is sa.Enum:
            return memos.setdefault(col.type, {})  # type: ignore[call-overload]
        return None

    def encode(self, row: sa.Row) -> dict[str, Any]:  # type: ignore[type-arg]
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
        out = {}
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
                raise _Bad(f".{name}", f"{err} (got {value!r})") from None
            if memo is not None and type(value) is str:
                memo[value] = decoded
        return out


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
            raise DomainError(f"No patient has the MRN {missing[0]!r}.")
        return ids
    return list(session.scalars(stmt))


def iter_patients(session: Session, ids: list[uuid.UUID]) -> Iterator[dict[str, Any]]:
    """Patient documents in the order of `ids`, loaded in batches so memory stays flat."""
    ptable: sa.Table = Patient.__table__  # type: ignore[assignment]
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
    return _rows(session, Staff.__table__, sa.true())  # type: ignore[arg-type]


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
        raise DomainError(f"The file is not valid JSON (line {err.lineno}, column {err.colno}: {err.msg}).") from err
    except UnicodeDecodeError as err:
        raise DomainError("The file is not UTF-8 text, so it is not an alsdesk export.") from err


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
    except ValueError as err:
        raise ImportFileError(path, str(err)) from None


class _Attrs:
    def __init__(self, row: dict[str, Any]) -> None:
        self.__dict__.update(row)


@requires("import")
def import_document(
    *, session: Session, document: Any, progress: Callable[[int, int], None] | None = None
) -> ImportResult:
    """Validate the whole document, then insert it with Core in this session's one transaction.

    Nothing is written unless every row passes; the first bad field is named by its path.
    """
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportFileError("format", f"must be {FORMAT!r}: this is not an alsdesk export")
    if document.get("version") != VERSION:
        raise ImportFileError("version", f"must be {VERSION} (this alsdesk reads version {VERSION} exports)")
    extra = set(document) - {"format", "version", "staff", "patients"}
    if extra:
        raise ImportFileError(sorted(extra)[0], "is not part of the format")
    staff_doc, patients_doc = document.get("staff"), document.get("patients")
    if not isinstance(staff_doc, list):
        raise ImportFileError("staff", "must be a list")
    if not isinstance(patients_doc, list):
        raise ImportFileError("patients", "must be a list")

    # Codecs for this import only: their memos of decoded ids and dates go when it ends.
    memos: dict[type, dict[str, Any]] = {}
    staff_table: sa.Table = Staff.__table__  # type: ignore[assignment]
    staff_codec = _TableCodec(staff_table, memos)
    staff_rows = [staff_codec.decode(r, f"staff[{i}]") for i, r in enumerate(staff_doc)]
    existing_staff = set(session.scalars(sa.select(Staff.id)))
    new_staff = [{**IMPORTED_AS["staff"], **r} for r in staff_rows if r["id"] not in existing_staff]
    taken = dict(session.execute(sa.select(Staff.username, Staff.id)).all())
    for i, r in enumerate(staff_rows):
        if taken.get(r["username"], r["id"]) != r["id"]:
            raise ImportFileError(
                f"staff[{i}].username", f"{r['username']!r} is a different staff member in this database"
            )

    ptable: sa.Table = Patient.__table__  # type: ignore[assignment]
    patient_codec = _TableCodec(ptable, memos)
    codecs = {name: _TableCodec(table, memos) for name, table in RECORD_TABLES.items()}
    patient_rows: list[dict[str, Any]] = []
    records: dict[str, list[dict[str, Any]]] = {t: [] for t in RECORD_TABLES}
    ids: dict[str, set[uuid.UUID]] = {t: set() for t in (*RECORD_TABLES, "patient", "staff")}
    ids["staff"] = existing_staff | {r["id"] for r in staff_rows}
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
                if semantic:
                    _semantic_checks(name, row, f"{path}.records.{name}[{j}]")
                for col, target in table_refs:
                    ref = row[col]
                    if ref is not None:
                        refs.append((i, name, j, col, target, ref))
                out.append(row)
        if progress and i % 200 == 0:
            progress(i, len(patients_doc))

    for i, name, j, col, target, ref in refs:
        if ref not in ids[target]:
            where = f"patients[{i}].patient" if name is None else f"patients[{i}].records.{name}[{j}]"
            raise ImportFileError(f"{where}.{col}", f"refers to a {target} that is not in the file or the database")
    _check_clashes(session, patient_rows)

    total = 0
    with _bulk_load(session):
        if new_staff:
            _bulk_insert(session, staff_table, new_staff)
        if patient_rows:
            _bulk_insert(session, ptable, patient_rows)
            _bulk_insert(session, PatientSearchKey.__table__, _search_key_rows(patient_rows))  # type: ignore[arg-type]
        for name, table in RECORD_TABLES.items():
            if records[name]:
                _bulk_insert(session, table, records[name])
                total += len(records[name])
    audit.append(session, [("import", "patient", p["id"], p["id"], {"mrn": p["mrn"]}, None) for p in patient_rows])
    return ImportResult(patients=len(patient_rows), records=total, staff=len(new_staff))


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
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")


def _bulk_insert(session: Session, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """Core executemany of complete rows; on SQLite each column converted by its own bind processor.

    The same conversion `session.execute(insert(table), rows)` makes, done once per distinct value
    of a column instead of once per field (dates, moments and ids repeat across thousands of rows).
    """
    conn = session.connection()
    dialect = conn.dialect
    if dialect.name != "sqlite":
        # Measured and checked on SQLite only; elsewhere the plain Core path (same rows, same types).
        session.execute(sa.insert(table), rows)
        return
    plain = sa.table(table.name, *(sa.column(c.name) for c in table.columns))
    compiled = sa.insert(plain).compile(dialect=dialect)
    names = [c.name for c in table.columns]
    columns = []
    for col in table.columns:
        values = [r[col.name] for r in rows]
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
    by_mrn = {r["mrn"]: i for i, r in enumerate(rows)}
    by_id = {r["id"]: i for i, r in enumerate(rows)}
    mrns, pids = list(by_mrn), list(by_id)
    for start in range(0, len(rows), BATCH):
        for mrn in session.scalars(sa.select(Patient.mrn).where(Patient.mrn.in_(mrns[start : start + BATCH]))):
            raise ImportFileError(f"patients[{by_mrn[mrn]}].patient.mrn", f"MRN {mrn!r} is already in the database")
        for pid in session.scalars(sa.select(Patient.id).where(Patient.id.in_(pids[start : start + BATCH]))):
            raise ImportFileError(f"patients[{by_id[pid]}].patient.id", "this patient is already in the database")


def _search_key_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from alsdesk.models.base import utcnow

    now = utcnow()
    out = []
    for p in rows:
        keys = search.search_keys(
            mrn=p["mrn"],
            family_name=p["family_name"],
            given_name=p["given_name"],
            name_zh=p["name_zh"],
            phone=p["phone"],
        )
        out.extend(
            {"id": uuid.uuid4(), "patient_id": p["id"], "key": k, "created_at": now, "updated_at": now, "version": 1}
            for k in sorted(keys)
        )
    return out


__all__ = ["ImportFileError", "ImportResult", "export_document", "import_document", "read_document", "write_export"]
