"""Merge conflicts (exchange.merging) listed and resolved by a person: keep this clinic's version
or the other clinic's. Audited; the side kept then travels with the next export without a new
conflict (docs/export-format.md, "Merging")."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.exchange.format import RECORD_TABLES
from alsdesk.exchange.merging import KEPT_HERE, NOT_AUDITED_FIELDS, AuditRow, compared
from alsdesk.exchange.validate import TableCodec
from alsdesk.models import MergeConflict, Patient
from alsdesk.models.base import utcnow
from alsdesk.services import audit, patients
from alsdesk.services.access import actor_of, requires
from alsdesk.services.common import Changes, as_uuid

KEEP = ("local", "incoming")
TABLES: dict[str, sa.Table] = {**RECORD_TABLES, "patient": Patient.__table__}


@dataclass(frozen=True)
class ConflictView:
    id: uuid.UUID
    table: str
    record_id: uuid.UUID
    patient_id: uuid.UUID
    patient_mrn: str
    incoming_site: str
    detected_at: datetime
    local: dict[str, Any]  # the rows as the export writes them
    incoming: dict[str, Any]
    kept: str  # "" while open
    resolved_at: datetime | None
    resolved_by: str

    @property
    def differing(self) -> list[str]:
        """The fields whose values differ, in the row's order: those a merge compares (not
        bookkeeping, nor what each clinic keeps as its own whichever side is kept, such as a
        patient's MRN here)."""
        return [k for k, v in compared(self.table, self.incoming).items() if self.local.get(k) != v]


@requires("import")
def list_conflicts(*, session: Session, include_resolved: bool = False) -> list[ConflictView]:
    """Open conflicts (and resolved ones, if asked), oldest first."""
    stmt = sa.select(MergeConflict, Patient.mrn).join(Patient, Patient.id == MergeConflict.patient_id)
    if not include_resolved:
        stmt = stmt.where(MergeConflict.kept == "")
    out = []
    for c, mrn in session.execute(stmt.order_by(MergeConflict.detected_at, MergeConflict.id)):
        out.append(
            ConflictView(
                c.id,
                c.table_name,
                c.record_id,
                c.patient_id,
                mrn,
                c.incoming_site,
                c.detected_at,
                json.loads(c.local_values),
                json.loads(c.incoming_values),
                c.kept,
                c.resolved_at,
                c.resolved_by,
            )
        )
    return out


@requires("import")
def resolve(*, session: Session, conflict_id: uuid.UUID | str, keep: str) -> Changes:
    """Keep this clinic's version of the record (`local`) or the other clinic's (`incoming`).

    Either way the record is marked as shared at the incoming version, so the same file imported
    again finds nothing new; keeping the local side also counts as a change here, so it goes back
    to the other clinic as the newer version."""
    if keep not in KEEP:
        raise DomainError("Keep: choose local or incoming.")
    c = session.get(MergeConflict, as_uuid(conflict_id, "conflict"))
    if c is None:
        raise DomainError("There is no conflict with the ID {value}.", value=conflict_id)
    if c.kept:
        raise DomainError("This conflict was resolved already ({kept} kept).", kept=c.kept)
    table = TABLES[c.table_name]
    mine = dict(session.execute(sa.select(*table.c).where(table.c.id == c.record_id)).mappings().one())
    codec, stored = TableCodec(table), json.loads(c.incoming_values)
    incoming = codec.decode_row({k: stored[k] for k in codec.names if k in stored})
    entries: list[AuditRow] = []
    if keep == "incoming":
        values = {k: v for k, v in incoming.items() if k != "id" and k not in KEPT_HERE.get(table.name, ())}
        values["synced_version"] = incoming["version"]
        # the fields the other clinic's version changes here, audited as a merge's update is
        changed = {k: [mine[k], v] for k, v in values.items() if k not in NOT_AUDITED_FIELDS and mine[k] != v}
        if changed:
            entries.append((audit.update_action(changed), table.name, c.record_id, c.patient_id, changed, None))
    else:
        values = {"version": max(mine["version"], incoming["version"]) + 1, "synced_version": incoming["version"]}
    session.execute(sa.update(table).where(table.c.id == c.record_id).values(**values))
    if table.name == "patient":
        patients.refresh_search_keys(session, c.patient_id)
    c.kept, c.resolved_at, c.resolved_by = keep, utcnow(), actor_of(session).username
    entries.append(
        ("resolve_conflict", table.name, c.record_id, c.patient_id, {"kept": keep, "conflict": str(c.id)}, None)
    )
    audit.append(session, entries)
    return Changes(patients=True)
