"""Merge conflicts: a record changed at this clinic and at another since they last exchanged it."""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from alsdesk.models.base import SITE_ID_LENGTH, Base, UTCDateTime, choice


class MergeConflict(Base):
    """Both versions of a record, kept for a person to choose (services.conflicts); the local one
    stays in its table until then. Values are the export's JSON rows (exchange.format)."""

    __tablename__ = "merge_conflict"

    table_name: Mapped[str] = mapped_column(sa.String(60))
    record_id: Mapped[uuid.UUID] = mapped_column(sa.Uuid, index=True)
    patient_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("patient.id", ondelete="RESTRICT"), index=True)
    local_values: Mapped[str] = mapped_column(sa.Text)
    incoming_values: Mapped[str] = mapped_column(sa.Text)
    incoming_site: Mapped[str] = mapped_column(sa.String(SITE_ID_LENGTH))
    detected_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # "" while open; which side was kept, when and by whom once resolved
    kept: Mapped[str] = mapped_column(choice("conflict_kept", ("", "local", "incoming")), default="")
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    resolved_by: Mapped[str] = mapped_column(sa.String(64), default="")
