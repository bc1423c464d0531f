"""Export: patients with all their records, and the staff they refer to, as an export document
(format.py), whole or streamed to a file one patient per line; audited, and refused for patients
the signed-in person may not export."""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.exchange.format import FORMAT, RECORD_TABLES, VERSION, WRITTEN_FROM, encode, exported_columns
from alsdesk.models import Patient, Staff
from alsdesk.services import audit, sites
from alsdesk.services.access import requires
from alsdesk.services.restricted import check_export

BATCH = 500  # patients loaded at a time: memory stays flat however many are exported


def _rows(session: Session, table: sa.Table, where: sa.ColumnElement[bool], here: str) -> list[dict[str, Any]]:
    """The rows of `table`, their site (services.sites) named: `here` for this clinic's own."""
    columns = exported_columns(table)
    names = [c.name for c in columns]
    stmt = sa.select(*columns).where(where).order_by(table.c.id)
    rows = [{name: encode(value) for name, value in zip(names, row, strict=True)} for row in session.execute(stmt)]
    named = [c for c in sites.SITE_COLUMNS if c in names]
    if named and here != sites.HERE:
        for row in rows:
            for c in named:
                row[c] = sites.site_in_file(row[c], here)
    for field, written in WRITTEN_FROM.get(table.name, {}).items():
        for row in rows:
            row[field] = written(row)
    return rows


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
    here = sites.local_site(session)
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        patients = {r["id"]: r for r in _rows(session, ptable, ptable.c.id.in_(chunk), here)}
        records: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: {t: [] for t in RECORD_TABLES})
        for name, table in RECORD_TABLES.items():
            for row in _rows(session, table, table.c.patient_id.in_(chunk), here):
                records[row["patient_id"]][name].append(row)
        for pid in chunk:
            key = str(pid)
            yield {"patient": patients[key], "records": records[key]}


def _staff_columns() -> list[tuple[sa.Table, sa.Column[Any]]]:
    """Every column of the patient and its records that names a staff member (a foreign key)."""
    staff: sa.Table = Staff.__table__
    tables: list[sa.Table] = [Patient.__table__, *RECORD_TABLES.values()]
    return [(t, fk.parent) for t in tables for fk in t.foreign_keys if fk.column.table is staff]


def _named_staff(ids: list[uuid.UUID]) -> sa.ColumnElement[bool]:
    """Staff the patients `ids` and their records name: a transfer carries those, not the clinic's
    whole staff list (names and phones of people the other clinic has no record of)."""
    named = [
        sa.select(column).where((t.c.id if t is Patient.__table__ else t.c.patient_id).in_(ids), column.is_not(None))
        for t, column in _staff_columns()
    ]
    return Staff.__table__.c.id.in_(sa.union(*named).scalar_subquery())


def _staff_rows(session: Session, ids: list[uuid.UUID] | None = None) -> list[dict[str, Any]]:
    """The staff records (every one, or those `ids`' records name), each naming its site (this
    clinic's ID for its own) and the user name it has there (services.sites)."""
    where = sa.true() if ids is None else _named_staff(ids)
    rows = _rows(session, Staff.__table__, where, sites.HERE)
    here = sites.local_site(session)
    for row in rows:
        row["username"] = sites.home_username(row["username"], row["site_id"])
        row["site_id"] = sites.site_in_file(row["site_id"], here)
    return rows


def authorised_ids(
    *, session: Session, mrns: Iterable[str] | None = None, export_format: str = "alsdesk"
) -> list[uuid.UUID]:
    """The patients to export (all, or those with `mrns`), refused if the signed-in person may
    not export one of them, and audited as exported: every export format starts here. The audit
    detail names a format other than the clinic's own (fhir, ips)."""
    ids = patient_ids(session=session, mrns=mrns)
    check_export(session, ids)
    detail = {} if export_format == "alsdesk" else {"format": export_format}
    audit.append(session, [("export", "patient", pid, pid, detail, None) for pid in ids])
    return ids


@requires("export")
def export_document(*, session: Session, mrns: Iterable[str] | None = None) -> dict[str, Any]:
    ids = authorised_ids(session=session, mrns=mrns)
    return {
        "format": FORMAT,
        "version": VERSION,
        "site_id": sites.local_site(session),
        "staff": _staff_rows(session, None if mrns is None else ids),
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
    ids = authorised_ids(session=session, mrns=mrns)
    out.write(f'{{"format": "{FORMAT}", "version": {VERSION}, "site_id": "{sites.local_site(session)}",\n"staff": ')
    out.write(json.dumps(_staff_rows(session, None if mrns is None else ids), ensure_ascii=False))
    out.write(',\n"patients": [')
    for n, doc in enumerate(iter_patients(session, ids)):
        out.write(("\n" if n == 0 else ",\n") + json.dumps(doc, ensure_ascii=False))
        if progress and n % 100 == 0:
            progress(n, len(ids))
    out.write("\n]}\n")
    return len(ids)
