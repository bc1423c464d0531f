"""Data for the care-plan summary (issue 13 item 7) and the advance-care-plan status other family
papers print (the alert card): the current structured plan, as documents print it."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from alsdesk import printdata as pd
from alsdesk.errors import DomainError
from alsdesk.services import care_plans
from alsdesk.services.access import requires
from alsdesk.services.chart import patient_chart
from alsdesk.services.printing import PrintOptions, make_header, staff_member
from alsdesk.services.printing_sheets import refuse_if_deceased


def printed_plan(session: Session, plan: care_plans.PlanView) -> pd.CarePlan:
    by = staff_member(session=session, staff_id=plan.staff_id)
    return pd.CarePlan(
        plan.recorded_on,
        "" if by is None else by.name,
        plan.preferences,
        plan.adrt_in_place,
        plan.adrt_refuses,
        plan.adrt_text,
        plan.resuscitation,
        plan.resuscitation_on,
        plan.care_place,
        plan.care_place_text,
        plan.death_place,
        plan.death_place_text,
        plan.decider,
        plan.decider_name,
        plan.decider_relationship,
        plan.decider_phone,
        plan.review_on,
    )


def current_printed_plan(session: Session, patient_id: uuid.UUID) -> pd.CarePlan | None:
    plan = care_plans.current_plan(session=session, patient_id=patient_id)
    return None if plan is None else printed_plan(session, plan)


@requires("patient.read")
def care_plan_data(
    *, session: Session, patient_id: uuid.UUID | str, options: PrintOptions = PrintOptions()
) -> pd.CarePlanData:
    """The current plan and the days of its history (revisions and notes of the plan's kind).
    Refused with no structured plan recorded, or for a deceased patient, as every family paper is."""
    c = patient_chart(session=session, patient_id=patient_id)
    refuse_if_deceased(c.patient)
    plan = current_printed_plan(session, c.patient.id)
    if plan is None:
        raise DomainError(
            "Patient {mrn}: no advance care plan recorded; no care-plan summary is printed.", mrn=c.patient.mrn
        )
    history = care_plans.plan_history(session=session, patient_id=c.patient.id)
    return pd.CarePlanData(
        header=make_header(session=session, p=c.patient, options=options),
        plan=plan,
        history=tuple((h.on, h.revision is not None) for h in history),
    )
