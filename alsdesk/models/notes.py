"""Clinical notes, education and counselling sessions, shared decisions; worklist dismissals."""

from __future__ import annotations

import uuid
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from alsdesk.models.base import Base, FromSite, choice, patient_fk, staff_fk
from alsdesk.vocab import NOTE_KIND


class ClinicalNote(FromSite, Base):
    __tablename__ = "clinical_note"

    patient_id: Mapped[uuid.UUID] = patient_fk()
    kind: Mapped[str] = mapped_column(choice("note_kind", NOTE_KIND))
    occurred_on: Mapped[date] = mapped_column(sa.Date)
    topic: Mapped[str] = mapped_column(sa.String(200), default="")
    text: Mapped[str] = mapped_column(sa.Text)
    staff_id: Mapped[uuid.UUID | None] = staff_fk()


class WorklistDismissal(FromSite, Base):
    """A worklist item a coordinator dismissed with a reason; `item_key` names the item."""

    __tablename__ = "worklist_dismissal"

    patient_id: Mapped[uuid.UUID] = patient_fk()
    item_key: Mapped[str] = mapped_column(sa.String(120), unique=True)
    dismissed_on: Mapped[date] = mapped_column(sa.Date)
    reason: Mapped[str] = mapped_column(sa.String(300))
    staff_id: Mapped[uuid.UUID | None] = staff_fk()
