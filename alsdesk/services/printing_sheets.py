"""Data for the family's papers (handout, checklist) and the visit papers (visit report, ALSFRS-R form)."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Sequence
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk import printdata as pd
from alsdesk.errors import DomainError, NotFoundError
from alsdesk.i18n.labels import code_text
from alsdesk.i18n.values import Name
from alsdesk.models import Medication, Patient, Referral, TherapySession, Workup
from alsdesk.services import catalogs, interventions, restricted
from alsdesk.services import messages as msg
from alsdesk.services.access import requires
from alsdesk.services.catalogs import INVESTIGATIONAL_WARNING
from alsdesk.services.chart import Chart, patient_chart
from alsdesk.services.common import as_uuid
from alsdesk.services.medications import on_riluzole
from alsdesk.services.patients import PatientView, view
from alsdesk.services.printing import (
    MEASURES,
    PrintOptions,
    alsfrs_score,
    appointments,
    clinic_info,
    key_worker,
    make_header,
    measure,
    progression,
)
from alsdesk.services.programs import EnrollmentView, list_enrollments
from alsdesk.services.restricted import fetch_patient
from alsdesk.services.setting_values import load_setting
from alsdesk.services.worklist import ACTIVE_STATUSES, next_reassessment

HANDOUT_WEEKS = 8  # "the care plan for the coming weeks": two months of appointments
EDUCATION_KINDS = ("education", "counselling", "shared_decision", "advance_care_plan")


def program_sheet(e: EnrollmentView, lang: str) -> pd.ProgramSheet:
    """An enrollment in the reader's language; a text without a translation prints in English."""
    zh = lang == "zh_CN"
    return pd.ProgramSheet(
        enrollment_id=str(e.id),
        name=(e.name_zh if zh and e.name_zh else e.name_en),
        instructions=(e.instructions_zh if zh and e.instructions_zh else e.instructions),
        diet_restrictions=(e.diet_restrictions_zh if zh and e.diet_restrictions_zh else e.diet_restrictions),
        items=tuple(i.zh if zh and i.zh else i.en for i in e.items),
        start_date=e.start_date,
        dates=tuple(e.dates()),
        investigational=e.investigational,
        warning=INVESTIGATIONAL_WARNING.get(lang, INVESTIGATIONAL_WARNING["en"]) if e.investigational else "",
        readings=tuple(i.reading for i in e.items),
    )


@requires("patient.read")
def handout_data(
    *, session: Session, patient_id: uuid.UUID | str, options: PrintOptions = PrintOptions()
) -> pd.HandoutData:
    """The family handout: coming appointments and care, medicines, what was taught, active programs."""
    c = patient_chart(session=session, patient_id=patient_id)
    header = make_header(session=session, p=c.patient, options=options)
    on = options.reference_day
    riluzole = on_riluzole(session=session, patient_id=c.patient.id, on=on)
    workups = catalogs.workup_type_names_both(session=session)
    return handout_from_chart(c, session=session, header=header, riluzole=riluzole, on=on, workups=workups)


def handout_from_chart(
    c: Chart, *, session: Session, header: pd.Header, riluzole: bool, on: date, workups: dict[str, Name]
) -> pd.HandoutData:
    """The handout for appointments from `on` (the print day, or the visit day of a batch)."""
    refuse_if_deceased(c.patient)
    lang = header.lang
    until = on + timedelta(weeks=HANDOUT_WEEKS)
    visits = [(a.assessed_on, a.items) for a in c.assessments]
    in_place = interventions.in_place([(m.kind, m.occurred_on) for m in c.milestones], visits, on)
    return pd.HandoutData(
        header=header,
        appointments=appointments(c, on, lang, workups, until),
        therapies=tuple(
            pd.Appointment(plan.start_date, plan.discipline, plan.title) for plan in c.plans if plan.active
        ),
        medications=tuple(pd.Line(None, m.drug_label(lang), m.dose_text(lang)) for m in c.medications if m.active),
        education=tuple(
            pd.Line(n.occurred_on, n.topic or code_text(n.kind, lang)) for n in c.notes if n.kind in EDUCATION_KINDS
        )[-8:],
        programs=tuple(program_sheet(e, lang) for e in c.enrollments if e.running(on)),
        clinic_phone=header.clinic.phone,
        on_riluzole=riluzole,
        key_worker=key_worker(session=session, p=c.patient),
        in_place=tuple(i.kind for i in in_place),
        nil_by_mouth=interventions.nil_by_mouth(visits, on),
        due=falling_due(session, c, lang, on, until),
    )


