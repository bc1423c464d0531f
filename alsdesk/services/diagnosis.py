"""Diagnostic findings per region, early-sign screenings, and the Gold Coast criteria."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.models import DiagnosticFinding, Screening
from alsdesk.services.access import requires
from alsdesk.services.common import Changes, Day, RecordRules, Text
from alsdesk.services.restricted import fetch_patient
from alsdesk.vocab import BODY_REGIONS

SCREENING_SIGNS = (
    "weakness",
    "wasting",
    "fasciculations",
    "cramps",
    "slurred_speech",
    "chewing_swallowing",
    "tongue_changes",
    "family_history",
)

EXAMINED_ON = Day("Examination date", past=True)
FINDING_RULES: RecordRules = {"examined_on": EXAMINED_ON}
SCREENED_ON = Day("Screening date", past=True)
SCREENING_NOTE = Text("Note", 5000)
SCREENING_RULES: RecordRules = {"screened_on": SCREENED_ON, "note": SCREENING_NOTE}


@dataclass(frozen=True)
class RegionFinding:
    region: str
    umn: bool = False
    lmn: bool = False
    emg_lmn: bool = False


def gold_coast_met(*, progressive: bool, findings: Iterable[RegionFinding], mimics_excluded: bool) -> bool:
    """Gold Coast criteria for ALS (Shefner et al., Clin Neurophysiol 2020;131:1975–8).

    All three: (1) progressive motor impairment after normal function; (2) UMN and LMN
    dysfunction in at least one region, or LMN dysfunction (clinical or EMG) in at least two
    regions; (3) investigations excluding other disease processes.
    """
    regions = list(findings)
    lmn_regions = sum(1 for f in regions if f.lmn or f.emg_lmn)
    both = any(f.umn and (f.lmn or f.emg_lmn) for f in regions)
    return progressive and mimics_excluded and (both or lmn_regions >= 2)


@requires("clinical.write")
def record_findings(
    *,
    session: Session,
    patient_id: uuid.UUID | str,
    examined_on: date | None,  # None (left blank) is refused with a message naming the field
    findings: Iterable[RegionFinding],
    progressive: bool,
    mimics_excluded: bool,
) -> tuple[bool, Changes]:
    """Store per-region findings, both other Gold Coast answers and the result; a region left out
    is recorded as without findings."""
    patient = fetch_patient(session, patient_id)
    on = EXAMINED_ON(examined_on, patient.birth_date)
    regions = list(findings)
    seen = [f.region for f in regions]
    for region in seen:
        if region not in BODY_REGIONS:
            raise DomainError("{value!r} is not a body region ({allowed}).", value=region, allowed=BODY_REGIONS)
    if len(set(seen)) != len(seen):
        raise DomainError("Each body region can be recorded once per examination.")
    # Rows are updated in place (a region no longer found is cleared, not deleted), so each
    # region's row keeps its id and its history in the audit trail.
    rows = {
        f.region: f
        for f in session.scalars(sa.select(DiagnosticFinding).where(DiagnosticFinding.patient_id == patient.id))
    }
    given = {f.region: f for f in regions}
    for region in sorted(rows.keys() | given.keys()):
        f = given.get(region, RegionFinding(region))
        row = rows.get(region)
        if row is None:
            if f == RegionFinding(region):
                continue  # nothing found in a region never recorded: no row
            row = DiagnosticFinding(patient_id=patient.id, region=region)
            session.add(row)
        elif (row.umn, row.lmn, row.emg_lmn) == (f.umn, f.lmn, f.emg_lmn):
            continue  # unchanged: keeps the date it was examined on
        row.umn, row.lmn, row.emg_lmn, row.examined_on = f.umn, f.lmn, f.emg_lmn, on
    met = gold_coast_met(progressive=progressive, findings=regions, mimics_excluded=mimics_excluded)
    patient.gold_coast_met = met
    patient.gold_coast_progressive = progressive
    patient.gold_coast_mimics_excluded = mimics_excluded
    return met, Changes(patients=True)


@requires("clinical.write")
def record_screening(
    *,
    session: Session,
    patient_id: uuid.UUID | str,
    screened_on: date,
    signs: Iterable[str],
    note: str = "",
    staff_id: uuid.UUID | None = None,
) -> Changes:
    """An early-sign screening (seed paper; NICE NG42): which warning signs are present."""
    patient = fetch_patient(session, patient_id)
    present = set(signs)
    unknown = present - set(SCREENING_SIGNS)
    if unknown:
        raise DomainError("{value!r} is not a screening sign.", value=sorted(unknown)[0])
    session.add(
        Screening(
            patient_id=patient.id,
            screened_on=SCREENED_ON(screened_on, patient.birth_date),
            note=SCREENING_NOTE(note),
            staff_id=staff_id,
            **{s: s in present for s in SCREENING_SIGNS},
        )
    )
    return Changes(patients=True)
