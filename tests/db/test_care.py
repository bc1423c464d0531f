"""Workups, visits, medications, therapy, referrals, programs and notes through the services."""

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from alsdesk.errors import ConflictError, DomainError
from alsdesk.models import ReferralEvent, WorkupEvent
from alsdesk.services import (
    alerts,
    assessments,
    chart,
    diagnosis,
    medications,
    notes,
    patients,
    programs,
    referrals,
    therapy,
    workups,
)

WORKED = {"1": 4, "2": 3, "3": 3, "4": 4, "5a": 3, "6": 3, "7": 4, "8": 3, "9": 2, "10": 4, "11": 4, "12": 4}
D = date(2025, 7, 1)


def test_workup_full_lifecycle_records_every_move(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        w, changes = workups.create_workup(session=s, patient_id=patient.id, kind="emg", on=D)
    assert changes.workups and w.status == "ordered" and w.due_date == D + timedelta(days=30)
    assert w.next_actions == ("scheduled", "performed", "cancelled")
    steps = [
        ("scheduled", D + timedelta(days=5)),
        ("performed", D + timedelta(days=10)),
        ("resulted", D + timedelta(days=12)),
        ("reviewed", D + timedelta(days=13)),
    ]
    for to, on in steps:
        with db.write() as s:
            w, _ = workups.advance_workup(
                session=s,
                workup_id=w.id,
                to=to,
                on=on,
                expected_version=w.version,
                result="Active denervation in 3 regions" if to == "resulted" else None,
                reviewer_id=patient.responsible_staff_id,
                staff_id=None if to != "reviewed" else _staff(db),
            )
    assert w.status == "reviewed"
    assert (w.scheduled_for, w.performed_on, w.resulted_on, w.reviewed_on) == tuple(on for _, on in steps)
    assert w.result == "Active denervation in 3 regions"
    with db.read() as s:
        moves = s.execute(
            sa.select(WorkupEvent.from_status, WorkupEvent.to_status)
            .where(WorkupEvent.workup_id == w.id)
            .order_by(WorkupEvent.at)
        ).all()
    assert [tuple(m) for m in moves] == [
        (None, "ordered"),
        ("ordered", "scheduled"),
        ("scheduled", "performed"),
        ("performed", "resulted"),
        ("resulted", "reviewed"),
    ]


def _staff(db):  # type: ignore[no-untyped-def]
    from alsdesk.services import clinic

    with db.write() as s:
        return clinic.add_staff(
            session=s, username=f"doc{id(s)}", display_name="Dr Who", discipline="neurology", role="clinician"
        ).id


def test_workup_rules(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        w, _ = workups.create_workup(session=s, patient_id=patient.id, kind="ncs", on=D)
    with (
        pytest.raises(
            DomainError, match="'ordered' cannot become 'reviewed'; allowed next: scheduled, performed, cancelled"
        ),
        db.write() as s,
    ):
        workups.advance_workup(session=s, workup_id=w.id, to="reviewed", on=D)
    with pytest.raises(DomainError, match="is not a workup type"), db.write() as s:
        workups.create_workup(session=s, patient_id=patient.id, kind="xray-of-soul", on=D)
    with pytest.raises(DomainError, match=r"Date \(\S+\) cannot be before "), db.write() as s:
        workups.advance_workup(session=s, workup_id=w.id, to="performed", on=D - timedelta(days=3))
    with db.write() as s:
        workups.advance_workup(session=s, workup_id=w.id, to="performed", on=D + timedelta(days=1))
    with pytest.raises(DomainError, match="Result is required"), db.write() as s:
        workups.advance_workup(session=s, workup_id=w.id, to="resulted", on=D + timedelta(days=2), result="")
    with pytest.raises(ConflictError), db.write() as s:
        workups.advance_workup(
            session=s, workup_id=w.id, to="resulted", on=D + timedelta(days=2), result="ok", expected_version=1
        )


def test_workup_overdue_and_review_states() -> None:
    view = workups.WorkupView(*([None] * 15))  # type: ignore[arg-type]
    ordered = view.__class__(**{**view.__dict__, "status": "ordered", "due_date": date(2026, 1, 10)})
    assert workups.workup_state(ordered, date(2026, 1, 10), 7) is None
    assert workups.workup_state(ordered, date(2026, 1, 11), 7) == "overdue"
    resulted = view.__class__(**{**view.__dict__, "status": "resulted", "resulted_on": date(2026, 1, 1)})
    assert workups.workup_state(resulted, date(2026, 1, 7), 7) is None
    assert workups.workup_state(resulted, date(2026, 1, 8), 7) == "review"


def test_visit_scores_stages_and_alerts(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        first, found, _ = assessments.record_assessment(
            session=s,
            patient_id=patient.id,
            assessed_on=date(2025, 6, 1),
            items={**WORKED, "9": 4, "8": 4, "3": 4, "2": 4, "5a": 4, "6": 4},
            fvc_percent=85.0,
            weight_kg=70.0,
        )
    assert first.scores.total == 48 and found == []
    with db.write() as s:
        visit, found, _ = assessments.record_assessment(
            session=s,
            patient_id=patient.id,
            assessed_on=D,
            items=WORKED,
            fvc_percent=48.0,
            snip_cmh2o=45.0,
            spo2_percent=95.0,
            weight_kg=62.0,
            height_cm=165.0,
        )
    assert visit.scores.total == 41
    assert visit.scores.subscores == {"bulbar": 10, "fine_motor": 10, "gross_motor": 9, "respiratory": 12}
    assert round(visit.scores.delta_fs, 2) == 1.18  # domain.md worked example (onset 2025-01-01)
    assert (visit.scores.kings, visit.scores.mitos) == ("3", 0)
    assert visit.bmi == pytest.approx(62 / 1.65**2)
    assert sorted(a.kind for a in found) == ["decline", "gastrostomy", "niv"]  # 48→41, 70→62 kg (11.4%), FVC 48
    with db.read() as s:
        c = chart.patient_chart(session=s, patient_id=patient.id)
    assert c.latest_alsfrs.id == visit.id
    assert c.latest("fvc_percent") == (D, 48.0)
    assert c.weight_change_percent == pytest.approx((62 - 70) / 70 * 100)
    assert sorted(a.kind for a in c.open_alerts) == ["decline", "gastrostomy", "niv"]


def test_correcting_a_visit_judges_its_alerts_again(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        visit, found, _ = assessments.record_assessment(
            session=s, patient_id=patient.id, assessed_on=D, fvc_percent=40.0
        )
    assert [a.kind for a in found] == ["niv"]
    with db.write() as s:
        _, found, _ = assessments.update_assessment(
            session=s, assessment_id=visit.id, expected_version=visit.version, fvc_percent=80.0
        )
    assert found == []
    with db.read() as s:
        assert chart.patient_chart(session=s, patient_id=patient.id).open_alerts == ()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"items": {**WORKED, "7": 5}}, "item 7"),
        ({"items": {**WORKED, "5b": 3}}, "exactly one of 5a"),
        ({"fvc_percent": 250.0}, "FVC"),
        ({"spo2_percent": 20.0}, "SpO2"),
        ({}, "at least one measurement"),
        ({"items": WORKED, "assessed_on": date(2024, 12, 1)}, "onset"),
        ({"weight_kg": 60.0, "assessed_on": date.today() + timedelta(days=2)}, "cannot be after"),
    ],
)
def test_invalid_visits_are_refused_whole(db, patient, kwargs: dict, message: str) -> None:  # type: ignore[no-untyped-def]
    values = {"assessed_on": D, **kwargs}
    with pytest.raises(DomainError, match=message), db.write() as s:
        assessments.record_assessment(session=s, patient_id=patient.id, **values)
    with db.read() as s:
        assert assessments.list_assessments(session=s, patient_id=patient.id) == []