def falling_due(session: Session, c: Chart, lang: str, on: date, until: date) -> tuple[pd.Due, ...]:
    """The reassessment and the liver (ALT) tests due by `until`, as the worklist will list them
    (worklist.next_reassessment, Medication.alt_due_on); one already due prints as due on `on`."""
    found = []
    interval = int(load_setting(session=session, key="reassessment_days"))
    scored = [a.assessed_on for a in c.assessments if a.scores is not None]
    p = c.patient
    reassess = next_reassessment(p.status, p.diagnosis_date, scored[-1] if scored else None, interval)
    if reassess is not None and reassess <= until:
        found.append(pd.Due(max(reassess, on), "reassessment"))
    names = {m.id: m.drug_label(lang) for m in c.medications if m.active}
    courses = sa.select(Medication.id, Medication.alt_due_on).where(
        Medication.patient_id == p.id, Medication.alt_due_on <= until
    )
    for course, due in session.execute(courses) if names else ():
        if course in names and due is not None:
            found.append(pd.Due(max(due, on), "alt", names[course]))
    return tuple(sorted(found, key=lambda d: (d.on, d.kind)))


def refuse_if_deceased(p: PatientView) -> None:
    """Family papers are not printed for a patient recorded as deceased (a painful mistake to post)."""
    if p.status == "deceased":
        raise DomainError("Patient {mrn} is recorded as deceased; papers for the family are not printed.", mrn=p.mrn)


def pick_enrollment(
    mrn: str, enrollments: Sequence[EnrollmentView], enrollment_id: uuid.UUID | str | None, on: date
) -> EnrollmentView:
    """The named enrollment of this patient, or the patient's only running one on `on` (the print
    day). A checklist is for days to come: none is printed once its program has ended
    (programs.enrollment_state), and the refusal names the program and its last day."""
    if enrollment_id is not None:
        wanted = as_uuid(enrollment_id, "enrollment")
        found = next((e for e in enrollments if e.id == wanted), None)
        if found is None:
            raise NotFoundError(
                "Patient {mrn} has no program enrollment with the ID {value}.", mrn=mrn, value=enrollment_id
            )
        if on > found.end_date:
            raise DomainError(
                "The {program} program ended on {date}: no checklist is printed for days after its end.",
                program=found.name_en,
                date=found.end_date,
            )
        return found
    active = [e for e in enrollments if e.running(on)]
    if not active:
        raise NotFoundError("Patient {mrn} has no active care program to print a checklist for.", mrn=mrn)
    if len(active) > 1:
        ids = ", ".join(f"{e.id} ({e.name_en})" for e in active)
        raise DomainError(
            "Patient {mrn} has {count} active programs; choose one: {ids}.", mrn=mrn, count=len(active), ids=ids
        )
    return active[0]


@requires("patient.read")
def checklist_data(
    *,
    session: Session,
    patient_id: uuid.UUID | str,
    enrollment_id: uuid.UUID | str | None = None,
    options: PrintOptions = PrintOptions(),
) -> pd.ChecklistData:
    # Only the patient and the enrollments: a checklist needs no chart (half its time was the chart).
    p = view(fetch_patient(session, patient_id))
    refuse_if_deceased(p)
    enrollments = list_enrollments(session=session, patient_id=p.id)
    enrollment = pick_enrollment(p.mrn, enrollments, enrollment_id, options.reference_day)
    header = make_header(session=session, p=p, options=options)
    return pd.ChecklistData(header, program_sheet(enrollment, header.lang))


