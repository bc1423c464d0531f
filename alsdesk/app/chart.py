"""Chart loading: what a chart window shows, read in one session (the patient's chart plus the
catalogs its tabs need). No Qt: the window runs it on a worker."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from alsdesk.i18n.values import Name
from alsdesk.services import allergies, care_plans, catalogs, chart, clinic, plan_settings
from alsdesk.services.care_plans import HistoryEntry, PlanView
from alsdesk.services.plan_settings import GastrostomySettings, NivSettings
from alsdesk.services.restricted import NOBODY
from alsdesk.services.settings import load_settings


@dataclass(frozen=True)
class ChartData:
    chart: chart.Chart
    today: date
    workup_names: dict[str, Name]  # every workup type's name by code, in English and Chinese
    templates: tuple[catalogs.ProgramTemplateView, ...]
    drugs: tuple[catalogs.DrugView, ...]
    staff: dict[uuid.UUID, str]
    review_days: int
    allergies: tuple[allergies.AllergyView, ...] = ()  # the active ones, most severe first
    care_plans: tuple[PlanView, ...] = ()  # the advance care plan's revisions, current first
    care_plan_history: tuple[HistoryEntry, ...] = ()  # revisions and notes, latest first
    niv_in_use: NivSettings | None = None  # the NIV settings in use today (services.plan_settings)
    tube_in_use: GastrostomySettings | None = None  # the tube and feed in use today


def load_chart_data(session: Session, patient_id: uuid.UUID, today: date, audit_view: bool = False) -> ChartData:
    """Everything a chart window shows; `audit_view` records the opening (needs a write session)."""
    return ChartData(
        chart=chart.patient_chart(session=session, patient_id=patient_id, audit_view=audit_view),
        today=today,
        workup_names=catalogs.workup_type_names_both(session=session),
        templates=tuple(catalogs.program_templates(session=session)),
        drugs=tuple(catalogs.drugs(session=session)),
        staff={
            s.id: s.shown_name for s in clinic.list_staff(session=session, include_inactive=True, include_foreign=True)
        },
        review_days=int(load_settings(session=session)["workup_review_days"]),
        allergies=tuple(allergies.list_allergies(session=session, patient_id=patient_id)),
        care_plans=tuple(care_plans.revisions(session=session, patient_id=patient_id)),
        care_plan_history=tuple(care_plans.plan_history(session=session, patient_id=patient_id)),
        niv_in_use=plan_settings.in_use(plan_settings.niv_history(session=session, patient_id=patient_id), today),
        tube_in_use=plan_settings.in_use(
            plan_settings.gastrostomy_history(session=session, patient_id=patient_id), today
        ),
    )


def record_chart_view(session: Session, patient_id: uuid.UUID) -> None:
    """Record that a person opened the chart (services.chart.record_view; needs a write session)."""
    chart.record_view(session=session, patient_id=patient_id)


def prepare_chart_reads(session: Session) -> None:
    """Read the chart of nobody (services.restricted.NOBODY): every statement of a chart runs,
    finds no row and is compiled, so the first chart a person opens waits only for its rows (the
    compiling was ~30 of its ~55 ms on the worker). Nothing is recorded and nothing is shown."""
    load_chart_data(session, NOBODY, date.today())
