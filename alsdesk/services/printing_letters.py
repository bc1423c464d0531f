"""Data for the letters after a visit and before an appointment (issue 13 item 7): the clinic letter
to the GP with the patient's plain copy, and the family's letter for the next appointment."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk import printdata as pd
from alsdesk.errors import DomainError, NotFoundError
from alsdesk.models import Assessment, ClinicalNote
from alsdesk.services import catalogs
from alsdesk.services.access import requires
from alsdesk.services.chart import Chart, patient_chart
from alsdesk.services.medications import shown_stop_reason
from alsdesk.services.printing import (
    PrintOptions,
    allergy_record,
    alsfrs_score,
    appointments,
    diagnosis,
    in_place_on,
    key_worker,
    latest_labs,
    latest_measures,
    letter_options,
    make_header,
    patient_contacts,
    staff_member,
)
from alsdesk.services.printing_sheets import HANDOUT_WEEKS, falling_due, refuse_if_deceased
from alsdesk.services.setting_values import load_setting
from alsdesk.services.worklist import next_reassessment


def visit_days(c: Chart, until: date) -> list[date]:
    """The days the patient was seen up to `until`: a day with an assessment (a scored ALSFRS-R or
    measurements only) or a clinical note."""
    days = {a.assessed_on for a in c.assessments} | {n.occurred_on for n in c.notes}
    return sorted(d for d in days if d <= until)


def change(c: Chart, field: str, before: date | None, now: date) -> pd.Change:
    """The latest value of `field` up to the visit before and up to this visit, with their days."""

    def latest(until: date | None) -> tuple[date, float] | tuple[None, None]:
        if until is None:  # a first visit has no visit before
            return None, None
        found = [(a.assessed_on, getattr(a, field)) for a in c.assessments if a.assessed_on <= until]
        found = [x for x in found if x[1] is not None]
        return found[-1] if found else (None, None)

    before_on, before_value = latest(before)
    now_on, now_value = latest(now)
    return pd.Change(before_value, now_value, before_on, now_on)


def without_review(due: tuple[pd.Due, ...]) -> tuple[pd.Due, ...]:
    """The tests due as of the visit; the reassessment is the letter's next review, said once."""
    return tuple(d for d in due if d.kind != "reassessment")


def signer_of(session: Session, c: Chart, on: date) -> pd.StaffMember | None:
    """Who saw the patient that day (the assessment's, else a note's staff member), else the key worker."""
    for model, day in ((Assessment, Assessment.assessed_on), (ClinicalNote, ClinicalNote.occurred_on)):
        query = sa.select(model.staff_id).where(
            model.patient_id == c.patient.id, day == on, model.staff_id.is_not(None)
        )
        staff_id = session.scalars(query.limit(1)).first()
        if staff_id is not None:
            return staff_member(session=session, staff_id=staff_id)
    return key_worker(session=session, p=c.patient)


