"""Clinic visits: ALSFRS-R items and respiratory, weight and height measurements."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from alsdesk.models.base import Base, FromSite, patient_fk, staff_fk

ITEM_KEYS = ("1", "2", "3", "4", "5a", "5b", "6", "7", "8", "9", "10", "11", "12")


def item_column(key: str) -> str:
    return f"item_{key}"


_ITEM_COLUMNS = tuple((k, item_column(k)) for k in ITEM_KEYS)


def scored_items(row: Any) -> dict[str, int] | None:
    """The scored ALSFRS-R items of a row (object or Core row), None when none was taken."""
    scored = {k: v for k, column in _ITEM_COLUMNS if (v := getattr(row, column)) is not None}
    return scored or None


def _item_checks() -> list[sa.CheckConstraint]:
    checks = [
        sa.CheckConstraint(f"{item_column(k)} BETWEEN 0 AND 4", name=f"{item_column(k)}_range") for k in ITEM_KEYS
    ]
    checks.append(
        sa.CheckConstraint("item_5a IS NULL OR item_5b IS NULL", name="one_of_5a_5b"),
    )
    return checks


class Assessment(FromSite, Base):
    __tablename__ = "assessment"
    __table_args__ = (
        *_item_checks(),
        sa.CheckConstraint("fvc_percent IS NULL OR fvc_percent BETWEEN 0 AND 200", name="fvc_range"),
        sa.CheckConstraint("snip_cmh2o IS NULL OR snip_cmh2o BETWEEN 0 AND 250", name="snip_range"),
        sa.CheckConstraint("spo2_percent IS NULL OR spo2_percent BETWEEN 50 AND 100", name="spo2_range"),
        sa.CheckConstraint("weight_kg IS NULL OR weight_kg BETWEEN 10 AND 400", name="weight_range"),
        sa.CheckConstraint("height_cm IS NULL OR height_cm BETWEEN 50 AND 250", name="height_range"),
        # item_1 makes "each patient's last scored visit" (the worklist's reassessments) index-only.
        sa.Index("ix_assessment_patient_date", "patient_id", "assessed_on", "item_1"),
    )

    patient_id: Mapped[uuid.UUID] = patient_fk()
    assessed_on: Mapped[date] = mapped_column(sa.Date)
    item_1: Mapped[int | None] = mapped_column(sa.SmallInteger, nullable=True)
    item_2: Mapped[int | None] = mapped_column(sa.SmallInteger, nullable=True)
    item_3: Mapped[int | None] = mapped_column(sa.SmallInteger, nullable=True)
    item_4: Mapped[int | None] = mapped_column(sa.SmallInteger, nullable=True)
    item_5a: Mapped[int | None] = mapped_column(sa.SmallInteger, nullable=True)
    item_5b: Mapped[int | None] = mapped_column(sa.SmallInteger, nullable=True)
    item_6: Mapped[int | None] = mapped_column(sa.SmallInteger, nullable=True)
    item_7: Mapped[int | None] = mapped_column(sa.SmallInteger, nullable=True)
    item_8: Mapped[int | None] = mapped_column(sa.SmallInteger, nullable=True)
    item_9: Mapped[int | None] = mapped_column(sa.SmallInteger, nullable=True)
    item_10: Mapped[int | None] = mapped_column(sa.SmallInteger, nullable=True)
    item_11: Mapped[int | None] = mapped_column(sa.SmallInteger, nullable=True)
    item_12: Mapped[int | None] = mapped_column(sa.SmallInteger, nullable=True)
    fvc_percent: Mapped[float | None] = mapped_column(sa.Float, nullable=True)
    snip_cmh2o: Mapped[float | None] = mapped_column(sa.Float, nullable=True)
    spo2_percent: Mapped[float | None] = mapped_column(sa.Float, nullable=True)
    # History only (schema 0013 moved the flag to the patient, where the SpO2 rule reads it).
    lung_disease: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    # NG42 respiratory symptoms recorded at the visit: vocab.RESPIRATORY_SYMPTOMS codes, comma-separated.
    symptoms: Mapped[str] = mapped_column(sa.String(300), default="", server_default="")
    weight_kg: Mapped[float | None] = mapped_column(sa.Float, nullable=True)
    height_cm: Mapped[float | None] = mapped_column(sa.Float, nullable=True)
    staff_id: Mapped[uuid.UUID | None] = staff_fk()
    note: Mapped[str] = mapped_column(sa.Text, default="")


class Alert(FromSite, Base):
    """A guideline alert raised by a visit or a lab; open until a clinician acknowledges it, or until
    it closes by itself (its rule no longer met, or the intervention it asked about in place). Never
    deleted: its status, and why and when it closed, are its history."""

    __tablename__ = "alert"
    __table_args__ = (sa.Index("ix_alert_status_raised", "status", "raised_on", "patient_id"),)

    patient_id: Mapped[uuid.UUID] = patient_fk()
    kind: Mapped[str] = mapped_column(sa.String(40))
    raised_on: Mapped[date] = mapped_column(sa.Date)
    message: Mapped[str] = mapped_column(sa.String(300))  # in English: the CLI, exports, the audit trail
    # The message as data (schema 0015): its services/messages.py template, and its values as JSON
    # (alsdesk.i18n.values.encode), so the window and documents can word it in their language.
    message_key: Mapped[str] = mapped_column(sa.String(300), default="", server_default="")
    message_values: Mapped[str] = mapped_column(sa.Text, default="{}", server_default="{}")
    source_id: Mapped[uuid.UUID | None] = mapped_column(sa.Uuid, nullable=True)
    status: Mapped[str] = mapped_column(sa.String(20), default="open")
    acknowledged_by: Mapped[uuid.UUID | None] = staff_fk()
    acknowledged_note: Mapped[str] = mapped_column(sa.Text, default="")
    # What fired it: vocab.NIV_CRITERIA codes for an NIV alert, the rule's one criterion for others,
    # comma-separated; "" for alerts raised before schema 0013.
    criteria: Mapped[str] = mapped_column(sa.String(200), default="", server_default="")
    closed_reason: Mapped[str | None] = mapped_column(sa.String(40), nullable=True)  # vocab.ALERT_CLOSED_REASONS
    closed_on: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
