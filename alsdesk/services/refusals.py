"""Refused attempts enter the audit trail, in a transaction of their own: a restricted record
outside its care team, or anything a role may not do (patient data above all).

HIPAA 45 CFR 164.312(b) asks for a record of activity, and a refusal is activity: someone tried
to see or change what their role or a restricted record's care team rule keeps from them. The
refused transaction rolls back, taking anything written in it along, so storage.Database calls
`record` after that rollback, and the entry commits on its own. It names who, what was tried
(the service refused) and, for a restricted record, the patient; never the data asked for.
"""

from __future__ import annotations

import uuid

from alsdesk.errors import PermissionDenied, RestrictedRecord
from alsdesk.services import audit
from alsdesk.storage.database import Database

ACTION = "access_refused"


def record(db: Database, actor: object, err: PermissionDenied) -> None:
    try:
        patient_id = uuid.UUID(str(err.patient_id)) if err.patient_id else None
    except ValueError:
        patient_id = None  # a mistyped id was refused before it could name anyone
    with db.write(actor=actor) as session:
        audit.record(
            session=session,
            action=ACTION,
            table="patient" if patient_id else "",
            record_id=patient_id,
            patient_id=patient_id,
            detail={
                "attempt": err.attempt or "open",
                "why": "restricted record" if isinstance(err, RestrictedRecord) else "permission",
                "refusal": str(err),
            },
            category="security",
        )


def install(db: Database) -> None:
    db.on_refusal = record
