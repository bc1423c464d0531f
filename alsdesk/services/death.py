"""What a recorded death ends: the patient's medications and therapy plans stop on the date of death."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.models import Drug, Medication, Patient, TherapyPlan, TherapySession
from alsdesk.services.common import Changes
from alsdesk.services.medications import died_text, refresh_alt_due


def died_reason(death_date: date) -> str:
    """The stop reason a course or plan ended by death keeps, in English (medications.died_text;
    the window shows it in its language through medications.shown_stop_reason)."""
    return str(died_text(death_date))


def course_stop_at_death(drug: str, started_on: date, stopped_on: date | None, death: date) -> date | None:
    """The date a course must stop on for a patient who died on `death`: the date of death when
    it runs on or after it (not stopped, or stopped later), None when it ended before. A course
    started after the date of death is refused, naming `drug`: a contradiction to correct first."""
    if stopped_on is not None and stopped_on <= death:
        return None
    if started_on > death:
        raise DomainError(
            "{drug} was started on {started}, after the date of death ({death}): correct the date of death or "
            "that prescription first.",
            drug=drug,
            started=started_on,
            death=death,
        )
    return death


def session_cancelled_at_death(status: str, scheduled_on: date, death: date) -> bool:
    """Whether death cancels a therapy session: one still scheduled on or after the date of death."""
    return status == "scheduled" and scheduled_on >= death


def end_care_at_death(session: Session, patient: Patient) -> Changes:
    """End what still runs after a deceased patient's date of death: each medication course
    running on or after it stops on it (reason "died on …"), and each active therapy plan ends on
    it, its sessions scheduled from that day on cancelled; courses and plans that started before
    death included. Nothing already ended before death is touched.

    domain.md "Death": from the date of death medications and therapy plans end on it and
    nothing more falls due. Entry (services.patients.update_patient) calls this when a patient is
    recorded as deceased or their date of death changes; migration 0014 applied the same rule,
    frozen, to databases of earlier versions. Called inside the caller's permission check.
    """
    death = patient.death_date
    if patient.status != "deceased" or death is None:
        return Changes()
    running = list(
        session.scalars(
            sa.select(Medication)
            .where(
                Medication.patient_id == patient.id,
                sa.or_(Medication.stopped_on.is_(None), Medication.stopped_on > death),
            )
            .order_by(Medication.started_on)
        )
    )
    late = next((m for m in running if m.started_on > death), None)
    if late is not None:
        drug = session.scalar(sa.select(Drug.name).where(Drug.code == late.drug_code)) or late.drug_code
        course_stop_at_death(drug, late.started_on, late.stopped_on, death)  # refuses it, naming the drug
    for m in running:
        m.stopped_on = course_stop_at_death(m.drug_code, m.started_on, m.stopped_on, death)
        m.stop_reason = died_reason(death)
    plans = list(
        session.scalars(sa.select(TherapyPlan).where(TherapyPlan.patient_id == patient.id, TherapyPlan.active))
    )
    for plan in plans:
        plan.active = False
    from_death = (  # session_cancelled_at_death, in SQL
        TherapySession.patient_id == patient.id,
        TherapySession.status == "scheduled",
        TherapySession.scheduled_on >= death,
    )
    cancelled = session.execute(sa.select(TherapySession.id).where(*from_death).limit(1)).first() is not None
    if cancelled:
        session.execute(
            sa.update(TherapySession).where(*from_death).values(status="cancelled", version=TherapySession.version + 1)
        )
    session.flush()
    if running:
        refresh_alt_due(session, patient.id)
    return Changes(medications=bool(running), schedule=bool(plans or cancelled))
