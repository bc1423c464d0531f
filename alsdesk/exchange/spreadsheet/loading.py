"""The checked rows of a patient list added in the caller's one transaction, audited as the native
import is (one "import" entry per patient)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.exchange.importing import search_key_rows
from alsdesk.exchange.spreadsheet.checking import Preview
from alsdesk.models import Patient, PatientSearchKey
from alsdesk.models.ids import new_id
from alsdesk.services import audit, search


def add_rows(session: Session, preview: Preview) -> int:
    """Insert every row of a preview with no problems; returns how many."""
    if preview.problems:
        raise ValueError("a preview with refused rows is not imported")  # the caller checks first
    rows: list[dict[str, Any]] = [
        {
            "name_zh": "",
            "phone": "",
            **v,
            "id": new_id(),
            "sort_key": search.sort_key(v["family_name"], v["given_name"]),
        }
        for v in preview.rows.values()
    ]
    if not rows:
        return 0
    session.execute(sa.insert(Patient.__table__), rows)
    session.execute(sa.insert(PatientSearchKey.__table__), search_key_rows(rows))
    audit.append(session, [("import", "patient", r["id"], r["id"], {"mrn": r["mrn"]}, None) for r in rows])
    return len(rows)
