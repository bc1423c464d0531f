"""Merge: a patient already here, imported again from a newer export, matched record by record
by id (never by MRN). New records are added; a record changed there and not here is updated; one
changed on both sides is kept as a conflict for a person to resolve (exchange.conflicts); nothing
is overwritten silently (docs/export-format.md, "Merging"). Each record added or updated leaves
its own audit entry, as an edit made here does (services.audit): a removal (a tombstone, a status
on the row) is an update like any other.

Who changed a record is told by its version counter (models.base) against the version it had
when it last travelled (`synced_version`): the later of this clinic's and the file's is the
version both sides last shared. A file this clinic wrote itself holds its own rows as they were
then: a row of a lower version than this clinic's is an older copy, and what differs was changed
here since (kept, not a conflict). Anything else in such a file (the same or a higher version,
as from a database copied to another PC, which keeps the site ID) is merged by the rule above.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.exchange.format import ImportFileError, encode, reason
from alsdesk.i18n.message import N_
from alsdesk.models import MergeConflict, Patient
from alsdesk.models.base import utcnow
from alsdesk.services import audit

BATCH = 500  # ids looked up at a time

# Bookkeeping and derived columns: not what a person changed, so not compared.
NOT_COMPARED = frozenset(("id", "created_at", "updated_at", "version", "synced_version", "site_id"))
DERIVED = {"medication": frozenset(("alt_due_on",)), "referral": frozenset(("reference",))}
# This clinic's own, whatever the file says: a patient's MRN here and its access rule.
KEPT_HERE = {"patient": frozenset(("mrn", "restricted"))}
# Bookkeeping an audit entry leaves out, as services.audit does for an edit made here.
NOT_AUDITED_FIELDS = frozenset(("created_at", "updated_at", "version", "synced_version"))
AuditRow = tuple[str, str, object, uuid.UUID | None, dict[str, Any], str | None]


@dataclass
class MergeCount:
    """What a merge did, and the updates it decided (made once the new rows are in)."""

    updated: int = 0
    conflicts: int = 0
    own_file: bool = False  # the file names this clinic's own site: its rows are this clinic's, as they were
    updates: list[tuple[sa.Table, uuid.UUID, dict[str, Any]]] = field(default_factory=list)
    patients_updated: set[uuid.UUID] = field(default_factory=set)
    audit: list[AuditRow] = field(default_factory=list)  # one entry per record added or updated

    def apply(self, session: Session) -> None:
        for table, rid, values in self.updates:
            session.execute(sa.update(table).where(table.c.id == rid).values(**values))


def present_patients(session: Session, ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    wanted, found = list(ids), set[uuid.UUID]()
    for start in range(0, len(wanted), BATCH):
        found |= set(session.scalars(sa.select(Patient.id).where(Patient.id.in_(wanted[start : start + BATCH]))))
    return found


def compared(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """What a person entered in a row: the fields a merge compares."""
    skip = NOT_COMPARED | DERIVED.get(table, frozenset()) | KEPT_HERE.get(table, frozenset())
    return {k: v for k, v in row.items() if k not in skip}


def as_json(row: dict[str, Any]) -> str:
    return json.dumps({k: encode(v) for k, v in row.items()}, ensure_ascii=False, sort_keys=True)


def merge_rows(
    session: Session, table: sa.Table, rows: list[dict[str, Any]], sender: str, count: MergeCount
) -> list[dict[str, Any]]:
    """Merge the file's `rows` of `table` (of patients already here): conflicts are recorded now,
    updates go to `count` (made after the new rows are in, which they may refer to); returns the
    rows not here yet, for the caller to insert."""
    local: dict[uuid.UUID, dict[str, Any]] = {}
    ids = [r["id"] for r in rows]
    for start in range(0, len(ids), BATCH):
        stmt = sa.select(*table.c).where(table.c.id.in_(ids[start : start + BATCH]))
        local.update((m["id"], dict(m)) for m in session.execute(stmt).mappings())
    new: list[dict[str, Any]] = []
    for row in rows:
        mine = local.get(row["id"])
        theirs = row["id"] if table.name == "patient" else row["patient_id"]
        if mine is None:
            new.append(row)
            snapshot = {k: v for k, v in row.items() if k not in NOT_AUDITED_FIELDS}
            count.audit.append(("create", table.name, row["id"], theirs, snapshot, None))
            continue
        owner = mine["id"] if table.name == "patient" else mine["patient_id"]
        if owner != theirs:
            raise ImportFileError(f"records.{table.name}[{row['id']}]", reason(N_("is another patient's record here")))
        if compared(table.name, mine) == compared(table.name, row):
            continue
        if count.own_file and row["version"] < mine["version"]:
            continue  # an older copy of this clinic's own row: what differs was changed here since
        shared = max(mine["synced_version"], row["synced_version"])
        changed_there, changed_here = row["version"] != shared, mine["version"] != shared
        if changed_there and not changed_here:
            kept = KEPT_HERE.get(table.name, frozenset())
            values = {k: v for k, v in row.items() if k != "id" and k not in kept}
            count.updates.append((table, row["id"], {**values, "synced_version": row["version"]}))
            count.updated += 1
            changed = {k: [mine[k], v] for k, v in values.items() if k not in NOT_AUDITED_FIELDS and mine[k] != v}
            count.audit.append((audit.update_action(changed), table.name, row["id"], owner, changed, None))
            if table.name == "patient":
                count.patients_updated.add(row["id"])
        elif changed_there or not changed_here:  # both changed, or they differ with neither changed
            _conflict(session, table.name, owner, mine, row, sender)
            count.conflicts += 1
        # changed here only: this clinic's record is the newer one; it travels back with the next export
    return new


def _conflict(
    session: Session, table: str, patient_id: uuid.UUID, mine: dict[str, Any], row: dict[str, Any], sender: str
) -> None:
    """Keep both versions for a person; an open conflict on the record takes the newer file's."""
    now = utcnow()
    incoming = as_json(row)
    open_one = session.scalar(
        sa.select(MergeConflict).where(MergeConflict.record_id == row["id"], MergeConflict.kept == "")
    )
    if open_one is not None:
        open_one.incoming_values, open_one.incoming_site, open_one.detected_at = incoming, sender, now
        return
    session.add(
        MergeConflict(
            table_name=table,
            record_id=row["id"],
            patient_id=patient_id,
            local_values=as_json(mine),
            incoming_values=incoming,
            incoming_site=sender,
            detected_at=now,
            kept="",
            resolved_by="",
        )
    )
    session.flush()
