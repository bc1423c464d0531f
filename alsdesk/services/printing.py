"""What each printed document shows, gathered from the chart as plain data (alsdesk.printdata)."""

# ReportLab is deliberately not imported here: the window imports services at start-up, and
# ReportLab costs about 0.4 s; only alsdesk.reports imports it, when something is printed.

from __future__ import annotations

import dataclasses
import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk import printdata as pd
from alsdesk.errors import DomainError, NotFoundError
from alsdesk.formats import PAPERS
from alsdesk.i18n import translate
from alsdesk.i18n.labels import code_text
from alsdesk.i18n.values import Days, Name
from alsdesk.models import Referral, Staff
from alsdesk.services import allergies, catalogs, clinic, interventions, scoring, stages, worklist
from alsdesk.services import messages as msg
from alsdesk.services.access import requires
from alsdesk.services.assessments import AssessmentView
from alsdesk.services.chart import Chart, patient_chart
from alsdesk.services.common import as_uuid
from alsdesk.services.patients import PatientView
from alsdesk.vocab import LANGUAGES

log = logging.getLogger(__name__)

OPEN_WORKUP = ("planned", "ordered", "scheduled", "performed", "resulted")
OPEN_REFERRAL = ("draft", "sent", "received", "accepted", "scheduled")
SUMMARY_APPOINTMENTS = 12


@dataclass(frozen=True)
class PrintOptions:
    """How to print: None picks the default (the patient's language, or the clinic's letter language
    for a letter to clinicians; the clinic's paper; today)."""

    lang: str | None = None
    paper: str | None = None
    printed_by: str = ""
    printed_on: date | None = None
    as_of: date | None = None  # the day "coming appointments" count from (a batch for tomorrow)

    @property
    def day(self) -> date:
        return self.printed_on or date.today()

    @property
    def reference_day(self) -> date:
        return self.as_of or self.day


def clinic_info(*, session: Session, paper: str | None = None) -> pd.Clinic:
    c = clinic.get_clinic(session=session)
    if c is None:
        log.warning('no clinic profile is set: documents print "ALS clinic" as the clinic name')
        return pd.Clinic(name="ALS clinic", paper=paper or "a4")
    return pd.Clinic(
        c.name,
        c.address,
        c.phone,
        paper or c.paper_size,
        c.logo_png,
        c.emergency_phone,
        c.out_of_hours_phone,
        c.opening_hours,
        c.opening_hours_zh,
        c.address_zh,
        c.getting_here,
        c.getting_here_zh,
    )


_STAFF_MEMBER = sa.select(Staff.display_name, Staff.job_title, Staff.phone, Staff.discipline, Staff.job_title_zh)


def staff_member(*, session: Session, staff_id: uuid.UUID | None) -> pd.StaffMember | None:
    """A key worker or signer as documents print them, or None: the five columns in one query
    (the ORM row loads phone and job title in a second one, and a batch prints a thousand)."""
    if staff_id is None:
        return None
    row = session.execute(_STAFF_MEMBER.where(Staff.id == staff_id)).first()
    return None if row is None else pd.StaffMember(*row)


def key_worker(*, session: Session, p: PatientView) -> pd.StaffMember | None:
    """The patient's key worker as family papers name them: one of this clinic's own staff. A
    transferred patient's key worker at the sending clinic (until one is chosen here) is not whom
    these papers send the family to, so they then give the clinic's own numbers alone."""
    if p.responsible_staff_id is None:
        return None
    local = _STAFF_MEMBER.where(Staff.id == p.responsible_staff_id, Staff.site_id == "")
    row = session.execute(local).first()
    return None if row is None else pd.StaffMember(*row)


def person(p: PatientView) -> pd.Person:
    return pd.Person(str(p.id), p.mrn, p.family_name, p.given_name, p.name_zh, p.birth_date, p.sex)


def check_lang(lang: str | None, p: PatientView | None) -> str:
    lang = lang or (p.language if p is not None else "en")
    if lang not in LANGUAGES:
        raise DomainError("Language must be one of {allowed}, not {value!r}.", allowed=LANGUAGES, value=lang)
    return lang


def make_header(
    *, session: Session, p: PatientView | None, options: PrintOptions, clinic_profile: pd.Clinic | None = None
) -> pd.Header:
    """Page chrome for one document; a batch passes the clinic it fetched once."""
    if options.paper is not None and options.paper not in PAPERS:
        raise DomainError("Paper size must be a4 or letter, not {value!r}.", value=options.paper)
    c = clinic_profile or clinic_info(session=session, paper=options.paper)
    lang = check_lang(options.lang, p)
    return pd.Header(c, person(p) if p else None, lang, options.day, options.printed_by, c.paper)


