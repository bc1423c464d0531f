"""Death: medications and therapy plans end on the date of death, stage 5 from it, and nothing
more falls due on the worklist, kind by kind."""

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from alsdesk.errors import DomainError
from alsdesk.models import Medication, TherapyPlan, TherapySession
from alsdesk.services import (
    assessments,
    medications,
    patients,
    programs,
    referrals,
    stages,
    therapy,
    worklist,
    workups,
)

D = date(2025, 7, 1)  # the worklist day
DEATH = D - timedelta(days=1)
ITEMS = {"1": 4, "2": 4, "3": 4, "4": 4, "5a": 4, "6": 4, "7": 4, "8": 3, "9": 3, "10": 4, "11": 4, "12": 4}


def record_death(db, patient, on: date = DEATH) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        patients.update_patient(session=s, patient_id=patient.id, status="deceased", death_date=on)


def courses(db, patient) -> dict[str, tuple[date, date | None, str, date | None]]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        rows = s.execute(
            sa.select(
                Medication.drug_code,
                Medication.started_on,
                Medication.stopped_on,
                Medication.stop_reason,
                Medication.alt_due_on,
            ).where(Medication.patient_id == patient.id)
        )
        return {code: (start, stop, reason, due) for code, start, stop, reason, due in rows}


def plan_state(db, plan_id) -> tuple[bool, dict[date, str]]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        active = s.scalar(sa.select(TherapyPlan.active).where(TherapyPlan.id == plan_id))
        sessions = dict(
            s.execute(
                sa.select(TherapySession.scheduled_on, TherapySession.status).where(TherapySession.plan_id == plan_id)
            ).all()
        )
    return bool(active), sessions


def prescribe(s, patient, code: str, on: date) -> medications.MedicationView:  # type: ignore[no-untyped-def]
    return medications.prescribe(
        session=s, patient_id=patient.id, drug_code=code, started_on=on, acknowledge_warnings=True
    )[0]  # no baseline ALT: confirmed


