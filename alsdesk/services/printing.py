"""What each printed document shows, gathered from the chart as plain data (alsdesk.printdata)."""

# ReportLab is deliberately not imported here: the window imports services at start-up, and
# ReportLab costs about 0.4 s; only alsdesk.reports imports it, when something is printed.

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk import printdata as pd
from alsdesk.errors import DomainError, NotFoundError
from alsdesk.formats import PAPERS
from alsdesk.i18n.labels import discipline as discipline_label
from alsdesk.models import Referral, Staff
from alsdesk.services import catalogs, clinic, scoring, stages, worklist
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
    """How to print: None picks the default (the patient's language, the clinic's paper, today)."""

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
    return pd.Clinic(c.name, c.address, c.phone, paper or c.paper_size, c.logo_png)


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


def latest_measures(visits: Sequence[AssessmentView]) -> tuple[pd.Line, ...]:
    """The latest value of each respiratory and weight measurement, with its own date."""
    lines = []
    for field, label, unit in (
        ("fvc_percent", "FVC", "% predicted"),
        ("snip_cmh2o", "SNIP", "cmH2O"),
        ("spo2_percent", "SpO2", "%"),
        ("weight_kg", "Weight", "kg"),
    ):
        found = next((a for a in reversed(visits) if getattr(a, field) is not None), None)
        if found is not None:
            lines.append(pd.Line(found.assessed_on, f"{label} {getattr(found, field):g} {unit}"))
    return tuple(lines)


def _series(c: Chart, field: str) -> tuple[pd.Measure, ...]:
    return tuple(pd.Measure(a.assessed_on, getattr(a, field)) for a in c.assessments if getattr(a, field) is not None)


def appointments(c: Chart, on: date, until: date | None = None) -> tuple[pd.Appointment, ...]:
    """Therapy sessions, referral appointments and scheduled workups from `on` (to `until`)."""
    found = []
    for plan in c.plans:
        for s in plan.sessions:
            if s.status == "scheduled" and s.scheduled_on >= on:
                found.append(pd.Appointment(s.scheduled_on, plan.discipline, plan.title))
    for r in c.referrals:
        if r.appointment_on and r.appointment_on >= on and r.status in OPEN_REFERRAL:
            found.append(pd.Appointment(r.appointment_on, r.to_specialty, r.to_facility))
    for w in c.workups:
        if w.status == "scheduled" and w.scheduled_for and w.scheduled_for >= on:
            found.append(pd.Appointment(w.scheduled_for, "neurology", w.type_code.replace("_", " ")))
    found = [a for a in found if until is None or a.on <= until]
    return tuple(sorted(found, key=lambda a: (a.on, a.discipline)))


@requires("patient.read")
def summary_data(
    *,
    session: Session,
    patient_id: uuid.UUID | str,
    options: PrintOptions = PrintOptions(),
) -> pd.SummaryData:
    """Identity, diagnosis, stage, trends and care in progress; upcoming means from the print day."""
    c = patient_chart(session=session, patient_id=patient_id)
    names = catalogs.workup_type_names(session=session)
    scores = tuple(s for s in (alsfrs_score(a) for a in c.assessments) if s is not None)
    header = make_header(session=session, p=c.patient, options=options)
    lang = header.lang
    now = stages.chart_stage_now(c, options.day)
    # After death nothing more falls due: no appointment is printed as coming.
    coming = () if c.patient.death_date is not None else appointments(c, options.reference_day)
    return pd.SummaryData(
        header=header,
        diagnosis=diagnosis(c),
        alsfrs=scores,
        fvc=_series(c, "fvc_percent"),
        weight=_series(c, "weight_kg"),
        weight_change_percent=c.weight_change_percent,
        latest_measures=latest_measures(c.assessments),
        alerts=tuple(pd.Line(a.raised_on, str(a.message)) for a in c.open_alerts),
        medications=tuple(
            pd.Line(m.started_on, m.drug_label(lang), m.dose_text(lang)) for m in c.medications if m.active
        ),
        therapies=tuple(
            pd.Line(
                p.start_date,
                f"{discipline_label(p.discipline)}: {p.title}",
                f"every {p.interval_days} days, {sum(s.status == 'attended' for s in p.sessions)}"
                f" of {len(p.sessions)} sessions attended",
            )
            for p in c.plans
            if p.active
        ),
        workups=tuple(
            pd.Line(w.due_date or w.ordered_on, names.get(w.type_code, w.type_code), w.status)
            for w in c.workups
            if w.status in OPEN_WORKUP
        ),
        referrals=tuple(
            pd.Line(
                r.referral_date,
                f"{discipline_label(r.to_specialty)} {r.to_facility}".strip(),
                f"{r.urgency}, {r.status}",
            )
            for r in c.referrals
            if r.status in OPEN_REFERRAL
        ),
        appointments=coming[:SUMMARY_APPOINTMENTS],
        milestones=tuple(pd.Line(m.occurred_on, m.kind.replace("_", " "), m.note) for m in c.milestones),
        programs=tuple(
            pd.Line(e.start_date, e.name_en, f"{e.evidence_level}, {e.status}")
            for e in c.enrollments
            if e.running(options.reference_day)
        ),
        progression=progression(c),
        kings_now=now.kings,
        mitos_now=now.mitos,
    )


def _staff_name(session: Session, staff_id: uuid.UUID | None) -> str:
    if staff_id is None:
        return ""
    return session.scalar(sa.select(Staff.display_name).where(Staff.id == staff_id)) or ""


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
    header = make_header(session=session, p=c.patient, options=options)
    lang = header.lang
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
        latest_measures=latest_measures(visits),
        medications=tuple(pd.Line(m.started_on, m.drug_label(lang), m.dose_text(lang)) for m in meds),
        signed_by=_staff_name(session, staff_id),
        referral_id=str(r.id),
        progression=progression(c, r.referral_date),
    )


@requires("patient.read")
def worklist_data(*, session: Session, on: date, options: PrintOptions = PrintOptions()) -> pd.WorklistData:
    """The day's worklist grouped by kind, in worklist.KINDS order, as on screen."""
    items = worklist.worklist(session=session, on=on)
    groups = []
    for kind in worklist.KINDS:
        rows = tuple(
            pd.WorkRow(i.due_date, i.patient_mrn, i.patient_name, str(i.reason), i.discipline)
            for i in items
            if i.kind == kind
        )
        if rows:
            groups.append((kind, rows))
    header = make_header(session=session, p=None, options=options)
    return pd.WorklistData(header, on, tuple(groups))