def alsfrs_score(a: AssessmentView) -> pd.AlsfrsScore | None:
    if a.items is None or a.scores is None:
        return None
    s = a.scores
    band = scoring.delta_fs_band(s.delta_fs) if s.delta_fs is not None else None
    return pd.AlsfrsScore(a.assessed_on, dict(a.items), s.total, dict(s.subscores), s.delta_fs, band, s.kings, s.mitos)


def progression(c: Chart, until: date | None = None) -> pd.Progression:
    """ΔFS at diagnosis and the latest slope from the visits up to `until` (default: all)."""
    at_dx = c.delta_fs_at_diagnosis(until)
    slope = c.latest_slope(until)
    return pd.Progression(
        at_diagnosis=at_dx[1] if at_dx else None,
        at_diagnosis_band=scoring.delta_fs_band(at_dx[1]) if at_dx else None,
        at_diagnosis_on=at_dx[0] if at_dx else None,
        slope=slope[2] if slope else None,
        slope_from=slope[0] if slope else None,
        slope_to=slope[1] if slope else None,
    )


def diagnosis(c: Chart) -> pd.Diagnosis:
    p = c.patient
    findings = tuple(
        pd.Line(
            f.examined_on,
            f.region,
            "(" + ", ".join(n for n, v in (("UMN", f.umn), ("LMN", f.lmn), ("EMG", f.emg_lmn)) if v) + ")",
        )
        for f in c.findings
        if f.umn or f.lmn or f.emg_lmn
    )
    return pd.Diagnosis(
        p.status,
        p.onset_date,
        p.onset_region,
        p.diagnosis_date,
        p.el_escorial,
        p.awaji_applied,
        p.gold_coast_met,
        p.family_history,
        p.genetics,
        findings,
        p.death_date,
    )


# A document's texts are worded here, in the document's language (header.lang): printdata carries
# finished text, so the reports only lay it out. Coded values print as their words, never as codes.

# A visit's measurements as documents print them (services/messages.py words each line).
MEASURES = {
    "fvc_percent": msg.MEASURE_FVC,
    "snip_cmh2o": msg.MEASURE_SNIP,
    "spo2_percent": msg.MEASURE_SPO2,
    "weight_kg": msg.MEASURE_WEIGHT,
    "height_cm": msg.MEASURE_HEIGHT,
}
LATEST_MEASURES = ("fvc_percent", "snip_cmh2o", "spo2_percent", "weight_kg")


def measure(lang: str, field: str, value: float) -> str:
    """One measurement line: "FVC 71 % predicted", "体重 57.5 kg"."""
    return msg.text(MEASURES[field], value=f"{value:g}").text(lang)


def codes(lang: str, *values: str) -> str:
    """Stored codes in words, listed with the language's separator: "Urgent, Sent" / "紧急、已发送"."""
    return translate(lang, ", ", "list").join(code_text(v, lang) for v in values if v)


def latest_measures(visits: Sequence[AssessmentView], lang: str) -> tuple[pd.Line, ...]:
    """The latest value of each respiratory and weight measurement, with its own date."""
    lines = []
    for field in LATEST_MEASURES:
        found = next((a for a in reversed(visits) if getattr(a, field) is not None), None)
        if found is not None:
            lines.append(pd.Line(found.assessed_on, measure(lang, field, getattr(found, field))))
    return tuple(lines)


def _series(c: Chart, field: str) -> tuple[pd.Measure, ...]:
    return tuple(pd.Measure(a.assessed_on, getattr(a, field)) for a in c.assessments if getattr(a, field) is not None)


NO_TIME = time(0)  # what an untimed appointment sorts by after the timed ones of its day


def appointments(
    c: Chart, on: date, lang: str, workups: dict[str, Name], until: date | None = None
) -> tuple[pd.Appointment, ...]:
    """Therapy sessions, referral appointments and scheduled workups from `on` (to `until`), each
    with its start time when known and a workup with its place; a workup by its catalog name in
    `lang` (`workups`: catalogs.workup_type_names_both)."""
    found = []
    for plan in c.plans:
        for s in plan.sessions:
            if s.status == "scheduled" and s.scheduled_on >= on:
                found.append(
                    pd.Appointment(s.scheduled_on, plan.discipline, plan.title, str(s.id), "therapy", s.scheduled_time)
                )
    for r in c.referrals:
        if r.appointment_on and r.appointment_on >= on and r.status in OPEN_REFERRAL:
            found.append(
                pd.Appointment(
                    r.appointment_on, r.to_specialty, r.to_facility, str(r.id), "referral", r.appointment_time
                )
            )
    for w in c.workups:
        if w.status == "scheduled" and w.scheduled_for and w.scheduled_for >= on:
            name = workup_name(workups, w.type_code, lang)
            found.append(
                pd.Appointment(w.scheduled_for, "neurology", name, str(w.id), "workup", w.scheduled_time, w.place)
            )
    found = [a for a in found if until is None or a.on <= until]
    # By day, then time (a timed one before an untimed one on the same day), then discipline.
    return tuple(sorted(found, key=lambda a: (a.on, a.at is None, a.at or NO_TIME, a.discipline)))


