"""Which interventions a patient has in place on a day: gastrostomy, NIV, tracheostomy.

The one rule every piece of advice reads (alerts, checklist items, documents, `patient show`), so
a "discuss gastrostomy" is never raised for a patient who has one. docs/clinical-rules.md.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alsdesk.errors import DomainError
from alsdesk.models import Assessment, Milestone
from alsdesk.models.assessment import scored_items

# In the order documents list them.
KINDS = ("gastrostomy", "niv", "tracheostomy")


@dataclass(frozen=True)
class Intervention:
    kind: str  # one of KINDS
    since: date  # the earliest evidence: the milestone's date or the first visit that showed it
    source: str  # "milestone" or "alsfrs": what that earliest evidence was


def shown_by_items(kind: str, items: dict[str, int]) -> bool:
    """What the ALSFRS-R itself says is in place (Cedarbaum 1999 anchors): 5b is scored only with a
    gastrostomy; item 12 < 4 means BiPAP/NIV in use; item 12 = 0 means invasive ventilation."""
    if kind == "gastrostomy":
        return "5b" in items
    respiratory = items.get("12")
    if respiratory is None:
        return False
    return respiratory < 4 if kind == "niv" else respiratory == 0


def in_place(
    milestones: Iterable[tuple[str, date]], visits: Iterable[tuple[date, dict[str, int] | None]], on: date
) -> list[Intervention]:
    """Interventions in place on `on` (NICE NG42; domain: "Interventions in place change the advice").

    A gastrostomy counts when its milestone is recorded or 5b is scored; NIV when its milestone is
    recorded or item 12 < 4; a tracheostomy when its milestone is recorded or item 12 = 0. Only
    evidence dated on or before `on` counts. `milestones` are (kind, date); `visits` are (date,
    scored items or None).
    """
    earliest: dict[str, tuple[date, str]] = {}

    def seen(kind: str, day: date, source: str) -> None:
        if day <= on and (kind not in earliest or day < earliest[kind][0]):
            earliest[kind] = (day, source)

    for kind, day in milestones:
        if kind in KINDS:
            seen(kind, day, "milestone")
    for day, items in visits:
        for kind in KINDS:
            if items and shown_by_items(kind, items):
                seen(kind, day, "alsfrs")
    return [Intervention(k, *earliest[k]) for k in KINDS if k in earliest]


def nil_by_mouth(visits: Iterable[tuple[date, dict[str, int] | None]], on: date) -> bool:
    """Fed only by tube on `on`: the latest scored visit on or before it scored ALSFRS-R item 3
    (swallowing) 0, "NPO (exclusively parenteral or enteral feeding)" (Cedarbaum 1999); 1, "needs
    supplemental tube feeding", still eats by mouth. Advice about eating is then left out."""
    latest: tuple[date, int] | None = None
    for day, items in visits:
        if items and "3" in items and day <= on and (latest is None or day >= latest[0]):
            latest = (day, items["3"])
    return latest is not None and latest[1] == 0


def patient_interventions(*, session: Session, patient_id: uuid.UUID, on: date) -> list[Intervention]:
    """`in_place` read from the database for one patient."""
    milestones = session.execute(
        sa.select(Milestone.kind, Milestone.occurred_on).where(
            Milestone.patient_id == patient_id, Milestone.kind.in_(KINDS)
        )
    ).all()
    rows: list[Any] = list(session.execute(sa.select(Assessment).where(Assessment.patient_id == patient_id)).scalars())
    return in_place([(k, d) for k, d in milestones], [(r.assessed_on, scored_items(r)) for r in rows], on)


# The family plans that follow an intervention (services.printing_plans prints them; the chart's
# Print menu offers each only while it applies, saying why not).
PLAN_KINDS = ("niv-plan", "gastrostomy-plan")


def plan_refusal(kind: str, mrn: str, in_place: Collection[str]) -> DomainError | None:
    """Why a plan of `kind` does not apply to a patient with `in_place` (None: it does). The NIV
    plan's advice is for a mask: a patient ventilated through a tracheostomy needs another plan."""
    if kind == "niv-plan" and "niv" not in in_place:
        return DomainError("Patient {mrn} has no NIV in place; no NIV plan is printed.", mrn=mrn)
    if kind == "niv-plan" and "tracheostomy" in in_place:
        return DomainError(
            "Patient {mrn} is ventilated through a tracheostomy, not by a mask; no NIV plan is printed.", mrn=mrn
        )
    if kind == "gastrostomy-plan" and "gastrostomy" not in in_place:
        return DomainError("Patient {mrn} has no gastrostomy in place; no gastrostomy plan is printed.", mrn=mrn)
    return None
