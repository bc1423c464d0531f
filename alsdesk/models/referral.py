"""Referrals between specialties and facilities (FHIR Task-like lifecycle) and their events."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time

import sqlalchemy as sa
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import Mapped, mapped_column

from alsdesk.models.base import Base, FromSite, UTCDateTime, choice, patient_fk, staff_fk
from alsdesk.vocab import DISCIPLINES, REFERRAL_STATUS, URGENCY

REFERENCE_PREFIX = "R-"


def reference(referral_id: uuid.UUID) -> str:
    """The short number printed on a referral letter and its reply slip: "R-" and the last six hex
    digits of its ID, upper case. IDs are UUIDv7, time first: the last digits are random bits, so
    two referrals made in the same second differ there."""
    return f"{REFERENCE_PREFIX}{referral_id.hex[-6:].upper()}"


def _reference_default(context: DefaultExecutionContext) -> str:
    # The id column comes first, so its own default is already in the row's parameters.
    row: dict[str, uuid.UUID] = context.get_current_parameters()  # type: ignore[no-untyped-call]  # untyped in SQLAlchemy
    return reference(row["id"])


class Referral(FromSite, Base):
    __tablename__ = "referral"
    __table_args__ = (sa.Index("ix_referral_status_follow", "status", "follow_up_on", "patient_id"),)

    patient_id: Mapped[uuid.UUID] = patient_fk()
    referral_date: Mapped[date] = mapped_column(sa.Date)
    from_specialty: Mapped[str] = mapped_column(choice("from_discipline", DISCIPLINES))
    to_specialty: Mapped[str] = mapped_column(choice("to_discipline", DISCIPLINES))
    to_facility: Mapped[str] = mapped_column(sa.String(200), default="")
    to_person: Mapped[str] = mapped_column(sa.String(200), default="")
    reason: Mapped[str] = mapped_column(sa.Text)
    urgency: Mapped[str] = mapped_column(choice("urgency", URGENCY), default="routine")
    requested_service: Mapped[str] = mapped_column(sa.String(300), default="")
    questions: Mapped[str] = mapped_column(sa.Text, default="")
    status: Mapped[str] = mapped_column(choice("referral_status", REFERRAL_STATUS), default="draft")
    sent_on: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
    follow_up_on: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
    appointment_on: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
    appointment_time: Mapped[time | None] = mapped_column(sa.Time, nullable=True)  # its start, when known
    reply_on: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
    findings: Mapped[str] = mapped_column(sa.Text, default="")
    recommendations: Mapped[str] = mapped_column(sa.Text, default="")
    staff_id: Mapped[uuid.UUID | None] = staff_fk()
    # reference(id), stored and indexed so the search box finds a letter's reply by an index lookup.
    reference: Mapped[str] = mapped_column(sa.String(8), default=_reference_default, server_default="", index=True)


class ReferralEvent(FromSite, Base):
    __tablename__ = "referral_event"

    patient_id: Mapped[uuid.UUID] = patient_fk()
    referral_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("referral.id"), index=True)
    from_status: Mapped[str | None] = mapped_column(sa.String(20), nullable=True)
    to_status: Mapped[str] = mapped_column(sa.String(20))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    staff_id: Mapped[uuid.UUID | None] = staff_fk()
    # Why a step was reverted (services.lifecycle.revert); empty for an ordinary step.
    reason: Mapped[str] = mapped_column(sa.Text, default="")