@requires("patient.read")
def gp_letter_data(
    *,
    session: Session,
    patient_id: uuid.UUID | str,
    visit_on: date | None = None,
    options: PrintOptions = PrintOptions(),
) -> pd.GpLetterData:
    """The letter after the visit on `visit_on` (default: the latest up to the print day): what changed
    since the visit before, what the GP and the patient are to do and the next review, with a plain
    copy in the patient's language. Refused in words when there is no such visit."""
    c = patient_chart(session=session, patient_id=patient_id)
    mrn = c.patient.mrn
    days = visit_days(c, max(options.day, visit_on or options.day))
    if visit_on is not None and visit_on not in days:
        raise NotFoundError("Patient {mrn} has no visit recorded on {date}.", mrn=mrn, date=visit_on)
    if not days:
        raise NotFoundError("Patient {mrn} has no visit recorded at all; no GP letter is printed.", mrn=mrn)
    on = visit_on or days[-1]
    before = max((d for d in days if d < on), default=None)
    header = make_header(session=session, p=c.patient, options=letter_options(session, options))
    plain_options = dataclasses.replace(options, lang=None)  # the patient's language
    plain = make_header(session=session, p=c.patient, options=plain_options, clinic_profile=header.clinic)
    lang = header.lang
    scores = [s for s in (alsfrs_score(a) for a in c.assessments if a.assessed_on <= on) if s is not None]
    earlier = [s for s in scores if before is not None and s.on <= before]
    weights = [pd.Weighed(a.assessed_on, a.weight_kg) for a in c.assessments if a.assessed_on <= on and a.weight_kg]
    was = dict(in_place_on(c, before)) if before is not None else {}
    since = date.min if before is None else before + timedelta(days=1)
    interval = int(load_setting(session=session, key="reassessment_days"))
    p = c.patient
    until = on + timedelta(weeks=HANDOUT_WEEKS)
    workups = catalogs.workup_type_names_both(session=session)
    started = [m for m in c.medications if since <= m.started_on <= on]
    stopped = [m for m in c.medications if m.stopped_on is not None and since <= m.stopped_on <= on]
    return pd.GpLetterData(
        header=header,
        plain_header=plain,
        visit_on=on,
        previous_on=before,
        diagnosis=diagnosis(c),
        contacts=patient_contacts(p),
        allergies=allergy_record(session, p.id),
        in_place=in_place_on(c, on),
        first_weight=weights[0] if len(weights) > 1 else None,
        latest_weight=weights[-1] if weights else None,
        score=scores[-1] if scores else None,
        previous_score=earlier[-1] if earlier else None,
        fvc=change(c, "fvc_percent", before, on),
        weight=change(c, "weight_kg", before, on),
        started=tuple(pd.Line(m.started_on, m.drug_label(lang), m.dose_text(lang)) for m in started),
        stopped=tuple(pd.Line(m.stopped_on, m.drug_label(lang), shown_stop_reason(m).text(lang)) for m in stopped),
        new_interventions=tuple(kind for kind, _ in in_place_on(c, on) if kind not in was),
        latest_measures=latest_measures([a for a in c.assessments if a.assessed_on <= on], lang),
        labs=latest_labs(c, on),
        medications=tuple(
            pd.Line(m.started_on, m.drug_label(lang), m.dose_text(lang))
            for m in c.medications
            if m.started_on <= on and (m.stopped_on is None or m.stopped_on > on)
        ),
        alerts=tuple(pd.Line(a.raised_on, a.message.text(lang)) for a in c.open_alerts if a.raised_on <= on),
        due=without_review(falling_due(session, c, lang, on, until)),
        next_review=next_reassessment(p.status, p.diagnosis_date, scores[-1].on if scores else None, interval),
        signer=signer_of(session, c, on),
        coming=appointments(c, on + timedelta(days=1), plain.lang, workups, until),
        plain_due=without_review(falling_due(session, c, plain.lang, on, until)),
        plain_started=tuple(m.drug_label(plain.lang) for m in started),
        plain_stopped=tuple(m.drug_label(plain.lang) for m in stopped),
    )


def pick_appointment(mrn: str, coming: tuple[pd.Appointment, ...], wanted: uuid.UUID | str | None) -> pd.Appointment:
    """The first coming appointment, or the one whose record ID is `wanted` or starts with it."""
    if wanted is None:
        if not coming:
            raise NotFoundError("Patient {mrn} has no upcoming appointment; no appointment letter is printed.", mrn=mrn)
        return coming[0]
    key = str(wanted).strip().lower()
    found = [a for a in coming if a.record_id.startswith(key) or a.record_id.replace("-", "").startswith(key)]
    if not key or not found:
        raise NotFoundError(
            "Patient {mrn} has no upcoming appointment with the ID {value}.", mrn=mrn, value=str(wanted)
        )
    if len({a.record_id for a in found}) > 1:
        raise DomainError(
            "The ID {value} starts {count} upcoming appointments of patient {mrn}; give more of it.",
            value=str(wanted),
            count=len(found),
            mrn=mrn,
        )
    return found[0]


@requires("patient.read")
def appointment_data(
    *,
    session: Session,
    patient_id: uuid.UUID | str,
    appointment_id: uuid.UUID | str | None = None,
    options: PrintOptions = PrintOptions(),
) -> pd.AppointmentData:
    """The next coming appointment from the print day (a therapy session, a referral appointment or
    a scheduled workup, as the handout lists them), or the one named. Refused for a deceased patient."""
    c = patient_chart(session=session, patient_id=patient_id)
    refuse_if_deceased(c.patient)
    header = make_header(session=session, p=c.patient, options=options)
    workups = catalogs.workup_type_names_both(session=session)
    coming = appointments(c, options.reference_day, header.lang, workups)
    chosen = pick_appointment(c.patient.mrn, coming, appointment_id)
    clinic = header.clinic
    at_clinic = "\n".join(x for x in (clinic.name, clinic.address_in(header.lang)) if x)
    return pd.AppointmentData(
        header=header,
        appointment=chosen,
        place=chosen.place or (chosen.detail if chosen.source == "referral" else "") or at_clinic,
        language=c.patient.language,
        interpreter_needed=c.patient.interpreter_needed,
    )
