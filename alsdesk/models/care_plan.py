"""The structured advance-care-plan record (issue 13 item 7; NICE NG42 advance care planning)."""

from __future__ import annotations

import uuid
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from alsdesk.models.base import Base, FromSite, choice, patient_fk, staff_fk
from alsdesk.vocab import CARE_PLACES, DECIDERS, RESUSCITATION


class AdvanceCarePlan(FromSite, Base):
    """One revision of a patient's advance care plan. A change is a new row with the next
    `revision`; the highest is current. Rows are never changed or deleted: the history is the rows."""

    __tablename__ = "advance_care_plan"
    __table_args__ = (sa.UniqueConstraint("patient_id", "revision", name="uq_advance_care_plan_revision"),)

    patient_id: Mapped[uuid.UUID] = patient_fk()
    revision: Mapped[int] = mapped_column(sa.Integer)
    recorded_on: Mapped[date] = mapped_column(sa.Date)
    staff_id: Mapped[uuid.UUID | None] = staff_fk()  # recorded by
    preferences: Mapped[str] = mapped_column(sa.Text, default="")
    adrt_in_place: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    adrt_refuses: Mapped[str] = mapped_column(sa.String(100), default="")  # vocab.ADRT_REFUSES, space-separated
    adrt_text: Mapped[str] = mapped_column(sa.String(1000), default="")
    resuscitation: Mapped[str] = mapped_column(choice("resuscitation", RESUSCITATION), default="not_discussed")
    resuscitation_on: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
    care_place: Mapped[str | None] = mapped_column(choice("care_place", CARE_PLACES), nullable=True)
    care_place_text: Mapped[str] = mapped_column(sa.String(300), default="")
    death_place: Mapped[str | None] = mapped_column(choice("death_place", CARE_PLACES), nullable=True)
    death_place_text: Mapped[str] = mapped_column(sa.String(300), default="")
    decider: Mapped[str] = mapped_column(choice("decider", DECIDERS), default="no_one_named")
    decider_name: Mapped[str] = mapped_column(sa.String(200), default="")
    decider_relationship: Mapped[str] = mapped_column(sa.String(100), default="")
    decider_phone: Mapped[str] = mapped_column(sa.String(50), default="")
    review_on: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
