"""The print log: record each printed or exported document, and list what was printed."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.models import PrintLog, Staff
from alsdesk.services.access import requires
from alsdesk.services.common import Changes, check_text, now_utc
from alsdesk.services.restricted import openable


@dataclass(frozen=True)
class PrintLogEntry:
    id: uuid.UUID
    printed_at: datetime
    kind: str
    patient_id: uuid.UUID | None
    patient_mrn: str
    record_id: uuid.UUID | None
    language: str
    paper: str
    pages: int
    destination: str
    printed_by: str


def _entry(r: PrintLog) -> PrintLogEntry:
    return PrintLogEntry(
        r.id, r.printed_at, r.kind, r.patient_id, r.patient_mrn, r.record_id, r.language, r.paper, r.pages,
        r.destination, r.printed_by,
    )  # fmt: skip


def log_print(
    *,
    session: Session,
    kind: str,
    language: str,
    paper: str,
    pages: int,
    destination: str,
    printed_by: str,
    patient_id: uuid.UUID | None = None,
    patient_mrn: str = "",
    record_id: uuid.UUID | None = None,
    staff_id: uuid.UUID | None = None,
) -> tuple[PrintLogEntry, Changes]:
    """Record one document; a login name that matches an active staff member links the entry to them."""
    if staff_id is None and printed_by:
        staff_id = session.scalar(sa.select(Staff.id).where(Staff.username == printed_by.lower(), Staff.active))
    row = PrintLog(
        printed_at=now_utc(),
        kind=check_text(kind, "Document kind", max_len=30),
        patient_id=patient_id,
        patient_mrn=patient_mrn,
        record_id=record_id,
        language=language,
        paper=paper,
        pages=pages,
        destination=check_text(destination, "Destination", max_len=500),
        printed_by=printed_by[:200],
        staff_id=staff_id,
    )
    session.add(row)
    session.flush()
    return _entry(row), Changes(worklist=False)


@requires("patient.read")
def print_log(*, session: Session, patient_id: uuid.UUID | None = None, limit: int = 200) -> list[PrintLogEntry]:
    """Most recent first; one patient's entries when `patient_id` is given."""
    stmt = sa.select(PrintLog).where(openable(session, PrintLog.patient_id))
    stmt = stmt.order_by(PrintLog.printed_at.desc()).limit(limit)
    if patient_id is not None:
        stmt = stmt.where(PrintLog.patient_id == patient_id)
    return [_entry(r) for r in session.scalars(stmt)]
