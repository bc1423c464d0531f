"""The audit trail: every change, view, import and export recorded in the same transaction,
chained by HMAC-SHA256 under a key kept outside the database (ONC 170.315(d)(2)/(d)(3) as the bar).

Each entry's MAC covers its own content and the previous entry's MAC, so altering, deleting,
inserting or reordering entries breaks the chain at the first entry touched; an attacker who can
write to the database but not read the key cannot recompute it. The end of the chain is anchored
outside the database (storage/anchors.py), so deleting the last entries, or all of them, or putting
an older copy of the database in place, is caught too. What no chain can see: a data row changed
directly in the database (not through alsdesk), since such a change leaves no entry at all.

Writes are refused under a key the trail was not made with (storage/keys.py says how one is got):
appending under another key would break the chain for good.

This module is the chain itself (append, record, verify, accept); services.audit records every ORM
write through it, after the restricted-record rule, and re-exports it for callers.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import socket
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import AuditTampered
from alsdesk.models import AuditEntry, PatientSearchKey
from alsdesk.models.ids import new_id
from alsdesk.services import access
from alsdesk.services.access import actor_of
from alsdesk.storage import anchors, keys
from alsdesk.storage.anchors import Anchor
from alsdesk.storage.database import AUDIT_TX, AuditKeyState, AuditTx

log = logging.getLogger(__name__)

CATEGORY = {
    "patient": "demographics",
    "patient_identifier": "demographics",  # another clinic's MRN for the patient
    "diagnostic_finding": "diagnostics",
    "screening": "diagnostics",
    "workup": "diagnostics",
    "workup_event": "diagnostics",
    "assessment": "assessments",
    "alert": "assessments",
    "medication": "medications",
    "lab_result": "medications",
    "milestone": "care_plan",
    "therapy_plan": "care_plan",
    "therapy_session": "care_plan",
    "referral": "referrals",
    "referral_event": "referrals",
    "allergy": "medications",
    "advance_care_plan": "care_plan",
    "niv_setting": "medications",
    "gastrostomy_setting": "medications",
    "enrollment": "care_programs",
    "enrollment_mark": "care_programs",
    "enrollment_event": "care_programs",
    "clinical_note": "notes",
    "worklist_dismissal": "worklist",
    "staff": "security",
    "care_team_member": "security",
    "print_log": "printing",
}
CREATE_ACTION = {"print_log": "print"}  # creating these records is itself the audited act
NOT_AUDITED = {AuditEntry.__tablename__, PatientSearchKey.__tablename__}
SECRET = {"password_hash"}  # the trail says that it changed, never what it is
GENESIS = "0" * 64
# Entries after which the trail may end behind older backups on purpose: (action, table).
REWINDS = {("restore", "database"), ("trail_accepted", "audit_entry")}


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    entries: int
    first_bad: int | None = None
    error: AuditTampered | None = None  # what is wrong, for the window to show in its language

    @property
    def problem(self) -> str:
        return str(self.error or "")


MAC_FIELDS = (
    "seq",
    "at",
    "username",
    "staff_id",
    "workstation",
    "action",
    "category",
    "table_name",
    "record_id",
    "patient_id",
    "detail",
)


def _canonical(e: dict[str, Any]) -> bytes:
    fields = [
        e["seq"],
        e["at"].astimezone(UTC).isoformat(),
        e["username"],
        str(e["staff_id"] or ""),
        e["workstation"],
        e["action"],
        e["category"],
        e["table_name"],
        e["record_id"] or "",
        str(e["patient_id"] or ""),
        e["detail"],
    ]
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def compute_mac(key: bytes, previous_mac: str, entry: dict[str, Any]) -> str:
    return hmac.new(key, previous_mac.encode("ascii") + b"\n" + _canonical(entry), hashlib.sha256).hexdigest()


def _chain_head(conn: sa.Connection) -> tuple[int, str]:
    if conn.dialect.name == "postgresql":
        # Serialise appends across workstations for the rest of this transaction.
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(831527)"))
    table = AuditEntry.__table__
    row = conn.execute(sa.select(table.c.seq, table.c.mac).order_by(table.c.seq.desc()).limit(1)).first()
    return (row.seq, row.mac) if row else (0, GENESIS)


def _key(session: Session) -> bytes:
    if "audit_key" not in session.info:
        raise RuntimeError("no audit key on this session: open it through alsdesk.storage.Database")
    key = session.info["audit_key"]
    if not key:
        raise keys.missing_key_error()
    return bytes(key)


_COLUMNS = (*MAC_FIELDS, "mac")


def _made_with(conn: sa.Connection, key: bytes, seq: int) -> bool | None:
    """Whether entry `seq` checks out under `key` (None: it or the MAC before it is not there)."""
    table = AuditEntry.__table__
    rows = conn.execute(
        sa.select(*(table.c[c] for c in _COLUMNS)).where(table.c.seq.in_((seq - 1, seq))).order_by(table.c.seq)
    ).all()
    if not rows or rows[-1].seq != seq:
        return None
    previous = rows[0].mac if len(rows) == 2 else GENESIS if seq == 1 else None
    if previous is None:
        return None
    return hmac.compare_digest(compute_mac(key, previous, rows[-1]._asdict()), rows[-1].mac)


def _check_key(conn: sa.Connection, key: bytes, head: int) -> None:
    """Refuse a key the trail was not made with. The newest entry decides; when it does not check
    out, the first two are asked too, so a tampered last entry is told from another clinic's key."""
    verdicts = [_made_with(conn, key, head)]
    if not verdicts[0]:
        first = conn.scalar(sa.select(sa.func.min(AuditEntry.__table__.c.seq))) or 1
        verdicts += [_made_with(conn, key, first), _made_with(conn, key, first + 1)]
    if True not in verdicts and False in verdicts:
        raise keys.wrong_key_error(head)


