"""Data for the family's cards (issue 13 item 7): the medication card, each current medicine in the
family's words, and the alert card, what an emergency team needs in the first minute."""

from __future__ import annotations

import uuid
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk import printdata as pd
from alsdesk.errors import DomainError
from alsdesk.i18n.labels import family_purpose
from alsdesk.models import Medication
from alsdesk.services import allergies, catalogs, interventions
from alsdesk.services.access import requires
from alsdesk.services.chart import patient_chart
from alsdesk.services.medications import MedicationView
from alsdesk.services.printing import PrintOptions, key_worker, make_header
from alsdesk.services.printing_care_plan import current_printed_plan
from alsdesk.services.printing_sheets import refuse_if_deceased


@requires("patient.read")
def medication_card_data(
    *, session: Session, patient_id: uuid.UUID | str, options: PrintOptions = PrintOptions()
) -> pd.MedicationCardData:
    """What each current medicine is for, when to take it, whether through the feeding tube and
    when its next blood test is due. Refused with no current medicine, or for a deceased patient."""
    c = patient_chart(session=session, patient_id=patient_id)
    refuse_if_deceased(c.patient)
    current = [m for m in c.medications if m.active]
    if not current:
        raise DomainError("Patient {mrn} has no current medication; no medication card is printed.", mrn=c.patient.mrn)
    header = make_header(session=session, p=c.patient, options=options)
    on = options.reference_day
    visits = [(a.assessed_on, a.items) for a in c.assessments]
    in_place = interventions.in_place([(m.kind, m.occurred_on) for m in c.milestones], visits, on)
    by_tube = any(i.kind == "gastrostomy" for i in in_place)
    return pd.MedicationCardData(header=header, medicines=card_medicines(session, current, header.lang, by_tube))


def card_medicines(
    session: Session, current: list[MedicationView], lang: str, by_tube: bool
) -> tuple[pd.CardMedicine, ...]:
    """Each current medicine in the family's words (the medication card's and the gastrostomy
    plan's rule): what it is for, its dose in `lang`, whether by tube, its next ALT test."""
    purposes = {  # a shipped drug's in the family's words, else the purpose the clinic wrote
        d.code: family_purpose(d.code, lang) or (d.purpose_zh if lang == "zh_CN" and d.purpose_zh else d.purpose)
        for d in catalogs.drugs(session=session)
    }
    ids = [m.id for m in current]
    query = sa.select(Medication.id, Medication.alt_due_on).where(Medication.id.in_(ids))
    due: dict[uuid.UUID, date | None] = {course: on_day for course, on_day in session.execute(query)}
    return tuple(
        pd.CardMedicine(m.drug_label(lang), purposes.get(m.drug_code, ""), m.dose_text(lang), by_tube, due.get(m.id))
        for m in current
    )


@requires("patient.read")
def alert_card_data(
    *, session: Session, patient_id: uuid.UUID | str, options: PrintOptions = PrintOptions()
) -> pd.AlertCardData:
    """NIV and gastrostomy with their start days, allergies, the key worker and the advance-care-plan
    status (the structured record; without one, the day of the latest note of that kind). Refused for a
    deceased patient, as every family paper is."""
    c = patient_chart(session=session, patient_id=patient_id)
    refuse_if_deceased(c.patient)
    header = make_header(session=session, p=c.patient, options=options)
    on = options.reference_day
    visits = [(a.assessed_on, a.items) for a in c.assessments]
    in_place = interventions.in_place([(m.kind, m.occurred_on) for m in c.milestones], visits, on)
    known = allergies.allergy_state(session=session, patient_id=c.patient.id)
    notes = [n.occurred_on for n in c.notes if n.kind == "advance_care_plan" and n.occurred_on <= on]
    return pd.AlertCardData(
        header=header,
        in_place=tuple((i.kind, i.since) for i in in_place),
        allergies=pd.Allergies(
            tuple(pd.AllergyLine(a.substance, a.reaction, a.severity) for a in known.allergies), known.no_known_since
        ),
        key_worker=key_worker(session=session, p=c.patient),
        care_plan_noted=max(notes, default=None),
        care_plan=current_printed_plan(session, c.patient.id),
    )