def test_marking_deceased_ends_running_courses_and_plans_on_the_date_of_death(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        prescribe(s, patient, "riluzole", date(2025, 6, 2))  # running
        baclofen = prescribe(s, patient, "baclofen", date(2025, 6, 3))
        medications.stop_medication(
            session=s, medication_id=baclofen.id, stopped_on=D + timedelta(days=3), reason="planned end"
        )  # stopped after death: ends on it instead
        gly = prescribe(s, patient, "glycopyrronium", date(2025, 6, 4))
        medications.stop_medication(session=s, medication_id=gly.id, stopped_on=date(2025, 6, 20), reason="dry mouth")
        plan, _ = therapy.create_plan(
            session=s,
            patient_id=patient.id,
            discipline="physiotherapy",
            title="Stretching",
            start_date=DEATH - timedelta(days=14),
            interval_days=7,
            session_count=4,  # DEATH-14, DEATH-7, DEATH, DEATH+7
        )
    assert courses(db, patient)["riluzole"][3] is not None  # an ALT is due while it runs
    record_death(db, patient)
    found = courses(db, patient)
    assert found["riluzole"] == (date(2025, 6, 2), DEATH, f"Died on {DEATH}", None)
    assert found["baclofen"] == (date(2025, 6, 3), DEATH, f"Died on {DEATH}", None)
    assert found["glycopyrronium"] == (date(2025, 6, 4), date(2025, 6, 20), "dry mouth", None)  # ended before
    active, sessions = plan_state(db, plan.id)
    assert not active
    assert sessions == {
        DEATH - timedelta(days=14): "scheduled",  # before death: kept as they are
        DEATH - timedelta(days=7): "scheduled",
        DEATH: "cancelled",  # the day of death and after
        DEATH + timedelta(days=7): "cancelled",
    }


def test_a_living_patients_courses_and_plans_are_not_changed(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        prescribe(s, patient, "riluzole", date(2025, 6, 2))
        plan, _ = therapy.create_plan(
            session=s,
            patient_id=patient.id,
            discipline="physiotherapy",
            title="Stretching",
            start_date=D,
            interval_days=7,
            session_count=2,
        )
    before = courses(db, patient), plan_state(db, plan.id)
    with db.write() as s:
        _, changes = patients.update_patient(session=s, patient_id=patient.id, status="palliative", phone="13800000002")
    assert not changes.medications and not changes.schedule
    assert (courses(db, patient), plan_state(db, plan.id)) == before
    assert before[0]["riluzole"][1] is None and before[1][0]


def test_a_course_started_after_the_date_of_death_is_refused_and_nothing_changes(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        prescribe(s, patient, "riluzole", date(2025, 6, 2))
        prescribe(s, patient, "baclofen", DEATH + timedelta(days=1))
    with pytest.raises(
        DomainError, match=r"Baclofen was started on 2025-07-01, after the date of death \(2025-06-30\)"
    ):
        record_death(db, patient)
    with db.read() as s:
        assert patients.get_patient(session=s, patient_id=patient.id).status == "diagnosed"
    assert courses(db, patient)["riluzole"][1] is None
    record_death(db, patient, on=DEATH + timedelta(days=1))  # on the day it started: allowed
    assert courses(db, patient)["baclofen"][1] == DEATH + timedelta(days=1)


def test_after_a_recorded_death_nothing_new_starts_later_but_may_on_the_day(db, patient) -> None:  # type: ignore[no-untyped-def]
    """A prescription or therapy plan dated after the date of death is refused (like an enrollment),
    and nothing is written; one dated on the day of death (what was given that day) is accepted."""
    record_death(db, patient)
    after = DEATH + timedelta(days=1)
    with pytest.raises(DomainError, match=r"died on 2025-06-30; a medication cannot start after that"), db.write() as s:
        prescribe(s, patient, "baclofen", after)
    with (
        pytest.raises(DomainError, match=r"died on 2025-06-30; a therapy plan cannot start after that"),
        db.write() as s,
    ):
        therapy.create_plan(
            session=s,
            patient_id=patient.id,
            discipline="physiotherapy",
            title="Stretching",
            start_date=after,
            interval_days=7,
            session_count=4,
        )
    assert courses(db, patient) == {}
    with db.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(TherapyPlan)) == 0
    with db.write() as s:
        prescribe(s, patient, "baclofen", DEATH)
    assert set(courses(db, patient)) == {"baclofen"}


def test_moving_the_date_of_death_earlier_moves_the_ends(db, patient) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        prescribe(s, patient, "riluzole", date(2025, 6, 2))
    record_death(db, patient)
    record_death(db, patient, on=DEATH - timedelta(days=5))
    earlier = DEATH - timedelta(days=5)
    assert courses(db, patient)["riluzole"][1:3] == (earlier, f"Died on {earlier}")


# ITEMS: only item 8 (lower limb) below 4 among the region items: King's 1; no domain lost: MiToS 0.
@pytest.mark.parametrize(("on", "kings", "mitos"), [(DEATH - timedelta(days=1), "1", 0), (DEATH, "5", 5), (D, "5", 5)])
def test_stage_now_of_a_stored_patient(db, patient, on: date, kings: str, mitos: int) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        assessments.record_assessment(session=s, patient_id=patient.id, assessed_on=date(2025, 6, 10), items=ITEMS)
    record_death(db, patient)
    with db.read() as s:
        now = stages.patient_stage_now(session=s, patient_id=patient.id, on=on)
    assert (now.kings, now.mitos) == (kings, mitos)


def every_kind_due(db, patient) -> None:  # type: ignore[no-untyped-def]
    """Something of every worklist kind due on D for `patient` (restricted aside: the test actor opens all)."""
    with db.write() as s:
        pid = patient.id
        assessments.record_assessment(
            session=s, patient_id=pid, assessed_on=D - timedelta(days=100), items=ITEMS, fvc_percent=45.0
        )  # an NIV alert; the last ALSFRS-R over 90 days ago
        workups.create_workup(
            session=s, patient_id=pid, kind="emg", on=D - timedelta(days=30), due_date=D - timedelta(days=3)
        )
        workups.create_workup(session=s, patient_id=pid, kind="ncs", on=D - timedelta(days=30), due_date=D)
        w, _ = workups.create_workup(session=s, patient_id=pid, kind="blood_panel", on=D - timedelta(days=30))
        workups.advance_workup(session=s, workup_id=w.id, to="performed", on=D - timedelta(days=20))
        workups.advance_workup(session=s, workup_id=w.id, to="resulted", on=D - timedelta(days=10), result="normal")
        r, _ = referrals.create_referral(
            session=s, patient_id=pid, to_specialty="dietetics", reason="Weight", referral_date=D - timedelta(days=20)
        )
        referrals.advance_referral(session=s, referral_id=r.id, to="sent", on=D - timedelta(days=20))
        prescribe(s, patient, "riluzole", date(2025, 3, 1))  # no ALT since: a liver test due
        plan, _ = therapy.create_plan(
            session=s,
            patient_id=pid,
            discipline="physiotherapy",
            title="Stretching",
            start_date=D - timedelta(days=20),
            interval_days=10,
            session_count=3,  # D-20 (missed), D-10 (not recorded), D (today)
        )
        therapy.mark_session(session=s, session_id=plan.sessions[0].id, status="missed")
        programs.enroll(session=s, patient_id=pid, template_code="daily_routine", start_date=D - timedelta(days=20))


KINDS = [k for k in worklist.KINDS if k != worklist.RESTRICTED]


@pytest.mark.parametrize("kind", KINDS)
def test_nothing_falls_due_for_a_deceased_patient(db, patient, kind: str) -> None:  # type: ignore[no-untyped-def]
    every_kind_due(db, patient)
    with db.read() as s:
        alive = worklist.worklist(session=s, on=D)
    assert kind in {i.kind for i in alive}  # due while the patient lives
    record_death(db, patient)
    with db.read() as s:
        dead = worklist.worklist(session=s, on=D)
        counts = worklist.worklist_counts(session=s, on=D)
        page = worklist.worklist_page(session=s, on=D, kind=kind)
    assert [i for i in dead if i.patient_id == patient.id] == []
    assert counts[kind] == 0 and page == []


def test_the_demo_clinic_ends_courses_at_death(db) -> None:  # type: ignore[no-untyped-def]
    """The issue's clinic (80 patients, seed 7, 2026-12-01): no deceased patient's course runs on."""
    from alsdesk import demo
    from alsdesk.models import Patient

    with db.write() as s:
        demo.load_demo(session=s, patients=80, seed=7, anchor=date(2026, 12, 1))
    with db.read() as s:
        rows = s.execute(
            sa.select(Patient.death_date, Medication.started_on, Medication.stopped_on, Medication.stop_reason)
            .join(Medication, Medication.patient_id == Patient.id)
            .where(Patient.status == "deceased")
        ).all()
    assert rows  # the clinic has deceased patients with courses
    for died, started, stopped, reason in rows:
        assert started <= died and stopped is not None and stopped <= died
        if stopped == died:
            assert reason == f"Died on {died}"


def test_no_restricted_line_for_a_deceased_patient(db, patient) -> None:  # type: ignore[no-untyped-def]
    """The twelfth kind: a restricted record whose reader may not open it shows one neutral line
    while anything is due, and none once the patient has died."""
    from alsdesk.services import clinic, restricted
    from alsdesk.services.access import Actor

    with db.write() as s:
        made = {
            name: clinic.insert_staff(session=s, username=name, display_name=name, discipline="neurology", role=role)
            for name, role in (("outside", "clinician"), ("boss", "administrator"))
        }
    outside, boss = (Actor(r.username, r.id, r.role) for r in made.values())
    every_kind_due(db, patient)
    with db.write(actor=boss) as s:
        restricted.set_restriction(session=s, patient_id=patient.id, restricted=True, team=[])
    with db.read(actor=outside) as s:
        assert [i.kind for i in worklist.worklist(session=s, on=D)] == [worklist.RESTRICTED]
    with db.write(actor=boss) as s:
        patients.update_patient(session=s, patient_id=patient.id, status="deceased", death_date=DEATH)
    with db.read(actor=outside) as s:
        assert worklist.worklist(session=s, on=D) == []
        assert worklist.worklist_counts(session=s, on=D)[worklist.RESTRICTED] == 0


def imported_death_case():  # type: ignore[no-untyped-def]
    """A demo document with one diagnosed patient (with courses and a therapy plan) recorded as
    deceased on the day of the plan's second session, as a file from before the rule holds it."""
    from alsdesk import demo

    doc = demo.demo_document(patients=30, seed=5, anchor=date(2026, 1, 15))
    k, entry = next(
        (k, e)
        for k, e in enumerate(doc["patients"])
        if e["records"]["therapy_plan"] and e["records"]["medication"] and e["patient"]["status"] == "diagnosed"
    )
    plan = entry["records"]["therapy_plan"][0]
    died = date.fromisoformat(plan["start_date"]) + timedelta(days=plan["interval_days"])
    entry["patient"].update(status="deceased", death_date=died.isoformat())
    for m in entry["records"]["medication"]:
        m.update(started_on=min(date.fromisoformat(m["started_on"]), died).isoformat(), stopped_on=None)
    return doc, k, entry, died


def test_an_imported_deceased_patients_care_ends_at_death(db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk import exchange
    from alsdesk.models import Patient

    doc, _, entry, died = imported_death_case()
    with db.write() as s:
        exchange.import_document(session=s, document=doc)
    with db.read() as s:
        pid = s.scalar(sa.select(Patient.id).where(Patient.mrn == entry["patient"]["mrn"]))
        meds = s.execute(
            sa.select(Medication.stopped_on, Medication.stop_reason, Medication.alt_due_on).where(
                Medication.patient_id == pid
            )
        ).all()
        plans = s.scalars(sa.select(TherapyPlan.active).where(TherapyPlan.patient_id == pid)).all()
        sessions = s.execute(
            sa.select(TherapySession.scheduled_on, TherapySession.status).where(TherapySession.patient_id == pid)
        ).all()
        others = s.scalar(
            sa.select(sa.func.count()).select_from(Medication).where(Medication.stopped_on.is_(None))
        )  # living patients' courses run on
    assert meds and all(m == (died, f"Died on {died}", None) for m in meds)
    assert plans and not any(plans)
    after = [status for on, status in sessions if on >= died]
    assert "scheduled" not in after and "cancelled" in after  # (what was recorded as attended stays so)
    assert any(on < died and status != "cancelled" for on, status in sessions)
    assert others


def test_an_imported_course_started_after_death_is_refused_by_its_path(db) -> None:  # type: ignore[no-untyped-def]
    from alsdesk import exchange

    doc, k, entry, died = imported_death_case()
    entry["records"]["medication"][0]["started_on"] = (died + timedelta(days=1)).isoformat()
    code = entry["records"]["medication"][0]["drug_code"]
    with pytest.raises(DomainError) as err, db.write() as s:
        exchange.import_document(session=s, document=doc)
    assert str(err.value) == (
        f"patients[{k}].records.medication[0].started_on: {code} was started on {died + timedelta(days=1)}, "
        f"after the date of death ({died}): correct the date of death or that prescription first."
    )
