"""The chart read as columns at the driver's speed (storage.reader) is the chart the ORM gives:
every patient of a demo clinic, on SQLite and PostgreSQL, value for value and type for type."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date
from typing import Any

import pytest
import sqlalchemy as sa

from alsdesk import demo
from alsdesk.errors import NotFoundError
from alsdesk.models import (
    Alert,
    Assessment,
    ClinicalNote,
    DiagnosticFinding,
    Enrollment,
    LabResult,
    Medication,
    Milestone,
    Patient,
    Referral,
    Screening,
    TherapyPlan,
    Workup,
)
from alsdesk.services import alerts, chart, medications, patients, programs, therapy
from alsdesk.services.assessments import assessment_view
from alsdesk.services.notes import note_view
from alsdesk.services.referrals import referral_view
from alsdesk.services.restricted import fetch_patient
from alsdesk.services.workups import workup_view
from alsdesk.storage.reader import Query, uuid_from_hex

ANCHOR = date(2026, 12, 1)


def orm_chart(s: Any, pid: uuid.UUID) -> chart.Chart:
    """The chart built from ORM objects by the services' own view functions."""
    p = fetch_patient(s, pid)

    def rows(model: Any, order: str) -> list[Any]:
        return list(s.scalars(sa.select(model).where(model.patient_id == pid).order_by(getattr(model, order))))

    names = medications.drug_names(session=s)
    return chart.Chart(
        patient=patients.view(p),
        findings=tuple(
            chart.FindingView(f.region, f.umn, f.lmn, f.emg_lmn, f.examined_on)
            for f in rows(DiagnosticFinding, "region")
        ),
        screenings=s.scalar(sa.select(sa.func.count()).select_from(Screening).where(Screening.patient_id == pid)),
        workups=tuple(workup_view(w) for w in rows(Workup, "created_at")),
        assessments=tuple(assessment_view(a, p.onset_date) for a in rows(Assessment, "assessed_on")),
        alerts=tuple(alerts.alert_view(a) for a in rows(Alert, "raised_on")),
        medications=tuple(
            medications.medication_view(m, *names.get(m.drug_code, (m.drug_code, "")))
            for m in rows(Medication, "started_on")
        ),
        labs=tuple(
            chart.LabView(x.test, x.taken_on, x.value, x.unit, x.upper_limit) for x in rows(LabResult, "taken_on")
        ),
        milestones=tuple(
            medications.MilestoneView(m.id, m.kind, m.occurred_on, m.note) for m in rows(Milestone, "occurred_on")
        ),
        plans=tuple(therapy.plan_view(s, t) for t in rows(TherapyPlan, "start_date")),
        referrals=tuple(referral_view(r) for r in rows(Referral, "referral_date")),
        enrollments=tuple(
            programs.enrollment_view(s, e, death_date=p.death_date) for e in rows(Enrollment, "start_date")
        ),
        notes=tuple(note_view(n) for n in rows(ClinicalNote, "occurred_on")),
    )


def typed(value: Any) -> Any:
    """The value with the type of every part beside it (True and 1, 70.0 and 70 are equal)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__, [(f.name, typed(getattr(value, f.name))) for f in dataclasses.fields(value)])
    if isinstance(value, tuple | list):
        return [typed(v) for v in value]
    if isinstance(value, frozenset | set):
        return sorted(typed(v) for v in value)
    if isinstance(value, dict):
        return sorted((k, typed(v)) for k, v in value.items())
    return (type(value).__name__, repr(value))


@pytest.mark.slow
def test_every_chart_of_a_demo_clinic_is_the_one_the_orm_gives(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        demo.load_demo(session=s, patients=80, seed=7, anchor=ANCHOR)
    with db.read() as s:
        ids = list(s.scalars(sa.select(Patient.id).order_by(Patient.mrn)))
    parts = {"plans": 0, "enrollments": 0, "medications": 0, "assessments": 0}
    for pid in ids:
        with db.read() as s:
            fast = chart.patient_chart(session=s, patient_id=pid)
        with db.read() as s:
            slow = orm_chart(s, pid)
        assert fast == slow
        assert typed(fast) == typed(slow)
        for name in parts:
            parts[name] += len(getattr(fast, name))
    assert len(ids) == 80 and all(parts.values()), parts  # the demo has every kind of part compared


def test_a_chart_of_an_unknown_patient_is_refused_naming_the_id(db) -> None:  # type: ignore[no-untyped-def]
    missing = uuid.uuid4()
    with db.read() as s, pytest.raises(NotFoundError, match=str(missing)):
        chart.patient_chart(session=s, patient_id=missing)
    with db.read() as s, pytest.raises(NotFoundError, match="not-an-id"):
        chart.patient_chart(session=s, patient_id="not-an-id")


def test_sqlite_uuids_read_from_hex_equal_the_standard_ones() -> None:
    for value in (uuid.uuid4(), uuid.UUID(int=0), uuid.UUID(int=2**128 - 1)):
        found = uuid_from_hex(value.hex)
        assert found == value and hash(found) == hash(value) and str(found) == str(value)
        assert found.version == value.version and found.is_safe == value.is_safe


def test_the_reader_writes_out_a_statements_own_list_and_refuses_one_given_each_run(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        demo.load_demo(session=s, patients=5, seed=3, anchor=ANCHOR)
    with db.read() as s:
        ids = list(s.scalars(sa.select(Patient.id).order_by(Patient.mrn)))
        stmt = (
            sa.select(Patient.id, Patient.mrn, Patient.birth_date, Patient.archived, Patient.sex)
            .where(Patient.id.not_in(ids[:2]))
            .order_by(Patient.mrn)
        )
        fast = Query(stmt).rows(s)
        slow = [tuple(r) for r in s.execute(stmt)]
        assert len(fast) == 3 and fast == slow and typed(fast) == typed(slow)
        assert fast[0].mrn == slow[0][1]  # fields named by the select's column keys
        given = Query(sa.select(Patient.id).where(Patient.id.in_(sa.bindparam("ids", expanding=True))))
        with pytest.raises(ValueError, match="lists given at each run"):
            given.rows(s, {"ids": ids})


def test_bulk_pauses_the_collector_and_leaves_cyclic_garbage_collectable() -> None:
    """Inside bulk() nothing is collected; after it the collector runs again, the young generation
    is empty (what was built was not walked on the way out), and a cycle made inside is still
    found by a full collection."""
    import gc
    import weakref

    from alsdesk.storage.reader import bulk

    class Node:
        other: object = None

    assert gc.isenabled()
    with bulk():
        assert not gc.isenabled()
        a, b = Node(), Node()
        a.other, b.other = b, a
        gone = weakref.ref(a)
        kept = [[i] for i in range(1000)]
        del a, b
    assert gc.isenabled() and gc.get_count()[0] < 50
    assert gone() is not None  # the cycle outlived the pause
    gc.collect()
    assert gone() is None and len(kept) == 1000
