"""Clinic visits: ALSFRS-R with derived scores and stages, respiratory and weight measurements."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.i18n import N_
from alsdesk.models import Assessment, Patient
from alsdesk.models.assessment import ITEM_KEYS, item_column, scored_items
from alsdesk.services import alerts, interventions, scoring
from alsdesk.services.access import requires
from alsdesk.services.audit import check_version
from alsdesk.services.common import Changes, Day, RecordRules, Text, fetch
from alsdesk.services.restricted import fetch_patient
from alsdesk.services.setting_values import load_settings
from alsdesk.vocab import RESPIRATORY_SYMPTOMS

ASSESSED_ON = Day("Assessment date", past=True)
NOTE = Text("Note", 5000)
RULES: RecordRules = {"assessed_on": ASSESSED_ON, "note": NOTE}

# (field, label, minimum, maximum): the same ranges the database CHECKs enforce.
MEASUREMENTS = (
    ("fvc_percent", N_("FVC (% predicted)"), 0, 200),
    ("snip_cmh2o", N_("SNIP (cmH2O)"), 0, 250),
    ("spo2_percent", N_("SpO2 (%)"), 50, 100),
    ("weight_kg", N_("Weight (kg)"), 10, 400),
    ("height_cm", N_("Height (cm)"), 50, 250),
)


@dataclass(frozen=True)
class Scores:
    total: int
    subscores: dict[str, int]
    kings: str
    mitos: int
    delta_fs: float | None


@dataclass(frozen=True)
class AssessmentView:
    id: uuid.UUID
    patient_id: uuid.UUID
    assessed_on: date
    items: dict[str, int] | None
    scores: Scores | None
    fvc_percent: float | None
    snip_cmh2o: float | None
    spo2_percent: float | None
    lung_disease: bool  # history: the per-visit flag before schema 0013 (the patient's flag rules)
    weight_kg: float | None
    height_cm: float | None
    note: str
    version: int
    symptoms: tuple[str, ...] = ()  # vocab.RESPIRATORY_SYMPTOMS codes, in vocabulary order

    @property
    def bmi(self) -> float | None:
        if self.weight_kg and self.height_cm:
            return self.weight_kg / (self.height_cm / 100) ** 2
        return None


items_of = scored_items  # the name services and reports know it by


def scores_for(items: dict[str, int], onset: date | None, at: date) -> Scores:
    total, subscores, kings, mitos = scoring.alsfrs_scores(items)
    rate = scoring.delta_fs(total, onset, at) if onset is not None and onset < at else None
    return Scores(total=total, subscores=subscores, kings=kings, mitos=mitos, delta_fs=rate)


def assessment_view(row: Any, onset: date | None) -> AssessmentView:
    items = items_of(row)
    return AssessmentView(
        id=row.id,
        patient_id=row.patient_id,
        assessed_on=row.assessed_on,
        items=items,
        scores=scores_for(items, onset, row.assessed_on) if items else None,
        fvc_percent=row.fvc_percent,
        snip_cmh2o=row.snip_cmh2o,
        spo2_percent=row.spo2_percent,
        lung_disease=row.lung_disease,
        weight_kg=row.weight_kg,
        height_cm=row.height_cm,
        note=row.note,
        version=row.version,
        symptoms=symptoms_of(row.symptoms),
    )


def symptoms_of(stored: str | None) -> tuple[str, ...]:
    return tuple(c for c in (stored or "").split(",") if c)


def check_symptoms(codes: Iterable[str]) -> str:
    """The NG42 respiratory symptoms as stored (vocabulary order, comma-separated); an unknown code
    is refused naming the field and the codes allowed."""
    given = list(codes)
    for code in given:
        if code not in RESPIRATORY_SYMPTOMS:
            raise DomainError(
                "{what} has no {value!r}; use {allowed}.",
                what="Respiratory symptoms",
                value=code,
                allowed=list(RESPIRATORY_SYMPTOMS),
            )
    return ",".join(c for c in RESPIRATORY_SYMPTOMS if c in given)


def validate_measurements(values: dict[str, Any]) -> dict[str, float | None]:
    checked: dict[str, float | None] = {}
    for field, label, low, high in MEASUREMENTS:
        value = values.get(field)
        if value is None:
            checked[field] = None
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
            raise DomainError(
                "{what} must be a number from {low} to {high}, not {value!r}.",
                what=label,
                low=low,
                high=high,
                value=value,
            )
        checked[field] = float(value)
    return checked


def _item_columns(items: dict[str, int] | None) -> dict[str, int | None]:
    if items is not None:
        scoring.validate_items(items)  # its DomainError names the bad item
    return {item_column(k): (items or {}).get(k) for k in ITEM_KEYS}


def _judge(session: Session, patient: Patient, row: Assessment) -> tuple[list[alerts.AlertSpec], set[str]]:
    """The alerts this visit raises (services.alerts.visit_alerts), read against the patient's
    record up to the visit, and the interventions in place on its day."""
    earlier = session.scalars(
        sa.select(Assessment)
        .where(Assessment.patient_id == patient.id, Assessment.id != row.id, Assessment.assessed_on <= row.assessed_on)
        .order_by(Assessment.assessed_on)
    ).all()
    before = [a for a in earlier if a.assessed_on < row.assessed_on]
    scored = [a for a in before if items_of(a)]
    weights = [(a.assessed_on, a.weight_kg) for a in (*earlier, row) if a.weight_kg is not None]
    place = {
        i.kind: i.since
        for i in interventions.patient_interventions(session=session, patient_id=patient.id, on=row.assessed_on)
    }
    fvc_at_start = None
    if "niv" in place:
        fvcs = [
            (a.assessed_on, a.fvc_percent)
            for a in (*earlier, row)
            if a.fvc_percent is not None and a.assessed_on <= place["niv"]
        ]
        fvc_at_start = max(fvcs, key=lambda f: f[0]) if fvcs else None
    facts = alerts.VisitFacts(
        on=row.assessed_on,
        sex=patient.sex,
        lung_disease=patient.lung_disease,
        items=items_of(row),
        symptoms=symptoms_of(row.symptoms),
        fvc_percent=row.fvc_percent,
        snip_cmh2o=row.snip_cmh2o,
        spo2_percent=row.spo2_percent,
        weight_kg=row.weight_kg,
        baseline_weight_kg=alerts.baseline_weight(weights, patient.diagnosis_date),
        earlier_snips=tuple((a.assessed_on, a.snip_cmh2o) for a in before if a.snip_cmh2o is not None),
        previous_scored=(scored[-1].assessed_on, scoring.alsfrs_total(items_of(scored[-1]) or {})) if scored else None,
        in_place=frozenset(place),
        fvc_at_niv_start=fvc_at_start,
    )
    return alerts.visit_alerts(facts, load_settings(session=session)), set(place)


def _store(session: Session, patient: Patient, row: Assessment) -> list[alerts.AlertSpec]:
    """Judge the visit, keep its alerts' history (store_alerts) and close the patient's open alerts
    an intervention the visit shows now answers."""
    found, in_place = _judge(session, patient, row)
    alerts.store_alerts(
        session=session,
        patient_id=patient.id,
        raised_on=row.assessed_on,
        source_id=row.id,
        specs=found,
        in_place=in_place,
    )
    alerts.close_answered_alerts(session=session, patient_id=patient.id, in_place=in_place, on=row.assessed_on)
    return found


@requires("clinical.write")
def record_assessment(
    *,
    session: Session,
    patient_id: uuid.UUID | str,
    assessed_on: date | None,  # None (left blank) is refused with a message naming the field
    items: dict[str, int] | None = None,
    symptoms: Iterable[str] = (),
    note: str = "",
    staff_id: uuid.UUID | None = None,
    **measurements: Any,
) -> tuple[AssessmentView, list[alerts.AlertSpec], Changes]:
    """Record a visit; returns its derived scores and the guideline alerts it raised."""
    patient = fetch_patient(session, patient_id)
    unknown = set(measurements) - {m[0] for m in MEASUREMENTS}
    if unknown:
        raise DomainError("Unknown measurement {key!r}.", key=sorted(unknown)[0])
    assessed_on = ASSESSED_ON(assessed_on, patient.birth_date)
    stored_symptoms = check_symptoms(symptoms)
    if items is None and all(v is None for v in measurements.values()):
        raise DomainError("Enter the ALSFRS-R items or at least one measurement.")
    if items is not None and patient.onset_date is not None and patient.onset_date >= assessed_on:
        raise DomainError(
            "Symptom onset ({onset}) must be before the assessment ({date}).",
            onset=patient.onset_date,
            date=assessed_on,
        )
    row = Assessment(
        patient_id=patient.id,
        assessed_on=assessed_on,
        lung_disease=False,
        symptoms=stored_symptoms,
        note=NOTE(note),
        staff_id=staff_id,
        **_item_columns(items),
        **validate_measurements(measurements),
    )
    session.add(row)
    session.flush()
    found = _store(session, patient, row)
    return assessment_view(row, patient.onset_date), found, Changes(assessments=True, patients=True)


@requires("clinical.write")
def update_assessment(
    *,
    session: Session,
    assessment_id: uuid.UUID | str,
    expected_version: int | None = None,
    items: dict[str, int] | None = None,
    symptoms: Iterable[str] = (),
    note: str = "",
    **measurements: Any,
) -> tuple[AssessmentView, list[alerts.AlertSpec], Changes]:
    """Correct a visit; its alerts are judged again (store_alerts: closed, never deleted)."""
    row = fetch(session, Assessment, assessment_id, "assessment")
    check_version(row, expected_version, "assessment")
    patient = fetch_patient(session, row.patient_id)
    row.symptoms = check_symptoms(symptoms)
    for key, value in {**_item_columns(items), **validate_measurements(measurements)}.items():
        setattr(row, key, value)
    row.note = NOTE(note)
    session.flush()
    found = _store(session, patient, row)
    return assessment_view(row, patient.onset_date), found, Changes(assessments=True, patients=True)


@requires("patient.read")
def list_assessments(*, session: Session, patient_id: uuid.UUID | str) -> list[AssessmentView]:
    patient = fetch_patient(session, patient_id)
    rows = session.scalars(
        sa.select(Assessment).where(Assessment.patient_id == patient.id).order_by(Assessment.assessed_on)
    )
    return [assessment_view(r, patient.onset_date) for r in rows]
