"""Data for the family's NIV plan and gastrostomy plan (issue 13 item 7): the settings in use (or
none recorded yet), the medicines through the tube, whom to call. Each is printed only while its
intervention is in place (services.interventions), never for a deceased patient."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from alsdesk import printdata as pd
from alsdesk.services import interventions, plan_settings
from alsdesk.services.access import requires
from alsdesk.services.chart import Chart, patient_chart
from alsdesk.services.printing import PrintOptions, key_worker, make_header
from alsdesk.services.printing_cards import card_medicines
from alsdesk.services.printing_sheets import refuse_if_deceased


def _in_place(kind: str, c: Chart, options: PrintOptions) -> dict[str, interventions.Intervention]:
    """The interventions in place on the print day, by kind; refused if the plan does not apply."""
    refuse_if_deceased(c.patient)
    visits = [(a.assessed_on, a.items) for a in c.assessments]
    milestones = [(m.kind, m.occurred_on) for m in c.milestones]
    found = {i.kind: i for i in interventions.in_place(milestones, visits, options.reference_day)}
    refused = interventions.plan_refusal(kind, c.patient.mrn, found)
    if refused is not None:
        raise refused
    return found


@requires("patient.read")
def niv_plan_data(
    *, session: Session, patient_id: uuid.UUID | str, options: PrintOptions = PrintOptions()
) -> pd.NivPlanData:
    c = patient_chart(session=session, patient_id=patient_id)
    found = _in_place("niv-plan", c, options)
    history = plan_settings.niv_history(session=session, patient_id=c.patient.id)
    return pd.NivPlanData(
        header=make_header(session=session, p=c.patient, options=options),
        since=found["niv"].since,
        settings=plan_settings.in_use(history, options.reference_day),
        key_worker=key_worker(session=session, p=c.patient),
    )


@requires("patient.read")
def gastrostomy_plan_data(
    *, session: Session, patient_id: uuid.UUID | str, options: PrintOptions = PrintOptions()
) -> pd.GastrostomyPlanData:
    c = patient_chart(session=session, patient_id=patient_id)
    found = _in_place("gastrostomy-plan", c, options)
    header = make_header(session=session, p=c.patient, options=options)
    history = plan_settings.gastrostomy_history(session=session, patient_id=c.patient.id)
    current = [m for m in c.medications if m.active]
    return pd.GastrostomyPlanData(
        header=header,
        since=found["gastrostomy"].since,
        settings=plan_settings.in_use(history, options.reference_day),
        medicines=card_medicines(session, current, header.lang, by_tube=True),
        key_worker=key_worker(session=session, p=c.patient),
    )