def test_catalog_warnings_must_be_acknowledged(db, patient) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError, match="withdrawn"), db.write() as s:
        medications.prescribe(session=s, patient_id=patient.id, drug_code="amx0035", started_on=D)
    with pytest.raises(DomainError, match="only for SOD1-ALS"), db.write() as s:
        medications.prescribe(session=s, patient_id=patient.id, drug_code="tofersen", started_on=D)
    with db.write() as s:
        m, _ = medications.prescribe(
            session=s, patient_id=patient.id, drug_code="tofersen", started_on=D, acknowledge_warnings=True
        )
    assert "SOD1" in m.warning_acknowledged
    with db.write() as s:
        patients.update_patient(session=s, patient_id=patient.id, genetics="SOD1")
        m2, _ = medications.prescribe(session=s, patient_id=patient.id, drug_code="tofersen", started_on=D)
    assert m2.warning_acknowledged == ""
    with db.write() as s:
        r, _ = medications.prescribe(
            session=s, patient_id=patient.id, drug_code="riluzole", started_on=D, acknowledge_warnings=True
        )
    assert r.dose_text("zh_CN") == "50 mg 口服 每日两次"  # the catalog's dose, printed in either language
    assert r.dose_text("en") == "50 mg by mouth twice a day"


def test_alt_on_riluzole_raises_stop_alert(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        found, _ = medications.record_lab(
            session=s, patient_id=patient.id, test="alt", taken_on=D, value=300, upper_limit=40
        )
    assert found == []  # not on riluzole yet
    with db.write() as s:
        with pytest.raises(DomainError, match=r"Baseline ALT 300 .* is 7.5 × ULN \(above 3 ×\)"):
            medications.prescribe(session=s, patient_id=patient.id, drug_code="riluzole", started_on=D)
        m, _ = medications.prescribe(
            session=s, patient_id=patient.id, drug_code="riluzole", started_on=D, acknowledge_warnings=True
        )
        assert "Baseline ALT 300" in m.warning_acknowledged
        found, _ = medications.record_lab(
            session=s, patient_id=patient.id, test="ALT", taken_on=D + timedelta(days=30), value=210, upper_limit=40
        )
    assert [a.kind for a in found] == ["riluzole_alt"]
    with db.write() as s:
        medications.stop_medication(
            session=s, medication_id=m.id, stopped_on=D + timedelta(days=31), reason="ALT 5.3 x ULN"
        )
    with pytest.raises(DomainError, match="already stopped"), db.write() as s:
        medications.stop_medication(session=s, medication_id=m.id, stopped_on=D + timedelta(days=32), reason="again")


def test_therapy_plan_generates_sessions_and_attendance(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        plan, _ = therapy.create_plan(
            session=s,
            patient_id=patient.id,
            discipline="physiotherapy",
            title="Stretching",
            start_date=D,
            interval_days=7,
            session_count=4,
        )
    assert [x.scheduled_on for x in plan.sessions] == [D + timedelta(days=7 * i) for i in range(4)]
    first = plan.sessions[0]
    with db.write() as s:
        done, _ = therapy.mark_session(session=s, session_id=first.id, status="attended")
    assert done.status == "attended"
    with pytest.raises(DomainError, match="'attended' cannot become 'missed'"), db.write() as s:
        therapy.mark_session(session=s, session_id=first.id, status="missed")
    with db.write() as s:
        moved, _ = therapy.reschedule_session(session=s, session_id=plan.sessions[1].id, on=D + timedelta(days=9))
    assert moved.scheduled_on == D + timedelta(days=9)
    with pytest.raises(DomainError, match="from 1 to 365"), db.write() as s:
        therapy.create_plan(
            session=s,
            patient_id=patient.id,
            discipline="physiotherapy",
            title="x",
            start_date=D,
            interval_days=0,
            session_count=4,
        )


def test_referral_send_reply_and_events(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        r, _ = referrals.create_referral(
            session=s,
            patient_id=patient.id,
            to_specialty="respiratory_medicine",
            reason="FVC 48%: NIV assessment",
            referral_date=D,
            urgency="urgent",
        )
        r, _ = referrals.advance_referral(session=s, referral_id=r.id, to="sent", on=D)
    assert (r.status, r.fhir_status, r.sent_on, r.follow_up_on) == ("sent", "requested", D, D + timedelta(days=3))
    with db.write() as s:
        r, _ = referrals.advance_referral(session=s, referral_id=r.id, to="accepted", on=D + timedelta(days=2))
        r, _ = referrals.advance_referral(
            session=s, referral_id=r.id, to="scheduled", on=D + timedelta(days=2), appointment_on=D + timedelta(days=10)
        )
        r, _ = referrals.advance_referral(
            session=s,
            referral_id=r.id,
            to="completed",
            on=D + timedelta(days=10),
            findings="Nocturnal hypoventilation",
            recommendations="Start NIV at night",
        )
    assert (r.reply_on, r.appointment_on, r.recommendations) == (
        D + timedelta(days=2),
        D + timedelta(days=10),
        "Start NIV at night",
    )
    with db.read() as s:
        moves = s.scalars(
            sa.select(ReferralEvent.to_status).where(ReferralEvent.referral_id == r.id).order_by(ReferralEvent.at)
        ).all()
    assert moves == ["draft", "sent", "accepted", "scheduled", "completed"]
    with pytest.raises(DomainError, match="allowed next: none"), db.write() as s:
        referrals.advance_referral(session=s, referral_id=r.id, to="sent", on=D + timedelta(days=11))


def test_program_enrollment_sheet_and_adherence(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        e, _ = programs.enroll(session=s, patient_id=patient.id, template_code="daily_routine", start_date=D)
    assert (len(e.items), e.duration_days, e.end_date, e.investigational) == (5, 15, D + timedelta(days=14), False)
    ticks = [(i, d) for i in range(5) for d in range(15) if (i + d) % 3]  # 50 of 75 cells
    with db.write() as s:
        e, _ = programs.enter_sheet(
            session=s, enrollment_id=e.id, ticks=ticks, returned_on=D + timedelta(days=16), expected_version=e.version
        )
    assert len(e.marks) == 50 and e.status == "completed"
    assert e.adherence(D + timedelta(days=30)) == pytest.approx(50 / 75)
    with pytest.raises(DomainError, match="Day 16 is not on this 15-day sheet"), db.write() as s:
        programs.enter_sheet(session=s, enrollment_id=e.id, ticks=[(0, 15)])
    with pytest.raises(ConflictError), db.write() as s:
        programs.enter_sheet(session=s, enrollment_id=e.id, ticks=[], expected_version=1)
    with db.write() as s:
        diet, _ = programs.enroll(session=s, patient_id=patient.id, template_code="low_glutamate_diet", start_date=D)
    assert diet.investigational and "MSG" in diet.diet_restrictions
    with db.read() as s:
        assert chart.patient_chart(session=s, patient_id=patient.id).investigational_on(D)


def test_program_sheet_refuses_days_after_today(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        e, _ = programs.enroll(session=s, patient_id=patient.id, template_code="daily_routine", start_date=D)
    today = D + timedelta(days=2)  # day 3 of the sheet
    with pytest.raises(DomainError, match=r"Day 4 \(2025-07-04\) is after today"), db.write() as s:
        programs.enter_sheet(session=s, enrollment_id=e.id, ticks=[(0, 0), (0, 3)], today=today)
    with pytest.raises(DomainError, match="Date returned"), db.write() as s:
        programs.enter_sheet(
            session=s, enrollment_id=e.id, ticks=[], returned_on=today + timedelta(days=1), today=today
        )
    with db.write() as s:
        e, _ = programs.enter_sheet(session=s, enrollment_id=e.id, ticks=[(i, 2) for i in range(5)], today=today)
    assert e.marks == frozenset((i, 2) for i in range(5))
    assert e.adherence(today) == pytest.approx(5 / 15)


def test_notes_findings_and_screening(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        notes.add_note(
            session=s,
            patient_id=patient.id,
            kind="shared_decision",
            occurred_on=D,
            topic="NIV",
            text="Agreed to trial NIV",
        )
        met, _ = diagnosis.record_findings(
            session=s,
            patient_id=patient.id,
            examined_on=D,
            progressive=True,
            mimics_excluded=True,
            findings=[diagnosis.RegionFinding("cervical", umn=True, lmn=True)],
        )
        diagnosis.record_screening(session=s, patient_id=patient.id, screened_on=D, signs=["weakness", "cramps"])
    assert met
    with pytest.raises(DomainError, match="Topic is required"), db.write() as s:
        notes.add_note(session=s, patient_id=patient.id, kind="education", occurred_on=D, text="x")
    with db.read() as s:
        c = chart.patient_chart(session=s, patient_id=patient.id)
    assert c.patient.gold_coast_met is True
    assert [n.topic for n in c.notes] == ["NIV"]
    assert c.screenings == 1 and c.findings[0].region == "cervical"


def test_acknowledged_alert_leaves_open_alerts(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        assessments.record_assessment(session=s, patient_id=patient.id, assessed_on=D, spo2_percent=90.0)
    with db.read() as s:
        (alert,) = chart.patient_chart(session=s, patient_id=patient.id).open_alerts
    assert alert.kind == "abg" and "arterial blood gas needed" in str(alert.message)
    with db.write() as s:
        alerts.acknowledge_alert(session=s, alert_id=alert.id, note="ABG booked")
    with db.read() as s:
        assert chart.patient_chart(session=s, patient_id=patient.id).open_alerts == ()


def test_clinic_extends_the_catalogs(db, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import catalogs

    with db.write() as s:
        catalogs.save_drug(
            session=s, code="NewTrialDrug", name="Trial drug X", purpose="study drug", approval="investigational"
        )
        catalogs.add_workup_type(session=s, code="snip", name_en="SNIP test", discipline="respiratory_medicine")
        catalogs.save_program_template(
            session=s,
            code="voice_banking",
            name_en="Voice banking",
            evidence_level="expert-consensus",
            items=[{"en": "Record 10 phrases"}],
            duration_days=7,
        )
    with db.write() as s:
        m, _ = medications.prescribe(
            session=s, patient_id=patient.id, drug_code="newtrialdrug", started_on=D, dose="1 tablet"
        )
        w, _ = workups.create_workup(session=s, patient_id=patient.id, kind="snip", on=D)
        e, _ = programs.enroll(session=s, patient_id=patient.id, template_code="voice_banking", start_date=D)
    assert (m.drug_name, w.type_code, e.duration_days) == ("Trial drug X", "snip", 7)
    with pytest.raises(DomainError, match="Approval status must be one of"), db.write() as s:
        catalogs.save_drug(session=s, code="x", name="X", purpose="y", approval="miracle")
    with db.write() as s:  # shipped entries are added once and never overwrite the clinic's edits
        catalogs.save_drug(
            session=s, code="riluzole", name="Riluzole (clinic text)", purpose="standard", approval="approved"
        )
        catalogs.sync_catalogs(session=s)
        assert catalogs.get_drug(session=s, code="riluzole").name == "Riluzole (clinic text)"


def test_workup_appointments_by_week_and_rescheduling_through_the_lifecycle(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        emg, _ = workups.create_workup(session=s, patient_id=patient.id, kind="emg", on=D)
        pft, _ = workups.create_workup(session=s, patient_id=patient.id, kind="pft", on=D)
        workups.advance_workup(session=s, workup_id=emg.id, to="scheduled", on=D + timedelta(days=7))
        # Booking an ordered workup from the schedule schedules it, as one recorded lifecycle move.
        booked, changes = workups.reschedule_workup(session=s, workup_id=pft.id, on=D + timedelta(days=8))
    assert booked.status == "scheduled" and booked.scheduled_for == D + timedelta(days=8) and changes.schedule
    with db.read() as s:
        week = workups.appointments_between(session=s, start=D + timedelta(days=7), end=D + timedelta(days=13))
        neuro = workups.appointments_between(
            session=s, start=D + timedelta(days=7), end=D + timedelta(days=13), discipline="neurology"
        )
        before = workups.appointments_between(session=s, start=D, end=D + timedelta(days=6))
    assert [(a.type_code, a.on, a.discipline) for a in week] == [
        ("emg", D + timedelta(days=7), "neurology"),
        ("pft", D + timedelta(days=8), "respiratory_medicine"),
    ]
    assert week[0].patient_name.startswith("TEST, ") and week[0].name_zh == "肌电图"
    assert [a.type_code for a in neuro] == ["emg"] and before == []
    with db.write() as s:
        with pytest.raises(ConflictError):
            workups.reschedule_workup(session=s, workup_id=emg.id, on=D + timedelta(days=9), expected_version=0)
    with db.write() as s:
        with pytest.raises(DomainError, match="Appointment date"):
            workups.reschedule_workup(session=s, workup_id=emg.id, on=D - timedelta(days=1))
    with db.read() as s:
        moves = s.execute(
            sa.select(WorkupEvent.from_status, WorkupEvent.to_status)
            .where(WorkupEvent.workup_id == pft.id)
            .order_by(WorkupEvent.at)
        ).all()
    assert [tuple(m) for m in moves] == [(None, "ordered"), ("ordered", "scheduled")]


def test_week_slots_name_the_patient_and_leave_out_archived_patients(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        other = patients.add_patient(
            session=s,
            mrn="T0002",
            family_name="Li",
            given_name="Wei",
            name_zh="李伟",
            sex="male",
            birth_date=date(1960, 1, 1),
        )
        therapy.create_plan(
            session=s,
            patient_id=patient.id,
            discipline="physiotherapy",
            title="ROM",
            start_date=D,
            interval_days=2,
            session_count=3,
        )
        therapy.create_plan(
            session=s,
            patient_id=other.id,
            discipline="dietetics",
            title="Diet",
            start_date=D,
            interval_days=7,
            session_count=1,
        )
    with db.read() as s:
        week = therapy.week_slots(session=s, start=D, end=D + timedelta(days=6))
        diet = therapy.week_slots(session=s, start=D, end=D + timedelta(days=6), discipline="dietetics")
    assert [(w.on, w.patient_name, w.title) for w in week] == [
        (D, "LI, Wei 李伟", "Diet"),
        (D, "TEST, Patient 张伟", "ROM"),
        (D + timedelta(days=2), "TEST, Patient 张伟", "ROM"),
        (D + timedelta(days=4), "TEST, Patient 张伟", "ROM"),
    ]
    assert [w.title for w in diet] == ["Diet"]
    with db.write() as s:
        patients.set_archived(session=s, patient_id=other.id, archived=True)
    with db.read() as s:
        assert {w.title for w in therapy.week_slots(session=s, start=D, end=D + timedelta(days=6))} == {"ROM"}


def test_drugs_have_chinese_names_that_the_clinic_can_edit(db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import catalogs

    with db.read() as s:
        riluzole = catalogs.get_drug(session=s, code="riluzole")
        assert ("Riluzole", "利鲁唑") in catalogs.chinese_names(session=s)
    assert riluzole.name_zh == "利鲁唑"
    with db.write() as s:
        catalogs.save_drug(
            session=s,
            code="trial_y",
            name="Trial drug Y",
            name_zh="试验药Y",
            purpose="study",
            approval="investigational",
        )
    with db.read() as s:
        assert catalogs.get_drug(session=s, code="trial_y").name_zh == "试验药Y"
        assert ("Trial drug Y", "试验药Y") in catalogs.chinese_names(session=s)
    with pytest.raises(DomainError, match="Chinese name"), db.write() as s:
        catalogs.save_drug(
            session=s, code="trial_y", name="Y", name_zh="药" * 201, purpose="study", approval="approved"
        )


def test_drugs_have_chinese_purposes_and_facts_that_the_clinic_can_edit(db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import catalogs

    with db.read() as s:
        tofersen = catalogs.get_drug(session=s, code="tofersen")
        pairs = set(catalogs.chinese_names(session=s))
    assert tofersen.purpose_zh == "仅用于SOD1突变型ALS" and "2023年4月25日" in tofersen.facts_zh
    assert (tofersen.facts, tofersen.facts_zh) in pairs and ("spasticity", "痉挛") in pairs
    with db.write() as s:
        catalogs.save_drug(
            session=s,
            code="trial_z",
            name="Trial drug Z",
            purpose="study",
            purpose_zh=" 研究用药 ",
            approval="investigational",
            facts="Phase 2 only.",
            facts_zh="仅完成2期试验。",
        )
    with db.read() as s:
        z = catalogs.get_drug(session=s, code="trial_z")
        pairs = set(catalogs.chinese_names(session=s))
    assert (z.purpose_zh, z.facts_zh) == ("研究用药", "仅完成2期试验。")
    assert {("study", "研究用药"), ("Phase 2 only.", "仅完成2期试验。")} <= pairs
    with db.write() as s:  # editing without the Chinese texts clears them, as for the name
        catalogs.save_drug(session=s, code="trial_z", name="Trial drug Z", purpose="study", approval="approved")
    with db.read() as s:
        z = catalogs.get_drug(session=s, code="trial_z")
    assert (z.purpose_zh, z.facts_zh) == ("", "")
    bad = [
        ({"purpose_zh": "药" * 201}, "Chinese purpose is too long"),
        ({"facts": "x", "facts_zh": "药" * 5001}, "Chinese facts is too long"),
        ({"facts_zh": "只有中文"}, "Chinese facts need the English facts"),
        ({"purpose_zh": 3}, "Chinese purpose must be text"),
    ]
    for extra, message in bad:
        with pytest.raises(DomainError, match=message), db.write() as s:
            catalogs.save_drug(session=s, code="trial_z", name="Z", purpose="study", approval="approved", **extra)
    with db.read() as s:
        assert catalogs.get_drug(session=s, code="trial_z").name == "Trial drug Z"


def test_workup_lifecycle_events_name_the_signed_in_staff_member(db, patient) -> None:  # type: ignore[no-untyped-def]
    """A caller that passes no staff member (the worklist, the CLI) still records who moved the workup."""
    from alsdesk.services import clinic
    from alsdesk.services.access import Actor

    with db.write() as s:
        staff = clinic.add_staff(
            session=s, username="mchen", display_name="Mei Chen", discipline="neurology", role="coordinator"
        )
        other = clinic.add_staff(
            session=s, username="lwu", display_name="Li Wu", discipline="neurology", role="clinician"
        )
    mchen = Actor("mchen", staff.id, "coordinator")
    with db.write(actor=mchen) as s:
        w, _ = workups.create_workup(session=s, patient_id=patient.id, kind="emg", on=D)
        workups.reschedule_workup(session=s, workup_id=w.id, on=D + timedelta(days=5))
    with db.write(actor=mchen) as s:  # a staff member named by the caller is kept
        workups.reschedule_workup(session=s, workup_id=w.id, on=D + timedelta(days=6), staff_id=other.id)
    with db.read() as s:
        events = s.scalars(sa.select(WorkupEvent).where(WorkupEvent.workup_id == w.id)).all()
    assert sorted((e.to_status, str(e.staff_id)) for e in events) == sorted(
        [("ordered", str(staff.id)), ("scheduled", str(staff.id)), ("scheduled", str(other.id))]
    )


def test_a_blank_dose_takes_the_catalog_dose(db, patient) -> None:  # type: ignore[no-untyped-def]
    """A blank dose takes the catalog's structured dose (regimen included), whatever the patient's
    language; a typed dose is read into its fields; a drug with only a dose text (a clinic's own, or
    a shipped one the clinic reworded) gets that text, in the patient's language, as the note."""
    from alsdesk.models import Drug
    from alsdesk.services import catalogs
    from alsdesk.services.doses import Dose

    with db.write() as s:
        english = patients.add_patient(
            session=s, mrn="T0002", family_name="Smith", given_name="Ann", birth_date=date(1955, 3, 2), sex="female"
        )
        catalogs.save_drug(
            session=s, code="trial_y", name="Trial drug Y", purpose="study", approval="approved",
            default_dose="5 mg per study protocol", default_dose_zh="按研究方案 5 mg",
        )  # fmt: skip
        catalogs.save_drug(session=s, code="trial_n", name="Trial drug N", purpose="study", approval="approved")
    assert (patient.language, english.language) == ("zh_CN", "en")

    def prescribe(who, code: str, dose: str | Dose = "") -> Dose:  # type: ignore[no-untyped-def]
        with db.write() as s:
            m, _ = medications.prescribe(
                session=s, patient_id=who.id, drug_code=code, started_on=D, dose=dose, acknowledge_warnings=True
            )
        return m.dose

    baclofen = Dose(5.0, "mg", "oral", "three_times_daily", "titrate")
    assert prescribe(patient, "baclofen") == prescribe(english, "baclofen") == baclofen
    assert prescribe(patient, "gabapentin", "  ") == Dose(300.0, "mg", "oral", "at_night")  # blank is blank
    assert prescribe(english, "tofersen") == Dose(100.0, "mg", "intrathecal", "every_28_days", "tofersen_loading")
    assert prescribe(patient, "baclofen", " 10 mg three times daily ") == Dose(10.0, "mg", "", "three_times_daily")
    assert prescribe(english, "gabapentin", "300 mg，每晚一次") == Dose(300.0, "mg", "oral", "at_night")
    assert prescribe(english, "gabapentin", "300 mg with the evening meal") == Dose(note="300 mg with the evening meal")
    # A note alone keeps the catalog's dose and adds to it.
    assert prescribe(english, "riluzole", Dose(note="with water")) == Dose(
        50.0, "mg", "oral", "twice_daily", note="with water"
    )
    assert prescribe(patient, "trial_y") == Dose(note="按研究方案 5 mg")
    assert prescribe(english, "trial_y") == Dose(note="5 mg per study protocol")
    assert prescribe(patient, "trial_n") == Dose()
    with db.write() as s:  # a reworded default is the clinic's: its words, as the note
        s.execute(
            sa.update(Drug).where(Drug.code == "baclofen").values(default_dose="5 mg tds, slowly up to 20 mg tds")
        )
    assert prescribe(english, "baclofen") == Dose(note="5 mg tds, slowly up to 20 mg tds")


def test_the_clinic_can_give_a_drug_a_chinese_default_dose(db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import catalogs

    with db.read() as s:
        riluzole = catalogs.get_drug(session=s, code="riluzole")
        pairs = set(catalogs.chinese_names(session=s))
    assert riluzole.default_dose_zh == "50 mg，每日两次"
    assert ("50 mg twice daily", "50 mg，每日两次") in pairs  # the window shows a stored default in Chinese
    with db.write() as s:
        catalogs.save_drug(
            session=s,
            code="trial_z",
            name="Trial drug Z",
            purpose="study",
            approval="approved",
            default_dose="20 mg at night",
            default_dose_zh=" 20 mg，每晚一次 ",
        )
    with db.read() as s:
        z = catalogs.get_drug(session=s, code="trial_z")
        pairs = set(catalogs.chinese_names(session=s))
    assert (z.default_dose, z.default_dose_zh) == ("20 mg at night", "20 mg，每晚一次")
    assert ("20 mg at night", "20 mg，每晚一次") in pairs
    with db.write() as s:  # editing without it clears it, as for the other Chinese texts
        catalogs.save_drug(
            session=s, code="trial_z", name="Trial drug Z", purpose="study", approval="approved", default_dose="20 mg"
        )
    with db.read() as s:
        assert catalogs.get_drug(session=s, code="trial_z").default_dose_zh == ""
    bad = [
        ({"default_dose": "1 mg", "default_dose_zh": "药" * 201}, "Chinese default dose is too long"),
        ({"default_dose": "1 mg", "default_dose_zh": 3}, "Chinese default dose must be text"),
        ({"default_dose_zh": "1 mg，每日一次"}, "Chinese default dose needs the English default dose"),
    ]
    for extra, message in bad:
        with pytest.raises(DomainError, match=message), db.write() as s:
            catalogs.save_drug(session=s, code="trial_z", name="Z", purpose="study", approval="approved", **extra)
    with db.read() as s:
        assert catalogs.get_drug(session=s, code="trial_z").default_dose == "20 mg"


def test_stopping_a_program_from_a_stale_copy_is_a_conflict(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        e, _ = programs.enroll(session=s, patient_id=patient.id, template_code="daily_routine", start_date=D)
    with db.write() as s:  # another workstation saves the sheet after this one opened the chart
        programs.enter_sheet(session=s, enrollment_id=e.id, ticks=[(0, 0)], expected_version=e.version)
    with pytest.raises(ConflictError), db.write() as s:
        programs.stop_enrollment(session=s, enrollment_id=e.id, expected_version=e.version)
    with db.write() as s:  # from a fresh copy it stops
        fresh = programs.list_enrollments(session=s, patient_id=patient.id)[0]
        programs.stop_enrollment(session=s, enrollment_id=e.id, expected_version=fresh.version)
    with db.read() as s:
        assert programs.list_enrollments(session=s, patient_id=patient.id)[0].status == "stopped"


def test_edaravone_iv_schedules_its_infusions_by_cycle_and_stopping_cancels_the_rest(db, patient) -> None:  # type: ignore[no-untyped-def]
    from alsdesk.services import therapy
    from alsdesk.services.chart import patient_chart

    start = date(2025, 3, 3)
    with db.write() as s:
        course, changes = medications.prescribe(
            session=s, patient_id=patient.id, drug_code="edaravone_iv", started_on=start
        )
        medications.prescribe(session=s, patient_id=patient.id, drug_code="edaravone_oral", started_on=start)
    assert changes.schedule
    with db.read() as s:
        (plan,) = patient_chart(session=s, patient_id=patient.id).plans  # none for the oral suspension
    days = [x.scheduled_on for x in plan.sessions]
    assert days == therapy.edaravone_days(start, 3)  # the clinic default: 3 cycles
    assert days[13] == date(2025, 3, 16) and days[14] == date(2025, 3, 31) and days[-1] == date(2025, 5, 7)
    # the fixture patient reads Chinese (a Chinese name): the plan's title is in Chinese too
    assert plan.title == "依达拉奉静脉输注" and plan.discipline == "specialist_nursing"
    with db.write() as s:
        medications.stop_medication(session=s, medication_id=course.id, stopped_on=date(2025, 4, 1), reason="rash")
    with db.read() as s:
        (plan,) = patient_chart(session=s, patient_id=patient.id).plans
    assert not plan.active
    assert [x.scheduled_on for x in plan.sessions if x.status == "scheduled"] == days[:15]  # up to 31 March
    assert all(x.status == "cancelled" for x in plan.sessions[15:])


def test_opening_the_clinic_corrects_the_edaravone_texts_a_clinic_never_edited(db) -> None:  # type: ignore[no-untyped-def]
    """Edaravone as an older catalog shipped it (no drug-free fortnight, no EU status, no fasting)
    is brought up to date; a text the clinic wrote itself is kept."""
    from alsdesk.models import Drug
    from alsdesk.services import catalogs

    shipped = {d["code"]: d for d in catalogs.load_resource("drugs.json")}
    with db.write() as s:
        s.execute(
            sa.update(Drug)
            .where(Drug.code == "edaravone_oral")
            .values(
                default_dose="105 mg; cycles 14 days on / 14 off, then 10 of 14 days",
                default_dose_zh="105 mg；疗程：用药14天、停药14天，此后每14天中用药10天",
                facts="FDA approval 2022 (oral suspension).",
                facts_zh="",
            )
        )
        s.execute(sa.update(Drug).where(Drug.code == "edaravone_iv").values(facts="Our infusion unit's note."))
    with db.write() as s:
        catalogs.sync_catalogs(session=s)
    with db.read() as s:
        oral = catalogs.get_drug(session=s, code="edaravone_oral")
        iv = catalogs.get_drug(session=s, code="edaravone_iv")
    assert oral.default_dose == shipped["edaravone_oral"]["default_dose"] and "fasting" in oral.default_dose
    assert oral.default_dose_zh == shipped["edaravone_oral"]["default_dose_zh"] and "空腹" in oral.default_dose_zh
    assert "Not authorised in the EU" in oral.facts and "then 14 days off" in oral.facts
    assert oral.facts_zh == shipped["edaravone_oral"]["facts_zh"]
    assert iv.facts == "Our infusion unit's note."  # the clinic's own words stay
    assert "10 days within 14, then 14 off" in iv.default_dose


def test_opening_the_clinic_renames_the_seed_paper_program_families_read(db, patient) -> None:  # type: ignore[no-untyped-def]
    """The low-glutamate diet as an older catalog named it ("(seed paper example)", printed on
    families' papers) takes today's name, in its template and a running enrollment; a name the
    clinic wrote itself is kept."""
    from alsdesk.models import Enrollment, ProgramTemplate
    from alsdesk.services import catalogs

    old = {"name_en": "Low-glutamate diet (seed paper example)", "name_zh": "低谷氨酸饮食（论文示例）"}
    with db.write() as s:
        diet, _ = programs.enroll(session=s, patient_id=patient.id, template_code="low_glutamate_diet", start_date=D)
        kept, _ = programs.enroll(
            session=s, patient_id=patient.id, template_code="low_glutamate_diet", start_date=D + timedelta(days=30)
        )
        s.execute(sa.update(ProgramTemplate).where(ProgramTemplate.code == "low_glutamate_diet").values(old))
        s.execute(sa.update(Enrollment).where(Enrollment.id == diet.id).values(old))
        s.execute(sa.update(Enrollment).where(Enrollment.id == kept.id).values(name_en="Our diet", name_zh="本院饮食"))
    with db.write() as s:
        assert catalogs.sync_catalogs(session=s).catalogs
    with db.read() as s:
        names = {e.id: (e.name_en, e.name_zh) for e in programs.list_enrollments(session=s, patient_id=patient.id)}
        template = s.scalar(sa.select(ProgramTemplate).where(ProgramTemplate.code == "low_glutamate_diet"))
        assert (template.name_en, template.name_zh) == ("Low-glutamate diet", "低谷氨酸饮食")
    assert names == {diet.id: ("Low-glutamate diet", "低谷氨酸饮食"), kept.id: ("Our diet", "本院饮食")}
