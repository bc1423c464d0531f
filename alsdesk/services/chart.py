"""One patient's whole chart as plain data: what the chart window and the summary report show."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.models import (
    Alert,
    Assessment,
    ClinicalNote,
    DiagnosticFinding,
    Drug,
    Enrollment,
    LabResult,
    Medication,
    Milestone,
    Referral,
    Screening,
    TherapyPlan,
    Workup,
)
from alsdesk.services import alerts as alert_rules
from alsdesk.services import audit, scoring
from alsdesk.services.access import requires
from alsdesk.services.assessments import AssessmentView, assessment_view
from alsdesk.services.common import columns_where, rows_where
from alsdesk.services.medications import MedicationView, MilestoneView, medication_view
from alsdesk.services.notes import NoteView, note_view
from alsdesk.services.patients import PatientView, opened_view
from alsdesk.services.programs import EnrollmentView, enrollment_view_with, marks_by_enrollment
from alsdesk.services.referrals import ReferralView, referral_view
from alsdesk.services.restricted import fetch_patient
from alsdesk.services.therapy import PlanView, plan_view_with, sessions_by_plan
from alsdesk.services.workups import WorkupView, workup_view
from alsdesk.storage.reader import Query, Reader


@dataclass(frozen=True)
class FindingView:
    region: str
    umn: bool
    lmn: bool
    emg_lmn: bool
    examined_on: date


@dataclass(frozen=True)
class LabView:
    test: str
    taken_on: date
    value: float
    unit: str
    upper_limit: float | None


@dataclass(frozen=True)
class Chart:
    patient: PatientView
    findings: tuple[FindingView, ...]
    screenings: int
    workups: tuple[WorkupView, ...]
    assessments: tuple[AssessmentView, ...]
    alerts: tuple[alert_rules.AlertView, ...]
    medications: tuple[MedicationView, ...]
    labs: tuple[LabView, ...]
    milestones: tuple[MilestoneView, ...]
    plans: tuple[PlanView, ...]
    referrals: tuple[ReferralView, ...]
    enrollments: tuple[EnrollmentView, ...]
    notes: tuple[NoteView, ...]

    @property
    def latest_alsfrs(self) -> AssessmentView | None:
        scored = [a for a in self.assessments if a.scores]
        return scored[-1] if scored else None

    def latest(self, field: str) -> tuple[date, float] | None:
        for a in reversed(self.assessments):
            value = getattr(a, field)
            if value is not None:
                return a.assessed_on, value
        return None

    @property
    def weight_change_percent(self) -> float | None:
        """Weight change since the weight at diagnosis (services.alerts.baseline_weight)."""
        weights = [(a.assessed_on, a.weight_kg) for a in self.assessments if a.weight_kg is not None]
        base = alert_rules.baseline_weight(weights, self.patient.diagnosis_date)
        latest = self.latest("weight_kg")
        if not base or latest is None:
            return None
        return (latest[1] - base) / base * 100

    @property
    def open_alerts(self) -> tuple[alert_rules.AlertView, ...]:
        return tuple(a for a in self.alerts if a.status == "open")

    def scored_totals(self, until: date | None = None) -> list[tuple[date, int]]:
        """(date, ALSFRS-R total) of each scored visit, up to `until` when given."""
        return [
            (a.assessed_on, a.scores.total)
            for a in self.assessments
            if a.scores is not None and (until is None or a.assessed_on <= until)
        ]

    def delta_fs_at_diagnosis(self, until: date | None = None) -> tuple[date, float] | None:
        """ΔFS at diagnosis (scoring.delta_fs_at_diagnosis), the prognostic figure, from the
        visits up to `until` when given (a letter says what was known on its day)."""
        p = self.patient
        return scoring.delta_fs_at_diagnosis(self.scored_totals(until), p.onset_date, p.diagnosis_date)

    def latest_slope(self, until: date | None = None) -> tuple[date, date, float] | None:
        """The slope between the two latest scored visits up to `until` (scoring.latest_slope)."""
        return scoring.latest_slope(self.scored_totals(until))

    def investigational_on(self, on: date) -> bool:
        """In an investigational program on `on`: one current that day (programs.enrollment_state)."""
        return any(e.investigational and e.state(on) == "current" for e in self.enrollments)


_SCREENINGS = Query(
    sa.select(sa.func.count()).select_from(Screening).where(Screening.patient_id == sa.bindparam("pid"))
)
# Each course with its drug's names (NULL when the code is not in the catalog), in one query.
_MEDICATIONS = Query(
    columns_where(Medication, "patient_id", "started_on")
    .add_columns(Drug.code.label("known_drug"), Drug.name.label("drug_name"), Drug.name_zh.label("drug_name_zh"))
    .outerjoin(Drug, Drug.code == Medication.drug_code)
)


def _by_patient(reader: Reader, model: type[Any], pid: uuid.UUID, order: str) -> list[Any]:
    return rows_where(reader, model, "patient_id", pid, order)


def _medication(m: Any) -> MedicationView:
    """A course named as the catalog names its drug; by its code when the catalog lacks it."""
    if m.known_drug is None:
        return medication_view(m, m.drug_code, "")
    return medication_view(m, m.drug_name, m.drug_name_zh)


def _record_view(session: Session, pid: uuid.UUID) -> None:
    audit.record(session=session, action="view", table="patient", record_id=pid, patient_id=pid)


@requires("patient.read")
def record_view(*, session: Session, patient_id: uuid.UUID | str) -> None:
    """Record in the audit trail that a person opened the patient's chart, in a write session of
    its own (what `patient_chart(audit_view=True)` records): the chart window reads the chart
    first and records the opening after, so showing it waits for no write lock or commit. A
    record the actor may not open is refused, as `patient_chart` refuses it."""
    _record_view(session, fetch_patient(session, patient_id).id)


@requires("patient.read")
def patient_chart(*, session: Session, patient_id: uuid.UUID | str, audit_view: bool = False) -> Chart:
    """Everything about one patient. When a person opens the chart, pass `audit_view=True` in a
    write session: the view is recorded in the audit trail (a read session must not write; on
    SQLite two deferred readers upgrading to writers fail with "database is locked").

    Read as columns at the driver's speed (storage.reader), a query per table: a chart is opened
    often and has many small parts."""
    read = Reader(session)
    p = opened_view(session, patient_id, read)
    pid = p.id
    if audit_view:
        _record_view(session, pid)
        read = Reader(session)  # flushes the audit entry first, as every read of a session does
    sessions = sessions_by_plan(read, pid)
    marks = marks_by_enrollment(read, pid)
    return Chart(
        patient=p,
        findings=tuple(
            FindingView(f.region, f.umn, f.lmn, f.emg_lmn, f.examined_on)
            for f in _by_patient(read, DiagnosticFinding, pid, "region")
        ),
        screenings=_SCREENINGS.rows(read, {"pid": pid})[0][0],
        workups=tuple(workup_view(w) for w in _by_patient(read, Workup, pid, "created_at")),
        assessments=tuple(assessment_view(a, p.onset_date) for a in _by_patient(read, Assessment, pid, "assessed_on")),
        alerts=tuple(alert_rules.alert_view(a) for a in _by_patient(read, Alert, pid, "raised_on")),
        medications=tuple(_medication(m) for m in _MEDICATIONS.rows(read, {"value": pid})),
        labs=tuple(
            LabView(lab.test, lab.taken_on, lab.value, lab.unit, lab.upper_limit)
            for lab in _by_patient(read, LabResult, pid, "taken_on")
        ),
        milestones=tuple(
            MilestoneView(m.id, m.kind, m.occurred_on, m.note) for m in _by_patient(read, Milestone, pid, "occurred_on")
        ),
        plans=tuple(
            plan_view_with(t, sessions.get(t.id, ())) for t in _by_patient(read, TherapyPlan, pid, "start_date")
        ),
        referrals=tuple(referral_view(r) for r in _by_patient(read, Referral, pid, "referral_date")),
        enrollments=tuple(
            enrollment_view_with(e, marks.get(e.id, frozenset()), death_date=p.death_date)
            for e in _by_patient(read, Enrollment, pid, "start_date")
        ),
        notes=tuple(note_view(n) for n in _by_patient(read, ClinicalNote, pid, "occurred_on")),
    )
