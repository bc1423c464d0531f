"""Reading the audit trail: filtered in SQL, newest first, a page at a time (administrators only)."""

from __future__ import annotations

import csv
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.limits import spreadsheet_cell
from alsdesk.models import AuditEntry, Patient
from alsdesk.services import access, audit, patients
from alsdesk.storage.files import text_on_commit

MAX_LIMIT = 5000
_Query = TypeVar("_Query", bound=sa.Select[*tuple[Any, ...]])
CSV_HEADER = (
    "seq",
    "time_utc",
    "username",
    "workstation",
    "action",
    "category",
    "table",
    "record_id",
    "patient_id",
    "patient_mrn",
    "detail",
)


@dataclass(frozen=True)
class AuditRow:
    """One audit entry as the screen and the CSV export show it."""

    seq: int
    at: datetime
    username: str
    workstation: str
    action: str
    category: str
    table_name: str
    record_id: str | None
    patient_id: uuid.UUID | None
    detail: str
    patient_mrn: str | None = None


def _filtered(
    stmt: _Query,
    patient_id: uuid.UUID | None,
    username: str | None,
    action: str | None,
    since: datetime | None,
    until: datetime | None,
) -> _Query:
    if patient_id is not None:
        stmt = stmt.where(AuditEntry.patient_id == patient_id)
    if username:
        stmt = stmt.where(AuditEntry.username == username.strip().lower())
    if action:
        stmt = stmt.where(AuditEntry.action == action)
    if since is not None:
        stmt = stmt.where(AuditEntry.at >= since)
    if until is not None:
        stmt = stmt.where(AuditEntry.at < until)
    return stmt


def list_entries(
    *,
    session: Session,
    patient_id: uuid.UUID | None = None,
    username: str | None = None,
    action: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    offset: int = 0,
    limit: int = 200,
    oldest_first: bool = False,
) -> list[AuditRow]:
    """A page of entries matching every given filter (`until` excluded), newest first by default."""
    access.check(session, "audit.read")
    order = AuditEntry.seq.asc() if oldest_first else AuditEntry.seq.desc()
    stmt = sa.select(
        AuditEntry.seq,
        AuditEntry.at,
        AuditEntry.username,
        AuditEntry.workstation,
        AuditEntry.action,
        AuditEntry.category,
        AuditEntry.table_name,
        AuditEntry.record_id,
        AuditEntry.patient_id,
        AuditEntry.detail,
        Patient.mrn,
    ).outerjoin(Patient, Patient.id == AuditEntry.patient_id)
    stmt = _filtered(stmt, patient_id, username, action, since, until)
    stmt = stmt.order_by(order).offset(max(0, offset)).limit(max(0, min(limit, MAX_LIMIT)))
    return [AuditRow(*row) for row in session.execute(stmt)]


def count_entries(
    *,
    session: Session,
    patient_id: uuid.UUID | None = None,
    username: str | None = None,
    action: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> int:
    """How many entries match, for "page 2 of 7"."""
    access.check(session, "audit.read")
    stmt = _filtered(sa.select(sa.func.count()).select_from(AuditEntry), patient_id, username, action, since, until)
    return int(session.scalar(stmt) or 0)


def list_actions(*, session: Session) -> list[str]:
    """The actions that occur in the trail, for the filter list."""
    access.check(session, "audit.read")
    return list(session.scalars(sa.select(AuditEntry.action).distinct().order_by(AuditEntry.action)))


def write_csv(rows: Iterable[AuditRow], fh: IO[str]) -> int:
    """Write rows as CSV (UTC ISO times; a cell a spreadsheet would run as a formula is kept as
    text); returns how many were written."""
    out = csv.writer(fh)
    out.writerow(CSV_HEADER)
    count = 0
    for r in rows:
        out.writerow(
            spreadsheet_cell(v) if isinstance(v, str) else v
            for v in [
                r.seq,
                r.at.isoformat(),
                r.username,
                r.workstation,
                r.action,
                r.category,
                r.table_name,
                r.record_id or "",
                r.patient_id or "",
                r.patient_mrn or "",
                r.detail,
            ]
        )
        count += 1
    return count


def export_csv(
    *,
    session: Session,
    path: Path,
    mrn: str | None = None,
    username: str | None = None,
    action: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> int:
    """Write every entry matching the filters (`mrn`: one patient's) to `path`, oldest first (stable
    while the trail grows), a page at a time, and audit the export in the same write session. The
    file appears only once that session commits, and a rollback leaves none (`text_on_commit`), so
    no export exists that the trail does not name. Returns how many entries were written."""
    access.check(session, "audit.read")
    patient_id = patients.get_by_mrn(session=session, mrn=mrn).id if mrn else None

    def pages() -> Iterator[AuditRow]:
        offset = 0
        while True:
            rows = list_entries(
                session=session,
                offset=offset,
                limit=MAX_LIMIT,
                oldest_first=True,
                patient_id=patient_id,
                username=username,
                action=action,
                since=since,
                until=until,
            )
            yield from rows
            if len(rows) < MAX_LIMIT:
                return
            offset += len(rows)

    with text_on_commit(session, path) as fh:
        count = write_csv(pages(), fh)
    shown = {"mrn": mrn, "username": username, "action": action, "since": since, "until": until}
    audit.record(
        session=session,
        action="export",
        table="audit_entry",
        detail={"rows": count, "file": path.name, **{k: str(v) for k, v in shown.items() if v}},
        category="security",
    )
    return count
