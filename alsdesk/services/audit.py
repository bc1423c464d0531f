"""The audit trail: every ORM write recorded in its own transaction (the flush hook `install`
sets up), the restricted-record rule applied to those writes first, and who changed a record
since a stale copy was loaded (`check_version`, `changes_since`).

The HMAC chain the entries go into is services.audit_chain; its API is re-exported here, so
callers name one module. The chain sits below services.restricted (break-glass grants are chain
entries) and this module above it (every write is checked against the rule)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session, object_session, sessionmaker

from alsdesk.errors import ConflictError
from alsdesk.models import AuditEntry, Base, Staff
from alsdesk.models.ids import new_id
from alsdesk.services.audit_chain import (
    CATEGORY,
    CREATE_ACTION,
    GENESIS,
    MAC_FIELDS,
    NOT_AUDITED,
    REWINDS,
    SECRET,
    VerifyResult,
    accept_trail,
    anchor_problem,
    append,
    compute_mac,
    record,
    verify,
)
from alsdesk.services.restricted import check_writes

__all__ = [
    "CATEGORY",
    "CREATE_ACTION",
    "DERIVED",
    "GENESIS",
    "MAC_FIELDS",
    "NOT_AUDITED",
    "REWINDS",
    "SECRET",
    "ChangeBy",
    "VerifyResult",
    "accept_trail",
    "anchor_problem",
    "append",
    "changes_since",
    "check_version",
    "compute_mac",
    "install",
    "record",
    "update_action",
    "verify",
]


def _changes(obj: Base) -> dict[str, list[Any]]:
    state = sa.inspect(obj)
    out = {}
    for attr in state.mapper.column_attrs:
        if attr.key in ("updated_at", "version"):
            continue
        history = state.attrs[attr.key].history
        if history.has_changes():
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old != new:
                out[attr.key] = ["***", "***"] if attr.key in SECRET else [old, new]
    return out


def _snapshot(obj: Base) -> dict[str, Any]:
    return {
        a.key: getattr(obj, a.key)
        for a in sa.inspect(obj).mapper.column_attrs
        if a.key not in ("created_at", "updated_at", "version")
    }


def update_action(changed: dict[str, list[Any]]) -> str:
    """The action an update is audited as, from its changed fields ({field: [old, new]}): a record
    archived is an "archive", any other change an "update" (ORM writes and merges alike)."""
    return "archive" if changed.get("archived") == [False, True] else "update"


def _patient_of(obj: Base) -> uuid.UUID | None:
    if obj.__tablename__ == "patient":
        return obj.id
    return getattr(obj, "patient_id", None)


def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    if "audit_key" not in session.info:
        return
    rows = []
    for obj in list(session.new):
        if isinstance(obj, Base) and obj.__tablename__ not in NOT_AUDITED:
            if obj.id is None:
                obj.id = new_id()
            action = CREATE_ACTION.get(obj.__tablename__, "create")
            rows.append((action, obj.__tablename__, obj.id, _patient_of(obj), _snapshot(obj), None))
    for obj in list(session.dirty):
        if isinstance(obj, Base) and obj.__tablename__ not in NOT_AUDITED and session.is_modified(obj):
            changed = _changes(obj)
            if changed:
                rows.append((update_action(changed), obj.__tablename__, obj.id, _patient_of(obj), changed, None))
    for obj in list(session.deleted):
        if isinstance(obj, Base) and obj.__tablename__ not in NOT_AUDITED:
            rows.append(("delete", obj.__tablename__, obj.id, _patient_of(obj), _snapshot(obj), None))
    if rows:
        check_writes(session, (row[3] for row in rows))  # entries into a restricted record: its rule
        append(session, rows)


# Columns the services compute from others: nobody changed them, so a conflict does not name them.
DERIVED = frozenset({"sort_key", "reference"})  # a patient's sort key; a referral's reference (its id)


@dataclass(frozen=True)
class ChangeBy:
    """One saved change to a record, as the audit trail has it: who, when, which fields."""

    username: str
    name: str
    at: datetime
    fields: tuple[str, ...]

    def describe(self) -> str:
        who = self.name if self.name == self.username else f"{self.name} ({self.username})"
        when = self.at.astimezone().strftime("%Y-%m-%d %H:%M")
        return f"{who} at {when} changed {', '.join(self.fields) or 'it'}"


def changes_since(*, session: Session, obj: Base, version: int) -> list[ChangeBy]:
    """Who changed `obj` after the user loaded it at `version`, newest first.

    Every saved update bumps the version once and writes one audit entry, so the changes since
    `version` are the latest (current version - version) update entries for that row. Filtering
    by patient uses the (patient_id, seq) index, so this stays fast on a long trail.
    """
    count = obj.version - version
    if count <= 0:
        return []
    stmt = (
        sa.select(AuditEntry.username, Staff.display_name, AuditEntry.at, AuditEntry.detail)
        .outerjoin(Staff, Staff.id == AuditEntry.staff_id)
        .where(
            AuditEntry.table_name == obj.__tablename__,
            AuditEntry.record_id == str(obj.id),
            AuditEntry.action.in_(("update", "archive")),
        )
        .order_by(AuditEntry.seq.desc())
        .limit(count)
    )
    patient_id = _patient_of(obj)
    if patient_id is not None:
        stmt = stmt.where(AuditEntry.patient_id == patient_id)
    found = []
    for username, name, at, detail in session.execute(stmt):
        fields = tuple(k.replace("_", " ") for k in sorted(json.loads(detail or "{}")) if k not in DERIVED)
        found.append(ChangeBy(username, name or username, at, fields))
    return found


def install(session_class: type[Session] | sessionmaker[Session]) -> None:
    """Audit every ORM write made through sessions of this class or sessionmaker.

    Installed once per factory, remembered on the factory itself: SQLAlchemy's `event.contains`
    goes by id(), so a new sessionmaker at a freed one's address (a clinic reopened in the same
    process) looked installed already and its writes went unaudited.
    """
    if getattr(session_class, "_alsdesk_audited", False):
        return
    event.listen(session_class, "before_flush", _before_flush)
    session_class._alsdesk_audited = True  # type: ignore[union-attr]  # a mark of our own on the factory


def check_version(obj: Base, expected: int | None, what: str) -> None:
    """Refuse an edit made on a stale copy: another workstation saved in between."""
    if expected is not None and obj.version != expected:
        session = object_session(obj)
        changes = changes_since(session=session, obj=obj, version=expected) if session is not None else []
        if changes:
            raise ConflictError(
                "This {what} was changed on another workstation after you opened it: {changes}; "
                "nothing was saved. Reload it and try again.",
                tuple(changes),
                what=what,
                changes="; ".join(c.describe() for c in changes),
            )
        raise ConflictError(
            "This {what} was changed on another workstation after you opened it (version {version}, yours "
            "{expected}); nothing was saved. Reload it and try again.",
            what=what,
            version=obj.version,
            expected=expected,
        )
