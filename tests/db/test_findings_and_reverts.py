"""Gold Coast answers kept and findings updated in place; lifecycle steps reverted with a reason."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from alsdesk.errors import ConflictError, DomainError, PermissionDenied
from alsdesk.models import AuditEntry, DiagnosticFinding, EnrollmentEvent, Patient, ReferralEvent, WorkupEvent
from alsdesk.services import chart, clinic, diagnosis, lifecycle, programs, referrals, workups
from alsdesk.services.access import Actor

D = date.today() - timedelta(days=20)
CERVICAL_BOTH = diagnosis.RegionFinding("cervical", umn=True, lmn=True)


def _clinician(db) -> Actor:  # type: ignore[no-untyped-def]
    with db.write() as s:
        staff = clinic.add_staff(
            session=s, username="lchen", display_name="Dr Lin Chen", discipline="neurology", role="clinician"
        )
    return Actor("lchen", staff.id, "clinician")


def _record(db, findings, progressive=True, mimics=True):  # type: ignore[no-untyped-def]
    with db.write() as s:
        met, _ = diagnosis.record_findings(
            session=s,
            patient_id=db_patient(s).id,
            examined_on=D,
            findings=findings,
            progressive=progressive,
            mimics_excluded=mimics,
        )
    return met


def db_patient(s):  # type: ignore[no-untyped-def]
    return s.scalars(sa.select(Patient)).one()


def test_both_gold_coast_answers_are_stored_and_shown(db, patient) -> None:  # type: ignore[no-untyped-def]
    assert _record(db, [CERVICAL_BOTH], progressive=True, mimics=False) is False
    with db.read() as s:
        p = chart.patient_chart(session=s, patient_id=patient.id).patient
    assert (p.gold_coast_met, p.gold_coast_progressive, p.gold_coast_mimics_excluded) == (False, True, False)


def test_saving_one_region_keeps_the_diagnosis_and_updates_rows_in_place(db, patient) -> None:  # type: ignore[no-untyped-def]
    assert _record(db, [CERVICAL_BOTH])
    with db.read() as s:
        (before,) = s.scalars(sa.select(DiagnosticFinding)).all()
        first_id, first_version = before.id, before.version
    # The dialog sends every region with a finding: the cervical one again and a new bulbar one.
    assert _record(db, [CERVICAL_BOTH, diagnosis.RegionFinding("bulbar", lmn=True)])
    # Clearing cervical's UMN keeps the row (its history) and, with LMN in two regions, the diagnosis.
    assert _record(db, [diagnosis.RegionFinding("cervical", lmn=True), diagnosis.RegionFinding("bulbar", lmn=True)])
    with db.read() as s:
        rows = {f.region: f for f in s.scalars(sa.select(DiagnosticFinding))}
        assert rows["cervical"].id == first_id and rows["cervical"].version == first_version + 1
        assert (rows["cervical"].umn, rows["cervical"].lmn) == (False, True)
        assert db_patient(s).gold_coast_met is True
        actions = s.execute(
            sa.select(AuditEntry.action)
            .where(AuditEntry.table_name == "diagnostic_finding", AuditEntry.record_id == str(first_id))
            .order_by(AuditEntry.seq)
        ).scalars()
        assert list(actions) == ["create", "update"]
        assert not s.scalar(sa.select(sa.func.count()).where(AuditEntry.action == "delete"))
    # A region left out is cleared, not deleted.
    assert not _record(db, [diagnosis.RegionFinding("bulbar", lmn=True)])
    with db.read() as s:
        assert s.scalar(sa.select(DiagnosticFinding).where(DiagnosticFinding.region == "cervical")).id == first_id


def _performed_workup(db, patient, actor):  # type: ignore[no-untyped-def]
    with db.write(actor=actor) as s:
        w, _ = workups.create_workup(session=s, patient_id=patient.id, kind="emg", on=D)
        w, _ = workups.advance_workup(session=s, workup_id=w.id, to="scheduled", on=D + timedelta(days=2))
        w, _ = workups.advance_workup(session=s, workup_id=w.id, to="performed", on=D + timedelta(days=3))
    return w


def test_revert_a_performed_workup_keeps_history_and_audits(db, patient) -> None:  # type: ignore[no-untyped-def]
    clinician = _clinician(db)
    w = _performed_workup(db, patient, clinician)
    with pytest.raises(DomainError, match="Reason is required"), db.write(actor=clinician) as s:
        lifecycle.revert(session=s, kind="workup", record_id=w.id, reason="  ", expected_version=w.version)
    with pytest.raises(PermissionDenied), db.write(actor=Actor("wxu", None, "coordinator")) as s:
        lifecycle.revert(session=s, kind="workup", record_id=w.id, reason="wrong patient")
    with pytest.raises(ConflictError), db.write(actor=clinician) as s:
        lifecycle.revert(session=s, kind="workup", record_id=w.id, reason="wrong patient", expected_version=1)
    with db.write(actor=clinician) as s:
        back, changes = lifecycle.revert(
            session=s, kind="workup", record_id=w.id, reason="Clicked on the wrong row", expected_version=w.version
        )
    assert back == "scheduled" and changes.workups
    with db.read() as s:
        h = lifecycle.history(session=s, kind="workup", record_id=w.id)
        row = s.scalars(sa.select(WorkupEvent).order_by(WorkupEvent.at)).all()[-1]
        (entry,) = s.scalars(sa.select(AuditEntry).where(AuditEntry.action == "revert")).all()
        got = workups.workup_view(s.get(workups.Workup, w.id))
    assert [(x.from_status, x.to_status) for x in h.steps] == [
        (None, "ordered"),
        ("ordered", "scheduled"),
        ("scheduled", "performed"),
        ("performed", "scheduled"),
    ]
    assert h.steps[-1].reason == "Clicked on the wrong row" and h.steps[-1].staff_name == "Dr Lin Chen"
    assert row.staff_id == clinician.staff_id
    assert got.status == "scheduled" and got.performed_on is None and got.scheduled_for == D + timedelta(days=2)
    assert h.revert_to is None  # a revert is not reverted: the step is done again
    assert json.loads(entry.detail) == {"from": "performed", "reason": "Clicked on the wrong row", "to": "scheduled"}
    assert entry.username == "lchen" and entry.patient_id == patient.id
    with pytest.raises(DomainError, match="cannot be reverted"), db.write(actor=clinician) as s:
        lifecycle.revert(session=s, kind="workup", record_id=w.id, reason="again")
    with db.write(actor=clinician) as s:  # done again, the step is revertible again
        workups.advance_workup(session=s, workup_id=w.id, to="performed", on=D + timedelta(days=4))
    with db.read() as s:
        assert lifecycle.history(session=s, kind="workup", record_id=w.id).revert_to == "scheduled"


def test_results_are_not_reverted(db, patient) -> None:  # type: ignore[no-untyped-def]
    clinician = _clinician(db)
    w = _performed_workup(db, patient, clinician)
    with db.write(actor=clinician) as s:
        workups.advance_workup(session=s, workup_id=w.id, to="resulted", on=D + timedelta(days=5), result="Normal")
    with pytest.raises(DomainError, match="to 'resulted'"), db.write(actor=clinician) as s:
        lifecycle.revert(session=s, kind="workup", record_id=w.id, reason="typo")


def test_revert_a_cancelled_referral_to_its_previous_status(db, patient) -> None:  # type: ignore[no-untyped-def]
    clinician = _clinician(db)
    with db.write(actor=clinician) as s:
        r, _ = referrals.create_referral(
            session=s, patient_id=patient.id, to_specialty="respiratory_medicine", reason="FVC falling", referral_date=D
        )
        r, _ = referrals.advance_referral(session=s, referral_id=r.id, to="sent", on=D)
        r, _ = referrals.advance_referral(session=s, referral_id=r.id, to="cancelled", on=D)
    with db.write(actor=clinician) as s:
        back, _ = lifecycle.revert(session=s, kind="referral", record_id=r.id, reason="Cancelled the wrong one")
    assert back == "sent"
    with db.read() as s:
        events = s.execute(sa.select(ReferralEvent.to_status, ReferralEvent.reason).order_by(ReferralEvent.at)).all()
        assert s.get(referrals.Referral, r.id).status == "sent"
    assert [tuple(e) for e in events][-2:] == [("cancelled", ""), ("sent", "Cancelled the wrong one")]


def test_stopped_program_back_to_active_with_its_events(db, patient) -> None:  # type: ignore[no-untyped-def]
    clinician = _clinician(db)
    with db.write(actor=clinician) as s:
        e, _ = programs.enroll(session=s, patient_id=patient.id, template_code="respiratory_home", start_date=D)
        programs.stop_enrollment(session=s, enrollment_id=e.id)
    with db.write(actor=clinician) as s:
        back, changes = lifecycle.revert(session=s, kind="enrollment", record_id=e.id, reason="Stopped by mistake")
    assert back == "active" and changes.programs
    with db.read() as s:
        events = s.execute(
            sa.select(EnrollmentEvent.from_status, EnrollmentEvent.to_status, EnrollmentEvent.reason).order_by(
                EnrollmentEvent.at
            )
        ).all()
        assert programs.get_enrollment(session=s, enrollment_id=e.id).status == "active"
    assert [tuple(x) for x in events] == [
        (None, "active", ""),
        ("active", "stopped", ""),
        ("stopped", "active", "Stopped by mistake"),
    ]


def test_revert_rule() -> None:
    step = lifecycle.Step
    at = sa.func.now  # any value: the rule reads statuses and the reason only
    wf = lifecycle.WORKUP
    assert lifecycle.revert_target(wf, "cancelled", step("ordered", "cancelled", at, "", "")) == "ordered"
    assert lifecycle.revert_target(wf, "ordered", step(None, "ordered", at, "", "")) is None  # the first step
    assert lifecycle.revert_target(wf, "scheduled", step("scheduled", "scheduled", at, "", "")) is None
    assert lifecycle.revert_target(wf, "reviewed", step("resulted", "reviewed", at, "", "")) is None
    assert lifecycle.revert_target(wf, "ordered", step("scheduled", "ordered", at, "", "mistake")) is None
    assert lifecycle.revert_target(lifecycle.REFERRAL, "declined", step("sent", "declined", at, "", "")) is None