def workup_name(names: dict[str, Name], type_code: str, lang: str) -> str:
    """A workup type's catalog name in `lang`; a type gone from the catalog by its code in words."""
    found = names.get(type_code)
    return found.text(lang) if found else code_text(type_code, lang)


def therapy_course(lang: str, interval_days: int, attended: int, count: int) -> str:
    """ "every 14 days, 5 of 5 sessions attended" in `lang`."""
    return msg.text(msg.THERAPY_COURSE, interval=Days(interval_days), attended=attended, count=count).text(lang)


@requires("patient.read")
def summary_data(
    *,
    session: Session,
    patient_id: uuid.UUID | str,
    options: PrintOptions = PrintOptions(),
) -> pd.SummaryData:
    """Identity, diagnosis, stage, trends and care in progress; upcoming means from the print day."""
    c = patient_chart(session=session, patient_id=patient_id)
    names = catalogs.workup_type_names_both(session=session)
    scores = tuple(s for s in (alsfrs_score(a) for a in c.assessments) if s is not None)
    header = make_header(session=session, p=c.patient, options=options)
    lang = header.lang
    now = stages.chart_stage_now(c, options.day)
    # After death nothing more falls due: no appointment is printed as coming.
    coming = () if c.patient.death_date is not None else appointments(c, options.reference_day, lang, names)
    return pd.SummaryData(
        header=header,
        diagnosis=diagnosis(c),
        alsfrs=scores,
        fvc=_series(c, "fvc_percent"),
        weight=_series(c, "weight_kg"),
        weight_change_percent=c.weight_change_percent,
        latest_measures=latest_measures(c.assessments, lang),
        alerts=tuple(pd.Line(a.raised_on, a.message.text(lang)) for a in c.open_alerts),
        medications=tuple(
            pd.Line(m.started_on, m.drug_label(lang), m.dose_text(lang)) for m in c.medications if m.active
        ),
        therapies=tuple(
            pd.Line(
                p.start_date,
                msg.text(msg.THERAPY_PLAN, discipline=code_text(p.discipline, lang), title=p.title).text(lang),
                therapy_course(lang, p.interval_days, sum(s.status == "attended" for s in p.sessions), len(p.sessions)),
            )
            for p in c.plans
            if p.active
        ),
        workups=tuple(
            pd.Line(w.due_date or w.ordered_on, workup_name(names, w.type_code, lang), codes(lang, w.status))
            for w in c.workups
            if w.status in OPEN_WORKUP
        ),
        referrals=tuple(
            pd.Line(
                r.referral_date,
                f"{code_text(r.to_specialty, lang)} {r.to_facility}".strip(),
                codes(lang, r.urgency, r.status),
            )
            for r in c.referrals
            if r.status in OPEN_REFERRAL
        ),
        appointments=coming[:SUMMARY_APPOINTMENTS],
        milestones=tuple(pd.Line(m.occurred_on, code_text(m.kind, lang), m.note) for m in c.milestones),
        programs=tuple(
            pd.Line(e.start_date, Name(e.name_en, e.name_zh).text(lang), codes(lang, e.evidence_level, e.status))
            for e in c.enrollments
            if e.running(options.reference_day)
        ),
        progression=progression(c),
        kings_now=now.kings,
        mitos_now=now.mitos,
    )


def latest_referral_id(c: Chart) -> uuid.UUID:
    if not c.referrals:
        raise NotFoundError("Patient {mrn} has no referrals to print.", mrn=c.patient.mrn)
    return max(c.referrals, key=lambda r: (r.referral_date, str(r.id))).id


