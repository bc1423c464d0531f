"""Export and import: a documented, versioned JSON format of patients with all their records.

Format (version 1), see docs/export-format.md:
    {"format": "alsdesk-export", "version": 1, "staff": [row, …],
     "patients": [{"patient": row, "records": {"<table>": [row, …], …}}, …]}
Every row holds every column of its table; UUIDs and dates are strings, moments ISO 8601 UTC.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO, Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.models import PATIENT_RECORDS, Patient, PatientSearchKey, Staff
from alsdesk.models.base import UTCDateTime
from alsdesk.services import patients as patient_rules
from alsdesk.services import scoring, search
from alsdesk.services.assessments import items_of

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
        return lambda v: v if isinstance(v, int) and not isinstance(v, bool) else _fail("must be a whole number")
    if isinstance(t, sa.Float):
        return lambda v: (
            float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else _fail("must be a number")
        )
    if isinstance(t, sa.Enum):
        allowed = set(t.enums)
        return lambda v: v if v in allowed else _fail(f"must be one of {', '.join(sorted(allowed))}")
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
    return v


def _fail(message: str) -> Any:
    raise ValueError(message)


class _TableCodec:
    def __init__(self, table: sa.Table) -> None:
        self.table = table
        self.columns = [c.name for c in table.columns]
        self.decoders = [(c.name, c.nullable, _decoder(c)) for c in table.columns]
        self.names = set(self.columns)

    def encode(self, row: sa.Row) -> dict[str, Any]:  # type: ignore[type-arg]
        return {name: _encode(value) for name, value in zip(self.columns, row, strict=True)}

    def decode(self, raw: Any, path: str) -> dict[str, Any]:
        if not isinstance(raw, dict):
            raise ImportFileError(path, "must be an object")
        extra = set(raw) - self.names
        if extra:
            raise ImportFileError(f"{path}.{sorted(extra)[0]}", f"is not a field of {self.table.name}")
        out = {}
        for name, nullable, decode in self.decoders:
            if name not in raw:
                raise ImportFileError(f"{path}.{name}", "is missing")
            value = raw[name]
            if value is None:
                if not nullable:
                    raise ImportFileError(f"{path}.{name}", "must not be null")
                out[name] = None
                continue
            try:
                out[name] = decode(value)
            except ValueError as err:
                raise ImportFileError(f"{path}.{name}", f"{err} (got {value!r})") from None
        return out


_CODECS: dict[str, _TableCodec] = {}


def codec(table: sa.Table) -> _TableCodec:
    if table.name not in _CODECS:
        _CODECS[table.name] = _TableCodec(table)
    return _CODECS[table.name]


# --- export ----------------------------------------------------------------------------------


def _rows(session: Session, table: sa.Table, where: sa.ColumnElement[bool]) -> list[dict[str, Any]]:
    c = codec(table)
    stmt = sa.select(*table.columns).where(where).order_by(table.c.id)
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


def export_document(*, session: Session, mrns: Iterable[str] | None = None) -> dict[str, Any]:
    ids = patient_ids(session=session, mrns=mrns)
    return {
        "format": FORMAT,
        "version": VERSION,
        "staff": _staff_rows(session),
        "patients": list(iter_patients(session, ids)),
    }


def write_export(
    *,
    session: Session,
    out: IO[str],
    mrns: Iterable[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Stream an export to `out`, one patient per line; returns the number of patients."""
    ids = patient_ids(session=session, mrns=mrns)
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

    staff_table: sa.Table = Staff.__table__  # type: ignore[assignment]
    staff_rows = [codec(staff_table).decode(r, f"staff[{i}]") for i, r in enumerate(staff_doc)]
    existing_staff = set(session.scalars(sa.select(Staff.id)))
    new_staff = [r for r in staff_rows if r["id"] not in existing_staff]

    ptable: sa.Table = Patient.__table__  # type: ignore[assignment]
    patient_rows: list[dict[str, Any]] = []
    records: dict[str, list[dict[str, Any]]] = {t: [] for t in RECORD_TABLES}
    ids: dict[str, set[uuid.UUID]] = {t: set() for t in (*RECORD_TABLES, "patient", "staff")}
    ids["staff"] = existing_staff | {r["id"] for r in staff_rows}
    mrns: set[str] = set()
    refs: list[tuple[str, str, uuid.UUID]] = []  # (path, table, id) to resolve after reading all
    for i, entry in enumerate(patients_doc):
        path = f"patients[{i}]"
        if not isinstance(entry, dict) or set(entry) != {"patient", "records"}:
            raise ImportFileError(path, 'must be an object with "patient" and "records"')
        p = codec(ptable).decode(entry["patient"], f"{path}.patient")
        _semantic_checks("patient", p, f"{path}.patient")
        if p["mrn"].lower() in mrns:
            raise ImportFileError(f"{path}.patient.mrn", f"{p['mrn']!r} appears twice in the file")
        mrns.add(p["mrn"].lower())
        if p["id"] in ids["patient"]:
            raise ImportFileError(f"{path}.patient.id", "appears twice in the file")
        ids["patient"].add(p["id"])
        if p["responsible_staff_id"] is not None:
            refs.append((f"{path}.patient.responsible_staff_id", "staff", p["responsible_staff_id"]))
        patient_rows.append(p)
        recs = entry["records"]
        if not isinstance(recs, dict):
            raise ImportFileError(f"{path}.records", "must be an object")
        unknown = set(recs) - set(RECORD_TABLES)
        if unknown:
            raise ImportFileError(f"{path}.records.{sorted(unknown)[0]}", "is not a record table")
        for name, table in RECORD_TABLES.items():
            rows = recs.get(name, [])
            if not isinstance(rows, list):
                raise ImportFileError(f"{path}.records.{name}", "must be a list")
            c = codec(table)
            for j, raw in enumerate(rows):
                rpath = f"{path}.records.{name}[{j}]"
                row = c.decode(raw, rpath)
                if row["patient_id"] != p["id"]:
                    raise ImportFileError(f"{rpath}.patient_id", "does not match the patient it is filed under")
                if row["id"] in ids[name]:
                    raise ImportFileError(f"{rpath}.id", "appears twice in the file")
                ids[name].add(row["id"])
                _semantic_checks(name, row, rpath)
                for col in table.columns:
                    for fk in col.foreign_keys:
                        target = fk.column.table.name
                        if target != "patient" and row[col.name] is not None:
                            refs.append((f"{rpath}.{col.name}", target, row[col.name]))
                records[name].append(row)
        if progress and i % 200 == 0:
            progress(i, len(patients_doc))

    for path, target, ref in refs:
        if ref not in ids[target]:
            raise ImportFileError(path, f"refers to a {target} that is not in the file or the database")
    _check_clashes(session, patient_rows)

    if new_staff:
        session.execute(sa.insert(staff_table), new_staff)
    if patient_rows:
        session.execute(sa.insert(ptable), patient_rows)
        session.execute(sa.insert(PatientSearchKey.__table__), _search_key_rows(patient_rows))  # type: ignore[arg-type]
    total = 0
    for name, table in RECORD_TABLES.items():
        if records[name]:
            session.execute(sa.insert(table), records[name])
            total += len(records[name])
    return ImportResult(patients=len(patient_rows), records=total, staff=len(new_staff))


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
