"""The worklist: each kind of item appears when due, with its reason, and leaves when handled."""

from datetime import date, timedelta

import pytest

from alsdesk.errors import DomainError
from alsdesk.services import assessments, medications, patients, programs, referrals, therapy, worklist, workups

D = date(2025, 7, 1)
ITEMS = {"1": 4, "2": 4, "3": 4, "4": 4, "5a": 4, "6": 4, "7": 4, "8": 3, "9": 3, "10": 4, "11": 4, "12": 4}


def kinds(db, on: date) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        items = worklist.worklist(session=s, on=on)
    out: dict[str, list[str]] = {}
    for item in items:
        out.setdefault(item.kind, []).append(str(item.reason))
    return out


def test_empty_clinic_has_an_empty_worklist(db) -> None:  # type: ignore[no-untyped-def]
    assert kinds(db, D) == {}


def test_workup_overdue_then_review_due(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        w, _ = workups.create_workup(
            session=s, patient_id=patient.id, kind="emg", on=D, due_date=D + timedelta(days=10)
        )
    assert "workup_overdue" not in kinds(db, D + timedelta(days=9))
    assert kinds(db, D + timedelta(days=10))["workup_due"] == ["Electromyography (EMG) ordered, due today"]
    (reason,) = kinds(db, D + timedelta(days=13))["workup_overdue"]
    assert reason.endswith("not performed (3 days overdue)")
    with db.write() as s:
        workups.advance_workup(session=s, workup_id=w.id, to="performed", on=D + timedelta(days=12))
        workups.advance_workup(
            session=s, workup_id=w.id, to="resulted", on=D + timedelta(days=14), result="MND pattern"
        )
    found = kinds(db, D + timedelta(days=20))
    assert "workup_overdue" not in found and "workup_review" not in found  # 6 days after the result
    assert kinds(db, D + timedelta(days=21))["workup_review"] == [
        f"Electromyography (EMG) resulted on {D + timedelta(days=14)}; not reviewed within 7 days"
    ]


def test_referral_follow_up_appears_after_its_date_and_leaves_on_reply(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        r, _ = referrals.create_referral(
            session=s,
            patient_id=patient.id,
            to_specialty="dietetics",
            reason="Weight loss",
            referral_date=D,
            to_facility="County Hospital",
        )
        referrals.advance_referral(session=s, referral_id=r.id, to="sent", on=D)
    assert "referral_followup" not in kinds(db, D + timedelta(days=13))
    (reason,) = kinds(db, D + timedelta(days=14))["referral_followup"]
    assert (
        reason
        == f"Routine referral to dietetics at County Hospital sent {D}: no response by {D + timedelta(days=14)}; follow up"
    )
    with db.write() as s:
        referrals.advance_referral(session=s, referral_id=r.id, to="accepted", on=D + timedelta(days=15))
    assert "referral_followup" not in kinds(db, D + timedelta(days=16))


def test_reassessment_due_90_days_after_last_alsfrs(db, patient) -> None:  # type: ignore[no-untyped-def]
    # diagnosed with no ALSFRS-R yet: a baseline is due
    assert kinds(db, D)["reassessment_due"][0].startswith("No ALSFRS-R on record")
    with db.write() as s:
        assessments.record_assessment(session=s, patient_id=patient.id, assessed_on=D, items=ITEMS)
    assert "reassessment_due" not in kinds(db, D + timedelta(days=89))
    assert kinds(db, D + timedelta(days=90))["reassessment_due"][0].startswith(f"Last ALSFRS-R on {D}")


def test_guideline_alerts_on_the_worklist_until_acknowledged(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        assessments.record_assessment(session=s, patient_id=patient.id, assessed_on=D, items=ITEMS, fvc_percent=42.0)
    with db.read() as s:
        (item,) = [i for i in worklist.worklist(session=s, on=D) if i.kind == "alert"]
    assert item.discipline == "respiratory_medicine" and "discuss NIV" in str(item.reason)
    assert item.patient_mrn == "T0001" and item.patient_name == "TEST, Patient 张伟"
    from alsdesk.services import alerts

    with db.write() as s:
        alerts.acknowledge_alert(session=s, alert_id=item.record_id, note="Referred")
    assert "alert" not in kinds(db, D)


def test_riluzole_liver_tests_due_on_schedule(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        medications.record_lab(session=s, patient_id=patient.id, test="ALT", taken_on=D, value=30, upper_limit=40)
        medications.prescribe(session=s, patient_id=patient.id, drug_code="riluzole", started_on=D)
    assert "drug_monitoring" not in kinds(db, D + timedelta(days=30))
    (reason,) = kinds(db, D + timedelta(days=31))["drug_monitoring"]
    assert reason == f"Riluzole started {D}: liver test (ALT) due 2025-08-01, scheduled month 1 (last ALT {D})"
    with db.write() as s:
        medications.record_lab(
            session=s, patient_id=patient.id, test="ALT", taken_on=date(2025, 8, 2), value=30, upper_limit=40
        )
    assert "drug_monitoring" not in kinds(db, date(2025, 8, 5))
    assert "drug_monitoring" in kinds(db, date(2025, 9, 1))


def test_a_session_today_with_a_start_time_says_when(db, patient) -> None:  # type: ignore[no-untyped-def]
    from datetime import time

    with db.write() as s:
        therapy.create_plan(
            session=s,
            patient_id=patient.id,
            discipline="physiotherapy",
            title="Stretching",
            start_date=D,
            interval_days=7,
            session_count=2,
            at=time(9, 30),
        )
    assert kinds(db, D)["therapy_due"] == ["Physiotherapy: Stretching today at 09:30"]
    assert kinds(db, D + timedelta(days=1))["therapy_unrecorded"] == [
        f"Physiotherapy: Stretching on {D}: mark attended or missed"
    ]


def test_therapy_sessions_today_unrecorded_and_missed(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        plan, _ = therapy.create_plan(
            session=s,
            patient_id=patient.id,
            discipline="physiotherapy",
            title="Stretching",
            start_date=D,
            interval_days=7,
            session_count=3,
        )
    found = kinds(db, D)
    assert found["therapy_due"] == ["Physiotherapy: Stretching today"]
    assert kinds(db, D + timedelta(days=1))["therapy_unrecorded"] == [
        f"Physiotherapy: Stretching on {D}: mark attended or missed"
    ]
    with db.write() as s:
        therapy.mark_session(session=s, session_id=plan.sessions[0].id, status="missed")
    assert kinds(db, D + timedelta(days=1))["therapy_missed"] == [
        f"Physiotherapy: Stretching missed on {D}: rebook or dismiss"
    ]


def test_program_sheet_to_collect_after_the_last_day(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        e, _ = programs.enroll(session=s, patient_id=patient.id, template_code="daily_routine", start_date=D)
    assert "program_sheet" not in kinds(db, D + timedelta(days=14))
    assert kinds(db, D + timedelta(days=15))["program_sheet"] == [
        f"Daily care routine sheet ended {D + timedelta(days=14)}: collect it and enter the ticks"
    ]
    with db.write() as s:
        programs.enter_sheet(session=s, enrollment_id=e.id, ticks=[(0, 0)], returned_on=D + timedelta(days=15))
    assert "program_sheet" not in kinds(db, D + timedelta(days=16))


def test_dismissed_items_leave_and_archived_or_deceased_patients_never_show(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.read() as s:
        (item,) = worklist.worklist(session=s, on=D)
    with db.write() as s:
        worklist.dismiss(session=s, item_key=item.key, patient_id=patient.id, on=D, reason="Baseline done elsewhere")
    assert kinds(db, D) == {}
    with pytest.raises(DomainError, match="already dismissed"), db.write() as s:
        worklist.dismiss(session=s, item_key=item.key, patient_id=patient.id, on=D, reason="again")
    with pytest.raises(DomainError, match="Reason for dismissing is required"), db.write() as s:
        worklist.dismiss(session=s, item_key="alert:x", patient_id=patient.id, on=D, reason=" ")
    with db.write() as s:
        other = patients.add_patient(
            session=s,
            mrn="T2",
            family_name="Gone",
            given_name="Away",
            birth_date=date(1950, 1, 1),
            sex="male",
            status="deceased",
            death_date=date(2025, 6, 1),
            diagnosis_date=date(2024, 1, 1),
        )
        workups.create_workup(session=s, patient_id=other.id, kind="emg", on=date(2024, 1, 1))
    assert kinds(db, D) == {}


def test_items_are_grouped_in_kind_order_and_filter_by_discipline(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        workups.create_workup(session=s, patient_id=patient.id, kind="emg", on=D - timedelta(days=40))
        assessments.record_assessment(
            session=s, patient_id=patient.id, assessed_on=D - timedelta(days=100), fvc_percent=45.0
        )
    with db.read() as s:
        items = worklist.worklist(session=s, on=D)
        respiratory = worklist.worklist(session=s, on=D, discipline="respiratory_medicine")
    order = list(worklist.KINDS)
    assert [order.index(i.kind) for i in items] == sorted(order.index(i.kind) for i in items)
    assert [i.kind for i in items] == ["alert", "workup_overdue", "reassessment_due"]
    assert [i.kind for i in respiratory] == ["alert"]
