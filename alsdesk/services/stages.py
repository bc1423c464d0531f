"""Where a patient stands on a day: King's and MiToS stage now, stage 5 from the date of death."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.models import Assessment
from alsdesk.models.assessment import scored_items
from alsdesk.services import scoring
from alsdesk.services.access import requires
from alsdesk.services.restricted import fetch_patient

if TYPE_CHECKING:
    from alsdesk.services.chart import Chart

DEATH_STAGE = 5  # King's stage 5 and MiToS stage 5 are both death


@dataclass(frozen=True)
class StageNow:
    """King's ("1"–"3", "4A", "4B", "5") and MiToS (0–5) stage on a day, and the day they date
    from: the scored visit they were read from, or the date of death. None and None: no scored
    visit on or before the day (and not dead)."""

    kings: str | None
    mitos: int | None
    since: date | None
    from_death: bool = False


def stage_now(*, death_date: date | None, scored: Iterable[tuple[date, str, int]], on: date) -> StageNow:
    """The stage on `on`.

    From the date of death (on or after it) both stages are 5: King's stage 5 is death (Roche et
    al., Brain 2012;135:847), and so is MiToS stage 5 (Chiò et al., JNNP 2015;86:38–44); stage 5
    comes from the recorded date of death, never from ALSFRS-R items. Before it, the stages of the
    latest visit scored on or before `on` (`scored`: assessment date, King's, MiToS, as
    services.scoring computed them from the items).
    """
    if death_date is not None and on >= death_date:
        return StageNow(str(DEATH_STAGE), DEATH_STAGE, death_date, from_death=True)
    latest = max((visit for visit in scored if visit[0] <= on), key=lambda visit: visit[0], default=None)
    if latest is None:
        return StageNow(None, None, None)
    return StageNow(latest[1], latest[2], latest[0])


def chart_stage_now(chart: Chart, on: date) -> StageNow:
    """stage_now() for a loaded chart (the window's header, the CLI, documents)."""
    scored = [(a.assessed_on, a.scores.kings, a.scores.mitos) for a in chart.assessments if a.scores is not None]
    return stage_now(death_date=chart.patient.death_date, scored=scored, on=on)


@requires("patient.read")
def patient_stage_now(*, session: Session, patient_id: uuid.UUID | str, on: date) -> StageNow:
    """stage_now() for a stored patient: their date of death and their scored visits."""
    patient = fetch_patient(session, patient_id)
    rows = session.scalars(
        sa.select(Assessment).where(
            Assessment.patient_id == patient.id, Assessment.assessed_on <= on, Assessment.item_1.is_not(None)
        )
    )
    scored = []
    for row in rows:
        items = scored_items(row)
        if items:
            scored.append((row.assessed_on, scoring.kings_stage(items), scoring.mitos_stage(items)))
    return stage_now(death_date=patient.death_date, scored=scored, on=on)
