"""Prescriptions with catalog warnings, drug monitoring labs, and care milestones."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy.orm import InstrumentedAttribute, Session

from alsdesk.errors import DomainError
from alsdesk.i18n import Msg
from alsdesk.i18n.message import Localized
from alsdesk.i18n.values import Code, Name, Plain
from alsdesk.models import Drug, LabResult, Medication, Milestone, Patient
from alsdesk.services import alerts, doses, messages, therapy
from alsdesk.services.access import requires
from alsdesk.services.common import Changes, Check, Day, NotBefore, RecordRules, Text, check_choice, fetch, run
from alsdesk.services.doses import Dose, catalog_dose, check_dose, dose_from_text, dose_of, dose_text
from alsdesk.services.restricted import fetch_patient
from alsdesk.services.setting_values import load_settings
from alsdesk.vocab import MILESTONES

STARTED_ON = Day("Start date")
STOPPED_ON = NotBefore(Day("Stop date", from_birth=False), ("started_on",))
DOSE = Text("Dose", 200, line=True)  # a dose typed as text (read by services.doses)
STOP_REASON = Text("Reason for stopping", 300)  # required when stopping
MEDICATION_RULES: RecordRules = {
    "started_on": STARTED_ON,
    "stopped_on": STOPPED_ON,
    "dose_amount": Check(doses.check_amount),
    "dose_unit": Check(doses.check_unit),
    "dose_route": Check(doses.check_route),
    "dose_frequency": Check(doses.check_frequency),
    "dose_regimen": Check(doses.check_regimen),
    "dose_note": doses.NOTE,
    "stop_reason": STOP_REASON,
}
TEST = Text("Test", 40, required=True, line=True)
TAKEN_ON = Day("Date taken", past=True)
UNIT = Text("Unit", 20, line=True)


def check_lab_value(value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise DomainError("Lab value must be a number of zero or more, not {value!r}.", value=value)


def check_upper_limit(upper_limit: object) -> None:
    if isinstance(upper_limit, bool) or not isinstance(upper_limit, (int, float)) or upper_limit <= 0:
        raise DomainError("Upper limit of normal must be a positive number.")


LAB_RULES: RecordRules = {
    "test": TEST,
    "taken_on": TAKEN_ON,
    "unit": UNIT,
    "value": Check(check_lab_value),
    "upper_limit": Check(check_upper_limit),
}
MILESTONE_ON = Day("Date", past=True)
MILESTONE_NOTE = Text("Note", 2000)
MILESTONE_RULES: RecordRules = {"occurred_on": MILESTONE_ON, "note": MILESTONE_NOTE}

ALT = "ALT"
_MONITORED = sa.select(Drug.code).where(Drug.monitoring == "riluzole_alt")  # drugs whose courses need ALT tests


def alt_due_on(
    drug_code: str,
    started_on: date,
    stopped_on: date | None,
    last: alerts.AltResult | None,
    monitored: set[str],
    settings: dict[str, float],
) -> date | None:
    """What Medication.alt_due_on holds: a running monitored course's next ALT date
    (alerts.riluzole_alt_due, from the patient's latest ALT), else None."""
    if stopped_on is not None or drug_code not in monitored:
        return None
    return alerts.riluzole_alt_due(started_on, last, settings).due


def refresh_alt_due(session: Session, patient_id: uuid.UUID) -> None:
    """Re-derive Medication.alt_due_on for the patient's courses, after any change to a course or
    to the patient's ALT results (every such write calls this).

    The patient's row is locked first: on PostgreSQL two workstations writing for one patient then
    derive in turn, each from the other's committed result (SQLite runs writers in turn anyway).
    """
    session.execute(sa.select(Patient.id).where(Patient.id == patient_id).with_for_update())
    derive_alt_due(session, Medication.patient_id == patient_id)


def latest_alt(column: InstrumentedAttribute[Any], patient_id: InstrumentedAttribute[Any]) -> sa.ScalarSelect[Any]:
    """`column` of the patient's latest ALT result (of one day's results, the highest value)."""
    return (
        sa.select(column)
        .where(LabResult.patient_id == patient_id, LabResult.test == ALT)
        .order_by(LabResult.taken_on.desc(), LabResult.value.desc(), LabResult.id)
        .limit(1)
        .scalar_subquery()
    )


def alt_result(taken_on: date | None, value: float | None, upper_limit: float | None) -> alerts.AltResult | None:
    return None if taken_on is None or value is None else alerts.AltResult(taken_on, value, upper_limit)


def derive_alt_due(session: Session, courses: sa.ColumnElement[bool]) -> None:
    """Store Medication.alt_due_on on the `courses` whose value is not the derived one.

    Core updates: a derived value is not an edit, so it bumps no version and writes no audit entry.
    Called for every course after an upgrade (app.open_clinic) and after a change of the settings
    the rule reads (settings.change_setting), so stored dates always follow today's rule.
    """
    monitored = monitored_drugs(session)
    settings = load_settings(session=session)
    rows = session.execute(
        sa.select(
            Medication.id,
            Medication.drug_code,
            Medication.started_on,
            Medication.stopped_on,
            Medication.alt_due_on,
            sa.type_coerce(latest_alt(LabResult.taken_on, Medication.patient_id), sa.Date()),
            latest_alt(LabResult.value, Medication.patient_id),
            latest_alt(LabResult.upper_limit, Medication.patient_id),
        ).where(courses)
    ).all()
    changed = [
        {"course": course, "due": due}
        for course, code, started, stopped, stored, taken, value, limit in rows
        if (due := alt_due_on(code, started, stopped, alt_result(taken, value, limit), monitored, settings)) != stored
    ]
    if changed:
        table = Medication.__table__
        update = sa.update(table).where(table.c.id == sa.bindparam("course")).values(alt_due_on=sa.bindparam("due"))
        session.execute(update, changed)


def monitored_drugs(session: Session) -> set[str]:
    return set(session.scalars(_MONITORED))


def imported_alt_due(
    monitored: set[str],
    courses: Mapping[str, Sequence[Any]],
    labs: Mapping[str, Sequence[Any]],
    settings: dict[str, float],
) -> list[date | None]:
    """Medication.alt_due_on for the courses of an import, one column of each table at a time.

    An import brings new patients only, so each patient's latest ALT is among the imported labs.
    """
    last: dict[uuid.UUID, alerts.AltResult] = {}
    columns = (labs["patient_id"], labs["test"], labs["taken_on"], labs["value"], labs["upper_limit"])
    for pid, test, taken, value, limit in zip(*columns, strict=True):
        if test == ALT and (pid not in last or (taken, value) > (last[pid].taken_on, last[pid].value)):
            last[pid] = alerts.AltResult(taken, value, limit)
    course_columns = (courses["drug_code"], courses["started_on"], courses["stopped_on"], courses["patient_id"])
    return [
        alt_due_on(code, started, stopped, last.get(pid), monitored, settings)
        for code, started, stopped, pid in zip(*course_columns, strict=True)
    ]


def patient_alts(session: Session, patient_id: uuid.UUID) -> list[alerts.AltResult]:
    """The patient's ALT results."""
    rows = session.execute(
        sa.select(LabResult.taken_on, LabResult.value, LabResult.upper_limit).where(
            LabResult.patient_id == patient_id, LabResult.test == ALT
        )
    )
    return [alerts.AltResult(taken, value, limit) for taken, value, limit in rows]


@dataclass(frozen=True)
class MedicationView:
    id: uuid.UUID
    patient_id: uuid.UUID
    drug_code: str
    drug_name: str
    dose: Dose
    started_on: date
    stopped_on: date | None
    stop_reason: str
    warning_acknowledged: str
    drug_name_zh: str = ""  # the catalog's Chinese name, for documents printed in Chinese

    @property
    def active(self) -> bool:
        return self.stopped_on is None

    def drug_label(self, lang: str) -> str:
        """The drug as a document in `lang` names it: in Chinese, the Chinese name with the
        English one after it (what the pharmacy's box says), where the catalog has one."""
        if lang == "zh_CN" and self.drug_name_zh:
            return f"{self.drug_name_zh}（{self.drug_name}）"
        return self.drug_name

    def dose_text(self, lang: str) -> str:
        """The dose in `lang` (services.doses.dose_text)."""
        return dose_text(self.dose, lang)


@dataclass(frozen=True)
class MilestoneView:
    id: uuid.UUID
    kind: str
    occurred_on: date
    note: str


# The refusal the window answers with a "prescribe anyway?" question (ui/chart/therapy.py).
PRESCRIPTION_WARNING = "Prescription warning: {warnings} Confirm to prescribe anyway."


DrugWarning = Msg  # a services/messages.py template and its values


def prescription_warnings(*, drug: Drug, genetics: str) -> list[DrugWarning]:
    """Catalog warnings for a new prescription (domain.md drug catalog, status as of 2026):
    a withdrawn drug (AMX0035: PHOENIX failed, withdrawn US/Canada 4 Apr 2024), or a drug
    limited to a genotype (tofersen: SOD1-ALS only) without that variant documented."""
    found: list[DrugWarning] = []
    if drug.approval == "withdrawn":
        found.append(
            messages.text(messages.DRUG_WITHDRAWN, drug=drug_name(drug), facts=Name(drug.facts, drug.facts_zh))
        )
    if drug.requires_genetics and genetics != drug.requires_genetics:
        found.append(
            messages.text(
                messages.DRUG_FOR_GENOTYPE,
                drug=drug_name(drug),
                gene=drug.requires_genetics,
                genetics=Code(genetics, genetics),
            )
        )
    return found


def warnings_text(warnings: list[DrugWarning]) -> str:
    """The warnings in English, as the refusal quotes them and the prescription keeps them."""
    return " ".join(str(w).strip() for w in warnings)


def died_text(death_date: date) -> Msg:
    """The stop reason of a course or plan ended by death (services.death)."""
    return messages.text(messages.DIED, date=death_date.isoformat())


def shown_stop_reason(m: MedicationView) -> Localized:
    """A course's stop reason to show: the death text in the reader's language for a course death
    ended (stopped on the date of death with exactly the text death wrote), else what was typed."""
    if m.stopped_on is not None:
        died = died_text(m.stopped_on)
        if m.stop_reason == str(died):
            return died
    return Plain(m.stop_reason)


def drug_name(drug: Drug) -> Name:
    """A catalog drug's name as texts quote it, in English and Chinese."""
    return Name(drug.name, drug.name_zh)


def medication_view(m: Medication, drug_name: str, drug_name_zh: str = "") -> MedicationView:
    return MedicationView(
        m.id,
        m.patient_id,
        m.drug_code,
        drug_name,
        dose_of(m),
        m.started_on,
        m.stopped_on,
        m.stop_reason,
        m.warning_acknowledged,
        drug_name_zh,
    )


@requires("clinical.write")
def prescribe(
    *,
    session: Session,
    patient_id: uuid.UUID | str,
    drug_code: str,
    started_on: date | None,  # None (left blank) is refused with a message naming the field
    dose: str | Dose = "",
    acknowledge_warnings: bool = False,
    staff_id: uuid.UUID | None = None,
) -> tuple[MedicationView, Changes]:
    """Start a medication; catalog warnings must be acknowledged, and the acknowledgement is kept.

    `dose` is a Dose, or text read as one (services.doses.dose_from_text: kept as the note when it
    does not read as a dose). A dose with nothing structured takes the catalog's (dose_to_store)."""
    patient = fetch_patient(session, patient_id)
    drug = session.scalar(sa.select(Drug).where(Drug.code == drug_code))
    if drug is None:
        raise DomainError("{code!r} is not a drug in the catalog.", code=drug_code)
    started_on = STARTED_ON(started_on, patient.birth_date)
    if patient.death_date is not None and started_on > patient.death_date:  # as death.course_stop_at_death
        raise DomainError(
            "Patient {mrn} died on {date}; a medication cannot start after that.",
            mrn=patient.mrn,
            date=patient.death_date,
        )
    warnings = prescription_warnings(drug=drug, genetics=patient.genetics)
    if drug.monitoring == "riluzole_alt":
        baseline = alerts.riluzole_baseline_warning(
            drug=drug_name(drug),
            started_on=started_on,
            alts=patient_alts(session, patient.id),
            settings=load_settings(session=session),
        )
        warnings += [baseline] if baseline else []
    if warnings and not acknowledge_warnings:
        # The window words each warning in its own language from `parts` (ui/i18n/texts.error_text).
        raise DomainError(PRESCRIPTION_WARNING, warnings=warnings_text(warnings), parts=tuple(warnings))
    m = Medication(
        patient_id=patient.id,
        drug_code=drug.code,
        **dose_to_store(drug, dose, patient.language).fields(),
        started_on=started_on,
        prescriber_id=staff_id,
        warning_acknowledged=warnings_text(warnings)[:300],
    )
    session.add(m)
    session.flush()
    refresh_alt_due(session, patient.id)
    if drug.code == therapy.EDARAVONE_IV:  # infusions on the dosing days of its first cycles
        cycles = int(load_settings(session=session)["edaravone_cycles_scheduled"])
        therapy.add_edaravone_infusions(session, patient=patient, start=started_on, cycles=cycles, staff_id=staff_id)
        return medication_view(m, drug.name, drug.name_zh), Changes(medications=True, schedule=True)
    return medication_view(m, drug.name, drug.name_zh), Changes(medications=True)


class DoseDefaults(Protocol):
    """A catalog drug's default doses: the Drug row, or the DrugView the window holds."""

    @property
    def code(self) -> str: ...

    @property
    def default_dose(self) -> str: ...

    @property
    def default_dose_zh(self) -> str: ...


def default_dose(drug: DoseDefaults, language: str) -> Dose:
    """The dose a prescription without one takes: the catalog's (services.doses.catalog_dose)."""
    return catalog_dose(drug.code, drug.default_dose, drug.default_dose_zh, language)


def dose_to_store(drug: DoseDefaults, dose: str | Dose, language: str) -> Dose:
    """The dose a prescription stores, checked: text as dose_from_text reads it (blank: the
    catalog's); a Dose as given, or with nothing but a note, the catalog's with that note."""
    if isinstance(dose, str) or not isinstance(dose, Dose):
        text = DOSE(dose).strip()  # check_text names anything that is not text
        return check_dose(dose_from_text(text) if text else default_dose(drug, language))
    if dose.amount is None and not (dose.unit or dose.route or dose.frequency or dose.regimen):
        default = default_dose(drug, language)
        note = "; ".join(n for n in (default.note, dose.note.strip()) if n)
        dose = Dose(default.amount, default.unit, default.route, default.frequency, default.regimen, note)
    return check_dose(dose)


@requires("clinical.write")
def stop_medication(*, session: Session, medication_id: uuid.UUID | str, stopped_on: date, reason: str) -> Changes:
    m = fetch(session, Medication, medication_id, "medication")
    if m.stopped_on is not None:
        raise DomainError("This medication was already stopped on {date}.", date=m.stopped_on)
    STOPPED_ON(stopped_on, m.started_on)
    m.stopped_on = stopped_on
    m.stop_reason = STOP_REASON(reason, required=True)
    session.flush()
    refresh_alt_due(session, m.patient_id)
    if m.drug_code == therapy.EDARAVONE_IV:
        therapy.end_edaravone_infusions(session, patient_id=m.patient_id, on=stopped_on)
        return Changes(medications=True, schedule=True)
    return Changes(medications=True)


@requires("clinical.write")
def running_course(*, session: Session, patient_id: uuid.UUID | str, drug_code: str) -> MedicationView:
    """The patient's running course of `drug_code` (what `medication stop` stops)."""
    patient = fetch_patient(session, patient_id)
    drug = session.scalar(sa.select(Drug).where(Drug.code == drug_code))
    if drug is None:
        raise DomainError("{code!r} is not a drug in the catalog.", code=drug_code)
    m = session.scalar(
        sa.select(Medication)
        .where(Medication.patient_id == patient.id, Medication.drug_code == drug.code, Medication.stopped_on.is_(None))
        .order_by(Medication.started_on.desc())
        .limit(1)
    )
    if m is None:
        raise DomainError("{drug} is not running for this patient: there is nothing to stop.", drug=drug.name)
    return medication_view(m, drug.name, drug.name_zh)


@requires("clinical.write")
def record_lab(
    *,
    session: Session,
    patient_id: uuid.UUID | str,
    test: str,
    taken_on: date | None,  # None (left blank) is refused with a message naming the field
    value: float,
    unit: str = "",
    upper_limit: float | None = None,
) -> tuple[list[alerts.AlertSpec], Changes]:
    """Record a lab value; ALT on riluzole is checked against the stop threshold."""
    patient = fetch_patient(session, patient_id)
    test = TEST(test).upper()
    taken_on = TAKEN_ON(taken_on, patient.birth_date)
    unit = UNIT(unit)
    check_lab_value(value)
    if upper_limit is not None:
        check_upper_limit(upper_limit)
    lab = LabResult(
        patient_id=patient.id, test=test, taken_on=taken_on, value=float(value), unit=unit, upper_limit=upper_limit
    )
    session.add(lab)
    session.flush()
    if test == ALT:
        refresh_alt_due(session, patient.id)
    found: list[alerts.AlertSpec] = []
    if test == ALT and on_riluzole(session=session, patient_id=patient.id, on=taken_on):
        alert = alerts.alt_alert(value=value, upper_limit=upper_limit, settings=load_settings(session=session))
        found = [alert] if alert else []
        alerts.store_alerts(session=session, patient_id=patient.id, raised_on=taken_on, source_id=lab.id, specs=found)
    return found, Changes(medications=True)


def on_riluzole(*, session: Session, patient_id: uuid.UUID, on: date) -> bool:
    return (
        session.scalar(
            sa.select(Medication.id).where(
                Medication.patient_id == patient_id,
                Medication.drug_code.in_(_MONITORED),
                Medication.started_on <= on,
                sa.or_(Medication.stopped_on.is_(None), Medication.stopped_on >= on),
            )
        )
        is not None
    )


@requires("clinical.write")
def record_milestone(
    *, session: Session, patient_id: uuid.UUID | str, kind: str, occurred_on: date | None, note: str = ""
) -> Changes:
    """Record a milestone; the patient's open alerts it answers close, saying so
    (services.alerts.close_answered_alerts: a gastrostomy closes "discuss gastrostomy", NIV or a
    tracheostomy "discuss NIV")."""
    patient = fetch_patient(session, patient_id)
    milestone = Milestone(
        patient_id=patient.id,
        kind=check_choice(kind, MILESTONES, "Milestone"),
        occurred_on=MILESTONE_ON(occurred_on, patient.birth_date),
        note=MILESTONE_NOTE(note),
    )
    session.add(milestone)
    session.flush()
    closed = alerts.close_answered_alerts(
        session=session, patient_id=patient.id, in_place=[milestone.kind], on=milestone.occurred_on
    )
    return Changes(medications=True, patients=True, assessments=bool(closed))


_DRUG_NAMES = sa.select(Drug.code, Drug.name, Drug.name_zh)


def drug_names(*, session: Session) -> dict[str, tuple[str, str]]:
    """Each drug code's (English, Chinese) names."""
    return {code: (name, zh) for code, name, zh in run(session, _DRUG_NAMES)}
