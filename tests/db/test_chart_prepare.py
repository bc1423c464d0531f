"""The chart of nobody (services.restricted.NOBODY), read at idle to compile a chart's statements
before a person's first opening: it finds nothing, records nothing, and never stands in for a
stored record."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
import sqlalchemy as sa

from alsdesk.app.chart import load_chart_data, prepare_chart_reads
from alsdesk.errors import NotFoundError
from alsdesk.models import AuditEntry, Patient
from alsdesk.services import patients
from alsdesk.services.common import _ROWS
from alsdesk.services.restricted import NOBODY, opened_patient_id


def audit_count(db) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(AuditEntry)) or 0


def test_the_chart_of_nobody_is_empty_records_nothing_and_compiles_the_reads(db, patient) -> None:  # type: ignore[no-untyped-def]
    before = audit_count(db)
    with db.read() as s:
        prepare_chart_reads(s)
        data = load_chart_data(s, NOBODY, date(2026, 12, 1))
    c = data.chart
    assert c.patient.id == NOBODY and c.patient.mrn == ""
    assert (c.workups, c.assessments, c.alerts, c.medications, c.plans, c.referrals, c.notes) == ((),) * 7
    assert data.allergies == () and data.care_plans == ()
    assert audit_count(db) == before
    dialect = db.engine.dialect.name
    # The statements a person's opening runs are compiled now (storage.reader keeps them by dialect).
    assert dialect in patients._OPENED._by_dialect
    assert any(model.__tablename__ == "assessment" and dialect in q._by_dialect for (model, _w, _o), q in _ROWS.items())


def test_a_stored_record_is_never_taken_for_nobody(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.read() as s:
        assert opened_patient_id(s, patient.id) == patient.id
        with pytest.raises(NotFoundError):  # any other id no record has is refused, as before
            patients.opened_view(s, uuid.uuid4())
    # A record stored under the very id (as a hostile import could) is read as itself.
    with db.write() as s:
        row = dict(s.execute(sa.select(Patient.__table__).where(Patient.id == patient.id)).mappings().one())
        s.execute(sa.insert(Patient.__table__).values({**row, "id": NOBODY, "mrn": "T0002"}))
    with db.read() as s:
        assert patients.opened_view(s, NOBODY).mrn == "T0002"
        assert opened_patient_id(s, NOBODY) == NOBODY