@requires("patient.read")
def visit_data(
    *,
    session: Session,
    patient_id: uuid.UUID | str,
    assessed_on: date | None = None,
    options: PrintOptions = PrintOptions(),
) -> pd.VisitData:
    """The visit on `assessed_on` (default: the latest visit), compared with the previous ALSFRS-R."""
    c = patient_chart(session=session, patient_id=patient_id)
    visits = [a for a in c.assessments if assessed_on is None or a.assessed_on == assessed_on]
    if not visits:
        if assessed_on:
            raise NotFoundError("Patient {mrn} has no visit recorded on {date}.", mrn=c.patient.mrn, date=assessed_on)
        raise NotFoundError("Patient {mrn} has no visit recorded at all.", mrn=c.patient.mrn)
    visit = visits[-1]
    earlier = [s for s in (alsfrs_score(a) for a in c.assessments if a.assessed_on < visit.assessed_on) if s]
    header = make_header(session=session, p=c.patient, options=options)
    lang = header.lang
    measures = [
        pd.Line(None, measure(lang, field, getattr(visit, field)))
        for field in MEASURES
        if getattr(visit, field) is not None
    ]
    if visit.bmi is not None:
        measures.append(pd.Line(None, msg.text(msg.MEASURE_BMI, value=f"{visit.bmi:.1f}").text(lang)))
    return pd.VisitData(
        header=header,
        score=alsfrs_score(visit),
        previous=earlier[-1] if earlier else None,
        measures=tuple(measures),
        note=visit.note,
        alerts=tuple(
            pd.AlertLine(a.raised_on, a.message.text(lang), a.status, a.closed_reason, a.closed_on)
            for a in c.alerts
            if a.raised_on == visit.assessed_on
        ),
        assessed_on=visit.assessed_on,
        progression=progression(c, visit.assessed_on),
        death_date=c.patient.death_date,
    )


@requires("patient.read")
def form_data(
    *, session: Session, patient_id: uuid.UUID | str | None = None, options: PrintOptions = PrintOptions()
) -> pd.FormData:
    """A blank ALSFRS-R form, with the patient's identity when one is given."""
    p = view(fetch_patient(session, patient_id)) if patient_id is not None else None
    if p is None and options.lang is None:
        options = dataclasses.replace(options, lang="en")
    return pd.FormData(make_header(session=session, p=p, options=options))


@requires("patient.read")
def patients_with_appointments(*, session: Session, on: date) -> list[uuid.UUID]:
    """Active patients with a therapy session, referral appointment or workup on `on`, by MRN."""
    ids = sa.union(
        sa.select(TherapySession.patient_id).where(
            TherapySession.scheduled_on == on, TherapySession.status == "scheduled"
        ),
        sa.select(Referral.patient_id).where(Referral.appointment_on == on),
        sa.select(Workup.patient_id).where(Workup.scheduled_for == on, Workup.status == "scheduled"),
    ).subquery()
    stmt = (
        sa.select(Patient.id)
        .where(
            Patient.id.in_(sa.select(ids.c.patient_id)), Patient.status.in_(ACTIVE_STATUSES), sa.not_(Patient.archived)
        )
        .order_by(Patient.mrn)
    )
    found = list(session.scalars(stmt))
    shut = restricted.hidden(session, found)  # a day's batch leaves out records its printer may not open
    return [pid for pid in found if pid not in shut]


def patient_day_documents(
    *, session: Session, patient_id: uuid.UUID, on: date, options: PrintOptions, clinic_profile: pd.Clinic
) -> list[pd.HandoutData | pd.ChecklistData]:
    """One patient's part of a day batch: the handout, then a checklist sheet per active program."""
    c = patient_chart(session=session, patient_id=patient_id)
    header = make_header(session=session, p=c.patient, options=options, clinic_profile=clinic_profile)
    riluzole = on_riluzole(session=session, patient_id=patient_id, on=on)
    workups = catalogs.workup_type_names_both(session=session)
    documents: list[pd.HandoutData | pd.ChecklistData] = [
        handout_from_chart(c, session=session, header=header, riluzole=riluzole, on=on, workups=workups)
    ]
    documents += [pd.ChecklistData(header, program_sheet(e, header.lang)) for e in c.enrollments if e.running(on)]
    return documents


@requires("patient.read")
def day_batch(
    *, session: Session, on: date, options: PrintOptions = PrintOptions()
) -> list[pd.HandoutData | pd.ChecklistData]:
    """For the patients seen on `on`: a handout each, then a checklist sheet per active program."""
    documents: list[pd.HandoutData | pd.ChecklistData] = []
    profile = clinic_info(session=session, paper=options.paper)
    for pid in patients_with_appointments(session=session, on=on):
        documents += patient_day_documents(
            session=session, patient_id=pid, on=on, options=options, clinic_profile=profile
        )
    return documents