def anchor_problem(anchor: Anchor | None, head: int, mac_at_anchor: str | None) -> tuple[int, AuditTampered] | None:
    """What an anchor says is wrong with a trail ending at `head` (the first entry concerned and
    why), or None while it holds: at or behind the head, with its own MAC there."""
    if anchor is None or anchor.seq == 0:
        return None
    seq, backup, ours = anchor.seq, anchor.backup, anchor.backup is None
    if seq > head == 0:
        return 1, AuditTampered(
            "the audit trail is empty, but this workstation saw entry {seq}: all its entries were deleted, "
            "or an older copy of the database was put in place"
            if ours
            else "the audit trail is empty, but the backup {backup} holds entry {seq}: all its entries were "
            "deleted, or an older copy of the database was put in place",
            seq=seq,
            backup=backup,
        )
    if seq == head + 1:
        return head + 1, AuditTampered(
            "the audit trail ends at entry {head}, but this workstation saw entry {seq}: at least its last "
            "entry was deleted, or an older copy of the database was put in place"
            if ours
            else "the audit trail ends at entry {head}, but the backup {backup} holds entry {seq}: at least its "
            "last entry was deleted, or an older copy of the database was put in place",
            head=head,
            seq=seq,
            backup=backup,
        )
    if seq > head:
        return head + 1, AuditTampered(
            "the audit trail ends at entry {head}, but this workstation saw entry {seq}: at least its last "
            "{count} entries were deleted, or an older copy of the database was put in place"
            if ours
            else "the audit trail ends at entry {head}, but the backup {backup} holds entry {seq}: at least its "
            "last {count} entries were deleted, or an older copy of the database was put in place",
            head=head,
            seq=seq,
            count=seq - head,
            backup=backup,
        )
    if mac_at_anchor != anchor.mac:
        return seq, AuditTampered(
            "audit entry {seq} is not the one this workstation saw there: an older copy of the database was "
            "put in place and written to since"
            if ours
            else "audit entry {seq} is not the one the backup {backup} holds there: an older copy of the "
            "database was put in place and written to since",
            seq=seq,
            backup=backup,
        )
    return None


def _check_chain(session: Session, conn: sa.Connection, key: bytes, head: int, head_mac: str) -> AuditTx:
    """Before a transaction's first append: refuse a wrong key (once per open database); let the
    anchor advance at the commit only while it holds (a broken one stays where it is, as evidence
    for `audit verify`)."""
    tx = AuditTx()
    state = session.info.get("audit_key_state")
    if head and not (isinstance(state, AuditKeyState) and state.confirmed):
        _check_key(conn, key, head)
        if isinstance(state, AuditKeyState):
            state.confirmed = True
    location = session.info.get("audit_location")
    if location is None:
        return tx
    anchor = anchors.read(location)
    mac = None
    if anchor is not None and anchor.seq == head:
        mac = head_mac
    elif anchor is not None and anchor.seq < head:
        mac = conn.scalar(sa.select(AuditEntry.__table__.c.mac).where(AuditEntry.__table__.c.seq == anchor.seq))
    problem = anchor_problem(anchor, head, mac)
    if problem:
        log.warning("audit anchor kept, not advanced: %s", problem[1])
    tx.holds = problem is None
    return tx