@requires("patient.read")
def referral_data(
    *,
    session: Session,
    patient_id: uuid.UUID | str,
    referral_id: uuid.UUID | str | None = None,
    options: PrintOptions = PrintOptions(),
) -> pd.ReferralData:
    """The letter for one referral (default: the patient's latest) with the history a specialist needs."""
    c = patient_chart(session=session, patient_id=patient_id)
    wanted = as_uuid(referral_id, "referral") if referral_id is not None else latest_referral_id(c)
    r = next((r for r in c.referrals if r.id == wanted), None)
    if r is None:
        raise NotFoundError("Patient {mrn} has no referral with the ID {value}.", mrn=c.patient.mrn, value=referral_id)
    # ReferralView does not carry who wrote the referral; the signature needs it.
    staff_id = session.scalar(sa.select(Referral.staff_id).where(Referral.id == r.id))
    # The letter is dated on the referral date, so its history is what was known on that day.
    visits = [a for a in c.assessments if a.assessed_on <= r.referral_date]
    scores = [s for s in (alsfrs_score(a) for a in visits) if s is not None]
    meds = [
        m
        for m in c.medications
        if m.started_on <= r.referral_date and (m.stopped_on is None or m.stopped_on > r.referral_date)
    ]
    header = make_header(session=session, p=c.patient, options=letter_options(session, options))
    lang = header.lang
    weights = [pd.Weighed(a.assessed_on, a.weight_kg) for a in visits if a.weight_kg is not None]
    signer = staff_member(session=session, staff_id=staff_id)
    return pd.ReferralData(
        header=header,
        referral_date=r.referral_date,
        urgency=r.urgency,
        from_specialty=r.from_specialty,
        to_specialty=r.to_specialty,
        to_facility=r.to_facility,
        to_person=r.to_person,
        reason=r.reason,
        requested_service=r.requested_service,
        questions=r.questions,
        diagnosis=diagnosis(c),
        latest_alsfrs=scores[-1] if scores else None,
        latest_measures=latest_measures(visits, lang),
        medications=tuple(pd.Line(m.started_on, m.drug_label(lang), m.dose_text(lang)) for m in meds),
        signed_by=signer.name if signer else "",
        referral_id=str(r.id),
        progression=progression(c, r.referral_date),
        reference=r.reference,
        signer=signer,
        contacts=patient_contacts(c.patient),
        allergies=allergy_record(session, c.patient.id),
        in_place=in_place_on(c, r.referral_date),
        first_weight=weights[0] if len(weights) > 1 else None,
        latest_weight=weights[-1] if weights else None,
        labs=latest_labs(c, r.referral_date),
    )


# What a letter to clinicians says about the patient: the referral letter and the GP letter alike.


def letter_options(session: Session, options: PrintOptions) -> PrintOptions:
    """A letter to clinicians prints in the clinic's letter language unless one is chosen, not the patient's."""
    if options.lang is not None:
        return options
    profile = clinic.get_clinic(session=session)
    return dataclasses.replace(options, lang=profile.letter_language if profile else "en")


def patient_contacts(p: PatientView) -> pd.PatientContacts:
    return pd.PatientContacts(
        p.address,
        p.phone,
        p.caregiver_name,
        p.caregiver_relation,
        p.caregiver_phone,
        p.language,
        p.interpreter_needed,
        p.gp_name,
        p.gp_contact,
    )


def allergy_record(session: Session, patient_id: uuid.UUID) -> pd.Allergies:
    known = allergies.allergy_state(session=session, patient_id=patient_id)
    return pd.Allergies(
        tuple(pd.AllergyLine(a.substance, a.reaction, a.severity) for a in known.allergies), known.no_known_since
    )


def in_place_on(c: Chart, on: date) -> tuple[tuple[str, date], ...]:
    """services.interventions.KINDS in place on `on` from what was known by then, with the day each started."""
    visits = [(a.assessed_on, a.items) for a in c.assessments if a.assessed_on <= on]
    found = interventions.in_place([(m.kind, m.occurred_on) for m in c.milestones], visits, on)
    return tuple((i.kind, i.since) for i in found)


def latest_labs(c: Chart, until: date) -> tuple[pd.Line, ...]:
    """The latest result of each test up to `until`; detail: the upper limit of normal, which the letter words."""
    labs = {lab.test: lab for lab in c.labs if lab.taken_on <= until}  # in date order: the latest wins
    return tuple(
        pd.Line(
            lab.taken_on,
            f"{lab.test} {lab.value:g} {lab.unit}".strip(),
            f"{lab.upper_limit:g}" if lab.upper_limit is not None else "",
        )
        for lab in sorted(labs.values(), key=lambda lab: (lab.taken_on, lab.test))
    )


@requires("patient.read")
def worklist_data(*, session: Session, on: date, options: PrintOptions = PrintOptions()) -> pd.WorklistData:
    """The day's worklist grouped by kind, in worklist.KINDS order, as on screen."""
    items = worklist.worklist(session=session, on=on)
    header = make_header(session=session, p=None, options=options)
    groups = []
    for kind in worklist.KINDS:
        rows = tuple(
            pd.WorkRow(i.due_date, i.patient_mrn, i.patient_name, i.reason.text(header.lang), i.discipline)
            for i in items
            if i.kind == kind
        )
        if rows:
            groups.append((kind, rows))
    return pd.WorklistData(header, on, tuple(groups))