def record(
    *,
    session: Session,
    action: str,
    table: str,
    record_id: object = None,
    patient_id: uuid.UUID | None = None,
    detail: dict[str, Any] | None = None,
    category: str | None = None,
) -> None:
    """Append one entry in the session's transaction."""
    append(session=session, rows=[(action, table, record_id, patient_id, detail or {}, category)])


def append(
    session: Session, rows: Iterable[tuple[str, str, object, uuid.UUID | None, dict[str, Any], str | None]]
) -> int:
    """Append entries (action, table, record id, patient id, detail, category) to the chain.

    Written with Core on the session's connection: safe inside a flush, and fast for imports.
    """
    key, actor = _key(session), actor_of(session)
    conn = session.connection()
    seq, mac = _chain_head(conn)
    tx = session.info.get(AUDIT_TX)
    if tx is None:
        tx = session.info[AUDIT_TX] = _check_chain(session, conn, key, seq, mac)
    now = datetime.now(UTC)
    host = socket.gethostname()[:100]
    batch = []
    for action, table, record_id, patient_id, detail, category in rows:
        seq += 1
        entry = {
            "id": new_id(),
            "created_at": now,
            "updated_at": now,
            "version": 1,
            "seq": seq,
            "at": now,
            "username": actor.username,
            "staff_id": actor.staff_id,
            "workstation": host,
            "action": action,
            "category": category or CATEGORY.get(table, "configuration"),
            "table_name": table,
            "record_id": None if record_id is None else str(record_id),
            "patient_id": patient_id,
            "detail": json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str),
        }
        entry["mac"] = mac = compute_mac(key, mac, entry)
        batch.append(entry)
    if batch:
        conn.execute(sa.insert(AuditEntry), batch)
        tx.head = Anchor(seq, mac)  # anchored once committed (storage.database)
    return len(batch)


def accept_trail(*, session: Session) -> Anchor | None:
    """Accept the trail as it now ends, after a rollback someone knows of (a PostgreSQL database
    restored outside alsdesk, say): recorded as its own entry, and this workstation's anchor moved
    to that entry at the commit. Returns the anchor it had. Administrators only."""
    access.check(session, "admin")
    location = session.info.get("audit_location")
    was = anchors.read(location) if location else None
    record(
        session=session,
        action="trail_accepted",
        table="audit_entry",
        detail={"anchor_was": was.seq if was else None},
        category="security",
    )
    session.info[AUDIT_TX].reanchor = True
    return was


def _entries(session: Session, batch: int = 5000) -> Iterator[sa.Row[Any]]:
    cols = [getattr(AuditEntry, name) for name in _COLUMNS]
    last = 0
    while True:
        rows = session.execute(
            sa.select(*cols).where(AuditEntry.seq > last).order_by(AuditEntry.seq).limit(batch)
        ).all()
        if not rows:
            return
        yield from rows
        last = rows[-1].seq


def verify(*, session: Session, key: bytes, anchors: Sequence[Anchor] = ()) -> VerifyResult:
    """Walk the chain; name the first entry that was altered, deleted, inserted or moved. With the
    `anchors` the trail must still hold (Database.audit_anchors), also name the end of the trail
    deleted, or an older copy of the database put in place. A backup taken before the trail's last
    restore does not count: the restore went back behind it on purpose."""
    wanted = {a.seq for a in anchors}
    previous, expected, count, macs, restored = GENESIS, 1, 0, {}, None
    for row in _entries(session):
        count += 1
        if row.seq != expected:
            return VerifyResult(
                False,
                count,
                expected,
                AuditTampered(
                    "audit entry {seq} is missing (deleted)"
                    if row.seq > expected
                    else "audit entry {seq} is out of order or duplicated",
                    seq=expected,
                ),
            )
        if not hmac.compare_digest(compute_mac(key, previous, row._asdict()), row.mac):
            return VerifyResult(
                False, count, row.seq, AuditTampered("audit entry {seq} was altered, inserted or moved", seq=row.seq)
            )
        if row.seq in wanted:
            macs[row.seq] = row.mac
        if (row.action, row.table_name) in REWINDS:
            restored = row.at
        previous, expected = row.mac, expected + 1
    for anchor in anchors:
        if anchor.taken_at is not None and restored is not None and anchor.taken_at <= restored:
            continue
        problem = anchor_problem(anchor, expected - 1, macs.get(anchor.seq))
        if problem:
            return VerifyResult(False, count, *problem)
    return VerifyResult(True, count)
